/*
 * svmtrain.c -- fitting libsvm models for the classifiers: the Gram matrix,
 * the cross-validation jobs run on a pool of threads, the per-pair Platt
 * sigmoids from their out-of-fold decision values.
 */
#include "train.h"

#include <libsvm/svm.h>  /* svm_train */
#include <linear.h>       /* liblinear: train */
#include <pthread.h>     /* pthread_create */
#include <stdatomic.h>   /* atomic_size_t */
#include <stdlib.h>      /* free */

/* Fewest out-of-fold decisions a class pair needs for a Platt sigmoid of its own (two parameters). */
#define ND_PLATT_MIN 30

/*
 * A model from svm_train points into the training rows (libsvm's free_sv = 0
 * case). Give it its own copy of its support vectors, so the rows can go and
 * the model frees them as if it had been loaded from disk.
 */
void nd_own_support_vectors(struct svm_model *sm)
{
    if (sm->l == 0 || sm->free_sv) return;
    size_t total = 0;
    for (int i = 0; i < sm->l; i++) {
        const struct svm_node *nd = sm->SV[i];
        while (nd->index != -1) nd++, total++;
        total++;
    }
    struct svm_node *own = nd_xmalloc(total * sizeof(*own));
    size_t at = 0;
    for (int i = 0; i < sm->l; i++) {
        const struct svm_node *nd = sm->SV[i];
        sm->SV[i] = own + at;
        do own[at++] = *nd; while ((nd++)->index != -1);
    }
    sm->free_sv = 1;   /* svm_free_model_content frees SV[0], where 'own' starts */
}

/*-----   the Gram matrix   -----*/

struct gram_ctx {
    struct svm_node **rows;       /* sparse rows */
    size_t n;
    uint32_t *post_start;         /* inverted index: feature -> (doc, value) */
    uint32_t *post_doc;
    float *post_val;
    struct svm_node *g;           /* n * (n + 2) nodes */
    atomic_size_t next;
};

static void *gram_worker(void *arg)
{
    struct gram_ctx *c = arg;
    size_t n = c->n, stride = n + 2;
    double *acc = nd_xcalloc(n, sizeof(double));
    for (;;) {
        size_t i = atomic_fetch_add(&c->next, 1);
        if (i >= n) break;
        for (const struct svm_node *x = c->rows[i]; x->index != -1; x++)
            for (uint32_t k = c->post_start[x->index]; k < c->post_start[x->index + 1]; k++) {
                if (c->post_doc[k] > i) break;   /* lower triangle only; postings are in doc order */
                acc[c->post_doc[k]] += x->value * c->post_val[k];
            }
        struct svm_node *row = c->g + i * stride;
        for (size_t j = 0; j <= i; j++) {
            row[j + 1] = (struct svm_node){ (int)j + 1, acc[j] };
            c->g[j * stride + i + 1] = (struct svm_node){ (int)i + 1, acc[j] };
            acc[j] = 0;
        }
        row[0] = (struct svm_node){ 0, (double)(i + 1) };
        row[n + 1] = (struct svm_node){ -1, 0 };
    }
    free(acc);
    return NULL;
}

struct svm_node *nd_gram_build(struct svm_node **rows, size_t n, uint32_t nfeat, int threads)
{
    struct gram_ctx c;
    memset(&c, 0, sizeof(c));
    c.rows = rows;
    c.n = n;
    c.post_start = nd_xcalloc((size_t)nfeat + 2, sizeof(uint32_t));
    size_t nnz = 0;
    for (size_t i = 0; i < n; i++)
        for (const struct svm_node *x = rows[i]; x->index != -1; x++) c.post_start[x->index + 1]++, nnz++;
    for (uint32_t f = 1; f < nfeat + 2; f++) c.post_start[f] += c.post_start[f - 1];
    c.post_doc = nd_xmalloc((nnz ? nnz : 1) * sizeof(uint32_t));
    c.post_val = nd_xmalloc((nnz ? nnz : 1) * sizeof(float));
    uint32_t *fill = nd_xmalloc(((size_t)nfeat + 2) * sizeof(uint32_t));
    memcpy(fill, c.post_start, ((size_t)nfeat + 2) * sizeof(uint32_t));
    for (size_t i = 0; i < n; i++)
        for (const struct svm_node *x = rows[i]; x->index != -1; x++) {
            uint32_t at = fill[x->index]++;
            c.post_doc[at] = (uint32_t)i;
            c.post_val[at] = (float)x->value;
        }
    free(fill);
    c.g = nd_xmalloc(nd_st_mult(n, n + 2) * sizeof(struct svm_node));
    if (threads < 1) threads = 1;
    pthread_t th[64];
    int started = 0;
    for (int i = 1; i < threads && i < 64; i++)
        if (pthread_create(&th[started], NULL, gram_worker, &c) == 0) started++;
    gram_worker(&c);
    for (int i = 0; i < started; i++) pthread_join(th[i], NULL);
    free(c.post_start);
    free(c.post_doc);
    free(c.post_val);
    return c.g;
}

