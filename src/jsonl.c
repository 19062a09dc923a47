/*
 * jsonl.c -- the wanted fields of one JSON Lines record.
 *
 * A news record is a flat object of strings, numbers and lists, and only a
 * few of its keys are wanted. One pass over the line decodes the wanted
 * values straight into their strings and steps over the rest without
 * building a tree (cJSON would allocate a node and a string per value).
 * The pass takes only what it is sure of: strict JSON whose strings hold no
 * NUL byte, no \u0000 and no lone surrogate, keys without escapes, nesting
 * up to ND_JSON_DEPTH, nothing after the object. Anything else -- malformed
 * lines above all -- goes to cJSON, which decides, so the two agree on
 * every line the pass takes (tests/unit/test_reader.c and
 * tests/fuzz/fuzz_jsonl.c compare them). A line with NUL bytes or \u0000
 * has them made spaces before cJSON reads it, and an escape of half a
 * surrogate pair U+FFFD (mended).
 */
#define _GNU_SOURCE   /* memmem */
#include "nd_internal.h"

#include <cJSON.h>    /* cJSON_ParseWithLength */
#include <stdio.h>    /* snprintf */
#include <stdlib.h>   /* strtod, free */

#define ND_JSON_DEPTH 64
_Static_assert(ND_CJSON_DEPTH == CJSON_NESTING_LIMIT, "the depth reader.c reports is cJSON's");

/* A number field as text: integers without a fraction, others with all their digits. */
static char *number_string(double v)
{
    char tmp[64];
    if (v > -9e18 && v < 9e18 && v == (double)(long long)v)   /* in range before the cast (NaN is not) */
        snprintf(tmp, sizeof(tmp), "%lld", (long long)v);
    else
        snprintf(tmp, sizeof(tmp), "%.17g", v);
    return nd_xstrdup(tmp);
}

/* A list's string item, on a line of its own in b. */
static void add_item(nd_buf *b, const char *s, size_t n, nd_repairs *r)
{
    if (b->len) nd_buf_addc(b, '\n');
    nd_text_repair(s, n, b, r);
}

/*=====   the tree: cJSON   =====*/

static char *tree_field(cJSON *obj, const char *name, nd_repairs *r)
{
    if (!name || !*name) return NULL;
    cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (cJSON_IsString(v) && v->valuestring) return nd_utf8_string(v->valuestring, strlen(v->valuestring), r);
    if (cJSON_IsNumber(v)) return number_string(v->valuedouble);
    if (cJSON_IsArray(v)) {   /* a list of strings: one per line (summary sentences) */
        nd_buf b;
        nd_buf_init(&b);
        const cJSON *it;
        cJSON_ArrayForEach(it, v) {
            if (cJSON_IsString(it)) add_item(&b, it->valuestring, strlen(it->valuestring), r);
        }
        char *s = nd_buf_detach(&b);
        nd_buf_release(&b);
        return s;
    }
    return NULL;
}

/* Is s[0..at) nested ND_CJSON_DEPTH deep or more at its end (strings skipped)? cJSON stops there. */
static int too_deep(const char *s, size_t at)
{
    long depth = 0, most = 0;
    for (size_t i = 0; i < at; i++) {
        char c = s[i];
        if (c == '"') {
            for (i++; i < at && s[i] != '"'; i++)
                if (s[i] == '\\') i++;
        } else if (c == '[' || c == '{') {
            if (++depth > most) most = depth;
        } else if (c == ']' || c == '}') {
            depth--;
        }
    }
    return most >= ND_CJSON_DEPTH;
}

static int tree_record(const char *s, size_t len, const char *const names[ND_NFIELDS], char *out[ND_NFIELDS],
                       unsigned *numbers, nd_repairs *r, long *col)
{
    cJSON *obj = cJSON_ParseWithLength(s, len);
    if (!obj || !cJSON_IsObject(obj)) {
        const char *where = cJSON_GetErrorPtr();
        *col = (obj == NULL && where && where >= s && where <= s + len) ? (long)(where - s) + 1 : 0;
        cJSON_Delete(obj);
        return *col && too_deep(s, (size_t)*col - 1) ? -3 : -1;
    }
    for (int k = 0; k < ND_NFIELDS; k++) {
        out[k] = tree_field(obj, names[k], r);
        if (out[k] && cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(obj, names[k]))) *numbers |= 1u << k;
    }
    cJSON_Delete(obj);
    return 0;
}

/*=====   the pass   =====*/

