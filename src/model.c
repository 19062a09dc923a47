/*
 * model.c -- the model bundle: a directory holding
 *
 *   manifest        "key value" lines: format version, feature settings,
 *                   tasks with their labels, C and CV accuracy, data digest, metrics
 *   vocab.tsv       term<TAB>document frequency; line N is feature N (1-based)
 *   gazetteer.tsv   place<TAB>region (optional)
 *   TASK.svm        libsvm's own model file (linear C-SVC), labels 0..k-1
 *   TASK.labels     label name of libsvm label N on line N+1
 *   TASK.platt      "A B" per class pair (libsvm pair order): Platt sigmoids
 *   README.md       what the files are (generated)
 *
 * Here: the model in memory, and reading a bundle (every file checked
 * against its checksum in the manifest). Writing one: modelsave.c; what
 * info shows of one: modelinfo.c.
 */
#include "lang.h"
#include "story.h"
#include "text.h"

#include <dirent.h>      /* opendir */
#include <errno.h>       /* errno */
#include <fcntl.h>       /* open, AT_FDCWD */
#include <limits.h>      /* INT_MAX */
#include <libsvm/svm.h>  /* svm_save_model, svm_load_model */
#include <math.h>        /* log */
#include <pthread.h>     /* pthread_create */
#include <stdio.h>       /* fopen */
#include <stdlib.h>      /* free, strtod */
#include <sys/mman.h>    /* munmap */
#include <sys/stat.h>    /* mkdir */

static const char *const task_names[ND_NTASKS] = { "topic", "region" };

const char *nd_task_name(nd_task t)
{
    return (unsigned)t < ND_NTASKS ? task_names[t] : "?";
}

const char *nd_solver_name(nd_solver s)
{
    return s == ND_SOLVER_LIBSVM ? "libsvm" : s == ND_SOLVER_LIBLINEAR ? "liblinear" : "auto";
}

void nd_train_opts_init(nd_train_opts *o)
{
    memset(o, 0, sizeof(*o));
    o->min_df = 3;
    o->max_df = 0.5;
    o->max_features = 300000;
    o->bigrams = -1;
    o->title_weight = 2.0;
    o->lead_weight = 2.0;
    o->numbers = 1;
    o->title_terms = 1;
    o->subwords = -1;
    o->geo_weight = 4.0;
    o->dateline_weight = -1;
    o->placeless_weight = -1;
    o->folds = 3;
    const double grid[] = { 0.5, 1, 2, 4, 8 };
    for (size_t i = 0; i < sizeof(grid) / sizeof(grid[0]); i++) o->c_grid[i] = grid[i];
    o->balanced = 0;
    o->seed = 1;
    o->threads = 0;
    o->gazetteer = NULL;
    o->summarizer = 1;
    o->language = "en";
}

nd_status nd_fail_stemmer(const nd_model *m, nd_err *err)
{
    return nd_language_no_stemmer(m->lang, err);
}

void nd_model_set_language(nd_model *m, const nd_language *l)
{
    m->lang = l;
    m->opts.language = l->code;
    m->format = m->opts.placeless_weight > 0 ? 6 : m->opts.dateline_weight > 0 ? 5 : m->opts.subwords > 0 ? 4
                : l == nd_english() ? 2 : 3;
}

nd_model *nd_model_alloc(void)
{
    nd_model *m = nd_xcalloc(1, sizeof(*m));
    nd_train_opts_init(&m->opts);
    nd_model_set_language(m, nd_english());
    nd_strmap_init(&m->vocab);
    nd_strmap_init(&m->stems);
    return m;
}

