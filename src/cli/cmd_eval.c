/*
 * cmd_eval.c -- newsdesk eval: run the model over a labelled corpus and
 * score it from the same result lines 'process' would print.
 */
#include "cli.h"

#include <errno.h>   /* errno */
#include <stdio.h>   /* printf */
#include <stdlib.h>  /* free */
#include <string.h>  /* strcmp */
#include <unistd.h>  /* isatty */

/* --label-map: gold labels read as the model's ("sports" -> "sport"). */
struct label_map {
    char **gold, **model;
    size_t n;
};

/* Gold labels of a task that the model does not have: how many records, which labels (the first ones). */
#define UNKNOWN_KEPT 8
struct unknown {
    size_t records, distinct;   /* distinct: exact up to UNKNOWN_KEPT */
    char *label[UNKNOWN_KEPT];
};

struct eval {
    const struct cli_input *in;
    nd_confusion *conf[2];
    struct unknown unknown[2];
    double rouge[3][3];   /* [r1, r2, rLsum][p, r, f] sums */
    size_t nrouge;
    size_t records, failed;
    nd_extract_score ext;   /* pages with known story segments */
    nd_buf cand;
    struct cli_progress progress;
    const nd_model *m;
    const struct label_map *map;
};

static const char *mapped(const struct label_map *map, const char *gold)
{
    for (size_t i = 0; map && i < map->n; i++)
        if (!strcmp(map->gold[i], gold)) return map->model[i];
    return gold;
}

