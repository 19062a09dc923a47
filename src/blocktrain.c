/*
 * blocktrain.c -- training the block model from pages with known story and
 * boilerplate segments (the extraction benchmark's 'with' and 'without').
 *
 * A block is labelled when it contains a segment or lies inside one (a
 * block of 15 bytes or more: a short word is inside many a sentence by
 * chance). The model is liblinear's L2-regularised logistic regression on
 * the labelled blocks; C, the threshold shift and the smoothing cost are
 * chosen together by cross-validation over pages (a page's blocks, in any
 * of its forms, are never split between folds), scored by the F1 of the
 * labelled blocks' decisions after smoothing the whole held-out page. An
 * HTML page also trains the text model, rendered as a scraper would dump it
 * (a line per block).
 * Progress: 2 x ND_NC x folds cross-validation fits, then one or two final
 * ones (nd_block_fits).
 */
#include "story.h"
#include "train.h"

#include <linear.h>   /* liblinear */
#include <math.h>     /* exp */
#include <stdlib.h>   /* free, srand */

struct entry { uint8_t idx; float v; };
struct sblock { uint32_t from; uint16_t nnz; int8_t label; uint8_t rule; uint32_t text, tlen; float wt; };
struct spage {
    uint32_t from, n;
    uint32_t with, nwith, without, nwithout;   /* its segments in form_set.text */
    int story;      /* a clean article: every block is story */
    int fit;        /* its blocks are rows of the fits (every page is judged) */
    uint64_t key;   /* the same for each form of one page or article: they share a fold */
};

struct form_set {
    struct entry *e;
    size_t ne, ealloc;
    struct sblock *b;
    size_t nb, balloc;
    struct spage *p;
    size_t np, palloc;
    nd_buf text;        /* the blocks' normalised texts, then each page's segments, NUL-terminated */
};

struct nd_blockset {
    struct form_set f[ND_NFORMS];
    nd_buf norm, seg;
};

nd_blockset *nd_blockset_new(void)
{
    nd_blockset *s = nd_xcalloc(1, sizeof(*s));
    for (int f = 0; f < ND_NFORMS; f++) nd_buf_init(&s->f[f].text);
    nd_buf_init(&s->norm);
    nd_buf_init(&s->seg);
    return s;
}

void nd_blockset_free(nd_blockset *s)
{
    if (!s) return;
    for (int f = 0; f < ND_NFORMS; f++) {
        free(s->f[f].e);
        free(s->f[f].b);
        free(s->f[f].p);
        nd_buf_release(&s->f[f].text);
    }
    nd_buf_release(&s->norm);
    nd_buf_release(&s->seg);
    free(s);
}

size_t nd_blockset_pages(const nd_blockset *s, int form)
{
    return s->f[form].np;
}

/* Segments one per line, each normalised, NUL-separated into 'out'; their count. */
static size_t segments(const char *list, nd_buf *out, nd_buf *tmp)
{
    nd_buf_reset(out);
    size_t n = 0;
    for (const char *q = list; q && *q;) {
        const char *e = strchr(q, '\n');
        size_t len = e ? (size_t)(e - q) : strlen(q);
        nd_ws_normalize(q, len, tmp);
        if (tmp->len) {
            nd_buf_add(out, tmp->data, tmp->len + 1);
            n++;
        }
        q = e ? e + 1 : q + len;
    }
    return n;
}

/* 1 if text t (normalised) holds one of the segments or lies inside one of 15 bytes or more. */
static int matches(const char *t, size_t tl, const nd_buf *segs, size_t nseg)
{
    const char *s = segs->data;
    for (size_t k = 0; k < nseg; k++) {
        size_t sl = strlen(s);
        if ((sl <= tl && strstr(t, s)) || (tl >= 15 && tl <= sl && strstr(s, t))) return 1;
        s += sl + 1;
    }
    return 0;
}