void nd_model_index(nd_model *m)
{
    free(m->idf);
    m->idf = nd_xmalloc((m->vocab.n + 1) * sizeof(float));
    m->idf[0] = 0;
    m->geo_lo = m->geo_hi = m->title_lo = m->title_hi = 0;
    free(m->filter);
    m->filter = nd_xcalloc(ND_FILTER_BITS / 64, sizeof(uint64_t));
    for (size_t i = 0; i < m->vocab.n; i++) {
        size_t bit = nd_filter_bit(m->vocab.hashes[i]);
        m->filter[bit >> 6] |= 1ULL << (bit & 63);
        m->idf[i + 1] = (float)(log((1.0 + m->ndocs) / (1.0 + m->vocab.values[i])) + 1.0);
        char k0 = nd_strmap_key(&m->vocab, i)[0];   /* the trainer puts the '@' terms in one run, '^' in another */
        if (k0 == '@') {
            if (!m->geo_lo) m->geo_lo = (uint32_t)i + 1;
            m->geo_hi = (uint32_t)i + 1;
        } else if (k0 == '^') {
            if (!m->title_lo) m->title_lo = (uint32_t)i + 1;
            m->title_hi = (uint32_t)i + 1;
        }
    }

    /* stems and stem pairs */
    nd_strmap_release(&m->stems);
    nd_strmap_init(&m->stems);
    free(m->stem_fid);
    free(m->pair);
    size_t npairs = 0;
    for (size_t i = 0; i < m->vocab.n; i++) {
        const char *k = nd_strmap_key(&m->vocab, i);
        if (k[0] != '@' && k[0] != '#' && k[0] != '^' && k[0] != '%' && strchr(k, ' ')) npairs++;
    }
    size_t cap = 64;
    while (cap < 2 * npairs) cap *= 2;
    m->pair = nd_xcalloc_huge(cap, sizeof(*m->pair));
    m->pair_mask = cap - 1;
    size_t fid_alloc = 0;
    m->stem_fid = NULL;
    for (size_t i = 0; i < m->vocab.n; i++) {
        const char *k = nd_strmap_key(&m->vocab, i);
        if (k[0] == '@' || k[0] == '#' || k[0] == '^' || k[0] == '%') continue;   /* pseudo-terms are looked up by key */
        const char *sp = strchr(k, ' ');
        size_t la = sp ? (size_t)(sp - k) : strlen(k);
        bool added;
        size_t sa = nd_strmap_put(&m->stems, k, la, 0, &added);
        ND_GROW(m->stem_fid, m->stems.n, fid_alloc);
        if (added) m->stem_fid[sa] = 0;
        if (!sp) {
            m->stem_fid[sa] = (uint32_t)i + 1;
            continue;
        }
        size_t sb = nd_strmap_put(&m->stems, sp + 1, strlen(sp + 1), 0, &added);
        ND_GROW(m->stem_fid, m->stems.n, fid_alloc);
        if (added) m->stem_fid[sb] = 0;
        uint64_t key = (uint64_t)(sa + 1) << 32 | (sb + 1);
        size_t at = (size_t)(key * 0x9E3779B97F4A7C15ULL >> 20) & m->pair_mask;
        while (m->pair[at].key) at = (at + 1) & m->pair_mask;
        m->pair[at].key = key;
        m->pair[at].fid = (uint32_t)i + 1;
    }
}

void nd_model_free(nd_model *m)
{
    if (!m) return;
    if (m->index_map) {   /* the vocabulary's tables lie in vocab.index, mapped */
        munmap(m->index_map, m->index_map_len);
    } else {
        nd_strmap_release(&m->vocab);
        free(m->idf);
        free(m->filter);
        nd_strmap_release(&m->stems);
        free(m->stem_fid);
        free(m->pair);
    }
    nd_gazetteer_release(&m->gaz);
    for (int t = 0; t < ND_NTASKS; t++) nd_linsvm_free(m->task[t]);
    nd_sumsvm_free(m->sum);
    free(m->ex);
    free(m->digest);
    free(m->metrics);
    free(m);
}

void nd_model_set_metrics(nd_model *m, const char *metrics)
{
    free(m->metrics);
    m->metrics = metrics ? nd_xstrdup(metrics) : NULL;
}

int nd_model_has_task(const nd_model *m, nd_task t)
{
    return (unsigned)t < ND_NTASKS && m->task[t] != NULL;
}

int nd_model_has_extractor(const nd_model *m)
{
    return m->ex != NULL;
}

int nd_model_has_summarizer(const nd_model *m)
{
    return m->sum != NULL;
}

size_t nd_model_nlabels(const nd_model *m, nd_task t)
{
    return nd_model_has_task(m, t) ? (size_t)m->task[t]->nclass : 0;
}

