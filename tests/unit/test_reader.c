/* test_reader.c -- formats, gzip, and every kind of bad input coming back as a record. */
#include "nd_internal.h"
#include "tap.h"
#include "../jsonl_diff.h"

#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

static const char *tmpdir;

static char *path(const char *name)
{
    static char buf[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof(buf[k]), "%s/%s", tmpdir, name);
    return buf[k];
}

static void write_gz(const char *p, const char *data, size_t len, const char *mode)
{
    gzFile g = gzopen(p, mode);
    gzwrite(g, data, (unsigned)len);
    gzclose(g);
}

static size_t read_all(const char *const *paths, size_t n, const nd_reader_opts *o, nd_record *out, size_t max)
{
    nd_reader *rd = nd_reader_new(paths, n, o);
    size_t k = 0;
    nd_record r;
    nd_record_init(&r);
    while (nd_reader_next(rd, &r)) {
        if (k < max) {
            out[k] = r;
            nd_record_init(&r);
        }
        k++;
    }
    nd_record_release(&r);
    nd_reader_free(rd);
    return k;
}

static void release_all(nd_record *r, size_t n)
{
    for (size_t i = 0; i < n; i++) nd_record_release(&r[i]);
}

/* Do the one-pass JSON reader and cJSON agree on 'line'? Returns what the pass did: 0 took it, -2 left it to cJSON. */
static int jsonl_agree(const char *line, size_t len, const char *what)
{
    int d = jsonl_diff(line, len);
    ok(d != 1, "JSON pass and cJSON agree: %s", what);
    return d == 1 ? 0 : d;
}