/*-----   progress   -----*/

struct fit_meter {
    const nd_train_opts *opts;
    pthread_mutex_t mu;
    size_t done, total;
    double work_done, work_total, t0;
    nd_train_progress last;
};

struct fit_meter *nd_meter_new(const nd_train_opts *opts, size_t fits, double work)
{
    if (!opts->progress || !fits) return NULL;
    struct fit_meter *m = nd_xcalloc(1, sizeof(*m));
    m->opts = opts;
    pthread_mutex_init(&m->mu, NULL);
    m->total = fits;
    m->work_total = work;
    m->t0 = nd_now();
    return m;
}

void nd_meter_tick(struct fit_meter *m, const nd_train_progress *where, double work)
{
    if (!m) return;
    pthread_mutex_lock(&m->mu);
    nd_train_progress p = *where;
    if (m->done < m->total) m->done++;
    m->work_done += work;
    p.done = m->done;
    p.total = m->total;
    p.elapsed = nd_now() - m->t0;
    p.left = m->work_done > 0 && m->work_done < m->work_total
                 ? p.elapsed * (m->work_total - m->work_done) / m->work_done : 0;
    m->last = p;
    m->opts->progress(&p, m->opts->progress_ctx);
    pthread_mutex_unlock(&m->mu);
}

void nd_meter_free(struct fit_meter *m)
{
    if (!m) return;
    if (m->done && m->done < m->total) {   /* fewer fits than counted (a stage skipped): the count ends anyway */
        m->done = m->total - 1;
        nd_meter_tick(m, &m->last, 0);
    }
    pthread_mutex_destroy(&m->mu);
    free(m);
}

/* Documents a fit of job j learns from: those outside its fold. */
static double fit_docs(const struct job *j)
{
    if (j->fold < 0) return j->td->n;
    int n = 0;
    for (int i = 0; i < j->td->n; i++) n += j->td->fold[i] != j->fold;
    return n;
}

void nd_job_work(const struct job *j, size_t *fits, double *work)
{
    const struct task_data *td = j->td;
    size_t f = td->solver != ND_SOLVER_LIBLINEAR ? 1 : j->cls < 0 ? 0 : j->fold < 0 ? 1 : (size_t)td->ngrid;
    *fits += f;
    *work += f ? (double)f * fit_docs(j) : 0;
}

/* One fit of job j done, at C. */
static void meter_tick(struct fit_meter *m, const struct job *j, double C)
{
    if (!m) return;
    const struct task_data *td = j->td;
    nd_train_progress p = { .stage = nd_task_name((nd_task)td->task), .task = td->task, .fold = j->fold + 1,
                            .folds = td->folds, .C = C, .label = td->solver == ND_SOLVER_LIBLINEAR ? j->cls + 1 : 0,
                            .labels = td->k };
    nd_meter_tick(m, &p, fit_docs(j));
}

/*-----   cross-validation jobs   -----*/

/* libsvm C-SVC settings shared by every fit: the kernel and C vary. */
void nd_svm_param(struct svm_parameter *p, int kernel, double C)
{
    memset(p, 0, sizeof(*p));
    p->svm_type = C_SVC;
    p->kernel_type = kernel;
    p->cache_size = 200;
    p->eps = 1e-3;
    p->C = C;
    p->shrinking = 1;
    p->probability = 0;
}

static size_t canon_pair(int k, int a, int b)
{
    return (size_t)a * (size_t)k - (size_t)a * (size_t)(a + 1) / 2 + (size_t)(b - a - 1);
}