const char *nd_model_label(const nd_model *m, nd_task t, size_t i)
{
    return i < nd_model_nlabels(m, t) ? m->task[t]->labels[i] : NULL;
}

size_t nd_model_nfeatures(const nd_model *m)
{
    return m->vocab.n;
}

const char *nd_model_language(const nd_model *m)
{
    return m->lang->code;
}

/*-----   reading   -----*/

nd_status nd_bundle_slurp(const char *dir, const char *name, nd_buf *out, int optional, nd_err *err)
{
    nd_buf path;
    nd_buf_init(&path);
    nd_buf_addf(&path, "%s/%s", dir, name);
    nd_buf_reset(out);
    FILE *f = fopen(path.data, "rb");
    nd_status st = ND_OK;
    if (!f) {
        st = optional && errno == ENOENT ? ND_ERR_EMPTY
                                         : nd_fail(err, ND_ERR_MODEL, "cannot open '%s': %s", path.data, strerror(errno));
    } else {
        struct stat sb;   /* one allocation of the right size, read into directly */
        if (fstat(fileno(f), &sb) == 0 && sb.st_size > 0) nd_buf_grow(out, (size_t)sb.st_size);
        size_t n;
        do {
            nd_buf_grow(out, 65536);
            n = fread(out->data + out->len, 1, out->cap - out->len - 1, f);
            out->len += n;
            out->data[out->len] = '\0';
        } while (n > 0);
        if (ferror(f)) st = nd_fail(err, ND_ERR_IO, "cannot read '%s'", path.data);
        fclose(f);
    }
    nd_buf_release(&path);
    return st;
}

/*
 * A bundle's file as its manifest's checksum says it was written (a manifest
 * without checksums, from before them, checks nothing). Returns its slurp
 * status, or ND_ERR_MODEL for a file that is not what was written.
 */
/* The checksum the manifest lists for file 'name' into *h: 1, or 0 when it lists none (format 1). */
static int manifest_checksum(const char *man, const char *name, uint64_t *h)
{
    char key[64];
    snprintf(key, sizeof(key), "checksum %s ", name);
    for (const char *p = man; man && (p = strstr(p, key)); p++) {
        if (p != man && p[-1] != '\n') continue;
        *h = (uint64_t)strtoull(p + strlen(key), NULL, 16);
        return 1;
    }
    return 0;
}

static nd_status slurp_checked(const char *man, const char *dir, const char *name, nd_buf *out, int optional, nd_err *err)
{
    nd_status st = nd_bundle_slurp(dir, name, out, optional, err);
    uint64_t want;
    if (st || !manifest_checksum(man, name, &want)) return st;   /* none listed: a bundle of format 1 */
    if (want != nd_hash(out->data, out->len))
        return nd_fail(err, ND_ERR_MODEL, "bundle damaged: %s/%s does not match its checksum in the manifest", dir, name);
    return ND_OK;
}

/* The manifest whole: with checksums, its last line is "end" and the checksum of all before it. */
static nd_status check_manifest(const nd_buf *man, int format, const char *dir, nd_err *err)
{
    if (format < 2) return ND_OK;   /* from before checksums */
    const char *end = man->len >= 21 ? man->data + man->len - 21 : NULL;   /* "end " + 16 hex digits + "\n" */
    if (!end || (end != man->data && end[-1] != '\n') || strncmp(end, "end ", 4) != 0 ||
        strtoull(end + 4, NULL, 16) != (unsigned long long)nd_hash(man->data, (size_t)(end - man->data)))
        return nd_fail(err, ND_ERR_MODEL, "bundle damaged: %s/manifest is cut short or altered", dir);
    return ND_OK;
}

/* A libsvm model file of the bundle (read by nd_svm_parse, not libsvm's slower loader). */
static struct svm_model *load_svm(const char *man, const char *dir, const char *name, nd_buf *b, nd_err *err)
{
    if (slurp_checked(man, dir, name, b, 0, err)) return NULL;
    char *label = nd_xstrf("%s/%s", dir, name);
    struct svm_model *sm = nd_svm_parse(b->data, b->len, label, err);
    free(label);
    return sm;
}

