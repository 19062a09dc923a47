/* util.c -- memory, buffers, status strings, versions, UTF-8, word lists. */
#define _GNU_SOURCE   /* strncasecmp */
#include "nd_internal.h"

#include <ctype.h>     /* tolower */
#include <stdio.h>     /* fprintf, vsnprintf */
#include <stdlib.h>    /* malloc, posix_memalign, abort */
#include <strings.h>   /* strncasecmp */
#include <sys/mman.h>  /* madvise */
#include <time.h>      /* clock_gettime */
#include <unistd.h>    /* sysconf */
#include <zlib.h>      /* zlibVersion */
#include <utf8proc.h>  /* utf8proc_version */
#include <libsvm/svm.h>/* libsvm_version */
#include <cJSON.h>     /* cJSON_Version */

/* The one place out-of-memory is handled. */
static void nd_oom(size_t size)
{
    fprintf(stderr, "newsdesk: out of memory allocating %zu bytes\n", size);
    abort();
}

void *nd_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p) nd_oom(size);
    return p;
}

void *nd_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) nd_oom(n * size);
    return p;
}

/*
 * Zeroed memory for a large table read at random (weights, hash tables): on
 * 2 MB boundaries and marked for transparent huge pages before it is first
 * touched, so lookups spread over megabytes do not also miss the TLB.
 * Freed with free(). Sizes below 1 MB are plain nd_xcalloc.
 */
void *nd_xcalloc_huge(size_t n, size_t size)
{
    size_t bytes = nd_st_mult(n ? n : 1, size ? size : 1);
    const size_t huge = (size_t)2 << 20;
    if (bytes < huge / 2) return nd_xcalloc(n, size);
    size_t round = (bytes + huge - 1) & ~(huge - 1);
    void *p = NULL;
    if (posix_memalign(&p, huge, round) != 0) nd_oom(round);
#ifdef MADV_HUGEPAGE
    (void)madvise(p, round, MADV_HUGEPAGE);   /* a hint: without THP this is plain memory */
#endif
    memset(p, 0, round);
    return p;
}

void *nd_xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p) nd_oom(size);
    return p;
}

