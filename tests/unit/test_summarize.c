/* test_summarize.c -- summary length options, methods, MMR, and the batch engine's order and early stop. */
#include "text.h"
#include "tap.h"
#include "tiny.h"

#include <libsvm/svm.h>
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

/* A sentence model by hand: score = weight * feature 'f' (0-based), as libsvm would hold it. */
static nd_sumsvm *hand_model(int f, double weight)
{
    struct svm_model *sm = calloc(1, sizeof(*sm));
    sm->param.svm_type = C_SVC;
    sm->param.kernel_type = LINEAR;
    sm->nr_class = 2;
    sm->l = 1;
    sm->SV = malloc(sizeof(*sm->SV));
    sm->SV[0] = malloc(2 * sizeof(struct svm_node));
    sm->SV[0][0] = (struct svm_node){ f + 1, weight };
    sm->SV[0][1] = (struct svm_node){ -1, 0 };
    sm->sv_coef = malloc(sizeof(*sm->sv_coef));
    sm->sv_coef[0] = malloc(sizeof(double));
    sm->sv_coef[0][0] = 1;
    sm->rho = calloc(1, sizeof(double));
    sm->label = malloc(2 * sizeof(int));
    sm->label[0] = -1;   /* libsvm's first label is "not in the summary": the fold turns it round */
    sm->label[1] = 1;
    sm->nSV = calloc(2, sizeof(int));
    sm->free_sv = 1;
    return nd_sumsvm_fold(sm);
}

/* A record of an id and a text (no title). */
static nd_record text_record(const char *id, const char *text)
{
    nd_record r;
    nd_record_init(&r);
    r.id = nd_xstrdup(id);
    r.text = nd_xstrdup(text);
    return r;
}

/* Summary options alone (no classifying): a method, a redundancy penalty, K sentences. */
static nd_analyze_opts summary_opts(nd_sum_method method, double mmr, int k)
{
    nd_analyze_opts o;
    nd_analyze_opts_init(&o);
    o.classify = 0;
    o.method = method;
    o.mmr = mmr;
    o.sentences = k;
    return o;
}

/* The learned method: raw scores, then the Platt-calibrated expected-F1 pick. */
static void learned(nd_analyzer *a, nd_model *m)
{
    static const char *text =
        "Short one here now.\n\n"
        "The second short line.\n\n"
        "The third sentence of the story is a great deal longer than the others and says far more.\n\n"
        "Four words only here.\n\n"
        "The fifth sentence is also long, with a good many words in it about the same story.";
    nd_analyze_opts o = summary_opts(ND_SUM_LEARNED, 0, 2);
    nd_result res;
    nd_result_init(&res);
    nd_record r = text_record("l", text);
    m->sum = hand_model(4, -1);   /* feature 4 is 1 / (1 + position): later is better */
    ok(m->sum && m->sum->w[4] == 1 && !m->sum->calibrated, "a libsvm model with label -1 first is oriented toward label 1");
    nd_analyze(a, &r, &o, &res, NULL);
    ok(res.nsummary == 2 && res.summary_index[0] == 0 && res.summary_index[1] == 1,
       "uncalibrated: the two best raw scores (%u %u)", res.summary_index[0], res.summary_index[1]);
    /* a flat sigmoid: every sentence about as likely, so length decides */
    nd_sumsvm_calibrate(m->sum, -0.01, 0);
    ok(m->sum->model->probA && m->sum->model->probB[0] == 0 && m->sum->calibrated, "the sigmoid goes into libsvm's probA/probB");
    nd_analyze(a, &r, &o, &res, NULL);
    ok(res.nsummary == 2 && res.summary_index[0] == 2 && res.summary_index[1] == 4,
       "calibrated and nearly flat: the two long sentences (%u %u)", res.summary_index[0], res.summary_index[1]);
    /* a steep sigmoid: the likeliest sentences, however short */
    nd_sumsvm_calibrate(m->sum, -50, 30);
    nd_analyze(a, &r, &o, &res, NULL);
    ok(res.nsummary == 2 && res.summary_index[0] == 0 && res.summary_index[1] == 1,
       "calibrated and steep: the likeliest sentences (%u %u)", res.summary_index[0], res.summary_index[1]);
    /*
     * One likely sentence, the rest unlikely: the second pick is the likelier
     * of them, not the shortest (a short line costs an F1 estimate least, and
     * a page's chrome is short lines).
     */
    free(r.text);
    r.text = nd_xstrdup("The council approved the new budget for schools, roads and parks after a long debate on Tuesday night in the town hall.\n\n"
                        "Officials said the plan would take effect in the spring.\n\n"
                        "Residents can read it online.\n\n"
                        "Work on the first roads starts in April, the council said in a statement to local newspapers and radio.");
    nd_sumsvm_free(m->sum);
    m->sum = hand_model(5, -1);   /* feature 5 is log(1 + words) / log(64): longer is likelier */
    nd_sumsvm_calibrate(m->sum, -106, 78.5);
    nd_analyze(a, &r, &o, &res, NULL);
    ok(res.nsummary == 2 && res.summary_index[0] == 0 && res.summary_index[1] == 3,
       "the unlikely rest: the likelier, not the shortest (%u %u)", res.summary_index[0], res.summary_index[1]);
    nd_sumsvm_free(m->sum);
    m->sum = NULL;
    nd_record_release(&r);
    nd_result_release(&res);
}

