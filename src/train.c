/*
 * train.c -- labelled records -> model bundle.
 *
 * Records are prepared exactly as at prediction time (clean, sentences,
 * tokens, terms) and kept as sparse term counts. At the end the vocabulary is
 * chosen (min_df, max_df, max_features; gazetteer terms always kept), TF-IDF
 * rows are built once into one libsvm node pool, and for each task:
 *
 *   1. stratified k-fold cross-validation over the C grid (all folds and C
 *      values run in parallel; each is an independent libsvm training),
 *   2. the C with the best cross-validated accuracy (ties: the smaller C),
 *   3. Platt sigmoids per class pair from the out-of-fold decision values
 *      at that C (libsvm's own calibration does a second, internal 5-fold CV;
 *      this reuses the one already run),
 *   4. the final model on all documents, folded into weight vectors.
 *
 * Rows are ordered by class, so libsvm's label order is the class order and
 * pair (i, j) means the same in every model. Everything is deterministic for
 * a given seed and does not depend on the thread count.
 */
#include "lang.h"
#include "train.h"

#include <errno.h>        /* errno */
#include <libsvm/svm.h>  /* svm_train */
#include <linear.h>       /* set_print_string_function */
#include <math.h>         /* log */
#include <stdlib.h>      /* qsort, srand */

static void quiet(const char *s)
{
    (void)s;
}

/* The texts are in 'l': its tokenizer, and the gazetteer's places read with it. */
static nd_status use_language(nd_trainer *t, const nd_language *l, nd_err *err)
{
    t->lang = l;
    t->opts.language = l->code;
    if (t->opts.subwords < 0) t->opts.subwords = l->rules & ND_LANG_COMPOUNDS ? ND_SUBWORDS : 0;
    t->cfg.subwords = t->opts.subwords;
    if (t->opts.dateline_weight < 0) t->opts.dateline_weight = l->rules & ND_LANG_PLACED ? ND_DATELINE_WEIGHT : 0;
    t->cfg.dateline_weight = t->opts.dateline_weight;
    if (t->opts.placeless_weight < 0) t->opts.placeless_weight = t->opts.dateline_weight > 0 ? ND_PLACELESS_WEIGHT : 0;
    t->cfg.placeless_weight = t->opts.placeless_weight;
    /* where words join into compounds, the compound is the phrase: pairs of neighbours only add noise */
    if (t->opts.bigrams < 0) t->opts.bigrams = !(l->rules & ND_LANG_COMPOUNDS);
    t->cfg.bigrams = t->opts.bigrams;
    if (!(t->tz = nd_tokenizer_new(l)))
        return nd_language_no_stemmer(l, err);
    nd_status st = ND_OK;
    if (t->gazetteer.len) st = nd_gazetteer_parse(&t->gaz, t->gazetteer.data, t->gazetteer.len, t->tz, err);
    nd_buf_release(&t->gazetteer);
    return st;
}

