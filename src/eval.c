/*
 * eval.c -- confusion matrices and ROUGE.
 *
 * ROUGE follows the rouge-score package: lower-case, every run of characters
 * other than [a-z0-9] is a separator, tokens longer than 3 characters are
 * Porter-stemmed (Snowball's "porter", the original algorithm), ROUGE-N
 * counts clipped n-gram overlaps, and ROUGE-Lsum is the summary-level LCS:
 * for each reference sentence, the union of its LCS with every candidate
 * sentence, with hits clipped by the token counts of both sides.
 */
#include "story.h"

#include <libstemmer.h>  /* sb_stemmer_stem */
#include <stdio.h>       /* snprintf */
#include <stdlib.h>      /* free, qsort */

struct nd_confusion {
    nd_strmap labels;      /* name -> index */
    size_t *m;             /* m[gold * cap + pred] */
    size_t cap;
    size_t total, correct;
};

nd_confusion *nd_confusion_new(void)
{
    nd_confusion *c = nd_xcalloc(1, sizeof(*c));
    nd_strmap_init(&c->labels);
    return c;
}

void nd_confusion_free(nd_confusion *c)
{
    if (!c) return;
    nd_strmap_release(&c->labels);
    free(c->m);
    free(c);
}

static size_t label_index(nd_confusion *c, const char *l)
{
    size_t i = nd_strmap_put(&c->labels, l, strlen(l), 0, NULL);
    if (c->labels.n > c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 8;
        size_t *m = nd_xcalloc(cap * cap, sizeof(*m));
        for (size_t g = 0; g < c->cap; g++)
            for (size_t p = 0; p < c->cap; p++) m[g * cap + p] = c->m[g * c->cap + p];
        free(c->m);
        c->m = m;
        c->cap = cap;
    }
    return i;
}

void nd_confusion_add(nd_confusion *c, const char *gold, const char *pred)
{
    size_t g = label_index(c, gold);
    size_t p = label_index(c, pred ? pred : "(none)");
    c->m[g * c->cap + p]++;
    c->total++;
    c->correct += g == p;
}

size_t nd_confusion_total(const nd_confusion *c)
{
    return c->total;
}

double nd_confusion_accuracy(const nd_confusion *c)
{
    return c->total ? (double)c->correct / (double)c->total : 0;
}

static void prf(const nd_confusion *c, size_t l, double *p, double *r, double *f, size_t *support)
{
    size_t tp = c->m[l * c->cap + l], gold = 0, pred = 0;
    for (size_t k = 0; k < c->labels.n; k++) {
        gold += c->m[l * c->cap + k];
        pred += c->m[k * c->cap + l];
    }
    *p = pred ? (double)tp / (double)pred : 0;
    *r = gold ? (double)tp / (double)gold : 0;
    *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
    *support = gold;
}

double nd_confusion_macro_f1(const nd_confusion *c)
{
    double sum = 0;
    size_t n = 0;
    for (size_t l = 0; l < c->labels.n; l++) {
        double p, r, f;
        size_t sup;
        prf(c, l, &p, &r, &f, &sup);
        if (!sup) continue;
        sum += f;
        n++;
    }
    return n ? sum / (double)n : 0;
}

/* The labels' indices in name order (insertion sort: few labels), n of them. */
static size_t *name_order(const nd_confusion *c)
{
    size_t n = c->labels.n;
    size_t *order = nd_xmalloc((n ? n : 1) * sizeof(*order));
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        while (j > 0 && strcmp(nd_strmap_key(&c->labels, order[j - 1]), nd_strmap_key(&c->labels, i)) > 0) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
    }
    return order;
}

