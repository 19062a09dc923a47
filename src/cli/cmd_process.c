/*
 * cmd_process.c -- process, classify, summarize: one pass over the input,
 * one output line per input record, in input order.
 */
#include "cli.h"

#include <stdio.h>   /* printf */
#include <stdlib.h>  /* free */
#include <string.h>  /* strcmp */
#include <unistd.h>  /* isatty */

struct foreign { const char *code; size_t n; };

struct run {
    nd_out_format fmt;
    nd_analyze_opts aopts;
    const struct cli_input *in;
    nd_buf out;
    size_t records, failed, repaired;
    struct foreign foreign[64];   /* stories not in the model's language, by language (newsdesk knows fewer) */
    size_t nforeign;
    struct cli_progress progress;
    int write_failed;
    nd_buf line;
};

/* --explain: what story extraction took out of this record, and why; a headline taken as the title. */
static void explain(struct run *r, const nd_record *rec, const nd_result *res)
{
    for (const char *p = res->explain.data; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        nd_buf_reset(&r->line);
        nd_buf_add(&r->line, p, n);
        cli_record_note(rec, r->line.data);
        p += n + (nl != NULL);
    }
}

static int by_count(const void *a, const void *b)
{
    const struct foreign *x = a, *y = b;
    return x->n < y->n ? 1 : x->n > y->n ? -1 : strcmp(x->code, y->code);
}

static int on_result(void *ctx, const nd_record *rec, const nd_result *res, const char *error)
{
    struct run *r = ctx;
    r->records++;
    if (!r->in->quiet) cli_record_text_field(rec);
    if (!res) {
        r->failed++;
        if (!r->in->quiet) cli_record_error(rec, error);
    } else if (rec->repairs.utf8 || rec->repairs.nul || rec->repairs.surrogate || rec->repairs.mojibake ||
               rec->repairs.charset[0]) {
        r->repaired++;
        if (!r->in->quiet) cli_record_repairs(rec);   /* a warning per kind */
    }
    if (res && res->foreign) {
        size_t k = 0;
        while (k < r->nforeign && strcmp(r->foreign[k].code, res->foreign)) k++;
        if (k == r->nforeign && k < sizeof(r->foreign) / sizeof(*r->foreign)) r->foreign[r->nforeign++].code = res->foreign;
        if (k < r->nforeign) r->foreign[k].n++;
    }
    if (r->aopts.explain && res) explain(r, rec, res);
    nd_emit(&r->out, r->fmt, &r->aopts, rec, res, error);
    if (r->out.len >= 1 << 16) {
        if (cli_write(&r->out)) {
            r->write_failed = 1;
            return 1;
        }
        nd_buf_reset(&r->out);
    }
    cli_progress_tick(&r->progress, r->records);
    return 0;
}

static void help(const char *cmd)
{
    const char *what = !strcmp(cmd, "process")    ? "Topic, region and key sentences for every article."
                       : !strcmp(cmd, "classify") ? "Topic and region for every article."
                       : !strcmp(cmd, "clean")    ? "The story of every article or page alone: {\"id\", \"title\", \"text\"}, the text\n"
                                                    "its paragraphs separated by a blank line (HTML pages are read as pages)."
                                                  : "Key sentences for every article.";
    printf("usage: newsdesk %s [options] [FILE...]\n\n%s\n"
           "One output line per input record, in input order: a result, or {\"id\":...,\"error\":...}\n"
           "for a record that could not be read (also reported on stderr with FILE:LINE).\n\n", cmd, what);
    printf("Output:\n"
           "  --format FMT            jsonl (default), tsv or csv (RFC 4180), both with a header\n"
           "                          line\n"
           "  --model DIR             model bundle (default: $NEWSDESK_MODEL, else models/default)\n");
    int cleaning = !strcmp(cmd, "clean");
    if (strcmp(cmd, "summarize") && !cleaning)
        printf("  --min-confidence X      labels below this confidence become \"unknown\" (default 0)\n"
               "  --probabilities         every label's probability per task, as \"topic_probabilities\":\n"
               "                          {label: p, ...} (calibrated, summing to 1); kept when\n"
               "                          --min-confidence makes the label \"unknown\"\n");
    printf("  --keep-fields A,B,...   copy these input fields into each output line after the id, as\n"
           "                          they are (JSON values keep their type; one that newsdesk writes\n"
           "                          itself, such as topic, is named input_topic)\n");
    if (strcmp(cmd, "classify") && !cleaning) printf("%s", CLI_SUMMARY_HELP);
    printf("%s  --explain               say on stderr which blocks of the page were removed, and why\n"
           "                          (a clutter rule, or the block model's chance that it is story;\n"
           "                          and a headline taken as the title)\n\n", CLI_RUN_HELP);
    printf("%s", CLI_INPUT_HELP);
    printf("\nExample:\n  newsdesk %s datasets/sample.jsonl.gz | jq -c .\n", cmd);
}