static void add_page(nd_blockset *s, nd_page *p, int form, const nd_buf *with, size_t nw, const nd_buf *without,
                     size_t no, int story, uint64_t key)
{
    struct form_set *fs = &s->f[form];
    ND_GROW(fs->p, fs->np + 1, fs->palloc);
    struct spage *sp = &fs->p[fs->np++];
    *sp = (struct spage){ (uint32_t)fs->nb, (uint32_t)p->n, (uint32_t)fs->text.len, (uint32_t)nw, 0, (uint32_t)no, story, 1, key };
    nd_buf_add(&fs->text, with->data, with->len);
    sp->without = (uint32_t)fs->text.len;
    nd_buf_add(&fs->text, without->data, without->len);
    for (size_t i = 0; i < p->n; i++) {
        nd_ws_normalize(p->text.data + p->b[i].off, p->b[i].len, &s->norm);
        int pos = matches(s->norm.data, s->norm.len, with, nw), neg = matches(s->norm.data, s->norm.len, without, no);
        const float *x = p->x + i * ND_BFEAT;
        ND_GROW(fs->b, fs->nb + 1, fs->balloc);
        struct sblock *b = &fs->b[fs->nb++];
        b->from = (uint32_t)fs->ne;
        b->text = (uint32_t)fs->text.len;
        b->tlen = (uint32_t)s->norm.len;
        nd_buf_add(&fs->text, s->norm.data, s->norm.len + 1);
        b->label = (int8_t)(pos && !neg ? 1 : neg && !pos ? -1 : 0);
        b->rule = p->b[i].rule != ND_CLUTTER_NONE;
        b->wt = (float)nd_block_weight(x, ND_BLOCK_WEIGH);
        b->nnz = 0;
        for (int k = 0; k < ND_BFEAT; k++)
            if (x[k] != 0) {
                ND_GROW(fs->e, fs->ne + 1, fs->ealloc);
                fs->e[fs->ne++] = (struct entry){ (uint8_t)k, x[k] };
                b->nnz++;
            }
    }
}

/* Every block of the page in 'page' is story: each is a segment of its own. */
static void add_story_page(nd_blockset *s, nd_page *page, int form, uint64_t key)
{
    if (!page->n) return;
    nd_page_rules(page);
    nd_page_features(page);
    nd_buf w, none;
    nd_buf_init(&w);
    nd_buf_init(&none);
    size_t nw = 0;
    for (size_t i = 0; i < page->n; i++) {
        nd_ws_normalize(page->text.data + page->b[i].off, page->b[i].len, &s->norm);
        if (s->norm.len) {
            nd_buf_add(&w, s->norm.data, s->norm.len + 1);
            nw++;
        }
    }
    add_page(s, page, form, &w, nw, &none, 0, 1, key);
    nd_buf_release(&w);
    nd_buf_release(&none);
}

/*
 * 'text' with every sentence on a line of its own, paragraphs still apart:
 * scraped text often comes so, and the model must learn that a run of short
 * sentence lines is a story too. A sentence ends at ". ", "? " or "! " before
 * a capital letter or a quote, 20 bytes or more after the last end.
 */
static void sentence_lines(const char *text, size_t len, nd_buf *out)
{
    nd_buf_reset(out);
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        nd_buf_add(out, &c, 1);
        if (c == '\n') start = i + 1;
        if ((c == '.' || c == '?' || c == '!') && i + 2 < len && text[i + 1] == ' ' && i - start >= 20 &&
            ((text[i + 2] >= 'A' && text[i + 2] <= 'Z') || text[i + 2] == '"')) {
            nd_buf_add(out, "\n", 1);
            i++;
            start = i + 1;
        }
    }
}

void nd_blockset_add_story(nd_blockset *s, nd_page *page, const char *text, size_t len)
{
    int markup = nd_markup_kind(text, len);
    if (markup) nd_page_html(page, text, len);
    else nd_page_text(page, text, len);
    uint64_t key = nd_hash(text, len);
    add_story_page(s, page, markup == 2 ? ND_FORM_HTML : ND_FORM_TEXT, key);
    if (markup) return;
    nd_buf lines;
    nd_buf_init(&lines);
    sentence_lines(text, len, &lines);
    nd_page_text(page, lines.data, lines.len);
    add_story_page(s, page, ND_FORM_TEXT, key);
    nd_buf_release(&lines);
}