nd_trainer *nd_trainer_new(const nd_train_opts *opts, nd_err *err)
{
    nd_trainer *t = nd_xcalloc(1, sizeof(*t));
    if (opts)
        t->opts = *opts;
    else
        nd_train_opts_init(&t->opts);
    if (t->opts.threads <= 0) t->opts.threads = nd_cpu_count();
    if (t->opts.folds < 2) t->opts.folds = 2;
    if (t->opts.min_df < 1) t->opts.min_df = 1;
    if (t->opts.max_df <= 0 || t->opts.max_df > 1) t->opts.max_df = 1;
    if (t->opts.max_features < 1) {
        free(t);
        nd_fail(err, ND_ERR_PARAM, "max_features must be positive");
        return NULL;
    }
    if (t->opts.c_grid[0] <= 0) {
        free(t);
        nd_fail(err, ND_ERR_PARAM, "the C grid is empty");
        return NULL;
    }
    t->cfg.title_weight = t->opts.title_weight;
    t->cfg.lead_weight = t->opts.lead_weight;
    t->cfg.numbers = t->opts.numbers;
    t->cfg.title_terms = t->opts.title_terms;
    const char *code = t->opts.language ? t->opts.language : "en";
    if (strcmp(code, "auto") && !(t->lang = nd_language_find(code))) {
        nd_buf known;
        nd_buf_init(&known);
        for (int i = 0; nd_language_at(i); i++) nd_buf_addf(&known, "%s%s", i ? ", " : "", nd_language_at(i)->code);
        nd_fail(err, ND_ERR_PARAM, "unknown language '%s' (known: auto, %s)", code, known.data);
        nd_buf_release(&known);
        free(t);
        return NULL;
    }
    nd_status st = ND_OK;
    nd_buf_init(&t->gazetteer);
    if (t->opts.gazetteer) {
        FILE *f = fopen(t->opts.gazetteer, "rb");
        if (!f) {
            st = nd_fail(err, ND_ERR_IO, "cannot open gazetteer '%s': %s", t->opts.gazetteer, strerror(errno));
        } else {
            char tmp[65536];
            size_t n;
            while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0) nd_buf_add(&t->gazetteer, tmp, n);
            fclose(f);
        }
        t->opts.gazetteer = NULL;   /* the table lives in the model from now on */
    }
    if (!st && t->lang) st = use_language(t, t->lang, err);
    if (st) {
        nd_tokenizer_free(t->tz);
        nd_gazetteer_release(&t->gaz);
        nd_buf_release(&t->gazetteer);
        free(t);
        return NULL;
    }
    nd_doc_init(&t->doc);
    nd_buf_init(&t->key);
    nd_strmap_init(&t->dict);
    for (int k = 0; k < ND_NTASKS; k++) nd_strmap_init(&t->labels[k]);
    t->doc_start = nd_xmalloc(sizeof(uint32_t));
    t->doc_start[0] = 0;
    t->doc_alloc = 1;
    t->digest = 1469598103934665603ULL;
    t->t0 = nd_now();
    svm_set_print_string_function(quiet);
    return t;
}

void nd_trainer_free(nd_trainer *t)
{
    if (!t) return;
    nd_tokenizer_free(t->tz);
    nd_sumsvm_free(t->sum);
    nd_gazetteer_release(&t->gaz);
    nd_buf_release(&t->gazetteer);
    for (size_t i = 0; i < t->npend; i++) nd_record_release(&t->pend[i].rec);
    free(t->pend);
    nd_doc_release(&t->doc);
    nd_buf_release(&t->key);
    nd_strmap_release(&t->dict);
    free(t->doc_start);
    free(t->tid);
    free(t->tcnt);
    for (int k = 0; k < ND_NTASKS; k++) {
        free(t->label[k]);
        nd_strmap_release(&t->labels[k]);
    }
    free(t->agg);
    for (size_t i = 0; i < t->nsumrec; i++) nd_record_release(&t->sumrec[i]);
    free(t->sumrec);
    nd_blockset_free(t->pages);
    free(t->ex);
    free(t);
}

static void digest_add(nd_trainer *t, const char *s)
{
    uint64_t h = t->digest;
    if (s)
        for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    h = (h ^ 0xff) * 1099511628211ULL;   /* field separator */
    t->digest = h;
}

nd_status nd_trainer_add_page(nd_trainer *t, const nd_record *rec, nd_err *err)
{
    if (rec->error) return nd_fail(err, rec->error_code, "%s", rec->error);
    if (!rec->text) return nd_fail(err, ND_ERR_EMPTY, "record has no text");
    if (!rec->with && !rec->without) return nd_fail(err, ND_ERR_EMPTY, "page has no 'with' or 'without' segments");
    if (!t->pages) t->pages = nd_blockset_new();
    nd_blockset_add(t->pages, &t->doc.page, rec->text, strlen(rec->text), rec->with, rec->without);
    digest_add(t, rec->text);
    digest_add(t, rec->with);
    digest_add(t, rec->without);
    return ND_OK;
}

nd_status nd_trainer_add_story(nd_trainer *t, const nd_record *rec, nd_err *err)
{
    if (rec->error) return nd_fail(err, rec->error_code, "%s", rec->error);
    if (!rec->text) return nd_fail(err, ND_ERR_EMPTY, "record has no text");
    if (!t->pages) t->pages = nd_blockset_new();
    nd_blockset_add_story(t->pages, &t->doc.page, rec->text, strlen(rec->text));
    digest_add(t, rec->text);
    return ND_OK;
}

