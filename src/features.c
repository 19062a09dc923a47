/*
 * features.c -- terms of a document and sparse TF-IDF vectors.
 *
 * Terms are Snowball stems of the non-stop words, bigrams of neighbouring
 * stems within a sentence (stop words removed first, as in the usual
 * vector-space setups), and gazetteer pseudo-terms: "@geo:REGION" for every
 * place mention, "@geo1:REGION" for the first one (a dateline or the
 * title's place, or the country of the outlet's address) and "@geot:REGION"
 * for places in the title. The outlet's country code (the record's url, or
 * an address line at the top of the page) counts as a place mention before
 * the story. Numbers become shape terms. Title terms weigh
 * cfg->title_weight, terms of the first sentence (the news lead)
 * cfg->lead_weight. With cfg->subwords, the character 4-grams of a stem
 * between word marks ("<bundesregier>": "<bun", ..., "ier>") are terms
 * too: in German a compound's parts are words of their own elsewhere.
 * With cfg->dateline_weight, the words of the place of a dateline in the
 * first three sentences ("Wien – Die", "NEW YORK, Jan 5 -") are terms
 * "%stem" too: where a story was written. With cfg->placeless_weight, a
 * story without one has the term "%": in a paper that writes where nearly
 * every story was written, one that does not say is of a section of its own
 * (DER STANDARD's web pages).
 */
#include "text.h"

#include <ctype.h>    /* isalpha */
#include <math.h>     /* log, sqrt */
#include <pthread.h>  /* pthread_once */
#include <stdlib.h>   /* free */

void nd_terms_init(nd_terms *t)
{
    memset(t, 0, sizeof(*t));
    nd_buf_init(&t->keys);
}

void nd_terms_release(nd_terms *t)
{
    nd_buf_release(&t->keys);
    free(t->v);
    free(t->hits);
    memset(t, 0, sizeof(*t));
}

/* A unigram (b NULL) or a bigram of two tokens: no key string, just references. Room is reserved. */
static inline void push_words(nd_terms *out, const nd_token *a, const nd_token *b, float w)
{
    nd_term *t = &out->v[out->n++];
    t->hash = 0;
    t->off = a->stem_off;
    t->len = a->stem_len;
    t->entry = a->entry;
    t->off2 = b ? b->stem_off : 0;
    t->len2 = b ? b->stem_len : 0;
    t->entry2 = b ? b->entry : ND_SLOT_UNSET;
    t->sent = (b ? b : a)->sent;
    t->w = w;
}

static void push_term(nd_terms *out, const char *a, size_t al, const char *b, size_t bl, uint32_t sent, float w)
{
    ND_GROW(out->v, out->n + 1, out->alloc);
    nd_term *t = &out->v[out->n++];
    t->entry = t->entry2 = ND_SLOT_UNSET;
    t->off2 = t->len2 = 0;
    t->off = (uint32_t)out->keys.len;
    nd_buf_put(&out->keys, a, al);
    if (b) {
        nd_buf_putc(&out->keys, ' ');
        nd_buf_put(&out->keys, b, bl);
    }
    t->len = (uint32_t)(out->keys.len - t->off);
    t->hash = nd_hash(out->keys.data + t->off, t->len);
    t->sent = sent;
    t->w = w;
}

/*
 * The 4-grams of characters of stem s[0..n) of 4 characters or more, marked
 * at both ends, as terms "~gram" weighing w; stems over 60 bytes have none.
 */
void nd_terms_push_subwords(nd_terms *out, const char *s, size_t n, uint32_t sent, float w)
{
    if (n > 60) return;
    char word[64];
    uint8_t at[64];   /* where each character starts in word */
    size_t len = 0, nc = 0;
    word[len++] = '<';
    memcpy(word + len, s, n);
    len += n;
    word[len++] = '>';
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)word[i] & 0xC0) != 0x80) at[nc++] = (uint8_t)i;
    if (nc < 6) return;   /* a word of 4 characters and its two marks */
    at[nc] = (uint8_t)len;
    char key[64];
    key[0] = '~';
    for (size_t c = 0; c + 4 <= nc; c++) {
        size_t b = at[c], e = at[c + 4];
        memcpy(key + 1, word + b, e - b);
        push_term(out, key, 1 + e - b, NULL, 0, sent, w);
    }
}