void nd_confusion_json(const nd_confusion *c, nd_buf *out)
{
    size_t n = c->labels.n, *order = name_order(c);
    nd_buf_addf(out, "{\"documents\":%zu,\"correct\":%zu,\"accuracy\":%.6f,\"macro_f1\":%.6f,\"labels\":{", c->total,
                c->correct, nd_confusion_accuracy(c), nd_confusion_macro_f1(c));
    for (size_t k = 0; k < n; k++) {
        double p, r, f;
        size_t sup;
        prf(c, order[k], &p, &r, &f, &sup);
        if (k) nd_buf_addc(out, ',');
        nd_json_string(out, nd_strmap_key(&c->labels, order[k]));
        nd_buf_addf(out, ":{\"precision\":%.6f,\"recall\":%.6f,\"f1\":%.6f,\"support\":%zu}", p, r, f, sup);
    }
    nd_buf_adds(out, "},\"confusion\":{\"labels\":[");
    for (size_t k = 0; k < n; k++) {
        if (k) nd_buf_addc(out, ',');
        nd_json_string(out, nd_strmap_key(&c->labels, order[k]));
    }
    nd_buf_adds(out, "],\"matrix\":[");
    for (size_t g = 0; g < n; g++) {
        nd_buf_adds(out, g ? ",[" : "[");
        for (size_t p = 0; p < n; p++) nd_buf_addf(out, "%s%zu", p ? "," : "", c->m[order[g] * c->cap + order[p]]);
        nd_buf_addc(out, ']');
    }
    nd_buf_adds(out, "]}}");
    free(order);
}

void nd_confusion_report(const nd_confusion *c, const char *title, nd_buf *out)
{
    size_t n = c->labels.n;
    size_t *order = name_order(c);
    nd_buf_addf(out, "%s: %zu documents, accuracy %.2f%% (%zu correct), macro-F1 %.4f\n", title, c->total,
                100 * nd_confusion_accuracy(c), c->correct, nd_confusion_macro_f1(c));
    size_t w = 5;
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(nd_strmap_key(&c->labels, i));
        if (l > w) w = l;
    }
    nd_buf_addf(out, "  %-*s %9s %9s %9s %8s\n", (int)w, "label", "precision", "recall", "f1", "support");
    for (size_t k = 0; k < n; k++) {
        size_t l = order[k];
        double p, r, f;
        size_t sup;
        prf(c, l, &p, &r, &f, &sup);
        nd_buf_addf(out, "  %-*s %9.4f %9.4f %9.4f %8zu\n", (int)w, nd_strmap_key(&c->labels, l), p, r, f, sup);
    }
    if (n <= 20) {
        nd_buf_addf(out, "  confusion (rows: gold, columns: predicted)\n  %-*s", (int)w, "");
        for (size_t k = 0; k < n; k++) nd_buf_addf(out, " %6.6s", nd_strmap_key(&c->labels, order[k]));
        nd_buf_addc(out, '\n');
        for (size_t g = 0; g < n; g++) {
            nd_buf_addf(out, "  %-*s", (int)w, nd_strmap_key(&c->labels, order[g]));
            for (size_t p = 0; p < n; p++) nd_buf_addf(out, " %6zu", c->m[order[g] * c->cap + order[p]]);
            nd_buf_addc(out, '\n');
        }
    }
    free(order);
}

/*-----   ROUGE   -----*/

/* Token ids: equal strings get equal ids within one scoring call. */
struct rtoks {
    uint32_t *v;
    size_t n, alloc;
    size_t *sent_end;     /* end index of each sentence (Lsum) */
    size_t nsent, salloc;
};

static void rouge_tokenize(const char *text, struct sb_stemmer *st, nd_strmap *ids, struct rtoks *out)
{
    char w[256];
    size_t wl = 0;
    out->n = out->nsent = 0;
    for (const char *p = text;; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        int word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (word) {
            if (wl < sizeof(w) - 1) w[wl++] = c;
            continue;
        }
        if (wl) {
            const char *s = w;
            size_t sl = wl;
            if (wl > 3) {
                const sb_symbol *r = sb_stemmer_stem(st, (const sb_symbol *)w, (int)wl);
                if (r) {
                    s = (const char *)r;
                    sl = (size_t)sb_stemmer_length(st);
                }
            }
            size_t id = nd_strmap_put(ids, s, sl, 0, NULL);
            ND_GROW(out->v, out->n + 1, out->alloc);
            out->v[out->n++] = (uint32_t)id;
            wl = 0;
        }
        if (c == '\n' || c == '\0') {
            if (out->n > (out->nsent ? out->sent_end[out->nsent - 1] : 0)) {
                ND_GROW(out->sent_end, out->nsent + 1, out->salloc);
                out->sent_end[out->nsent++] = out->n;
            }
        }
        if (c == '\0') break;
    }
}

