/*
 * sumtrain.c -- the sentence model of the learned summary method, trained
 * from records with reference summaries.
 */
#include "train.h"

#include <libsvm/svm.h>  /* svm_train */
#include <math.h>         /* exp, log */
#include <stdlib.h>       /* free */

/*
 * Labels from a reference summary: for each reference line, the article
 * sentence with the best unigram F1 against it (stems, clipped counts) is a
 * positive example, when that F1 reaches 0.3. For extractive references
 * (bbc) these are the very sentences of the reference; for abstractive ones
 * (CNN highlights) the sentences a highlight was written from.
 */
struct labeler {
    nd_strmap ids;
    int *cnt;                   /* reference line's stem counts */
    size_t cap;
    nd_tokens rt;
};

static uint32_t stem_id(struct labeler *l, const char *s, size_t n)
{
    size_t id = nd_strmap_put(&l->ids, s, n, 0, NULL);
    if (l->ids.n > l->cap) {
        size_t c = l->cap ? l->cap * 2 : 1024;
        l->cnt = nd_xrealloc(l->cnt, c * sizeof(int));
        memset(l->cnt + l->cap, 0, (c - l->cap) * sizeof(int));
        l->cap = c;
    }
    return (uint32_t)id;
}

static void label_sentences(struct labeler *l, nd_tokenizer *tz, const nd_doc *d, const char *summary, int *label)
{
    size_t ns = d->sents.n;
    memset(label, 0, ns * sizeof(int));
    const char *stems;
    for (const char *line = summary; *line;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        nd_tokens_reset(&l->rt);
        nd_tokenize(tz, line, len, 0, 0, &l->rt);
        line += len + (nl ? 1 : 0);
        stems = nd_tokenizer_stems(tz);
        size_t rlen = 0;
        for (size_t i = 0; i < l->rt.n; i++) {
            if (l->rt.v[i].flags & ND_TOK_STOP) continue;
            uint32_t id = stem_id(l, stems + l->rt.v[i].stem_off, l->rt.v[i].stem_len);   /* may move l->cnt */
            l->cnt[id]++;
            rlen++;
        }
        stems = nd_tokenizer_stems(tz);
        if (rlen == 0) continue;
        double best_f = 0;
        size_t best = ns, ti = 0;
        while (ti < d->tk.n && d->tk.v[ti].sent == ND_SENT_TITLE) ti++;
        for (size_t s = 0; s < ns; s++) {
            size_t from = ti, hits = 0, slen = 0;
            while (ti < d->tk.n && d->tk.v[ti].sent == s) ti++;
            for (size_t k = from; k < ti; k++) {
                const nd_token *t = &d->tk.v[k];
                if (t->flags & ND_TOK_STOP) continue;
                slen++;
                long e = nd_strmap_find(&l->ids, stems + t->stem_off, t->stem_len);
                if (e >= 0 && l->cnt[e] > 0) hits++, l->cnt[e]--;
            }
            double p = slen ? (double)hits / (double)slen : 0, r = (double)hits / (double)rlen;
            double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
            if (f > best_f) best_f = f, best = s;
            /* recount the reference for the next sentence */
            for (size_t i = 0; i < l->ids.n; i++) l->cnt[i] = 0;
            for (size_t i = 0; i < l->rt.n; i++)
                if (!(l->rt.v[i].flags & ND_TOK_STOP))
                    l->cnt[nd_strmap_find(&l->ids, stems + l->rt.v[i].stem_off, l->rt.v[i].stem_len)]++;
        }
        if (best < ns && best_f >= 0.3) label[best] = 1;
        for (size_t i = 0; i < l->ids.n; i++) l->cnt[i] = 0;
    }
}

