/*
 * nd_internal.h -- helpers shared by the library's source files (the .c files in src/).
 * Not installed, not for the CLI: the CLI includes only newsdesk.h.
 */
#ifndef ND_INTERNAL_H
#define ND_INTERNAL_H

#include "newsdesk.h"
#include <stdarg.h>   /* va_list */
#include <stdbool.h>  /* bool */
#include <string.h>   /* memcpy */

/* Fill 'err' (if non-NULL) and return 'code': return nd_fail(err, ND_ERR_IO, "...", ...); */
nd_status nd_fail(nd_err *err, nd_status code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* ND_ERR_DEP: the Snowball stemmer of the model's language could not be made. */
nd_status nd_fail_stemmer(const nd_model *m, nd_err *err);

/*
 * Grow array 'p' (element count 'nr', capacity 'alloc') to hold at least 'need'
 * elements. You are responsible for updating 'nr'.
 */
#define ND_GROW(p, need, alloc)                                                   \
    do {                                                                          \
        if ((size_t)(need) > (size_t)(alloc)) {                                   \
            size_t nd_grow_n_ = (alloc) ? (size_t)(alloc) * 2 : 16;               \
            if (nd_grow_n_ < (size_t)(need)) nd_grow_n_ = (size_t)(need);         \
            (p) = nd_xrealloc((p), nd_st_mult(nd_grow_n_, sizeof(*(p))));         \
            (alloc) = nd_grow_n_;                                                 \
        }                                                                         \
    } while (0)

/* nd_buf_add with the common case (it fits) inline, for hot loops. */
static inline void nd_buf_put(nd_buf *b, const void *data, size_t len)
{
    if (b->len + len < b->cap) {
        memcpy(b->data + b->len, data, len);
        b->len += len;
        b->data[b->len] = '\0';
    } else {
        nd_buf_add(b, data, len);
    }
}

static inline void nd_buf_putc(nd_buf *b, char c)
{
    if (b->len + 1 < b->cap) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
    } else {
        nd_buf_addc(b, c);
    }
}

/* Zeroed, 2 MB-aligned memory marked for huge pages, for big random-access tables; free() it. */
void *nd_xcalloc_huge(size_t n, size_t size);

/* A newly allocated formatted string (caller frees). */
char *nd_xstrf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* a * b, aborting on overflow. */
size_t nd_st_mult(size_t a, size_t b);

/*
 * The n < 8 bytes at p as a little-endian number (byte i in bits 8i..8i+7),
 * reading 8 bytes: p[0..8) must be readable.
 */
static inline uint64_t nd_load_tail(const void *p, size_t n)
{
    uint64_t k = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n) {
        memcpy(&k, p, 8);
        if (n < 8) k &= (1ULL << (8 * n)) - 1;
    }
#else
    for (size_t i = 0; i < n && i < 8; i++) k |= (uint64_t)((const unsigned char *)p)[i] << (8 * i);
#endif
    return k;
}

/*
 * 64-bit hash of a byte string: 8 bytes at a time, multiply-xorshift mixing.
 * nd_hash_padded gives the same value when the 8 bytes after
 * data[len - len % 8] may be read (a buffer with slack): the tail is then one
 * load and a mask instead of a byte loop.
 */
