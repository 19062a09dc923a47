/*
 * story.c -- the story of a page: its blocks, the block model's decision,
 * the kept blocks as paragraphs.
 *
 * The model gives each block its log-odds of being story. Deciding each
 * block alone would drop a short line between two story paragraphs and keep
 * a lone sentence-like line in a menu; the decision is therefore taken over
 * the whole sequence (two states, story and boilerplate, the Viterbi path):
 * the kept blocks maximise the sum of their log-odds minus 'lambda' for
 * every switch between the states. 'shift' moves the threshold. Both are
 * chosen with C by cross-validation (blocktrain.c). What the model kept
 * and is no story all the same goes in the passes after it (passes.c).
 */
#define _GNU_SOURCE   /* memmem */
#include "lang.h"
#include "story.h"

#include <ctype.h>   /* isalnum, isalpha, tolower */
#include <math.h>    /* exp, isfinite */
#include <stdlib.h>  /* free, strtod */

void nd_page_init(nd_page *p)
{
    memset(p, 0, sizeof(*p));
    nd_buf_init(&p->text);
    nd_buf_init(&p->title);
    nd_buf_init(&p->ld_body);
    nd_buf_init(&p->trimmed);
    p->lang = -1;
}

void nd_page_release(nd_page *p)
{
    nd_buf_release(&p->text);
    nd_buf_release(&p->title);
    nd_buf_release(&p->ld_body);
    nd_buf_release(&p->trimmed);
    free(p->b);
    free(p->e);
    free(p->x);
    memset(p, 0, sizeof(*p));
}

void nd_page_reset(nd_page *p)
{
    nd_buf_reset(&p->text);
    nd_buf_reset(&p->title);
    nd_buf_reset(&p->ld_body);
    nd_buf_reset(&p->trimmed);
    p->n = p->ne = 0;
    p->html = p->lynx = p->md = p->cut = p->og_title = 0;
    p->lang = -1;
}

const char *const nd_form_names[ND_NFORMS] = { "text", "html" };

static const char *const ctx_names[ND_BCTX] = { "ctx:z", "ctx:z-1", "ctx:z+1", "ctx:z-2", "ctx:z+2", "ctx:z-3", "ctx:z+3",
                                                "ctx:p5", "ctx:p10", "ctx:p25", "ctx:page", "ctx:before",
                                                "ctx:p3-", "ctx:p3+", "ctx:p10-", "ctx:p10+", "ctx:between",
                                                "ctx:z*page", "ctx:z*between", "ctx:z*p10", "ctx:z-max", "ctx:rank" };

const char *nd_bctx_name(int i)
{
    return i >= 0 && i < ND_BCTX ? ctx_names[i] : "?";
}

static double sigmoid(double z)
{
    return 1.0 / (1.0 + exp(-z));
}

static float scaled(double z)
{
    z /= 4;
    return (float)(z > 3 ? 3 : z < -3 ? -3 : z);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The context features of n blocks in a row from their stage-1 log-odds z. */
static void context(const double *z, size_t n, float *ctx)
{
    double *sum = nd_xmalloc((n + 1) * sizeof(double));   /* prefix sums of the probabilities */
    size_t likely = 0;
    sum[0] = 0;
    for (size_t i = 0; i < n; i++) {
        double p = sigmoid(z[i]);
        sum[i + 1] = sum[i] + p;
        likely += p > 0.5;
    }
    double *sorted = nd_xmalloc((n + 1) * sizeof(double));   /* for each block, how many score higher */
    memcpy(sorted, z, n * sizeof(double));
    qsort(sorted, n, sizeof(double), cmp_double);
    double zmax = n ? sorted[n - 1] : 0;
    static const int off[6] = { -1, 1, -2, 2, -3, 3 };
    static const size_t win[3] = { 5, 10, 25 };
    size_t before = 0;
    for (size_t i = 0; i < n; i++) {
        float *c = ctx + i * ND_BCTX;
        c[0] = scaled(z[i]);
        for (int k = 0; k < 6; k++) {
            long j = (long)i + off[k];
            c[1 + k] = j >= 0 && (size_t)j < n ? scaled(z[j]) : 0;
        }
        for (int k = 0; k < 3; k++) {
            size_t lo = i > win[k] ? i - win[k] : 0, hi = i + win[k] + 1 < n ? i + win[k] + 1 : n;
            double s = sum[hi] - sum[lo] - sigmoid(z[i]);
            c[7 + k] = hi - lo > 1 ? (float)(s / (double)(hi - lo - 1)) : 0;
        }
        c[10] = n ? (float)likely / (float)n : 0;
        c[11] = likely ? (float)before / (float)likely : 0;
        before += z[i] > 0;
        /* the story on one side only: the last blocks of the story above, the first below */
        for (int k = 0; k < 2; k++) {
            size_t w = k ? 10 : 3;
            size_t lo = i > w ? i - w : 0, hi = i + w + 1 < n ? i + w + 1 : n;
            c[12 + 2 * k] = i > lo ? (float)((sum[i] - sum[lo]) / (double)(i - lo)) : 0;
            c[13 + 2 * k] = hi > i + 1 ? (float)((sum[hi] - sum[i + 1]) / (double)(hi - i - 1)) : 0;
        }
        c[16] = c[12] < c[13] ? c[12] : c[13];   /* story on both sides: a line between paragraphs */
        /* how much the block's own evidence counts, by its surroundings */
        c[17] = c[0] * c[10];
        c[18] = c[0] * c[16];
        c[19] = c[0] * c[8];
        /* the block against the page's likeliest: how far below it, and the share of blocks likelier */
        c[20] = scaled(z[i] - zmax);
        size_t lo = 0, hi = n;   /* the first score above z[i] */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (sorted[mid] <= z[i]) lo = mid + 1;
            else hi = mid;
        }
        c[21] = (float)(n - lo) / (float)n;
    }
    free(sorted);
    free(sum);
}