nd_status nd_trainer_train_extractor(nd_trainer *t, nd_extract_report *rep, nd_err *err)
{
    memset(rep, 0, sizeof(*rep));
    if (!t->pages) return nd_fail(err, ND_ERR_EMPTY, "no pages with story segments were added");
    nd_extractor *ex = nd_xcalloc(1, sizeof(*ex));
    for (int f = 0; f < ND_NFORMS; f++) {
        rep->pages[f] = (int)nd_blockset_pages(t->pages, f);
        if (rep->pages[f] < t->opts.folds) continue;
        struct fit_meter *meter = nd_meter_new(&t->opts, nd_block_fits(t->opts.folds), (double)nd_block_fits(t->opts.folds));
        nd_status st = nd_blockset_train(t->pages, f, t->opts.folds, t->opts.seed, t->opts.threads, meter, &ex->form[f], err);
        nd_meter_free(meter);
        if (st) {
            free(ex);
            return st;
        }
        const nd_blocklm *lm = &ex->form[f];
        rep->trained[f] = 1;
        rep->blocks[f] = lm->blocks;
        rep->c1[f] = lm->c1;
        rep->c2[f] = lm->c2;
        rep->shift[f] = lm->shift;
        rep->lambda[f] = lm->lambda;
        rep->cv_f1[f] = lm->cv_f1;
    }
    if (!rep->trained[0] && !rep->trained[1]) {
        free(ex);
        return nd_fail(err, ND_ERR_EMPTY, "the block model needs %d pages or more of one form (%d HTML pages, %d texts)",
                       t->opts.folds, rep->pages[ND_FORM_HTML], rep->pages[ND_FORM_TEXT]);
    }
    free(t->ex);
    t->ex = ex;
    nd_blockset_free(t->pages);
    t->pages = NULL;
    return ND_OK;
}

void nd_trainer_use_summarizer(nd_trainer *t, nd_model *m)
{
    nd_sumsvm_free(t->sum);
    t->sum = NULL;
    if (m) {
        t->sum = m->sum;
        m->sum = NULL;
    }
}

void nd_trainer_use_extractor(nd_trainer *t, const nd_model *m)
{
    free(t->ex);
    t->ex = NULL;
    if (m && m->ex) {
        t->ex = nd_xmalloc(sizeof(*t->ex));
        *t->ex = *m->ex;
    }
}

static int cmp_tagged(const void *a, const void *b)
{
    const struct tagged *x = a, *y = b;
    return x->id < y->id ? -1 : x->id > y->id;
}

static char *dup_or_null(const char *s)
{
    return s ? nd_xstrdup(s) : NULL;
}

/* What training reads of a record, copied into c. */
static void copy_record(nd_record *c, const nd_record *rec)
{
    nd_record_init(c);
    c->id = dup_or_null(rec->id);
    c->title = dup_or_null(rec->title);
    c->text = dup_or_null(rec->text);
    c->topic = dup_or_null(rec->topic);
    c->region = dup_or_null(rec->region);
    c->summary = dup_or_null(rec->summary);
    c->url = dup_or_null(rec->url);
}

/* A record with a reference summary, kept for the sentence model (and the data digest). */
static void keep_summary(nd_trainer *t, const nd_record *rec)
{
    if (!t->opts.summarizer || !rec->summary || !*rec->summary) return;
    ND_GROW(t->sumrec, t->nsumrec + 1, t->sumrec_alloc);
    copy_record(&t->sumrec[t->nsumrec++], rec);
    digest_add(t, rec->summary);
}

nd_status nd_trainer_add_summary(nd_trainer *t, const nd_record *rec, nd_err *err)
{
    if (!rec->text || !*rec->text) return nd_fail(err, ND_ERR_EMPTY, "record '%s' has no text", rec->id);
    if (!rec->summary || !*rec->summary) return nd_fail(err, ND_ERR_EMPTY, "record '%s' has no reference summary", rec->id);
    keep_summary(t, rec);
    digest_add(t, rec->title);
    digest_add(t, rec->text);
    return ND_OK;
}