typedef struct pass {
    const char *p, *end;
    const char *const *names;
    size_t nlen[ND_NFIELDS];
    char **out;
    unsigned seen;      /* fields whose key has come (the first one counts, as in cJSON) */
    unsigned numbers;   /* fields whose value was a number */
    nd_repairs repairs;
    nd_buf *scratch;    /* a decoded string */
} pass;

#define ONES 0x0101010101010101ULL
#define HIGH (ONES * 0x80)

/* Bit 7 of each byte of w equal to b (exact up to the first such byte, which is all we use). */
static inline uint64_t byte_eq(uint64_t w, unsigned char b)
{
    uint64_t x = w ^ (ONES * b);
    return (x - ONES) & ~x & HIGH;
}

static void ws(pass *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r')) c->p++;
}

static int hex4(const char *p, uint32_t *u)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        char h = p[i];
        v <<= 4;
        if (h >= '0' && h <= '9') v |= (uint32_t)(h - '0');
        else if (h >= 'a' && h <= 'f') v |= (uint32_t)(h - 'a' + 10);
        else if (h >= 'A' && h <= 'F') v |= (uint32_t)(h - 'A' + 10);
        else return 0;
    }
    *u = v;
    return 1;
}

/*
 * The string whose opening quote is just behind c->p: c->p moves past its
 * closing quote; with 'dst' (room for as many bytes as the raw string) its
 * bytes are decoded there, *n their count, *high whether any raw byte was
 * >= 0x80 (escapes always make valid UTF-8). 0 when unsure.
 */
static int string(pass *c, char *dst, size_t *n, int *high)
{
    const char *p = c->p, *end = c->end;
    size_t o = 0;
    uint64_t hi = 0;
    for (;;) {
        const char *q = p;   /* the next quote, backslash or NUL: eight bytes at a time, then one */
        for (; q + 8 <= end; q += 8) {
            uint64_t w;
            memcpy(&w, q, 8);
            uint64_t m = byte_eq(w, '"') | byte_eq(w, '\\') | byte_eq(w, 0);
            if (m) {
                unsigned k = (unsigned)__builtin_ctzll(m) / 8;
                hi |= w & HIGH & ((1ULL << (8 * k)) - 1);
                q += k;
                goto found;
            }
            hi |= w & HIGH;
        }
        for (; q < end && *q != '"' && *q != '\\' && *q != '\0'; q++) hi |= (unsigned char)*q & 0x80;
        if (q >= end) return 0;
    found:
        if (*q == '\0') return 0;
        if (dst) memcpy(dst + o, p, (size_t)(q - p));
        o += (size_t)(q - p);
        p = q + 1;
        if (*q == '"') break;
        if (p >= end) return 0;
        char e = *p++, ch;
        switch (e) {
        case '"': case '\\': case '/': ch = e; break;
        case 'b': ch = '\b'; break;
        case 'f': ch = '\f'; break;
        case 'n': ch = '\n'; break;
        case 'r': ch = '\r'; break;
        case 't': ch = '\t'; break;
        case 'u': {
            uint32_t u, lo;
            if (end - p < 4 || !hex4(p, &u) || u == 0 || (u >= 0xDC00 && u <= 0xDFFF)) return 0;
            p += 4;
            if (u >= 0xD800 && u <= 0xDBFF) {   /* a surrogate pair */
                if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || !hex4(p + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF)
                    return 0;
                p += 6;
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            }
            char b[4];
            size_t bl = nd_utf8_put(b, u);
            if (dst) memcpy(dst + o, b, bl);
            o += bl;
            continue;
        }
        default: return 0;
        }
        if (dst) dst[o] = ch;
        o++;
    }
    c->p = p;
    *n = o;
    *high = hi != 0;
    return 1;
}

/* The string at c->p (just behind its quote) decoded into the scratch buffer: its bytes, *n, *high. */
static const char *decode(pass *c, size_t *n, int *high)
{
    nd_buf_reset(c->scratch);
    nd_buf_grow(c->scratch, (size_t)(c->end - c->p));
    if (!string(c, c->scratch->data, n, high)) return NULL;
    return c->scratch->data;
}

