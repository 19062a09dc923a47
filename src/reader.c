/*
 * reader.c -- records from files, directories and stdin.
 *
 * An input that starts with gzip's magic is inflated by zlib (every member
 * of a concatenated stream), anything else read as it is. The inflate loop
 * is the reader's own rather than gzread's because gzread drops what it
 * decoded in a call that ends in an error: a bad checksum in the trailer
 * lost the last 32 records of a complete file. Data comes in large blocks; lines are
 * cut out of them with a hard cap on the bytes kept per line, so an oversized
 * record costs at most max_record bytes of memory before it is rejected.
 * Every problem (unopenable file, truncated gzip, bad line, empty input) is
 * returned as a record whose 'error' is set. What the bytes are and how
 * they read as UTF-8 (UTF-16, declared encodings, mojibake) is encoding.c's.
 */
#define _GNU_SOURCE   /* memmem */
#include "nd_internal.h"

#include <cJSON.h>     /* cJSON_ParseWithLength */
#include <dirent.h>    /* opendir */
#include <errno.h>     /* errno */
#include <fcntl.h>     /* open */
#include <stdlib.h>    /* qsort, free */
#include <sys/stat.h>  /* stat */
#include <unistd.h>    /* dup, STDIN_FILENO */
#include <zlib.h>      /* inflate */

#define ND_BLOCK (256 * 1024)
#define ND_INBUF (128 * 1024)
#define ND_ID_PREFIX 4096   /* bytes of an oversized line kept to find its id */

struct nd_reader {
    nd_reader_opts opts;
    struct qent { char *path; int walked; } *queue;   /* inputs still to read (paths owned); walked: found in a directory */
    size_t nqueue, qalloc, qpos;
    struct dirid { dev_t dev; ino_t ino; } *dirs;      /* the directories walked so far */
    size_t ndirs, dalloc;

    /* the open input */
    int fd;                /* -1: none open */
    int gzip;              /* it is gzip: inflated through z */
    z_stream z;            /* gzip: the inflater, its input in 'in'; plain: next_in/avail_in are bytes read ahead */
    unsigned char *in;     /* ND_INBUF bytes read from fd */
    int in_eof;            /* fd has no more */
    char *name;
    nd_format fmt;
    long lineno;
    unsigned char *blk;    /* 2 * ND_BLOCK: room for a block of UTF-16 as UTF-8 */
    size_t pos, end;
    int eof;
    int utf16;             /* 0, or the input is UTF-16: 1 little-endian, 2 big-endian (by its byte order mark) */
    unsigned char *raw;    /* UTF-16 bytes read and not yet converted (ND_BLOCK), 'keep' of them */
    size_t keep;
    char *ioerr;           /* read error of the current input, once seen */
    int ioerr_reported;
    nd_buf line;
    nd_buf scratch;        /* a decoded JSON string */
    size_t line_full;      /* true length of the current line (may exceed line.len) */
    int line_unterminated; /* the last line had no newline because of a read error */

    const char *text_name; /* JSON: the field read as the text (the one asked for, or the one found for it) */
    const char *title_name;  /* JSON: the field read as the title ("title", or "headline" where the first record has that) */
    int title_looked;      /* JSON: a record without a title was looked at for a "headline" */
    const char *url_name;  /* JSON: the field read as the address ("url", or a feed's "link" where the first record has that) */
    int url_looked;        /* JSON: a record without a url was looked at for a "link" */

    /* TSV columns: index of each field, -1 if absent */
    int col[ND_NFIELDS];
    int ncols;
    nd_buf header;         /* the TSV header line */
    int *keep_col;         /* TSV: the column of each kept field, -1 if absent */
};

void nd_reader_opts_init(nd_reader_opts *o)
{
    memset(o, 0, sizeof(*o));
    o->format = ND_FMT_AUTO;
    o->fields.id = "id";
    o->fields.title = "title";
    o->fields.text = "text";
    o->fields.topic = "topic";
    o->fields.region = "region";
    o->fields.summary = "summary";
    o->fields.url = "url";
    o->fields.with = "with";
    o->fields.without = "without";
    o->max_record = 4u << 20;
}

void nd_record_init(nd_record *r)
{
    memset(r, 0, sizeof(*r));
}

void nd_record_release(nd_record *r)
{
    free(r->id);
    free(r->title);
    free(r->text);
    free(r->topic);
    free(r->region);
    free(r->summary);
    free(r->url);
    free(r->with);
    free(r->without);
    free(r->file);
    free(r->error);
    for (size_t i = 0; i < r->nkeep; i++) {
        free(r->keep_json[i]);
        free(r->keep_text[i]);
    }
    free(r->keep_json);
    free(r->keep_text);
    nd_record_init(r);
}