static inline uint64_t nd_hash_impl(const void *data, size_t len, int padded)
{
    const unsigned char *p = data;
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ ((uint64_t)len * 0xff51afd7ed558ccdULL);
    while (len >= 8) {
        uint64_t k;
        memcpy(&k, p, 8);
        k *= 0x87c37b91114253d5ULL;
        k ^= k >> 31;
        h = (h ^ k) * 0x4cf5ad432745937fULL;
        p += 8;
        len -= 8;
    }
    uint64_t k = padded ? nd_load_tail(p, len) : 0;
    if (!padded)
        for (size_t i = 0; i < len; i++) k |= (uint64_t)p[i] << (8 * i);
    h = (h ^ (k * 0x87c37b91114253d5ULL)) * 0x4cf5ad432745937fULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

static inline uint64_t nd_hash(const void *data, size_t len) { return nd_hash_impl(data, len, 0); }
static inline uint64_t nd_hash_padded(const void *data, size_t len) { return nd_hash_impl(data, len, 1); }

/*
 * nd_strmap: string -> uint32 value, open addressing with linear probing,
 * power-of-two table, load factor <= 0.5. A slot holds the entry and the high
 * half of its hash, so most probes are decided without touching the keys. Keys are copied into
 * the map's own pool; values are the caller's (often a dense id = insertion
 * order, see nd_strmap_intern).
 */
typedef struct nd_strmap {
    uint64_t *slots;      /* (hash >> 32) << 32 | (entry index + 1); 0 = empty */
    size_t mask;
    uint64_t *hashes;     /* per entry */
    struct nd_key { uint32_t off, len; } *keys;   /* per entry: its key in pool (one cache line, not two) */
    uint32_t *values;
    size_t n, alloc;
    nd_buf pool;
} nd_strmap;

void nd_strmap_init(nd_strmap *m);
void nd_strmap_release(nd_strmap *m);
/* Entry index of 'key', or -1. */
long nd_strmap_find(const nd_strmap *m, const char *key, size_t len);
long nd_strmap_find_h(const nd_strmap *m, const char *key, size_t len, uint64_t h);
/* Entry index of 'key', inserting it with value 'value' if absent; *added tells which. */
size_t nd_strmap_put(nd_strmap *m, const char *key, size_t len, uint32_t value, bool *added);
static inline const char *nd_strmap_key(const nd_strmap *m, size_t i) { return m->pool.data + m->keys[i].off; }
/* Room for n entries (and about 'bytes' of keys) without growing; the memory is touched now. */
void nd_strmap_reserve(nd_strmap *m, size_t n, size_t bytes);
/* Forget every entry, keep the memory. */
void nd_strmap_clear(nd_strmap *m);

/* Growable array of doubles / ints. */
typedef struct nd_dvec { double *v; size_t n, alloc; } nd_dvec;

/* Case-insensitive ASCII prefix test. */
static inline bool nd_ascii_prefix(const char *s, size_t len, const char *prefix)
{
    for (size_t i = 0; prefix[i]; i++) {
        if (i >= len) return false;
        char a = s[i], b = prefix[i];
        if (a >= 'A' && a <= 'Z') a = (char)(a + 32);
        if (b >= 'A' && b <= 'Z') b = (char)(b + 32);
        if (a != b) return false;
    }
    return true;
}
/*
 * sentences.c: does s[0..n) end with the full stop, question or
 * exclamation mark of a script without Latin's (。！？｡, Devanagari । ॥,
 * Urdu ۔, Arabic ؟, Armenian ։, Ethiopic ።, Myanmar ။), closing quotes and
 * brackets after it allowed?
 */
int nd_ends_script_sentence(const char *s, size_t n);
/*
 * sentences.c: the quotations of text[b..e): ND_QUOTE_CLOSES when it closes a
 * quote it did not open (it starts inside one), the kind of that close in
 * bits 8-11; ND_QUOTE_OPENS when a quote is open at its end, its kind in
 * bits 4-7; ND_QUOTE_MARKS when it holds any. Straight double quotes open
 * after white space or a bracket, “ ” and « » pair, „ opens a quote that “
 * closes.
 */
enum { ND_QUOTE_STRAIGHT = 1, ND_QUOTE_CURLY, ND_QUOTE_LOW, ND_QUOTE_GUILLEMET, ND_QUOTE_KINDS };
enum { ND_QUOTE_CLOSES = 1, ND_QUOTE_OPENS = 2, ND_QUOTE_MARKS = 4 /* any quote mark at all */ };
unsigned nd_quote_marks(const char *text, size_t b, size_t e);
/* The mark that opens (closing 0) or closes a quote of 'kind'; "" for no kind. */
const char *nd_quote_mark(int kind, int closing);
/* clean.c: the first address line among the first eight lines of 'text' (*addr, its length), or 0. */
size_t nd_clean_address(const char *text, size_t len, const char **addr);

/* Is w[0..n) one of the words of 'list' (lower case, NULL-terminated), ignoring ASCII case? */
int nd_word_in(const char *const *list, const char *w, size_t n);

/*
 * html.c: HTML character references in s[0..len) decoded in place ("&amp;", "&rsquo;",
 * "&#8217;", "&#x2019;"; every HTML5 named reference for one character,
 * no control characters): the new length, s NUL-terminated there. Anything
 * else with an '&' stays as it is.
 */
size_t nd_html_unescape(char *s, size_t len);
/* The code point of the character reference at s[0] == '&' ("&amp;", "&#8217;"), its length in *n; 0 if none. */
uint32_t nd_html_reference(const char *s, size_t len, size_t *n);
/* entities.c: the character an HTML5 named reference stands for ("scaron" -> U+0161), or 0. */
uint32_t nd_html_entity(const char *name);

/*
 * HTML markup in s[0..len) removed in place, when the text has a closing tag
 * of a known element: known tags go (a line break for those that end one,
 * script and style elements with their content, comments and declarations
 * too), everything else stays ("<TXN.N>", "a < b"). With 'title' pointing
 * at NULL, a title element's text becomes a new string there and leaves the
 * text. The new length; s NUL-terminated there.
 */
size_t nd_html_strip(char *s, size_t len, char **title);

/*
 * Is s[0..len) markup? 0: no (prose, a stray "<", a tag mentioned now and
 * then); 1: a text marked up with tags of known HTML elements (one every 300
 * bytes or more, a closing one among them); 2: a whole page (a doctype,
 * <html>, <head> or <body>).
 */
int nd_markup_kind(const char *s, size_t len);

/*
 * "Port to double | Example News" -> "Port to double": a page title's last
 * part after " | " or a spaced dash cut when it looks like the site's name.
 * Returns the new length.
 */
size_t nd_html_trim_site_name(char *t);
/* html.c: the first (last: the last) separator of a title's parts in t, " | ", " - ", " – ", " — ", and its length in *len; or NULL. */
const char *nd_title_separator(const char *t, int last, size_t *len);

/* Code point cp (<= 0x10FFFF, no surrogate) as UTF-8 at o (room for 4): its length. */
static inline size_t nd_utf8_put(char *o, uint32_t cp)
{
    unsigned char *u = (unsigned char *)o;
    if (cp < 0x80) {
        u[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        u[0] = (unsigned char)(0xC0 | cp >> 6);
        u[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        u[0] = (unsigned char)(0xE0 | cp >> 12);
        u[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        u[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    u[0] = (unsigned char)(0xF0 | cp >> 18);
    u[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
    u[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
    u[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/*
 * encoding.c: s[0..len) appended to out / as a new string, its bytes that are
 * not UTF-8 read as nd_utf8_repair does and its NUL bytes as spaces, both
 * counted in *r.
 */
void nd_text_repair(const char *s, size_t len, nd_buf *out, nd_repairs *r);
char *nd_utf8_string(const char *s, size_t len, nd_repairs *r);

/* *s (a UTF-8 string, replaced) or b's bytes from 'from' on in Unicode's composed form, NFC: "u\u0308" becomes "\u00fc". */
void nd_compose(char **s);
void nd_buf_compose(nd_buf *b, size_t from);

/*
 * util.c: a table of n entries of 'stride' bytes, each starting with its word (a const char *),
 * indexed by first byte: from[c] .. from[c + 1] in 'order' are the entries whose word starts with
 * c, in table order (the first that matches wins); len[k] is entry k's word length (< 256).
 */
void nd_index_first_byte(const void *table, size_t stride, size_t n, uint16_t *order, uint8_t *len, uint16_t from[257]);
/* util.c: seconds on the monotonic clock. */
double nd_now(void);

/* encoding.c: UTF-8 text once read as Windows-1252 mended in place ("fÃ¼r" -> "für"); *len updated; the characters mended. */
unsigned nd_mojibake_repair(char *s, size_t *len);
/* encoding.c: binary data, not text, by the control characters of its first 8 KB. */
int nd_looks_binary(const char *s, size_t n);
/*
 * encoding.c: the encoding a page declares in its first 8 KB (<meta charset>, http-equiv, <?xml
 * encoding?>) into name, as iconv knows it (gb2312 as GBK ...); 0 for none or UTF-8.
 */
int nd_declared_charset(const char *s, size_t len, char name[32]);
/* encoding.c: s[0..len) read from 'charset' into out as UTF-8 (*bad: bytes it could not read); 0: iconv does not know it. */
int nd_from_charset(const char *charset, const char *s, size_t len, nd_buf *out, unsigned *bad);
/* encoding.c: a record's text (and title) that a scraper decoded as Latin-1, read back in the encoding its page declares. */
void nd_latin1_page(nd_record *rec);
/* encoding.c: "field": "value" in a (possibly cut) JSON text, for naming a bad record; NULL when there is none. */
char *nd_sniff_json_id(const char *s, size_t len, const char *field);
/*
 * encoding.c: UTF-16 code units r[0..have) (little-endian with 'le') as UTF-8 into out (room for
 * have * 3 / 2 + 4 bytes): whole code units and surrogate pairs only, a pair cut at the end kept
 * for the next call unless 'eof'; a lone surrogate, or an odd byte at the end of the input,
 * becomes U+FFFD. The bytes written; *used, the input bytes read.
 */
size_t nd_utf16_to_utf8(const unsigned char *r, size_t have, int le, int eof, char *out, size_t *used);

/* Length of the longest valid UTF-8 prefix of s[0..len). */
size_t nd_utf8_valid_prefix(const unsigned char *s, size_t len);

/*
 * jsonl.c: the values of the keys names[0..ND_NFIELDS) (NULL or "": none) of
 * the JSON object in s[0..len), as new strings in out[] (NULL where absent or
 * not a string, number or list; numbers as %lld or %.17g, a list's strings one
 * per line, invalid UTF-8 and NUL bytes repaired and counted in *r: a raw NUL
 * or \u0000 is read as a space). 'scratch' is working room, kept between
 * calls. Returns 0, or -1 if s is not a JSON object (*col: the 1-based column
 * of the error, 0 if unknown), -3 if it nests deeper than cJSON reads
 * (ND_CJSON_DEPTH levels). *numbers (may be NULL) gets bit k set when field
 * k's value was a JSON number.
 * ND_JSONL_ANY: the one-pass reader, cJSON where it is unsure; for tests,
 * ND_JSONL_TREE (cJSON alone) and ND_JSONL_PASS (the pass alone; -2 when unsure).
 */
#define ND_CJSON_DEPTH 1000   /* cJSON's CJSON_NESTING_LIMIT, as Debian builds it */
typedef enum { ND_JSONL_ANY, ND_JSONL_TREE, ND_JSONL_PASS } nd_jsonl_how;
int nd_jsonl_record(const char *s, size_t len, const char *const names[ND_NFIELDS], char *out[ND_NFIELDS],
                    unsigned *numbers, nd_repairs *r, long *col, nd_buf *scratch, nd_jsonl_how how);

#endif
