/* common.c -- messages, shared options, model lookup, progress, stdout. */
#include "cli.h"
#include "datadir.h"   /* ND_DATADIR: PREFIX/share/newsdesk */

#include <errno.h>     /* errno */
#include <limits.h>    /* PATH_MAX */
#include <stdarg.h>    /* va_list */
#include <stdio.h>     /* fprintf */
#include <stdlib.h>    /* getenv, strtod */
#include <string.h>    /* strcmp */
#include <sys/stat.h>  /* stat */
#include <time.h>      /* clock_gettime */
#include <unistd.h>    /* isatty, readlink */

int cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("newsdesk: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return -1;
}

void cli_warning(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("newsdesk: warning: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "newsdesk %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry 'newsdesk %s --help'.\n", cmd);
    va_end(ap);
    return EXIT_USAGE;
}

int cli_unknown_option(const char *cmd, char **argv)
{
    const char *a = argv[optind - 1];
    if (a[0] == '-' && a[1] == '-')   /* a long one as given, without its value: "--bogus", "--min-df" */
        return cli_usage_error(cmd, "unknown or incomplete option '%.*s'", (int)strcspn(a, "="), a);
    if (optopt && optopt < CLI_OPT_BASE && optopt > ' ')   /* a short one, perhaps among others: "-qZ" */
        return cli_usage_error(cmd, "unknown or incomplete option '-%c'", optopt);
    return cli_usage_error(cmd, "unknown or incomplete option '%s'", a);
}

void cli_input_init(struct cli_input *in)
{
    nd_reader_opts_init(&in->reader);
    in->model_dir = NULL;
    in->quiet = 0;
    in->progress = -1;
}

int cli_parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || errno || v < 0) return -1;
    double mult = 1;
    if (*end == 'k' || *end == 'K') mult = 1024, end++;
    else if (*end == 'm' || *end == 'M') mult = 1024 * 1024, end++;
    else if (*end == 'g' || *end == 'G') mult = 1024.0 * 1024 * 1024, end++;
    if (*end || v * mult > 1e15) return -1;
    *out = (size_t)(v * mult);
    return 0;
}

int cli_parse_int(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || *end || errno || v < lo || v > hi) return -1;
    *out = v;
    return 0;
}

int cli_parse_double(const char *s, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || errno || !(v >= lo && v <= hi)) return -1;
    *out = v;
    return 0;
}

int cli_input_option(struct cli_input *in, const char *cmd, int c, const char *arg)
{
    nd_fields *f = &in->reader.fields;
    switch (c) {
    case CLI_OPT_BASE + 0: in->model_dir = arg; return 1;
    case CLI_OPT_BASE + 1:
        if (!strcmp(arg, "auto")) in->reader.format = ND_FMT_AUTO;
        else if (!strcmp(arg, "jsonl")) in->reader.format = ND_FMT_JSONL;
        else if (!strcmp(arg, "tsv")) in->reader.format = ND_FMT_TSV;
        else if (!strcmp(arg, "text")) in->reader.format = ND_FMT_TEXT;
        else return cli_usage_error(cmd, "unknown input format '%s' (auto, jsonl, tsv, text)", arg), -1;
        return 1;
    case CLI_OPT_BASE + 2: f->id = arg; return 1;
    case CLI_OPT_BASE + 3: f->title = arg; return 1;
    case CLI_OPT_BASE + 4:
        if (!*arg) return cli_usage_error(cmd, "the text field name cannot be empty"), -1;
        f->text = arg;
        return 1;
    case CLI_OPT_BASE + 5: f->topic = arg; return 1;
    case CLI_OPT_BASE + 6: f->region = arg; return 1;
    case CLI_OPT_BASE + 7: f->summary = arg; return 1;
    case CLI_OPT_BASE + 10: f->url = arg; return 1;
    case CLI_OPT_BASE + 8:
        if (cli_parse_size(arg, &in->reader.max_record) || in->reader.max_record < 64)
            return cli_usage_error(cmd, "--max-record wants a size of at least 64 bytes, like 4M, not '%s'", arg), -1;
        return 1;
    case CLI_OPT_BASE + 9: in->progress = 1; return 1;
    case 'q': in->quiet = 1; return 1;
    }
    return 0;
}

