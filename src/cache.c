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
 * key, eight dimensions, body hash), then the arrays, each on a 64-byte
 * boundary. A cache is used where it lies: mapped read-only, its arrays
 * pointing into the mapping (no copy, no fresh memory for the kernel to
 * clear), which the object that holds them unmaps when it is freed.
 */
#include "text.h"

#include <errno.h>     /* errno */
#include <fcntl.h>     /* open */
#include <stdio.h>     /* rename, snprintf */
#include <stdlib.h>    /* free */
#include <sys/mman.h>  /* mmap */
#include <sys/stat.h>  /* fstat */
#include <unistd.h>    /* read, write, getpid */

/*
 * 4: a weights cache's dim[5] says one weight per class (one-vs-rest); a
 * build of version 3 would take such a file of 3 or 4 classes for pairs.
 */
#define ND_CACHE_VERSION 4
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

static const char zeros[64];

static uint64_t align64(uint64_t n)
{
    return (n + 63) & ~(uint64_t)63;
}

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

static int write_all(int fd, const void *data, size_t len)
{
    for (const char *p = data; len;) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Write the cache atomically (a temporary file renamed over it), each part on a 64-byte boundary: 0, or -1. */
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
    int bad = write_all(fd, &h, sizeof(h)) || write_all(fd, zeros, align64(sizeof(h)) - sizeof(h));
    for (int i = 0; i < nparts && !bad; i++)
        bad = write_all(fd, parts[i].data, parts[i].bytes) || write_all(fd, zeros, align64(parts[i].bytes) - parts[i].bytes);
    if (close(fd) != 0) bad = -1;
    if (!bad && rename(tmp, path) != 0) bad = -1;   /* readers see the old file or the whole new one */
    if (bad) unlink(tmp);
    return bad;
}

/* Open a cache of 'key' and read its header's sizes into dim: 0 (*fdp open), or -1 (missing, other text or layout). */
static int cache_peek(const char *path, const char magic[8], uint64_t key, uint64_t dim[ND_CACHE_DIMS], int *fdp)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    struct header h;
    ssize_t r = read(fd, &h, sizeof(h));
    if (r != (ssize_t)sizeof(h) || memcmp(h.magic, magic, 8) || h.version != ND_CACHE_VERSION || h.order != 0x01020304 ||
        h.key != key) {
        close(fd);
        return -1;
    }
    memcpy(dim, h.dim, sizeof(h.dim));
    *fdp = fd;
    return 0;
}

/*
 * Map the cache open on fd, whose parts have the sizes parts[i].bytes (from
 * its header's sizes): its length checked first, then parts[i].data pointed
 * at part i and the body hash checked. The mapping (*len bytes), or NULL.
 * Closes fd.
 */
