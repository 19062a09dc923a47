/*
 * svm.c -- libsvm's linear one-vs-one model folded into weight vectors.
 *
 * For a linear kernel the decision value of pair (i, j) is
 *   sum_sv coef_sv <x, sv> - rho = <w_ij, x> - rho,  w_ij = sum_sv coef_sv sv,
 * so prediction costs one sparse dot product per pair instead of one per
 * support vector. The weights are stored feature-major: a document's
 * non-zero features each touch one short contiguous run of (pair, weight).
 * Confidences: a Platt sigmoid per pair (fitted on cross-validated decision
 * values by the trainer) and pairwise coupling into class probabilities.
 */
#include "text.h"

#include <libsvm/svm.h>  /* struct svm_model */
#include <math.h>        /* exp, log, fabs */
#include <stdlib.h>      /* free */
#include <sys/mman.h>    /* munmap */

#define ND_DENSE_PAIRS 64
#define ND_LANES 256    /* most lanes of a dense row: pairs (up to ND_DENSE_PAIRS) or classes (one-vs-rest) */
#define ND_PREFETCH 8   /* features ahead whose weight row is requested */

/*
 * A one-vs-rest model as the trainer writes it (svmtrain.c): one support
 * vector per class, w_c, with coefficient +1 in its pairs with later classes
 * and -1 in those with earlier ones. Its pairs' weights are differences of
 * class weights, so it is kept as one weight per class and feature.
 */
static int one_vs_rest(const struct svm_model *m)
{
    int k = m->nr_class;
    if (m->l != k || k > ND_LANES) return 0;
    for (int i = 0; i < k; i++) {
        if (m->nSV[i] != 1) return 0;
        for (int j = 0; j < k; j++)
            if (j != i && (j > i ? m->sv_coef[j - 1][i] != 1 : m->sv_coef[j][i] != -1)) return 0;
    }
    return 1;
}

