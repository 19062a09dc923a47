/* test_svm.c -- folding libsvm's linear model, Platt scaling, pairwise coupling. */
#include "text.h"
#include "tap.h"

#include <libsvm/svm.h>
#include <stdlib.h>

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

int main(void)
{
    svm_set_print_string_function(quiet);
    /* three classes of sparse points around different feature groups */
    enum { N = 90, F = 30 };
    struct svm_node *pool = malloc(sizeof(struct svm_node) * N * 12);
    struct svm_node *x[N];
    double y[N];
    for (int i = 0; i < N; i++) {
        int c = i % 3;
        struct svm_node *row = pool + i * 12;
        int k = 0;
        for (int f = 1; f <= F && k < 10; f++) {
            int mine = (f - 1) / 10 == c;
            if (rnd() < (mine ? 0.6 : 0.15)) row[k++] = (struct svm_node){ f, 0.2 + rnd() };
        }
        row[k] = (struct svm_node){ -1, 0 };
        x[i] = row;
        y[i] = c;
    }
    struct svm_problem prob = { N, y, x };
    struct svm_parameter p;
    memset(&p, 0, sizeof(p));
    p.svm_type = C_SVC;
    p.kernel_type = LINEAR;
    p.cache_size = 10;
    p.eps = 1e-4;
    p.C = 1;
    p.shrinking = 1;
    struct svm_model *m = svm_train(&prob, &p);
    ok(m && m->nr_class == 3, "libsvm trains three classes");
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
    double r[9], pr[3], tmp[6];
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
