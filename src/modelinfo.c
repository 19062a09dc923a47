/*
 * modelinfo.c -- what `newsdesk info` shows of a bundle: its format,
 * language, features and settings, each task's labels, C and
 * cross-validated accuracy with the top terms of each label, the sentence
 * model and the block model; as text, or as one JSON object.
 */
#include "lang.h"
#include "story.h"
#include "text.h"

#include <stdlib.h>   /* free, qsort */

struct scored { double score; uint32_t f; };

static int cmp_scored(const void *a, const void *b)
{
    const struct scored *x = a, *y = b;
    if (x->score != y->score) return x->score < y->score ? 1 : -1;
    return x->f < y->f ? -1 : x->f > y->f;
}

/*
 * The 'top' features that weigh most for each class of task s, class-major
 * (nclass * top ids; fewer features: the rest 0). A label's weight for a
 * feature is its pairs' weights, signed toward it.
 */
static uint32_t *top_features(const nd_model *m, const nd_linsvm *s, size_t top)
{
    uint32_t *out = nd_xcalloc((size_t)s->nclass * top + 1, sizeof(*out));
    const int *lab = s->lab;
    int *pi = nd_xmalloc((size_t)s->npairs * sizeof(int)), *pj = nd_xmalloc((size_t)s->npairs * sizeof(int));
    int p = 0;
    for (int i = 0; i < s->nclass; i++)
        for (int j = i + 1; j < s->nclass; j++, p++) pi[p] = lab[i], pj[p] = lab[j];
    struct scored *sc = nd_xmalloc((m->vocab.n + 1) * sizeof(*sc));
    int *rp = nd_xmalloc((size_t)s->npairs * sizeof(int));
    float *rw = nd_xmalloc((size_t)s->npairs * sizeof(float));
    for (int c = 0; c < s->nclass; c++) {
        for (uint32_t f = 1; f <= s->nfeat; f++) {
            double v = 0;
            size_t nr = nd_linsvm_row(s, f, rp, rw);
            for (size_t k = 0; k < nr; k++) {
                if (pi[rp[k]] == c) v += rw[k];
                else if (pj[rp[k]] == c) v -= rw[k];
            }
            sc[f - 1] = (struct scored){ v, f };
        }
        qsort(sc, s->nfeat, sizeof(*sc), cmp_scored);
        for (size_t i = 0; i < top && i < s->nfeat; i++) out[(size_t)c * top + i] = sc[i].f;
    }
    free(sc);
    free(rp);
    free(rw);
    free(pi);
    free(pj);
    return out;
}