nd_linsvm *nd_linsvm_fold(struct svm_model *m, char **labels, int nclass, uint32_t nfeat)
{
    int k = m->nr_class;
    if (k < 2 || k != nclass || k * (k - 1) / 2 > 65535) return NULL;
    nd_linsvm *s = nd_xcalloc(1, sizeof(*s));
    s->model = m;
    s->lab = nd_xmalloc((size_t)k * sizeof(int));
    memcpy(s->lab, m->label, (size_t)k * sizeof(int));
    s->nclass = k;
    s->labels = labels;
    s->npairs = k * (k - 1) / 2;
    s->nfeat = nfeat;
    s->rho = nd_xmalloc((size_t)s->npairs * sizeof(double));

    if (one_vs_rest(m)) {
        s->per_class = 1;
        s->stride = (k + 7) & ~7;
        s->wd = nd_xcalloc_huge(((size_t)nfeat + 1) * (size_t)s->stride, sizeof(float));
        memcpy(s->rho, m->rho, (size_t)s->npairs * sizeof(double));
        for (int c = 0; c < k; c++)
            for (const struct svm_node *n = m->SV[c]; n->index != -1; n++)
                if (n->index >= 1 && (uint32_t)n->index <= nfeat) s->wd[(size_t)n->index * s->stride + c] = (float)n->value;
        return s;
    }
    int *start = nd_xmalloc((size_t)k * sizeof(int));
    start[0] = 0;
    for (int i = 1; i < k; i++) start[i] = start[i - 1] + m->nSV[i - 1];

    /*
     * Per pair, dense accumulation over the touched features; then, with few
     * pairs, straight into a dense row per feature (no indirection when
     * predicting), else into (feature, pair, weight) triples sorted
     * feature-major.
     */
    if (s->npairs <= ND_DENSE_PAIRS) {
        s->stride = (s->npairs + 7) & ~7;
        s->wd = nd_xcalloc_huge(((size_t)nfeat + 1) * (size_t)s->stride, sizeof(float));
    }
    double *dense = nd_xcalloc((size_t)nfeat + 2, sizeof(double));
    uint32_t *touched = NULL;
    size_t ntouched = 0, talloc = 0;
    struct triple { uint32_t f; uint16_t p; float w; } *tr = NULL;
    size_t ntr = 0, tralloc = 0;
    /* our pair order is libsvm's, but classes are remapped to our indices: rho sign follows */
    int p = 0;
    for (int i = 0; i < k; i++) {
        for (int j = i + 1; j < k; j++, p++) {
            s->rho[p] = m->rho[p];
            for (int side = 0; side < 2; side++) {
                int c = side ? j : i;
                const double *coef = side ? m->sv_coef[i] : m->sv_coef[j - 1];
                for (int sv = start[c]; sv < start[c] + m->nSV[c]; sv++) {
                    for (const struct svm_node *n = m->SV[sv]; n->index != -1; n++) {
                        if (n->index < 1 || (uint32_t)n->index > nfeat) continue;
                        if (dense[n->index] == 0) {
                            ND_GROW(touched, ntouched + 1, talloc);
                            touched[ntouched++] = (uint32_t)n->index;
                        }
                        dense[n->index] += coef[sv] * n->value;
                        if (dense[n->index] == 0) dense[n->index] = 1e-300;  /* keep it marked */
                    }
                }
            }
            for (size_t t = 0; t < ntouched; t++) {
                uint32_t f = touched[t];
                double v = dense[f];
                dense[f] = 0;
                if (fabs(v) <= 1e-12) continue;
                if (s->wd) {
                    s->wd[(size_t)f * s->stride + p] = (float)v;
                    continue;
                }
                ND_GROW(tr, ntr + 1, tralloc);
                tr[ntr].f = f;
                tr[ntr].p = (uint16_t)p;
                tr[ntr].w = (float)v;
                ntr++;
            }
            ntouched = 0;
        }
    }
    free(dense);
    free(touched);
    free(start);
    if (s->wd) return s;

    /* counting sort into feature-major order */
    s->fstart = nd_xcalloc((size_t)nfeat + 2, sizeof(uint32_t));
    for (size_t t = 0; t < ntr; t++) s->fstart[tr[t].f + 1]++;
    for (uint32_t f = 1; f < nfeat + 2; f++) s->fstart[f] += s->fstart[f - 1];
    s->pair = nd_xmalloc((ntr ? ntr : 1) * sizeof(*s->pair));
    s->w = nd_xmalloc((ntr ? ntr : 1) * sizeof(*s->w));
    uint32_t *fill = nd_xmalloc(((size_t)nfeat + 2) * sizeof(uint32_t));
    memcpy(fill, s->fstart, ((size_t)nfeat + 2) * sizeof(uint32_t));
    for (size_t t = 0; t < ntr; t++) {
        uint32_t at = fill[tr[t].f]++;
        s->pair[at] = tr[t].p;
        s->w[at] = tr[t].w;
    }
    free(fill);
    free(tr);
    return s;
}

size_t nd_linsvm_row(const nd_linsvm *s, uint32_t f, int *pair, float *w)
{
    size_t n = 0;
    if (f < 1 || f > s->nfeat) return 0;
    if (s->per_class) {
        const float *row = s->wd + (size_t)f * s->stride;
        int p = 0;
        for (int i = 0; i < s->nclass; i++)
            for (int j = i + 1; j < s->nclass; j++, p++)
                if (row[i] - row[j] != 0) pair[n] = p, w[n++] = row[i] - row[j];
        return n;
    }
    if (s->wd) {
        for (int p = 0; p < s->npairs; p++)
            if (s->wd[(size_t)f * s->stride + p] != 0) pair[n] = p, w[n++] = s->wd[(size_t)f * s->stride + p];
        return n;
    }
    for (uint32_t k = s->fstart[f]; k < s->fstart[f + 1]; k++) pair[n] = s->pair[k], w[n++] = s->w[k];
    return n;
}

void nd_linsvm_free(nd_linsvm *s)
{
    if (!s) return;
    if (s->model) svm_free_and_destroy_model(&s->model);
    if (s->labels)
        for (int i = 0; i < s->nclass; i++) free(s->labels[i]);
    free(s->labels);
    free(s->source);
    free(s->count);
    free(s->prob_a);
    free(s->prob_b);
    if (s->map) {   /* from a cache: its arrays lie in the mapping */
        munmap(s->map, s->map_len);
    } else {
        free(s->lab);
        free(s->rho);
        free(s->fstart);
        free(s->pair);
        free(s->w);
        free(s->wd);
    }
    free(s);
}