/* Value of "key value" in the manifest, or NULL. */
static const char *manifest_get(const char *man, const char *key, size_t *len)
{
    size_t kl = strlen(key);
    const char *p = man;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n > kl && memcmp(p, key, kl) == 0 && p[kl] == ' ') {
            *len = n - kl - 1;
            return p + kl + 1;
        }
        p += n + (nl ? 1 : 0);
    }
    return NULL;
}

static double manifest_num(const char *man, const char *key, double dflt)
{
    size_t len;
    const char *v = manifest_get(man, key, &len);
    return v ? strtod(v, NULL) : dflt;
}

/* The manifest's settings within their ranges (a damaged number must not reach an int or change every answer). */
static nd_status manifest_ranges(const char *man, const char *dir, nd_err *err)
{
    static const struct { const char *key; double lo, hi; } range[] = {
        { "min_df", 1, 1e9 }, { "max_df", 0, 1 }, { "max_features", 1, 1e9 }, { "bigrams", 0, 1 },
        { "title_weight", 0, 100 }, { "lead_weight", 0, 100 }, { "numbers", 0, 1 }, { "title_terms", 0, 1 },
        { "geo_weight", 0, 100 }, { "subwords", 0, 100 }, { "dateline_weight", 0, 100 }, { "placeless_weight", 0, 100 }, { "folds", 2, 20 }, { "seed", 0, 4294967295.0 }, { "balanced", 0, 1 },
        { "documents", 0, 4294967295.0 }, { "features", 0, 4294967295.0 },
    };
    for (size_t i = 0; i < sizeof(range) / sizeof(range[0]); i++) {
        size_t len;
        const char *v = manifest_get(man, range[i].key, &len);
        if (!v) continue;
        char *e;
        double x = strtod(v, &e);
        if (e == v || !isfinite(x) || x < range[i].lo || x > range[i].hi)
            return nd_fail(err, ND_ERR_MODEL, "'%s/manifest': %s %.*s is out of range [%g, %g]", dir, range[i].key,
                           (int)len, v, range[i].lo, range[i].hi);
    }
    return ND_OK;
}

/* The task line's "name=value" field. */
static double task_field(const char *line, size_t len, const char *name)
{
    size_t nl = strlen(name);
    for (size_t i = 0; i + nl + 1 < len; i++)
        if ((i == 0 || line[i - 1] == ' ') && memcmp(line + i, name, nl) == 0 && line[i + nl] == '=')
            return strtod(line + i + nl + 1, NULL);
    return 0;
}

/* The task line's "counts=a,b,..." (one per class) and "prior=uniform|training". */
static nd_status load_prior(nd_linsvm *s, const char *line, size_t len, const char *dir, const char *task, nd_err *err)
{
    const char *c = NULL, *p = NULL;
    for (size_t i = 0; i + 7 < len; i++) {
        if (i > 0 && line[i - 1] != ' ') continue;
        if (!memcmp(line + i, "counts=", 7)) c = line + i + 7;
        if (!memcmp(line + i, "prior=", 6)) p = line + i + 6;
    }
    if (c) {
        s->count = nd_xcalloc((size_t)s->nclass, sizeof(int));
        for (int i = 0; i < s->nclass; i++) {
            char *e;
            long v = strtol(c, &e, 10);
            if (e == c || v < 0 || v > INT_MAX || (i + 1 < s->nclass && *e != ',')) {
                free(s->count);
                s->count = NULL;
                return nd_fail(err, ND_ERR_MODEL, "%s/manifest: task %s: expected %d counts", dir, task, s->nclass);
            }
            s->count[i] = (int)v;
            c = e + 1;
        }
    }
    if (p && !strncmp(p, "uniform", 7)) {
        if (!s->count) return nd_fail(err, ND_ERR_MODEL, "%s/manifest: task %s: prior=uniform without counts", dir, task);
        s->uniform_prior = 1;
    }
    return ND_OK;
}