static void queue_push(nd_reader *rd, size_t at, char *path, int walked)
{
    ND_GROW(rd->queue, rd->nqueue + 1, rd->qalloc);
    memmove(rd->queue + at + 1, rd->queue + at, (rd->nqueue - at) * sizeof(*rd->queue));
    rd->queue[at] = (struct qent){ path, walked };
    rd->nqueue++;
}

nd_reader *nd_reader_new(const char *const *paths, size_t npaths, const nd_reader_opts *opts)
{
    nd_reader *rd = nd_xcalloc(1, sizeof(*rd));
    if (opts)
        rd->opts = *opts;
    else
        nd_reader_opts_init(&rd->opts);
    if (rd->opts.max_record < 64) rd->opts.max_record = 64;
    for (size_t i = 0; i < npaths; i++) queue_push(rd, rd->nqueue, nd_xstrdup(paths[i]), 0);
    if (npaths == 0) queue_push(rd, 0, nd_xstrdup("-"), 0);
    rd->blk = nd_xmalloc(2 * ND_BLOCK);
    rd->fd = -1;
    nd_buf_init(&rd->line);
    nd_buf_init(&rd->header);
    nd_buf_init(&rd->scratch);
    return rd;
}

static void close_input(nd_reader *rd)
{
    if (rd->fd >= 0) {
        if (rd->gzip) inflateEnd(&rd->z);
        close(rd->fd);
    }
    rd->fd = -1;
    rd->gzip = 0;
    rd->in_eof = 0;
    free(rd->name);
    rd->name = NULL;
    free(rd->ioerr);
    rd->ioerr = NULL;
    rd->ioerr_reported = 0;
    rd->pos = rd->end = 0;
    rd->eof = 0;
    rd->utf16 = 0;
    rd->keep = 0;
    rd->lineno = 0;
    rd->line_unterminated = 0;
}

void nd_reader_free(nd_reader *rd)
{
    if (!rd) return;
    close_input(rd);
    for (size_t i = rd->qpos; i < rd->nqueue; i++) free(rd->queue[i].path);
    free(rd->queue);
    free(rd->dirs);
    free(rd->blk);
    free(rd->raw);
    free(rd->in);
    nd_buf_release(&rd->line);
    nd_buf_release(&rd->header);
    free(rd->keep_col);
    nd_buf_release(&rd->scratch);
    free(rd);
}

/* The name of a record without an id: "FILE:LINE", or FILE for a whole-file record. */
static char *record_name(const char *file, long line)
{
    return line ? nd_xstrf("%s:%ld", file, line) : nd_xstrdup(file);
}