/*
 * acc += v * row over a dense row, eight lanes at a time: with the length a
 * multiple of a fixed 8 the compiler vectorises it at -O2 (a loop over
 * npairs, 10 or 21, it leaves scalar). Each lane's sum is the same as one at
 * a time; the padding lanes add zeros.
 */
static inline void add_row(float *restrict acc, const float *restrict row, float v, int stride)
{
    for (int p = 0; p < stride; p += 8)
        for (int q = 0; q < 8; q++) acc[p + q] += row[p + q] * v;
}

/* The pairs' decisions from the dense rows' sums: a pair's own lane, or its classes' difference; minus rho. */
static void lanes_to_pairs(const nd_linsvm *s, const double *lane, double *dec)
{
    if (!s->per_class) {
        for (int p = 0; p < s->npairs; p++) dec[p] = lane[p] - s->rho[p];
        return;
    }
    int p = 0;
    for (int i = 0; i < s->nclass; i++)
        for (int j = i + 1; j < s->nclass; j++, p++) dec[p] = (lane[i] - lane[j]) - s->rho[p];
}

void nd_linsvm_decision(const nd_linsvm *s, const nd_svec *x, double *dec)
{
    if (s->wd) {
        float acc[ND_LANES];
        double lane[ND_LANES];
        memset(acc, 0, (size_t)s->stride * sizeof(float));
        for (size_t i = 0; i < x->n; i++) {
            uint32_t f = x->idx[i];
            if (f > s->nfeat) continue;
            add_row(acc, s->wd + (size_t)f * s->stride, x->val[i], s->stride);
        }
        for (int l = 0; l < s->stride; l++) lane[l] = acc[l];
        lanes_to_pairs(s, lane, dec);
        return;
    }
    for (int p = 0; p < s->npairs; p++) dec[p] = -s->rho[p];
    for (size_t i = 0; i < x->n; i++) {
        uint32_t f = x->idx[i];
        if (f > s->nfeat) continue;
        double v = x->val[i];
        for (uint32_t k = s->fstart[f]; k < s->fstart[f + 1]; k++) dec[s->pair[k]] += s->w[k] * v;
    }
}

void nd_linsvm_decision_view(const nd_linsvm *s, const nd_svec *x, const nd_view *view, double *dec)
{
    if (!view || nd_view_identity(view)) {
        nd_linsvm_decision(s, x, dec);
        return;
    }
    /* a partial sum and a squared norm per block: the rest, the gazetteer, the title terms */
    int np = s->npairs;
    const double scale[3] = { 1.0, view->g, view->tg };
    double ss[3] = { 0, 0, 0 };
    if (s->wd) {
        float acc[3][ND_LANES];
        for (int b = 0; b < 3; b++) memset(acc[b], 0, (size_t)s->stride * sizeof(float));
        for (size_t i = 0; i < x->n; i++) {
            uint32_t f = x->idx[i];
            if (i + ND_PREFETCH < x->n && x->idx[i + ND_PREFETCH] <= s->nfeat)   /* rows are far apart: ask early */
                __builtin_prefetch(s->wd + (size_t)x->idx[i + ND_PREFETCH] * s->stride);
            float v = x->val[i];
            int b = nd_view_block(view, f);
            ss[b] += (double)v * v;
            if (f > s->nfeat || scale[b] == 0) continue;
            add_row(acc[b], s->wd + (size_t)f * s->stride, v, s->stride);
        }
        double norm = sqrt(ss[0] + scale[1] * scale[1] * ss[1] + scale[2] * scale[2] * ss[2]);
        double inv = norm > 0 ? 1.0 / norm : 0;
        double lane[ND_LANES];
        for (int l = 0; l < s->stride; l++) lane[l] = (acc[0][l] + scale[1] * acc[1][l] + scale[2] * acc[2][l]) * inv;
        lanes_to_pairs(s, lane, dec);
        return;
    }
    double *acc[3] = { dec, dec + np, dec + 2 * (size_t)np };   /* the caller's scratch has room for all three */
    for (int p = 0; p < 3 * np; p++) dec[p] = 0;
    for (size_t i = 0; i < x->n; i++) {
        uint32_t f = x->idx[i];
        double v = x->val[i];
        int b = nd_view_block(view, f);
        ss[b] += v * v;
        if (f > s->nfeat || scale[b] == 0) continue;
        for (uint32_t k = s->fstart[f]; k < s->fstart[f + 1]; k++) acc[b][s->pair[k]] += s->w[k] * v;
    }
    double norm = sqrt(ss[0] + scale[1] * scale[1] * ss[1] + scale[2] * scale[2] * ss[2]);
    double inv = norm > 0 ? 1.0 / norm : 0;
    for (int p = 0; p < np; p++) dec[p] = (acc[0][p] + scale[1] * acc[1][p] + scale[2] * acc[2][p]) * inv - s->rho[p];
}