void nd_block_context(const double *z, const uint8_t *veto, size_t n, float *ctx)
{
    double *zk = nd_xmalloc((n + 1) * sizeof(double));
    float *ck = nd_xmalloc((n + 1) * ND_BCTX * sizeof(float));
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!veto[i]) zk[m++] = z[i];
    context(zk, m, ck);
    memset(ctx, 0, n * ND_BCTX * sizeof(float));
    for (size_t i = 0, k = 0; i < n && m; i++) {   /* a vetoed block: the context of the next one that is not */
        memcpy(ctx + i * ND_BCTX, ck + (k < m ? k : m - 1) * ND_BCTX, ND_BCTX * sizeof(float));
        k += !veto[i];
    }
    free(zk);
    free(ck);
}

void nd_block_smooth(const double *z, const double *wt, size_t n, double shift, double lambda, uint8_t *keep)
{
    if (!n) return;
    uint8_t *from = nd_xmalloc(2 * n);   /* the better previous state of each state */
    double v0 = 0, v1 = (z[0] + shift) * (wt ? wt[0] : 1);
    from[0] = 0;
    from[1] = 1;
    for (size_t i = 1; i < n; i++) {
        double stay0 = v0, switch0 = v1 - lambda, stay1 = v1, switch1 = v0 - lambda;
        from[2 * i] = stay0 >= switch0 ? 0 : 1;
        from[2 * i + 1] = stay1 >= switch1 ? 1 : 0;
        v0 = stay0 >= switch0 ? stay0 : switch0;
        v1 = (stay1 >= switch1 ? stay1 : switch1) + (z[i] + shift) * (wt ? wt[i] : 1);
    }
    int state = v1 > v0;
    for (size_t i = n; i-- > 0;) {
        keep[i] = (uint8_t)state;
        state = from[2 * i + (size_t)state];
    }
    free(from);
}

void nd_block_decide(const double *z, const double *wt, const uint8_t *veto, size_t n, double shift, double lambda,
                     uint8_t *keep)
{
    double *zk = nd_xmalloc(2 * (n + 1) * sizeof(double)), *wk = zk + n + 1;
    uint8_t *kk = nd_xmalloc(n + 1);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!veto[i]) zk[m] = z[i], wk[m++] = wt ? wt[i] : 1;
    nd_block_smooth(zk, wk, m, shift, lambda, kk);
    m = 0;
    for (size_t i = 0; i < n; i++) keep[i] = veto[i] ? 0 : kk[m++];
    free(zk);
    free(kk);
}

enum { ND_STORY_MIN = 120 };