void nd_model_describe(const nd_model *m, size_t top, nd_buf *out)
{
    nd_buf_addf(out, "format        newsdesk-model %d\n", m->format);
    nd_buf_addf(out, "language      %s (%s; %s, %s stop words)\n", m->lang->code, m->lang->name,
                m->lang->stemmed ? "Snowball stemmer" : "no stemmer", nd_language_has_stopwords(m->lang) ? "its" : "no");
    nd_buf_addf(out, "features      %zu (IDF over %u documents; unigrams%s%s%s, %s%s)\n", m->vocab.n, m->ndocs,
                m->opts.bigrams ? " + bigrams" : "", m->opts.subwords > 0 ? " + their character 4-grams" : "",
                m->opts.dateline_weight > 0 ? m->opts.placeless_weight > 0 ? " + datelines' places or none" : " + datelines' places" : "",
                m->lang->stemmed ? "stems" : "words as written",
                nd_language_has_stopwords(m->lang) ? ", stop words removed" : "");
    nd_buf_addf(out,
                "settings      min_df=%d max_df=%g max_features=%d title_weight=%g lead_weight=%g numbers=%d "
                "title_terms=%d geo_weight=%g subwords=%g dateline_weight=%g placeless_weight=%g\n",
                m->opts.min_df, m->opts.max_df, m->opts.max_features, m->opts.title_weight, m->opts.lead_weight,
                m->opts.numbers, m->opts.title_terms, m->opts.geo_weight, m->opts.subwords, m->opts.dateline_weight,
                m->opts.placeless_weight);
    if (m->gaz.nregions)
        nd_buf_addf(out, "gazetteer     %zu places, %zu currencies' signs, %zu regions\n", m->gaz.map.n, m->gaz.nmoney,
                    m->gaz.nregions);
    if (m->digest) nd_buf_addf(out, "data digest   %s\n", m->digest);
    for (int t = 0; t < ND_NTASKS; t++) {
        const nd_linsvm *s = m->task[t];
        if (!s) continue;
        nd_buf_addf(out, "\ntask %s: %d labels, %d training documents, C=%g, cross-validated accuracy %.2f%%, %s%s",
                    nd_task_name((nd_task)t), s->nclass, m->ndocs_task[t], m->best_c[t], 100 * m->cv_accuracy[t],
                    s->prob_a ? "Platt-calibrated confidences" : "vote confidences",
                    s->uniform_prior ? ", every label equally likely a priori" : "");
        if (m->solver_task[t]) nd_buf_addf(out, ", fitted by %s", nd_solver_name(m->solver_task[t]));
        nd_buf_addc(out, '\n');
        if (!top) continue;
        uint32_t *tf = top_features(m, s, top);
        for (int c = 0; c < s->nclass; c++) {
            nd_buf_addf(out, "  %-16s", s->labels[c]);
            for (size_t i = 0; i < top && tf[(size_t)c * top + i]; i++)
                nd_buf_addf(out, "%s%s", i ? ", " : " ", nd_strmap_key(&m->vocab, tf[(size_t)c * top + i] - 1));
            nd_buf_addc(out, '\n');
        }
        free(tf);
    }
    if (m->sum) {
        nd_buf_addf(out, "\nsummarizer: learned sentence scorer over %d features", ND_SFEAT);
        if (m->sum->c > 0) nd_buf_addf(out, ", C=%g", m->sum->c);
        nd_buf_addf(out, ", learned from %s references", (m->sum->lang ? m->sum->lang : m->lang)->code);
        if (m->sum->calibrated) nd_buf_addf(out, ", Platt A=%.3f B=%.3f", m->sum->pa, m->sum->pb);
        nd_buf_adds(out, "; weights");
        for (int k = 0; k < ND_SFEAT; k++) nd_buf_addf(out, " %.3f", m->sum->w[k]);
        nd_buf_addc(out, '\n');
    }
    if (m->ex) {
        int named = 0;
        for (int k = 0; k < ND_BFEAT; k++) named += strncmp(nd_bfeat_name(k), "unused", 6) != 0;
        nd_buf_addf(out, "\nstory extraction: two-stage block model, %d features of a block, %d of its context\n", named,
                    ND_BCTX);
        for (int f = 0; f < ND_NFORMS; f++) {
            const nd_blocklm *lm = &m->ex->form[f];
            if (!lm->trained) continue;
            nd_buf_addf(out, "  %-5s %d pages, %d labelled blocks, C=%g", nd_form_names[f], lm->pages, lm->blocks, lm->c1);
            if (lm->c2 > 0) nd_buf_addf(out, " then C=%g", lm->c2);
            else nd_buf_adds(out, ", no second stage");
            nd_buf_addf(out, ", shift %g, switching cost %g", lm->shift, lm->lambda);
            if (lm->weigh != 0) nd_buf_addf(out, " (blocks weighed by length^%g)", lm->weigh);
            nd_buf_addf(out, ", cross-validated F1 %.4f\n", lm->cv_f1);
        }
    }
    if (m->metrics) nd_buf_addf(out, "\nmetrics\n%s", m->metrics);
}

/* 'key': value, with the comma before it unless it is the first of its object. */
static void json_key(nd_buf *out, int *first, const char *key)
{
    if (!*first) nd_buf_addc(out, ',');
    *first = 0;
    nd_json_string(out, key);
    nd_buf_addc(out, ':');
}