/* The option that set the summary's length (--sentences, --ratio, --words): one of them, once per run. */
static int length_set_by(const char *cmd, const char *opt)
{
    static const char *first;
    if (first && strcmp(first, opt))
        return cli_usage_error(cmd, "%s and %s both set the summary's length: give one of them", first, opt), -1;
    first = opt;
    return 0;
}

int cli_run_option(nd_analyze_opts *ao, nd_batch_opts *bo, const char *cmd, int c, const char *arg)
{
    long v;
    if ((c == CLI_OPT_BASE + 20 && length_set_by(cmd, "--sentences")) || (c == CLI_OPT_BASE + 22 && length_set_by(cmd, "--ratio")) ||
        (c == CLI_OPT_BASE + 23 && length_set_by(cmd, "--words")))
        return -1;
    switch (c) {
    case CLI_OPT_BASE + 20:
        if (cli_parse_int(arg, 1, ND_MAX_SUMMARY, &v))
            return cli_usage_error(cmd, "--sentences wants a number from 1 to %d, not '%s'", ND_MAX_SUMMARY, arg), -1;
        ao->sentences = (int)v;
        return 1;
    case CLI_OPT_BASE + 21: {
        int m = nd_sum_method_parse(arg);
        if (m < 0) return cli_usage_error(cmd, "unknown summary method '%s' (learned, textrank, centroid, lead)", arg), -1;
        ao->method = (nd_sum_method)m;
        return 1;
    }
    case CLI_OPT_BASE + 22:
        if (cli_parse_double(arg, 1e-6, 1, &ao->ratio))
            return cli_usage_error(cmd, "--ratio wants a fraction in (0, 1], not '%s'", arg), -1;
        return 1;
    case CLI_OPT_BASE + 23:
        if (cli_parse_int(arg, 1, 100000, &v)) return cli_usage_error(cmd, "--words wants a positive number, not '%s'", arg), -1;
        ao->words = (int)v;
        return 1;
    case CLI_OPT_BASE + 24:
        if (cli_parse_double(arg, 0, 0.99, &ao->mmr))
            return cli_usage_error(cmd, "--mmr wants a number in [0, 0.99], not '%s'", arg), -1;
        return 1;
    case CLI_OPT_BASE + 25: ao->keep_boilerplate = 1; return 1;
    case CLI_OPT_BASE + 27: ao->highlights = 1; return 1;
    case 'j':
        if (cli_parse_int(arg, 1, 256, &v))
            return cli_usage_error(cmd, "--threads wants a number from 1 to 256, not '%s'", arg), -1;
        bo->threads = (int)v;
        return 1;
    case CLI_OPT_BASE + 26:
        if (cli_parse_int(arg, 1, 1 << 20, &v)) return cli_usage_error(cmd, "--batch wants a positive number, not '%s'", arg), -1;
        bo->batch = (size_t)v;
        return 1;
    }
    return 0;
}

static int is_bundle(const char *dir)
{
    char path[PATH_MAX];
    struct stat st;
    if (snprintf(path, sizeof(path), "%s/manifest", dir) >= (int)sizeof(path)) return 0;
    return stat(path, &st) == 0;
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

const char *cli_find_data(const char *name, char *found, size_t size)
{
    int (*ok)(const char *) = !strcmp(name, "models/default") ? is_bundle : exists;
    /* next to the binary (build tree: build/newsdesk -> models/...), then installed */
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    const char *installed = !strncmp(name, "models/", 7) && strcmp(name, "models/default") ? name + 7 : name;
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) *slash = '\0';
        const char *rel[] = { "/", "/../", "/../share/newsdesk/" };
        for (size_t i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
            snprintf(found, size, "%s%s%s", exe, rel[i], i == 2 ? installed : name);
            if (ok(found)) return found;
        }
    }
    snprintf(found, size, "%s/%s", ND_DATADIR, installed);
    return ok(found) ? found : NULL;
}

const char *cli_default_model_dir(char *found, size_t size)
{
    const char *dir = getenv("NEWSDESK_MODEL");
    if (dir && *dir) return dir;
    return cli_find_data("models/default", found, size);
}

nd_model *cli_load_model(const char *cmd, const char *dir)
{
    char found[PATH_MAX];
    (void)cmd;
    if (!dir && !(dir = cli_default_model_dir(found, sizeof(found)))) {
        cli_error("no model found: give --model DIR or set NEWSDESK_MODEL");
        return NULL;
    }
    nd_err err = { 0 };
    nd_model *m = nd_model_load(dir, &err);
    if (!m) cli_error("cannot load model '%s': %s", dir, err.msg);
    return m;
}

