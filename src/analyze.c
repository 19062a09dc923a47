/*
 * analyze.c -- one article through the whole pipeline: clean, sentences,
 * tokens, terms (once), the TF-IDF vector for both classifiers, and sentence
 * vectors in the same space for the summary.
 */
#include "lang.h"
#include "text.h"

#include <math.h>    /* log, sqrt */
#include <stdlib.h>  /* free */

struct nd_analyzer {
    const nd_model *m;
    nd_feature_cfg cfg;
    nd_tokenizer *tz;
    nd_doc doc;
    double *scratch;
    /* term occurrences with feature ids, for the sentence vectors */
    struct nd_occ *occ;
    size_t nocc, occ_alloc;
    nd_summarizer *sum;
    /*
     * A dense accumulator over the feature space (zero between uses; only
     * touched entries are reset): the article's weight of each feature and
     * the feature's place in the article's vector (its local id, in the
     * order features were first seen), side by side in one cache line.
     */
    struct dense { float v; uint32_t lid; } *dense;
    uint32_t *touched;           /* local id -> feature id */
    float *lidf;                 /* local id -> IDF, for the sentence vectors */
    size_t ntouched, touched_alloc, lidf_alloc;
    /* per term: its feature id, and a bigram's key in the model's pair table */
    uint32_t *fid;
    uint64_t *pkey;
    size_t fid_alloc, pkey_alloc;
    /*
     * A bundle with subwords: a cached word's slot is its memo here, its
     * stem id and the feature ids of its 4-grams (in sub[]), made the first
     * time the word is seen after the cache started over, instead of its
     * 4-grams being spelled out, hashed and looked up in every document.
     */
    float subwords;              /* the 4-grams' weight against a word's; 0: none */
    struct word_memo { uint32_t stem, off, n; } *wm;
    uint32_t *sub;
    size_t nwm, wm_alloc, nsub, sub_alloc;
    uint32_t epoch;              /* the tokenizer's when sub was last emptied */
    nd_terms grams;              /* scratch: one word's 4-grams */
};

void nd_analyze_opts_init(nd_analyze_opts *o)
{
    memset(o, 0, sizeof(*o));
    o->classify = 1;
    o->summarize = 1;
    o->method = ND_SUM_DEFAULT;
    o->sentences = 3;
    o->ratio = 0;
    o->words = 0;
    o->mmr = 0.3;
}

void nd_result_init(nd_result *r)
{
    memset(r, 0, sizeof(*r));
    nd_buf_init(&r->title);
    nd_buf_init(&r->story);
    nd_buf_init(&r->explain);
}

void nd_result_release(nd_result *r)
{
    for (size_t i = 0; i < ND_MAX_SUMMARY; i++)
        if (r->summary[i].data) nd_buf_release(&r->summary[i]);
    nd_buf_release(&r->title);
    nd_buf_release(&r->story);
    nd_buf_release(&r->explain);
    for (int t = 0; t < ND_NTASKS; t++) free(r->prob[t]);
    memset(r, 0, sizeof(*r));
}

/* What the story stage found, as the result: its title and text, and the removed blocks with their reasons. */
static void story_result(const nd_doc *d, size_t head, const nd_analyze_opts *o, nd_result *res)
{
    nd_buf_reset(&res->title);
    nd_buf_reset(&res->story);
    nd_buf_reset(&res->explain);
    if (o->story) {
        if (d->title) nd_buf_adds(&res->title, d->title);
        else if (head) nd_buf_add(&res->title, d->clean.data, head);
        nd_buf_add(&res->story, d->clean.data, d->clean.len);
    }
    if (!o->explain) return;
    const nd_page *p = &d->page;
    for (size_t i = 0; i < p->n; i++) {
        const nd_block *b = &p->b[i];
        if (b->keep) continue;
        if (b->rule != ND_CLUTTER_NONE)   /* a rule's hit is never story, whatever the model says */
            nd_buf_addf(&res->explain, "removed %s: ", nd_clutter_name((nd_clutter)b->rule));
        else
            nd_buf_addf(&res->explain, "removed boilerplate (story p=%.2f): ", b->p);
        for (uint32_t k = 0; k < b->len; k++) {
            char c = p->text.data[b->off + k];
            nd_buf_addc(&res->explain, c == '\n' || c == '\t' || c == '\r' ? ' ' : c);
        }
        nd_buf_addc(&res->explain, '\n');
    }
    for (const char *t = p->trimmed.data, *end = t + p->trimmed.len; p->trimmed.len && t < end;) {   /* lines cut from kept blocks */
        const char *nl = memchr(t, '\n', (size_t)(end - t));
        nd_buf_addf(&res->explain, "removed byline: %.*s\n", (int)(nl - t), t);
        t = nl + 1;
    }
    if (head && !d->title) nd_buf_addf(&res->explain, "headline taken as the title: %.*s\n", (int)head, d->clean.data);
}