/* An error record for the current position. */
static void set_error(nd_record *rec, const char *file, long line, const char *id, nd_status code,
                      const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static void set_error(nd_record *rec, const char *file, long line, const char *id, nd_status code,
                      const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    free(rec->error);
    rec->error = nd_xstrdup(msg);
    rec->error_code = code;
    if (!rec->file) rec->file = nd_xstrdup(file);
    rec->line = line;
    if (!rec->id) rec->id = id ? nd_xstrdup(id) : record_name(file, line);
}

/* A read error of the input, kept once (the first says where things went wrong). */
static void io_error(nd_reader *rd, char *msg)
{
    if (rd->ioerr) free(msg);
    else rd->ioerr = msg;
}

/* More compressed bytes into rd->in when it is used up; 0 when fd has no more. */
static int refill(nd_reader *rd)
{
    if (rd->z.avail_in) return 1;
    if (rd->in_eof) return 0;
    ssize_t n;
    do n = read(rd->fd, rd->in, ND_INBUF);
    while (n < 0 && errno == EINTR);
    if (n <= 0) {
        if (n < 0) io_error(rd, nd_xstrf("read failed: %s", strerror(errno)));
        rd->in_eof = 1;
        return 0;
    }
    rd->z.next_in = rd->in;
    rd->z.avail_in = (uInt)n;
    return 1;
}

/* Up to 'cap' bytes of the input into buf: their count, 0 at the end (rd->eof set). Records a read error once. */
static size_t read_raw(nd_reader *rd, unsigned char *buf, size_t cap)
{
    if (rd->eof) return 0;
    if (!rd->gzip) {   /* plain: what was read ahead, then straight from fd */
        if (!refill(rd)) {
            rd->eof = 1;
            return 0;
        }
        size_t n = rd->z.avail_in < cap ? rd->z.avail_in : cap;
        memcpy(buf, rd->z.next_in, n);
        rd->z.next_in += n;
        rd->z.avail_in -= (uInt)n;
        return n;
    }
    for (;;) {
        refill(rd);
        rd->z.next_out = buf;
        rd->z.avail_out = (uInt)cap;
        int ret = inflate(&rd->z, Z_NO_FLUSH);
        size_t got = cap - rd->z.avail_out;
        if (ret == Z_STREAM_END) {   /* a member ends: another may follow (gzip's magic), else the input does */
            if (refill(rd) && rd->z.avail_in >= 2 && rd->z.next_in[0] == 0x1f && rd->z.next_in[1] == 0x8b) {
                inflateReset(&rd->z);
            } else {
                rd->eof = 1;   /* bytes after the last member are not gzip: ignored, as gzip does */
                return got;
            }
        } else if (ret == Z_BUF_ERROR || (ret == Z_OK && got == 0 && !rd->z.avail_in && rd->in_eof)) {
            if (!rd->z.avail_in && rd->in_eof) {   /* no input left in the middle of a member */
                io_error(rd, nd_xstrdup("input truncated (unexpected end of gzip stream)"));
                rd->eof = 1;
                return got;
            }
        } else if (ret != Z_OK) {   /* what was decoded before the damage is kept */
            io_error(rd, nd_xstrf("corrupt gzip data (%s)", rd->z.msg ? rd->z.msg : "inflate failed"));
            rd->eof = 1;
            return got;
        }
        if (got) return got;
    }
}

/*
 * The next UTF-16 bytes as UTF-8 into the block: whole code units (and
 * surrogate pairs) only, the rest kept for the next call; a lone surrogate,
 * or an odd byte at the end, becomes U+FFFD.
 */
static size_t convert_utf16(nd_reader *rd)
{
    size_t o = 0;
    while (o == 0) {
        size_t n = read_raw(rd, rd->raw + rd->keep, ND_BLOCK - rd->keep), have = rd->keep + n, used;
        if (have == 0) return 0;
        o = nd_utf16_to_utf8(rd->raw, have, rd->utf16 == 1, rd->eof, (char *)rd->blk, &used);
        rd->keep = have - used;
        memmove(rd->raw, rd->raw + used, rd->keep);
        if (rd->eof && o == 0) return 0;
    }
    return o;
}

/* Refill the block buffer. */
static int fill(nd_reader *rd)
{
    size_t n = rd->utf16 ? convert_utf16(rd) : read_raw(rd, rd->blk, ND_BLOCK);
    if (n == 0) return 0;
    rd->pos = 0;
    rd->end = n;
    return 1;
}

/* A UTF-16 input (by its byte order mark): what was read of it goes back to be converted. */
static void start_utf16(nd_reader *rd)
{
    const unsigned char *b = rd->blk + rd->pos;
    rd->utf16 = b[0] == 0xFF ? 1 : 2;
    if (!rd->raw) rd->raw = nd_xmalloc(ND_BLOCK);
    rd->keep = rd->end - rd->pos - 2;
    memcpy(rd->raw, b + 2, rd->keep);
    rd->pos = rd->end = 0;
    fill(rd);   /* nothing after the mark: pos == end, the caller says "empty input" */
}

/*
 * Next line into rd->line (without the newline). Keeps at most max_record
 * bytes (ND_ID_PREFIX once over the limit); rd->line_full has the real
 * length. Returns 0 at the end of the input.
 */
static int read_line(nd_reader *rd)
{
    nd_buf_reset(&rd->line);
    rd->line_full = 0;
    rd->line_unterminated = 0;
    int any = 0;
    for (;;) {
        if (rd->pos >= rd->end && !fill(rd)) {
            if (!any) return 0;
            rd->line_unterminated = rd->ioerr != NULL;
            break;
        }
        any = 1;
        unsigned char *start = rd->blk + rd->pos;
        unsigned char *nl = memchr(start, '\n', rd->end - rd->pos);
        size_t n = nl ? (size_t)(nl - start) : rd->end - rd->pos;
        size_t keep = n;
        if (rd->line_full + n > rd->opts.max_record) {
            size_t room = rd->line.len < ND_ID_PREFIX ? ND_ID_PREFIX - rd->line.len : 0;
            keep = n < room ? n : room;
        }
        if (keep) nd_buf_add(&rd->line, start, keep);
        rd->line_full += n;
        rd->pos += n + (nl ? 1 : 0);
        if (nl) break;
    }
    rd->lineno++;
    if (rd->line.len && rd->line.data[rd->line.len - 1] == '\r') rd->line.data[--rd->line.len] = '\0';
    return 1;
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return 0;
    return 1;
}

/* Copy 'len' bytes as a record string, repairing invalid UTF-8. */
static char *take_string(nd_record *rec, const char *s, size_t len)
{
    return nd_utf8_string(s, len, &rec->repairs);
}

static void finish_record(nd_reader *rd, nd_record *rec)
{
    nd_latin1_page(rec);   /* a page decoded as Latin-1 by a scraper, in the encoding it declares */
    char *mend[] = { rec->title, rec->summary, rec->with, rec->without, rec->text };
    for (size_t k = 0; k < sizeof(mend) / sizeof(*mend); k++)
        if (mend[k]) {
            size_t n = strlen(mend[k]);
            rec->repairs.mojibake += nd_mojibake_repair(mend[k], &n);
        }
    /* composed characters (NFC), as pages' readers give them; a page's blocks are composed when they are read (dom.c) */
    char **strings[] = { &rec->title, &rec->summary, &rec->with, &rec->without, &rec->text };
    for (size_t k = 0; k < sizeof(strings) / sizeof(*strings); k++)
        if (*strings[k] && (k < 4 || !nd_markup_kind(rec->text, strlen(rec->text)))) nd_compose(strings[k]);
    /*
     * Scraped text keeps the page's "&amp;", "&#8217;" and "<b>" now and
     * then: references are decoded and the tags of known elements go. A
     * page, or a text marked up all through, is read later as HTML (dom.c).
     */
    if (rec->text && nd_markup_kind(rec->text, strlen(rec->text)) != 2) {
        size_t n = nd_html_unescape(rec->text, strlen(rec->text));
        if (!nd_markup_kind(rec->text, n)) nd_html_strip(rec->text, n, rec->title ? NULL : &rec->title);
    }
    char *prose[] = { rec->title, rec->summary };
    for (size_t k = 0; k < sizeof(prose) / sizeof(*prose); k++)
        if (prose[k]) nd_html_strip(prose[k], nd_html_unescape(prose[k], strlen(prose[k])), NULL);
    if (!rec->file) rec->file = nd_xstrdup(rd->name);
    if (!rec->line) rec->line = rd->lineno;
    if (!rec->id || !*rec->id) {
        free(rec->id);
        rec->id = record_name(rec->file, rec->line);
    }
    if (!rec->error && (!rec->text || is_blank(rec->text, strlen(rec->text)))) {
        set_error(rec, rec->file, rec->line, NULL, ND_ERR_EMPTY, "record has no text (field '%s'%s)", rd->opts.fields.text,
                  strcmp(rd->opts.fields.text, "text") ? "" : ", nor content, body, article, maintext, ...; --text-field names it");
    }
}

/* The names of the fields, and the record's strings they fill, in one order (nd_fields'). */
static const char *const *field_names(const nd_fields *f, const char *out[ND_NFIELDS])
{
    const char *names[ND_NFIELDS] = { f->id, f->title, f->text, f->topic, f->region, f->summary, f->url, f->with, f->without };
    memcpy(out, names, sizeof(names));
    return out;
}

static void field_slots(nd_record *rec, char **slots[ND_NFIELDS])
{
    char **s[ND_NFIELDS] = { &rec->id, &rec->title, &rec->text, &rec->topic, &rec->region, &rec->summary, &rec->url,
                             &rec->with, &rec->without };
    memcpy(slots, s, sizeof(s));
}

/* Room for the kept fields, all null to begin with. */
static void keep_init(const nd_reader *rd, nd_record *rec)
{
    rec->nkeep = rd->opts.nkeep;
    rec->keep_json = nd_xcalloc(rec->nkeep, sizeof(char *));
    rec->keep_text = nd_xcalloc(rec->nkeep, sizeof(char *));
    for (size_t i = 0; i < rec->nkeep; i++) rec->keep_json[i] = nd_xstrdup("null");
}

/* Kept field i is the string s (taken over). */
static void keep_string(nd_record *rec, size_t i, char *s)
{
    nd_buf b;
    nd_buf_init(&b);
    nd_json_string(&b, s);
    free(rec->keep_json[i]);
    rec->keep_json[i] = nd_buf_detach(&b);
    nd_buf_release(&b);
    rec->keep_text[i] = s;
}

/* A JSON record's kept fields, their values as the line has them (cJSON's compact form). */
static void keep_jsonl(const nd_reader *rd, nd_record *rec)
{
    keep_init(rd, rec);
    cJSON *o = cJSON_ParseWithLength(rd->line.data, rd->line.len);
    for (size_t i = 0; cJSON_IsObject(o) && i < rec->nkeep; i++) {
        cJSON *v = cJSON_GetObjectItemCaseSensitive(o, rd->opts.keep[i]);
        if (!v) continue;
        if (cJSON_IsString(v)) {
            keep_string(rec, i, nd_utf8_string(v->valuestring, strlen(v->valuestring), &rec->repairs));
            continue;
        }
        char *j = cJSON_PrintUnformatted(v);
        if (!j) continue;
        free(rec->keep_json[i]);
        rec->keep_json[i] = nd_xstrdup(j);
        cJSON_free(j);
    }
    cJSON_Delete(o);
}

/*
 * The fields that scrapers and news APIs name their text by, tried in
 * turn when a record has no "text" and no other name was asked for
 * (--text-field): NewsAPI's "content", news-please's "maintext", the CNN
 * corpus' "article", a feed's "description" last.
 */
static const char *const text_names[] = { "text", "content", "body", "article", "maintext", "full_text", "story",
                                          "description", NULL };

/*
 * The current line read again with field 'k' named 'name' (the other names
 * as they are): when the record has that field, its strings replace 'out'
 * and its repairs the record's (counted from 'before', as the line's
 * bytes are read once), and 1; else 0, 'out' as it was.
 */
static int read_as(nd_reader *rd, nd_record *rec, const nd_repairs *before, const char *names[ND_NFIELDS], int k,
                   const char *name, char *out[ND_NFIELDS], unsigned *numbers)
{
    char *alt[ND_NFIELDS];
    unsigned n2;
    long col;
    nd_repairs r2 = *before;
    names[k] = name;
    if (nd_jsonl_record(rd->line.data, rd->line.len, names, alt, &n2, &r2, &col, &rd->scratch, ND_JSONL_ANY) < 0 || !alt[k]) {
        for (int f = 0; f < ND_NFIELDS; f++) free(alt[f]);
        return 0;
    }
    for (int f = 0; f < ND_NFIELDS; f++) free(out[f]), out[f] = alt[f];
    *numbers = n2;
    rec->repairs = r2;
    return 1;
}

static void parse_jsonl(nd_reader *rd, nd_record *rec)
{
    const char *names[ND_NFIELDS];
    char *out[ND_NFIELDS];
    long col;
    const char *ptr = rd->line.data;
    size_t len = rd->line.len;
    unsigned numbers;
    field_names(&rd->opts.fields, names);
    if (!rd->text_name) rd->text_name = rd->opts.fields.text;
    if (!rd->title_name) rd->title_name = rd->opts.fields.title;
    if (!rd->url_name) rd->url_name = rd->opts.fields.url;
    names[1] = rd->title_name;
    names[2] = rd->text_name;
    names[6] = rd->url_name;
    nd_repairs before = rec->repairs;
    int got = nd_jsonl_record(ptr, len, names, out, &numbers, &rec->repairs, &col, &rd->scratch, ND_JSONL_ANY);
    if (got >= 0 && !out[2] && rd->opts.fields.text && !strcmp(rd->opts.fields.text, "text"))
        for (size_t k = 0; text_names[k]; k++) {   /* the name the last such record had is tried first (names[2]) */
            if (strcmp(text_names[k], rd->text_name) && read_as(rd, rec, &before, names, 2, text_names[k], out, &numbers)) {
                rd->text_name = text_names[k];
                break;
            }
        }
    if (got >= 0 && out[2] && strcmp(rd->text_name, rd->opts.fields.text)) rec->repairs.text_field = rd->text_name;
    if (got >= 0 && !out[1] && !rd->title_looked && rd->opts.fields.title && !strcmp(rd->opts.fields.title, "title")) {
        rd->title_looked = 1;   /* the first record without a title says whether the input names it "headline" */
        const char *seen = rec->repairs.text_field;
        names[2] = rd->text_name;
        if (read_as(rd, rec, &before, names, 1, "headline", out, &numbers)) rd->title_name = "headline";
        rec->repairs.text_field = seen;
    }
    if (got >= 0 && !out[6] && !rd->url_looked && rd->opts.fields.url && !strcmp(rd->opts.fields.url, "url")) {
        rd->url_looked = 1;   /* the first record without a url says whether the input names it "link", as feeds do */
        const char *seen = rec->repairs.text_field;
        names[1] = rd->title_name;
        names[2] = rd->text_name;
        if (read_as(rd, rec, &before, names, 6, "link", out, &numbers)) rd->url_name = "link";
        rec->repairs.text_field = seen;
    }
    if (got < 0) {
        char *id = nd_sniff_json_id(ptr, len, rd->opts.fields.id);
        if (got == -3)
            set_error(rec, rd->name, rd->lineno, id, ND_ERR_FORMAT, "not read: nested %d levels deep or more (column %ld)",
                      ND_CJSON_DEPTH, col);
        else if (col)
            set_error(rec, rd->name, rd->lineno, id, ND_ERR_FORMAT, "not a JSON object (parse error at column %ld)", col);
        else
            set_error(rec, rd->name, rd->lineno, id, ND_ERR_FORMAT, "not a JSON object");
        free(id);
        return;
    }
    char **slots[ND_NFIELDS];
    field_slots(rec, slots);
    for (int k = 0; k < ND_NFIELDS; k++) *slots[k] = out[k];
    rec->id_number = (numbers & 1u) != 0;
    if (rd->opts.nkeep) keep_jsonl(rd, rec);
}

/* TSV fields are escaped as \t \n \r \\ */
static char *tsv_unescape(nd_record *rec, const char *s, size_t n)
{
    nd_buf b;
    nd_buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n) {
            char c = s[++i];
            nd_buf_addc(&b, c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c);
        } else {
            nd_buf_addc(&b, s[i]);
        }
    }
    char *out = take_string(rec, b.data, b.len);
    nd_buf_release(&b);
    return out;
}

