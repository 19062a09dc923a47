/* test_model.c -- train on the test corpus, save atomically, load, predict the same. */
#include "lang.h"
#include "text.h"
#include "tap.h"
#include "tiny.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>  /* truncate, unlink */

static void predict_all(const nd_model *m, char out[][64], double *conf)
{
    const char *path = "tests/data/articles.jsonl";
    nd_reader *rd = nd_reader_new(&path, 1, NULL);
    nd_analyzer *a = nd_analyzer_new(m);
    nd_analyze_opts o;
    nd_analyze_opts_init(&o);
    nd_record r;
    nd_record_init(&r);
    nd_result res;
    nd_result_init(&res);
    int i = 0;
    while (nd_reader_next(rd, &r) && i < 3) {
        nd_analyze(a, &r, &o, &res, NULL);
        snprintf(out[i], 64, "%s/%s", res.label[0], res.label[1]);
        conf[i] = res.confidence[0] + res.confidence[1];
        i++;
    }
    nd_result_release(&res);
    nd_record_release(&r);
    nd_analyzer_free(a);
    nd_reader_free(rd);
}

/* Replace the first line of file 'path' that starts with 'prefix' by 'line' ("" drops it). */
static void edit_line(const char *path, const char *prefix, const char *line)
{
    FILE *f = fopen(path, "r");
    nd_buf b;
    nd_buf_init(&b);
    char l[4096];
    int done = 0;
    while (f && fgets(l, sizeof(l), f)) {
        if (!done && strncmp(l, prefix, strlen(prefix)) == 0) {
            nd_buf_adds(&b, line);
            done = 1;
        } else {
            nd_buf_adds(&b, l);
        }
    }
    if (f) fclose(f);
    f = fopen(path, "w");
    if (f) {
        fwrite(b.data, 1, b.len, f);
        fclose(f);
    }
    nd_buf_release(&b);
}