static void *cache_map(int fd, uint64_t key, struct part *parts, int nparts, size_t *len)
{
    struct stat st;
    uint64_t size = align64(sizeof(struct header));
    for (int i = 0; i < nparts; i++) size += align64(parts[i].bytes);
    void *map = NULL;
    if (fstat(fd, &st) == 0 && (uint64_t)st.st_size == size && size < ((uint64_t)1 << 40))
        map = mmap(NULL, (size_t)size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (!map || map == MAP_FAILED) return NULL;
    const struct header *h = map;
    uint64_t at = align64(sizeof(struct header)), bh = key;
    for (int i = 0; i < nparts; i++) {
        parts[i].data = (char *)map + at;
        bh = body_hash(bh, parts[i].data, parts[i].bytes);
        at += align64(parts[i].bytes);
    }
    if (bh != h->body_hash) {
        munmap(map, (size_t)size);
        return NULL;
    }
    *len = (size_t)size;
    return map;
}

/*-----   a task's folded weights   -----*/

/* The arrays of s in file order, into parts[] (at most 5); their number. */
static int weight_parts(const nd_linsvm *s, size_t nweights, struct part *parts)
{
    int n = 0;
    parts[n++] = (struct part){ s->lab, (size_t)s->nclass * sizeof(int) };
    parts[n++] = (struct part){ s->rho, (size_t)s->npairs * sizeof(double) };
    if (s->stride) {
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
    uint64_t dim[ND_CACHE_DIMS] = { (uint64_t)s->nclass, (uint64_t)s->npairs, s->nfeat, s->wd ? (uint64_t)s->stride : 0, nw,
                                    (uint64_t)s->per_class };
    struct part parts[5];
    int np = weight_parts(s, nw, parts);
    return cache_write(path, "NDWEIGHT", svm_hash, dim, parts, np);
}

nd_linsvm *nd_linsvm_cache_read(const char *path, uint64_t svm_hash, int nclass, uint32_t nfeat)
{
    uint64_t d[ND_CACHE_DIMS];
    int fd;
    if (cache_peek(path, "NDWEIGHT", svm_hash, d, &fd)) return NULL;
    uint64_t npairs = nclass >= 2 ? (uint64_t)nclass * (uint64_t)(nclass - 1) / 2 : 0, stride = d[3], nw = d[4];
    uint64_t lanes = d[5] ? (uint64_t)nclass : npairs;   /* per class (one-vs-rest) or per pair */
    if (nclass < 2 || d[0] != (uint64_t)nclass || d[1] != npairs || d[2] != nfeat || d[5] > 1 || (d[5] && !stride) ||
        (stride && (stride < lanes || stride % 8)) || stride > (d[5] ? 256 : 64) || (!stride && nw > (uint64_t)nfeat * npairs)) {
        close(fd);
        return NULL;
    }
    nd_linsvm *s = nd_xcalloc(1, sizeof(*s));
    s->nclass = nclass;
    s->npairs = (int)npairs;
    s->nfeat = nfeat;
    s->stride = (int)stride;
    s->per_class = (int)d[5];
    struct part parts[5];
    int np = weight_parts(s, nw, parts);   /* the sizes; the data comes from the mapping */
    if (!(s->map = cache_map(fd, svm_hash, parts, np, &s->map_len))) {
        free(s);
        return NULL;
    }
    /* the arrays where they lie in the file: no copy, no fresh memory to clear (nd_linsvm_free unmaps them) */
    s->lab = parts[0].data;
    s->rho = parts[1].data;
    if (stride) {
        s->wd = parts[2].data;
    } else {
        s->fstart = parts[2].data;
        s->pair = parts[3].data;
        s->w = parts[4].data;
    }
    int bad = 0;
    if (!stride) {   /* offsets that stay inside the weights */
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
    parts[4] = (struct part){ m->pool.data, m->pool.len };   /* every key ends with its NUL in it */
}

/* m's arrays pointing at parts (a borrowed map: nd_model_free does not free it). */
static void map_borrow(nd_strmap *m, size_t n, size_t mask, const struct part *parts)
{
    nd_strmap_release(m);
    m->mask = mask;
    m->n = m->alloc = n;
    m->slots = parts[0].data;
    m->hashes = parts[1].data;
    m->keys = parts[2].data;
    m->values = parts[3].data;
    m->pool.data = parts[4].data;
    m->pool.len = m->pool.cap = parts[4].bytes;
}

/* Parts: vocabulary map (5), idf, filter, ranges, stems map (5), stem_fid, pair table. */
#define ND_INDEX_PARTS 15

static void index_parts(const nd_model *m, const uint32_t *ranges, struct part *parts)
{
    map_parts(&m->vocab, parts);
    parts[5] = (struct part){ m->idf, (m->vocab.n + 1) * sizeof(float) };
    parts[6] = (struct part){ m->filter, ND_FILTER_BITS / 8 };
    parts[7] = (struct part){ (void *)ranges, 4 * sizeof(uint32_t) };
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
    uint64_t d[ND_CACHE_DIMS];
    int fd;
    if (cache_peek(path, "NDVINDEX", vocab_hash, d, &fd)) return -1;
    int pow2 = 1;   /* the slot tables (masks d[1], d[4], d[6]) are powers of two with room to spare, as nd_strmap keeps them */
    for (int i = 1; i <= 4; i += 3) pow2 &= d[i] >= 63 && !(d[i] & (d[i] + 1)) && d[i] < (1ULL << 40) && d[i - 1] * 2 <= d[i] + 1;
    pow2 &= d[6] >= 63 && !(d[6] & (d[6] + 1)) && d[6] < (1ULL << 40) && d[2] < (1ULL << 40) && d[5] < (1ULL << 40);
    if (!pow2 || d[7] != m->ndocs) {
        close(fd);
        return -1;
    }
    /* the sizes of the parts, from a model of those dimensions (no arrays yet) */
    nd_model shape = { .vocab = { .mask = d[1], .n = d[0], .pool = { .len = d[2] } },
                       .stems = { .mask = d[4], .n = d[3], .pool = { .len = d[5] } }, .pair_mask = d[6] };
    struct part parts[ND_INDEX_PARTS];
    index_parts(&shape, NULL, parts);
    size_t len;
    void *map = cache_map(fd, vocab_hash, parts, ND_INDEX_PARTS, &len);
    if (!map) return -1;
    const nd_strmap *maps[2] = { NULL, NULL };
    nd_strmap v, st;
    memset(&v, 0, sizeof(v));
    memset(&st, 0, sizeof(st));
    map_borrow(&v, d[0], d[1], parts);
    map_borrow(&st, d[3], d[4], parts + 8);
    maps[0] = &v, maps[1] = &st;
    const uint32_t *stem_fid = parts[13].data, *ranges = parts[7].data;
    const struct nd_pair *pair = parts[14].data;
    /* what lookups rely on: keys inside their pool and NUL-ended, slots naming entries, ids in range */
    int bad = 0;
    for (int k = 0; k < 2 && !bad; k++) {
        const nd_strmap *s = maps[k];
        for (size_t e = 0; e < s->n && !bad; e++)
            bad = (uint64_t)s->keys[e].off + s->keys[e].len >= s->pool.len || s->pool.data[s->keys[e].off + s->keys[e].len] != '\0';
        for (size_t i = 0; i <= s->mask && !bad; i++) bad = (uint32_t)s->slots[i] > s->n;
    }
    for (size_t e = 0; e < d[3] && !bad; e++) bad = stem_fid[e] > d[0];
    for (size_t i = 0; i <= d[6] && !bad; i++) bad = pair[i].fid > d[0];
    bad = bad || ranges[1] > d[0] || ranges[3] > d[0];
    if (bad) {
        munmap(map, len);
        return -1;
    }
    nd_strmap_release(&m->vocab);
    nd_strmap_release(&m->stems);
    m->vocab = v;
    m->stems = st;
    free(m->idf);
    free(m->filter);
    free(m->stem_fid);
    free(m->pair);
    m->idf = parts[5].data;
    m->filter = parts[6].data;
    m->stem_fid = parts[13].data;
    m->pair = parts[14].data;
    m->pair_mask = d[6];
    m->geo_lo = ranges[0], m->geo_hi = ranges[1], m->title_lo = ranges[2], m->title_hi = ranges[3];
    m->index_map = map;
    m->index_map_len = len;
    return 0;
}
