/* test_svm.c -- folding libsvm's linear model, liblinear's fits, Platt scaling, pairwise coupling. */
#include "train.h"
#include "tap.h"

#include <libsvm/svm.h>
#include <linear.h>
#include <math.h>   /* pow */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>  /* mkstemp, close, unlink */

static void quiet(const char *s)
{
    (void)s;
}

static uint64_t rng = 88172645463325252ULL;
static double rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (double)(rng >> 11) / 9007199254740992.0;
}

static int same_doubles(const double *a, const double *b, int n)
{
    if (!a || !b) return a == b;
    return memcmp(a, b, (size_t)n * sizeof(double)) == 0;   /* bit for bit */
}

static struct svm_model *parse_str(const char *text, nd_err *err)
{
    return nd_svm_parse(text, strlen(text), "t.svm", err);
}

/* nd_svm_parse builds exactly the model svm_load_model reads from the same file. */
static void check_parse(const struct svm_model *trained)
{
    char path[] = "/tmp/nd-test-svm-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) {
        ok(0, "temporary file");
        return;
    }
    close(fd);
    svm_save_model(path, trained);
    struct svm_model *ref = svm_load_model(path);
    FILE *f = fopen(path, "rb");
    static char text[1 << 20];
    size_t len = f ? fread(text, 1, sizeof(text), f) : 0;
    if (f) fclose(f);
    unlink(path);
    nd_err err;
    struct svm_model *m = nd_svm_parse(text, len, path, &err);
    ok(ref && m, "libsvm and nd_svm_parse both read the saved model");
    if (!ref || !m) return;
    int k = m->nr_class, np = k * (k - 1) / 2, same = 1;
    ok(m->param.svm_type == ref->param.svm_type && m->param.kernel_type == ref->param.kernel_type && k == ref->nr_class &&
           m->l == ref->l, "same type, kernel, classes and support vector count");
    ok(same_doubles(m->rho, ref->rho, np) && same_doubles(m->probA, ref->probA, np) &&
           same_doubles(m->probB, ref->probB, np), "same rho and Platt pairs, bit for bit");
    ok(memcmp(m->label, ref->label, (size_t)k * sizeof(int)) == 0 && memcmp(m->nSV, ref->nSV, (size_t)k * sizeof(int)) == 0,
       "same labels and per-class counts");
    for (int c = 0; c < k - 1; c++) same &= same_doubles(m->sv_coef[c], ref->sv_coef[c], m->l);
    ok(same, "same coefficients, bit for bit");
    for (int i = 0; i < m->l && same; i++) {
        const struct svm_node *a = m->SV[i], *b = ref->SV[i];
        for (; a->index != -1 && b->index != -1; a++, b++)
            if (a->index != b->index || memcmp(&a->value, &b->value, sizeof(double)) != 0) same = 0;
        if (a->index != b->index) same = 0;
    }
    ok(same, "same support vectors, bit for bit");
    svm_free_and_destroy_model(&m);
    svm_free_and_destroy_model(&ref);

    /* numbers outside the fast path, and what must be refused */
    const char *head = "svm_type c_svc\nkernel_type linear\nnr_class 2\ntotal_sv 2\nrho -0.25\nlabel 1 -1\nnr_sv 1 1\nSV\n";
    char buf[512];
    snprintf(buf, sizeof(buf), "%s0.12345678901234567 3:1e-05 7:-2.5E+3 \n-1 1:123456789012345678 2:0 \n", head);
    m = parse_str(buf, &err);
    ok(m && m->sv_coef[0][0] == 0.12345678901234567 && m->SV[0][0].value == 1e-05 && m->SV[0][1].value == -2500 &&
           m->SV[0][2].index == -1 && m->SV[1][0].value == 123456789012345678.0 && m->SV[1][1].index == 2 &&
           m->rho[0] == -0.25,
       "long mantissas, exponents and signs");
    if (m) svm_free_and_destroy_model(&m);
    snprintf(buf, sizeof(buf), "%s0.5 1:1 \n", head);
    m = parse_str(buf, &err);
    ok(!m && strstr(err.msg, "t.svm:10: fewer support vectors"), "a truncated file is refused: %s", err.msg);
    snprintf(buf, sizeof(buf), "%s0.5 1:1 \n-0.5 2x:1 \n", head);
    m = parse_str(buf, &err);
    ok(!m && strstr(err.msg, "t.svm:10: bad index:value"), "a bad pair is refused with its line: %s", err.msg);
    m = parse_str("svm_type c_svc\nkernel_type linear\nSV\n", &err);
    ok(!m && strstr(err.msg, "lacks nr_class"), "a header without classes is refused: %s", err.msg);
    m = parse_str("", &err);
    ok(!m && strstr(err.msg, "no 'SV' line"), "an empty file is refused: %s", err.msg);
    m = parse_str("svm_type c_svc\nnr_class 99999999999\nSV\n", &err);
    ok(!m && strstr(err.msg, "t.svm:2: bad value"), "an absurd class count is refused (found by make fuzz): %s", err.msg);
    m = parse_str("svm_type c_svc\nfoo 1\nSV\n", &err);
    ok(!m && strstr(err.msg, "t.svm:2: unknown header line"), "an unknown header line is refused: %s", err.msg);
}