/*
 * "auto" holds the first records until they make ND_GUESS_RECORDS records or
 * ND_GUESS_BYTES of text, then takes the language most of their function
 * words belong to (English when none is found), or Chinese, Japanese or
 * Korean when most of their characters are of its script.
 */
#define ND_GUESS_RECORDS 200
#define ND_GUESS_BYTES (1u << 20)

static void add_record(nd_trainer *t, const nd_record *rec, unsigned tasks);

static nd_status choose_language(nd_trainer *t, nd_err *err)
{
    const nd_langcount *c = &t->pend_count;
    int g = nd_lang_guess(c);
    const char *script = nd_lang_script(c);
    const nd_language *l = script ? nd_language_find(script) : g >= 0 ? nd_language_find(nd_lang_code(g)) : NULL;
    if (!l) l = nd_english();
    t->guessed = script ? 2 : 1;
    t->guess_records = (int)t->npend;
    uint32_t in_script = c->script[ND_SCRIPT_HAN] + c->script[ND_SCRIPT_KANA] + c->script[ND_SCRIPT_HANGUL];
    if (script)   /* the share of the characters in its script */
        t->guess_share = (double)in_script / c->chars;
    else
        t->guess_share = c->words && g >= 0 ? (double)c->hits[g] / c->words : 0;
    nd_status st = use_language(t, l, err);
    for (size_t i = 0; i < t->npend; i++) {
        if (!st) add_record(t, &t->pend[i].rec, t->pend[i].tasks);
        nd_record_release(&t->pend[i].rec);
    }
    t->npend = 0;
    return st;
}

nd_status nd_trainer_add(nd_trainer *t, const nd_record *rec, unsigned tasks, nd_err *err)
{
    if (!rec->text || !*rec->text) return nd_fail(err, ND_ERR_EMPTY, "record '%s' has no text", rec->id);
    if (t->lang) {
        add_record(t, rec, tasks);
        return ND_OK;
    }
    ND_GROW(t->pend, t->npend + 1, t->pend_alloc);
    copy_record(&t->pend[t->npend].rec, rec);
    t->pend[t->npend++].tasks = tasks;
    size_t n = strlen(rec->text);
    if (rec->title) nd_lang_count_text(rec->title, strlen(rec->title), &t->pend_count);
    nd_lang_count_text(rec->text, n, &t->pend_count);
    t->pend_bytes += n;
    if (t->npend >= ND_GUESS_RECORDS || t->pend_bytes >= ND_GUESS_BYTES) return choose_language(t, err);
    return ND_OK;
}