void nd_page_decide(nd_page *p, const nd_blocklm *lm)
{
    size_t n = p->n;
    if (!lm || !lm->trained) {
        for (size_t i = 0; i < n; i++) {
            p->b[i].keep = p->b[i].rule == ND_CLUTTER_NONE;
            p->b[i].p = p->b[i].keep;
        }
        return;
    }
    if (!n) return;
    double *z1 = nd_xmalloc(3 * n * sizeof(double)), *z = z1 + n, *wt = z + n;   /* stage 1's log-odds, stage 2's, weights */
    float *ctx = nd_xmalloc(n * ND_BCTX * sizeof(float));
    uint8_t *keep = nd_xmalloc(n);
    for (size_t i = 0; i < n; i++) {
        const float *x = p->x + i * ND_BFEAT;
        double s = 0;
        for (int k = 0; k < ND_BFEAT; k++) s += lm->w1[k] * x[k];
        z1[i] = s;
    }
    for (size_t i = 0; i < n; i++) keep[i] = p->b[i].rule != ND_CLUTTER_NONE;
    nd_block_context(z1, keep, n, ctx);
    for (size_t i = 0; i < n; i++) {
        const float *x = p->x + i * ND_BFEAT, *c = ctx + i * ND_BCTX;
        double s = 0;
        for (int k = 0; k < ND_BFEAT; k++) s += lm->w2[k] * x[k];
        for (int k = 0; k < ND_BCTX; k++) s += lm->w2[ND_BFEAT + k] * c[k];
        z[i] = s;
        p->b[i].p = (float)sigmoid(s);
        wt[i] = nd_block_weight(x, lm->weigh);
    }
    for (size_t i = 0; i < n; i++) keep[i] = p->b[i].rule != ND_CLUTTER_NONE;
    nd_block_decide(z, wt, keep, n, lm->shift, lm->lambda, keep);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) kept += keep[i] ? p->b[i].len : 0;
    if (kept < ND_STORY_MIN) {   /* the page's context found no story: each block judged by itself */
        size_t best = n;
        kept = 0;
        for (size_t i = 0; i < n; i++) {
            keep[i] = p->b[i].rule == ND_CLUTTER_NONE && z1[i] > 0;
            kept += keep[i];
            if (p->b[i].rule == ND_CLUTTER_NONE && nd_line_is_body(p->text.data + p->b[i].off, p->b[i].len) &&
                (best == n || z[i] > z[best]))
                best = i;
        }
        if (!kept && best < n) keep[best] = 1;   /* none even so: the likeliest paragraph of prose, not nothing */
    }
    for (size_t i = 0; i < n; i++) p->b[i].keep = keep[i];
    free(z1);
    free(ctx);
    free(keep);
}

void nd_extractor_write(const nd_extractor *ex, nd_buf *out)
{
    nd_buf_adds(out, "newsdesk-blocks 1\n");
    for (int f = 0; f < ND_NFORMS; f++) {
        const nd_blocklm *lm = &ex->form[f];
        if (!lm->trained) continue;
        nd_buf_addf(out, "form %s c1=%.17g c2=%.17g shift=%.17g lambda=%.17g", nd_form_names[f], lm->c1, lm->c2, lm->shift,
                    lm->lambda);
        if (lm->weigh != 0) nd_buf_addf(out, " weigh=%.17g", lm->weigh);   /* none: a model from before the weights */
        nd_buf_addf(out, " pages=%d blocks=%d cv_f1=%.6f\n", lm->pages, lm->blocks, lm->cv_f1);
        for (int k = 0; k < ND_BFEAT; k++)
            if (lm->w1[k] != 0) nd_buf_addf(out, "w1 %s %.17g\n", nd_bfeat_name(k), lm->w1[k]);
        for (int k = 0; k < ND_BFEAT2; k++)
            if (lm->w2[k] != 0)
                nd_buf_addf(out, "w2 %s %.17g\n", k < ND_BFEAT ? nd_bfeat_name(k) : nd_bctx_name(k - ND_BFEAT), lm->w2[k]);
    }
}

/* The index of feature 'name' among the stage's inputs, or -1. */
static int feature_index(const char *name, size_t n, int stage)
{
    for (int k = 0; k < (stage == 1 ? ND_BFEAT : ND_BFEAT2); k++) {
        const char *f = k < ND_BFEAT ? nd_bfeat_name(k) : nd_bctx_name(k - ND_BFEAT);
        if (strlen(f) == n && !memcmp(f, name, n)) return k;
    }
    return -1;
}