nd_analyzer *nd_analyzer_new(const nd_model *m)
{
    nd_analyzer *a = nd_xcalloc(1, sizeof(*a));
    a->m = m;
    a->cfg = nd_model_cfg(m);
    a->subwords = (float)a->cfg.subwords;
    a->cfg.subwords = 0;   /* the words' memos give them */
    nd_terms_init(&a->grams);
    a->tz = nd_tokenizer_new(m->lang);
    if (!a->tz) {
        nd_terms_release(&a->grams);
        free(a);
        return NULL;
    }
    nd_doc_init(&a->doc);
    a->dense = nd_xcalloc(nd_model_nfeatures(m) + 1, sizeof(*a->dense));
    a->sum = nd_summarizer_new();
    size_t sc = 1;
    for (int t = 0; t < ND_NTASKS; t++)
        if (m->task[t] && nd_linsvm_scratch(m->task[t]) > sc) sc = nd_linsvm_scratch(m->task[t]);
    a->scratch = nd_xmalloc(sc * sizeof(double));
    return a;
}

void nd_analyzer_free(nd_analyzer *a)
{
    if (!a) return;
    nd_tokenizer_free(a->tz);
    nd_doc_release(&a->doc);
    free(a->dense);
    free(a->touched);
    free(a->lidf);
    free(a->fid);
    free(a->pkey);
    free(a->wm);
    free(a->sub);
    nd_terms_release(&a->grams);
    free(a->scratch);
    free(a->occ);
    nd_summarizer_free(a->sum);
    free(a);
}

static nd_sumin sum_input(const nd_analyzer *a, const nd_record *rec)
{
    (void)rec;
    nd_sumin in = { a->m, &a->doc, a->occ, a->nocc, a->doc.vec.val, a->lidf, a->ntouched, a->doc.title, 0,
                    nd_summary_tail_out(&a->doc), 0 };
    return in;
}

/* Where the paragraph of sentence i starts: its first sentence, no line break between them and i. */
static size_t paragraph_start(const nd_doc *d, size_t i)
{
    const nd_span *v = d->sents.v;
    while (i > 0 && !memchr(d->clean.data + v[i - 1].off + v[i - 1].len, '\n', v[i].off - (v[i - 1].off + v[i - 1].len)))
        i--;
    return v[i].off;
}

/*
 * A later paragraph opening with an agency or a place in parentheses and a
 * dash, as some sites run a wire story under its standfirst ("(EFE).-
 * Nicaragua cerró ...", "(Leipzig) - Von Preisbremsen ..."): its length, or 0
 * ("(Corrects payment date ...).", "(Covers version 3.0) Chris ...").
 */
static size_t agency_dateline(const char *s, size_t n)
{
    size_t d = nd_dateline(s, n), e = d;
    while (e > 0 && s[e - 1] == ' ') e--;
    int dash = e > 0 && (s[e - 1] == '-' || (e > 2 && (unsigned char)s[e - 3] == 0xE2 && (unsigned char)s[e - 2] == 0x80 &&
                                               ((unsigned char)s[e - 1] == 0x93 || (unsigned char)s[e - 1] == 0x94)));
    return dash ? d : 0;
}

/* Does p[0..len) start with a quote mark (its first character, one to three bytes)? */
static int opens_with_mark(const char *p, size_t len)
{
    unsigned char c0 = len ? (unsigned char)p[0] : 0;
    size_t first = c0 < 0x80 ? 1 : c0 < 0xE0 ? 2 : 3;
    return len && nd_quote_marks(p, 0, first < len ? first : len) != 0;
}