/* Is column s[0..n) called 'name'? */
static int column_is(const char *name, const char *s, size_t n)
{
    return name && strlen(name) == n && memcmp(name, s, n) == 0;
}

static int parse_tsv_header(nd_reader *rd)
{
    const char *names[ND_NFIELDS];
    field_names(&rd->opts.fields, names);
    for (int k = 0; k < ND_NFIELDS; k++) rd->col[k] = -1;
    if (rd->opts.nkeep && !rd->keep_col) rd->keep_col = nd_xmalloc(rd->opts.nkeep * sizeof(int));
    for (size_t i = 0; i < rd->opts.nkeep; i++) rd->keep_col[i] = -1;
    const char *s = rd->line.data, *e = s + rd->line.len;
    int c = 0;
    while (s <= e) {
        const char *t = memchr(s, '\t', (size_t)(e - s));
        if (!t) t = e;
        for (int k = 0; k < ND_NFIELDS; k++)
            if (column_is(names[k], s, (size_t)(t - s))) rd->col[k] = c;
        for (size_t i = 0; i < rd->opts.nkeep; i++)
            if (column_is(rd->opts.keep[i], s, (size_t)(t - s))) rd->keep_col[i] = c;
        c++;
        s = t + 1;
    }
    rd->ncols = c;
    nd_buf_reset(&rd->header);
    nd_buf_add(&rd->header, rd->line.data, rd->line.len);
    return rd->col[2] >= 0;
}