/* A number (strict JSON); with 'v', its value. */
static int number(pass *c, double *v)
{
    const char *p = c->p, *end = c->end, *s = p;
#define DIGITS() while (p < end && *p >= '0' && *p <= '9') p++
    if (p < end && *p == '-') p++;
    if (p >= end || *p < '0' || *p > '9') return 0;
    if (*p == '0') p++;
    else DIGITS();
    if (p < end && *p == '.') {
        if (++p >= end || *p < '0' || *p > '9') return 0;
        DIGITS();
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-')) p++;
        if (p >= end || *p < '0' || *p > '9') return 0;
        DIGITS();
    }
#undef DIGITS
    if (p - s > 63) return 0;   /* cJSON reads at most 63 characters of a number */
    if (v) {
        char tmp[64];
        memcpy(tmp, s, (size_t)(p - s));
        tmp[p - s] = '\0';
        *v = strtod(tmp, NULL);
    }
    c->p = p;
    return 1;
}

static int literal(pass *c, const char *w, size_t n)
{
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, w, n) != 0) return 0;
    c->p += n;
    return 1;
}

static int skip_value(pass *c, int depth);

/* The members or elements of the object or array whose bracket is just behind c->p. */
static int skip_nested(pass *c, int depth, char close)
{
    if (depth >= ND_JSON_DEPTH) return 0;
    ws(c);
    if (c->p < c->end && *c->p == close) {
        c->p++;
        return 1;
    }
    for (;;) {
        if (close == '}') {
            size_t n;
            int high;
            ws(c);
            if (c->p >= c->end || *c->p++ != '"' || !string(c, NULL, &n, &high)) return 0;
            ws(c);
            if (c->p >= c->end || *c->p++ != ':') return 0;
        }
        if (!skip_value(c, depth + 1)) return 0;
        ws(c);
        if (c->p >= c->end) return 0;
        char k = *c->p++;
        if (k == close) return 1;
        if (k != ',') return 0;
    }
}

static int skip_value(pass *c, int depth)
{
    size_t n;
    int high;
    ws(c);
    if (c->p >= c->end) return 0;
    switch (*c->p) {
    case '"': c->p++; return string(c, NULL, &n, &high);
    case '{': c->p++; return skip_nested(c, depth, '}');
    case '[': c->p++; return skip_nested(c, depth, ']');
    case 't': return literal(c, "true", 4);
    case 'f': return literal(c, "false", 5);
    case 'n': return literal(c, "null", 4);
    default: return number(c, NULL);
    }
}

/* Give the value to every field in 'want' (the first takes it, the others copies). */
static void give(pass *c, unsigned want, char *v)
{
    for (int k = 0; k < ND_NFIELDS; k++)
        if (want & 1u << k) {
            c->out[k] = v;
            v = v ? nd_xstrdup(v) : NULL;
        }
    free(v);
}

/* A list: its strings, one per line; other items skipped. */
static int list_value(pass *c, char **val)
{
    nd_buf b;
    nd_buf_init(&b);
    ws(c);
    int ok = 1;
    if (c->p < c->end && *c->p == ']') {
        c->p++;
    } else {
        for (;;) {
            ws(c);
            if (c->p < c->end && *c->p == '"') {
                size_t n;
                int high;
                c->p++;
                const char *s = decode(c, &n, &high);
                if (!s) { ok = 0; break; }
                add_item(&b, s, n, &c->repairs);
            } else if (!skip_value(c, 1)) {
                ok = 0;
                break;
            }
            ws(c);
            if (c->p >= c->end) { ok = 0; break; }
            char k = *c->p++;
            if (k == ']') break;
            if (k != ',') { ok = 0; break; }
        }
    }
    *val = ok ? nd_buf_detach(&b) : NULL;
    nd_buf_release(&b);
    return ok;
}

/* The value of a wanted key into the fields of 'want'. */
static int wanted_value(pass *c, unsigned want)
{
    ws(c);
    if (c->p >= c->end) return 0;
    char *v = NULL;
    switch (*c->p) {
    case '"': {
        size_t n;
        int high;
        c->p++;
        const char *s = decode(c, &n, &high);
        if (!s) return 0;
        v = high ? nd_utf8_string(s, n, &c->repairs) : nd_xstrndup(s, n);   /* escapes make valid UTF-8 */
        break;
    }
    case '[':
        c->p++;
        if (!list_value(c, &v)) return 0;
        break;
    case '-': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9': {
        double d;
        if (!number(c, &d)) return 0;
        v = number_string(d);
        c->numbers |= want;
        break;
    }
    default:   /* objects, true, false, null: no value */
        if (!skip_value(c, 0)) return 0;
    }
    give(c, want, v);
    return 1;
}