/* libsvm's fit of the task's documents outside 'fold' (-1: all), or NULL with *error set. */
static struct svm_model *fit_libsvm(const struct task_data *td, int fold, double C, const char **error)
{
    struct svm_problem prob;
    int *which = nd_xmalloc((size_t)td->n * sizeof(int));   /* problem row -> task row */
    prob.l = 0;
    prob.x = nd_xmalloc((size_t)td->n * sizeof(*prob.x));
    prob.y = nd_xmalloc((size_t)td->n * sizeof(*prob.y));
    for (int i = 0; i < td->n; i++) {
        if (fold >= 0 && td->fold[i] == fold) continue;
        which[prob.l] = i;
        prob.x[prob.l] = td->g ? td->g[i] : td->x[i];
        prob.y[prob.l] = td->y[i];
        prob.l++;
    }
    struct svm_parameter param;
    nd_svm_param(&param, td->g ? PRECOMPUTED : LINEAR, C);
    /* weights only for classes present in this problem: libsvm warns on stderr otherwise */
    int *wl = NULL;
    double *wv = NULL;
    if (td->cw) {
        char *present = nd_xcalloc((size_t)td->k, 1);
        for (int i = 0; i < prob.l; i++) present[(int)prob.y[i]] = 1;
        wl = nd_xmalloc((size_t)td->k * sizeof(int));
        wv = nd_xmalloc((size_t)td->k * sizeof(double));
        int nw = 0;
        for (int c = 0; c < td->k; c++)
            if (present[c]) wl[nw] = c, wv[nw] = td->cw[c], nw++;
        free(present);
        param.nr_weight = nw;
        param.weight_label = wl;
        param.weight = wv;
    }
    struct svm_model *model = NULL;
    if (!(*error = svm_check_parameter(&prob, &param))) {
        model = svm_train(&prob, &param);
        if (td->g) {
            /* trained on kernel rows: point the support vectors at their TF-IDF rows, so the
             * model is the linear model it is (and folds and saves as one) */
            for (int i = 0; i < model->l; i++) model->SV[i] = td->x[which[model->sv_indices[i] - 1]];
            model->param.kernel_type = LINEAR;
        }
    }
    /* a final model keeps pointers to its support vectors in td->x, not to prob */
    free(which);
    free(wl);
    free(wv);
    free(prob.x);
    free(prob.y);
    return model;
}

/*
 * One held-out document's decision values dec (pairs of the classes lab[0..kk),
 * libsvm's positions) into j: its vote against its class y, and the values
 * of its class's pairs for the Platt sigmoids. votes: kk doubles of scratch.
 */
static void tally(struct job *j, const int *lab, int kk, const double *dec, double *votes, int y)
{
    for (int a = 0; a < kk; a++) votes[a] = 0;
    int q = 0;
    for (int a = 0; a < kk; a++)
        for (int b = a + 1; b < kk; b++, q++) {
            if (dec[q] > 0) votes[a] += 1;
            else votes[b] += 1;
        }
    int pred = 0;
    for (int a = 1; a < kk; a++)
        if (votes[a] > votes[pred]) pred = a;
    j->correct += lab[pred] == y;
    j->total++;
    int p = 0;
    for (int a = 0; a < kk; a++)
        for (int b = a + 1; b < kk; b++, p++) {
            if (lab[a] != y && lab[b] != y) continue;
            ND_GROW(j->pp, j->np + 1, j->npalloc);
            j->pd = nd_xrealloc(j->pd, j->npalloc * sizeof(*j->pd));
            j->py = nd_xrealloc(j->py, j->npalloc * sizeof(*j->py));
            j->pp[j->np] = (uint32_t)canon_pair(j->td->k, lab[a], lab[b]);
            j->pd[j->np] = dec[p];
            j->py[j->np] = lab[a] == y ? 1 : -1;
            j->np++;
        }
}

/*-----   liblinear   -----*/

/*
 * liblinear fits the same linear models in time linear in the data, one
 * class against the rest. Its primal trust-region Newton solver for the
 * L2-regularised squared hinge loss (L2R_L2LOSS_SVC) is used: it draws no
 * random numbers (the dual coordinate-descent solvers call rand(), whose one
 * shared state would make fits on several threads depend on their
 * interleaving), and it starts from a given solution, so each class's fits
 * go up the C grid each from the last one's weights.
 *
 * The result is given to the rest of the trainer as a libsvm linear model,
 * so that calibration and the model file stay what they are: class c's
 * weight vector w_c is its one support vector, with coefficient +1 in its
 * pairs with later classes and -1 in those with earlier ones, so that pair
 * (a, b) decides by w_a.x - w_b.x - rho with rho = b_b - b_a; the pairs'
 * votes elect the class of the highest score. nd_linsvm_fold recognises the
 * shape and keeps one weight per class and feature.
 *
 * Rows carry their bias node in the slot before them (build_rows), a
 * feature of value 1 whose weight is the bias (regularised, as liblinear's
 * own -B 1 does).
 */

/*
 * The stopping tolerance, libsvm's own. liblinear's default, 0.01, is 30%
 * faster on 20 Newsgroups, but its out-of-fold decision values calibrate
 * worse: reuters21578's 78 topics lost 0.27 points of test accuracy with it
 * in the cross-validation fits alone, 0.30 with it everywhere.
 */