/*
 * French sets guillemets off by a (no-break) space: « Non. » The space
 * after the first « of text[b..e): *sp its bytes, their count returned (0:
 * none, or no «).
 */
static size_t guillemet_space(const char *text, size_t b, size_t e, const char **sp)
{
    const unsigned char *s = (const unsigned char *)text + b, *end = (const unsigned char *)text + e;
    while ((s = memchr(s, 0xC2, (size_t)(end - s))) && (s + 2 >= end || s[1] != 0xAB)) s++;
    if (!s) return 0;
    *sp = (const char *)s + 2;
    if (s[2] == ' ') return 1;
    if (s + 3 < end && s[2] == 0xC2 && s[3] == 0xA0) return 2;                       /* no-break space */
    if (s + 4 < end && s[2] == 0xE2 && s[3] == 0x80 && s[4] == 0xAF) return 3;       /* narrow one */
    return 0;
}

/* Write the mark that opens (closing 0) or closes a quote of 'kind' at o, with French's space inside; its length. */
static size_t put_mark(char *o, int kind, int closing, const char *space, size_t sp_len)
{
    const char *m = nd_quote_mark(kind, closing);
    size_t ml = strlen(m), n = 0;
    if (kind != ND_QUOTE_GUILLEMET) sp_len = 0;
    if (closing) memcpy(o, space, sp_len), n += sp_len;
    memcpy(o + n, m, ml), n += ml;
    if (!closing) memcpy(o + n, space, sp_len), n += sp_len;
    return n;
}

/*
 * Is the story news for a reader, to be summarised as datelined news is,
 * for what human highlights favour, and not as bbc's long extractive
 * references were made (what the sentence model learned from one English
 * corpus's clean texts)? Besides a datelined one (the sentence model's own
 * flag, the only one it learns from):
 * - a story cut from a page, ND_SUM_PAGE_CHROME blocks or more removed as
 *   chrome: bbc's kind took quotes deep in long pages (sentences 76, 91
 *   and 92 of a London paper's report) over their opening; the held-out
 *   benchmark pages' summaries hold more labelled story so (HTML 664 ->
 *   689 sentences), bbc's test split hardly moves (2 of 427 articles);
 * - a record with its web address, which places it like a dateline too:
 *   cnndm without "(CNN)" but with its address 24.91 -> 30.22 ROUGE-1 (the
 *   lead 28.69);
 * - a story in a language whose references the sentence model never saw:
 *   10kgnad's articles against their teasers 14.14 -> 14.88 (the lead
 *   14.91).
 */
#define ND_SUM_PAGE_CHROME 3
static int reader_news(const nd_doc *d, const nd_record *rec, int unlearned)
{
    size_t chrome = 0;
    for (size_t i = 0; i < d->page.n; i++) chrome += !d->page.b[i].keep;
    return chrome >= ND_SUM_PAGE_CHROME || (rec->url && *rec->url) || unlearned;
}