void nd_terms_build(const nd_feature_cfg *cfg, nd_tokenizer *tz, const nd_gazetteer *gz, int outlet, uint64_t money,
                    const nd_tokens *tk, nd_terms *out)
{
    nd_buf_reset(&out->keys);
    out->n = 0;
    out->nhits = 0;
    ND_GROW(out->v, 3 * tk->n + 1, out->alloc);   /* a unigram, a title term and a bigram per token at most */
    const nd_token *prev = NULL;
    for (size_t i = 0; i < tk->n; i++) {
        const nd_token *t = &tk->v[i];
        if (t->flags & ND_TOK_STOP) continue;
        float w = nd_token_weight(cfg, t);
        if ((t->flags & ND_TOK_NUM) && cfg->numbers) {
            /* a number's shape carries the signal ("Shr 25 cts"), its value rarely does */
            char shape[8];
            const char *d = tk->text.data + t->off;
            size_t n = t->len;
            if (memchr(d, ':', n)) memcpy(shape, "#time", 6);   /* "20.15 Uhr" where the comma is the decimal mark */
            else if (memchr(d, '.', n)) memcpy(shape, "#dec", 5);
            else if (n == 4 && (memcmp(d, "19", 2) == 0 || memcmp(d, "20", 2) == 0)) memcpy(shape, "#year", 6);
            else memcpy(shape, (char[4]){ '#', 'n', (char)('0' + (n < 6 ? n : 6)), '\0' }, 4);
            push_term(out, shape, strlen(shape), NULL, 0, t->sent, w);
            prev = NULL;   /* no bigrams through numbers */
            continue;
        }
        push_words(out, t, NULL, w);
        if (cfg->title_terms && t->sent == ND_SENT_TITLE && t->stem_len < 64) {   /* the headline's words as terms of their own */
            char key[72];
            key[0] = '^';
            memcpy(key + 1, nd_tokenizer_stems(tz) + t->stem_off, t->stem_len);
            push_term(out, key, 1 + (size_t)t->stem_len, NULL, 0, t->sent, w);
        }
        if (cfg->bigrams && prev && prev->sent == t->sent) push_words(out, prev, t, w);
        prev = t;
    }
    out->sub_at = out->n;
    for (size_t i = 0; cfg->subwords > 0 && i < tk->n; i++) {   /* after the words: their loop stays as English has it */
        const nd_token *t = &tk->v[i];
        if (nd_token_subworded(cfg, t))
            nd_terms_push_subwords(out, nd_tokenizer_stems(tz) + t->stem_off, t->stem_len, t->sent,
                                   nd_token_weight(cfg, t) * (float)cfg->subwords);
    }
    int placed = 0;
    for (size_t i = 0; cfg->dateline_weight > 0 && i < tk->n; i++) {   /* "%wien": a dateline's place */
        const nd_token *t = &tk->v[i];
        if (!(t->flags & ND_TOK_DATELINE) || !nd_token_subworded(cfg, t) || t->stem_len > 64) continue;
        char key[72];
        key[0] = '%';
        memcpy(key + 1, nd_tokenizer_stems(tz) + t->stem_off, t->stem_len);
        push_term(out, key, 1 + (size_t)t->stem_len, NULL, 0, t->sent, (float)cfg->dateline_weight);
        placed = 1;
    }
    if (cfg->placeless_weight > 0 && !placed) push_term(out, "%", 1, NULL, 0, 0, (float)cfg->placeless_weight);
    if (gz && gz->nregions) {
        nd_gazetteer_match(gz, tz, tk, &out->hits, &out->nhits, &out->hits_alloc);
        char key[ND_REGION_MAX + 8];
        if (outlet >= 0 && (size_t)outlet < gz->nregions) {
            /* the outlet's country: a place before the story, like a dateline */
            const char *r = gz->regions[outlet];
            size_t rl = strlen(r);
            memcpy(key + 6, r, rl);
            memcpy(key + 1, "@geo:", 5);
            push_term(out, key + 1, 5 + rl, NULL, 0, 0, 1.0f);
            memcpy(key, "@geo1:", 6);
            push_term(out, key, 6 + rl, NULL, 0, 0, 1.0f);
        }
        for (size_t r = 0; money && r < gz->nregions && r < 64; r++) {   /* "£600m": a place's mention, once */
            if (!(money >> r & 1)) continue;
            size_t rl = strlen(gz->regions[r]);
            memcpy(key, "@geo:", 5);
            memcpy(key + 5, gz->regions[r], rl);
            push_term(out, key, 5 + rl, NULL, 0, 0, 1.0f);
        }
        for (size_t h = 0; h < out->nhits; h++) {
            const nd_geo_hit *g = &out->hits[h];
            const char *r = gz->regions[g->region];
            uint32_t sent = tk->v[g->tok].sent;
            float w = sent == ND_SENT_TITLE ? (float)cfg->title_weight : 1.0f;
            size_t rl = strlen(r);                /* <= ND_REGION_MAX, the gazetteer parser sees to it */
            memcpy(key + 6, r, rl);               /* "@geo:R", "@geot:R", "@geo1:R" share the name */
            memcpy(key + 1, "@geo:", 5);
            push_term(out, key + 1, 5 + rl, NULL, 0, sent, w);
            if (sent == ND_SENT_TITLE) {
                memcpy(key, "@geot:", 6);
                push_term(out, key, 6 + rl, NULL, 0, sent, 1.0f);
            }
            if (h == 0 && outlet < 0) {
                memcpy(key, "@geo1:", 6);
                push_term(out, key, 6 + rl, NULL, 0, sent, 1.0f);
            }
        }
    }
}