#define ND_LINEAR_EPS 0.001
/* The final fit's steps below its C only start the next: loose (45k documents: 30 s -> 11 s) */
#define ND_PATH_EPS 0.1

static void run_rest_job(struct job *j)
{
    const struct task_data *td = j->td;
    struct feature_node **x = nd_xmalloc((size_t)td->n * sizeof(*x) + 1);
    double *y = nd_xmalloc((size_t)td->n * sizeof(double) + 1);
    int l = 0, npos = 0, nheld = 0;
    for (int i = 0; i < td->n; i++) {
        if (j->fold >= 0 && td->fold[i] == j->fold) {
            nheld++;
            continue;
        }
        x[l] = (struct feature_node *)(td->x[i] - 1);   /* from its bias node */
        y[l] = (int)td->y[i] == j->cls ? 1 : -1;
        npos += y[l++] > 0;
    }
    if (!npos) {   /* the class is all in the fold left out */
        j->absent = 1;
        free(x);
        free(y);
        return;
    }
    /*
     * A cross-validation run fits one C of the grid, from the weights it
     * left at the C below (train.c runs them up the grid a C at a time);
     * the final fit goes up to its C in one run, loosely below it: from a
     * cold start at a large C TRON takes several times as long (the 45k set
     * of scripts/bench-train at C=8: 30 s against 11 s).
     */
    int ng = td->ngrid, g0 = 0;
    if (j->fold < 0) {
        ng = 0;
        while (ng < td->ngrid && td->grid[ng] != j->C) ng++;
        ng = ng < td->ngrid ? ng + 1 : 1;   /* C off the grid: one fit at it */
    } else {   /* one C, grid[j->g], from the weights at the one below */
        if (!j->score) j->score = nd_xmalloc((size_t)ng * (size_t)nheld * sizeof(float) + 1);
        g0 = j->g;
        ng = j->g + 1;
    }
    struct problem prob = { .l = l, .n = (int)td->nfeat + 1, .y = y, .x = x, .bias = -1 };
    int wl = 1;
    double wv = td->cw ? td->cw[j->cls] : 1, *w0 = j->wk;
    j->wk = NULL;
    for (int g = g0; g < ng && !j->error; g++) {
        double eps = j->fold < 0 && g < ng - 1 ? ND_PATH_EPS : ND_LINEAR_EPS;
        struct parameter par = { .solver_type = L2R_L2LOSS_SVC, .eps = eps, .C = j->fold < 0 && ng == 1 ? j->C : td->grid[g],
                                 .nr_weight = td->cw ? 1 : 0, .weight_label = &wl, .weight = &wv, .init_sol = w0 };
        if ((j->error = check_parameter(&prob, &par))) break;
        struct model *lm = train(&prob, &par);
        if (j->fold >= 0 || g == ng - 1) meter_tick(j->meter, j, par.C);   /* a final job is one fit to the meter */
        double sign = lm->label[0] == 1 ? 1 : -1;   /* liblinear's w favours its first label */
        const double *w = lm->w;
        if (j->fold >= 0) {
            float *sc = j->score + (size_t)g * (size_t)nheld;
            for (int i = 0, h = 0; i < td->n; i++) {
                if (td->fold[i] != j->fold) continue;
                double v = w[td->nfeat];
                for (const struct svm_node *nd = td->x[i]; nd->index != -1; nd++) v += w[nd->index - 1] * nd->value;
                sc[h++] = (float)(sign * v);
            }
        } else if (g == ng - 1) {
            size_t nz = 0, at = 0;
            for (uint32_t f = 0; f < td->nfeat; f++) nz += w[f] != 0;
            j->w = nd_xmalloc((nz + 1) * sizeof(*j->w));
            for (uint32_t f = 0; f < td->nfeat; f++)
                if (w[f] != 0) j->w[at++] = (struct svm_node){ (int)f + 1, sign * w[f] };
            j->w[at] = (struct svm_node){ -1, 0 };
            j->bias = sign * w[td->nfeat];
        }
        free(w0);
        w0 = lm->w;   /* the next C starts here */
        lm->w = NULL;
        free_and_destroy_model(&lm);
    }
    if (j->fold >= 0) j->wk = w0;   /* for the next run, up the grid */
    else free(w0);
    free(x);
    free(y);
}