void nd_blockset_add(nd_blockset *s, nd_page *page, const char *text, size_t len, const char *with,
                     const char *without)
{
    nd_buf w, o, tmp;
    nd_buf_init(&w);
    nd_buf_init(&o);
    nd_buf_init(&tmp);
    size_t nw = segments(with, &w, &tmp), no = segments(without, &o, &tmp);
    if (nw + no) {
        int markup = nd_markup_kind(text, len);
        if (markup) nd_page_html(page, text, len);
        else nd_page_text(page, text, len);
        nd_page_rules(page);
        nd_page_features(page);
        uint64_t key = nd_hash(w.data, w.len) ^ nd_hash(o.data, o.len);   /* its segments, whatever its form */
        add_page(s, page, markup == 2 ? ND_FORM_HTML : ND_FORM_TEXT, &w, nw, &o, no, 0, key);
        if (markup == 2) {   /* the same page as a scraper's dump: a line per block */
            nd_buf flat;
            nd_buf_init(&flat);
            nd_buf_add(&flat, page->text.data, page->text.len);
            nd_page_text(page, flat.data, flat.len);
            nd_page_rules(page);
            nd_page_features(page);
            add_page(s, page, ND_FORM_TEXT, &w, nw, &o, no, 0, key);
            nd_buf_release(&flat);
        }
    }
    nd_buf_release(&w);
    nd_buf_release(&o);
    nd_buf_release(&tmp);
}

static void quiet(const char *s)
{
    (void)s;
}

/*
 * The rows of the labelled blocks of pages whose fold is not 'skip' (-1:
 * all), as liblinear wants them; with 'ctx' (ND_BCTX a block) the second
 * stage's rows.
 */
static struct problem make_problem(const struct form_set *fs, const int *fold, int skip, const float *ctx,
                                   struct feature_node **pool)
{
    struct problem pr = { 0 };
    size_t rows = 0, nodes = 0;
    for (size_t pg = 0; pg < fs->np; pg++) {
        if (fold[pg] == skip || !fs->p[pg].fit) continue;
        for (uint32_t i = 0; i < fs->p[pg].n; i++) {
            const struct sblock *b = &fs->b[fs->p[pg].from + i];
            if (b->label) rows++, nodes += b->nnz + 1u + (ctx ? ND_BCTX : 0);
        }
    }
    pr.l = (int)rows;
    pr.n = ctx ? ND_BFEAT2 : ND_BFEAT;
    pr.bias = -1;   /* feature 0 is the constant */
    pr.y = nd_xmalloc((rows + 1) * sizeof(double));
    pr.x = nd_xmalloc((rows + 1) * sizeof(*pr.x));
    *pool = nd_xmalloc((nodes + 1) * sizeof(**pool));
    size_t r = 0, o = 0;
    for (size_t pg = 0; pg < fs->np; pg++) {
        if (fold[pg] == skip || !fs->p[pg].fit) continue;
        for (uint32_t i = 0; i < fs->p[pg].n; i++) {
            size_t bi = fs->p[pg].from + i;
            const struct sblock *b = &fs->b[bi];
            if (!b->label) continue;
            pr.y[r] = b->label;
            pr.x[r++] = *pool + o;
            for (uint16_t k = 0; k < b->nnz; k++) {
                const struct entry *e = &fs->e[b->from + k];
                (*pool)[o++] = (struct feature_node){ e->idx + 1, e->v };
            }
            for (int k = 0; ctx && k < ND_BCTX; k++)
                if (ctx[bi * ND_BCTX + (size_t)k] != 0)
                    (*pool)[o++] = (struct feature_node){ ND_BFEAT + k + 1, ctx[bi * ND_BCTX + (size_t)k] };
            (*pool)[o++] = (struct feature_node){ -1, 0 };
        }
    }
    return pr;
}

static void free_problem(struct problem *pr, struct feature_node *pool)
{
    free(pr->y);
    free(pr->x);
    free(pool);
}

/* The log-odds of block bi: w over the block's features (and, with ctx, the context features). */
static double dot(const struct form_set *fs, size_t bi, const double *w, const float *ctx)
{
    const struct sblock *b = &fs->b[bi];
    double z = 0;
    for (uint16_t k = 0; k < b->nnz; k++) z += w[fs->e[b->from + k].idx] * fs->e[b->from + k].v;
    for (int k = 0; ctx && k < ND_BCTX; k++) z += w[ND_BFEAT + k] * ctx[bi * ND_BCTX + (size_t)k];
    return z;
}

/* The weights of a trained liblinear model (n of them), oriented so that positive means story. */
static void weights(const struct model *m, double *w, int n)
{
    int story_first = m->label[0] == 1;
    for (int k = 0; k < n; k++) w[k] = story_first ? m->w[k] : -m->w[k];
}

static const char *const form_stage[ND_NFORMS] = { "story extraction, text", "story extraction, html" };