/*
 * Coefficients as libsvm writes them (17 digits) and longer, near and at
 * the halfway points between doubles: parsed bit for bit as strtod does.
 */
static void check_numbers(void)
{
    enum { N = 20000 };
    static char text[N * 48 + 256], num[N][40];
    int n = 0;
    const char *hard[] = { "9007199254740993", "9007199254740995", "0.30000000000000004", "1.0000000000000002",
                           "4.4501477170144022e-1", "2.2250738585072014", "0.1000000000000000055511151231257827",
                           "9999999999999999999", "1.7976931348623157e-5", "0.49999999999999994",
                           /* within half an x87 ulp of a point halfway between two doubles, on the side away from the even one */
                           "1.000000000000000111", "1.000000000000005218", "-1.000000000000009881", "1.000000000000010103" };
    for (size_t i = 0; i < sizeof(hard) / sizeof(*hard); i++) snprintf(num[n++], sizeof(num[0]), "%s", hard[i]);
    while (n < N) {
        double v = (rnd() - 0.5) * pow(10, (int)(rnd() * 12) - 6);
        int digits = 15 + (int)(rnd() * 5);   /* 15..19 significant digits */
        snprintf(num[n++], sizeof(num[0]), "%.*g", digits, v);
    }
    size_t len = (size_t)snprintf(text, sizeof(text),
                                  "svm_type c_svc\nkernel_type linear\nnr_class 2\ntotal_sv %d\nrho 0\nlabel 1 -1\n"
                                  "nr_sv %d %d\nSV\n", N, N / 2, N - N / 2);
    for (int i = 0; i < N; i++) len += (size_t)snprintf(text + len, sizeof(text) - len, "%s 1:1 \n", num[i]);
    nd_err err;
    struct svm_model *m = nd_svm_parse(text, len, "t.svm", &err);
    int bad = -1;
    for (int i = 0; m && i < N && bad < 0; i++) {
        double want = strtod(num[i], NULL);
        if (memcmp(&want, &m->sv_coef[0][i], sizeof(double)) != 0) bad = i;
    }
    ok(m && bad < 0, "%d decimals of 15 to 19 digits parse as strtod parses them, bit for bit%s%s", N,
       bad >= 0 ? ": not " : "", bad >= 0 ? num[bad] : "");
    if (m) svm_free_and_destroy_model(&m);
}

/*
 * n sparse points in K classes, class c's around features 10c+1..10c+10
 * (each there with chance 0.6, elsewhere with chance 'other'), at most 11
 * features a point, rows in *pool; trained by libsvm (linear C-SVC, C = 1).
 */