void nd_gather_rest(struct job *j, int g, const struct job *cls)
{
    const struct task_data *td = j->td;
    int k = td->k, kk = 0, nheld = 0;
    int *lab = nd_xmalloc((size_t)k * sizeof(int));
    for (int c = 0; c < k; c++)
        if (!cls[c].absent) lab[kk++] = c;
    for (int i = 0; i < td->n; i++) nheld += td->fold[i] == j->fold;
    double *dec = nd_xmalloc(((size_t)kk * (size_t)kk + 1) * sizeof(double)), *votes = dec + (size_t)kk * (kk - 1) / 2;
    for (int i = 0, h = 0; i < td->n; i++) {
        if (td->fold[i] != j->fold) continue;
        int p = 0;
        for (int a = 0; a < kk; a++)
            for (int b = a + 1; b < kk; b++, p++)
                dec[p] = (double)cls[lab[a]].score[(size_t)g * nheld + h] - cls[lab[b]].score[(size_t)g * nheld + h];
        if (kk >= 2) tally(j, lab, kk, dec, votes, (int)td->y[i]);
        h++;
    }
    free(dec);
    free(lab);
}

struct svm_model *nd_assemble_rest(const struct task_data *td, struct job *cls, const char **error)
{
    /* the class weights move into the model */
    int k = td->k;
    for (int c = 0; c < k; c++)
        if ((*error = cls[c].error)) return NULL;
    size_t total = 0;
    for (int c = 0; c < k; c++) {
        if (cls[c].absent) return NULL;   /* cannot be: every class has documents */
        for (const struct svm_node *n = cls[c].w; n->index != -1; n++) total++;
        total++;
    }
    struct svm_model *m = nd_xcalloc(1, sizeof(*m));
    nd_svm_param(&m->param, LINEAR, cls[0].C);
    m->nr_class = k;
    m->l = k;
    m->SV = nd_xmalloc((size_t)k * sizeof(*m->SV));
    struct svm_node *sv = nd_xmalloc(total * sizeof(*sv));
    for (int c = 0, at = 0; c < k; c++) {
        m->SV[c] = sv + at;
        const struct svm_node *n = cls[c].w;
        do sv[at++] = *n; while ((n++)->index != -1);
        free(cls[c].w);   /* k x features nodes: not twice at the peak */
        cls[c].w = NULL;
    }
    m->free_sv = 1;   /* svm_free_model_content frees SV[0], where 'sv' starts */
    m->sv_coef = nd_xmalloc((size_t)(k - 1) * sizeof(*m->sv_coef));
    for (int r = 0; r < k - 1; r++) m->sv_coef[r] = nd_xcalloc((size_t)k, sizeof(double));
    m->rho = nd_xmalloc((size_t)k * (size_t)(k - 1) / 2 * sizeof(double));
    m->label = nd_xmalloc((size_t)k * sizeof(int));
    m->nSV = nd_xmalloc((size_t)k * sizeof(int));
    int p = 0;
    for (int a = 0; a < k; a++) {
        m->label[a] = a;
        m->nSV[a] = 1;
        for (int b = a + 1; b < k; b++, p++) {
            m->sv_coef[b - 1][a] = 1;    /* class a's vector in pair (a, b) */
            m->sv_coef[a][b] = -1;       /* class b's */
            m->rho[p] = cls[b].bias - cls[a].bias;
        }
    }
    return m;
}

void nd_job_release(struct job *j)
{
    free(j->pp);
    free(j->pd);
    free(j->py);
    free(j->score);
    free(j->wk);
    free(j->w);
    if (j->model) svm_free_and_destroy_model(&j->model);
}

static void run_job(struct job *j)
{
    const struct task_data *td = j->td;
    if (j->skip) return;
    if (td->solver == ND_SOLVER_LIBLINEAR) {
        if (j->cls >= 0) run_rest_job(j);
        return;
    }
    struct svm_model *model = fit_libsvm(td, j->fold, j->C, &j->error);
    if (!model) return;
    meter_tick(j->meter, j, j->C);
    if (j->fold < 0) {
        j->model = model;
        return;
    }
    nd_linsvm *s = nd_linsvm_fold(model, NULL, model->nr_class, td->nfeat);
    if (!s) {
        svm_free_and_destroy_model(&model);
        return;
    }
    double *scratch = nd_xmalloc(nd_linsvm_scratch(s) * sizeof(double));
    nd_svec x;
    nd_svec_init(&x);
    for (int i = 0; i < td->n; i++) {
        if (td->fold[i] != j->fold) continue;
        x.n = 0;
        for (const struct svm_node *nd = td->x[i]; nd->index != -1; nd++) nd_svec_push(&x, (uint32_t)nd->index, (float)nd->value);
        /* votes in libsvm's class positions (a fold may lack rare classes) */
        nd_linsvm_decision(s, &x, scratch);
        tally(j, model->label, s->nclass, scratch, scratch + s->npairs, (int)td->y[i]);
    }
    nd_svec_release(&x);
    free(scratch);
    nd_linsvm_free(s);
}

