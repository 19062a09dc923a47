/*
 * svmtrain.c -- fitting libsvm models for the classifiers: the Gram matrix,
 * the cross-validation jobs run on a pool of threads, the per-pair Platt
 * sigmoids from their out-of-fold decision values.
 */
#include "train.h"

#include <libsvm/svm.h>  /* svm_train */
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
    if (sm->l == 0) return;
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

static void set_param(struct svm_parameter *p, const struct task_data *td, double C)
{
    nd_svm_param(p, td->g ? PRECOMPUTED : LINEAR, C);
}

static size_t canon_pair(int k, int a, int b)
{
    return (size_t)a * (size_t)k - (size_t)a * (size_t)(a + 1) / 2 + (size_t)(b - a - 1);
}

static void run_job(struct job *j)
{
    const struct task_data *td = j->td;
    struct svm_problem prob;
    int *which = nd_xmalloc((size_t)td->n * sizeof(int));   /* problem row -> task row */
    prob.l = 0;
    prob.x = nd_xmalloc((size_t)td->n * sizeof(*prob.x));
    prob.y = nd_xmalloc((size_t)td->n * sizeof(*prob.y));
    for (int i = 0; i < td->n; i++) {
        if (j->fold >= 0 && td->fold[i] == j->fold) continue;
        which[prob.l] = i;
        prob.x[prob.l] = td->g ? td->g[i] : td->x[i];
        prob.y[prob.l] = td->y[i];
        prob.l++;
    }
    struct svm_parameter param;
    set_param(&param, td, j->C);
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
    const char *msg = svm_check_parameter(&prob, &param);
    if (msg) {
        j->error = msg;
    } else {
        struct svm_model *model = svm_train(&prob, &param);
        if (td->g) {
            /* trained on kernel rows: point the support vectors at their TF-IDF rows, so the
             * model is the linear model it is (and folds and saves as one) */
            for (int i = 0; i < model->l; i++) model->SV[i] = td->x[which[model->sv_indices[i] - 1]];
            model->param.kernel_type = LINEAR;
        }
        if (j->fold < 0) {
            j->model = model;
        } else {
            nd_linsvm *s = nd_linsvm_fold(model, NULL, model->nr_class, td->nfeat);
            if (!s) {
                svm_free_and_destroy_model(&model);
            } else {
                double *scratch = nd_xmalloc(nd_linsvm_scratch(s) * sizeof(double));
                int kk = s->nclass;
                const int *lab = model->label;
                nd_svec x;
                nd_svec_init(&x);
                for (int i = 0; i < td->n; i++) {
                    if (td->fold[i] != j->fold) continue;
                    x.n = 0;
                    for (const struct svm_node *nd = td->x[i]; nd->index != -1; nd++)
                        nd_svec_push(&x, (uint32_t)nd->index, (float)nd->value);
                    /* votes in libsvm's class positions (a fold may lack rare classes) */
                    nd_linsvm_decision(s, &x, scratch);
                    double *votes = scratch + s->npairs;
                    for (int a = 0; a < kk; a++) votes[a] = 0;
                    int q = 0;
                    for (int a = 0; a < kk; a++)
                        for (int b = a + 1; b < kk; b++, q++) {
                            if (scratch[q] > 0) votes[a] += 1;
                            else votes[b] += 1;
                        }
                    int pred = 0;
                    for (int a = 1; a < kk; a++)
                        if (votes[a] > votes[pred]) pred = a;
                    int y = (int)td->y[i];
                    j->correct += lab[pred] == y;
                    j->total++;
                    int p = 0;
                    for (int a = 0; a < kk; a++)
                        for (int b = a + 1; b < kk; b++, p++) {
                            if (lab[a] != y && lab[b] != y) continue;
                            ND_GROW(j->pp, j->np + 1, j->npalloc);
                            j->pd = nd_xrealloc(j->pd, j->npalloc * sizeof(*j->pd));
                            j->py = nd_xrealloc(j->py, j->npalloc * sizeof(*j->py));
                            j->pp[j->np] = (uint32_t)canon_pair(td->k, lab[a], lab[b]);
                            j->pd[j->np] = scratch[p];
                            j->py[j->np] = lab[a] == y ? 1 : -1;
                            j->np++;
                        }
                }
                nd_svec_release(&x);
                free(scratch);
                nd_linsvm_free(s);
            }
        }
    }
    /* the final model keeps pointers to its support vectors in td->x, not to prob */
    free(which);
    free(wl);
    free(wv);
    free(prob.x);
    free(prob.y);
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

void nd_run_jobs(struct job *jobs, size_t n, int threads)
{
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
