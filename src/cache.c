/*
 * cache.c -- binary caches of what loading a bundle derives from its text
 * files, so that a one-record run reads arrays instead of parsing: each
 * task's folded weights (TASK.weights, from TASK.svm) and the vocabulary's
 * hash tables and indexes (vocab.index, from vocab.tsv).
 *
 * The text files stay the bundle's interchange format and what its manifest
 * checksums; a cache is derived from one and names that file's checksum (its
 * 'key'), so a cache that is not of this text -- or of another layout
 * version, byte order or size, or damaged: the body has its own hash -- is
 * not used, and the text is read as before (and the cache written again).
 * Layout, native byte order: a 96-byte header (magic, version, byte order,
 * key, eight dimensions, body hash), then the arrays one after the other.
 */
#include "text.h"

#include <errno.h>     /* errno */
#include <fcntl.h>     /* open */
#include <stdio.h>     /* rename, snprintf */
#include <stdlib.h>    /* free */
#include <sys/mman.h>  /* mmap */
#include <sys/stat.h>  /* fstat */
#include <unistd.h>    /* read, write, getpid */

#define ND_CACHE_VERSION 2
#define ND_CACHE_DIMS 8

struct header {
    char magic[8];
    uint32_t version, order;   /* ND_CACHE_VERSION, 0x01020304 as written */
    uint64_t key;              /* the checksum of the text it was derived from */
    uint64_t dim[ND_CACHE_DIMS];
    uint64_t body_hash;
};
_Static_assert(sizeof(struct header) == 96, "the header is 96 bytes");

struct part { void *data; size_t bytes; };

/* A hash of four interleaved lanes (bodies are megabytes; nd_hash's one chain would take milliseconds). */
static uint64_t body_hash(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t l[4] = { h, h ^ 0x9E3779B97F4A7C15ULL, h ^ 0xC2B2AE3D27D4EB4FULL, h ^ 0x165667B19E3779F9ULL };
    for (; len >= 32; p += 32, len -= 32)
        for (int i = 0; i < 4; i++) {
            uint64_t k;
            memcpy(&k, p + 8 * i, 8);
            l[i] = (l[i] ^ (k * 0x87c37b91114253d5ULL)) * 0x4cf5ad432745937fULL;
        }
    uint64_t r = nd_hash(p, len);
    for (int i = 0; i < 4; i++) r = (r ^ (l[i] ^ l[i] >> 29)) * 0xff51afd7ed558ccdULL;
    return r ^ r >> 32;
}