static struct svm_model *train_groups(int K, int n, double other, struct svm_node **pool, struct svm_node **x, double *y)
{
    *pool = malloc(sizeof(struct svm_node) * (size_t)n * 12);
    for (int i = 0; i < n; i++) {
        int c = i % K, k = 0;
        struct svm_node *row = *pool + i * 12;
        for (int f = 1; f <= 10 * K && k < 11; f++) {
            int mine = (f - 1) / 10 == c;
            if (rnd() < (mine ? 0.6 : other)) row[k++] = (struct svm_node){ f, 0.2 + rnd() };
        }
        row[k] = (struct svm_node){ -1, 0 };
        x[i] = row;
        y[i] = c;
    }
    struct svm_problem prob = { n, y, x };
    struct svm_parameter p;
    memset(&p, 0, sizeof(p));
    p.svm_type = C_SVC;
    p.kernel_type = LINEAR;
    p.cache_size = 10;
    p.eps = 1e-4;
    p.C = 1;
    p.shrinking = 1;
    return svm_train(&prob, &p);
}

/*
 * K classes of sparse points around their own feature groups, trained by
 * libsvm, folded: the decision values and the votes must be libsvm's. From
 * 12 classes on (more than 64 pairs) the weights are stored sparse, a row of
 * (pair, weight) per feature, instead of a dense row of all pairs.
 */
static void check_layout(int K)
{
    int n = 20 * K, nf = 10 * K;
    struct svm_node *pool;
    struct svm_node **x = malloc(sizeof(*x) * (size_t)n);
    double *y = malloc(sizeof(double) * (size_t)n);
    struct svm_model *m = train_groups(K, n, 0.02, &pool, x, y);
    int np = K * (K - 1) / 2;
    char **labels = malloc((size_t)K * sizeof(char *));
    for (int c = 0; c < K; c++) {
        char name[16];
        snprintf(name, sizeof(name), "c%d", c);
        labels[c] = nd_xstrdup(name);
    }
    struct svm_model *keep = m;
    nd_linsvm *s = nd_linsvm_fold(m, labels, K, (uint32_t)nf);
    ok(s && s->npairs == np, "%d classes folded into %d pairs", K, np);
    double *ref = malloc(sizeof(double) * (size_t)np), *got = malloc(sizeof(double) * (size_t)np);
    double *scratch = malloc(nd_linsvm_scratch(s) * sizeof(double));
    nd_svec v;
    nd_svec_init(&v);
    double maxdiff = 0;
    int same_pred = 1;
    for (int i = 0; i < n; i++) {
        double pred = svm_predict_values(keep, x[i], ref);
        v.n = 0;
        for (const struct svm_node *nd = x[i]; nd->index != -1; nd++) nd_svec_push(&v, (uint32_t)nd->index, (float)nd->value);
        nd_linsvm_decision(s, &v, got);
        for (int k = 0; k < np; k++) maxdiff = fmax(maxdiff, fabs(ref[k] - got[k]));
        double conf;
        same_pred &= nd_linsvm_predict(s, &v, NULL, scratch, &conf) == (int)pred;
    }
    ok(maxdiff < 1e-5, "%d classes (%s weights): decision values equal libsvm's (max diff %g)", K,
       np > 64 ? "sparse" : "dense", maxdiff);
    ok(same_pred, "%d classes: the votes predict what svm_predict predicts", K);
    nd_svec_release(&v);
    free(scratch);
    free(ref);
    free(got);
    nd_linsvm_free(s);
    free(pool);
    free(x);
    free(y);
}

/*
 * The trainer's liblinear fits (one class against the rest, svmtrain.c) of
 * K classes, assembled into a libsvm model and folded: the per-class layout
 * must predict what liblinear's own predict() predicts from its own
 * one-vs-rest fit of the same rows, with the same decision values, and the
 * libsvm model file must predict the same through libsvm's svm_predict.
 */