/*
 * Label every sentence of the records with summaries (see label_sentences)
 * and fit a two-class linear C-SVC over the sentence features, classes
 * balanced, on at most ND_SUM_ROWS sentences (every k-th), its C chosen by
 * 3-fold cross-validation over articles.
 * (A greedy ROUGE-oracle target, tried instead, scored lower: bbc ROUGE-2
 * 49.3 against 53.6.)
 */
#define ND_SUM_ROWS 9000

/* The sentence rows of all articles, for fitting and cross-validation. */
struct sumfit {
    const struct svm_node *pool;   /* row i at pool + i * (ND_SFEAT + 1) */
    const double *y;               /* +1 in the reference, -1 not */
    const size_t *doc_start;       /* article r's rows: [doc_start[r], doc_start[r + 1]) */
    size_t ndocs;
};

/*
 * A two-class linear C-SVC over the rows of the articles not in 'fold'
 * (article r is in fold r % 3; -1: all), classes balanced, every k-th row
 * so that at most 'cap' are used.
 */
static nd_sumsvm *fit_sentences(const struct sumfit *sf, int fold, double C, size_t cap, size_t *fitted, nd_err *err,
                                nd_status *st)
{
    size_t n = 0;
    for (size_t r = 0; r < sf->ndocs; r++)
        if (fold < 0 || (int)(r % 3) != fold) n += sf->doc_start[r + 1] - sf->doc_start[r];
    size_t stride = (n + cap - 1) / cap, at = 0, kept = 0, npos = 0;
    if (stride < 1) stride = 1;
    struct svm_node **x = nd_xmalloc((n / stride + 1) * sizeof(*x));
    double *y = nd_xmalloc((n / stride + 1) * sizeof(*y));
    for (size_t r = 0; r < sf->ndocs; r++) {
        if (fold >= 0 && (int)(r % 3) == fold) continue;
        for (size_t i = sf->doc_start[r]; i < sf->doc_start[r + 1]; i++)
            if (at++ % stride == 0) {
                x[kept] = (struct svm_node *)sf->pool + i * (ND_SFEAT + 1);
                y[kept] = sf->y[i];
                npos += sf->y[i] > 0;
                kept++;
            }
    }
    *fitted = kept;
    nd_sumsvm *s = NULL;
    if (npos == 0 || npos == kept) {   /* a small fold: no cross-validation (not an error) */
        free(x);
        free(y);
        return NULL;
    }
    struct svm_problem prob = { (int)kept, y, x };
    struct svm_parameter param;
    nd_svm_param(&param, LINEAR, C);
    int wl[2] = { 1, -1 };
    double wv[2] = { (double)kept / (2.0 * (double)npos), (double)kept / (2.0 * (double)(kept - npos)) };
    param.nr_weight = 2;
    param.weight_label = wl;
    param.weight = wv;
    const char *msg = svm_check_parameter(&prob, &param);
    if (msg) {
        *st = nd_fail(err, ND_ERR_PARAM, "libsvm: %s", msg);
    } else {
        struct svm_model *sm = svm_train(&prob, &param);
        nd_own_support_vectors(sm);
        if (!(s = nd_sumsvm_fold(sm))) {
            svm_free_and_destroy_model(&sm);
            *st = nd_fail(err, ND_ERR_PARAM, "the sentence model is not a two-class linear model");
        }
    }
    free(x);
    free(y);
    return s;
}

/* The sentence model's score of one row. */
static double row_score(const nd_sumsvm *sm, const struct svm_node *x)
{
    double v = sm->b;
    for (int k = 0; k < ND_SFEAT; k++) v += sm->w[k] * x[k].value;
    return v;
}

/*
 * How well the 3 best-scored sentences of each article in 'fold' cover its
 * reference, in words: 2 * (words of picked reference sentences) / (words
 * picked + words of the reference), ROUGE-1's F1 when the reference is
 * extractive, averaged over the articles. Word counts come back from the
 * log_words feature.
 */
