/*
 * sumtrain.c -- the sentence model of the learned summary method, trained
 * from records with reference summaries.
 */
#include "lang.h"
#include "train.h"

#include <libsvm/svm.h>  /* struct svm_model */
#include <linear.h>       /* liblinear: train */
#include <math.h>         /* exp, log */
#include <stdlib.h>       /* free */

/*
 * Labels from a reference summary, over content stems (clipped counts).
 * An extractive reference (bbc's: at least four in five of its lines are an
 * article sentence, unigram F1 0.8 or more) labels its own sentences: for
 * each line, the sentence that matches it best (F1 0.3 or more). An
 * abstractive one (CNN's highlights) labels the greedy ROUGE-1 oracle, the
 * standard extractive target for such references: sentence by sentence,
 * the one that raises the F1 of the selection against the whole reference
 * most, until none raises it. (Each highlight's best-matching sentence
 * instead, and the oracle for bbc too, scored lower; so did an oracle cut
 * at 3 sentences, as summaries are: cnndm ROUGE-1 30.33 against 30.59 by
 * cross-validation, bbc the same, scripts/eval. The
 * sentences the oracle adds late are still what a highlight says, and the
 * model learns more of what such sentences look like from them.)
 */

struct labeler {
    nd_strmap ids;              /* stems of articles and references -> id */
    int *ref, *line, *cur;      /* per id: the reference's counts, one line's, scratch */
    size_t cap;
    uint32_t *art;              /* the article's content stems as ids, sentence after sentence */
    size_t *from;               /* sentence s: art[from[s], from[s + 1]) */
    size_t art_alloc, from_alloc;
    nd_tokens rt;
};

static uint32_t stem_id(struct labeler *l, const char *s, size_t n)
{
    size_t id = nd_strmap_put(&l->ids, s, n, 0, NULL);
    if (l->ids.n > l->cap) {
        size_t c = l->cap ? l->cap * 2 : 1024;
        while (c < l->ids.n) c *= 2;
        int **arr[3] = { &l->ref, &l->line, &l->cur };
        for (int k = 0; k < 3; k++) {
            *arr[k] = nd_xrealloc(*arr[k], c * sizeof(int));
            memset(*arr[k] + l->cap, 0, (c - l->cap) * sizeof(int));
        }
        l->cap = c;
    }
    return (uint32_t)id;
}

static void labeler_release(struct labeler *l)
{
    nd_strmap_release(&l->ids);
    nd_tokens_release(&l->rt);
    free(l->ref);
    free(l->line);
    free(l->cur);
    free(l->art);
    free(l->from);
}

/* Clipped hits of sentence s against the counts 'want', given 'have' already taken (restored after). */
static size_t hits(struct labeler *l, size_t s, const int *want, int *have)
{
    size_t h = 0;
    for (size_t k = l->from[s]; k < l->from[s + 1]; k++) h += have[l->art[k]]++ < want[l->art[k]];
    for (size_t k = l->from[s]; k < l->from[s + 1]; k++) have[l->art[k]]--;
    return h;
}

static double f1(double hit, double a, double b)
{
    return a + b > 0 ? 2 * hit / (a + b) : 0;
}