static int setting(const char *line, size_t len, const char *key, double *v)
{
    size_t kl = strlen(key);
    for (const char *q = line; (q = memmem(q, len - (size_t)(q - line), key, kl)); q++)
        if ((q == line || q[-1] == ' ') && q[kl] == '=') {
            char *end;
            *v = strtod(q + kl + 1, &end);
            return end != q + kl + 1 && isfinite(*v);
        }
    return 0;
}

nd_status nd_extractor_parse(nd_extractor *ex, const char *text, size_t len, const char *name, nd_err *err)
{
    memset(ex, 0, sizeof(*ex));
    nd_blocklm *lm = NULL;
    long lineno = 0;
    for (const char *q = text, *end = text + len; q < end;) {
        const char *e = memchr(q, '\n', (size_t)(end - q));
        size_t n = e ? (size_t)(e - q) : (size_t)(end - q);
        lineno++;
        char line[256];
        if (n >= sizeof(line)) return nd_fail(err, ND_ERR_MODEL, "%s:%ld: line too long", name, lineno);
        memcpy(line, q, n);
        line[n] = '\0';
        q = e ? e + 1 : end;
        if (!n) continue;
        if (lineno == 1) {
            if (strcmp(line, "newsdesk-blocks 1"))
                return nd_fail(err, ND_ERR_MODEL, "%s:1: not a block model of this version ('%s')", name, line);
            continue;
        }
        if (!strncmp(line, "form ", 5)) {
            int f = -1;
            for (int k = 0; k < ND_NFORMS; k++) {
                size_t fl = strlen(nd_form_names[k]);
                if (!strncmp(line + 5, nd_form_names[k], fl) && (line[5 + fl] == ' ' || !line[5 + fl])) f = k;
            }
            if (f < 0) return nd_fail(err, ND_ERR_MODEL, "%s:%ld: unknown form", name, lineno);
            lm = &ex->form[f];
            double pages = 0, blocks = 0;
            if (!setting(line, n, "c1", &lm->c1) || !setting(line, n, "c2", &lm->c2) ||
                !setting(line, n, "shift", &lm->shift) || !setting(line, n, "lambda", &lm->lambda))
                return nd_fail(err, ND_ERR_MODEL, "%s:%ld: a form needs c1, c2, shift and lambda", name, lineno);
            setting(line, n, "pages", &pages);
            setting(line, n, "blocks", &blocks);
            setting(line, n, "cv_f1", &lm->cv_f1);
            if (setting(line, n, "weigh", &lm->weigh) && (lm->weigh < 0 || lm->weigh > 8))
                return nd_fail(err, ND_ERR_MODEL, "%s:%ld: weigh out of range", name, lineno);
            lm->pages = (int)(pages >= 0 && pages < 1e9 ? pages : 0);
            lm->blocks = (int)(blocks >= 0 && blocks < 1e9 ? blocks : 0);
            lm->trained = 1;
            continue;
        }
        int stage = !strncmp(line, "w1 ", 3) ? 1 : !strncmp(line, "w2 ", 3) ? 2 : 0;
        const char *sp = stage ? strchr(line + 3, ' ') : NULL;
        if (!stage || !sp || !lm) return nd_fail(err, ND_ERR_MODEL, "%s:%ld: expected 'form' or a weight", name, lineno);
        int k = feature_index(line + 3, (size_t)(sp - (line + 3)), stage);
        char *vend;
        double v = strtod(sp + 1, &vend);
        if (k < 0) return nd_fail(err, ND_ERR_MODEL, "%s:%ld: unknown feature '%.*s'", name, lineno, (int)(sp - (line + 3)), line + 3);
        if (vend == sp + 1 || *vend || !isfinite(v)) return nd_fail(err, ND_ERR_MODEL, "%s:%ld: bad weight", name, lineno);
        (stage == 1 ? lm->w1 : lm->w2)[k] = v;
    }
    return ND_OK;
}

/*
 * Block i's next one is a signature that went, alone or with its date ("di Marco Bianchi - 7 dicembre 2026"),
 * or a date alone under a line of four words or more ("7 December 2026 – 10:42"; not an archive's "51
 * captures"), and block i no meta of its own: no time of day ("Crime Published On May 10, 2022 01:52 PM").
 */