size_t nd_linsvm_scratch(const nd_linsvm *s)
{
    size_t k = (size_t)s->nclass;
    return 3 * (size_t)s->npairs + k * (k + 1) + k * (k + 2);   /* decisions (three blocks), r and p, coupling */
}

/*
 * Class index of the libsvm class order: our trainer gives libsvm labels
 * 0..k-1 in first-seen order, so model->label maps position -> our index.
 */
int nd_linsvm_predict(const nd_linsvm *s, const nd_svec *x, const nd_view *view, double *scratch, double *confidence)
{
    int k = s->nclass;
    double *dec = scratch;                /* npairs, and 2 * npairs more while summing */
    double *r = dec + 3 * s->npairs;      /* k * k */
    double *prob = r + (size_t)k * k;     /* k */
    double *tmp = prob + k;               /* k * (k + 2), for the coupling */
    nd_linsvm_decision_view(s, x, view, dec);
    const int *lab = s->lab;
    if (!s->prob_a) {
        /* votes, ties by the larger summed margin */
        for (int i = 0; i < k; i++) prob[i] = 0;
        int p = 0;
        for (int i = 0; i < k; i++)
            for (int j = i + 1; j < k; j++, p++) {
                if (dec[p] > 0) prob[lab[i]] += 1 + 1e-6 * dec[p];
                else prob[lab[j]] += 1 - 1e-6 * dec[p];
            }
        int best = 0;
        for (int i = 1; i < k; i++)
            if (prob[i] > prob[best]) best = i;
        *confidence = floor(prob[best]) / (k - 1);
        return best;
    }
    const double min_prob = 1e-7;
    int p = 0;
    for (int i = 0; i < k; i++)
        for (int j = i + 1; j < k; j++, p++) {
            double q = nd_platt_prob(dec[p], s->prob_a[p], s->prob_b[p]);
            if (q < min_prob) q = min_prob;
            if (q > 1 - min_prob) q = 1 - min_prob;
            r[(size_t)lab[i] * k + lab[j]] = q;
            r[(size_t)lab[j] * k + lab[i]] = 1 - q;
        }
    if (k == 2) {
        prob[0] = r[1];
        prob[1] = r[2];
    } else {
        nd_pairwise_coupling(k, r, prob, tmp);
    }
    if (s->uniform_prior && s->count) {   /* p(c | x) / p_train(c), normalised: a uniform prior instead */
        double total = 0, z = 0;
        for (int i = 0; i < k; i++) total += s->count[i];
        for (int i = 0; i < k; i++) {
            prob[i] = s->count[i] > 0 ? prob[i] * total / s->count[i] : 0;
            z += prob[i];
        }
        for (int i = 0; i < k && z > 0; i++) prob[i] /= z;
    }
    int best = 0;
    for (int i = 1; i < k; i++)
        if (prob[i] > prob[best]) best = i;
    *confidence = prob[best];
    return best;
}

void nd_linsvm_probabilities(const nd_linsvm *s, const double *scratch, double *p)
{
    int k = s->nclass;
    const double *prob = scratch + 3 * s->npairs + (size_t)k * k;   /* where nd_linsvm_predict left them */
    double z = 0;
    for (int i = 0; i < k; i++) z += s->prob_a ? 0 : floor(prob[i]);
    for (int i = 0; i < k; i++) p[i] = s->prob_a ? prob[i] : z > 0 ? floor(prob[i]) / z : 1.0 / k;
}