/* 'story': the story's language (NULL: one newsdesk has no analysis for) */
static void summarize(nd_analyzer *a, const nd_record *rec, const nd_analyze_opts *o, const nd_language *story,
                      nd_result *res)
{
    nd_doc *d = &a->doc;
    nd_sumin in = sum_input(a, rec);
    if (a->m->sum)   /* a story in a language whose references the sentence model never saw */
        in.unlearned = story != (a->m->sum->lang ? a->m->sum->lang : a->m->lang);
    in.highlights = o->highlights || reader_news(d, rec, in.unlearned);
    nd_analyze_opts eff = *o;
    eff.method = nd_sum_method_for(a->m, eff.method);
    uint32_t pick[ND_MAX_SUMMARY];
    res->nsentences = d->sents.n;
    size_t np = nd_summarizer_trivial(a->sum, &in, &eff, pick);
    if (np == 0) {
        nd_summarizer_prepare(a->sum, &in);
        np = nd_summarizer_pick(a->sum, &in, &eff, pick);
    }
    res->nsummary = np;
    size_t dsent, dlen = nd_summarizer_dateline(&in, &dsent);
    for (size_t i = 0; i < np; i++) {
        res->summary_index[i] = pick[i];
        if (!res->summary[i].data) nd_buf_init(&res->summary[i]);
        nd_buf_reset(&res->summary[i]);
        const nd_span *sp = &d->sents.v[pick[i]];
        /*
         * without its dateline ("LONDON (Reuters) -"), a line break inside a
         * paragraph flattened, and a piece of a longer quotation quoted at
         * its ends ("Benitez said: \"It was difficult for Jerzy.\"")
         */
        size_t para = paragraph_start(d, pick[i]);
        size_t skip = pick[i] == dsent ? dlen : 0;
        if (pick[i] != dsent && para == sp->off && d->clean.data[sp->off] == '(')
            skip = agency_dateline(d->clean.data + sp->off, sp->len);
        size_t len = sp->len - skip;
        const char *p = d->clean.data + sp->off + skip;
        unsigned before = nd_quote_marks(d->clean.data, para, sp->off), q = nd_quote_marks(p, 0, len);
        /* inside a quotation: a close with no open, or one open before and none opening here ("\"And ...") */
        int inside = q & ND_QUOTE_CLOSES ? (int)(q >> 8 & 15)
                     : before & ND_QUOTE_OPENS && !opens_with_mark(p, len) ? (int)(before >> 4 & 15) : 0;
        const char *space = "";
        size_t sp_len = inside || (q & ND_QUOTE_OPENS) ? guillemet_space(d->clean.data, para, sp->off + sp->len, &space) : 0;
        nd_buf_grow(&res->summary[i], len + 2 * (3 + sp_len));
        char *out = res->summary[i].data;
        size_t n = put_mark(out, inside, 0, space, sp_len);
        for (size_t c = 0; c < len; c++) {
            char ch = p[c];
            out[n++] = ch == '\n' || ch == '\t' || ch == '\r' ? ' ' : ch;
        }
        if (inside) q = nd_quote_marks(out, 0, n);   /* the mark put before may be open at the end */
        n += put_mark(out + n, q & ND_QUOTE_OPENS ? (int)(q >> 4 & 15) : 0, 1, space, sp_len);
        res->summary[i].len = n;
        out[n] = '\0';
    }
}

/*
 * A cached word's memo in a bundle with subwords: its stem id and its
 * 4-grams' feature ids; the word's slot holds its place in a->wm.
 */
static void new_memo(nd_analyzer *a, uint32_t entry, const char *stem, uint32_t len, uint32_t s)
{
    nd_buf_reset(&a->grams.keys);
    a->grams.n = 0;
    nd_terms_push_subwords(&a->grams, stem, len, 0, 1.0f);
    ND_GROW(a->sub, a->nsub + a->grams.n, a->sub_alloc);
    ND_GROW(a->wm, a->nwm + 1, a->wm_alloc);
    struct word_memo *w = &a->wm[a->nwm];
    *w = (struct word_memo){ s, (uint32_t)a->nsub, 0 };
    for (size_t i = 0; i < a->grams.n; i++) {
        const nd_term *g = &a->grams.v[i];
        uint32_t fid = nd_model_feature(a->m, a->grams.keys.data + g->off, g->len, g->hash);
        if (fid) a->sub[a->nsub + w->n++] = fid;
    }
    a->nsub += w->n;
    nd_tokenizer_set_slot(a->tz, entry, (uint32_t)a->nwm++);
}

/* The stem id of a word new to the cache, memoised in its slot (or its memo: 'memo', a bundle with subwords). */
static uint32_t new_stem_id(nd_analyzer *a, uint32_t entry, uint32_t off, uint32_t len, int memo)
{
    const char *stem = nd_tokenizer_stems(a->tz) + off;
    long e = nd_strmap_find(&a->m->stems, stem, len);
    uint32_t s = e < 0 ? 0 : (uint32_t)e + 1;
    if (memo) new_memo(a, entry, stem, len, s);
    else nd_tokenizer_set_slot(a->tz, entry, s);
    return s;
}

/* The model's stem id + 1 of a cached word (0: its stem is in no vocabulary term), memoised. */
static inline uint32_t stem_id(nd_analyzer *a, uint32_t entry, uint32_t off, uint32_t len, int memo)
{
    uint32_t s = nd_tokenizer_slot(a->tz, entry);
    if (s == ND_SLOT_UNSET) return new_stem_id(a, entry, off, len, memo);
    return memo ? a->wm[s].stem : s;
}