/*
 * A sentence that opens with "But" and stands without the sentence before it:
 * taken only when it is clearly the better one. Scores rise with the position
 * (feature 0), so the last two sentences are within a tenth of the range.
 */
static void dangling(nd_analyzer *a, nd_model *m)
{
    static const char *const ends[] = { "The river kept rising through the night.", "But the river kept rising through the night." };
    nd_analyze_opts o = summary_opts(ND_SUM_LEARNED, 0, 1);
    nd_result res;
    nd_result_init(&res);
    m->sum = hand_model(0, -1);
    uint32_t one[2] = { 99, 99 }, two[2] = { 99, 99 };   /* "But" or not: the pick of one sentence; of two, with "But" */
    for (int but = 0; but < 2; but++) {
        nd_buf t;
        nd_buf_init(&t);
        for (int i = 0; i < 11; i++) nd_buf_addf(&t, "Water rose in the valley town number %d today.\n\n", i + 1);
        nd_buf_adds(&t, ends[but]);
        nd_record r = text_record("b", t.data);
        o.sentences = 1;
        nd_analyze(a, &r, &o, &res, NULL);
        if (res.nsummary == 1) one[but] = res.summary_index[0];
        o.sentences = 2;
        nd_analyze(a, &r, &o, &res, NULL);
        if (but && res.nsummary == 2) two[0] = res.summary_index[0], two[1] = res.summary_index[1];
        nd_record_release(&r);
        nd_buf_release(&t);
    }
    ok(one[0] == 11, "the last sentence is the best one (%u)", one[0]);
    ok(one[1] == 10, "one sentence: not the \"But\" without its sentence before (%u)", one[1]);
    ok(two[0] == 10 && two[1] == 11, "two: the \"But\" after its sentence before (%u %u)", two[0], two[1]);
    nd_sumsvm_free(m->sum);
    m->sum = NULL;
    nd_result_release(&res);
}

/*
 * A sentence that ends with a colon promises the next one: not taken without
 * it (the last sentence of a text, which has none after it), taken with it.
 */