static void label_sentences(struct labeler *l, nd_tokenizer *tz, const nd_doc *d, const char *summary, int *label)
{
    size_t ns = d->sents.n;
    if (!ns) return;
    memset(label, 0, ns * sizeof(int));
    /* the article's stems first: tokenizing the reference may move the stem pool */
    ND_GROW(l->from, ns + 1, l->from_alloc);
    size_t na = 0, ti = 0;
    const char *stems = nd_tokenizer_stems(tz);
    while (ti < d->tk.n && d->tk.v[ti].sent == ND_SENT_TITLE) ti++;
    for (size_t s = 0; s < ns; s++) {
        l->from[s] = na;
        for (; ti < d->tk.n && d->tk.v[ti].sent == s; ti++) {
            const nd_token *t = &d->tk.v[ti];
            if (t->flags & ND_TOK_STOP) continue;
            ND_GROW(l->art, na + 1, l->art_alloc);
            l->art[na++] = stem_id(l, stems + t->stem_off, t->stem_len);
        }
    }
    l->from[ns] = na;
    size_t lines = 0, extractive = 0, refwords = 0;
    for (const char *p = summary; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        nd_tokens_reset(&l->rt);
        nd_tokenize(tz, p, len, 0, 0, &l->rt);
        p += len + (nl ? 1 : 0);
        stems = nd_tokenizer_stems(tz);
        size_t rlen = 0;
        for (size_t i = 0; i < l->rt.n; i++) {
            if (l->rt.v[i].flags & ND_TOK_STOP) continue;
            uint32_t id = stem_id(l, stems + l->rt.v[i].stem_off, l->rt.v[i].stem_len);
            l->line[id]++;
            l->ref[id]++;
            rlen++;
        }
        if (rlen == 0) continue;
        lines++;
        refwords += rlen;
        double best_f = 0;
        size_t best = ns;
        for (size_t s = 0; s < ns; s++) {
            double f = f1((double)hits(l, s, l->line, l->cur), (double)(l->from[s + 1] - l->from[s]), (double)rlen);
            if (f > best_f) best_f = f, best = s;
        }
        extractive += best_f >= 0.8;
        if (best < ns && best_f >= 0.3) label[best] = 2;   /* 2: this line's match, if the reference is extractive */
        for (size_t i = 0; i < l->rt.n; i++)
            if (!(l->rt.v[i].flags & ND_TOK_STOP)) l->line[nd_strmap_find(&l->ids, stems + l->rt.v[i].stem_off, l->rt.v[i].stem_len)] = 0;
    }
    if (extractive * 5 >= lines * 4) {
        for (size_t s = 0; s < ns; s++) label[s] = label[s] == 2;
    } else {
        memset(label, 0, ns * sizeof(int));
        size_t got = 0, words = 0;
        double score = 0;
        for (;;) {
            size_t best = ns, best_h = 0;
            double best_f = score;
            for (size_t s = 0; s < ns; s++) {
                size_t w = l->from[s + 1] - l->from[s];
                if (label[s] || w < 4) continue;
                size_t h = got + hits(l, s, l->ref, l->cur);
                double f = f1((double)h, (double)(words + w), (double)refwords);
                if (f > best_f + 1e-12) best_f = f, best = s, best_h = h;
            }
            if (best == ns) break;
            label[best] = 1;
            for (size_t j = l->from[best]; j < l->from[best + 1]; j++) l->cur[l->art[j]]++;
            got = best_h;
            words += l->from[best + 1] - l->from[best];
            score = best_f;
        }
    }
    for (size_t k = 0; k < na; k++) l->cur[l->art[k]] = 0, l->ref[l->art[k]] = 0;
    for (size_t i = 0; i < l->ids.n; i++) l->ref[i] = 0;   /* the reference's own stems */
}

/*
 * Label every sentence of the records with summaries (see label_sentences)
 * and fit a logistic regression over the sentence features (liblinear,
 * L2-regularised, on every sentence), its C chosen by 3-fold
 * cross-validation over articles. Its probabilities are what the learned
 * method weighs against sentence length, so they must hold for every kind
 * of reference the records bring: a hinge-loss SVM with one Platt sigmoid
 * over all of them (libsvm's C-SVC, used before) ranked CNN's sentences
 * well but gave them bbc's probabilities (cnndm ROUGE-1 23.8 against the
 * logistic model's 30.5 by cross-validation, bbc the same). The model is
 * kept in libsvm's file format, as a linear C-SVC with its weight vector
 * as the one support vector and the logistic function as its sigmoid
 * (probA -1, probB 0), so bundles read and write it as before.
 */

