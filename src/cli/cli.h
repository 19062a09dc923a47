/*
 * cli.h -- what the newsdesk commands share: messages, exit codes, the
 * options every reading command takes, model lookup.
 */
#ifndef ND_CLI_H
#define ND_CLI_H

#include "newsdesk.h"

#include <getopt.h>   /* struct option */

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* "newsdesk: error: ..." on stderr; returns -1 so callers can 'return cli_error(...)'. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A usage error: the reason, then "try 'newsdesk CMD --help'"; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* getopt_long's '?' or ':': the option it did not know or that lacked its value, named as given; EXIT_USAGE. */
int cli_unknown_option(const char *cmd, char **argv);

/* Options shared by the commands that read corpora. */
struct cli_input {
    nd_reader_opts reader;
    const char *model_dir;
    int quiet;          /* no per-record diagnostics */
    int progress;       /* -1: only on a tty */
};

/* Long options of cli_input; their codes start at CLI_OPT_BASE. */
#define CLI_OPT_BASE 1000
#define CLI_INPUT_OPTIONS                                                       \
    { "model", required_argument, NULL, CLI_OPT_BASE + 0 },                     \
    { "input-format", required_argument, NULL, CLI_OPT_BASE + 1 },              \
    { "id-field", required_argument, NULL, CLI_OPT_BASE + 2 },                  \
    { "title-field", required_argument, NULL, CLI_OPT_BASE + 3 },               \
    { "text-field", required_argument, NULL, CLI_OPT_BASE + 4 },                \
    { "topic-field", required_argument, NULL, CLI_OPT_BASE + 5 },               \
    { "region-field", required_argument, NULL, CLI_OPT_BASE + 6 },              \
    { "summary-field", required_argument, NULL, CLI_OPT_BASE + 7 },             \
    { "url-field", required_argument, NULL, CLI_OPT_BASE + 10 },                \
    { "max-record", required_argument, NULL, CLI_OPT_BASE + 8 },                \
    { "quiet", no_argument, NULL, 'q' },                                        \
    { "progress", no_argument, NULL, CLI_OPT_BASE + 9 }

#define CLI_INPUT_HELP                                                                         \
    "Input:\n"                                                                                 \
    "  FILE...                 JSON Lines, TSV with a header, or text files (one article\n"    \
    "                          each; directories are walked); gzip or plain; '-' or none\n"    \
    "                          is stdin\n"                                                     \
    "  --input-format FMT      auto (default: by content), jsonl, tsv or text\n"               \
    "  --id-field NAME         field names (defaults: id, title, text, topic, region,\n"       \
    "  --title-field NAME      summary, url); an empty name ignores that field; the url's\n"  \
    "                          country code (.au, .za, ...) helps place the article\n"        \
    "  --text-field NAME       (a JSON record without 'text' is read from its content,\n"   \
    "                          body, article, maintext, full_text, story or description)\n" \
    "  --topic-field NAME\n"                                                                   \
    "  --region-field NAME\n"                                                                  \
    "  --summary-field NAME\n"                                                                 \
    "  --url-field NAME        (a JSON record without 'url' is read from its 'link', as a\n"  \
    "                          feed's items name it, when its input's first one has one)\n" \
    "  --max-record SIZE       longer records are reported and skipped (default 4M)\n"        \
    "  -q, --quiet             no message per bad record (the count is still printed)\n"      \
    "  --progress              show progress on stderr even when it is not a terminal\n"

/* Options of the commands that analyse articles (process, classify, summarize, eval). */
#define CLI_RUN_OPTIONS                                                         \
    { "sentences", required_argument, NULL, CLI_OPT_BASE + 20 },                \
    { "method", required_argument, NULL, CLI_OPT_BASE + 21 },                   \
    { "ratio", required_argument, NULL, CLI_OPT_BASE + 22 },                    \
    { "words", required_argument, NULL, CLI_OPT_BASE + 23 },                    \
    { "mmr", required_argument, NULL, CLI_OPT_BASE + 24 },                      \
    { "keep-boilerplate", no_argument, NULL, CLI_OPT_BASE + 25 },               \
    { "highlights", no_argument, NULL, CLI_OPT_BASE + 27 },                     \
    { "threads", required_argument, NULL, 'j' },                                \
    { "batch", required_argument, NULL, CLI_OPT_BASE + 26 }