static void add_record(nd_trainer *t, const nd_record *rec, unsigned tasks)
{
    nd_doc_prepare(&t->doc, t->tz, t->gaz.nregions ? &t->gaz : NULL, &t->cfg, t->ex, rec->title, rec->text, rec->url, 0);
    const nd_terms *terms = &t->doc.terms;
    ND_GROW(t->agg, terms->n, t->agg_alloc);
    for (size_t i = 0; i < terms->n; i++) {
        const nd_term *tm = &terms->v[i];
        int unigram = tm->entry != ND_SLOT_UNSET && tm->entry2 == ND_SLOT_UNSET;
        uint32_t id = unigram ? nd_tokenizer_slot(t->tz, tm->entry) : ND_SLOT_UNSET;   /* memoised per word */
        if (id == ND_SLOT_UNSET) {
            size_t len;
            const char *key = nd_term_key(terms, t->tz, tm, &t->key, &len);
            id = (uint32_t)nd_strmap_put(&t->dict, key, len, 0, NULL);
            if (unigram) nd_tokenizer_set_slot(t->tz, tm->entry, id);
        }
        t->agg[i].id = id;
        t->agg[i].w = tm->w;
    }
    if (terms->n > 1) qsort(t->agg, terms->n, sizeof(*t->agg), cmp_tagged);   /* a text of no terms has no array yet */
    size_t u = 0;
    for (size_t i = 0; i < terms->n; i++) {
        if (u && t->agg[u - 1].id == t->agg[i].id)
            t->agg[u - 1].w += t->agg[i].w;
        else
            t->agg[u++] = t->agg[i];
    }
    if (t->nnz + u > t->nnz_alloc) {
        size_t a = t->nnz_alloc ? t->nnz_alloc * 2 : 65536;
        while (a < t->nnz + u) a *= 2;
        t->tid = nd_xrealloc(t->tid, a * sizeof(*t->tid));
        t->tcnt = nd_xrealloc(t->tcnt, a * sizeof(*t->tcnt));
        t->nnz_alloc = a;
    }
    for (size_t i = 0; i < u; i++) {
        t->tid[t->nnz] = t->agg[i].id;
        t->tcnt[t->nnz] = t->agg[i].w;
        t->nnz++;
        t->dict.values[t->agg[i].id]++;
    }
    ND_GROW(t->doc_start, t->ndocs + 2, t->doc_alloc);
    t->doc_start[t->ndocs + 1] = (uint32_t)t->nnz;
    const char *lab[ND_NTASKS] = { rec->topic, rec->region };
    for (int k = 0; k < ND_NTASKS; k++) {
        ND_GROW(t->label[k], t->ndocs + 1, t->label_alloc[k]);
        t->label[k][t->ndocs] = -1;
        if ((tasks & (1u << k)) && lab[k] && *lab[k]) {
            bool added;
            t->label[k][t->ndocs] = (int)nd_strmap_put(&t->labels[k], lab[k], strlen(lab[k]), 0, &added);
        }
    }
    keep_summary(t, rec);
    digest_add(t, rec->title);
    digest_add(t, rec->text);
    digest_add(t, (tasks & 1) ? rec->topic : NULL);
    digest_add(t, (tasks & 2) ? rec->region : NULL);
    t->ndocs++;
}

/*-----   vocabulary   -----*/

struct cand { uint32_t id, df; const char *key; };

static int cmp_cand_df(const void *a, const void *b)
{
    const struct cand *x = a, *y = b;
    if (x->df != y->df) return x->df > y->df ? -1 : 1;
    return strcmp(x->key, y->key);
}

/*
 * Feature ids: the '@' pseudo-terms first (one run, the gazetteer block),
 * the '^' title terms next (another run, the title block), then by document
 * frequency, most frequent first. A document's features
 * are then mostly low ids, so the rows they touch (weights, IDF,
 * accumulators) sit together in memory instead of all over it.
 */
static int cmp_cand_id(const void *a, const void *b)
{
    const struct cand *x = a, *y = b;
    int gx = x->key[0] == '@' ? 0 : x->key[0] == '^' ? 1 : 2;
    int gy = y->key[0] == '@' ? 0 : y->key[0] == '^' ? 1 : 2;
    if (gx != gy) return gx < gy ? -1 : 1;
    return cmp_cand_df(a, b);
}

/* Fill m->vocab; returns remap[dict id] = feature id (0: dropped). */
static uint32_t *select_vocab(nd_trainer *t, nd_model *m)
{
    size_t n = t->dict.n;
    struct cand *c = nd_xmalloc((n ? n : 1) * sizeof(*c));
    size_t nc = 0;
    double maxdf = t->opts.max_df * (double)t->ndocs;
    for (size_t i = 0; i < n; i++) {
        const char *key = nd_strmap_key(&t->dict, i);
        uint32_t df = t->dict.values[i];
        if (key[0] == '@' || (df >= (uint32_t)t->opts.min_df && df <= maxdf))
            c[nc++] = (struct cand){ (uint32_t)i, df, key };
    }
    if (nc > (size_t)t->opts.max_features) {
        qsort(c, nc, sizeof(*c), cmp_cand_df);
        nc = (size_t)t->opts.max_features;
    }
    qsort(c, nc, sizeof(*c), cmp_cand_id);
    uint32_t *remap = nd_xcalloc(n ? n : 1, sizeof(uint32_t));
    for (size_t i = 0; i < nc; i++) {
        nd_strmap_put(&m->vocab, c[i].key, strlen(c[i].key), c[i].df, NULL);
        remap[c[i].id] = (uint32_t)i + 1;
    }
    free(c);
    m->ndocs = (uint32_t)t->ndocs;
    nd_model_index(m);
    return remap;
}