static void check_rest(int K)
{
    int n = 20 * K, nf = 10 * K;
    struct svm_node *pool;
    struct svm_node **x = malloc(sizeof(*x) * (size_t)n);
    double *y = malloc(sizeof(double) * (size_t)n);
    svm_free_and_destroy_model((struct svm_model *[]){ train_groups(K, n, 0.02, &pool, x, y) });
    /* the trainer's rows: each with its bias node in the slot before it */
    struct svm_node *rows = malloc(sizeof(*rows) * (size_t)n * 13), **xr = malloc(sizeof(*xr) * (size_t)n);
    for (int i = 0; i < n; i++) {
        struct svm_node *r = rows + (size_t)i * 13;
        r[0] = (struct svm_node){ nf + 1, 1 };
        int k = 0;
        do r[1 + k] = x[i][k]; while (x[i][k++].index != -1);
        xr[i] = r + 1;
    }
    int *count = calloc((size_t)K, sizeof(int)), *fold = calloc((size_t)n, sizeof(int));
    for (int i = 0; i < n; i++) count[(int)y[i]]++;
    double grid[] = { 1, 0 };
    struct task_data td = { .k = K, .solver = ND_SOLVER_LIBLINEAR, .n = n, .x = xr, .y = y, .fold = fold, .count = count,
                            .nfeat = (uint32_t)nf, .grid = grid, .ngrid = 1 };
    struct job *jobs = calloc((size_t)K, sizeof(*jobs));
    for (int c = 0; c < K; c++) jobs[c] = (struct job){ .td = &td, .C = 1, .fold = -1, .cls = c };
    nd_run_jobs(jobs, (size_t)K, 2, NULL);
    const char *error = NULL;
    struct svm_model *sm = nd_assemble_rest(&td, jobs, &error);
    ok(sm && sm->l == K, "%d classes: liblinear's fits assemble into a libsvm model of %d vectors", K, K);
    if (!sm) return;
    char path[] = "/tmp/nd-test-rest-XXXXXX";
    int fd = mkstemp(path);
    if (fd >= 0) close(fd);
    svm_save_model(path, sm);
    struct svm_model *file = svm_load_model(path);
    unlink(path);
    char **labels = malloc((size_t)K * sizeof(char *));
    for (int c = 0; c < K; c++) labels[c] = nd_xstrdup("c");
    nd_linsvm *s = nd_linsvm_fold(sm, labels, K, (uint32_t)nf);
    ok(s && s->per_class && s->stride >= K, "%d classes: folded into one weight per class and feature", K);

    /* liblinear's own one-vs-rest fit of the same rows */
    struct feature_node **fx = malloc(sizeof(*fx) * (size_t)n);
    for (int i = 0; i < n; i++) fx[i] = (struct feature_node *)(xr[i] - 1);
    struct problem prob = { .l = n, .n = nf + 1, .y = y, .x = fx, .bias = -1 };
    struct parameter par = { .solver_type = L2R_L2LOSS_SVC, .eps = 0.001, .C = 1 };
    struct model *lm = train(&prob, &par);
    double *dv = malloc(sizeof(double) * (size_t)K), *dec = malloc(nd_linsvm_scratch(s) * sizeof(double));
    double *scratch = malloc(nd_linsvm_scratch(s) * sizeof(double)), maxdiff = 0;
    int same = 1, same_file = 1;
    nd_svec v;
    nd_svec_init(&v);
    for (int i = 0; i < n; i++) {
        double want = predict_values(lm, fx[i], dv);
        v.n = 0;
        for (const struct svm_node *nd = xr[i]; nd->index != -1; nd++) nd_svec_push(&v, (uint32_t)nd->index, (float)nd->value);
        nd_linsvm_decision(s, &v, dec);
        int p = 0;
        for (int a = 0; a < K; a++)   /* liblinear's classes are in order of appearance: 0, 1, ... here */
            for (int b = a + 1; b < K; b++, p++) maxdiff = fmax(maxdiff, fabs((dv[a] - dv[b]) - dec[p]));
        double conf;
        int c = nd_linsvm_predict(s, &v, NULL, scratch, &conf);
        same &= c == (int)want;
        same_file &= file && svm_predict(file, x[i]) == want;
    }
    ok(maxdiff < 1e-3, "%d classes: pair decisions are liblinear's score differences (max diff %g)", K, maxdiff);
    ok(same, "%d classes: the folded model predicts what liblinear's predict() does", K);
    ok(same_file, "%d classes: and so does libsvm's svm_predict on the saved model file", K);
    nd_svec_release(&v);
    free_and_destroy_model(&lm);
    if (file) svm_free_and_destroy_model(&file);
    for (int c = 0; c < K; c++) nd_job_release(&jobs[c]);
    nd_linsvm_free(s);
    free(jobs);
    free(dv);
    free(dec);
    free(scratch);
    free(fx);
    free(count);
    free(fold);
    free(rows);
    free(xr);
    free(pool);
    free(x);
    free(y);
}