/* The sentence rows of all articles, for fitting and cross-validation. */
struct sumfit {
    const struct svm_node *pool;   /* row i at pool + i * (ND_SFEAT + 1) */
    const double *y;               /* +1 in the reference, -1 not */
    const size_t *doc_start;       /* article r's rows: [doc_start[r], doc_start[r + 1]) */
    size_t ndocs;
};

static void quiet(const char *msg)
{
    (void)msg;
}

/* w . x - rho as a libsvm model: a linear C-SVC whose one support vector is w (coefficient 1), label 1 first. */
static struct svm_model *as_libsvm(const double *w, double b, double C)
{
    struct svm_model *m = nd_xcalloc(1, sizeof(*m));
    nd_svm_param(&m->param, LINEAR, C);
    m->nr_class = 2;
    m->l = 1;
    m->SV = nd_xmalloc(sizeof(*m->SV));
    m->SV[0] = nd_xmalloc((ND_SFEAT + 1) * sizeof(struct svm_node));
    for (int k = 0; k < ND_SFEAT; k++) m->SV[0][k] = (struct svm_node){ k + 1, w[k] };
    m->SV[0][ND_SFEAT] = (struct svm_node){ -1, 0 };
    m->sv_coef = nd_xmalloc(sizeof(*m->sv_coef));
    m->sv_coef[0] = nd_xmalloc(sizeof(double));
    m->sv_coef[0][0] = 1;
    m->rho = nd_xmalloc(sizeof(double));
    m->rho[0] = -b;
    m->label = nd_xmalloc(2 * sizeof(int));
    m->label[0] = 1;
    m->label[1] = -1;
    m->nSV = nd_xmalloc(2 * sizeof(int));
    m->nSV[0] = 1;
    m->nSV[1] = 0;
    m->free_sv = 1;
    return m;
}

/* The logistic regression over the rows of the articles not in 'fold' (article r is in fold r % 3; -1: all). */
static nd_sumsvm *fit_sentences(const struct sumfit *sf, int fold, double C)
{
    size_t n = 0, npos = 0;
    for (size_t r = 0; r < sf->ndocs; r++)
        if (fold < 0 || (int)(r % 3) != fold) n += sf->doc_start[r + 1] - sf->doc_start[r];
    struct feature_node *pool = nd_xmalloc(nd_st_mult(n + 1, ND_SFEAT + 2) * sizeof(*pool));
    struct feature_node **x = nd_xmalloc((n + 1) * sizeof(*x));
    double *y = nd_xmalloc((n + 1) * sizeof(*y));
    size_t kept = 0;
    for (size_t r = 0; r < sf->ndocs; r++) {
        if (fold >= 0 && (int)(r % 3) == fold) continue;
        for (size_t i = sf->doc_start[r]; i < sf->doc_start[r + 1]; i++) {
            struct feature_node *row = pool + kept * (ND_SFEAT + 2);
            const struct svm_node *src = sf->pool + i * (ND_SFEAT + 1);
            for (int k = 0; k < ND_SFEAT; k++) row[k] = (struct feature_node){ k + 1, src[k].value };
            row[ND_SFEAT] = (struct feature_node){ ND_SFEAT + 1, 1 };   /* the bias */
            row[ND_SFEAT + 1] = (struct feature_node){ -1, 0 };
            x[kept] = row;
            y[kept] = sf->y[i];
            npos += sf->y[i] > 0;
            kept++;
        }
    }
    nd_sumsvm *s = NULL;
    if (npos > 0 && npos < kept) {   /* else a small fold: no cross-validation (not an error) */
        struct problem prob = { .l = (int)kept, .n = ND_SFEAT + 1, .y = y, .x = x, .bias = -1 };
        struct parameter par = { .solver_type = L2R_LR, .eps = 0.01, .C = C };
        struct model *lm = train(&prob, &par);
        double w[ND_SFEAT + 1], sign = lm->label[0] == 1 ? 1 : -1;   /* liblinear's w favours its first label */
        for (int k = 0; k <= ND_SFEAT; k++) w[k] = sign * lm->w[k];
        free_and_destroy_model(&lm);
        s = nd_sumsvm_fold(as_libsvm(w, w[ND_SFEAT], C));
        nd_sumsvm_calibrate(s, -1, 0);
    }
    free(pool);
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
    struct fit_meter *meter;
    double C;
    int fold;
    int fitted;                    /* 0: the fold had one class */
    double f1;                     /* summed over the fold's articles */
    size_t articles;
};