static void colon_ending(nd_analyzer *a, nd_model *m)
{
    nd_analyze_opts o = summary_opts(ND_SUM_LEARNED, 0, 1);
    nd_result res;
    nd_result_init(&res);
    m->sum = hand_model(0, -1);
    uint32_t one = 99, two[2] = { 99, 99 };
    for (int at = 11; at >= 10; at--) {   /* the colon on the last sentence, then on the one before it */
        nd_buf t;
        nd_buf_init(&t);
        for (int i = 0; i < 12; i++)
            nd_buf_addf(&t, i == at ? "The warden of lock %d said this:\n\n" : "Water rose in the valley town number %d today.\n\n", i + 1);
        nd_record r = text_record("c", t.data);
        o.sentences = at == 11 ? 1 : 2;
        nd_analyze(a, &r, &o, &res, NULL);
        if (at == 11 && res.nsummary == 1) one = res.summary_index[0];
        if (at == 10 && res.nsummary == 2) two[0] = res.summary_index[0], two[1] = res.summary_index[1];
        nd_record_release(&r);
        nd_buf_release(&t);
    }
    ok(one == 10, "one sentence: not the last, which ends with a colon and has nothing after it (%u)", one);
    ok(two[0] == 10 && two[1] == 11, "two: the one with a colon before its next sentence (%u %u)", two[0], two[1]);
    nd_sumsvm_free(m->sum);
    m->sum = NULL;
    nd_result_release(&res);
}

/*
 * A date alone between the story's paragraphs is no summary sentence, in any language. (Above the
 * story's third paragraph one goes from the story, but not where dates alone follow, as a
 * timeline's do.)
 */
static void date_alone(nd_analyzer *a)
{
    nd_analyze_opts o = summary_opts(ND_SUM_LEAD, 0.3, 3);
    nd_result res;
    nd_result_init(&res);
    nd_record r = text_record("d", "Die neue Br\xC3\xBC" "cke \xC3\xBC" "ber die Lauter wurde am Morgen von der B\xC3\xBC" "rgermeisterin er\xC3\xB6" "ffnet.\n\n"
                                   "Donnerstag, 31. Mai 2012\n\n"
                                   "Der Bau hat zwei Jahre gedauert und vier Millionen Euro gekostet.\n\n"
                                   "Radfahrer haben auf der Br\xC3\xBC" "cke eine eigene Spur.\n\n"
                                   "Freitag, 1. Juni 2012\n\n"
                                   "Am Abend feierten die Anwohner mit einem Fest auf der Br\xC3\xBC" "cke.");
    nd_analyze(a, &r, &o, &res, NULL);
    int date = 0;
    for (size_t i = 0; i < res.nsummary; i++) date |= strstr(res.summary[i].data, "Mai 2012") != NULL;
    ok(res.nsentences == 6 && res.nsummary == 3 && !date, "the date line is in the text (%zu sentences), not in the summary",
       res.nsentences);
    nd_record_release(&r);
    nd_result_release(&res);
}

/* A wire story under a standfirst: its "(EFE).-" goes from the output too; a note in parentheses stays. */
static void agency_paragraph(nd_analyzer *a)
{
    nd_analyze_opts o = summary_opts(ND_SUM_LEAD, 0.3, 3);
    nd_result res;
    nd_result_init(&res);
    nd_record r = text_record("e", "La deuda externa del pa\xC3\xADs subi\xC3\xB3 un siete por ciento en el \xC3\xBAltimo a\xC3\xB1o.\n\n"
                                   "(EFE).- El banco central public\xC3\xB3 el martes las cifras de la deuda externa total.\n\n"
                                   "(Corrige la fecha del informe, que era el lunes).");
    nd_analyze(a, &r, &o, &res, NULL);
    ok(res.nsummary == 3 && !strncmp(res.summary[1].data, "El banco central", 16) && res.summary[2].data[0] == '(',
       "a later paragraph's agency dateline goes (%s), a note in parentheses stays (%s)",
       res.nsummary > 1 ? res.summary[1].data : "", res.nsummary > 2 ? res.summary[2].data : "");
    nd_record_release(&r);
    nd_result_release(&res);
}