/* One fit of the block model done, for the progress callback. */
static void tick(struct fit_meter *meter, int form, int fold, int folds, double C)
{
    nd_train_progress p = { .stage = form_stage[form], .task = -1, .fold = fold, .folds = folds, .C = C };
    nd_meter_tick(meter, &p, 1);
}

/* One fold left out at one C: its pages' log-odds into z (each fold writes its own pages'). */
struct fold_job {
    const struct form_set *fs;
    const int *fold;
    int k, folds, form;
    double C;
    const float *ctx;
    double *z;
    struct fit_meter *meter;
};

static void run_fold(void *arg)
{
    const struct fold_job *j = arg;
    const struct form_set *fs = j->fs;
    struct parameter par = { .solver_type = L2R_LR, .eps = 0.01, .C = j->C };
    double w[ND_BFEAT2];
    struct feature_node *pool;
    struct problem pr = make_problem(fs, j->fold, j->k, j->ctx, &pool);
    struct model *m = train(&pr, &par);
    weights(m, w, j->ctx ? ND_BFEAT2 : ND_BFEAT);
    for (size_t pg = 0; pg < fs->np; pg++)
        if (j->fold[pg] == j->k)
            for (uint32_t i = 0; i < fs->p[pg].n; i++) j->z[fs->p[pg].from + i] = dot(fs, fs->p[pg].from + i, w, j->ctx);
    free_and_destroy_model(&m);
    free_problem(&pr, pool);
    tick(j->meter, j->form, j->k + 1, j->folds, j->C);
}

/*
 * Out-of-fold log-odds of every block (z), for one C: the folds on
 * 'threads' threads (liblinear's logistic regression draws no random
 * numbers, so the result does not depend on them).
 */
static void out_of_fold(const struct form_set *fs, const int *fold, int folds, double C, const float *ctx, double *z,
                        struct fit_meter *meter, int form, int threads)
{
    struct fold_job *jobs = nd_xmalloc((size_t)folds * sizeof(*jobs));
    for (int k = 0; k < folds; k++) jobs[k] = (struct fold_job){ fs, fold, k, folds, form, C, ctx, z, meter };
    nd_run_pool(jobs, sizeof(*jobs), (size_t)folds, run_fold, threads);
    free(jobs);
}

static void fit_all(const struct form_set *fs, double C, const float *ctx, double *w)
{
    int *all = nd_xcalloc(fs->np, sizeof(int));
    struct feature_node *pool;
    struct problem pr = make_problem(fs, all, -1, ctx, &pool);
    struct parameter par = { .solver_type = L2R_LR, .eps = 0.01, .C = C };
    struct model *m = train(&pr, &par);
    weights(m, w, ctx ? ND_BFEAT2 : ND_BFEAT);
    free_and_destroy_model(&m);
    free_problem(&pr, pool);
    free(all);
}

struct counts { double tp, fp, fn; };

static void count(struct counts *c, int label, int keep)
{
    if (label > 0 && keep) c->tp++;
    else if (label > 0) c->fn++;
    else if (label < 0 && keep) c->fp++;
}

/*
 * The benchmark's own count for a page whose blocks 'keep' says to keep:
 * the kept blocks' texts joined (normalised), each segment looked for. A
 * clean article's segments (its blocks) count by their length: losing a
 * row of a results table is not losing a paragraph.
 */
static void count_segments(const struct form_set *fs, const struct spage *p, const uint8_t *keep, nd_buf *joined,
                           struct counts *c)
{
    nd_buf_reset(joined);
    for (uint32_t i = 0; i < p->n; i++) {
        const struct sblock *b = &fs->b[p->from + i];
        if (!keep[i] || !b->tlen) continue;
        if (joined->len) nd_buf_putc(joined, ' ');
        nd_buf_put(joined, fs->text.data + b->text, b->tlen);
    }
    const char *seg = fs->text.data + p->with;
    for (uint32_t k = 0; k < p->nwith + p->nwithout; k++) {
        size_t len = strlen(seg);
        double weight = p->story ? (double)len : 1;
        int found = strstr(joined->data, seg) != NULL;
        if (k < p->nwith) *(found ? &c->tp : &c->fn) += weight;
        else if (found) c->fp += weight;
        seg += len + 1;
    }
}

static double f1(const struct counts *c)
{
    return c->tp ? 2 * c->tp / (2 * c->tp + c->fp + c->fn) : 0;
}