void nd_svec_init(nd_svec *v)
{
    memset(v, 0, sizeof(*v));
}

void nd_svec_release(nd_svec *v)
{
    free(v->idx);
    free(v->val);
    nd_svec_init(v);
}

void nd_svec_push(nd_svec *v, uint32_t idx, float val)
{
    if (v->n + 1 > v->alloc) {
        size_t a = v->alloc ? v->alloc * 2 : 64;
        v->idx = nd_xrealloc(v->idx, a * sizeof(*v->idx));
        v->val = nd_xrealloc(v->val, a * sizeof(*v->val));
        v->alloc = a;
    }
    v->idx[v->n] = idx;
    v->val[v->n] = val;
    v->n++;
}

void nd_svec_normalize(nd_svec *v)
{
    double ss = 0;
    for (size_t i = 0; i < v->n; i++) ss += (double)v->val[i] * v->val[i];
    if (ss <= 0) return;
    float inv = (float)(1.0 / sqrt(ss));
    for (size_t i = 0; i < v->n; i++) v->val[i] *= inv;
}

double nd_svec_dot(const nd_svec *a, const nd_svec *b)
{
    double s = 0;
    size_t i = 0, j = 0;
    while (i < a->n && j < b->n) {
        if (a->idx[i] == b->idx[j]) s += (double)a->val[i++] * b->val[j++];
        else if (a->idx[i] < b->idx[j]) i++;
        else j++;
    }
    return s;
}