static nd_status load_task(nd_model *m, const char *dir, const char *man, nd_task t, uint32_t nfeat, nd_buf *b,
                           nd_err *err)
{
    char key[32];
    snprintf(key, sizeof(key), "task %s", task_names[t]);
    size_t tl = 0;
    const char *tline = NULL;
    for (const char *p = man; (p = strstr(p, key)); p++) {
        if ((p == man || p[-1] == '\n') && p[strlen(key)] == ' ') {
            tline = p;
            const char *nl = strchr(p, '\n');
            tl = nl ? (size_t)(nl - p) : strlen(p);
            break;
        }
    }
    if (!tline) return ND_OK;
    char name[64];
    snprintf(name, sizeof(name), "%s.labels", task_names[t]);
    nd_status st = slurp_checked(man, dir, name, b, 0, err);
    if (st) return st;
    char **labels = NULL;
    int k = 0;
    for (char *p = b->data; *p;) {
        char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n) {
            labels = nd_xrealloc(labels, (size_t)(k + 1) * sizeof(*labels));
            labels[k++] = nd_xstrndup(p, n);
        }
        p += n + (nl ? 1 : 0);
    }
    nd_buf path, cache;
    nd_buf_init(&path);
    nd_buf_init(&cache);
    nd_buf_addf(&path, "%s/%s.svm", dir, task_names[t]);
    nd_buf_addf(&cache, "%s/%s.weights", dir, task_names[t]);
    snprintf(name, sizeof(name), "%s.svm", task_names[t]);
    /* the folded weights from the cache when it is of this libsvm text; else the text parsed and folded, and cached */
    uint64_t svm_hash;
    int hashed = manifest_checksum(man, name, &svm_hash);
    nd_linsvm *s = hashed ? nd_linsvm_cache_read(cache.data, svm_hash, k, nfeat) : NULL;
    struct svm_model *sm = NULL;
    if (s) {
        s->labels = labels;
        s->source = nd_xstrdup(dir);
        s->source_hash = svm_hash;
    } else if (!(sm = load_svm(man, dir, name, b, err))) {
        st = ND_ERR_MODEL;
    } else if (svm_get_svm_type(sm) != C_SVC || sm->param.kernel_type != LINEAR) {
        st = nd_fail(err, ND_ERR_MODEL, "'%s' is not a linear C-SVC model", path.data);
    } else {
        /* libsvm labels are indices into 'labels' */
        for (int i = 0; i < sm->nr_class; i++)
            if (sm->label[i] < 0 || sm->label[i] >= k) {
                st = nd_fail(err, ND_ERR_MODEL, "'%s': label %d has no name in %s.labels", path.data,
                             sm->label[i], task_names[t]);
                break;
            }
        if (!st && !(s = nd_linsvm_fold(sm, labels, k, nfeat)))
            st = nd_fail(err, ND_ERR_MODEL, "'%s': %d classes in the model, %d names", path.data, sm->nr_class, k);
        if (!st && hashed) (void)nd_linsvm_cache_write(s, svm_hash, cache.data);   /* best effort: a read-only bundle has none */
    }
    nd_buf_release(&path);
    nd_buf_release(&cache);
    if (st || !s) {
        if (!st) st = ND_ERR_MODEL;
        if (sm) svm_free_and_destroy_model(&sm);
        for (int i = 0; i < k; i++) free(labels[i]);
        free(labels);
        return st;
    }
    snprintf(name, sizeof(name), "%s.platt", task_names[t]);
    st = slurp_checked(man, dir, name, b, 1, err);
    if (st == ND_OK) {   /* every pair's A and B, finite (a cut file must not leave any unset) */
        s->prob_a = nd_xmalloc((size_t)s->npairs * sizeof(double));
        s->prob_b = nd_xmalloc((size_t)s->npairs * sizeof(double));
        char *p = b->data;
        for (int i = 0; i < s->npairs && !st; i++) {
            char *e, *f;
            double a = strtod(p, &e), bb = e == p ? 0 : strtod(e, &f);
            if (e == p || f == e || !isfinite(a) || !isfinite(bb))
                st = nd_fail(err, ND_ERR_MODEL, "%s/%s: pair %d of %d is missing or not a finite number", dir, name,
                             i + 1, s->npairs);
            else
                s->prob_a[i] = a, s->prob_b[i] = bb, p = f;
        }
    } else if (st == ND_ERR_EMPTY) {
        st = ND_OK;
    }
    if (!st) st = load_prior(s, tline, tl, dir, task_names[t], err);
    m->task[t] = s;
    m->best_c[t] = task_field(tline, tl, "C");
    m->cv_accuracy[t] = task_field(tline, tl, "cv_accuracy");
    m->ndocs_task[t] = (int)task_field(tline, tl, "docs");
    for (size_t i = 0; i + 7 < tl; i++)   /* "solver=NAME", from when newsdesk had two; unknown: not recorded */
        if ((i == 0 || tline[i - 1] == ' ') && !memcmp(tline + i, "solver=", 7))
            for (nd_solver sv = ND_SOLVER_LIBSVM; sv <= ND_SOLVER_LIBLINEAR; sv++) {
                size_t n = strlen(nd_solver_name(sv));
                if (i + 7 + n <= tl && !memcmp(tline + i + 7, nd_solver_name(sv), n) &&
                    (i + 7 + n == tl || tline[i + 7 + n] == ' ' || tline[i + 7 + n] == '\n'))
                    m->solver_task[t] = sv;
            }
    return st;
}