/*
 * TF-IDF rows of every document in one node pool. Each row is preceded by
 * its bias node (feature nfeat + 1, value 1): libsvm reads the row,
 * liblinear the row from the node before it.
 */
static struct svm_node **build_rows(nd_trainer *t, const nd_model *m, const uint32_t *remap, struct svm_node **pool_out)
{
    size_t cap = t->nnz + 2 * t->ndocs + 1;
    struct svm_node bias = { (int)m->vocab.n + 1, 1.0 };
    struct svm_node *pool = nd_xmalloc(cap * sizeof(*pool));
    size_t *off = nd_xmalloc((t->ndocs + 1) * sizeof(*off));
    nd_svec v;
    nd_svec_init(&v);
    size_t at = 0;
    for (size_t d = 0; d < t->ndocs; d++) {
        v.n = 0;
        for (uint32_t k = t->doc_start[d]; k < t->doc_start[d + 1]; k++)
            if (remap[t->tid[k]]) nd_svec_push(&v, remap[t->tid[k]], t->tcnt[k]);
        nd_svec_tfidf(&v, m->idf);
        pool[at++] = bias;
        off[d] = at;
        for (size_t i = 0; i < v.n; i++) pool[at++] = (struct svm_node){ (int)v.idx[i], v.val[i] };
        pool[at++] = (struct svm_node){ -1, 0 };
    }
    nd_svec_release(&v);
    struct svm_node **rows = nd_xmalloc((t->ndocs + 1) * sizeof(*rows));
    for (size_t d = 0; d < t->ndocs; d++) rows[d] = pool + off[d];
    free(off);
    *pool_out = pool;
    return rows;
}

/* The vocabulary, the TF-IDF rows, and the model that will hold the classifiers. */
static nd_model *model_setup(nd_trainer *t, const char *data_digest, struct svm_node ***rows, struct svm_node **pool)
{
    nd_model *m = nd_model_alloc();
    m->opts = t->opts;
    nd_model_set_language(m, t->lang);
    m->opts.gazetteer = NULL;
    m->gaz = t->gaz;
    memset(&t->gaz, 0, sizeof(t->gaz));
    m->ex = t->ex;   /* the summarizer's training reads its articles with it too */
    t->ex = NULL;
    char dig[64];
    snprintf(dig, sizeof(dig), "fnv1a64:%016llx", (unsigned long long)t->digest);
    m->digest = nd_xstrdup(data_digest ? data_digest : dig);
    uint32_t *remap = select_vocab(t, m);
    *rows = build_rows(t, m, remap, pool);
    free(remap);
    /* the rows and the vocabulary hold what the fits need: the term counts and every term seen can go */
    nd_strmap_release(&t->dict);
    nd_strmap_init(&t->dict);
    free(t->tid);
    free(t->tcnt);
    t->tid = NULL;
    t->tcnt = NULL;
    t->nnz = t->nnz_alloc = 0;
    return m;
}

/*
 * Every task with two labels or more: its data (task_setup), the
 * cross-validation fits of all tasks and C values at once, the C each
 * chooses, the final fits at once, then each model folded and calibrated.
 * A liblinear task's fits are one per class and fold, run a C at a time up
 * the grid; its jobs per fold and C are gathered from them.
 */