char *nd_xstrndup(const char *s, size_t n)
{
    char *p = nd_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *nd_xstrdup(const char *s)
{
    return nd_xstrndup(s, strlen(s));
}

size_t nd_st_mult(size_t a, size_t b)
{
    size_t r;
    if (__builtin_mul_overflow(a, b, &r)) nd_oom(SIZE_MAX);
    return r;
}

/* Buffers: storage is always allocated, so data is never NULL. */
void nd_buf_init(nd_buf *b)
{
    b->cap = 64;
    b->data = nd_xmalloc(b->cap);
    b->len = 0;
    b->data[0] = '\0';
}

void nd_buf_release(nd_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void nd_buf_reset(nd_buf *b)
{
    b->len = 0;
    b->data[0] = '\0';
}

void nd_buf_grow(nd_buf *b, size_t extra)
{
    size_t need;
    if (__builtin_add_overflow(b->len, extra + 1, &need)) nd_oom(SIZE_MAX);
    if (need <= b->cap) return;
    size_t cap = b->cap * 2;
    if (cap < need) cap = need;
    b->data = nd_xrealloc(b->data, cap);
    b->cap = cap;
}

void nd_buf_add(nd_buf *b, const void *data, size_t len)
{
    nd_buf_grow(b, len);
    memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void nd_buf_addc(nd_buf *b, char c)
{
    if (b->len + 1 >= b->cap) nd_buf_grow(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void nd_buf_adds(nd_buf *b, const char *s)
{
    nd_buf_add(b, s, strlen(s));
}

void nd_buf_addf(nd_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n >= b->cap - b->len) {
        nd_buf_grow(b, (size_t)n);
        va_start(ap, fmt);
        vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)n;
}

char *nd_xstrf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return nd_xstrdup("");
    char *s = nd_xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

char *nd_buf_detach(nd_buf *b)
{
    char *s = b->data;
    nd_buf_init(b);
    return s;
}

nd_status nd_fail(nd_err *err, nd_status code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        err->code = code;
        vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
        va_end(ap);
    }
    return code;
}

const char *nd_strerror(nd_status code)
{
    switch (code) {
    case ND_OK:         return "success";
    case ND_ERR_IO:     return "I/O error";
    case ND_ERR_FORMAT: return "bad input format";
    case ND_ERR_LIMIT:  return "size limit exceeded";
    case ND_ERR_EMPTY:  return "empty input";
    case ND_ERR_MODEL:  return "bad model";
    case ND_ERR_PARAM:  return "invalid parameter";
    case ND_ERR_DEP:    return "library failure";
    }
    return "unknown error";
}

const char *nd_version_line(void)
{
    static char line[160];
    snprintf(line, sizeof(line), "newsdesk %s (zlib %s, utf8proc %s, libsvm %d, cJSON %s)",
             ND_VERSION, zlibVersion(), utf8proc_version(), libsvm_version, cJSON_Version());
    return line;
}

void nd_spans_init(nd_spans *s)
{
    s->v = NULL;
    s->n = s->alloc = 0;
}

void nd_spans_release(nd_spans *s)
{
    free(s->v);
    nd_spans_init(s);
}

/* Length of the longest valid UTF-8 prefix of s[0..len): ASCII 8 bytes at a time. */
size_t nd_utf8_valid_prefix(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        uint64_t w;
        if (i + 8 <= len && (memcpy(&w, s + i, 8), (w & 0x8080808080808080ULL) == 0)) {
            i += 8;
            continue;
        }
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n = 0;
        uint32_t cp = 0;
        if ((c & 0xE0) == 0xC0) n = 2, cp = c & 0x1F;
        else if ((c & 0xF0) == 0xE0) n = 3, cp = c & 0x0F;
        else if ((c & 0xF8) == 0xF0) n = 4, cp = c & 0x07;
        if (!n || i + n > len) return i;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n;
    }
    return len;
}

int nd_word_in(const char *const *list, const char *w, size_t n)
{
    if (n == 0) return 0;
    char c0 = (char)tolower((unsigned char)w[0]);
    for (; *list; list++)
        if ((*list)[0] == c0 && strlen(*list) == n && strncasecmp(*list, w, n) == 0) return 1;
    return 0;
}

/*
 * Does s hold a character that NFC may compose with what precedes it: a
 * combining mark (U+0300..U+036F, U+1AB0..U+1AFF, U+1DC0..U+1DFF,
 * U+20D0..U+20FF, U+FE20..U+FE2F), a kana voicing mark or Hangul jamo?
 */
static int may_compose(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++, u++) {
        uint64_t w;
        if (i + 8 <= n && (memcpy(&w, u, 8), !(w & 0x8080808080808080ULL))) {   /* eight ASCII bytes */
            i += 7;
            u += 7;
            continue;
        }
        if (*u < 0xCC) continue;
        if (*u == 0xCC || *u == 0xCD) return 1;
        if (*u == 0xE1 && i + 1 < n && (u[1] == 0xAA || u[1] == 0xAB || u[1] == 0xB7 || (u[1] >= 0x84 && u[1] <= 0x87))) return 1;
        if (i + 2 < n && ((*u == 0xE2 && u[1] == 0x83) || (*u == 0xE3 && u[1] == 0x82 && (u[2] == 0x99 || u[2] == 0x9A)) ||
            (*u == 0xEF && u[1] == 0xB8 && u[2] >= 0xA0 && u[2] <= 0xAF)))
            return 1;
    }
    return 0;
}

void nd_compose(char **s)
{
    if (!*s || !may_compose(*s, strlen(*s))) return;
    char *c = (char *)utf8proc_NFC((const utf8proc_uint8_t *)*s);
    if (!c) return;   /* not UTF-8 (the reader repairs every string first): kept as it is */
    free(*s);
    *s = c;
}

void nd_buf_compose(nd_buf *b, size_t from)
{
    if (!may_compose(b->data + from, b->len - from)) return;
    char *c = (char *)utf8proc_NFC((const utf8proc_uint8_t *)b->data + from);
    if (!c) return;
    b->len = from;
    nd_buf_adds(b, c);
    free(c);
}

void nd_index_first_byte(const void *table, size_t stride, size_t n, uint16_t *order, uint8_t *len, uint16_t from[257])
{
    const char *base = table;
    size_t o = 0;
    for (int c = 0; c < 256; c++) {
        from[c] = (uint16_t)o;
        for (size_t k = 0; k < n; k++)
            if ((unsigned char)(*(const char *const *)(base + k * stride))[0] == c) order[o++] = (uint16_t)k;
    }
    from[256] = (uint16_t)o;
    for (size_t k = 0; k < n; k++) len[k] = (uint8_t)strlen(*(const char *const *)(base + k * stride));
}

double nd_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

int nd_cpu_count(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}