static nd_rouge fscore(double hits, double ncand, double nref)
{
    nd_rouge r = { 0, 0, 0 };
    r.p = ncand > 0 ? hits / ncand : 0;
    r.r = nref > 0 ? hits / nref : 0;
    r.f = r.p + r.r > 0 ? 2 * r.p * r.r / (r.p + r.r) : 0;
    return r;
}

/* A candidate and a reference, tokenized into shared ids. */
struct rouge_pair {
    struct sb_stemmer *st;
    nd_strmap ids;
    struct rtoks c, r;
};

static void pair_init(struct rouge_pair *p, const char *cand, const char *ref)
{
    memset(p, 0, sizeof(*p));
    p->st = sb_stemmer_new("porter", "UTF_8");
    nd_strmap_init(&p->ids);
    rouge_tokenize(cand, p->st, &p->ids, &p->c);
    rouge_tokenize(ref, p->st, &p->ids, &p->r);
}

static void pair_release(struct rouge_pair *p)
{
    free(p->c.v);
    free(p->c.sent_end);
    free(p->r.v);
    free(p->r.sent_end);
    nd_strmap_release(&p->ids);
    sb_stemmer_delete(p->st);
}

static uint64_t ngram_key(const uint32_t *v, int n)
{
    uint64_t k = 0;
    for (int i = 0; i < n; i++) k = k * 1000003ULL + v[i] + 1;
    return k;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

nd_rouge nd_rouge_n(const char *cand, const char *ref, int n)
{
    struct rouge_pair pr;
    pair_init(&pr, cand, ref);
    const struct rtoks c = pr.c, r = pr.r;
    size_t nc = c.n >= (size_t)n ? c.n - (size_t)n + 1 : 0, nr = r.n >= (size_t)n ? r.n - (size_t)n + 1 : 0;
    uint64_t *kc = nd_xmalloc((nc + 1) * sizeof(*kc)), *kr = nd_xmalloc((nr + 1) * sizeof(*kr));
    for (size_t i = 0; i < nc; i++) kc[i] = ngram_key(c.v + i, n);
    for (size_t i = 0; i < nr; i++) kr[i] = ngram_key(r.v + i, n);
    qsort(kc, nc, sizeof(*kc), cmp_u64);
    qsort(kr, nr, sizeof(*kr), cmp_u64);
    size_t hits = 0;
    for (size_t i = 0, j = 0; i < nc && j < nr;) {   /* clipped overlap = sum of min counts */
        if (kc[i] == kr[j]) hits++, i++, j++;
        else if (kc[i] < kr[j]) i++;
        else j++;
    }
    nd_rouge res = fscore((double)hits, (double)nc, (double)nr);
    free(kc);
    free(kr);
    pair_release(&pr);
    return res;
}

/* Indices into ref[0..m) of one LCS with can[0..n), as rouge-score backtracks it. */
static void lcs_union(const uint32_t *ref, size_t m, const uint32_t *can, size_t n, uint32_t *table, uint8_t *hit)
{
    size_t w = n + 1;
    for (size_t j = 0; j <= n; j++) table[j] = 0;
    for (size_t i = 1; i <= m; i++) {
        table[i * w] = 0;
        for (size_t j = 1; j <= n; j++)
            table[i * w + j] = ref[i - 1] == can[j - 1] ? table[(i - 1) * w + j - 1] + 1
                             : table[(i - 1) * w + j] > table[i * w + j - 1] ? table[(i - 1) * w + j]
                                                                           : table[i * w + j - 1];
    }
    size_t i = m, j = n;
    while (i > 0 && j > 0) {
        if (ref[i - 1] == can[j - 1]) {
            hit[i - 1] = 1;
            i--, j--;
        } else if (table[i * w + j - 1] > table[(i - 1) * w + j]) {
            j--;
        } else {
            i--;
        }
    }
}

nd_rouge nd_rouge_lsum(const char *cand, const char *ref)
{
    struct rouge_pair pr;
    pair_init(&pr, cand, ref);
    const struct rtoks c = pr.c, r = pr.r;
    size_t nid = pr.ids.n;
    long *ccount = nd_xcalloc(nid + 1, sizeof(long)), *rcount = nd_xcalloc(nid + 1, sizeof(long));
    for (size_t i = 0; i < c.n; i++) ccount[c.v[i]]++;
    for (size_t i = 0; i < r.n; i++) rcount[r.v[i]]++;
    size_t maxc = 0;
    for (size_t s = 0, b = 0; s < c.nsent; b = c.sent_end[s++])
        if (c.sent_end[s] - b > maxc) maxc = c.sent_end[s] - b;
    size_t hits = 0;
    for (size_t s = 0, rb = 0; s < r.nsent; rb = r.sent_end[s++]) {
        size_t m = r.sent_end[s] - rb;
        uint8_t *hit = nd_xcalloc(m + 1, 1);
        uint32_t *table = nd_xmalloc((m + 1) * (maxc + 1) * sizeof(uint32_t));
        for (size_t t = 0, cb = 0; t < c.nsent; cb = c.sent_end[t++])
            lcs_union(r.v + rb, m, c.v + cb, c.sent_end[t] - cb, table, hit);
        for (size_t i = 0; i < m; i++) {
            uint32_t tok = r.v[rb + i];
            if (hit[i] && ccount[tok] > 0 && rcount[tok] > 0) {
                hits++;
                ccount[tok]--;
                rcount[tok]--;
            }
        }
        free(hit);
        free(table);
    }
    nd_rouge res = fscore((double)hits, (double)c.n, (double)r.n);
    free(ccount);
    free(rcount);
    pair_release(&pr);
    return res;
}

/*=====   Extraction: segments found in the extracted text   =====*/

/* Length of the white space character at s (as Python's str.split() sees it), or 0. */
static size_t ws_at(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F)) return 1;
    if (n >= 2 && c == 0xC2 && (s[1] == 0x85 || s[1] == 0xA0)) return 2;
    if (n >= 3 && c == 0xE1 && s[1] == 0x9A && s[2] == 0x80) return 3;   /* U+1680 */
    if (n >= 3 && c == 0xE2 && s[1] == 0x80 && (s[2] <= 0x8A || s[2] == 0xA8 || s[2] == 0xA9 || s[2] == 0xAF)) return 3;
    if (n >= 3 && c == 0xE2 && s[1] == 0x81 && s[2] == 0x9F) return 3;   /* U+205F */
    if (n >= 3 && c == 0xE3 && s[1] == 0x80 && s[2] == 0x80) return 3;   /* U+3000 */
    return 0;
}