static int signed_under(const nd_page *p, size_t i)
{
    if (i + 1 >= p->n || p->b[i + 1].keep) return 0;
    const char *h = p->text.data + p->b[i].off;
    for (size_t k = 1; k + 2 < p->b[i].len; k++)
        if (h[k] == ':' && isdigit((unsigned char)h[k - 1]) && isdigit((unsigned char)h[k + 1])) return 0;
    const char *t = p->text.data + p->b[i + 1].off;
    size_t n = p->b[i + 1].len;
    nd_meta m = nd_line_meta(t, n);
    if (m == ND_META_DATE) return nd_count_bytes(h, p->b[i].len, ' ') >= 3;
    return m == ND_META_SIGNED || nd_line_is_dated_byline(t, n);
}

/*
 * The first kept block is the headline: short, not a sentence's full stop, a heading or the page's title (a
 * text's: the line the rules or the story's words say, or one right above a signature), more below it.
 */
static int is_headline(const nd_page *p, size_t i, size_t rules_head)
{
    const nd_block *b = &p->b[i];
    const char *s = p->text.data + b->off;
    if (b->len > 200 || s[b->len - 1] == '.' || memchr(s, '\n', b->len)) return 0;
    size_t more = i + 1;
    while (more < p->n && !p->b[more].keep) more++;
    if (more == p->n) return 0;
    if (b->tag == ND_BT_H1 || b->tag == ND_BT_H) return 1;
    if (p->title.len && b->len == p->title.len && !memcmp(s, p->title.data, b->len)) return 1;
    return !p->html && (i == rules_head || signed_under(p, i));
}

/* A byte of a word: ASCII's letters and digits, UTF-8's but for an en or em dash ("Göteborg–Fredrikshamn"). */
static int word_byte(const char *s, size_t n, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) return isalnum(c);
    return !(c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
             ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94));
}

/* Content words of s[0..n) (four bytes or more, no function word of any language; "Göteborg–Fredrikshamn" two), each as the hash of its first five bytes in lower case, into w; their count. */
static size_t content_words(const char *s, size_t n, uint64_t *w, size_t max)
{
    size_t m = 0;
    for (size_t i = 0; i < n && m < max;) {
        while (i < n && !word_byte(s, n, i)) i += (unsigned char)s[i] == 0xE2 ? 3 : 1;   /* a dash: three bytes */
        size_t b = i;
        while (i < n && word_byte(s, n, i)) i++;
        if (i - b < 4 || (nd_stop_mask(s + b, i - b) & ~ND_CHROME_WORD)) continue;   /* "after", "über" */
        char key[5];
        size_t k = i - b < 5 ? i - b : 5;
        for (size_t c = 0; c < k; c++) key[c] = (char)tolower((unsigned char)s[b + c]);
        w[m++] = nd_hash(key, k);
    }
    return m;
}

/* How many of the words a[0..na), each counted once, are among b[0..nb). */
static size_t shared_words(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    size_t shared = 0;
    for (size_t i = 0; i < na; i++) {
        int dup = 0, hit = 0;
        for (size_t c = 0; c < i && !dup; c++) dup = a[c] == a[i];
        for (size_t c = 0; c < nb && !hit && !dup; c++) hit = b[c] == a[i];
        shared += hit;
    }
    return shared;
}

/*
 * The headline of a text page: a page dumped by a text browser puts it a
 * few lines above the story, among the byline, the date, a share bar and
 * an image's caption, which the position alone does not tell apart. Of the
 * blocks in the ND_HEAD_SPAN above the first story paragraph (a kept block
 * that is a sentence of eight words or more), the short one that is no
 * sentence and shares the most content words (two at least) with the
 * story's first paragraphs; p->n for none. A subtitle that shares more
 * than the headline right above it ("How Europe's sleeper services came
 * back ..." under "The quiet return of the night train") is not the one.
 */
#define ND_HEAD_SPAN 12