void nd_model_describe_json(const nd_model *m, size_t top, nd_buf *out)
{
    int f0 = 1;
    nd_buf_addc(out, '{');
    json_key(out, &f0, "format");
    nd_buf_addf(out, "%d", m->format);
    json_key(out, &f0, "language");
    nd_buf_addf(out, "{\"code\":\"%s\",\"name\":\"%s\",\"stemmer\":%s,\"stop_words\":%s}", m->lang->code, m->lang->name,
                m->lang->stemmed ? "true" : "false", nd_language_has_stopwords(m->lang) ? "true" : "false");
    json_key(out, &f0, "features");
    nd_buf_addf(out, "%zu", m->vocab.n);
    json_key(out, &f0, "documents");
    nd_buf_addf(out, "%u", m->ndocs);
    json_key(out, &f0, "settings");
    nd_buf_addf(out,
                "{\"min_df\":%d,\"max_df\":%.17g,\"max_features\":%d,\"bigrams\":%d,\"title_weight\":%.17g,"
                "\"lead_weight\":%.17g,\"numbers\":%d,\"title_terms\":%d,\"geo_weight\":%.17g,\"subwords\":%.17g,"
                "\"dateline_weight\":%.17g,\"placeless_weight\":%.17g}",
                m->opts.min_df, m->opts.max_df, m->opts.max_features, m->opts.bigrams, m->opts.title_weight,
                m->opts.lead_weight, m->opts.numbers, m->opts.title_terms, m->opts.geo_weight, m->opts.subwords,
                m->opts.dateline_weight, m->opts.placeless_weight);
    json_key(out, &f0, "gazetteer");
    if (m->gaz.nregions)
        nd_buf_addf(out, "{\"places\":%zu,\"currencies\":%zu,\"regions\":%zu}", m->gaz.map.n, m->gaz.nmoney,
                    m->gaz.nregions);
    else nd_buf_adds(out, "null");
    json_key(out, &f0, "data_digest");
    if (m->digest) nd_json_string(out, m->digest);
    else nd_buf_adds(out, "null");
    json_key(out, &f0, "tasks");
    nd_buf_addc(out, '{');
    int f1 = 1;
    for (int t = 0; t < ND_NTASKS; t++) {
        const nd_linsvm *s = m->task[t];
        if (!s) continue;
        json_key(out, &f1, nd_task_name((nd_task)t));
        nd_buf_addf(out, "{\"documents\":%d,\"C\":%.17g,\"cv_accuracy\":%.4f,\"calibration\":\"%s\",\"prior\":\"%s\",",
                    m->ndocs_task[t], m->best_c[t], m->cv_accuracy[t], s->prob_a ? "platt" : "votes",
                    s->uniform_prior ? "uniform" : "training");
        if (m->solver_task[t]) nd_buf_addf(out, "\"solver\":\"%s\",", nd_solver_name(m->solver_task[t]));
        else nd_buf_adds(out, "\"solver\":null,");
        nd_buf_adds(out, "\"labels\":{");
        uint32_t *tf = top ? top_features(m, s, top) : NULL;
        for (int c = 0; c < s->nclass; c++) {
            if (c) nd_buf_addc(out, ',');
            nd_json_string(out, s->labels[c]);
            nd_buf_adds(out, ":{\"training_documents\":");
            if (s->count) nd_buf_addf(out, "%d", s->count[c]);
            else nd_buf_adds(out, "null");
            nd_buf_adds(out, ",\"top_terms\":[");
            for (size_t i = 0; tf && i < top && tf[(size_t)c * top + i]; i++) {
                if (i) nd_buf_addc(out, ',');
                nd_json_string(out, nd_strmap_key(&m->vocab, tf[(size_t)c * top + i] - 1));
            }
            nd_buf_adds(out, "]}");
        }
        free(tf);
        nd_buf_adds(out, "}}");
    }
    nd_buf_addc(out, '}');
    json_key(out, &f0, "summarizer");
    if (m->sum) {
        nd_buf_addf(out, "{\"features\":%d,\"C\":%.17g,\"calibrated\":%s,\"language\":\"%s\"}", ND_SFEAT, m->sum->c,
                    m->sum->calibrated ? "true" : "false", (m->sum->lang ? m->sum->lang : m->lang)->code);
    } else {
        nd_buf_adds(out, "null");
    }
    json_key(out, &f0, "extractor");
    if (m->ex) {
        nd_buf_addc(out, '{');
        int f2 = 1;
        for (int f = 0; f < ND_NFORMS; f++)
            if (m->ex->form[f].trained) {
                json_key(out, &f2, nd_form_names[f]);
                const nd_blocklm *lm = &m->ex->form[f];
                nd_buf_addf(out,
                            "{\"pages\":%d,\"blocks\":%d,\"C1\":%.17g,\"C2\":%.17g,\"shift\":%.17g,\"lambda\":%.17g,"
                            "\"weigh\":%.17g,\"cv_f1\":%.4f}",
                            lm->pages, lm->blocks, lm->c1, lm->c2, lm->shift, lm->lambda, lm->weigh, lm->cv_f1);
            }
        nd_buf_addc(out, '}');
    } else {
        nd_buf_adds(out, "null");
    }
    json_key(out, &f0, "metrics");
    nd_buf_addc(out, '[');
    int lines = 0;
    for (const char *p = m->metrics; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n) {
            char *line = nd_xstrndup(p, n);
            if (lines++) nd_buf_addc(out, ',');
            nd_json_string(out, line);
            free(line);
        }
        p += n + (nl != NULL);
    }
    nd_buf_adds(out, "]}\n");
}