static void parse_tsv(nd_reader *rd, nd_record *rec)
{
    char **dst[ND_NFIELDS];
    field_slots(rec, dst);
    const char *s = rd->line.data, *e = s + rd->line.len;
    int c = 0;
    if (rd->opts.nkeep) keep_init(rd, rec);
    while (s <= e) {
        const char *t = memchr(s, '\t', (size_t)(e - s));
        if (!t) t = e;
        for (int k = 0; k < ND_NFIELDS; k++)
            if (rd->col[k] == c) *dst[k] = tsv_unescape(rec, s, (size_t)(t - s));
        for (size_t i = 0; i < rd->opts.nkeep; i++)
            if (rd->keep_col[i] == c) keep_string(rec, i, tsv_unescape(rec, s, (size_t)(t - s)));
        c++;
        s = t + 1;
    }
    if (c != rd->ncols) {
        char *id = rec->id ? nd_xstrdup(rec->id) : NULL;
        free(rec->id);
        rec->id = NULL;
        set_error(rec, rd->name, rd->lineno, id, ND_ERR_FORMAT, "expected %d tab-separated fields, got %d",
                  rd->ncols, c);
        free(id);
    }
}

/* One article per file: the whole content (bounded), first line the title if a blank line follows. */
static void read_text_file(nd_reader *rd, nd_record *rec)
{
    nd_buf all;
    nd_buf_init(&all);
    size_t total = 0;
    for (;;) {
        if (rd->pos >= rd->end && !fill(rd)) break;
        size_t n = rd->end - rd->pos;
        if (total + n <= rd->opts.max_record) nd_buf_add(&all, rd->blk + rd->pos, n);
        total += n;
        rd->pos = rd->end;
    }
    rec->line = 0;
    if (rd->ioerr) {
        set_error(rec, rd->name, 0, rd->name, ND_ERR_FORMAT, "%s", rd->ioerr);
    } else if (nd_looks_binary(all.data, all.len)) {
        set_error(rec, rd->name, 0, rd->name, ND_ERR_FORMAT, "not a text file (binary data): skipped");
    } else if (total > rd->opts.max_record) {
        set_error(rec, rd->name, 0, rd->name, ND_ERR_LIMIT, "record of %zu bytes exceeds the limit of %zu bytes",
                  total, rd->opts.max_record);
    } else {
        const char *s = all.data;
        size_t len = all.len;
        while (len && (*s == '\n' || *s == '\r' || *s == ' ')) s++, len--;
        /* a saved page in the encoding it declares (windows-1251, GBK, Shift_JIS, ...), not UTF-8 */
        char cs[32];
        nd_buf conv;
        nd_buf_init(&conv);
        unsigned bad = 0;
        if (nd_utf8_valid_prefix((const unsigned char *)s, len) < len && nd_declared_charset(s, len, cs) &&
            nd_from_charset(cs, s, len, &conv, &bad)) {
            s = conv.data, len = conv.len;
            snprintf(rec->repairs.charset, sizeof(rec->repairs.charset), "%s", cs);
            rec->repairs.charset_bad = bad;
        }
        rec->text = take_string(rec, s, len);
        nd_buf_release(&conv);
        rec->id = nd_xstrdup(rd->name);
    }
    nd_buf_release(&all);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replace directory queue[qpos] by its files (recursively, sorted). */
static int expand_dir(nd_reader *rd, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return -1;
    char **names = NULL;
    size_t n = 0, alloc = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.') continue;
        ND_GROW(names, n + 1, alloc);
        names[n++] = nd_xstrf("%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", de->d_name);
    }
    closedir(d);
    if (n) qsort(names, n, sizeof(*names), cmp_str);
    for (size_t i = 0; i < n; i++) queue_push(rd, rd->qpos + i, names[i], 1);
    free(names);
    return 0;
}