#define CLI_SUMMARY_HELP                                                                       \
    "  --sentences K           sentences per summary (default 3)\n"                           \
    "  --ratio R               summary length as a fraction of the sentences instead\n"      \
    "  --words W               summary length in words instead (whole sentences)\n"          \
    "  --method M              learned (default when the model has a sentence model, else\n" \
    "                          textrank), textrank, centroid or lead\n"                       \
    "  --mmr L                 redundancy penalty: score - L * similarity to the sentences\n" \
    "                          already taken (default 0.3; 0 turns it off)\n"             \
    "  --highlights            learned: pick every article's sentences as for human\n"    \
    "                          highlights (by default a datelined article's, a story cut\n" \
    "                          from a page's and a record's with a url; a clean text gets\n" \
    "                          what long extractive references favour)\n"

#define CLI_RUN_HELP                                                                           \
    "  --keep-boilerplate      do not remove site clutter (menus, share lines, bylines...)\n" \
    "  --threads N             worker threads (default: online CPUs)\n"                       \
    "  --batch N               records per batch (default 256)\n"

void cli_input_init(struct cli_input *in);
/* Handle option 'c' if it is one of CLI_RUN_OPTIONS: 1 handled, 0 not ours, -1 bad value (reported). */
int cli_run_option(nd_analyze_opts *ao, nd_batch_opts *bo, const char *cmd, int c, const char *arg);
/* Handle option 'c' if it is one of CLI_INPUT_OPTIONS: 1 handled, 0 not ours, -1 bad value. */
int cli_input_option(struct cli_input *in, const char *cmd, int c, const char *arg);

/*
 * A file of the project's data (e.g. "models/gazetteer.tsv", "models/default")
 * beside the program in a build tree, else installed under share/newsdesk
 * (without "models/" but for the default bundle): its path in 'buf', or NULL.
 */
const char *cli_find_data(const char *name, char *buf, size_t size);
/* $NEWSDESK_MODEL, else the build tree's or the installed models/default (in 'buf'), or NULL. */
const char *cli_default_model_dir(char *buf, size_t size);
/* Load --model, $NEWSDESK_MODEL, the build tree's or the installed models/default. */
nd_model *cli_load_model(const char *cmd, const char *dir);

/* Parse "4M", "512k", "1000": bytes. Returns 0 on success. */
int cli_parse_size(const char *s, size_t *out);
int cli_parse_int(const char *s, long lo, long hi, long *out);
int cli_parse_double(const char *s, double lo, double hi, double *out);

/* Report a bad record on stderr: "newsdesk: FILE:LINE: record 'ID': MSG". */
void cli_record_error(const nd_record *rec, const char *msg);
/* A remark about a good record, same shape: "newsdesk: FILE:LINE: record 'ID': MSG". */
void cli_record_note(const nd_record *rec, const char *msg);
/* A note that a record's text came from another field than "text" ("content", ...), when that field changes. */
void cli_record_text_field(const nd_record *rec);
/* Warn about what the reader mended in a good record (bytes not UTF-8, NUL bytes); nothing if nothing. */
void cli_record_repairs(const nd_record *rec);

/* Progress on stderr, at most every half second; cli_progress_done ends the line. */
struct cli_progress {
    int on;
    double last;
    size_t records;
};
void cli_progress_init(struct cli_progress *p, int requested);
void cli_progress_tick(struct cli_progress *p, size_t records);
void cli_progress_done(struct cli_progress *p);

/* Flush and close stdout; on failure say so. Returns EXIT_OK or EXIT_FAIL. */
int cli_close_stdout(void);
/* Write a buffer to stdout; returns 0 or -1 (EPIPE and the like). */
int cli_write(const nd_buf *b);

int cmd_process(int argc, char **argv);
int cmd_classify(int argc, char **argv);
int cmd_summarize(int argc, char **argv);
int cmd_clean(int argc, char **argv);
int cmd_train(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_info(int argc, char **argv);

#endif
