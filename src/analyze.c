/*
 * analyze.c -- one article through the whole pipeline: clean, sentences,
 * tokens, terms (once), the TF-IDF vector for both classifiers, and sentence
 * vectors in the same space for the summary.
 */
#include "text.h"

#include <math.h>    /* log, sqrt */
#include <stdlib.h>  /* free */

struct nd_analyzer {
    const nd_model *m;
    nd_feature_cfg cfg;
    nd_tokenizer *tz;
    nd_doc doc;
    double *scratch;
    /* body term occurrences, bucketed by sentence */
    struct occ { uint32_t sent, fid; float w; } *occ, *occ2;
    size_t nocc, occ_alloc;
    size_t *bucket;
    size_t bucket_alloc;
    nd_svec xg;          /* the article vector as the region classifier sees it */
    /*
     * Dense accumulators over the feature space (zero between uses; only
     * touched entries are reset): the article's TF-IDF vector, which the
     * sentence vectors are scored against, and one sentence's.
     */
    float *dvec, *sen;
    uint32_t *touched;
    size_t ntouched, touched_alloc;
    double *score;
    size_t score_alloc;
};

void nd_analyze_opts_init(nd_analyze_opts *o)
{
    o->classify = 1;
    o->summarize = 1;
    o->method = ND_SUM_CENTROID;
    o->sentences = 3;
    o->min_confidence = 0;
    o->keep_boilerplate = 0;
}

void nd_result_init(nd_result *r)
{
    memset(r, 0, sizeof(*r));
}

void nd_result_release(nd_result *r)
{
    for (size_t i = 0; i < ND_MAX_SUMMARY; i++)
        if (r->summary[i].data) nd_buf_release(&r->summary[i]);
    nd_result_init(r);
}

nd_analyzer *nd_analyzer_new(const nd_model *m)
{
    nd_analyzer *a = nd_xcalloc(1, sizeof(*a));
    a->m = m;
    a->cfg = nd_model_cfg(m);
    a->tz = nd_tokenizer_new();
    if (!a->tz) {
        free(a);
        return NULL;
    }
    nd_doc_init(&a->doc);
    nd_svec_init(&a->xg);
    a->dvec = nd_xcalloc(nd_model_nfeatures(m) + 1, sizeof(float));
    a->sen = nd_xcalloc(nd_model_nfeatures(m) + 1, sizeof(float));
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
    nd_svec_release(&a->xg);
    free(a->dvec);
    free(a->sen);
    free(a->touched);
    free(a->scratch);
    free(a->occ);
    free(a->occ2);
    free(a->bucket);
    free(a->score);
    free(a);
}

/* A sentence worth putting in a summary: some words, not just a dateline or a caption. */
static int story_sentence(const nd_doc *d, size_t s, size_t nwords)
{
    (void)d;
    (void)s;
    return nwords >= 4;
}

static void summarize(nd_analyzer *a, const nd_analyze_opts *o, nd_result *res)
{
    nd_doc *d = &a->doc;
    size_t ns = d->sents.n;
    res->nsentences = ns;
    if (ns == 0) return;
    size_t k = o->sentences > 0 ? (size_t)o->sentences : 3;
    if (k > ND_MAX_SUMMARY) k = ND_MAX_SUMMARY;

    /* words per sentence, for the story-sentence test */
    ND_GROW(a->bucket, ns + 1, a->bucket_alloc);
    memset(a->bucket, 0, (ns + 1) * sizeof(*a->bucket));
    for (size_t i = 0; i < d->tk.n; i++)
        if (d->tk.v[i].sent != ND_SENT_TITLE) a->bucket[d->tk.v[i].sent]++;
    if (a->score_alloc < ns) {
        a->score = nd_xrealloc(a->score, ns * sizeof(*a->score));
        a->score_alloc = ns;
    }
    for (size_t s = 0; s < ns; s++) a->score[s] = story_sentence(d, s, a->bucket[s]) ? 0 : -1;

    if (o->method == ND_SUM_CENTROID) {
        /* counting sort of body occurrences by sentence */
        memset(a->bucket, 0, (ns + 1) * sizeof(*a->bucket));
        for (size_t i = 0; i < a->nocc; i++) a->bucket[a->occ[i].sent + 1]++;
        for (size_t s = 0; s < ns; s++) a->bucket[s + 1] += a->bucket[s];
        a->occ2 = nd_xrealloc(a->occ2, (a->occ_alloc ? a->occ_alloc : 1) * sizeof(*a->occ2));
        for (size_t i = 0; i < a->nocc; i++) a->occ2[a->bucket[a->occ[i].sent]++] = a->occ[i];
        size_t start = 0;
        const float *idf = a->m->idf;
        for (size_t s = 0; s < ns; s++) {
            size_t end = a->bucket[s];
            if (a->score[s] >= 0) {
                /* the sentence's TF-IDF vector, its norm, and its dot product with the article's */
                for (size_t i = start; i < end; i++) a->sen[a->occ2[i].fid] += a->occ2[i].w;
                double ss = 0, dot = 0;
                for (size_t i = start; i < end; i++) {
                    uint32_t f = a->occ2[i].fid;
                    double c = a->sen[f];
                    if (c == 0) continue;   /* a repeated feature, already counted */
                    double v = (c >= 1 ? 1.0 + log(c) : c) * idf[f];
                    ss += v * v;
                    dot += v * a->dvec[f];
                    a->sen[f] = 0;
                }
                a->score[s] = (ss > 0 ? dot / sqrt(ss) : 0) + 1e-9;   /* cosine; > 0 marks a candidate */
            }
            start = end;
        }
    } else {
        for (size_t s = 0; s < ns; s++)
            if (a->score[s] >= 0) a->score[s] = 1.0 / (1.0 + (double)s);
    }
    /* top k by score, ties to the earlier sentence; emitted in document order */
    uint8_t chosen_buf[ND_MAX_SUMMARY];
    (void)chosen_buf;
    size_t nchosen = 0;
    uint32_t pick[ND_MAX_SUMMARY];
    while (nchosen < k) {
        size_t best = ns;
        for (size_t s = 0; s < ns; s++) {
            if (a->score[s] < 0) continue;
            if (best == ns || a->score[s] > a->score[best]) best = s;
        }
        if (best == ns) break;
        pick[nchosen++] = (uint32_t)best;
        a->score[best] = -1;
    }
    if (nchosen == 0) {   /* nothing looks like a story sentence: fall back to the first ones */
        for (size_t s = 0; s < ns && nchosen < k; s++) pick[nchosen++] = (uint32_t)s;
    }
    for (size_t i = 1; i < nchosen; i++) {
        uint32_t v = pick[i];
        size_t j = i;
        while (j > 0 && pick[j - 1] > v) pick[j] = pick[j - 1], j--;
        pick[j] = v;
    }
    res->nsummary = nchosen;
    for (size_t i = 0; i < nchosen; i++) {
        res->summary_index[i] = pick[i];
        if (!res->summary[i].data) nd_buf_init(&res->summary[i]);
        nd_buf_reset(&res->summary[i]);
        const nd_span *sp = &d->sents.v[pick[i]];
        /* a sentence may span a line break inside a paragraph: flatten it */
        for (uint32_t c = 0; c < sp->len; c++) {
            char ch = d->clean.data[sp->off + c];
            nd_buf_addc(&res->summary[i], ch == '\n' || ch == '\t' || ch == '\r' ? ' ' : ch);
        }
    }
}