/* A year (1900-2099) as a number of its own in s[0..n). */
static int has_year(const char *s, size_t n)
{
    for (size_t i = 0; i + 4 <= n; i++)
        if ((i == 0 || !isdigit((unsigned char)s[i - 1])) && (i + 4 == n || !isdigit((unsigned char)s[i + 4])) &&
            ((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0')) && isdigit((unsigned char)s[i + 2]) &&
            isdigit((unsigned char)s[i + 3]))
            return 1;
    return 0;
}

/*
 * Block i reads as the subtitle under headline h: ten words or more, under
 * four or more that are no list of tags ("Politik, Debatte, Wien", "Sport |
 * Ski") and no dateline or section label with its year ("Hamburg, 2.
 * November 2021", "Olympia 2022 in Peking").
 */
static int is_subtitle(const nd_page *p, size_t i, size_t h)
{
    const char *s = p->text.data + p->b[i].off, *t = p->text.data + p->b[h].off;
    size_t n = p->b[i].len, m = p->b[h].len;
    return m < n && nd_count_bytes(s, n, ' ') >= 9 && nd_count_bytes(t, m, ' ') >= 3 && nd_count_bytes(t, m, ',') < 2 &&
           !memchr(t, '|', m) && !has_year(t, m);
}

/*
 * The page's one <h1> is its title where the title (og:title, <title>)
 * says the headline another way, as a reader sees the page ("Porto di
 * Livorno, nuove gru per i container" over "Porto di Livorno, arrivano
 * quattro nuove gru per i container"), as trafilatura takes a lone <h1>;
 * not where the site wrote an og:title for the headline (an <h1> may run
 * its kicker into it, "Immobilienkrise Rene Benko-Firma Signa in Sorge"):
 * four words or more, 200 bytes at most, no line break, and half the
 * title's content words (two at least) among its own; or no title at all.
 * Not a site's logo (it shares less with the title), not one <h1> of
 * several (a list's headlines).
 */
static void title_from_h1(nd_page *p)
{
    size_t h = p->n;
    for (size_t i = 0; i < p->n; i++)
        if (p->b[i].tag == ND_BT_H1) {
            if (h < p->n) return;
            h = i;
        }
    if (h == p->n || p->og_title) return;
    const nd_block *b = &p->b[h];
    const char *s = p->text.data + b->off;
    if (b->len > 200 || nd_count_bytes(s, b->len, ' ') < 3 || memchr(s, '\n', b->len) ||
        (b->len == p->title.len && !memcmp(s, p->title.data, b->len)))
        return;
    if (p->title.len) {
        uint64_t tw[64], hw[64];
        size_t nt = content_words(p->title.data, p->title.len, tw, 64);
        size_t shared = shared_words(tw, nt, hw, content_words(s, b->len, hw, 64));
        if (shared < 2 || 2 * shared < nt) return;
    }
    nd_buf_reset(&p->title);
    nd_buf_add(&p->title, s, b->len);
}

static size_t find_headline(const nd_page *p)
{
    size_t first = 0;
    while (first < p->n && !(p->b[first].keep && nd_line_is_body(p->text.data + p->b[first].off, p->b[first].len)))
        first++;
    enum { MAXW = 256 };
    uint64_t story[MAXW], cand[64];
    size_t ns = 0, best = p->n, best_shared = 1, above = p->n, last = p->n, last_shared = 0;
    for (size_t i = first > ND_HEAD_SPAN ? first - ND_HEAD_SPAN : 0; i < first && first < p->n; i++) {
        const nd_block *b = &p->b[i];
        const char *s = p->text.data + b->off;
        if (b->len > 200 || b->len < 10 || s[b->len - 1] == '.' || b->bullet || memchr(s, '\n', b->len) ||
            (b->rule != ND_CLUTTER_NONE && b->rule != ND_CLUTTER_SITE))
            continue;
        if (!ns)   /* the story's words, once there is a line to compare them with (a clean article has none) */
            for (size_t k = first, paras = 0; k < p->n && paras < 3 && ns < MAXW; k++)
                if (p->b[k].keep) ns += content_words(p->text.data + p->b[k].off, p->b[k].len, story + ns, MAXW - ns), paras++;
        size_t shared = shared_words(cand, content_words(s, b->len, cand, 64), story, ns);
        if (shared > best_shared) best = i, best_shared = shared, above = last + 1 == i && last_shared > 1 && is_subtitle(p, i, last) ? last : p->n;
        last = i, last_shared = shared;
    }
    return above < p->n ? above : best;
}

/*
 * A text whose every block is a paragraph of prose (eight words or more,
 * ending a sentence, no rule's hit, no list marker) holds nothing a page
 * wraps around a story: a clean article, kept whole without asking the
 * model (which keeps such a text whole too: the training's bound on clean
 * articles) and without the cost of its features.
 */
static int all_prose(const nd_page *p)
{
    for (size_t i = 0; i < p->n; i++) {
        const nd_block *b = &p->b[i];
        const char *s = p->text.data + b->off;
        if (b->rule != ND_CLUTTER_NONE || b->bullet || b->len < 40) return 0;
        size_t end = b->len;
        while (end > 0 && (s[end - 1] == '"' || s[end - 1] == '\'' || s[end - 1] == ')')) end--;
        if (!end || (s[end - 1] != '.' && s[end - 1] != '?' && s[end - 1] != '!')) return 0;
        int words = 1;
        for (uint32_t k = 0; k < b->len && words < 8; k++) words += s[k] == ' ' || s[k] == '\n';
        if (words < 8) return 0;
    }
    return 1;
}

/*
 * A gallery, a comment thread, a list of teasers: one short label ("UK
 * news in pictures", "Reply", "Read more") repeated ND_RUN_MIN times or
 * more at one period of at most ND_RUN_PERIOD blocks, an item after
 * each copy. Every block from the first copy to the last one's item is marked.
 * The extraction benchmark counts some such runs as story (a blog's
 * comments), and the block model keeps them; a summary does not take its
 * sentences from them (nd_story_probs).
 */
#define ND_RUN_MIN 4
#define ND_RUN_PERIOD 6
struct label_at { uint64_t h; uint32_t i; };

static int cmp_label_at(const void *a, const void *b)
{
    const struct label_at *x = a, *y = b;
    return x->h != y->h ? (x->h < y->h ? -1 : 1) : (x->i > y->i) - (x->i < y->i);
}

/* A label: a few words, a word of three letters or more, no sentence's end. */
static int is_label(const char *s, size_t n)
{
    if (!n || n > 80 || s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?') return 0;
    int words = 1, letters = 0, word3 = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\n') words++, letters = 0;
        else if (isalpha(c) || c >= 0x80) word3 |= ++letters >= 3;
        else letters = 0;
    }
    return words <= 8 && word3;
}

static void mark_runs(nd_page *p)
{
    size_t n = p->n, m = 0;
    for (size_t i = 0; i < n; i++) p->b[i].run = 0;
    if (n < 2 * ND_RUN_MIN) return;
    struct label_at *v = nd_xmalloc(n * sizeof(*v));
    for (size_t i = 0; i < n; i++)
        if (is_label(p->text.data + p->b[i].off, p->b[i].len))
            v[m++] = (struct label_at){ nd_hash(p->text.data + p->b[i].off, p->b[i].len), (uint32_t)i };
    qsort(v, m, sizeof(*v), cmp_label_at);
    for (size_t a = 0, b; a < m; a = b - a >= 2 && b - a < ND_RUN_MIN ? b - 1 : b) {
        uint32_t period = a + 1 < m && v[a + 1].h == v[a].h ? v[a + 1].i - v[a].i : 0;
        for (b = a + 1; b < m && v[b].h == v[a].h && v[b].i - v[b - 1].i == period && period <= ND_RUN_PERIOD; b++) {}
        if (b - a < ND_RUN_MIN) continue;
        size_t lo = a;   /* a copy just before the run, at another distance ("Show all 50" after the first) */
        while (lo > 0 && v[lo - 1].h == v[a].h && v[lo].i - v[lo - 1].i <= ND_RUN_PERIOD) lo--;
        for (uint32_t i = v[lo].i; i < v[b - 1].i + period && i < n; i++) p->b[i].run = 1;
    }
    free(v);
}

/* s[0..n) without lynx's link markers ("[12]Harbour news"), unless nothing else is there. */
static void put_unmarked(nd_buf *out, const char *s, size_t n)
{
    size_t from = 0, start = out->len;
    for (size_t i = 0; i + 2 < n; i++) {
        if (s[i] != '[' || s[i + 1] < '0' || s[i + 1] > '9') continue;
        size_t j = i + 1;
        while (j < n && j - i <= 6 && s[j] >= '0' && s[j] <= '9') j++;
        if (j < n && j - i <= 6 && s[j] == ']') {
            nd_buf_add(out, s + from, i - from);
            from = j + 1;
            i = j;
        }
    }
    nd_buf_add(out, s + from, n - from);
    if (out->len == start) nd_buf_add(out, s, n);
}

/* A feed's note at a text's end that it cut the text there, "... and the f… [+2345 chars]": its length without it. */
static size_t without_cut_note(const char *t, size_t n)
{
    size_t e = n;
    while (e > 0 && (t[e - 1] == ' ' || t[e - 1] == '\n' || t[e - 1] == '\r' || t[e - 1] == '\t')) e--;
    if (e < 10 || t[e - 1] != ']' || !nd_ascii_prefix(t + e - 7, 7, " chars]")) return n;
    size_t d = e - 7;
    while (d > 0 && isdigit((unsigned char)t[d - 1])) d--;
    if (d == e - 7 || d < 2 || t[d - 1] != '+' || t[d - 2] != '[') return n;
    d -= 2;
    while (d > 0 && (t[d - 1] == ' ' || t[d - 1] == '\n')) d--;
    return d;
}

size_t nd_story(nd_page *page, const nd_extractor *ex, const char *text, size_t len, nd_buf *out, int keep_all)
{
    int markup = nd_markup_kind(text, len);
    size_t whole = markup ? len : without_cut_note(text, len);
    if (markup) nd_page_html(page, text, len);
    else nd_page_text(page, text, whole);
    page->cut = whole < len;
    const nd_blocklm *lm = ex ? &ex->form[markup == 2 ? ND_FORM_HTML : ND_FORM_TEXT] : NULL;
    size_t rules_head = nd_page_rules(page);
    if (keep_all) {
        for (size_t i = 0; i < page->n; i++) page->b[i].keep = 1;
    } else if (lm && lm->trained && !page->html && all_prose(page)) {
        for (size_t i = 0; i < page->n; i++) page->b[i].keep = 1, page->b[i].p = 1;
        nd_story_prose_passes(page);
    } else {
        if (lm && lm->trained) nd_page_features(page);
        nd_page_decide(page, lm);
        nd_story_passes(page);
    }
    if (page->html) nd_page_title_after_site(page), title_from_h1(page);
    if (!page->html && !keep_all) {   /* a headline the story does not hold is the page's title */
        size_t h = find_headline(page);
        if (h < page->n) rules_head = h;
        if (h < page->n && !page->b[h].keep && !page->title.len)
            nd_buf_add(&page->title, page->text.data + page->b[h].off, page->b[h].len);
    }
    mark_runs(page);
    nd_buf_reset(out);
    size_t head = 0;
    for (size_t i = 0; i < page->n; i++) {
        const nd_block *b = &page->b[i];
        if (!b->keep) continue;
        if (!out->len && is_headline(page, i, rules_head)) head = b->len;
        if (out->len) nd_buf_add(out, "\n\n", 2);
        page->b[i].at = (uint32_t)out->len;
        if (page->lynx) put_unmarked(out, page->text.data + b->off, b->len);
        else if (page->md) nd_md_put_plain(out, page->text.data + b->off, b->len);
        else nd_buf_add(out, page->text.data + b->off, b->len);
        page->b[i].olen = (uint32_t)out->len - page->b[i].at;
    }
    return head;
}

/* A sentence of a run (mark_runs) is this likely story to a summary, whatever the block model said. */
#define ND_RUN_P 0.1

/*
 * The kept block that a span of nd_story's 'out' starting at 'off' starts in,
 * or NULL; *k is where the search for the span before it ended (spans in
 * order of their offsets), 0 for the first.
 */
static inline const nd_block *kept_block_at(const nd_page *page, size_t *k, uint32_t off)
{
    while (*k < page->n && (!page->b[*k].keep || page->b[*k].at + page->b[*k].olen <= off)) ++*k;
    return *k < page->n && page->b[*k].at <= off ? &page->b[*k] : NULL;
}

size_t nd_story_pre(const nd_page *page, const nd_span *spans, size_t n, uint8_t *mark)
{
    size_t k = 0, found = 0;
    if (!page->html) return 0;
    for (k = 0; k < page->n && !(page->b[k].keep && page->b[k].tag == ND_BT_PRE); k++) {}
    if (k == page->n) return 0;   /* no preformatted text kept: the common case, one pass over the blocks */
    k = 0;
    for (size_t i = 0; i < n; i++) {
        const nd_block *b = kept_block_at(page, &k, spans[i].off);
        if (b && b->tag == ND_BT_PRE) {
            found++;
            if (mark) mark[i] = 1;
        }
    }
    return found;
}

void nd_story_probs(const nd_page *page, const nd_span *spans, size_t n, double *prob)
{
    size_t k = 0, kept = 0;
    for (size_t i = 0; i < page->n; i++) kept += page->b[i].keep;
    int whole = kept == page->n;   /* nothing went: a clean article, whose blocks' doubts are noise */
    for (size_t i = 0; i < n; i++) {
        const nd_block *b = kept_block_at(page, &k, spans[i].off);
        prob[i] = !b ? 1 : b->run ? ND_RUN_P : whole ? 1 : b->p;
    }
}