/*
 * A term of its sentence (word, bigram, number shape), not of the whole
 * article ('@' places, '^' title words, '%' a dateline's place) nor a piece of a word ('~')?
 */
static int sentence_term(const nd_terms *terms, const nd_term *tm)
{
    if (tm->entry != ND_SLOT_UNSET) return 1;
    char k0 = terms->keys.data[tm->off];
    return k0 != '@' && k0 != '^' && k0 != '~' && k0 != '%';
}

/* Feature fid's place in the dense accumulator, given the next local id when first seen this article. */
static inline struct dense *touch(nd_analyzer *a, uint32_t fid)
{
    struct dense *e = &a->dense[fid];
    if (e->v == 0) {   /* weights are positive: first seen */
        e->lid = (uint32_t)a->ntouched;
        a->touched[a->ntouched++] = fid;
        __builtin_prefetch(&a->m->idf[fid]);
    }
    return e;
}

/*
 * The first pass of vectorize: the feature ids of unigrams and pseudo-terms,
 * the keys of bigrams. Inlined twice, with and without the words' memos.
 */
static inline __attribute__((always_inline)) void term_ids(nd_analyzer *a, const nd_terms *terms, const int memo)
{
    const nd_model *m = a->m;
    for (size_t i = 0; i < terms->n; i++) {
        const nd_term *tm = &terms->v[i];
        uint32_t fid = 0;
        a->pkey[i] = 0;
        if (tm->entry != ND_SLOT_UNSET) {   /* unigram or bigram: by the words' memoised stem ids */
            uint32_t sa = stem_id(a, tm->entry, tm->off, tm->len, memo);
            if (tm->entry2 == ND_SLOT_UNSET) {
                fid = sa ? m->stem_fid[sa - 1] : 0;
            } else if (sa && m->pair) {
                uint32_t sb = stem_id(a, tm->entry2, tm->off2, tm->len2, memo);
                if (sb) {
                    a->pkey[i] = (uint64_t)sa << 32 | sb;
                    __builtin_prefetch(&m->pair[nd_model_pair_slot(m, a->pkey[i])]);
                }
            }
        } else {
            fid = nd_model_feature(m, terms->keys.data + tm->off, tm->len, tm->hash);
        }
        a->fid[i] = fid;
        if (fid) __builtin_prefetch(&a->dense[fid]);
    }
}

/* Terms [from, to) into the accumulator; with 'occurrences', the sentences' terms into a->occ too. */
static inline void add_terms(nd_analyzer *a, const nd_terms *terms, size_t from, size_t to, int occurrences)
{
    for (size_t i = from; i < to; i++) {
        const nd_term *tm = &terms->v[i];
        uint32_t fid = a->fid[i];
        if (!fid) continue;
        struct dense *e = touch(a, fid);
        e->v += tm->w;
        if (occurrences && sentence_term(terms, tm))
            a->occ[a->nocc++] = (struct nd_occ){ tm->sent, e->lid, tm->w };
    }
}

/*
 * The words' 4-grams from their memos, in the order and with the weights
 * nd_terms_build gives them with subwords on (so the sums are the same to
 * the bit); they are no sentence's terms.
 */
static void add_subwords(nd_analyzer *a)
{
    const nd_tokens *tk = &a->doc.tk;
    for (size_t i = 0; i < tk->n; i++) {
        const nd_token *t = &tk->v[i];
        if (!nd_token_subworded(&a->cfg, t)) continue;
        float w = nd_token_weight(&a->cfg, t) * a->subwords;
        stem_id(a, t->entry, t->stem_off, t->stem_len, 1);   /* makes the memo, if the word's unigram did not */
        const struct word_memo *wm = &a->wm[nd_tokenizer_slot(a->tz, t->entry)];
        ND_GROW(a->touched, a->ntouched + wm->n, a->touched_alloc);
        for (uint32_t k = 0; k < wm->n; k++) touch(a, a->sub[wm->off + k])->v += w;
    }
}

/*
 * Vectorise the prepared document (in d->vec, features in the order first
 * seen); with 'occurrences', also collect the terms by sentence, with the
 * local ids of their features, for the summarizer. No classification.
 */