nd_status nd_analyze(nd_analyzer *a, const nd_record *rec, const nd_analyze_opts *o, nd_result *res, nd_err *err)
{
    const nd_model *m = a->m;
    res->nsummary = 0;
    res->nsentences = 0;
    for (int t = 0; t < ND_NTASKS; t++) {
        res->label[t] = NULL;
        res->confidence[t] = 0;
    }
    if (rec->error) return nd_fail(err, rec->error_code, "%s", rec->error);
    if (!rec->text) return nd_fail(err, ND_ERR_EMPTY, "record has no text");
    nd_doc *d = &a->doc;
    nd_doc_prepare(d, a->tz, m->gaz.nregions ? &m->gaz : NULL, &a->cfg, rec->title, rec->text, o->keep_boilerplate);

    /* one vector for the article; body occurrences kept for sentence vectors */
    a->nocc = 0;
    a->ntouched = 0;
    const nd_terms *terms = &d->terms;
    ND_GROW(a->occ, terms->n, a->occ_alloc);
    ND_GROW(a->touched, terms->n, a->touched_alloc);
    for (size_t i = 0; i < terms->n; i++) {
        const nd_term *tm = &terms->v[i];
        uint32_t fid;
        if (tm->entry != ND_SLOT_UNSET) {   /* a unigram: its feature id is memoised per word */
            fid = nd_tokenizer_slot(a->tz, tm->entry);
            if (fid == ND_SLOT_UNSET) {
                const char *key = nd_term_key(terms, a->tz, tm);
                fid = nd_model_feature(m, key, tm->len, nd_hash(key, tm->len));
                nd_tokenizer_set_slot(a->tz, tm->entry, fid);
            }
        } else {
            fid = nd_model_feature(m, terms->keys.data + tm->off, tm->len, tm->hash);
        }
        if (!fid) continue;
        if (a->dvec[fid] == 0) a->touched[a->ntouched++] = fid;
        a->dvec[fid] += tm->w;
        if (tm->sent != ND_SENT_TITLE && terms->keys.data[tm->off] != '@')
            a->occ[a->nocc++] = (struct occ){ tm->sent, fid, tm->w };
    }
    double ss = 0;
    for (size_t i = 0; i < a->ntouched; i++) {
        uint32_t f = a->touched[i];
        double c = a->dvec[f];
        float v = (float)((c >= 1 ? 1.0 + log(c) : c) * m->idf[f]);
        a->dvec[f] = v;
        ss += (double)v * v;
    }
    float inv = ss > 0 ? (float)(1.0 / sqrt(ss)) : 0;
    d->vec.n = 0;
    for (size_t i = 0; i < a->ntouched; i++) {
        uint32_t f = a->touched[i];
        a->dvec[f] *= inv;
        nd_svec_push(&d->vec, f, a->dvec[f]);
    }

    if (o->classify) {
        for (int t = 0; t < ND_NTASKS; t++) {
            const nd_linsvm *s = m->task[t];
            if (!s) continue;
            double conf, g = nd_model_geo_scale(m, t);
            const nd_svec *x = &d->vec;
            if (g != 1.0) {
                nd_svec_scale_range(x, m->geo_lo, m->geo_hi, g, &a->xg);
                x = &a->xg;
            }
            int c = nd_linsvm_predict(s, x, a->scratch, &conf);
            res->label[t] = conf < o->min_confidence ? "unknown" : s->labels[c];
            res->confidence[t] = conf;
        }
    }
    res->summarized = o->summarize;
    if (o->summarize) summarize(a, o, res);
    for (size_t i = 0; i < a->ntouched; i++) a->dvec[a->touched[i]] = 0;
    return ND_OK;
}
