/*
 * fuzz_analyze.c -- libFuzzer target: any text as an article (the first line
 * its title, or no title), through clutter removal, sentences, tokens, both classifiers and
 * a summary with the default model; a fifth of the inputs with a German bundle
 * (tiny-de, which make fuzz trains: its stems' character 4-grams are terms
 * too, and the gazetteer's places after them; a dateline's place is a term) when there is one. Checks what a
 * result promises: labels with confidences in [0, 1], summary indices ascending and in range. The text is
 * also split into sentences by one language's rules (each language in turn),
 * whose spans must lie inside it, in order, and the place of each one's dateline inside the sentence.
 */
#include "lang.h"
#include "newsdesk.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static nd_model *model, *german;
static nd_analyzer *an, *an_de;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!model) {
        nd_err err;
        if (!(model = nd_model_load("../models/default", &err)) || !(an = nd_analyzer_new(model))) abort();
        if ((german = nd_model_load("tiny-de", &err)) && !(an_de = nd_analyzer_new(german))) abort();
    }
    nd_buf text;   /* as the reader hands it over: valid UTF-8 */
    nd_buf_init(&text);
    nd_utf8_repair((const char *)data, size, &text);
    nd_record rec;
    nd_record_init(&rec);
    char *nl = memchr(text.data, '\n', text.len);
    rec.title = nl && size % 3 ? nd_xstrndup(text.data, (size_t)(nl - text.data)) : NULL;   /* a third without a title */
    rec.text = nd_buf_detach(&text);
    nd_buf_release(&text);
    static const int methods[] = { ND_SUM_LEARNED, ND_SUM_TEXTRANK, ND_SUM_CENTROID, ND_SUM_LEAD };
    nd_analyze_opts o;
    nd_analyze_opts_init(&o);
    o.method = (nd_sum_method)methods[size % 4];
    o.keep_boilerplate = size % 8 == 7;
    nd_result res;
    nd_result_init(&res);
    nd_err err;
    if (nd_analyze(an_de && size % 5 == 0 ? an_de : an, &rec, &o, &res, &err) == ND_OK) {
        for (int t = 0; t < ND_NTASKS; t++)
            if (res.label[t] && !(res.confidence[t] >= 0 && res.confidence[t] <= 1)) abort();
        for (size_t i = 0; i < res.nsummary; i++)
            if (res.summary_index[i] >= res.nsentences || (i && res.summary_index[i] <= res.summary_index[i - 1])) abort();
    }
    nd_result_release(&res);
    static int nlang;
    while (nd_language_at(nlang)) nlang++;
    nd_spans sp;
    nd_spans_init(&sp);
    size_t len = strlen(rec.text);
    nd_sentences_lang(rec.text, len, nd_language_at((int)(size % (size_t)nlang)), &sp);
    for (size_t i = 0; i < sp.n; i++) {
        if (!sp.v[i].len || sp.v[i].off + sp.v[i].len > len || (i && sp.v[i].off < sp.v[i - 1].off + sp.v[i - 1].len)) abort();
        size_t from, place = nd_dateline_place(rec.text + sp.v[i].off, sp.v[i].len, &from);
        if (place && from + place > sp.v[i].len) abort();
    }
    nd_spans_release(&sp);
    nd_record_release(&rec);
    return 0;
}