int main(void)
{
    set_print_string_function(quiet);
    svm_set_print_string_function(quiet);
    /* three classes of sparse points around different feature groups */
    enum { N = 90, F = 30 };
    struct svm_node *pool;
    struct svm_node *x[N];
    double y[N];
    struct svm_model *m = train_groups(3, N, 0.15, &pool, x, y);
    ok(m && m->nr_class == 3, "libsvm trains three classes");
    check_parse(m);
    check_numbers();
    double ref[3];
    double got[3];
    nd_svec v;
    nd_svec_init(&v);
    char **labels = malloc(3 * sizeof(char *));
    labels[0] = nd_xstrdup("a");
    labels[1] = nd_xstrdup("b");
    labels[2] = nd_xstrdup("c");
    /* fold keeps the libsvm model; compare decision values before handing it over */
    double maxdiff = 0;
    int same_pred = 1;
    struct svm_model *keep = m;
    nd_linsvm *s = nd_linsvm_fold(m, labels, 3, F);
    ok(s && s->npairs == 3, "folded into three pairs");
    double *scratch = malloc(nd_linsvm_scratch(s) * sizeof(double));
    for (int i = 0; i < N; i++) {
        double pred = svm_predict_values(keep, x[i], ref);
        v.n = 0;
        for (const struct svm_node *n = x[i]; n->index != -1; n++) nd_svec_push(&v, (uint32_t)n->index, (float)n->value);
        nd_linsvm_decision(s, &v, got);
        for (int k = 0; k < 3; k++) {
            double d = ref[k] - got[k];
            if (d < 0) d = -d;
            if (d > maxdiff) maxdiff = d;
        }
        double conf;
        int c = nd_linsvm_predict(s, &v, NULL, scratch, &conf);   /* votes: no Platt yet */
        if (c != (int)pred) same_pred = 0;
    }
    ok(maxdiff < 1e-5, "folded decision values equal libsvm's (max diff %g)", maxdiff);
    ok(same_pred, "folded votes predict what svm_predict predicts");
    check_layout(11);   /* 55 pairs: dense */
    check_layout(14);   /* 91 pairs: sparse */
    check_rest(16);     /* more than 13 labels, one-vs-rest */
    check_rest(3);

    /* Platt: well separated values give confident, ordered probabilities */
    double dec[200];
    int8_t yy[200];
    for (int i = 0; i < 200; i++) {
        yy[i] = i % 2 ? 1 : -1;
        dec[i] = yy[i] * (1.0 + rnd()) + (rnd() - 0.5);
    }
    double a, b;
    nd_platt_fit(dec, yy, 200, &a, &b);
    ok(a < 0, "Platt slope is negative (A = %.3f)", a);
    double p_hi = 1 / (1 + exp(a * 2 + b)), p_lo = 1 / (1 + exp(a * -2 + b));
    ok(p_hi > 0.9 && p_lo < 0.1, "P(+|f=2) = %.3f, P(+|f=-2) = %.3f", p_hi, p_lo);

    /* coupling recovers consistent class probabilities */
    const double truth[3] = { 0.5, 0.3, 0.2 };
    double r[9], pr[3], tmp[3 * 5];   /* k * (k + 2) */
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) r[i * 3 + j] = i == j ? 0 : truth[i] / (truth[i] + truth[j]);
    nd_pairwise_coupling(3, r, pr, tmp);
    is_dbl(pr[0], 0.5, 1e-3, "coupling p0");
    is_dbl(pr[1], 0.3, 1e-3, "coupling p1");
    is_dbl(pr[2], 0.2, 1e-3, "coupling p2");

    free(scratch);
    nd_svec_release(&v);
    nd_linsvm_free(s);   /* frees the libsvm model too */
    free(pool);
    return done_testing();
}