static nd_format detect(nd_reader *rd)
{
    if (rd->opts.format != ND_FMT_AUTO) return rd->opts.format;
    size_t i = rd->pos;
    while (i < rd->end && (rd->blk[i] == ' ' || rd->blk[i] == '\n' || rd->blk[i] == '\r' || rd->blk[i] == '\t')) i++;
    if (i < rd->end && rd->blk[i] == '{') return ND_FMT_JSONL;
    /* TSV: a first line of tab-separated names, one of them the text field */
    const unsigned char *nl = memchr(rd->blk + rd->pos, '\n', rd->end - rd->pos);
    size_t n = nl ? (size_t)(nl - rd->blk - rd->pos) : rd->end - rd->pos;
    const char *tf = rd->opts.fields.text;
    size_t tl = strlen(tf);
    const char *s = (const char *)rd->blk + rd->pos, *e = s + n;
    if (memchr(s, '\t', n)) {
        while (s < e) {
            const char *t = memchr(s, '\t', (size_t)(e - s));
            if (!t) t = e;
            size_t fl = (size_t)(t - s);
            if (fl && s[fl - 1] == '\r') fl--;
            if (fl == tl && memcmp(s, tf, tl) == 0) return ND_FMT_TSV;
            s = t + 1;
        }
    }
    return ND_FMT_TEXT;
}