void nd_ws_normalize(const char *s, size_t n, nd_buf *out)
{
    nd_buf_reset(out);
    const unsigned char *u = (const unsigned char *)s;
    int space = 0;
    for (size_t i = 0; i < n;) {
        size_t w = ws_at(u + i, n - i);
        if (w) {
            space = out->len > 0;
            i += w;
            continue;
        }
        if (u[i] == 0xC2 && i + 1 < n && u[i + 1] == 0xAD) {   /* a soft hyphen: invisible, as the page reader drops it */
            i += 2;
            continue;
        }
        if (space) nd_buf_putc(out, ' ');
        space = 0;
        nd_buf_putc(out, s[i++]);
    }
}

void nd_extract_score_add(nd_extract_score *sc, const char *text, const char *with, const char *without)
{
    nd_buf t, seg;
    nd_buf_init(&t);
    nd_buf_init(&seg);
    nd_ws_normalize(text, strlen(text), &t);
    const char *lists[2] = { with, without };
    for (int k = 0; k < 2; k++)
        for (const char *q = lists[k]; q && *q;) {
            const char *e = strchr(q, '\n');
            size_t len = e ? (size_t)(e - q) : strlen(q);
            nd_ws_normalize(q, len, &seg);
            if (seg.len) {
                int found = strstr(t.data, seg.data) != NULL;
                if (k == 0) found ? sc->tp++ : sc->fn++;
                else found ? sc->fp++ : sc->tn++;
            }
            q = e ? e + 1 : q + len;
        }
    sc->pages++;
    nd_buf_release(&t);
    nd_buf_release(&seg);
}

void nd_extract_score_get(const nd_extract_score *sc, double *p, double *r, double *f1, double *acc)
{
    double tp = (double)sc->tp, fp = (double)sc->fp, fn = (double)sc->fn, tn = (double)sc->tn;
    *p = tp + fp > 0 ? tp / (tp + fp) : 0;
    *r = tp + fn > 0 ? tp / (tp + fn) : 0;
    *f1 = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
    *acc = tp + fp + fn + tn > 0 ? (tp + tn) / (tp + fp + fn + tn) : 0;
}