/*
 * How a setting is judged: the F1 of the pages' segments, as long as clean
 * articles keep all but ND_STORY_LOSS of their text (a setting that loses
 * more is judged below every one that does not, by how much it keeps).
 */
#define ND_STORY_LOSS 0.005
static double judge(const struct counts *pages, const struct counts *story)
{
    double kept = story->tp + story->fn > 0 ? story->tp / (story->tp + story->fn) : 1;
    return kept >= 1 - ND_STORY_LOSS ? 1 + f1(pages) : kept;
}

/*
 * Clean articles teach that prose stays, and they bound what the model may
 * lose (judge); but fitted all (bbc, reuters21578 and 10kgnad give 25,000
 * texts, 175,000 blocks, against 13,000 labelled blocks of pages) they
 * outweigh the pages, and the fit spends itself on keeping the odd table
 * row of an article instead of telling chrome from story. The fits take a
 * share of them, chosen by their key, with at most ND_STORY_SHARE times
 * the pages' labelled blocks; every one of them is still judged.
 */
#define ND_STORY_SHARE 1.0
static void fit_story_share(struct form_set *fs)
{
    size_t page_blocks = 0, story_blocks = 0;
    for (size_t pg = 0; pg < fs->np; pg++)
        for (uint32_t i = 0; i < fs->p[pg].n; i++) *(fs->p[pg].story ? &story_blocks : &page_blocks) += fs->b[fs->p[pg].from + i].label != 0;
    double share = story_blocks > ND_STORY_SHARE * (double)page_blocks && page_blocks
                       ? ND_STORY_SHARE * (double)page_blocks / (double)story_blocks : 1;
    for (size_t pg = 0; pg < fs->np; pg++)
        fs->p[pg].fit = !fs->p[pg].story || (double)(fs->p[pg].key >> 11) * 0x1p-53 < share;
}

static const double c_grid[] = { 0.1, 1, 10, 100 };
static const double lambda_grid[] = { 0, 0.25, 0.5, 1, 1.5, 2, 3, 4 };
#define ND_NC (sizeof(c_grid) / sizeof(*c_grid))

size_t nd_block_fits(int folds)
{
    return 2 * ND_NC * (size_t)folds + 2;
}
#define ND_NLAMBDA (sizeof(lambda_grid) / sizeof(*lambda_grid))
#define ND_NSHIFT 17   /* -2 .. 2 by 0.25 */