/* The dateline: a feature of every sentence, the own features again for its articles; stripped from the output. */
static void dateline_features(nd_analyzer *a)
{
    nd_record r = text_record("d", "WASHINGTON (AP) -- The Senate passed the budget bill late on Friday night. "
                                   "It now goes to the House for a vote. Both parties claimed a win in the end.");
    size_t n;
    const nd_doc *d;
    nd_tokenizer *tz;
    const double *f = nd_analyzer_sentence_features(a, &r, &n, &d, &tz);
    is_int(n, 3, "three sentences");
    int same = 1;
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < ND_SFEAT_OWN; k++) same &= f[i * ND_SFEAT + ND_SFEAT_OWN + 1 + k] == f[i * ND_SFEAT + k];
    ok(f[ND_SFEAT_OWN] == 1 && f[2 * ND_SFEAT + ND_SFEAT_OWN] == 1 && same, "a dateline: its flag, and every own feature again");
    ok(f[19] == 1 && f[ND_SFEAT + 20] == 1 && f[2 * ND_SFEAT + 21] == 1, "first, second, third candidate");
    nd_analyze_opts o = summary_opts(ND_SUM_LEAD, 0.3, 1);
    nd_result res;
    nd_result_init(&res);
    nd_analyze(a, &r, &o, &res, NULL);
    ok(res.nsummary == 1 && res.summary_index[0] == 0 && !strcmp(res.summary[0].data, "The Senate passed the budget bill late on Friday night."),
       "the summary sentence without its dateline, its index kept (%s)", res.nsummary ? res.summary[0].data : "");
    free(r.text);
    r.text = nd_xstrdup("The Senate passed the budget bill late on Friday night. It now goes to the House for a vote.");
    f = nd_analyzer_sentence_features(a, &r, &n, &d, &tz);
    double rest = 0;
    for (size_t i = 0; i < n; i++)
        for (int k = ND_SFEAT_OWN; k < ND_SFEAT; k++) rest += fabs(f[i * ND_SFEAT + k]);
    ok(n == 2 && rest == 0, "no dateline: the flag and its copies are 0");
    nd_record_release(&r);
    nd_result_release(&res);
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

    /*
     * the same sentence twice (an image's caption under it and in a gallery): never both, but in
     * lead (a paragraph repeated whole is gone before: the story keeps it once)
     */
    {
        nd_record r = text_record("r", "Rescue teams reached the flooded valley towns on Tuesday morning.\n\n"
                                       "Rescue teams reached the flooded valley towns on Tuesday morning. "
                                       "Boats carried the last families out by noon.\n\n"
                                       "Officials opened shelters in three towns as rivers rose.\n\n"
                                       "Power was cut to thousands of homes across the region.");
        int twice = 0;
        for (int meth = ND_SUM_CENTROID; meth <= ND_SUM_LEARNED; meth++) {
            if (meth == ND_SUM_LEAD) continue;
            o.method = (nd_sum_method)meth;
            o.mmr = 0;
            o.sentences = 2;
            nd_analyze(a, &r, &o, &res, NULL);
            twice += res.nsummary == 2 && res.summary_index[0] == 0 && res.summary_index[1] == 1;
        }
        o.method = ND_SUM_LEAD;
        nd_analyze(a, &r, &o, &res, NULL);
        ok(!twice && res.nsummary == 2 && res.summary_index[1] == 1,
           "a repeated sentence is in no summary twice; lead is the first sentences still");
        nd_record_release(&r);
        o.sentences = 3;
    }

    o.method = ND_SUM_TEXTRANK;
    o.mmr = 0.3;
    is_int(summarize(a, &o, &res), 3, "textrank gives three sentences");
    int ordered = 1;
    for (size_t i = 1; i < res.nsummary; i++) ordered &= res.summary_index[i - 1] < res.summary_index[i];
    ok(ordered, "in document order");
    o.method = ND_SUM_LEARNED;
    is_int(summarize(a, &o, &res), 3, "learned without a sentence model falls back to textrank");
    ok(strstr(res.summary[0].data, "Storm hits coast") == NULL, "the headline is not a summary sentence");
    learned(a, m);
    dangling(a, m);
    colon_ending(a, m);
    date_alone(a);
    agency_paragraph(a);
    dateline_features(a);

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