static void test_jsonl_pass(void)
{
    /* lines the pass takes: the values must be cJSON's */
    static const char *const taken[] = {
        "{\"id\": \"a1\", \"title\": \"T\", \"text\": \"Body text.\\n\\nMore.\"}",
        "{\"text\":\"esc \\\" \\\\ \\/ \\b \\f \\n \\r \\t end\",\"id\":\"e\"}",
        "{\"text\":\"\\u00e9t\\u00C9 \\u20ac \\ud83d\\ude00 caf\xc3\xa9\"}",
        "{\"text\":\"bad \xff byte and \xc3 cut\",\"title\":\"\xe2\x82\"}",
        "{\"id\":42,\"text\":\"x\",\"topic\":-1.5e3,\"region\":0.1,\"url\":1e400}",
        "{\"id\":5.55e51,\"text\":\"x\",\"topic\":-9.3e18,\"region\":9007199254740993,\"url\":-0.0}",
        "{\"summary\":[\"one\",\"\",\"two\",3,[\"x\"],{\"a\":1},null,\"three\"],\"text\":\"t\"}",
        "{\"summary\":[],\"text\":\"t\",\"topics\":[\"earn\",[1,[2,{\"x\":[true,false,null]}]]]}",
        "{\"text\":\"first\",\"text\":\"second\",\"title\":{\"nested\":\"obj\"},\"title\":\"later\"}",
        "{\"topic\":true,\"region\":null,\"url\":false,\"text\":\"t\"}",
        "  {\"text\" : \"spaced\" ,\t\"id\" :\"s\" }  \r",
        "{}",
        "{\"newid\":5,\"oldid\":-0,\"date\":\"26-FEB-1987\",\"places\":[\"usa\"],\"text\":\"long enough to pass eight bytes\"}",
    };
    for (size_t i = 0; i < sizeof(taken) / sizeof(*taken); i++)
        is_int(jsonl_agree(taken[i], strlen(taken[i]), taken[i]), 0, "the pass takes line %zu", i);
    /* lines it leaves to cJSON: not JSON, or where cJSON's own reading is the rule */
    static const char *const left[] = {
        "{\"text\":\"nul \\u0000 escape\"}",
        "{\"text\":\"lone \\ud800 surrogate\"}",
        "{\"text\":\"lone \\udc00 low\"}",
        "{\"text\":\"trail\"} garbage",
        "\xef\xbb\xbf{\"text\":\"bom\"}",
        "{\"t\\u0065xt\":\"escaped key\"}",
        "{\"text\":\"unterminated",
        "{\"text\":\"bad escape \\x\"}",
        "{\"text\":01}",
        "{\"text\":1.}",
        "{\"text\":\"a\",}",
        "[\"not\",\"an\",\"object\"]",
        "{\"text\":tru}",
        "",
    };
    for (size_t i = 0; i < sizeof(left) / sizeof(*left); i++)
        is_int(jsonl_agree(left[i], strlen(left[i]), left[i]), -2, "the pass leaves line %zu to cJSON", i);
    const char nul[] = "{\"text\":\"raw \0 byte\"}";
    is_int(jsonl_agree(nul, sizeof(nul) - 1, "raw NUL"), -2, "a raw NUL byte in a string goes to cJSON");
    /* ... where NUL bytes and \u0000 become spaces, counted, so the text after them is kept */
    static const char *const names[ND_NFIELDS] = { "id", "title", "text", "topic", "region", "summary", "url", "with", "without" };
    const char nuls[] = "{\"text\":\"raw \0 byte \\u0000 esc \\\\u0000 text\",\"summary\":[\"a\\u0000b\"],\0\"id\":\"n\"}";
    char *out[ND_NFIELDS];
    nd_repairs rp = { 0 };
    long col;
    nd_buf scratch;
    nd_buf_init(&scratch);
    is_int(nd_jsonl_record(nuls, sizeof(nuls) - 1, names, out, NULL, &rp, &col, &scratch, ND_JSONL_ANY), 0, "NUL bytes: read");
    is_str(out[2], "raw   byte   esc \\u0000 text", "raw NUL and \\u0000 are spaces; an escaped backslash's u0000 is text");
    is_str(out[5], "a b", "in a list's strings too");
    is_str(out[0], "n", "a NUL between the members is a space");
    is_int((long)rp.nul, 4, "four NUL bytes counted");
    is_int((long)rp.utf8, 0, "and no UTF-8 repairs");
    for (int k = 0; k < ND_NFIELDS; k++) free(out[k]);
    /* ... and an escape of half a surrogate pair becomes U+FFFD, counted; a whole pair and \\ud800 as text stay */
    const char sur[] = "{\"text\":\"a \\ud800 b \\udc00 c \\ud83d\\ude00 d \\\\ud800 e \\ud800\\n f \\udbff\"}";
    rp = (nd_repairs){ 0 };
    is_int(nd_jsonl_record(sur, sizeof(sur) - 1, names, out, NULL, &rp, &col, &scratch, ND_JSONL_ANY), 0, "half pairs: read");
    is_str(out[2], "a \xef\xbf\xbd b \xef\xbf\xbd c \xf0\x9f\x98\x80 d \\ud800 e \xef\xbf\xbd\n f \xef\xbf\xbd",
           "half a pair is U+FFFD; a whole pair, and an escaped backslash's ud800, are kept");
    is_int((long)rp.surrogate, 4, "four half pairs counted");
    for (int k = 0; k < ND_NFIELDS; k++) free(out[k]);
    nd_buf_release(&scratch);
    rp.nul = 0;
    char *s = nd_utf8_string("a\0b\xe9\0", 5, &rp);
    is_str(s, "a b\xc3\xa9 ", "nd_utf8_string: NUL bytes are spaces, Windows-1252 is decoded");
    ok(rp.nul == 2 && rp.utf8 == 1, "and both are counted");
    free(s);
    char deep[300];
    size_t d = 0;
    d += (size_t)snprintf(deep, sizeof(deep), "{\"x\":");
    for (int i = 0; i < 70; i++) deep[d++] = '[';
    for (int i = 0; i < 70; i++) deep[d++] = ']';
    d += (size_t)snprintf(deep + d, sizeof(deep) - d, ",\"text\":\"t\"}");
    is_int(jsonl_agree(deep, d, "nesting 70 deep"), -2, "nesting deeper than the pass goes is cJSON's");
}