/* Sort (idx, val) pairs by idx: insertion sort for short runs, else a heap sort on pairs. */
static void sort_pairs(uint32_t *idx, float *val, size_t n)
{
    if (n < 32) {
        for (size_t i = 1; i < n; i++) {
            uint32_t k = idx[i];
            float v = val[i];
            size_t j = i;
            while (j > 0 && idx[j - 1] > k) {
                idx[j] = idx[j - 1];
                val[j] = val[j - 1];
                j--;
            }
            idx[j] = k;
            val[j] = v;
        }
        return;
    }
    /* heap sort */
    for (size_t start = n / 2; start-- > 0;) {
        size_t root = start;
        for (;;) {
            size_t c = 2 * root + 1;
            if (c >= n) break;
            if (c + 1 < n && idx[c + 1] > idx[c]) c++;
            if (idx[root] >= idx[c]) break;
            uint32_t ti = idx[root]; idx[root] = idx[c]; idx[c] = ti;
            float tv = val[root]; val[root] = val[c]; val[c] = tv;
            root = c;
        }
    }
    for (size_t end = n; end-- > 1;) {
        uint32_t ti = idx[0]; idx[0] = idx[end]; idx[end] = ti;
        float tv = val[0]; val[0] = val[end]; val[end] = tv;
        size_t root = 0;
        for (;;) {
            size_t c = 2 * root + 1;
            if (c >= end) break;
            if (c + 1 < end && idx[c + 1] > idx[c]) c++;
            if (idx[root] >= idx[c]) break;
            ti = idx[root]; idx[root] = idx[c]; idx[c] = ti;
            tv = val[root]; val[root] = val[c]; val[c] = tv;
            root = c;
        }
    }
}

void nd_svec_tfidf(nd_svec *v, const float *idf)
{
    nd_features_init();   /* nd_sublinear_tf's table */
    sort_pairs(v->idx, v->val, v->n);
    size_t u = 0;
    for (size_t i = 0; i < v->n; i++) {   /* merge repeated features */
        if (u && v->idx[u - 1] == v->idx[i]) {
            v->val[u - 1] += v->val[i];
        } else {
            v->idx[u] = v->idx[i];
            v->val[u++] = v->val[i];
        }
    }
    v->n = u;
    for (size_t i = 0; i < v->n; i++) {
        double c = v->val[i];
        v->val[i] = (float)(nd_sublinear_tf(c) * idf[v->idx[i]]);
    }
    nd_svec_normalize(v);
}

double nd_ln_small[64];

static void fill_tables(void)
{
    for (int k = 1; k < 64; k++) nd_ln_small[k] = log((double)k);
}

void nd_features_init(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, fill_tables);
}

void nd_doc_init(nd_doc *d)
{
    nd_features_init();
    nd_page_init(&d->page);
    d->title = NULL;
    nd_buf_init(&d->clean);
    nd_spans_init(&d->sents);
    nd_tokens_init(&d->tk);
    nd_terms_init(&d->terms);
    nd_svec_init(&d->vec);
    d->sent_lang = NULL;
    d->story_head = 0;
}

void nd_doc_release(nd_doc *d)
{
    nd_page_release(&d->page);
    nd_buf_release(&d->clean);
    nd_spans_release(&d->sents);
    nd_tokens_release(&d->tk);
    nd_terms_release(&d->terms);
    nd_svec_release(&d->vec);
}

size_t nd_headline_title(const char *title, const char *text, size_t head, const nd_spans *sents)
{
    if ((title && *title) || !head || !sents->n || sents->v[0].off != 0) return 0;
    if (sents->n > 1 && sents->v[0].len == head) return head;
    /* or two sentences in 100 bytes, the first ending on a word, the second of three words or more: "Nowy most
       na Wiśle w Krakowie. Budowa ruszy wiosną"; not a first paragraph of prose unended ("Japan is a safe
       country. Unless you're ..."), an ordinal's full stop ("Hildesheimer Presse 1. November 2023"), a
       caption's credit ("... el 11 de febrero pasado. EFE") */
    if (sents->n < 3 || head > 100 || sents->v[1].off + sents->v[1].len != head) return 0;
    const nd_span *a = &sents->v[0], *b = &sents->v[1];
    size_t e = a->len;
    while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '.' || text[e - 1] == '!' || text[e - 1] == '?')) e--;
    size_t words = 1;
    for (size_t i = 0; i < b->len; i++) words += text[b->off + i] == ' ';
    return e > 0 && (isalpha((unsigned char)text[e - 1]) || (unsigned char)text[e - 1] >= 0x80) && words >= 3 ? head : 0;
}