/* A task loaded on a thread of its own. */
struct task_load {
    nd_model *m;
    const char *dir, *man;
    nd_task t;
    uint32_t nfeat;
    nd_status st;
    nd_err err;
    pthread_t th;
    int running;
};

static void *task_thread(void *arg)
{
    struct task_load *l = arg;
    nd_buf b;
    nd_buf_init(&b);
    l->st = load_task(l->m, l->dir, l->man, l->t, l->nfeat, &b, &l->err);
    nd_buf_release(&b);
    return NULL;
}

static void task_start(struct task_load *l, uint32_t nfeat)
{
    l->nfeat = nfeat;
    l->running = pthread_create(&l->th, NULL, task_thread, l) == 0;
}

/* Wait for the task's thread (if any); its status, unless 'st' already failed. */
static nd_status task_join(struct task_load *l, nd_status st, nd_err *err)
{
    if (!l->running) return st;
    pthread_join(l->th, NULL);
    l->running = 0;
    if (!st && l->st && err) *err = l->err;
    return st ? st : l->st;
}

/* The manifest's format, whole (its checksum), and its feature settings, each within its range, into m. */
static nd_status read_settings(nd_model *m, const nd_buf *man, const char *dir, nd_err *err)
{
    int format = 0;
    if (sscanf(man->data, "newsdesk-model %d", &format) != 1)
        return nd_fail(err, ND_ERR_MODEL, "'%s/manifest' is not a newsdesk model manifest", dir);
    if (format > ND_MODEL_FORMAT)
        return nd_fail(err, ND_ERR_MODEL, "'%s' has model format %d; this newsdesk reads up to %d", dir, format,
                       ND_MODEL_FORMAT);
    nd_status st = check_manifest(man, format, dir, err);
    if (!st) st = manifest_ranges(man->data, dir, err);
    if (st) return st;
    const char *t = man->data;
    m->opts.min_df = (int)manifest_num(t, "min_df", m->opts.min_df);
    m->opts.max_df = manifest_num(t, "max_df", m->opts.max_df);
    m->opts.max_features = (int)manifest_num(t, "max_features", m->opts.max_features);
    m->opts.bigrams = (int)manifest_num(t, "bigrams", 1);
    m->opts.title_weight = manifest_num(t, "title_weight", m->opts.title_weight);
    m->opts.lead_weight = manifest_num(t, "lead_weight", 1.0);
    m->opts.numbers = (int)manifest_num(t, "numbers", 0);
    m->opts.title_terms = (int)manifest_num(t, "title_terms", 0);
    m->opts.geo_weight = manifest_num(t, "geo_weight", 1.0);
    m->opts.subwords = manifest_num(t, "subwords", 0);
    m->opts.dateline_weight = manifest_num(t, "dateline_weight", 0);
    m->opts.placeless_weight = manifest_num(t, "placeless_weight", 0);
    m->opts.folds = (int)manifest_num(t, "folds", m->opts.folds);
    m->opts.seed = (unsigned)manifest_num(t, "seed", m->opts.seed);
    m->opts.balanced = (int)manifest_num(t, "balanced", m->opts.balanced);
    m->ndocs = (uint32_t)manifest_num(t, "documents", 0);
    size_t len;
    const char *v = manifest_get(t, "language", &len);
    if (v) {   /* bundles before languages name none: English */
        char code[8];
        snprintf(code, sizeof(code), "%.*s", (int)(len < sizeof(code) ? len : sizeof(code) - 1), v);
        const nd_language *l = nd_language_find(code);
        if (!l) return nd_fail(err, ND_ERR_MODEL, "'%s/manifest': language '%.*s' is not one this newsdesk knows", dir, (int)len, v);
        nd_model_set_language(m, l);
    }
    m->format = format;
    return ND_OK;
}

