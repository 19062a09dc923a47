/* test_summarize.c -- summary length options, methods, MMR, and the batch engine's order and early stop. */
#include "text.h"
#include "tap.h"
#include "tiny.h"

#include <stdlib.h>

static const char *article =
    "The storm hit the northern coast on Monday night with strong winds.\n\n"
    "The storm hit the northern coast on Monday night with very strong winds.\n\n"
    "Officials opened shelters in three towns as rivers rose.\n\n"
    "Power was cut to thousands of homes across the region.\n\n"
    "Schools will stay closed until the water goes down.\n\n"
    "Forecasters expect calmer weather by the end of the week.";

static size_t summarize(nd_analyzer *a, nd_analyze_opts *o, nd_result *res)
{
    nd_record r;
    nd_record_init(&r);
    r.id = nd_xstrdup("s");
    r.title = nd_xstrdup("Storm hits coast");
    r.text = nd_xstrdup(article);
    nd_analyze(a, &r, o, res, NULL);
    nd_record_release(&r);
    return res->nsummary;
}

struct order { int n, last_ok, stop_after; };

static int collect(void *ctx, const nd_record *rec, const nd_result *res, const char *error)
{
    struct order *o = ctx;
    (void)res;
    (void)error;
    char want[32];
    snprintf(want, sizeof(want), "o%d", o->n);
    if (strcmp(rec->id, want) != 0) o->last_ok = 0;
    o->n++;
    return o->stop_after && o->n >= o->stop_after;
}

int main(void)
{
    nd_model *m = train_tiny(NULL, NULL);
    ok(m != NULL, "a model");
    if (!m) return done_testing();
    nd_analyzer *a = nd_analyzer_new(m);
    nd_analyze_opts o;
    nd_analyze_opts_init(&o);
    o.classify = 0;
    nd_result res;
    nd_result_init(&res);

    o.method = ND_SUM_LEAD;
    o.sentences = 2;
    is_int(summarize(a, &o, &res), 2, "--sentences 2");
    ok(res.summary_index[0] == 0 && res.summary_index[1] == 1, "lead takes the first sentences");
    is_int(res.nsentences, 6, "six sentences in the article");

    o.sentences = 3;
    o.ratio = 0.5;
    is_int(summarize(a, &o, &res), 3, "--ratio 0.5 of 6 sentences is 3");
    o.ratio = 0;
    o.words = 15;
    summarize(a, &o, &res);
    is_int(res.nsummary, 2, "--words 15: whole sentences until 15 words");
    o.words = 0;

    /* near-duplicate first two sentences: MMR takes one of them, not both */
    o.method = ND_SUM_CENTROID;
    o.mmr = 0;
    summarize(a, &o, &res);
    int both = 0;
    for (size_t i = 0; i < res.nsummary; i++) both += res.summary_index[i] <= 1;
    o.mmr = 0.7;
    summarize(a, &o, &res);
    int both_mmr = 0;
    for (size_t i = 0; i < res.nsummary; i++) both_mmr += res.summary_index[i] <= 1;
    ok(both_mmr <= 1, "MMR keeps one of two near-identical sentences (without: %d, with: %d)", both, both_mmr);

    o.method = ND_SUM_TEXTRANK;
    o.mmr = 0.3;
    is_int(summarize(a, &o, &res), 3, "textrank gives three sentences");
    int ordered = 1;
    for (size_t i = 1; i < res.nsummary; i++) ordered &= res.summary_index[i - 1] < res.summary_index[i];
    ok(ordered, "in document order");
    o.method = ND_SUM_LEARNED;
    is_int(summarize(a, &o, &res), 3, "learned without a sentence model falls back to textrank");
    ok(strstr(res.summary[0].data, "Storm hits coast") == NULL, "the headline is not a summary sentence");

    /* the batch engine: input order, whatever the threads; the callback can stop it */
    char path[] = "/tmp/nd-batch-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    for (int i = 0; i < 1000; i++) fprintf(f, "{\"id\":\"o%d\",\"text\":\"Item %d is here. It has words.\"}\n", i, i);
    fclose(f);
    const char *p = path;
    for (int threads = 1; threads <= 3; threads++) {
        nd_reader *rd = nd_reader_new(&p, 1, NULL);
        nd_batch_opts bo = { threads, 7 };
        struct order ord = { 0, 1, 0 };
        nd_batch_run(rd, m, &o, &bo, collect, &ord, NULL);
        nd_reader_free(rd);
        ok(ord.n == 1000 && ord.last_ok, "%d thread(s): 1000 results in input order", threads);
        rd = nd_reader_new(&p, 1, NULL);
        struct order st = { 0, 1, 10 };
        nd_batch_run(rd, m, &o, &bo, collect, &st, NULL);
        nd_reader_free(rd);
        is_int(st.n, 10, "%d thread(s): the callback stops the run", threads);
    }
    remove(path);
    nd_result_release(&res);
    nd_analyzer_free(a);
    nd_model_free(m);
    return done_testing();
}