/*
 * The words of the place of the story's dateline, in one of its first
 * three sentences (a teaser may come before it: "... beschränkt gehört.
 * Wien – Die Gewerkschaft"), flagged ND_TOK_DATELINE: where a story was
 * written says at home or abroad in a way a place named anywhere in it
 * does not.
 */
static void mark_dateline(nd_doc *d)
{
    for (size_t i = 0; i < d->sents.n && i < 3; i++) {
        const nd_span *sp = &d->sents.v[i];
        size_t from, n = nd_dateline_place(d->clean.data + sp->off, sp->len, &from);
        if (!n) continue;
        size_t b = sp->off + from, e = b + n;
        for (size_t k = 0; k < d->tk.n; k++) {   /* the title's tokens, then the sentences' in order */
            nd_token *t = &d->tk.v[k];
            if (t->sent == ND_SENT_TITLE || t->sent < i) continue;
            if (t->sent > i || t->src >= e) break;
            if (t->src >= b) t->flags |= ND_TOK_DATELINE;
        }
        return;
    }
}

/* Everything of nd_doc_prepare after the story is found: sentences, tokens, terms. */
void nd_doc_resplit(nd_doc *d, nd_tokenizer *tz, const nd_gazetteer *gz, const nd_feature_cfg *cfg, const char *text,
                    size_t tlen, const char *url)
{
    nd_tokenizer_begin(tz);
    nd_tokens_reset(&d->tk);
    size_t head;
    if (d->title) nd_tokenize(tz, d->title, strlen(d->title), ND_SENT_TITLE, 0, &d->tk);
    nd_sentences_lang(d->clean.data, d->clean.len, d->sent_lang ? d->sent_lang : nd_tokenizer_language(tz), &d->sents);
    if ((d->head = head = nd_headline_title(d->title, d->clean.data, d->story_head, &d->sents))) {
        /* the page's headline is its title, not a sentence of the story */
        nd_tokenize(tz, d->clean.data, head, ND_SENT_TITLE, 0, &d->tk);
        size_t k = 0;   /* its sentences: one, or more where a headline holds a full stop */
        while (k < d->sents.n && d->sents.v[k].off < head) k++;
        d->sents.n -= k;
        memmove(d->sents.v, d->sents.v + k, d->sents.n * sizeof(*d->sents.v));
    }
    for (size_t i = 0; i < d->sents.n; i++)
        nd_tokenize(tz, d->clean.data + d->sents.v[i].off, d->sents.v[i].len, (uint32_t)i, d->sents.v[i].off, &d->tk);
    if (cfg->dateline_weight > 0) mark_dateline(d);
    int outlet = -1;
    if (gz && gz->domains.n) {
        const char *addr = url;
        size_t alen = url ? strlen(url) : nd_clean_address(text, tlen, &addr);
        if (alen) outlet = nd_gazetteer_outlet(gz, addr, alen);
    }
    uint64_t money = gz ? nd_gazetteer_money(gz, d->clean.data, d->clean.len) : 0;
    nd_terms_build(cfg, tz, gz, outlet, money, &d->tk, &d->terms);
}

void nd_doc_prepare(nd_doc *d, nd_tokenizer *tz, const nd_gazetteer *gz, const nd_feature_cfg *cfg,
                    const nd_extractor *ex, const char *title, const char *text, const char *url, int keep_boilerplate)
{
    size_t tlen = strlen(text);
    d->story_head = nd_story(&d->page, ex, text, tlen, &d->clean, keep_boilerplate);
    if ((!title || !*title) && d->page.title.len) title = d->page.title.data;
    d->title = title && *title ? title : NULL;
    nd_doc_resplit(d, tz, gz, cfg, text, tlen, url);
}