static int io_all(int fd, void *data, size_t len, int writing)
{
    for (char *p = data; len;) {
        ssize_t n = writing ? write(fd, p, len) : read(fd, p, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Write the cache atomically (a temporary file renamed over it): 0, or -1. */
static int cache_write(const char *path, const char magic[8], uint64_t key, const uint64_t dim[ND_CACHE_DIMS],
                       const struct part *parts, int nparts)
{
    struct header h = { .version = ND_CACHE_VERSION, .order = 0x01020304, .key = key };
    memcpy(h.magic, magic, 8);
    memcpy(h.dim, dim, sizeof(h.dim));
    h.body_hash = key;
    for (int i = 0; i < nparts; i++) h.body_hash = body_hash(h.body_hash, parts[i].data, parts[i].bytes);
    char tmp[4096];
    if (snprintf(tmp, sizeof(tmp), "%s.tmp-%ld", path, (long)getpid()) >= (int)sizeof(tmp)) return -1;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return -1;
    int bad = io_all(fd, &h, sizeof(h), 1);
    for (int i = 0; i < nparts && !bad; i++) bad = io_all(fd, parts[i].data, parts[i].bytes, 1);
    if (close(fd) != 0) bad = -1;
    if (!bad && rename(tmp, path) != 0) bad = -1;   /* readers see the old file or the whole new one */
    if (bad) unlink(tmp);
    return bad;
}

/* Open a cache of 'key' and read its header's dimensions: the descriptor, or -1 (missing, other text, other layout). */
static int cache_open(const char *path, const char magic[8], uint64_t key, uint64_t dim[ND_CACHE_DIMS], uint64_t *bh)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    struct header h;
    if (io_all(fd, &h, sizeof(h), 0) || memcmp(h.magic, magic, 8) || h.version != ND_CACHE_VERSION ||
        h.order != 0x01020304 || h.key != key) {
        close(fd);
        return -1;
    }
    memcpy(dim, h.dim, sizeof(h.dim));
    *bh = h.body_hash;
    return fd;
}

/* Is the file the header and 'body' bytes long? Asked before anything is sized by the header's numbers. */
static int file_is(int fd, uint64_t body)
{
    struct stat st;
    return fstat(fd, &st) == 0 && (uint64_t)st.st_size == sizeof(struct header) + body;
}

/*
 * Read the first 'nread' parts (sized from the dimensions) into their memory;
 * the others are already where they lie in the file, mapped. Check them all
 * against the body hash: 0, or -1. Closes fd.
 */
static int cache_read(int fd, uint64_t key, uint64_t want, const struct part *parts, int nparts, int nread)
{
    struct stat st;
    size_t body = 0;
    for (int i = 0; i < nparts; i++) body += parts[i].bytes;
    int bad = fstat(fd, &st) || (uint64_t)st.st_size != sizeof(struct header) + body;
    uint64_t bh = key;
    for (int i = 0; i < nparts && !bad; i++) {
        if (i < nread) bad = io_all(fd, parts[i].data, parts[i].bytes, 0);
        bh = body_hash(bh, parts[i].data, parts[i].bytes);
    }
    close(fd);
    return bad || bh != want ? -1 : 0;
}

/*-----   a task's folded weights   -----*/

static const char zeros[64];

/* Bytes of padding after the class order and rho, so that dense rows start on a 64-byte boundary of the file. */
static size_t row_padding(const nd_linsvm *s)
{
    size_t at = sizeof(struct header) + (size_t)s->nclass * sizeof(int) + (size_t)s->npairs * sizeof(double);
    return (64 - at % 64) % 64;
}

/* The arrays of s in file order, into parts[] (at most 5); their number. */
static int weight_parts(const nd_linsvm *s, size_t nweights, struct part *parts)
{
    int n = 0;
    parts[n++] = (struct part){ s->lab, (size_t)s->nclass * sizeof(int) };
    parts[n++] = (struct part){ s->rho, (size_t)s->npairs * sizeof(double) };
    if (s->wd) {
        parts[n++] = (struct part){ (void *)zeros, row_padding(s) };
        parts[n++] = (struct part){ s->wd, ((size_t)s->nfeat + 1) * (size_t)s->stride * sizeof(float) };
    } else {
        parts[n++] = (struct part){ s->fstart, ((size_t)s->nfeat + 2) * sizeof(uint32_t) };
        parts[n++] = (struct part){ s->pair, nweights * sizeof(uint16_t) };
        parts[n++] = (struct part){ s->w, nweights * sizeof(float) };
    }
    return n;
}

int nd_linsvm_cache_write(const nd_linsvm *s, uint64_t svm_hash, const char *path)
{
    if (!s->lab) return -1;
    size_t nw = s->wd ? 0 : s->fstart[s->nfeat + 1];
    uint64_t dim[ND_CACHE_DIMS] = { (uint64_t)s->nclass, (uint64_t)s->npairs, s->nfeat, s->wd ? (uint64_t)s->stride : 0, nw };
    struct part parts[5];
    int np = weight_parts(s, nw, parts);
    return cache_write(path, "NDWEIGHT", svm_hash, dim, parts, np);
}

nd_linsvm *nd_linsvm_cache_read(const char *path, uint64_t svm_hash, int nclass, uint32_t nfeat)
{
    uint64_t d[ND_CACHE_DIMS], bh;
    int fd = cache_open(path, "NDWEIGHT", svm_hash, d, &bh);
    if (fd < 0) return NULL;
    uint64_t npairs = nclass >= 2 ? (uint64_t)nclass * (uint64_t)(nclass - 1) / 2 : 0, stride = d[3], nw = d[4];
    uint64_t head = sizeof(struct header) + (uint64_t)nclass * sizeof(int) + npairs * sizeof(double);
    uint64_t body = head - sizeof(struct header) +
                    (stride ? (64 - head % 64) % 64 + ((uint64_t)nfeat + 1) * stride * sizeof(float)
                            : ((uint64_t)nfeat + 2) * sizeof(uint32_t) + nw * (sizeof(uint16_t) + sizeof(float)));
    if (nclass < 2 || d[0] != (uint64_t)nclass || d[1] != npairs || d[2] != nfeat || (stride && (stride < npairs || stride % 8)) ||
        stride > 65536 || (!stride && nw > (uint64_t)nfeat * npairs) || !file_is(fd, body)) {
        close(fd);
        return NULL;
    }
    nd_linsvm *s = nd_xcalloc(1, sizeof(*s));
    s->nclass = nclass;
    s->npairs = (int)npairs;
    s->nfeat = nfeat;
    s->lab = nd_xmalloc((size_t)nclass * sizeof(int));
    s->rho = nd_xmalloc(npairs * sizeof(double));
    char pad[64];
    if (stride) {   /* the rows are used where they lie in the file, mapped: no copy, no fresh memory to clear */
        s->stride = (int)stride;
        size_t rows = ((size_t)nfeat + 1) * stride * sizeof(float);
        size_t at = sizeof(struct header) + (size_t)nclass * sizeof(int) + npairs * sizeof(double) + row_padding(s);
        s->map_len = at + rows;
        void *map = mmap(NULL, s->map_len, PROT_READ, MAP_PRIVATE, fd, 0);
        if (map == MAP_FAILED) {
            close(fd);
            nd_linsvm_free(s);
            return NULL;
        }
        s->map = map;
        s->wd = (float *)(void *)((char *)map + at);   /* 'at' is a multiple of 64, the mapping page-aligned */
    } else {
        s->fstart = nd_xmalloc(((size_t)nfeat + 2) * sizeof(uint32_t));
        s->pair = nd_xmalloc((nw ? nw : 1) * sizeof(uint16_t));
        s->w = nd_xmalloc((nw ? nw : 1) * sizeof(float));
    }
    struct part parts[5];
    int np = weight_parts(s, nw, parts);
    if (stride) parts[2].data = pad;   /* read into, not the shared zeros */
    int bad = cache_read(fd, svm_hash, bh, parts, np, stride ? 3 : np);
    if (!bad && !stride) {   /* offsets that stay inside the weights */
        bad = s->fstart[0] != 0 || s->fstart[nfeat + 1] != nw;
        for (uint32_t f = 0; f <= nfeat && !bad; f++) bad = s->fstart[f] > s->fstart[f + 1];
        for (uint64_t k = 0; k < nw && !bad; k++) bad = s->pair[k] >= npairs;
    }
    for (int i = 0; i < nclass && !bad; i++) bad = s->lab[i] < 0 || s->lab[i] >= nclass;
    if (bad) {
        nd_linsvm_free(s);
        return NULL;
    }
    return s;
}

/*-----   the vocabulary's tables   -----*/

/* A map's arrays in file order (slots, hashes, keys, values, pool) into parts[]. */
static void map_parts(const nd_strmap *m, struct part *parts)
{
    parts[0] = (struct part){ m->slots, (m->mask + 1) * sizeof(*m->slots) };
    parts[1] = (struct part){ m->hashes, m->n * sizeof(*m->hashes) };
    parts[2] = (struct part){ m->keys, m->n * sizeof(*m->keys) };
    parts[3] = (struct part){ m->values, m->n * sizeof(*m->values) };
    parts[4] = (struct part){ m->pool.data, m->pool.len };
}

/* Room in m for n entries, a slot table of mask + 1 and pool bytes, as read from a cache. */
static void map_room(nd_strmap *m, size_t n, size_t mask, size_t pool)
{
    nd_strmap_release(m);
    m->mask = mask;
    m->n = m->alloc = n;
    m->slots = nd_xmalloc_huge(mask + 1, sizeof(*m->slots));
    m->hashes = nd_xmalloc((n ? n : 1) * sizeof(*m->hashes));
    m->keys = nd_xmalloc((n ? n : 1) * sizeof(*m->keys));
    m->values = nd_xmalloc((n ? n : 1) * sizeof(*m->values));
    nd_buf_init(&m->pool);
    nd_buf_grow(&m->pool, pool + 1);
    m->pool.len = pool;
}

/* Parts: vocabulary map (5), idf, filter, ranges, stems map (5), stem_fid, pair table. */
#define ND_INDEX_PARTS 15

static void index_parts(const nd_model *m, uint32_t *ranges, struct part *parts)
{
    map_parts(&m->vocab, parts);
    parts[5] = (struct part){ m->idf, (m->vocab.n + 1) * sizeof(float) };
    parts[6] = (struct part){ m->filter, ND_FILTER_BITS / 8 };
    parts[7] = (struct part){ ranges, 4 * sizeof(uint32_t) };
    map_parts(&m->stems, parts + 8);
    parts[13] = (struct part){ m->stem_fid, m->stems.n * sizeof(uint32_t) };
    parts[14] = (struct part){ m->pair, (m->pair_mask + 1) * sizeof(*m->pair) };
}

int nd_model_index_write(const nd_model *m, uint64_t vocab_hash, const char *path)
{
    uint32_t ranges[4] = { m->geo_lo, m->geo_hi, m->title_lo, m->title_hi };
    uint64_t dim[ND_CACHE_DIMS] = { m->vocab.n, m->vocab.mask, m->vocab.pool.len, m->stems.n, m->stems.mask,
                                    m->stems.pool.len, m->pair_mask, m->ndocs };
    struct part parts[ND_INDEX_PARTS];
    index_parts(m, ranges, parts);
    return cache_write(path, "NDVINDEX", vocab_hash, dim, parts, ND_INDEX_PARTS);
}

int nd_model_index_read(nd_model *m, uint64_t vocab_hash, const char *path)
{
    uint64_t d[ND_CACHE_DIMS], bh;
    int fd = cache_open(path, "NDVINDEX", vocab_hash, d, &bh);
    if (fd < 0) return -1;
    int pow2 = 1;   /* the slot tables (masks d[1], d[4], d[6]) are powers of two with room to spare, as nd_strmap keeps them */
    for (int i = 1; i <= 4; i += 3) pow2 &= d[i] >= 63 && !(d[i] & (d[i] + 1)) && d[i] < (1ULL << 40) && d[i - 1] * 2 <= d[i] + 1;
    pow2 &= d[6] >= 63 && !(d[6] & (d[6] + 1)) && d[6] < (1ULL << 40) && d[2] < (1ULL << 40) && d[5] < (1ULL << 40);
    uint64_t body = (d[1] + 1) * 8 + d[0] * (8 + 8 + 4) + d[2] + (d[0] + 1) * sizeof(float) + ND_FILTER_BITS / 8 +
                    4 * sizeof(uint32_t) + (d[4] + 1) * 8 + d[3] * (8 + 8 + 4) + d[5] + d[3] * sizeof(uint32_t) +
                    (d[6] + 1) * sizeof(*m->pair);
    if (!pow2 || d[7] != m->ndocs || !file_is(fd, body)) {
        close(fd);
        return -1;
    }
    map_room(&m->vocab, d[0], d[1], d[2]);
    free(m->idf);
    m->idf = nd_xmalloc((d[0] + 1) * sizeof(float));
    free(m->filter);
    m->filter = nd_xmalloc(ND_FILTER_BITS / 8);
    map_room(&m->stems, d[3], d[4], d[5]);
    free(m->stem_fid);
    m->stem_fid = nd_xmalloc((d[3] ? d[3] : 1) * sizeof(uint32_t));
    free(m->pair);
    m->pair_mask = d[6];
    m->pair = nd_xmalloc_huge(d[6] + 1, sizeof(*m->pair));
    uint32_t ranges[4];
    struct part parts[ND_INDEX_PARTS];
    index_parts(m, ranges, parts);
    int bad = cache_read(fd, vocab_hash, bh, parts, ND_INDEX_PARTS, ND_INDEX_PARTS);
    /* what lookups rely on: keys inside the pool and NUL-ended, slots naming entries */
    for (size_t k = 0; k < 2 && !bad; k++) {
        const nd_strmap *s = k ? &m->stems : &m->vocab;
        s->pool.data[s->pool.len] = '\0';
        for (size_t e = 0; e < s->n && !bad; e++)
            bad = (uint64_t)s->keys[e].off + s->keys[e].len >= s->pool.len || s->pool.data[s->keys[e].off + s->keys[e].len] != '\0';
        for (size_t i = 0; i <= s->mask && !bad; i++) bad = (uint32_t)s->slots[i] > s->n;
    }
    for (size_t e = 0; e < m->stems.n && !bad; e++) bad = m->stem_fid[e] > d[0];
    for (size_t i = 0; i <= m->pair_mask && !bad; i++) bad = m->pair[i].fid > d[0];
    if (!bad) {
        m->geo_lo = ranges[0], m->geo_hi = ranges[1], m->title_lo = ranges[2], m->title_hi = ranges[3];
        bad = m->geo_hi > d[0] || m->title_hi > d[0];
    }
    if (bad) {   /* leave m as it was made: empty, for the text to fill */
        nd_strmap_release(&m->vocab);
        nd_strmap_init(&m->vocab);
        nd_strmap_release(&m->stems);
        nd_strmap_init(&m->stems);
        return -1;
    }
    return 0;
}