/* Open the next queued input. Returns 1 when open, 0 when an error record was made, -1 at the end. */
static int open_next(nd_reader *rd, nd_record *rec)
{
    while (rd->qpos < rd->nqueue) {
        char *path = rd->queue[rd->qpos].path;
        int walked = rd->queue[rd->qpos].walked;
        struct stat st;
        int is_stdin = strcmp(path, "-") == 0, known = !is_stdin && stat(path, &st) == 0;
        if (known && S_ISDIR(st.st_mode)) {
            rd->qpos++;
            size_t seen = 0;
            while (seen < rd->ndirs && (rd->dirs[seen].dev != st.st_dev || rd->dirs[seen].ino != st.st_ino)) seen++;
            if (seen < rd->ndirs && walked) {   /* a link back up the walk: the same files again, without end */
                set_error(rec, path, 0, path, ND_ERR_IO, "directory already walked (reached again through a link): skipped");
                free(path);
                return 0;
            }
            ND_GROW(rd->dirs, rd->ndirs + 1, rd->dalloc);
            rd->dirs[rd->ndirs++] = (struct dirid){ st.st_dev, st.st_ino };
            if (expand_dir(rd, path) != 0) {
                set_error(rec, path, 0, path, ND_ERR_IO, "cannot read directory: %s", strerror(errno));
                free(path);
                return 0;
            }
            free(path);
            continue;
        }
        rd->qpos++;
        rd->name = path;
        if (known && !S_ISREG(st.st_mode) && (walked || !S_ISFIFO(st.st_mode))) {
            /* a FIFO, socket or device met in a walk could block the run for ever; given by name only a pipe is read */
            set_error(rec, path, 0, path, ND_ERR_IO, "not a regular file (%s): skipped",
                      S_ISFIFO(st.st_mode) ? "a FIFO" : S_ISSOCK(st.st_mode) ? "a socket" : "a device");
            close_input(rd);
            return 0;
        }
        /* a named pipe without a writer would block open(): open it without waiting (no writer: empty input) */
        int fd = is_stdin ? dup(STDIN_FILENO) : open(path, O_RDONLY | (known && S_ISFIFO(st.st_mode) ? O_NONBLOCK : 0));
        if (fd >= 0 && !is_stdin && known && S_ISFIFO(st.st_mode)) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        if (fd < 0) {
            set_error(rec, path, 0, path, ND_ERR_IO, "cannot open: %s", strerror(errno));
            close_input(rd);
            return 0;
        }
        rd->fd = fd;
        if (!rd->in) rd->in = nd_xmalloc(ND_INBUF);
        memset(&rd->z, 0, sizeof(rd->z));
        refill(rd);
        if (rd->z.avail_in == 1 && !rd->in_eof) {   /* the magic needs two bytes; a pipe may give one first */
            ssize_t n;
            do n = read(fd, rd->in + 1, ND_INBUF - 1);
            while (n < 0 && errno == EINTR);
            if (n > 0) rd->z.avail_in += (uInt)n;
        }
        if (rd->z.avail_in >= 2 && rd->z.next_in[0] == 0x1f && rd->z.next_in[1] == 0x8b) {
            rd->gzip = 1;
            if (inflateInit2(&rd->z, 15 + 16) != Z_OK) {   /* only memory can fail it */
                rd->gzip = 0;
                set_error(rec, path, 0, path, ND_ERR_IO, "cannot read gzip: out of memory");
                close_input(rd);
                return 0;
            }
        }
        if (!fill(rd)) {
            if (rd->ioerr)
                set_error(rec, path, 0, path, ND_ERR_FORMAT, "%s", rd->ioerr);
            else
                set_error(rec, path, 0, path, ND_ERR_EMPTY, "empty input");
            close_input(rd);
            return 0;
        }
        if (rd->end - rd->pos >= 3 && memcmp(rd->blk + rd->pos, "\xEF\xBB\xBF", 3) == 0)
            rd->pos += 3;   /* a UTF-8 byte order mark (spreadsheets write one) is no part of the data */
        else if (rd->end - rd->pos >= 2 && ((rd->blk[rd->pos] == 0xFF && rd->blk[rd->pos + 1] == 0xFE) ||
                                            (rd->blk[rd->pos] == 0xFE && rd->blk[rd->pos + 1] == 0xFF)))
            start_utf16(rd);   /* UTF-16 (Windows' "Unicode" text): read as UTF-8 */
        if (rd->pos >= rd->end) {   /* a byte order mark and nothing else */
            set_error(rec, path, 0, path, ND_ERR_EMPTY, "empty input");
            close_input(rd);
            return 0;
        }
        rd->fmt = detect(rd);
        rd->title_name = NULL, rd->title_looked = 0;   /* each input says how it names its title and address */
        rd->url_name = NULL, rd->url_looked = 0;
        if (rd->fmt == ND_FMT_TSV) {
            read_line(rd);
            if (!parse_tsv_header(rd)) {
                set_error(rec, path, 1, NULL, ND_ERR_FORMAT, "TSV header has no '%s' column", rd->opts.fields.text);
                close_input(rd);
                return 0;
            }
        }
        return 1;
    }
    return -1;
}