/* n items of 'size' bytes, each given to fn, by 'threads' threads taking the next one. */
struct pool {
    char *items;
    size_t size, n;
    void (*fn)(void *);
    atomic_size_t next;
};

static void *worker(void *arg)
{
    struct pool *p = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&p->next, 1);
        if (i >= p->n) break;
        p->fn(p->items + i * p->size);
    }
    return NULL;
}

void nd_run_pool(void *items, size_t size, size_t n, void (*fn)(void *), int threads)
{
    struct pool p = { items, size, n, fn, 0 };
    if (threads > (int)n) threads = (int)n;
    if (threads <= 1) {
        worker(&p);
        return;
    }
    pthread_t *th = nd_xmalloc((size_t)threads * sizeof(*th));
    int started = 0;
    for (int i = 0; i < threads; i++)
        if (pthread_create(&th[i], NULL, worker, &p) == 0) started++;
    if (!started) worker(&p);
    for (int i = 0; i < started; i++) pthread_join(th[i], NULL);
    free(th);
}

static void run_job_item(void *j)
{
    run_job(j);
}

void nd_run_jobs(struct job *jobs, size_t n, int threads, struct fit_meter *meter)
{
    for (size_t i = 0; i < n; i++) jobs[i].meter = meter;
    nd_run_pool(jobs, sizeof(*jobs), n, run_job_item, threads);
}

/*
 * Platt sigmoids per class pair for the folded model s, from the
 * out-of-fold decision values of the cross-validation jobs at its C
 * (jobs[0..folds), in fold order).
 */
void nd_calibrate_pairs(nd_linsvm *s, const struct job *jobs, int folds)
{
    size_t np = (size_t)s->npairs;
    size_t *cnt = nd_xcalloc(np + 1, sizeof(size_t));
    for (int f = 0; f < folds; f++)
        for (size_t i = 0; i < jobs[f].np; i++) cnt[jobs[f].pp[i] + 1]++;
    for (size_t p = 0; p < np; p++) cnt[p + 1] += cnt[p];
    double *dv = nd_xmalloc((cnt[np] + 1) * sizeof(double));
    int8_t *yv = nd_xmalloc(cnt[np] + 1);
    size_t *fill = nd_xmalloc((np + 1) * sizeof(size_t));
    memcpy(fill, cnt, (np + 1) * sizeof(size_t));
    for (int f = 0; f < folds; f++)
        for (size_t i = 0; i < jobs[f].np; i++) {
            size_t at = fill[jobs[f].pp[i]]++;
            dv[at] = jobs[f].pd[i];
            yv[at] = jobs[f].py[i];
        }
    s->prob_a = nd_xmalloc(np * sizeof(double));
    s->prob_b = nd_xmalloc(np * sizeof(double));
    /*
     * A pair with few out-of-fold decisions (two rare classes: reuters21578
     * has topics with one to ten documents) gets no sigmoid of its own, which
     * would fit noise, but the one fitted on all pairs' decisions together.
     */
    double pool_a = -2.0, pool_b = 0.0;   /* no evidence at all: a plain sigmoid */
    if (cnt[np] >= 2) nd_platt_fit(dv, yv, cnt[np], &pool_a, &pool_b);
    for (size_t p = 0; p < np; p++) {
        size_t n = cnt[p + 1] - cnt[p];
        if (n >= ND_PLATT_MIN)
            nd_platt_fit(dv + cnt[p], yv + cnt[p], n, &s->prob_a[p], &s->prob_b[p]);
        else
            s->prob_a[p] = pool_a, s->prob_b[p] = pool_b;
    }
    free(cnt);
    free(dv);
    free(yv);
    free(fill);
}

/*-----   one classifier's run: its view of the rows, its classes and folds, its C   -----*/

/*
 * A task's rows as its view sees them (nd_model_view): the shared rows with
 * the gazetteer and title blocks scaled or dropped, normalised again. Into
 * a copy, which is returned, or, when no task after this one reads the
 * shared rows, over them (16 bytes a document's term fewer; returns NULL).
 */