static void run_sumjob(void *arg)
{
    struct sumjob *j = arg;
    nd_sumsvm *sm = fit_sentences(j->sf, j->fold, j->C);
    nd_train_progress p = { .stage = "sentence model", .task = -1, .fold = j->fold + 1, .folds = 3, .C = j->C };
    nd_meter_tick(j->meter, &p, 1);
    if (!sm) return;
    j->f1 = top3_f1(j->sf, sm, j->fold, &j->articles);
    j->fitted = 1;
    nd_sumsvm_free(sm);
}

nd_status nd_sentences_train(const nd_record *recs, size_t nrec, const nd_train_opts *opts, nd_model *m,
                             nd_train_report *rep, nd_err *err)
{
    nd_analyzer *a = nd_analyzer_new(m);
    if (!a) return nd_fail_stemmer(m, err);
    set_print_string_function(quiet);   /* once, before the fits' threads */
    struct svm_node *pool = NULL;
    double *y = NULL;
    size_t n = 0, alloc = 0, npos = 0, seen = 0;
    struct labeler lab;
    memset(&lab, 0, sizeof(lab));
    nd_strmap_init(&lab.ids);
    nd_tokens_init(&lab.rt);
    size_t label_alloc = 64;
    int *label = nd_xmalloc(label_alloc * sizeof(int));
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
    labeler_release(&lab);
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
        struct fit_meter *meter = nd_meter_new(opts, NG * 3 + 1, NG * 3 + 1);
        for (size_t g = 0; g < NG; g++)
            for (int fold = 0; fold < 3; fold++) {
                jobs[g * 3 + (size_t)fold].sf = &sf;
                jobs[g * 3 + (size_t)fold].meter = meter;
                jobs[g * 3 + (size_t)fold].C = grid[g];
                jobs[g * 3 + (size_t)fold].fold = fold;
            }
        nd_run_pool(jobs, sizeof(jobs[0]), NG * 3, run_sumjob, opts->threads);
        double best_f1 = -1;
        rep->sum_c = 1;   /* without cross-validation */
        for (size_t g = 0; g < NG; g++) {
            size_t total = 0;
            double sum = 0;
            int fold = 0;
            for (; fold < 3 && jobs[g * 3 + (size_t)fold].fitted; fold++) {
                sum += jobs[g * 3 + (size_t)fold].f1;
                total += jobs[g * 3 + (size_t)fold].articles;
            }
            if (fold < 3) break;   /* a fold with one class: too few articles to cross-validate */
            rep->sum_cv[g] = total ? sum / (double)total : 0;
            if (rep->sum_cv[g] > best_f1) best_f1 = rep->sum_cv[g], rep->sum_c = grid[g];
        }
        m->sum = fit_sentences(&sf, -1, rep->sum_c);   /* both classes: npos is neither 0 nor n */
        m->sum->c = rep->sum_c;
        nd_meter_tick(meter, &(nd_train_progress){ .stage = "sentence model", .task = -1, .folds = 3, .C = rep->sum_c }, 1);
        nd_meter_free(meter);
    }
    free(doc_start);
    rep->sum_docs = (int)nrec;
    rep->sum_sentences = (int)seen;
    rep->sum_positive = (int)npos;
    free(pool);
    free(y);
    return st;
}