/* Platt scaling with the Newton method of Lin, Lin & Weng (2007). */
void nd_platt_fit(const double *dec, const int8_t *y, size_t n, double *a_out, double *b_out)
{
    double prior1 = 0, prior0 = 0;
    for (size_t i = 0; i < n; i++) {
        if (y[i] > 0) prior1++;
        else prior0++;
    }
    const double hi = (prior1 + 1) / (prior1 + 2), lo = 1 / (prior0 + 2);
    const double min_step = 1e-10, sigma = 1e-12, eps = 1e-5;
    double A = 0, B = log((prior0 + 1) / (prior1 + 1));
    double fval = 0;
    for (size_t i = 0; i < n; i++) {
        double t = y[i] > 0 ? hi : lo;
        double f = dec[i] * A + B;
        fval += f >= 0 ? t * f + log(1 + exp(-f)) : (t - 1) * f + log(1 + exp(f));
    }
    for (int it = 0; it < 100; it++) {
        double h11 = sigma, h22 = sigma, h21 = 0, g1 = 0, g2 = 0;
        for (size_t i = 0; i < n; i++) {
            double t = y[i] > 0 ? hi : lo;
            double f = dec[i] * A + B, p, q;
            if (f >= 0) {
                p = exp(-f) / (1.0 + exp(-f));
                q = 1.0 / (1.0 + exp(-f));
            } else {
                p = 1.0 / (1.0 + exp(f));
                q = exp(f) / (1.0 + exp(f));
            }
            double d2 = p * q;
            h11 += dec[i] * dec[i] * d2;
            h22 += d2;
            h21 += dec[i] * d2;
            double d1 = t - p;
            g1 += dec[i] * d1;
            g2 += d1;
        }
        if (fabs(g1) < eps && fabs(g2) < eps) break;
        double det = h11 * h22 - h21 * h21;
        double dA = -(h22 * g1 - h21 * g2) / det;
        double dB = -(-h21 * g1 + h11 * g2) / det;
        double gd = g1 * dA + g2 * dB;
        double step = 1;
        while (step >= min_step) {
            double nA = A + step * dA, nB = B + step * dB, nf = 0;
            for (size_t i = 0; i < n; i++) {
                double t = y[i] > 0 ? hi : lo;
                double f = dec[i] * nA + nB;
                nf += f >= 0 ? t * f + log(1 + exp(-f)) : (t - 1) * f + log(1 + exp(f));
            }
            if (nf < fval + 1e-4 * step * gd) {
                A = nA;
                B = nB;
                fval = nf;
                break;
            }
            step /= 2;
        }
        if (step < min_step) break;
    }
    *a_out = A;
    *b_out = B;
}

/* Wu, Lin & Weng (2004), method 2: min_p sum_i sum_{j!=i} (r_ji p_i - r_ij p_j)^2. */
void nd_pairwise_coupling(int k, const double *r, double *p, double *scratch)
{
    double *qp = scratch;   /* k */
    double *qd = scratch + k;
    double *q = scratch + 2 * k;   /* k x k, computed once */
    /* Q[t][t] = sum_{j != t} r_jt^2, Q[t][j] = -r_jt r_tj */
#define Q(t, j) q[(size_t)(t) * k + (j)]
    for (int t = 0; t < k; t++) {
        p[t] = 1.0 / k;
        qd[t] = 0;
        for (int j = 0; j < k; j++)
            if (j != t) qd[t] += r[(size_t)j * k + t] * r[(size_t)j * k + t];
    }
    for (int t = 0; t < k; t++)
        for (int j = 0; j < k; j++) Q(t, j) = t == j ? qd[t] : -r[(size_t)j * k + t] * r[(size_t)t * k + j];
    int max_iter = k > 100 ? k : 100;
    double eps = 0.005 / k;
    for (int it = 0; it < max_iter; it++) {
        double pqp = 0;
        for (int t = 0; t < k; t++) {
            qp[t] = 0;
            for (int j = 0; j < k; j++) qp[t] += Q(t, j) * p[j];
            pqp += p[t] * qp[t];
        }
        double max_err = 0;
        for (int t = 0; t < k; t++) {
            double e = fabs(qp[t] - pqp);
            if (e > max_err) max_err = e;
        }
        if (max_err < eps) break;
        for (int t = 0; t < k; t++) {
            double diff = (-qp[t] + pqp) / qd[t];
            p[t] += diff;
            pqp = (pqp + diff * (diff * qd[t] + 2 * qp[t])) / (1 + diff) / (1 + diff);
            for (int j = 0; j < k; j++) {
                qp[j] = (qp[j] + diff * Q(t, j)) / (1 + diff);
                p[j] /= (1 + diff);
            }
        }
    }
#undef Q
}