static int pass_record(pass *c)
{
    ws(c);
    if (c->p >= c->end || *c->p++ != '{') return 0;
    ws(c);
    if (c->p < c->end && *c->p == '}') {
        c->p++;
    } else {
        for (;;) {
            ws(c);
            if (c->p >= c->end || *c->p++ != '"') return 0;
            const char *key = c->p;
            const char *q = memchr(key, '"', (size_t)(c->end - key));
            if (!q || memchr(key, '\\', (size_t)(q - key)) || memchr(key, '\0', (size_t)(q - key))) return 0;
            size_t kl = (size_t)(q - key);
            c->p = q + 1;
            ws(c);
            if (c->p >= c->end || *c->p++ != ':') return 0;
            unsigned want = 0;
            for (int k = 0; k < ND_NFIELDS; k++)
                if (c->nlen[k] == kl && !(c->seen & 1u << k) && memcmp(c->names[k], key, kl) == 0) want |= 1u << k;
            c->seen |= want;
            if (!(want ? wanted_value(c, want) : skip_value(c, 0))) return 0;
            ws(c);
            if (c->p >= c->end) return 0;
            char k = *c->p++;
            if (k == '}') break;
            if (k != ',') return 0;
        }
    }
    ws(c);
    return c->p == c->end;
}

/*
 * The line with its NUL bytes and \u0000 escapes made spaces, and the
 * escapes of half a surrogate pair made \ufffd (the same length, so error
 * columns hold), in scratch, counted in r: cJSON would end a string at a
 * NUL, and the rest of the text would be lost unseen, and refuse the
 * record for half a pair (Python's json writes them for broken text).
 */
static const char *mended(const char *s, size_t len, nd_buf *scratch, nd_repairs *r)
{
    nd_buf_reset(scratch);
    nd_buf_add(scratch, s, len);
    char *d = scratch->data;
    int high = 0;   /* the escape before was a high surrogate's */
    for (size_t i = 0; i < len; i++) {
        if (d[i] == '\0') {
            d[i] = ' ';
            r->nul++;
        } else if (d[i] == '\\' && i + 1 < len) {   /* an escape: "\\u0000" is a backslash and text */
            uint32_t hx;
            long u = d[i + 1] == 'u' && i + 6 <= len && hex4(d + i + 2, &hx) ? (long)hx : -1;
            int lo = u >= 0xDC00 && u <= 0xDFFF;
            if (high && !lo) {   /* the high surrogate before had no low one after it */
                memcpy(d + i - 4, "fffd", 4);
                r->surrogate++;
            }
            if (u == 0) {
                memcpy(d + i + 2, "0020", 4);
                r->nul++;
            } else if (lo && !high) {
                memcpy(d + i + 2, "fffd", 4);
                r->surrogate++;
            }
            high = u >= 0xD800 && u <= 0xDBFF;
            i += u >= 0 ? 5 : 1;
            continue;
        }
        if (high) {   /* text after a high surrogate's escape */
            memcpy(d + i - 4, "fffd", 4);
            r->surrogate++;
            high = 0;
        }
    }
    if (high) memcpy(d + len - 4, "fffd", 4), r->surrogate++;
    return d;
}

int nd_jsonl_record(const char *s, size_t len, const char *const names[ND_NFIELDS], char *out[ND_NFIELDS],
                    unsigned *numbers, nd_repairs *r, long *col, nd_buf *scratch, nd_jsonl_how how)
{
    unsigned dummy;
    if (!numbers) numbers = &dummy;
    *numbers = 0;
    *col = 0;
    for (int k = 0; k < ND_NFIELDS; k++) out[k] = NULL;
    if (how != ND_JSONL_TREE) {
        pass c = { .p = s, .end = s + len, .names = names, .out = out, .scratch = scratch };
        for (int k = 0; k < ND_NFIELDS; k++) c.nlen[k] = names[k] && *names[k] ? strlen(names[k]) : (size_t)-1;
        if (pass_record(&c)) {
            r->utf8 += c.repairs.utf8;   /* the pass leaves NUL to the tree */
            *numbers = c.numbers;
            return 0;
        }
        for (int k = 0; k < ND_NFIELDS; k++) {
            free(out[k]);
            out[k] = NULL;
        }
        if (how == ND_JSONL_PASS) return -2;
    }
    if (memchr(s, '\0', len) || memmem(s, len, "\\u", 2)) s = mended(s, len, scratch, r);
    return tree_record(s, len, names, out, numbers, r, col);
}