static void vectorize_terms(nd_analyzer *a, int occurrences)
{
    const nd_model *m = a->m;
    nd_doc *d = &a->doc;
    if (a->subwords > 0 && nd_tokenizer_epoch(a->tz) != a->epoch) {   /* the slots were unset: so are their memos */
        a->epoch = nd_tokenizer_epoch(a->tz);
        a->nwm = a->nsub = 0;
    }
    a->nocc = 0;
    a->ntouched = 0;
    const nd_terms *terms = &d->terms;
    ND_GROW(a->occ, terms->n, a->occ_alloc);
    ND_GROW(a->touched, terms->n, a->touched_alloc);
    ND_GROW(a->fid, terms->n, a->fid_alloc);
    ND_GROW(a->pkey, terms->n, a->pkey_alloc);
    /*
     * Three passes, so that the lookups in tables far bigger than the cache
     * (bigram pairs, the dense vector, the IDF) are prefetched a whole
     * article ahead instead of waited for one at a time: ids of unigrams and
     * pseudo-terms and the keys of bigrams; the bigrams' probes; the sums.
     */
    if (a->subwords > 0) term_ids(a, terms, 1);
    else term_ids(a, terms, 0);
    for (size_t i = 0; i < terms->n; i++)
        if (a->pkey[i]) {
            uint32_t fid = nd_model_pair(m, (uint32_t)(a->pkey[i] >> 32), (uint32_t)a->pkey[i]);
            a->fid[i] = fid;
            if (fid) __builtin_prefetch(&a->dense[fid]);
        }
    add_terms(a, terms, 0, terms->sub_at, occurrences);
    if (a->subwords > 0) {   /* the words' 4-grams go between the words and the places */
        add_subwords(a);
        ND_GROW(a->touched, a->ntouched + (terms->n - terms->sub_at), a->touched_alloc);   /* room for the places */
    }
    add_terms(a, terms, terms->sub_at, terms->n, occurrences);
    double ss = 0;
    if (occurrences) ND_GROW(a->lidf, a->ntouched + 1, a->lidf_alloc);
    for (size_t i = 0; i < a->ntouched; i++) {
        uint32_t f = a->touched[i];
        double c = a->dense[f].v;
        float idf = m->idf[f];
        if (occurrences) a->lidf[i] = idf;
        float v = (float)(nd_sublinear_tf(c) * idf);
        a->dense[f].v = v;
        ss += (double)v * v;
    }
    float inv = ss > 0 ? (float)(1.0 / sqrt(ss)) : 0;
    d->vec.n = 0;
    for (size_t i = 0; i < a->ntouched; i++) {   /* in local id order: vec.val[lid] */
        uint32_t f = a->touched[i];
        a->dense[f].v *= inv;
        nd_svec_push(&d->vec, f, a->dense[f].v);
    }
}

/* Prepare 'rec' (find its story, cut its sentences, read its words) and vectorise it. */
static void vectorize(nd_analyzer *a, const nd_record *rec, int keep_boilerplate, int occurrences)
{
    const nd_model *m = a->m;
    nd_doc_prepare(&a->doc, a->tz, m->gaz.nregions ? &m->gaz : NULL, &a->cfg, m->ex, rec->title, rec->text, rec->url,
                   keep_boilerplate);
    vectorize_terms(a, occurrences);
}

static void clear_dense(nd_analyzer *a)
{
    for (size_t i = 0; i < a->ntouched; i++) a->dense[a->touched[i]].v = 0;
    a->ntouched = 0;
}

const double *nd_analyzer_sentence_features(nd_analyzer *a, const nd_record *rec, size_t *n, const nd_doc **doc,
                                           nd_tokenizer **tz)
{
    *tz = a->tz;
    vectorize(a, rec, 0, 1);
    nd_sumin in = sum_input(a, rec);
    *n = nd_summarizer_prepare(a->sum, &in);
    *doc = &a->doc;
    clear_dense(a);
    return nd_summarizer_features(a->sum);
}

/*
 * The language of the story in 'd' when it is not the model's. A news
 * text in the model's language has a third or more of its words among
 * that language's function words; only one with under a fifth is counted
 * against every language's list (its first 4 KB), and named when another
 * language has one word in eight and twice the hits of the model's, or
 * when most of its characters are of a script whose languages have no
 * function words here (Chinese, Japanese, Korean) and not the model's.
 */