/* Read FILE's "gold TAB model" lines ('#' comments and blank lines skipped); 0, or an error already said. */
static int read_label_map(const char *path, struct label_map *map)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        cli_error("cannot open label map '%s': %s", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0;
    ssize_t len;
    int rc = 0;
    while ((len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
        if (!len || line[0] == '#') continue;
        char *tab = strchr(line, '\t');
        if (!tab || tab == line || !tab[1] || strchr(tab + 1, '\t')) {
            rc = -1;
            cli_error("%s:%ld: a label map line is 'gold<TAB>model'", path, lineno);
            break;
        }
        *tab = '\0';
        map->gold = nd_xrealloc(map->gold, (map->n + 1) * sizeof(char *));
        map->model = nd_xrealloc(map->model, (map->n + 1) * sizeof(char *));
        map->gold[map->n] = nd_xstrdup(line);
        map->model[map->n] = nd_xstrdup(tab + 1);
        map->n++;
    }
    free(line);
    fclose(f);
    return rc;
}

static void free_label_map(struct label_map *map)
{
    for (size_t i = 0; i < map->n; i++) {
        free(map->gold[i]);
        free(map->model[i]);
    }
    free(map->gold);
    free(map->model);
}

static int has_label(const nd_model *m, nd_task t, const char *label)
{
    for (size_t i = 0; i < nd_model_nlabels(m, t); i++)
        if (!strcmp(nd_model_label(m, t, i), label)) return 1;
    return 0;
}

static void note_unknown(const nd_model *m, nd_task t, const char *gold, struct unknown *u)
{
    if (has_label(m, t, gold)) return;
    u->records++;
    for (size_t i = 0; i < u->distinct && i < UNKNOWN_KEPT; i++)
        if (!strcmp(u->label[i], gold)) return;
    if (u->distinct < UNKNOWN_KEPT) u->label[u->distinct] = nd_xstrdup(gold);
    u->distinct++;   /* exact up to UNKNOWN_KEPT; above it, only "more" */
}

/* Say (on stderr, and in the text report when 'out') how many gold labels the model cannot give. */
static void report_unknown(const struct eval *e, int t, nd_buf *out)
{
    const struct unknown *u = &e->unknown[t];
    if (!u->records) return;
    size_t total = nd_confusion_total(e->conf[t]);
    nd_buf msg;
    nd_buf_init(&msg);
    nd_buf_addf(&msg, "%zu of %zu gold %s labels are not among the model's %zu labels (", u->records, total,
                nd_task_name((nd_task)t), nd_model_nlabels(e->m, (nd_task)t));
    for (size_t i = 0; i < u->distinct && i < UNKNOWN_KEPT; i++) nd_buf_addf(&msg, "%s'%s'", i ? ", " : "", u->label[i]);
    nd_buf_adds(&msg, u->distinct > UNKNOWN_KEPT ? ", ...)" : ")");
    if (u->records == total) nd_buf_adds(&msg, ": gold and model labels do not overlap, so accuracy is 0");
    cli_warning("%s", msg.data);
    if (out) nd_buf_addf(out, "  note: %s\n", msg.data);
    nd_buf_release(&msg);
}

static int on_result(void *ctx, const nd_record *rec, const nd_result *res, const char *error)
{
    struct eval *e = ctx;
    e->records++;
    cli_progress_tick(&e->progress, e->records);
    if (!res) {
        e->failed++;
        if (!e->in->quiet) cli_record_error(rec, error);
        return 0;
    }
    if (!e->in->quiet) cli_record_text_field(rec), cli_record_repairs(rec);
    if (rec->with || rec->without) nd_extract_score_add(&e->ext, res->story.data, rec->with, rec->without);
    const char *gold[2] = { rec->topic ? mapped(e->map, rec->topic) : NULL, rec->region ? mapped(e->map, rec->region) : NULL };
    for (int t = 0; t < 2; t++)
        if (gold[t] && *gold[t] && nd_model_has_task(e->m, (nd_task)t)) {
            nd_confusion_add(e->conf[t], gold[t], res->label[t]);
            note_unknown(e->m, (nd_task)t, gold[t], &e->unknown[t]);
        }
    if (rec->summary && *rec->summary && res->nsummary) {
        nd_buf_reset(&e->cand);
        for (size_t i = 0; i < res->nsummary; i++) {
            if (i) nd_buf_addc(&e->cand, '\n');
            nd_buf_adds(&e->cand, res->summary[i].data);
        }
        nd_rouge r[3] = { nd_rouge_n(e->cand.data, rec->summary, 1), nd_rouge_n(e->cand.data, rec->summary, 2),
                          nd_rouge_lsum(e->cand.data, rec->summary) };
        for (int k = 0; k < 3; k++) {
            e->rouge[k][0] += r[k].p;
            e->rouge[k][1] += r[k].r;
            e->rouge[k][2] += r[k].f;
        }
        e->nrouge++;
    }
    return 0;
}

static const char *const rouge_names[3] = { "ROUGE-1", "ROUGE-2", "ROUGE-Lsum" };

static void text_report(const struct eval *e, const nd_analyze_opts *aopts, nd_buf *out)
{
    nd_buf_addf(out, "records %zu, failed %zu\n", e->records, e->failed);
    for (int t = 0; t < 2; t++) {
        if (!nd_confusion_total(e->conf[t])) continue;
        nd_buf_addc(out, '\n');
        nd_confusion_report(e->conf[t], nd_task_name((nd_task)t), out);
        report_unknown(e, t, out);
    }
    if (e->nrouge) {
        double n = (double)e->nrouge;
        nd_sum_method meth = nd_sum_method_for(e->m, aopts->method);
        nd_buf_addf(out, "\nsummaries: %zu with references, %d sentences, method %s%s, mmr %g\n", e->nrouge,
                    aopts->sentences, nd_sum_method_name(meth), meth == ND_SUM_LEARNED && aopts->highlights ? " (highlights)" : "",
                    meth == ND_SUM_LEAD ? 0.0 : aopts->mmr);
        nd_buf_addf(out, "  %-10s %9s %9s %9s\n", "metric", "precision", "recall", "f1");
        for (int k = 0; k < 3; k++)
            nd_buf_addf(out, "  %-10s %9.2f %9.2f %9.2f\n", rouge_names[k], 100 * e->rouge[k][0] / n,
                        100 * e->rouge[k][1] / n, 100 * e->rouge[k][2] / n);
    }
    if (e->ext.pages) {
        double p, r, f, a;
        nd_extract_score_get(&e->ext, &p, &r, &f, &a);
        nd_buf_addf(out, "\nextraction: %zu pages, %zu story and %zu boilerplate segments\n", e->ext.pages,
                    e->ext.tp + e->ext.fn, e->ext.fp + e->ext.tn);
        nd_buf_addf(out, "  precision %.4f  recall %.4f  f1 %.4f  accuracy %.4f\n", p, r, f, a);
    }
}

/* The same as one JSON object; every score a fraction in [0, 1] (ROUGE too), null for what was not measured. */
static void json_report(const struct eval *e, const nd_analyze_opts *aopts, nd_buf *out)
{
    nd_buf_addf(out, "{\"records\":%zu,\"failed\":%zu,\"tasks\":{", e->records, e->failed);
    int first = 1;
    for (int t = 0; t < 2; t++) {
        if (!nd_confusion_total(e->conf[t])) continue;
        report_unknown(e, t, NULL);
        nd_buf_addf(out, "%s\"%s\":", first ? "" : ",", nd_task_name((nd_task)t));
        first = 0;
        nd_confusion_json(e->conf[t], out);
        const struct unknown *u = &e->unknown[t];
        out->len--;   /* into the task's object: its unknown gold labels */
        nd_buf_addf(out, ",\"unknown_gold\":{\"records\":%zu,\"labels\":[", u->records);
        for (size_t i = 0; i < u->distinct && i < UNKNOWN_KEPT; i++) {
            if (i) nd_buf_addc(out, ',');
            nd_json_string(out, u->label[i]);
        }
        nd_buf_addf(out, "],\"more\":%s}}", u->distinct > UNKNOWN_KEPT ? "true" : "false");
    }
    nd_buf_adds(out, "},\"summaries\":");
    if (e->nrouge) {
        double n = (double)e->nrouge;
        nd_sum_method meth = nd_sum_method_for(e->m, aopts->method);
        nd_buf_addf(out, "{\"records\":%zu,\"sentences\":%d,\"method\":\"%s\",\"highlights\":%s,\"mmr\":%g", e->nrouge,
                    aopts->sentences, nd_sum_method_name(meth), meth == ND_SUM_LEARNED && aopts->highlights ? "true" : "false",
                    meth == ND_SUM_LEAD ? 0.0 : aopts->mmr);
        static const char *const keys[3] = { "rouge1", "rouge2", "rougeLsum" };
        for (int k = 0; k < 3; k++)
            nd_buf_addf(out, ",\"%s\":{\"precision\":%.6f,\"recall\":%.6f,\"f1\":%.6f}", keys[k], e->rouge[k][0] / n,
                        e->rouge[k][1] / n, e->rouge[k][2] / n);
        nd_buf_addc(out, '}');
    } else {
        nd_buf_adds(out, "null");
    }
    nd_buf_adds(out, ",\"extraction\":");
    if (e->ext.pages) {
        double p, r, f, a;
        nd_extract_score_get(&e->ext, &p, &r, &f, &a);
        nd_buf_addf(out, "{\"pages\":%zu,\"story_segments\":%zu,\"boilerplate_segments\":%zu,\"precision\":%.6f,"
                         "\"recall\":%.6f,\"f1\":%.6f,\"accuracy\":%.6f}",
                    e->ext.pages, e->ext.tp + e->ext.fn, e->ext.fp + e->ext.tn, p, r, f, a);
    } else {
        nd_buf_adds(out, "null");
    }
    nd_buf_adds(out, "}\n");
}

static void help(void)
{
    printf("usage: newsdesk eval [options] FILE...\n\n"
           "Classifies and summarizes labelled records and scores the results: accuracy,\n"
           "macro-F1, per-label precision/recall/F1 and the confusion matrix for each task\n"
           "whose label the records carry; ROUGE-1, ROUGE-2 and ROUGE-Lsum (precision, recall,\n"
           "F1; rouge-score semantics) against the records' reference summaries; and for pages\n"
           "with known story and boilerplate segments (lists 'with' and 'without'), the story\n"
           "extraction's precision, recall, F1 and accuracy over those segments (each looked\n"
           "for in the story found, white space normalised, as the extraction benchmark does).\n\n"
           "  --model DIR             model bundle (default: $NEWSDESK_MODEL, else models/default)\n"
           "  --format FMT            text (default) or json: one object with stable keys, every\n"
           "                          score a fraction, full label names and the confusion matrix\n"
           "                          at any size (see the man page)\n"
           "  --label-map FILE        gold labels read as the model's: 'gold<TAB>model' lines\n"
           "                          (sports<TAB>sport)\n");
    printf("%s%s\n", CLI_SUMMARY_HELP, CLI_RUN_HELP);
    printf("%s", CLI_INPUT_HELP);
    printf("\nExample:\n  newsdesk eval --model mymodel bbc/test.jsonl.gz\n");
}

int cmd_eval(int argc, char **argv)
{
    static const struct option longopts[] = {
        CLI_INPUT_OPTIONS,
        CLI_RUN_OPTIONS,
        { "format", required_argument, NULL, 'f' },
        { "label-map", required_argument, NULL, 'L' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *cmd = "eval";
    struct cli_input in;
    cli_input_init(&in);
    nd_analyze_opts aopts;
    nd_analyze_opts_init(&aopts);
    aopts.story = 1;
    nd_batch_opts bopts;
    nd_batch_opts_init(&bopts);
    int json = 0;
    const char *map_path = NULL;
    optind = 0;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "qhj:", longopts, NULL)) != -1) {
        int h = cli_input_option(&in, cmd, c, optarg);
        if (!h) h = cli_run_option(&aopts, &bopts, cmd, c, optarg);
        if (h < 0) return EXIT_USAGE;
        if (h) continue;
        switch (c) {
        case 'h': help(); return cli_close_stdout();
        case 'f':
            if (!strcmp(optarg, "json")) json = 1;
            else if (!strcmp(optarg, "text")) json = 0;
            else return cli_usage_error(cmd, "--format wants text or json, not '%s'", optarg);
            break;
        case 'L': map_path = optarg; break;
        default: return cli_unknown_option(cmd, argv);
        }
    }
    if (optind >= argc && isatty(STDIN_FILENO))
        return cli_usage_error(cmd, "no labelled data given: give FILE..., or pipe records in");
    struct label_map map = { 0 };
    if (map_path && read_label_map(map_path, &map)) {
        free_label_map(&map);
        return EXIT_USAGE;
    }
    nd_model *m = cli_load_model(cmd, in.model_dir);
    if (!m) {
        free_label_map(&map);
        return EXIT_FAIL;
    }
    struct eval e;
    memset(&e, 0, sizeof(e));
    e.in = &in;
    e.m = m;
    e.map = &map;
    e.conf[0] = nd_confusion_new();
    e.conf[1] = nd_confusion_new();
    nd_buf_init(&e.cand);
    cli_progress_init(&e.progress, in.progress);
    nd_reader *rd = nd_reader_new((const char *const *)argv + optind, (size_t)(argc - optind), &in.reader);
    nd_err err = { 0 };
    nd_status st = nd_batch_run(rd, m, &aopts, &bopts, on_result, &e, &err);
    cli_progress_done(&e.progress);
    int rc = EXIT_OK;
    if (st != ND_OK) {
        cli_error("%s", err.msg);
        rc = EXIT_FAIL;
    }
    nd_buf out;
    nd_buf_init(&out);
    if (json) json_report(&e, &aopts, &out);
    else text_report(&e, &aopts, &out);
    cli_write(&out);
    nd_buf_release(&out);
    if (e.failed) {
        fprintf(stderr, "newsdesk: %zu of %zu records failed\n", e.failed, e.records);
        rc = EXIT_FAIL;
    }
    nd_buf_release(&e.cand);
    for (int t = 0; t < 2; t++)
        for (size_t i = 0; i < e.unknown[t].distinct && i < UNKNOWN_KEPT; i++) free(e.unknown[t].label[i]);
    nd_confusion_free(e.conf[0]);
    nd_confusion_free(e.conf[1]);
    nd_reader_free(rd);
    nd_model_free(m);
    free_label_map(&map);
    if (cli_close_stdout() != EXIT_OK) rc = EXIT_FAIL;
    return rc;
}