nd_model *nd_model_load(const char *dir, nd_err *err)
{
    nd_buf man, b;
    nd_buf_init(&man);
    nd_buf_init(&b);
    nd_model *m = nd_model_alloc();
    struct task_load side = { .m = m, .dir = dir, .t = (nd_task)(ND_NTASKS - 1) };   /* see below */
    nd_status st = nd_bundle_slurp(dir, "manifest", &man, 0, err);
    if (st) goto fail;
    if ((st = read_settings(m, &man, dir, err))) goto fail;
    /*
     * The classifiers' weights are most of the loading (parsing libsvm's
     * text, folding): the last task loads on a thread of its own from here,
     * beside the vocabulary, the other tasks and the sentence model, sized by
     * the manifest's feature count (checked against the vocabulary below).
     * Its error counts after theirs.
     */
    side.man = man.data;
    double nfeat_manifest = manifest_num(man.data, "features", 0);
    {   /* a vocabulary line is 4 bytes or more: a count its file cannot hold is refused before anything is sized by it */
        nd_buf vp;
        nd_buf_init(&vp);
        nd_buf_addf(&vp, "%s/vocab.tsv", dir);
        struct stat vs;
        int big = stat(vp.data, &vs) == 0 && nfeat_manifest > (double)vs.st_size / 4 + 1;
        nd_buf_release(&vp);
        if (big) {
            st = nd_fail(err, ND_ERR_MODEL, "'%s/manifest' says %.0f features; vocab.tsv (%lld bytes) cannot hold them", dir,
                         nfeat_manifest, (long long)vs.st_size);
            goto fail;
        }
    }
    if (nfeat_manifest >= 1 && nfeat_manifest < UINT32_MAX) task_start(&side, (uint32_t)nfeat_manifest);
    size_t len;
    const char *v = manifest_get(man.data, "data_digest", &len);
    if (v) m->digest = nd_xstrndup(v, len);
    nd_buf metrics;
    nd_buf_init(&metrics);
    for (const char *p = man.data; (p = strstr(p, "metric ")); p++) {
        if (p != man.data && p[-1] != '\n') continue;
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        nd_buf_add(&metrics, p + 7, n - 7);
        nd_buf_addc(&metrics, '\n');
    }
    if (metrics.len) m->metrics = nd_buf_detach(&metrics);
    nd_buf_release(&metrics);

    /* the vocabulary and its indexes from vocab.index when it is of this vocab.tsv; else the text read, and cached */
    uint64_t vocab_hash;
    int vocab_hashed = manifest_checksum(man.data, "vocab.tsv", &vocab_hash);
    nd_buf_reset(&b);
    nd_buf_addf(&b, "%s/vocab.index", dir);
    if (vocab_hashed && nd_model_index_read(m, vocab_hash, b.data) == 0) goto indexed;
    if ((st = slurp_checked(man.data, dir, "vocab.tsv", &b, 0, err))) goto fail;
    {
        size_t lines = 0;   /* size the map once instead of growing it step by step */
        for (const char *p = b.data; (p = memchr(p, '\n', b.len - (size_t)(p - b.data))); p++) lines++;
        nd_strmap_reserve(&m->vocab, lines + 1, b.len);
        size_t lineno = 0;
        for (char *p = b.data; *p;) {
            char *nl = strchr(p, '\n');
            size_t n = nl ? (size_t)(nl - p) : strlen(p);
            lineno++;
            char *tab = memchr(p, '\t', n);
            if (!tab) {
                st = nd_fail(err, ND_ERR_MODEL, "%s/vocab.tsv:%zu: expected 'term<TAB>df'", dir, lineno);
                goto fail;
            }
            bool added;
            nd_strmap_put(&m->vocab, p, (size_t)(tab - p), (uint32_t)strtoul(tab + 1, NULL, 10), &added);
            if (!added) {
                st = nd_fail(err, ND_ERR_MODEL, "%s/vocab.tsv:%zu: duplicate term", dir, lineno);
                goto fail;
            }
            p += n + (nl ? 1 : 0);
        }
    }
    nd_model_index(m);
    if (vocab_hashed) {   /* best effort: a read-only bundle has none */
        nd_buf_reset(&b);
        nd_buf_addf(&b, "%s/vocab.index", dir);
        (void)nd_model_index_write(m, vocab_hash, b.data);
    }
indexed:
    st = slurp_checked(man.data, dir, "gazetteer.tsv", &b, 1, err);
    if (st == ND_OK) {
        nd_tokenizer *tz = nd_tokenizer_new(m->lang);
        if (!tz) {
            st = nd_fail_stemmer(m, err);
            goto fail;
        }
        st = nd_gazetteer_parse(&m->gaz, b.data, b.len, tz, err);
        nd_tokenizer_free(tz);
        if (st) goto fail;
    } else if (st != ND_ERR_EMPTY) {
        goto fail;
    }
    st = ND_OK;
    if (side.running && side.nfeat != m->vocab.n) {
        st = nd_fail(err, ND_ERR_MODEL, "'%s/manifest' says %u features, vocab.tsv has %zu", dir, side.nfeat, m->vocab.n);
        goto fail;
    }
    if (!side.running) task_start(&side, (uint32_t)m->vocab.n);   /* no count in the manifest */
    for (int t = 0; t < ND_NTASKS - side.running && !st; t++)
        st = load_task(m, dir, man.data, (nd_task)t, (uint32_t)m->vocab.n, &b, err);
    const char *sumline = manifest_get(man.data, "summarizer", &len);
    if (!st && sumline) {
        struct svm_model *sm = load_svm(man.data, dir, "summary.svm", &b, err);
        if (!sm) {
            st = ND_ERR_MODEL;
        } else if (!(m->sum = nd_sumsvm_fold(sm))) {
            svm_free_and_destroy_model(&sm);
            st = nd_fail(err, ND_ERR_MODEL, "%s/summary.svm: not a two-class linear sentence model", dir);
        } else {
            for (const char *c = sumline; c + 3 <= sumline + len; c++)   /* "... C=10" */
                if (c[0] == ' ' && c[1] == 'C' && c[2] == '=') m->sum->c = strtod(c + 3, NULL);
            /* "... language=en": the references' language (a bundle before it: its own) */
            const char *l = NULL, *end = sumline + len;
            for (const char *c = sumline; !l && c + 10 <= end; c++)
                if (!memcmp(c, " language=", 10)) l = c + 10;
            char code[8] = "";
            for (size_t k = 0; l && k + 1 < sizeof(code) && l + k < end && l[k] >= 'a' && l[k] <= 'z'; k++) code[k] = l[k];
            m->sum->lang = l ? nd_language_find(code) : m->lang;
            if (!m->sum->lang) st = nd_fail(err, ND_ERR_MODEL, "%s/manifest: the summarizer's language '%s' is not known", dir, code);
        }
    }
    if (!st && manifest_get(man.data, "extractor", &len)) {
        m->ex = nd_xcalloc(1, sizeof(*m->ex));
        nd_buf name;
        nd_buf_init(&name);
        nd_buf_addf(&name, "%s/blocks.model", dir);
        if (!(st = slurp_checked(man.data, dir, "blocks.model", &b, 0, err))) st = nd_extractor_parse(m->ex, b.data, b.len, name.data, err);
        nd_buf_release(&name);
    }
    st = task_join(&side, st, err);
    if (st) goto fail;
    nd_buf_release(&man);
    nd_buf_release(&b);
    return m;
fail:
    task_join(&side, st, NULL);
    nd_buf_release(&man);
    nd_buf_release(&b);
    nd_model_free(m);
    return NULL;
}

/*-----   describing   -----*/