static int run_command(const char *cmd, int classify, int summarize, int story, int argc, char **argv)
{
    static const struct option longopts[] = {
        CLI_INPUT_OPTIONS,
        CLI_RUN_OPTIONS,
        { "format", required_argument, NULL, 'f' },
        { "min-confidence", required_argument, NULL, 'c' },
        { "explain", no_argument, NULL, 'X' },
        { "probabilities", no_argument, NULL, 'P' },
        { "keep-fields", required_argument, NULL, 'K' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    struct cli_input in;
    cli_input_init(&in);
    struct run r;
    memset(&r, 0, sizeof(r));
    r.fmt = ND_OUT_JSONL;
    nd_analyze_opts_init(&r.aopts);
    r.aopts.classify = classify;
    r.aopts.summarize = summarize;
    r.aopts.story = story;
    nd_batch_opts bopts;
    nd_batch_opts_init(&bopts);
    const char *keep_arg = NULL;
    optind = 0;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "qhj:", longopts, NULL)) != -1) {
        int h = cli_input_option(&in, cmd, c, optarg);
        if (!h) h = cli_run_option(&r.aopts, &bopts, cmd, c, optarg);
        if (h < 0) return EXIT_USAGE;
        if (h) continue;
        switch (c) {
        case 'h': help(cmd); return cli_close_stdout();
        case 'f':
            if (!strcmp(optarg, "jsonl") || !strcmp(optarg, "json")) r.fmt = ND_OUT_JSONL;
            else if (!strcmp(optarg, "tsv")) r.fmt = ND_OUT_TSV;
            else if (!strcmp(optarg, "csv")) r.fmt = ND_OUT_CSV;
            else return cli_usage_error(cmd, "unknown output format '%s' (jsonl, tsv, csv)", optarg);
            break;
        case 'c':
            if (story) return cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
            if (cli_parse_double(optarg, 0, 1, &r.aopts.min_confidence))
                return cli_usage_error(cmd, "--min-confidence wants a number in [0, 1], not '%s'", optarg);
            break;
        case 'X': r.aopts.explain = 1; break;
        case 'K':
            if (!*optarg || *optarg == ',' || optarg[strlen(optarg) - 1] == ',' || strstr(optarg, ",,"))
                return cli_usage_error(cmd, "--keep-fields wants field names separated by commas, not '%s'", optarg);
            keep_arg = optarg;
            break;
        case 'P':
            if (!classify) return cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
            r.aopts.probabilities = 1;
            break;
        default: return cli_unknown_option(cmd, argv);
        }
    }
    if (optind == argc && isatty(STDIN_FILENO))
        return cli_usage_error(cmd, "no input: give FILE..., pipe articles in, or '-' to type them");
    nd_model *m = cli_load_model(cmd, in.model_dir);
    if (!m) return EXIT_FAIL;
    /* --keep-fields: the names, split in a copy of the argument, for the reader and the output */
    char *keep_names = keep_arg ? nd_xstrdup(keep_arg) : NULL;
    const char **keep = keep_arg ? nd_xmalloc((strlen(keep_arg) / 2 + 1) * sizeof(*keep)) : NULL;
    size_t nkeep = 0;
    for (char *p = keep_names, *comma; p; p = comma) {
        if ((comma = strchr(p, ','))) *comma++ = '\0';
        keep[nkeep++] = p;
    }
    in.reader.keep = r.aopts.keep = keep;
    in.reader.nkeep = r.aopts.nkeep = nkeep;
    nd_reader *rd = nd_reader_new((const char *const *)argv + optind, (size_t)(argc - optind), &in.reader);
    r.in = &in;
    nd_buf_init(&r.out);
    nd_buf_init(&r.line);
    cli_progress_init(&r.progress, in.progress);
    nd_emit_header(&r.out, r.fmt, &r.aopts);
    nd_err err = { 0 };
    nd_status st = nd_batch_run(rd, m, &r.aopts, &bopts, on_result, &r, &err);
    int rc = EXIT_OK;
    if (!r.write_failed && cli_write(&r.out)) r.write_failed = 1;
    cli_progress_done(&r.progress);
    if (st != ND_OK) {
        cli_error("%s", err.msg);
        rc = EXIT_FAIL;
    }
    if (r.failed) {
        fprintf(stderr, "newsdesk: %zu of %zu records failed\n", r.failed, r.records);
        rc = EXIT_FAIL;
    }
    if (r.nforeign && r.aopts.classify) {   /* an English bundle's topics for German news are guesses */
        nd_buf_reset(&r.line);
        qsort(r.foreign, r.nforeign, sizeof(*r.foreign), by_count);
        for (size_t k = 0; k < r.nforeign; k++)
            nd_buf_addf(&r.line, "%s%zu %s", k ? ", " : "", r.foreign[k].n, r.foreign[k].code);
        fprintf(stderr, "newsdesk: note: stories in another language than the model's (%s): %s of %zu records; their "
                        "topics and regions are guesses (a bundle for them: newsdesk train --language %s)\n",
                nd_model_language(m), r.line.data, r.records, r.foreign[0].code);
    }
    if (r.repaired && in.quiet)
        fprintf(stderr, "newsdesk: %zu records had bytes that are not UTF-8 (read as Windows-1252) or NUL (read as spaces)\n",
                r.repaired);
    nd_buf_release(&r.out);
    nd_buf_release(&r.line);
    nd_reader_free(rd);
    nd_model_free(m);
    free(keep);
    free(keep_names);
    if (r.write_failed) rc = EXIT_FAIL;
    if (cli_close_stdout() != EXIT_OK) rc = EXIT_FAIL;
    return rc;
}

int cmd_process(int argc, char **argv)
{
    return run_command("process", 1, 1, 0, argc, argv);
}

int cmd_classify(int argc, char **argv)
{
    return run_command("classify", 1, 0, 0, argc, argv);
}

int cmd_summarize(int argc, char **argv)
{
    return run_command("summarize", 0, 1, 0, argc, argv);
}

int cmd_clean(int argc, char **argv)
{
    return run_command("clean", 0, 0, 1, argc, argv);
}