static double top3_f1(const struct sumfit *sf, const nd_sumsvm *sm, int fold, size_t *narticles)
{
    double sum = 0;
    for (size_t r = (size_t)fold; r < sf->ndocs; r += 3) {
        size_t b = sf->doc_start[r], e = sf->doc_start[r + 1];
        double best[3] = { -INFINITY, -INFINITY, -INFINITY }, words[3] = { 0, 0, 0 }, ref = 0;
        int pos[3] = { 0, 0, 0 };
        for (size_t i = b; i < e; i++) {
            const struct svm_node *x = sf->pool + i * (ND_SFEAT + 1);
            double v = row_score(sm, x), w = exp(x[5].value * log(64.0)) - 1;
            if (sf->y[i] > 0) ref += w;
            int at = 3;   /* insert into the top 3 (ties: the earlier sentence stays) */
            while (at > 0 && v > best[at - 1]) at--;
            if (at == 3) continue;
            for (int j = 2; j > at; j--) best[j] = best[j - 1], pos[j] = pos[j - 1], words[j] = words[j - 1];
            best[at] = v;
            pos[at] = sf->y[i] > 0;
            words[at] = w;
        }
        double hit = 0, picked = 0;
        for (int j = 0; j < 3; j++) picked += words[j], hit += pos[j] ? words[j] : 0;
        if (picked + ref > 0) sum += 2 * hit / (picked + ref);
        (*narticles)++;
    }
    return sum;
}

/* One cross-validation fit of the sentence model: C, held-out fold, and what it scored. */
struct sumjob {
    const struct sumfit *sf;
    double C;
    int fold;
    int fitted;                    /* 0: the fold had one class, or an error (st) */
    double f1;                     /* summed over the fold's articles */
    size_t articles;
    nd_status st;
    nd_err err;
};

static void run_sumjob(void *arg)
{
    struct sumjob *j = arg;
    size_t rows;
    nd_sumsvm *sm = fit_sentences(j->sf, j->fold, j->C, ND_SUM_ROWS / 4, &rows, &j->err, &j->st);
    if (!sm) return;
    j->f1 = top3_f1(j->sf, sm, j->fold, &j->articles);
    j->fitted = 1;
    nd_sumsvm_free(sm);
}

/*
 * Platt's sigmoid over the scores of every sentence (the fit saw every k-th),
 * so that the summarizer can weigh a sentence's chance of being in the
 * reference against its length.
 */
static void calibrate_sentences(const struct sumfit *sf, size_t n, nd_sumsvm *sm)
{
    double *dec = nd_xmalloc((n + 1) * sizeof(double));
    int8_t *y = nd_xmalloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        dec[i] = row_score(sm, sf->pool + i * (ND_SFEAT + 1));
        y[i] = sf->y[i] > 0 ? 1 : -1;
    }
    double a, b;
    nd_platt_fit(dec, y, n, &a, &b);
    nd_sumsvm_calibrate(sm, a, b);
    free(dec);
    free(y);
}