static nd_status train_classifiers(nd_trainer *t, nd_model *m, struct svm_node **rows, nd_train_report *rep,
                                   nd_err *err)
{
    int ngrid = 0, folds = t->opts.folds;
    while (ngrid < 8 && t->opts.c_grid[ngrid] > 0) ngrid++;
    struct task_run run[ND_NTASKS];
    memset(run, 0, sizeof(run));
    size_t njobs = 0, nfin = 0;
    int last = -1, shared = 0;   /* the last task to set up; whether one before it reads the shared rows as they are */
    for (int k = 0; k < ND_NTASKS; k++)
        if (t->labels[k].n >= 2) last = k;
    for (int k = 0; k < ND_NTASKS; k++) {
        if (t->labels[k].n < 2) continue;
        nd_task_setup(t, m, rows, k, k == last && !shared, &run[k]);
        shared |= !run[k].td.own;
        struct task_data *T = &run[k].td;
        T->task = k;
        T->grid = t->opts.c_grid;
        T->ngrid = ngrid;
        T->folds = folds;
        rep->trained[k] = 1;
        rep->ndocs[k] = T->n;
        rep->nlabels[k] = T->k;
        rep->solver[k] = T->solver;
        int rest = T->solver == ND_SOLVER_LIBLINEAR;
        njobs += (size_t)(ngrid * folds) + (rest ? (size_t)(folds * T->k) : 0);
        nfin += rest ? (size_t)T->k : 1;
    }
    struct job *jobs = nd_xcalloc(njobs + 1, sizeof(*jobs)), *fin = nd_xcalloc(nfin + 1, sizeof(*fin));
    size_t nj = 0;
    for (int k = 0; k < ND_NTASKS; k++) {
        struct task_data *T = &run[k].td;
        if (!T->k) continue;
        run[k].job0 = nj;
        for (int g = 0; g < ngrid; g++)
            for (int f = 0; f < folds; f++)
                jobs[nj++] = (struct job){ .td = T, .C = t->opts.c_grid[g], .fold = f, .cls = -1 };
        if (T->solver != ND_SOLVER_LIBLINEAR) continue;
        run[k].cls0 = nj;
        for (int f = 0; f < folds; f++)
            for (int c = 0; c < T->k; c++) jobs[nj++] = (struct job){ .td = T, .fold = f, .cls = c };
    }
    /* the final fits' work, for the progress estimate, before C is known */
    size_t fits = 0;
    double work = 0;
    for (size_t i = 0; i < njobs; i++) nd_job_work(&jobs[i], &fits, &work);
    for (int k = 0; k < ND_NTASKS; k++) {
        struct task_data *T = &run[k].td;
        for (int c = 0; c < (T->solver == ND_SOLVER_LIBLINEAR ? T->k : 1) && T->k; c++)
            nd_job_work(&(struct job){ .td = T, .fold = -1, .cls = T->solver == ND_SOLVER_LIBLINEAR ? c : -1 }, &fits, &work);
    }
    struct fit_meter *meter = nd_meter_new(&t->opts, fits, work);
    /*
     * libsvm's fits all at once; liblinear's up the grid a C at a time, all
     * folds and classes of a task together, until the task's cross-validated
     * accuracy falls below its best: the C values above would not be chosen
     * (a linear SVM's accuracy over C rises to a peak and falls off), and
     * they are the costly ones.
     */
    int climbing[ND_NTASKS];
    double top[ND_NTASKS];
    for (int k = 0; k < ND_NTASKS; k++) climbing[k] = run[k].td.k && run[k].td.solver == ND_SOLVER_LIBLINEAR, top[k] = -1;
    for (int g = 0; g < ngrid; g++) {
        for (size_t i = 0; i < njobs; i++) {
            struct job *j = &jobs[i];
            j->g = g;
            j->skip = j->td->solver == ND_SOLVER_LIBLINEAR ? j->cls < 0 || !climbing[j->td->task] : g > 0;
        }
        nd_run_jobs(jobs, njobs, t->opts.threads, meter);
        for (int k = 0; k < ND_NTASKS; k++) {
            if (!climbing[k]) continue;
            const struct task_data *T = &run[k].td;
            int c = 0, n = 0;
            for (int f = 0; f < folds; f++) {
                struct job *j = &jobs[run[k].job0 + (size_t)(g * folds + f)];
                nd_gather_rest(j, g, &jobs[run[k].cls0 + (size_t)(f * T->k)]);
                c += j->correct;
                n += j->total;
            }
            double acc = n ? (double)c / n : 0;
            if (acc < top[k] - 1e-12) climbing[k] = 0;
            else if (acc > top[k]) top[k] = acc;
            for (int i = 0; i < folds * T->k; i++) climbing[k] &= !jobs[run[k].cls0 + (size_t)i].error;
        }
    }
    nd_status st = ND_OK;
    for (size_t i = 0; i < njobs && !st; i++)
        if (jobs[i].error) st = nd_fail(err, ND_ERR_PARAM, "%s: %s", jobs[i].cls >= 0 ? "liblinear" : "libsvm", jobs[i].error);
    size_t nf = 0;
    for (int k = 0; k < ND_NTASKS && !st; k++) {
        struct task_data *T = &run[k].td;
        if (!T->k) continue;
        nd_choose_c(t, jobs, ngrid, k, &run[k], rep);
        run[k].fin0 = nf;
        if (T->solver == ND_SOLVER_LIBLINEAR)
            for (int c = 0; c < T->k; c++) fin[nf++] = (struct job){ .td = T, .C = rep->best_c[k], .fold = -1, .cls = c };
        else
            fin[nf++] = (struct job){ .td = T, .C = rep->best_c[k], .fold = -1, .cls = -1 };
    }
    if (!st) nd_run_jobs(fin, nf, t->opts.threads, meter);
    nd_meter_free(meter);
    for (int k = 0; k < ND_NTASKS && !st; k++) {
        struct task_run *r = &run[k];
        if (!r->td.k) continue;
        struct job *f = &fin[r->fin0];
        if (r->td.solver == ND_SOLVER_LIBLINEAR) f->model = nd_assemble_rest(&r->td, f, &f->error);
        st = nd_task_finish(t, jobs, f, k, r, m, rep, err);
    }
    for (size_t i = 0; i < njobs; i++) nd_job_release(&jobs[i]);
    for (size_t i = 0; i < nf; i++) nd_job_release(&fin[i]);
    free(jobs);
    free(fin);
    for (int k = 0; k < ND_NTASKS; k++) nd_task_release(&run[k]);
    return st;
}