static struct svm_node *scale_rows(struct svm_node **x, size_t n, const nd_view *view, int in_place)
{
    const double scale[3] = { 1.0, view->g, view->tg };
    size_t total = 0;
    for (size_t i = 0; i < n && !in_place; i++) {
        const struct svm_node *p = x[i];
        while (p->index != -1) p++, total++;
        total += 2;   /* its end and its bias node */
    }
    struct svm_node *own = in_place ? NULL : nd_xmalloc((total ? total : 1) * sizeof(*own));
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        if (in_place) {   /* the row shrinks where it lies: nodes are written at or before where they are read */
            own = x[i];
            at = 0;
        } else {
            own[at++] = x[i][-1];   /* the bias node */
        }
        struct svm_node *row = own + at;
        double ss = 0;
        for (const struct svm_node *p = x[i]; p->index != -1; p++) {
            double g = scale[nd_view_block(view, (uint32_t)p->index)];
            if (g == 0) continue;
            double v = p->value * g;
            own[at++] = (struct svm_node){ p->index, v };
            ss += v * v;
        }
        own[at++] = (struct svm_node){ -1, 0 };
        double inv = ss > 0 ? 1.0 / sqrt(ss) : 1.0;
        for (struct svm_node *p = row; p->index != -1; p++) p->value = (float)(p->value * inv);
        x[i] = row;
    }
    return in_place ? NULL : own;
}

/* xorshift64*: the fold shuffle's generator (independent of rand()). */
static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ULL;
}

struct labeled { int cls; int doc; };

static int cmp_labeled(const void *a, const void *b)
{
    const struct labeled *x = a, *y = b;
    if (x->cls != y->cls) return x->cls < y->cls ? -1 : 1;
    return x->doc < y->doc ? -1 : x->doc > y->doc;
}

struct name_idx { const char *name; int idx; };

static int cmp_name(const void *a, const void *b)
{
    return strcmp(((const struct name_idx *)a)->name, ((const struct name_idx *)b)->name);
}

/* Classes in name order; the task's documents ordered by class. Returns the number of classes. */
static int order_classes(const nd_trainer *t, int k, struct task_run *r, struct labeled **ld, int *n)
{
    int nl = (int)t->labels[k].n;
    struct name_idx *ni = nd_xmalloc((size_t)nl * sizeof(*ni));
    for (int i = 0; i < nl; i++) ni[i] = (struct name_idx){ nd_strmap_key(&t->labels[k], (size_t)i), i };
    qsort(ni, (size_t)nl, sizeof(*ni), cmp_name);
    int *cls = nd_xmalloc((size_t)nl * sizeof(int));
    r->names = nd_xmalloc((size_t)nl * sizeof(char *));
    for (int i = 0; i < nl; i++) {
        cls[ni[i].idx] = i;
        r->names[i] = nd_xstrdup(ni[i].name);
    }
    free(ni);
    *ld = nd_xmalloc(t->ndocs * sizeof(**ld));
    *n = 0;
    for (size_t d = 0; d < t->ndocs; d++)
        if (t->label[k][d] >= 0) (*ld)[(*n)++] = (struct labeled){ cls[t->label[k][d]], (int)d };
    free(cls);
    qsort(*ld, (size_t)*n, sizeof(**ld), cmp_labeled);
    return nl;
}

/* Stratified folds: shuffle each class's documents (T's, ordered by class), deal them out. */
static void deal_folds(const nd_trainer *t, int k, struct task_data *T)
{
    uint64_t rs = 0x9E3779B97F4A7C15ULL ^ ((uint64_t)t->opts.seed * 0x100000001B3ULL + (uint64_t)k + 1);
    int n = T->n;
    int *perm = nd_xmalloc((size_t)n * sizeof(int) + 1);
    for (int i = 0, c0 = 0; i < n; i = c0) {
        c0 = i;
        while (c0 < n && T->y[c0] == T->y[i]) c0++;
        int len = c0 - i;
        for (int a = 0; a < len; a++) perm[a] = a;
        for (int a = len - 1; a > 0; a--) {
            int b = (int)(rng_next(&rs) % (uint64_t)(a + 1));
            int tmp = perm[a]; perm[a] = perm[b]; perm[b] = tmp;
        }
        for (int a = 0; a < len; a++) T->fold[i + perm[a]] = a % t->opts.folds;
    }
    free(perm);
}