nd_status nd_sentences_train(const nd_record *recs, size_t nrec, int threads, nd_model *m, nd_train_report *rep, nd_err *err)
{
    nd_analyzer *a = nd_analyzer_new(m);
    if (!a) return nd_fail(err, ND_ERR_DEP, "the Snowball English stemmer is not available");
    struct svm_node *pool = NULL;
    double *y = NULL;
    size_t n = 0, alloc = 0, npos = 0, seen = 0;
    struct labeler lab;
    memset(&lab, 0, sizeof(lab));
    nd_strmap_init(&lab.ids);
    nd_tokens_init(&lab.rt);
    int *label = NULL;
    size_t label_alloc = 0;
    size_t *doc_start = nd_xmalloc((nrec + 1) * sizeof(size_t));
    for (size_t r = 0; r < nrec; r++) {
        const nd_record *rec = &recs[r];
        size_t ns;
        const nd_doc *d;
        nd_tokenizer *atz;
        const double *f = nd_analyzer_sentence_features(a, rec, &ns, &d, &atz);
        ND_GROW(label, ns + 1, label_alloc);
        label_sentences(&lab, atz, d, rec->summary, label);
        doc_start[r] = n;
        for (size_t i = 0; i < ns; i++) {
            seen++;
            if (n + 1 > alloc) {
                alloc = alloc ? alloc * 2 : 4096;
                pool = nd_xrealloc(pool, nd_st_mult(alloc, ND_SFEAT + 1) * sizeof(*pool));
                y = nd_xrealloc(y, alloc * sizeof(*y));
            }
            struct svm_node *row = pool + n * (ND_SFEAT + 1);
            for (int k = 0; k < ND_SFEAT; k++) row[k] = (struct svm_node){ k + 1, f[i * ND_SFEAT + k] };
            row[ND_SFEAT] = (struct svm_node){ -1, 0 };
            y[n] = label[i] ? 1 : -1;
            npos += (size_t)(label[i] != 0);
            n++;
        }
    }
    doc_start[nrec] = n;
    free(label);
    nd_strmap_release(&lab.ids);
    nd_tokens_release(&lab.rt);
    free(lab.cnt);
    nd_analyzer_free(a);
    nd_status st = ND_OK;
    if (npos == 0 || npos == n) {
        st = nd_fail(err, ND_ERR_PARAM, "the reference summaries of %zu records select %s of their sentences",
                     nrec, npos ? "all" : "none");
    } else {
        struct sumfit sf = { pool, y, doc_start, nrec };
        /*
         * C by 3-fold cross-validation over articles (the fits in parallel): how
         * well each held-out article's top 3 covers its reference
         */
        static const double grid[] = { 0.1, 1, 10 };
        enum { NG = sizeof(grid) / sizeof(grid[0]) };
        struct sumjob jobs[NG * 3];
        memset(jobs, 0, sizeof(jobs));
        for (size_t g = 0; g < NG; g++)
            for (int fold = 0; fold < 3; fold++) {
                jobs[g * 3 + (size_t)fold].sf = &sf;
                jobs[g * 3 + (size_t)fold].C = grid[g];
                jobs[g * 3 + (size_t)fold].fold = fold;
            }
        nd_run_pool(jobs, sizeof(jobs[0]), NG * 3, run_sumjob, threads);
        double best_f1 = -1;
        rep->sum_c = 1;   /* without cross-validation */
        for (size_t g = 0; g < NG && !st; g++) {
            size_t total = 0;
            double f1 = 0;
            int fold = 0;
            for (; fold < 3; fold++) {
                const struct sumjob *j = &jobs[g * 3 + (size_t)fold];
                if (j->st) {
                    st = j->st;
                    if (err) *err = j->err;
                }
                if (!j->fitted) break;
                f1 += j->f1;
                total += j->articles;
            }
            if (fold < 3) break;   /* an error, or a fold with one class: too few articles to cross-validate */
            rep->sum_cv[g] = total ? f1 / (double)total : 0;
            if (rep->sum_cv[g] > best_f1) best_f1 = rep->sum_cv[g], rep->sum_c = grid[g];
        }
        size_t fitted = 0;
        if (!st && (m->sum = fit_sentences(&sf, -1, rep->sum_c, ND_SUM_ROWS, &fitted, err, &st))) {
            m->sum->c = rep->sum_c;
            rep->sum_rows = (int)fitted;
            calibrate_sentences(&sf, n, m->sum);
        } else if (!st) {   /* the sample of every k-th sentence has one class only */
            st = nd_fail(err, ND_ERR_PARAM, "the sampled sentences of %zu records are all in, or all out of, the references",
                         nrec);
        }
    }
    free(doc_start);
    rep->sum_docs = (int)nrec;
    rep->sum_sentences = (int)seen;
    rep->sum_positive = (int)npos;
    free(pool);
    free(y);
    return st;
}