nd_status nd_trainer_finish(nd_trainer *t, const char *data_digest, nd_model **out, nd_train_report *rep,
                            nd_err *err)
{
    *out = NULL;
    nd_train_report dummy;
    if (!rep) rep = &dummy;
    memset(rep, 0, sizeof(*rep));
    if (!t->lang) {
        nd_status st = choose_language(t, err);
        if (st) return st;
    }
    rep->language = t->lang->code;
    rep->language_guessed = t->guessed;
    rep->language_records = t->guess_records;
    rep->language_share = t->guess_share;
    if (t->ndocs == 0) return nd_fail(err, ND_ERR_EMPTY, "no training documents");
    svm_set_print_string_function(quiet);
    set_print_string_function(quiet);   /* once, before the fits' threads */
    struct svm_node *pool, **rows;
    size_t seen = t->dict.n;   /* terms before min_df and max_df (model_setup takes the dictionary) */
    nd_model *m = model_setup(t, data_digest, &rows, &pool);
    rep->nfeatures = (int)m->vocab.n;
    size_t words = 0;   /* terms of the texts, not the gazetteer's place features */
    for (size_t i = 0; i < m->vocab.n; i++) words += nd_strmap_key(&m->vocab, i)[0] != '@';
    nd_status st = ND_OK;
    if (!words && !seen)   /* every word a stop word, a single letter or a mark */
        st = nd_fail(err, ND_ERR_PARAM, "no words to learn from in %zu document%s (stop words and single letters only)",
                     t->ndocs, t->ndocs == 1 ? "" : "s");
    else if (!words)
        st = nd_fail(err, ND_ERR_PARAM,
                     "no term is in %d or more and at most %g%% of the %zu document%s (--min-df, --max-df): nothing to "
                     "learn from", t->opts.min_df, 100 * t->opts.max_df, t->ndocs, t->ndocs == 1 ? "" : "s");
    srand(t->opts.seed);
    if (!st) st = train_classifiers(t, m, rows, rep, err);
    free(rows);
    free(pool);
    if (!st && t->nsumrec >= 10) st = nd_sentences_train(t->sumrec, t->nsumrec, &t->opts, m, rep, err);
    if (!st && !m->sum && t->opts.summarizer && t->sum) {   /* no references to learn from: the one given */
        m->sum = t->sum;
        t->sum = NULL;
        rep->sum_taken = 1;
    }
    if (st) {
        nd_model_free(m);
        return st;
    }
    rep->seconds = nd_now() - t->t0;
    *out = m;
    return ND_OK;
}