/* Task k's training data from the shared rows: classes, folds, class weights, its view's scaling, the Gram matrix. */
void nd_task_setup(const nd_trainer *t, const nd_model *m, struct svm_node **rows, int k, int last, struct task_run *r)
{
    struct labeled *ld;
    int n;
    int nl = order_classes(t, k, r, &ld, &n);
    struct task_data *T = &r->td;
    T->k = nl;
    T->n = n;
    T->nfeat = (uint32_t)m->vocab.n;
    T->x = nd_xmalloc((size_t)n * sizeof(*T->x) + 1);
    T->y = nd_xmalloc((size_t)n * sizeof(*T->y) + 1);
    T->fold = nd_xmalloc((size_t)n * sizeof(int) + 1);
    T->count = nd_xcalloc((size_t)nl, sizeof(int));
    for (int i = 0; i < n; i++) {
        T->x[i] = rows[ld[i].doc];
        T->y[i] = ld[i].cls;
        T->count[ld[i].cls]++;
    }
    free(ld);
    deal_folds(t, k, T);
    if (t->opts.balanced) {
        T->cw = nd_xmalloc((size_t)nl * sizeof(double));
        T->wl = nd_xmalloc((size_t)nl * sizeof(int));
        for (int c = 0; c < nl; c++) {
            T->wl[c] = c;
            T->cw[c] = T->count[c] ? (double)n / ((double)nl * T->count[c]) : 1.0;
        }
    }
    nd_view view = nd_model_view(m, k);
    if (!nd_view_identity(&view)) T->own = scale_rows(T->x, (size_t)n, &view, last);
    nd_solver want = t->opts.solver;
    T->solver = want == ND_SOLVER_LIBLINEAR || (want == ND_SOLVER_AUTO && n > ND_LIBSVM_MAX_DOCS) ? ND_SOLVER_LIBLINEAR
                                                                                              : ND_SOLVER_LIBSVM;
    if (T->solver == ND_SOLVER_LIBSVM && (size_t)n <= ND_GRAM_MAX) {
        T->gram = nd_gram_build(T->x, (size_t)n, T->nfeat, t->opts.threads);
        T->g = nd_xmalloc((size_t)n * sizeof(*T->g));
        for (int i = 0; i < n; i++) T->g[i] = T->gram + (size_t)i * ((size_t)n + 2);
    }
}

void nd_task_release(struct task_run *r)
{
    struct task_data *T = &r->td;
    if (r->names) {
        for (int i = 0; i < T->k; i++) free(r->names[i]);
        free(r->names);
    }
    free(T->x);
    free(T->g);
    free(T->gram);
    free(T->own);
    free(T->y);
    free(T->fold);
    free(T->cw);
    free(T->count);
    free(T->wl);
}

/* The C with the best cross-validated accuracy (ties: the smaller C), into the report. */
void nd_choose_c(const nd_trainer *t, const struct job *jobs, int ngrid, int k, struct task_run *r, nd_train_report *rep)
{
    double best = -1;
    for (int g = 0; g < ngrid; g++) {
        int c = 0, n = 0;
        for (int f = 0; f < t->opts.folds; f++) {
            c += jobs[r->job0 + (size_t)(g * t->opts.folds + f)].correct;
            n += jobs[r->job0 + (size_t)(g * t->opts.folds + f)].total;
        }
        double acc = n ? (double)c / n : 0;
        rep->cv_grid[k][g] = n ? acc : -1;   /* -1: not tried (liblinear stopped below it) */
        if (acc > best + 1e-12) best = acc, r->bestg = g;
    }
    rep->best_c[k] = t->opts.c_grid[r->bestg];
    rep->cv_accuracy[k] = best;
}

/* Fold the final model of task k, calibrate it from its C's out-of-fold decisions and put it in m. */
nd_status nd_task_finish(const nd_trainer *t, const struct job *jobs, struct job *fin, int k, struct task_run *r,
                             nd_model *m, const nd_train_report *rep, nd_err *err)
{
    if (!fin->model)
        return fin->error ? nd_fail(err, ND_ERR_PARAM, "%s: %s", r->td.solver == ND_SOLVER_LIBLINEAR ? "liblinear" : "libsvm",
                                    fin->error)
                          : ND_OK;
    nd_linsvm *s = nd_linsvm_fold(fin->model, r->names, r->td.k, (uint32_t)m->vocab.n);
    if (!s) {
        svm_free_and_destroy_model(&fin->model);
        return nd_fail(err, ND_ERR_PARAM, "task %s: the model has fewer classes than labels", nd_task_name((nd_task)k));
    }
    r->names = NULL;   /* the model's now */
    fin->model = NULL;
    nd_own_support_vectors(s->model);
    nd_calibrate_pairs(s, jobs + r->job0 + (size_t)(r->bestg * t->opts.folds), t->opts.folds);
    s->count = r->td.count;   /* taken over */
    r->td.count = NULL;
    s->uniform_prior = (t->opts.uniform_prior >> k) & 1;
    m->task[k] = s;
    m->best_c[k] = rep->best_c[k];
    m->cv_accuracy[k] = rep->cv_accuracy[k];
    m->ndocs_task[k] = r->td.n;
    m->solver_task[k] = r->td.solver;
    return ND_OK;
}