/* The manifest without its checksums, as bundles of format 1: the checks of each file's parser are reached. */
static void unchecked(const char *bundle)
{
    char man[700];
    snprintf(man, sizeof(man), "%s/manifest", bundle);
    for (int i = 0; i < 16; i++) edit_line(man, "checksum ", "");
    edit_line(man, "end ", "");
    edit_line(man, "newsdesk-model ", "newsdesk-model 1\n");
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[700];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

/*
 * The region classifier loads on a thread of its own, sized by the manifest's
 * feature count: a count that disagrees with the vocabulary, a bundle without
 * one, a broken region model, and broken models of both tasks (the topic's
 * error comes first, as it would loading one after the other).
 */
static void test_load_side(const nd_model *m, const char *bundle)
{
    nd_err err;
    char man[700], feat[64];
    snprintf(man, sizeof(man), "%s/manifest", bundle);
    snprintf(feat, sizeof(feat), "features %zu\n", nd_model_nfeatures(m) + 1);
    ok(nd_model_save(m, bundle, &err) == ND_OK, "saved again");
    unchecked(bundle);
    edit_line(man, "features ", feat);
    nd_model *l = nd_model_load(bundle, &err);
    ok(!l && err.code == ND_ERR_MODEL && strstr(err.msg, "features"), "a feature count that is not the vocabulary's: %s",
       err.msg);
    nd_model_free(l);
    edit_line(man, "features ", "");
    l = nd_model_load(bundle, &err);
    ok(l && l->task[ND_TASK_TOPIC] && l->task[ND_TASK_REGION] && nd_model_nfeatures(l) == nd_model_nfeatures(m),
       "a manifest without a feature count loads all the same");
    nd_model_free(l);
    ok(nd_model_save(m, bundle, &err) == ND_OK, "saved again");
    unchecked(bundle);
    write_file(bundle, "region.svm", "svm_type c_svc\nkernel_type linear\nnr_class x\n");
    l = nd_model_load(bundle, &err);
    ok(!l && err.code == ND_ERR_MODEL && strstr(err.msg, "region.svm"), "a broken region model: %s", err.msg);
    write_file(bundle, "topic.svm", "not a model\n");
    l = nd_model_load(bundle, &err);
    ok(!l && err.code == ND_ERR_MODEL && strstr(err.msg, "topic.svm"), "both broken: the topic's error first: %s",
       err.msg);
    ok(nd_model_save(m, bundle, &err) == ND_OK, "saved again");
}

/* One damage: the line of 'file' starting with 'prefix' made 'line' (no prefix: the whole file), and the reason wanted. */
struct damage { const char *file, *prefix, *line, *want; };

/* Save m afresh (without its checksums unless 'sums'), damage it, load it: refused for the reason wanted? */
static void refused(const nd_model *m, const char *bundle, const struct damage *d, int sums)
{
    nd_err err;
    ok(nd_model_save(m, bundle, &err) == ND_OK, "saved again");
    if (!sums) unchecked(bundle);
    char path[700];
    snprintf(path, sizeof(path), "%s/%s", bundle, d->file);
    if (*d->prefix) edit_line(path, d->prefix, d->line);
    else write_file(bundle, d->file, d->line);
    nd_model *l = nd_model_load(bundle, &err);
    ok(!l && err.code == ND_ERR_MODEL && strstr(err.msg, d->want) && (!sums || strstr(err.msg, "bundle damaged")),
       "%s %s (%.*s): %s", sums ? "checksums:" : "damaged", d->file, (int)strcspn(d->line, "\n"), d->line,
       l ? "loaded" : err.msg);
    nd_model_free(l);
}

/* A damaged bundle is refused with its reason, before anything is sized by a damaged number. */
static void test_damaged(const nd_model *m, const char *bundle)
{
    static const struct damage cases[] = {
        { "manifest", "features ", "features 4000000000\n", "cannot hold them" },
        { "manifest", "documents ", "documents 1e30\n", "documents 1e30 is out of range" },
        { "manifest", "min_df ", "min_df nan\n", "min_df nan is out of range" },
        { "manifest", "max_df ", "max_df 7\n", "max_df 7 is out of range" },
        { "region.platt", "", "0.5\n", "region.platt: pair 1 of 21 is missing" },
        { "topic.platt", "", "nan 0\n", "topic.platt: pair 1 of 3 is missing or not a finite number" },
        { "topic.svm", "rho ", "rho 1e999 0 0\n", "topic.svm" },
        { "manifest", "language ", "language xx\n", "language 'xx' is not one this newsdesk knows" },
        { "manifest", "newsdesk-model ", "newsdesk-model 7\n", "has model format 7; this newsdesk reads up to 6" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) refused(m, bundle, &cases[i], 0);
    /* with its checksums, a bundle refuses any file that is not as written, the manifest too */
    static const struct damage sums[] = {
        { "region.labels", "", "africa\nasia\n", "region.labels does not match its checksum" },
        { "topic.platt", "", "-1 0\n-1 0\n-1 0\n", "topic.platt does not match its checksum" },
        { "manifest", "documents ", "documents 25\n", "manifest is cut short or altered" },
        { "manifest", "end ", "", "manifest is cut short or altered" },
        { "manifest", "checksum ", "", "manifest is cut short or altered" },
    };
    for (size_t i = 0; i < sizeof(sums) / sizeof(sums[0]); i++) refused(m, bundle, &sums[i], 1);
    nd_err err;
    ok(nd_model_save(m, bundle, &err) == ND_OK, "saved again");
    nd_model *l = nd_model_load(bundle, &err);
    ok(l != NULL, "a bundle as written loads with its checksums");
    nd_model_free(l);
}

/* Same labels and confidences as a[], ca[] (from the model as trained)? */
static int predicts_as(const nd_model *l, char a[][64], const double *ca)
{
    char b[3][64];
    double cb[3];
    predict_all(l, b, cb);
    int same = 1;
    for (int i = 0; i < 3; i++) same &= !strcmp(a[i], b[i]) && fabs(ca[i] - cb[i]) < 1e-5;
    return same;
}

/*
 * The weights caches: a damaged, stale or missing one is not used (the
 * libsvm text is folded again and the cache written anew), and a bundle
 * loaded from its caches saves whole.
 */
static void test_weights_cache(const nd_model *m, const char *bundle, char a[][64], const double *ca)
{
    nd_err err;
    char path[700], again[700];
    snprintf(path, sizeof(path), "%s/region.weights", bundle);
    /* a byte flipped at 'at' (from the end when negative), or the file cut to 100 bytes, or removed */
    enum { FLIP, CUT, GONE };
    struct { const char *what; int how; long at; } damage[] = {
        { "with a byte of its weights changed", FLIP, -100 },
        { "of another libsvm text (the checksum in its header)", FLIP, 16 },
        { "cut short", CUT, 0 },
        { "missing", GONE, 0 },
    };
    for (size_t i = 0; i < sizeof(damage) / sizeof(*damage); i++) {
        ok(nd_model_save(m, bundle, &err) == ND_OK, "saved again");
        FILE *f = damage[i].how == FLIP ? fopen(path, "r+b") : NULL;
        if (f) {
            fseek(f, damage[i].at, damage[i].at < 0 ? SEEK_END : SEEK_SET);
            int c = fgetc(f);
            fseek(f, damage[i].at, damage[i].at < 0 ? SEEK_END : SEEK_SET);
            fputc(c ^ 0x40, f);
            fclose(f);
        }
        if (damage[i].how == CUT && truncate(path, 100) != 0) printf("# cannot cut %s\n", path);
        if (damage[i].how == GONE) unlink(path);
        nd_model *l = nd_model_load(bundle, &err);
        ok(l && l->task[ND_TASK_REGION]->model && !l->task[ND_TASK_TOPIC]->model && predicts_as(l, a, ca),
           "region.weights %s: the text is folded again, predictions the same", damage[i].what);
        nd_model_free(l);
        l = nd_model_load(bundle, &err);
        ok(l && !l->task[ND_TASK_REGION]->model, "...and the cache written anew is used next time");
        nd_model_free(l);
    }
    /* the vocabulary's cache: damaged, it is not used (same predictions) and is written again as it was */
    ok(nd_model_save(m, bundle, &err) == ND_OK, "saved again");
    char cmd[3000];
    snprintf(cmd, sizeof(cmd), "cp %s/vocab.index %s/vocab.index.was", bundle, bundle);
    ok(system(cmd) == 0, "the bundle has a vocab.index");
    snprintf(path, sizeof(path), "%s/vocab.index", bundle);
    for (int at = 0; at < 2; at++) {   /* in the vocabulary's keys near the end; in the header's count */
        FILE *f = fopen(path, "r+b");
        if (f) {
            fseek(f, at ? 96 - 8 * 9 + 8 * 7 : -1000, at ? SEEK_SET : SEEK_END);   /* dim[7]: the document count */
            int c = fgetc(f);
            fseek(f, -1, SEEK_CUR);
            fputc(c ^ 0x01, f);
            fclose(f);
        }
        nd_model *l = nd_model_load(bundle, &err);
        ok(l && predicts_as(l, a, ca), "vocab.index damaged (%s): the same predictions from vocab.tsv",
           at ? "its header" : "its body");
        nd_model_free(l);
        snprintf(cmd, sizeof(cmd), "cmp -s %s/vocab.index %s/vocab.index.was", bundle, bundle);
        ok(system(cmd) == 0, "...and vocab.index is written again as it was");
    }
    nd_model *l = nd_model_load(bundle, &err);
    snprintf(again, sizeof(again), "%s-copy", bundle);
    ok(l && nd_model_save(l, again, &err) == ND_OK, "a bundle loaded from its caches saves");
    nd_model_free(l);
    l = nd_model_load(again, &err);
    ok(l && predicts_as(l, a, ca), "...and the copy predicts the same: %s", l ? "yes" : err.msg);
    nd_model_free(l);
    snprintf(cmd, sizeof(cmd), "cmp -s %s/region.svm %s/region.svm && cmp -s %s/topic.svm %s/topic.svm", bundle, again,
             bundle, again);
    ok(system(cmd) == 0, "...its libsvm texts byte for byte");
    snprintf(cmd, sizeof(cmd), "rm -rf %s", again);
    if (system(cmd) != 0) printf("# could not remove %s\n", again);
}

int main(void)
{
    nd_train_report rep;
    nd_model *m = train_tiny("models/gazetteer.tsv", &rep);
    ok(m != NULL, "trained");
    if (!m) return done_testing();
    ok(rep.trained[0] && rep.trained[1], "both tasks trained");
    is_int(rep.nlabels[0], 3, "three topics");
    is_int(rep.nlabels[1], 7, "seven regions");
    ok(nd_model_nfeatures(m) > 50, "a vocabulary (%zu features)", nd_model_nfeatures(m));
    /* every unigram and bigram term is found by stem ids exactly as by its string */
    int index_ok = 1;
    size_t terms = 0;
    for (size_t i = 0; i < m->vocab.n; i++) {
        const char *k = nd_strmap_key(&m->vocab, i);
        if (k[0] == '@' || k[0] == '#' || k[0] == '^') continue;
        const char *sp = strchr(k, ' ');
        long sa = nd_strmap_find(&m->stems, k, sp ? (size_t)(sp - k) : strlen(k));
        uint32_t fid;
        if (!sp) {
            fid = sa < 0 ? 0 : m->stem_fid[sa];
        } else {
            long sb = nd_strmap_find(&m->stems, sp + 1, strlen(sp + 1));
            fid = sa < 0 || sb < 0 ? 0 : nd_model_pair(m, (uint32_t)sa + 1, (uint32_t)sb + 1);
        }
        if (fid != i + 1) {
            index_ok = 0;
            printf("#   '%s': feature %zu, index says %u\n", k, i + 1, fid);
        }
        terms++;
    }
    ok(index_ok && terms > 50, "the stem and pair index finds all %zu word terms", terms);
    /* the title terms are one run of ids; topic sees them, region does not */
    int run_ok = m->title_lo > 0 && m->title_hi >= m->title_lo;
    for (size_t i = 0; i < m->vocab.n; i++) {
        int in = i + 1 >= m->title_lo && i + 1 <= m->title_hi;
        if (in != (nd_strmap_key(&m->vocab, i)[0] == '^')) run_ok = 0;
    }
    nd_view vt = nd_model_view(m, ND_TASK_TOPIC), vr = nd_model_view(m, ND_TASK_REGION);
    ok(run_ok && vt.tg == 1.0 && vr.tg == 0.0 && vt.g == 0.0 && vr.g == m->opts.geo_weight,
       "title terms '^' are features %u..%u, seen by topic only; gazetteer features by region only", m->title_lo,
       m->title_hi);
    char a[3][64], b[3][64];
    double ca[3], cb[3];
    predict_all(m, a, ca);
    is_str(a[0], "sport/europe", "a cup final in Madrid");
    is_str(a[1], "business/asia", "profits in Tokyo");
    is_str(a[2], "politics/africa", "a budget vote in Nairobi");

    char tmpl[] = "/tmp/nd-model-XXXXXX";
    char *dir = mkdtemp(tmpl);
    char bundle[600];
    snprintf(bundle, sizeof(bundle), "%s/bundle", dir);
    nd_err err;
    ok(nd_model_save(m, bundle, &err) == ND_OK, "saved");
    ok(nd_model_save(m, bundle, &err) == ND_OK, "saved again over the old bundle (atomic swap)");
    nd_model *l = nd_model_load(bundle, &err);
    ok(l != NULL, "loaded");
    if (l) {
        ok(l->lang == nd_language_find("en") && !strcmp(l->opts.language, "en") && l->format == 2,
           "an English bundle says so, in format 2 (that newsdesk before languages reads)");
        predict_all(l, b, cb);
        int same = 1;
        for (int i = 0; i < 3; i++) same &= !strcmp(a[i], b[i]) && fabs(ca[i] - cb[i]) < 1e-5;
        ok(same, "the loaded model predicts the same labels and confidences");
        is_str(nd_model_label(l, ND_TASK_REGION, 0), "africa", "labels are in name order");
        ok(!l->task[ND_TASK_TOPIC]->model && !l->task[ND_TASK_REGION]->model,
           "the weights came from the TASK.weights caches written with the bundle, not from libsvm's text");
        nd_model_free(l);
    }
    test_weights_cache(m, bundle, a, ca);
    /* the prior: training counts are kept; a uniform prior divides by each label's share */
    nd_linsvm *rg = m->task[ND_TASK_REGION];
    int total = 0;
    for (int i = 0; i < rg->nclass; i++) total += rg->count ? rg->count[i] : 0;
    is_int(total, 24, "training documents per region are kept (24 in all)");
    int *saved = rg->count;
    int skew[7] = { 1, 1000, 1000, 1000, 1000, 1000, 1000 };   /* africa as rare as can be */
    rg->count = skew;
    rg->uniform_prior = 1;
    char u[3][64];
    double cu[3];
    predict_all(m, u, cu);
    ok(!strcmp(u[2], "politics/africa") && cu[2] > ca[2], "a rare label's probability grows under a uniform prior (%.4f > %.4f)",
       cu[2], ca[2]);
    int flat[7] = { 5, 5, 5, 5, 5, 5, 5 };
    rg->count = flat;
    predict_all(m, u, cu);
    ok(!strcmp(u[0], a[0]) && fabs(cu[0] - ca[0]) < 1e-9, "with equal counts the prior changes nothing");
    rg->count = saved;
    ok(nd_model_save(m, bundle, &err) == ND_OK, "saved with a uniform prior");
    l = nd_model_load(bundle, &err);
    ok(l && l->task[ND_TASK_REGION]->uniform_prior && l->task[ND_TASK_REGION]->count &&
           !memcmp(l->task[ND_TASK_REGION]->count, saved, 7 * sizeof(int)) && !l->task[ND_TASK_TOPIC]->uniform_prior,
       "the manifest keeps the counts and the prior");
    nd_model_free(l);
    rg->uniform_prior = 0;

    test_load_side(m, bundle);
    test_damaged(m, bundle);

    /* a newer format is refused with a clear message */
    char man[700];
    snprintf(man, sizeof(man), "%s/manifest", bundle);
    FILE *f = fopen(man, "w");
    fputs("newsdesk-model 99\n", f);
    fclose(f);
    l = nd_model_load(bundle, &err);
    ok(!l && err.code == ND_ERR_MODEL && strstr(err.msg, "format 99"), "newer format refused: %s", err.msg);
    l = nd_model_load("/nonexistent/bundle", &err);
    ok(!l && err.code == ND_ERR_MODEL, "missing bundle: %s", err.msg);
    char cmd[700];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    if (system(cmd) != 0) printf("# could not remove %s\n", dir);

    /* deterministic: the same data and seed give the same model */
    nd_model *m2 = train_tiny("models/gazetteer.tsv", &rep);
    nd_buf d1, d2;
    nd_buf_init(&d1);
    nd_buf_init(&d2);
    nd_model_describe(m, 5, &d1);
    nd_model_describe(m2, 5, &d2);
    is_str(d1.data, d2.data, "training twice gives the same model");
    nd_buf_release(&d1);
    nd_buf_release(&d2);
    nd_model_free(m2);
    nd_model_free(m);
    return done_testing();
}