#define ND_FOREIGN_WORDS 40
static const char *foreign_language(const nd_analyzer *a, const nd_doc *d)
{
    if (d->tk.n < ND_FOREIGN_WORDS || d->tk.stops * 5 >= d->tk.n) return NULL;
    nd_langcount c;
    memset(&c, 0, sizeof(c));
    nd_lang_count_text(d->clean.data, d->clean.len < 4096 ? d->clean.len : 4096, &c);
    const nd_language *mine = nd_tokenizer_language(a->tz);
    int g = nd_lang_guess(&c), own = nd_language_stoplist(mine);
    if (g >= 0 && g != own && (size_t)c.hits[g] * 8 >= c.words && (own < 0 || c.hits[g] >= 2 * c.hits[own]))
        return nd_lang_code(g);
    const char *script = nd_lang_script(&c);
    return script && strcmp(script, mine->code) ? script : NULL;
}

nd_status nd_analyze(nd_analyzer *a, const nd_record *rec, const nd_analyze_opts *o, nd_result *res, nd_err *err)
{
    const nd_model *m = a->m;
    res->nsummary = 0;
    res->nsentences = 0;
    res->foreign = NULL;
    for (int t = 0; t < ND_NTASKS; t++) {
        res->label[t] = NULL;
        res->confidence[t] = 0;
        res->nlabels[t] = 0;
    }
    if (rec->error) return nd_fail(err, rec->error_code, "%s", rec->error);
    if (!rec->text) return nd_fail(err, ND_ERR_EMPTY, "record has no text");
    nd_doc *d = &a->doc;
    res->summarized = 0;
    if (!o->classify && !o->summarize) {   /* the story alone */
        size_t head = nd_story(&d->page, m->ex, rec->text, strlen(rec->text), &d->clean, o->keep_boilerplate);
        d->title = rec->title && *rec->title ? rec->title : d->page.title.len ? d->page.title.data : NULL;
        nd_sentences_lang(d->clean.data, d->clean.len, nd_tokenizer_language(a->tz), &d->sents);
        story_result(d, nd_headline_title(d->title, d->clean.data, head, &d->sents), o, res);
        return ND_OK;
    }

    vectorize(a, rec, o->keep_boilerplate, o->summarize);
    if (o->story || o->explain) story_result(d, d->head, o, res);
    res->foreign = foreign_language(a, d);

    if (o->classify) {
        for (int t = 0; t < ND_NTASKS; t++) {
            const nd_linsvm *s = m->task[t];
            if (!s) continue;
            double conf;
            nd_view view = nd_model_view(m, t);
            int c = nd_linsvm_predict(s, &d->vec, &view, a->scratch, &conf);
            res->label[t] = conf < o->min_confidence ? "unknown" : s->labels[c];
            res->confidence[t] = conf;
            if (o->probabilities) {
                ND_GROW(res->prob[t], (size_t)s->nclass, res->prob_alloc[t]);
                nd_linsvm_probabilities(s, a->scratch, res->prob[t]);
                res->nlabels[t] = (size_t)s->nclass;
                res->labels[t] = (const char *const *)s->labels;
            }
        }
    }
    res->summarized = o->summarize;
    if (o->summarize) {
        /*
         * A story in another language than the model's is cut into
         * sentences by its own language's rules ("am 3. Oktober", "15 bzw.
         * 7,6 Prozent" end no German sentence); the classifiers above read
         * the model's cut.
         */
        const nd_language *own = res->foreign ? nd_language_find(res->foreign) : NULL;
        if (own && own != nd_tokenizer_language(a->tz)) {
            clear_dense(a);
            d->sent_lang = own;
            nd_doc_resplit(d, a->tz, m->gaz.nregions ? &m->gaz : NULL, &a->cfg, rec->text, strlen(rec->text), rec->url);
            d->sent_lang = NULL;
            vectorize_terms(a, 1);
        }
        summarize(a, rec, o, res->foreign ? own : nd_tokenizer_language(a->tz), res);
    }
    clear_dense(a);
    return ND_OK;
}