nd_status nd_blockset_train(nd_blockset *s, int form, int folds, unsigned seed, int threads, struct fit_meter *meter,
                            nd_blocklm *out, nd_err *err)
{
    struct form_set *fs = &s->f[form];
    memset(out, 0, sizeof(*out));
    size_t labelled = 0, pos = 0;
    for (size_t i = 0; i < fs->nb; i++) labelled += fs->b[i].label != 0, pos += fs->b[i].label > 0;
    if (fs->np < (size_t)folds || !pos || pos == labelled)
        return nd_fail(err, ND_ERR_PARAM, "the block model needs story and boilerplate segments on %d pages or more "
                                          "(%zu pages, %zu labelled blocks)", folds, fs->np, labelled);
    set_print_string_function(quiet);
    srand(seed);
    int *fold = nd_xmalloc(fs->np * sizeof(int));
    for (size_t pg = 0; pg < fs->np; pg++)
        fold[pg] = (int)(((uint32_t)(fs->p[pg].key ^ fs->p[pg].key >> 32) * 2654435761u + seed) % (unsigned)folds);
    fit_story_share(fs);
    double *z = nd_xmalloc((fs->nb + 1) * sizeof(double)), *z1 = nd_xmalloc((fs->nb + 1) * sizeof(double));
    uint8_t *keep = nd_xmalloc(fs->nb + 1);
    /* stage 1: C by the labelled blocks' decisions at even odds */
    double best = -1;
    for (size_t ci = 0; ci < ND_NC; ci++) {
        out_of_fold(fs, fold, folds, c_grid[ci], NULL, z, meter, form, threads);
        struct counts c[2] = { { 0, 0, 0 }, { 0, 0, 0 } };
        for (size_t pg = 0; pg < fs->np; pg++)
            for (uint32_t i = fs->p[pg].from; i < fs->p[pg].from + fs->p[pg].n; i++)
                count(&c[fs->p[pg].story], fs->b[i].label, z[i] > 0 && !fs->b[i].rule);
        double score = judge(&c[0], &c[1]);
        if (score > best + 1e-12) {
            best = score;
            out->c1 = c_grid[ci];
            memcpy(z1, z, fs->nb * sizeof(double));
        }
    }
    /* stage 2 on the context of the out-of-fold stage 1: C, shift and lambda by the smoothed decisions' F1 */
    float *ctx = nd_xmalloc((fs->nb + 1) * ND_BCTX * sizeof(float));
    for (size_t i = 0; i < fs->nb; i++) keep[i] = fs->b[i].rule;
    for (size_t pg = 0; pg < fs->np; pg++)
        nd_block_context(z1 + fs->p[pg].from, keep + fs->p[pg].from, fs->p[pg].n, ctx + (size_t)fs->p[pg].from * ND_BCTX);
    best = -1;
    nd_buf joined;
    nd_buf_init(&joined);
    /*
     * Most settings of the grid keep the same blocks of a page as the one
     * before: its segments are looked for again (a join and a substring
     * search per segment, most of the training's time) only when its kept
     * blocks changed.
     */
    uint8_t *last = nd_xmalloc(fs->nb + 1);
    double *wt = nd_xmalloc((fs->nb + 1) * sizeof(double));
    for (size_t i = 0; i < fs->nb; i++) wt[i] = fs->b[i].wt;
    struct counts *last_c = nd_xmalloc((fs->np + 1) * sizeof(*last_c));
    uint8_t *have = nd_xcalloc(fs->np + 1, 1);
    for (size_t ci = 0; ci <= ND_NC; ci++) {   /* ci == ND_NC: no second stage, stage 1 decides */
        if (ci < ND_NC) out_of_fold(fs, fold, folds, c_grid[ci], ctx, z, meter, form, threads);
        else memcpy(z, z1, fs->nb * sizeof(double));
        for (size_t li = 0; li < ND_NLAMBDA; li++)
            for (int si = 0; si < ND_NSHIFT; si++) {
                double shift = -2 + 0.25 * si;
                struct counts c[2] = { { 0, 0, 0 }, { 0, 0, 0 } };   /* pages, clean articles */
                for (size_t pg = 0; pg < fs->np; pg++) {
                    const struct spage *p = &fs->p[pg];
                    for (uint32_t i = p->from; i < p->from + p->n; i++) keep[i] = fs->b[i].rule;
                    nd_block_decide(z + p->from, wt + p->from, keep + p->from, p->n, shift, lambda_grid[li],
                                    keep + p->from);
                    if (!have[pg] || memcmp(keep + p->from, last + p->from, p->n)) {
                        last_c[pg] = (struct counts){ 0, 0, 0 };
                        count_segments(fs, p, keep + p->from, &joined, &last_c[pg]);
                        memcpy(last + p->from, keep + p->from, p->n);
                        have[pg] = 1;
                    }
                    c[p->story].tp += last_c[pg].tp;   /* whole numbers: the sums are exact in any order */
                    c[p->story].fp += last_c[pg].fp;
                    c[p->story].fn += last_c[pg].fn;
                }
                double score = judge(&c[0], &c[1]);
                if (score > best + 1e-12) {
                    best = score;
                    out->cv_f1 = f1(&c[0]);
                    out->c2 = ci < ND_NC ? c_grid[ci] : 0;
                    out->shift = shift;
                    out->lambda = lambda_grid[li];
                    out->weigh = ND_BLOCK_WEIGH;
                }
            }
    }
    nd_buf_release(&joined);
    free(last);
    free(wt);
    free(last_c);
    free(have);
    fit_all(fs, out->c1, NULL, out->w1);
    tick(meter, form, 0, folds, out->c1);
    if (out->c2 > 0) fit_all(fs, out->c2, ctx, out->w2);
    if (out->c2 > 0) tick(meter, form, 0, folds, out->c2);
    else memcpy(out->w2, out->w1, sizeof(out->w1));   /* the second stage is the first: no weight on the context */
    out->trained = 1;
    out->pages = (int)fs->np;
    size_t fitted = 0;
    for (size_t pg = 0; pg < fs->np; pg++)
        for (uint32_t i = 0; fs->p[pg].fit && i < fs->p[pg].n; i++) fitted += fs->b[fs->p[pg].from + i].label != 0;
    out->blocks = (int)fitted;
    free(fold);
    free(z);
    free(z1);
    free(keep);
    free(ctx);
    return ND_OK;
}