int main(void)
{
    char tmpl[] = "/tmp/nd-reader-XXXXXX";
    tmpdir = mkdtemp(tmpl);
    nd_record r[16];
    const char *p[4];

    /* JSON Lines, plain */
    p[0] = "tests/data/articles.jsonl";
    size_t n = read_all(p, 1, NULL, r, 16);
    is_int(n, 3, "three JSONL records");
    is_str(r[0].id, "a1", "id field");
    is_str(r[1].title, "Profits jump at Tokyo electronics maker", "title field");
    ok(r[2].text && strstr(r[2].text, "Nairobi"), "text field");
    ok(!r[0].error && r[0].line == 1 && r[2].line == 3, "line numbers");
    release_all(r, n < 16 ? n : 16);

    /* the same as TSV, detected by its header */
    p[0] = "tests/data/articles.tsv";
    n = read_all(p, 1, NULL, r, 16);
    is_int(n, 3, "three TSV records");
    ok(n == 3 && r[0].text && strstr(r[0].text, "fans.\n\nThe coach"), "TSV escapes are undone");
    ok(n == 3 && r[2].line == 4, "TSV line numbers count the header");
    release_all(r, n < 16 ? n : 16);

    /* a directory of text files, sorted; the whole file is the text (the story stage finds a headline) */
    p[0] = "tests/data/texts";
    n = read_all(p, 1, NULL, r, 16);
    is_int(n, 2, "two text files");
    is_str(r[0].id, "tests/data/texts/a-markets.txt", "sorted, id = path");
    ok(!r[0].title, "no title taken by position");
    ok(n == 2 && r[1].text && strncmp(r[1].text, "Storm hits the coast\n\nA strong storm", 36) == 0, "the whole file is the text");
    release_all(r, n < 16 ? n : 16);

    /* bad lines come back as error records; nothing is dropped */
    p[0] = "tests/data/bad.jsonl";
    n = read_all(p, 1, NULL, r, 16);
    is_int(n, 6, "six records from seven lines (the blank line is not a record)");
    ok(!r[0].error, "b1 fine");
    ok(r[1].error && r[1].error_code == ND_ERR_FORMAT, "b2: not JSON");
    is_str(r[1].id, "b2", "b2: the id is found in the broken line");
    ok(r[2].error && r[2].error_code == ND_ERR_EMPTY, "b3: no text");
    ok(!r[3].error && r[3].repairs.utf8 == 2, "b4: invalid UTF-8 repaired, record kept");
    is_int(r[3].line, 5, "b4 is on line 5");
    ok(!r[4].error, "b5 fine");
    ok(r[5].error && r[5].error_code == ND_ERR_FORMAT, "a JSON array is not a record");
    is_str(r[5].id, "tests/data/bad.jsonl:7", "a record without id is named FILE:LINE");
    release_all(r, n < 16 ? n : 16);

    /* gzip: concatenated members are one stream */
    const char *a = "{\"id\":\"g1\",\"text\":\"one\"}\n", *b = "{\"id\":\"g2\",\"text\":\"two\"}\n";
    write_gz(path("cat.gz"), a, strlen(a), "wb");
    write_gz(path("cat.gz"), b, strlen(b), "ab");
    p[0] = path("cat.gz");
    n = read_all(p, 1, NULL, r, 16);
    is_int(n, 2, "two gzip members, two records");
    ok(n == 2 && !r[1].error && !strcmp(r[1].id, "g2"), "the second member is read");
    release_all(r, n < 16 ? n : 16);

    /* truncated gzip: the good records, then an error record */
    nd_buf big;
    nd_buf_init(&big);
    for (int i = 0; i < 2000; i++) nd_buf_addf(&big, "{\"id\":\"t%d\",\"text\":\"record number %d of many\"}\n", i, i * 7919);
    write_gz(path("full.gz"), big.data, big.len, "wb");
    FILE *f = fopen(path("full.gz"), "rb");
    char *gz = malloc(1 << 20);
    size_t gzlen = fread(gz, 1, 1 << 20, f);
    fclose(f);
    f = fopen(path("cut.gz"), "wb");
    fwrite(gz, 1, gzlen / 2, f);
    fclose(f);
    p[0] = path("cut.gz");
    nd_reader *rd = nd_reader_new(p, 1, NULL);
    nd_record rec;
    nd_record_init(&rec);
    size_t good = 0, bad = 0;
    char *last_error = NULL;
    while (nd_reader_next(rd, &rec)) {
        if (rec.error) {
            bad++;
            free(last_error);
            last_error = nd_xstrdup(rec.error);
        } else {
            good++;
        }
    }
    nd_reader_free(rd);
    ok(good > 100 && good < 2000, "truncated gzip: the records before the cut are read (%zu)", good);
    is_int(bad, 1, "truncated gzip: one error record");
    ok(last_error && strstr(last_error, "truncated"), "the error says truncated: %s", last_error ? last_error : "");
    free(last_error);

    /* corrupt gzip data */
    memset(gz + gzlen / 3, 0x55, 64);
    f = fopen(path("bad.gz"), "wb");
    fwrite(gz, 1, gzlen, f);
    fclose(f);
    p[0] = path("bad.gz");
    rd = nd_reader_new(p, 1, NULL);
    good = bad = 0;
    while (nd_reader_next(rd, &rec)) rec.error ? bad++ : good++;
    nd_reader_free(rd);
    ok(bad >= 1, "corrupt gzip: reported (%zu good, %zu bad)", good, bad);
    free(gz);

    /* empty input, a missing file, and the run goes on to the next file */
    f = fopen(path("empty"), "wb");
    fclose(f);
    p[0] = path("empty");
    p[1] = path("missing");
    p[2] = "tests/data/articles.jsonl";
    n = read_all(p, 3, NULL, r, 16);
    is_int(n, 5, "empty + missing + 3 good = 5 records");
    ok(r[0].error && r[0].error_code == ND_ERR_EMPTY, "empty input is an error record");
    ok(r[1].error && r[1].error_code == ND_ERR_IO && strstr(r[1].error, "cannot open"), "a missing file is an error record");
    ok(!r[2].error && !strcmp(r[2].id, "a1"), "the next file is read");
    release_all(r, n < 16 ? n : 16);

    /* a record over the size limit, without keeping it whole */
    nd_buf_reset(&big);
    nd_buf_adds(&big, "{\"id\":\"huge\",\"text\":\"");
    for (int i = 0; i < 100000; i++) nd_buf_adds(&big, "word ");
    nd_buf_adds(&big, "\"}\n{\"id\":\"after\",\"text\":\"still read\"}\n");
    f = fopen(path("huge.jsonl"), "wb");
    fwrite(big.data, 1, big.len, f);
    fclose(f);
    nd_reader_opts o;
    nd_reader_opts_init(&o);
    o.max_record = 10000;
    p[0] = path("huge.jsonl");
    n = read_all(p, 1, &o, r, 16);
    is_int(n, 2, "oversized record + next record");
    ok(r[0].error && r[0].error_code == ND_ERR_LIMIT, "over the limit: an error record");
    is_str(r[0].id, "huge", "its id is still found");
    ok(!r[1].error && !strcmp(r[1].id, "after"), "the next record is read");
    release_all(r, n < 16 ? n : 16);

    /* configurable field names */
    f = fopen(path("fields.jsonl"), "wb");
    fputs("{\"uid\":7,\"body\":\"Text here.\",\"headline\":\"H\",\"label\":\"sport\"}\n", f);
    fclose(f);
    nd_reader_opts_init(&o);
    o.fields.id = "uid";
    o.fields.text = "body";
    o.fields.title = "headline";
    o.fields.topic = "label";
    p[0] = path("fields.jsonl");
    n = read_all(p, 1, &o, r, 16);
    ok(n == 1 && !r[0].error && !strcmp(r[0].id, "7") && !strcmp(r[0].title, "H") && !strcmp(r[0].topic, "sport"),
       "renamed fields; a numeric id becomes a string");
    release_all(r, n < 16 ? n : 16);

    test_jsonl_pass();

    nd_buf_release(&big);
    char cmd[600];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0) printf("# could not remove %s\n", tmpdir);
    return done_testing();
}