int nd_reader_next(nd_reader *rd, nd_record *rec)
{
    nd_record_release(rec);
    for (;;) {
        if (rd->fd < 0) {
            int r = open_next(rd, rec);
            if (r < 0) return 0;
            if (r == 0) return 1;
        }
        if (rd->fmt == ND_FMT_TEXT) {
            read_text_file(rd, rec);
            finish_record(rd, rec);
            close_input(rd);
            return 1;
        }
        if (!read_line(rd)) {
            if (rd->ioerr && !rd->ioerr_reported) {
                /* the damage sits between two lines: say so in the output */
                set_error(rec, rd->name, rd->lineno + 1, NULL, ND_ERR_FORMAT, "%s; records after line %ld are lost",
                          rd->ioerr, rd->lineno);
                close_input(rd);
                return 1;
            }
            close_input(rd);
            continue;
        }
        if (rd->line_full <= rd->opts.max_record && is_blank(rd->line.data, rd->line.len)) {
            if (rd->line_unterminated && !rd->ioerr_reported) {
                rd->ioerr_reported = 1;
                set_error(rec, rd->name, rd->lineno, NULL, ND_ERR_FORMAT, "%s", rd->ioerr);
                return 1;
            }
            continue;
        }
        if (rd->line_unterminated) {
            char *id = rd->fmt == ND_FMT_JSONL ? nd_sniff_json_id(rd->line.data, rd->line.len, rd->opts.fields.id) : NULL;
            rd->ioerr_reported = 1;
            set_error(rec, rd->name, rd->lineno, id, ND_ERR_FORMAT, "%s; the record is cut short", rd->ioerr);
            free(id);
            return 1;
        }
        if (rd->line_full > rd->opts.max_record) {
            char *id = rd->fmt == ND_FMT_JSONL ? nd_sniff_json_id(rd->line.data, rd->line.len, rd->opts.fields.id) : NULL;
            set_error(rec, rd->name, rd->lineno, id, ND_ERR_LIMIT, "record of %zu bytes exceeds the limit of %zu bytes",
                      rd->line_full, rd->opts.max_record);
            free(id);
            return 1;
        }
        if (rd->fmt == ND_FMT_JSONL)
            parse_jsonl(rd, rec);
        else
            parse_tsv(rd, rec);
        finish_record(rd, rec);
        return 1;
    }
}

void nd_reader_keys(const nd_reader *rd, nd_buf *out)
{
    nd_buf_reset(out);
    if (rd->fmt == ND_FMT_TSV) {
        for (size_t i = 0; i < rd->header.len; i++) {
            if (rd->header.data[i] == '\t') nd_buf_adds(out, ", ");
            else nd_buf_addc(out, rd->header.data[i]);
        }
        return;
    }
    if (rd->fmt != ND_FMT_JSONL) return;
    cJSON *o = cJSON_ParseWithLength(rd->line.data, rd->line.len);
    for (const cJSON *k = cJSON_IsObject(o) ? o->child : NULL; k; k = k->next) {
        if (out->len) nd_buf_adds(out, ", ");
        nd_buf_adds(out, k->string ? k->string : "?");
    }
    cJSON_Delete(o);
}