/* Print s with control characters shown as '?': an id or a path cannot forge diagnostic lines. */
static void put_clean(const char *s)
{
    for (; s && *s; s++) fputc((unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s, stderr);
}

/* "newsdesk: FILE:LINE: record 'ID': " (or FILE without a line for whole-file records) */
static void record_prefix(const nd_record *rec, const char *kind)
{
    fprintf(stderr, "newsdesk: %s", kind);
    put_clean(rec->file ? rec->file : "-");
    if (rec->line) fprintf(stderr, ":%ld", rec->line);
    fputs(": record '", stderr);
    put_clean(rec->id);
    fputs("': ", stderr);
}

void cli_record_error(const nd_record *rec, const char *msg)
{
    record_prefix(rec, "");
    put_clean(msg);
    fputc('\n', stderr);
}

void cli_record_note(const nd_record *rec, const char *msg)
{
    cli_record_error(rec, msg);
}

void cli_record_text_field(const nd_record *rec)
{
    static const char *noted;   /* when the name the reader fell back to changes (the CLI's own thread writes) */
    if (!rec->repairs.text_field || rec->repairs.text_field == noted) return;
    noted = rec->repairs.text_field;
    record_prefix(rec, "note: ");
    fprintf(stderr, "no field 'text': its '%s' is read as the text, as for the records after it (--text-field names"
                    " another)\n", noted);
}

void cli_record_repairs(const nd_record *rec)
{
    unsigned u = rec->repairs.utf8, z = rec->repairs.nul;
    if (u) {
        record_prefix(rec, "warning: ");
        fprintf(stderr, "read %u byte%s that %s not UTF-8 as Windows-1252\n", u, u == 1 ? "" : "s", u == 1 ? "is" : "are");
    }
    if (z) {
        record_prefix(rec, "warning: ");
        fprintf(stderr, "read %u NUL byte%s as space%s\n", z, z == 1 ? "" : "s", z == 1 ? "" : "s");
    }
    if (rec->repairs.mojibake) {
        unsigned m = rec->repairs.mojibake;
        record_prefix(rec, "warning: ");
        fprintf(stderr, "mended %u character%s of UTF-8 once read as Windows-1252 (\"f\xC3\x83\xC2\xBCr\" for \"f\xC3\xBCr\")\n", m, m == 1 ? "" : "s");
    }
    if (rec->repairs.charset[0]) {
        record_prefix(rec, "warning: ");
        fprintf(stderr, "not UTF-8: read as %s, the encoding the page declares", rec->repairs.charset);
        if (rec->repairs.charset_bad) fprintf(stderr, " (%u byte sequences it has no character for read as U+FFFD)", rec->repairs.charset_bad);
        fputc('\n', stderr);
    }
    if (rec->repairs.surrogate) {
        unsigned h = rec->repairs.surrogate;
        record_prefix(rec, "warning: ");
        fprintf(stderr, "read %u escape%s of half a UTF-16 pair as U+FFFD\n", h, h == 1 ? "" : "s");
    }
}

static double mono(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

void cli_progress_init(struct cli_progress *p, int requested)
{
    p->on = requested == 1 || (requested < 0 && isatty(STDERR_FILENO));
    p->last = mono();
    p->records = 0;
}

void cli_progress_tick(struct cli_progress *p, size_t records)
{
    p->records = records;
    if (!p->on || (records & 63)) return;
    double t = mono();
    if (t - p->last < 0.5) return;
    p->last = t;
    fprintf(stderr, "\rnewsdesk: %zu records", records);
}

void cli_progress_done(struct cli_progress *p)
{
    if (p->on) fprintf(stderr, "\rnewsdesk: %zu records\n", p->records);
}

int cli_write(const nd_buf *b)
{
    if (b->len && fwrite(b->data, 1, b->len, stdout) != b->len) return -1;
    return 0;
}

int cli_close_stdout(void)
{
    int bad = ferror(stdout);
    if (fclose(stdout) != 0 || bad) {
        cli_error("writing output failed: %s", strerror(errno));
        return EXIT_FAIL;
    }
    return EXIT_OK;
}
