/*
 * svmcache.c -- a task's folded weights in a binary file beside its libsvm
 * text (TASK.weights), so that loading a bundle reads arrays instead of
 * parsing and folding support vectors (most of a one-record run's time).
 *
 * The libsvm file stays the bundle's interchange format and what its
 * manifest checksums; the cache is derived from it and names the checksum
 * of the text it was folded from, so a cache that is not of this text (or
 * of another version, byte order or size, or damaged: the body has its own
 * hash) is not used, and the text is folded again. Layout, native byte
 * order: a 64-byte header, then the class order (int32 per class), rho
 * (double per pair), and either the dense rows (float, (nfeat + 1) * stride)
 * or fstart (uint32, nfeat + 2), pair (uint16 per weight) and w (float per
 * weight).
 */
#include "text.h"

#include <errno.h>     /* errno */
#include <fcntl.h>     /* open */
#include <stdio.h>     /* rename, snprintf */
#include <stdlib.h>    /* free */
#include <sys/stat.h>  /* fstat */
#include <unistd.h>    /* read, write, getpid */

#define ND_CACHE_VERSION 1

struct header {
    char magic[8];        /* "NDWEIGHT" */
    uint32_t version, order;   /* ND_CACHE_VERSION, 0x01020304 as written */
    uint64_t svm_hash;    /* nd_hash of the libsvm text folded */
    uint32_t nclass, npairs, nfeat, stride;   /* stride 0: sparse */
    uint64_t nweights;    /* sparse: the (pair, weight) entries */
    uint64_t body_hash;
    uint64_t reserved;
};
_Static_assert(sizeof(struct header) == 64, "the header is 64 bytes");

/* A hash of four interleaved lanes (the body is megabytes; nd_hash's one chain would take milliseconds). */
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

struct part { void *data; size_t bytes; };

/* The arrays of s in file order, into parts[] (at most 5); their number. */
static int parts_of(const nd_linsvm *s, struct part *parts)
{
    int n = 0;
    parts[n++] = (struct part){ s->lab, (size_t)s->nclass * sizeof(int) };
    parts[n++] = (struct part){ s->rho, (size_t)s->npairs * sizeof(double) };
    if (s->wd) {
        parts[n++] = (struct part){ s->wd, ((size_t)s->nfeat + 1) * (size_t)s->stride * sizeof(float) };
    } else {
        size_t nw = s->fstart[s->nfeat + 1];
        parts[n++] = (struct part){ s->fstart, ((size_t)s->nfeat + 2) * sizeof(uint32_t) };
        parts[n++] = (struct part){ s->pair, nw * sizeof(uint16_t) };
        parts[n++] = (struct part){ s->w, nw * sizeof(float) };
    }
    return n;
}

static int write_all(int fd, const void *data, size_t len)
{
    for (const char *p = data; len;) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

int nd_linsvm_cache_write(const nd_linsvm *s, uint64_t svm_hash, const char *path)
{
    if (!s->lab) return -1;
    struct part parts[5];
    int np = parts_of(s, parts);
    struct header h = { .magic = { 'N', 'D', 'W', 'E', 'I', 'G', 'H', 'T' }, .version = ND_CACHE_VERSION,
                        .order = 0x01020304, .svm_hash = svm_hash, .nclass = (uint32_t)s->nclass,
                        .npairs = (uint32_t)s->npairs, .nfeat = s->nfeat, .stride = s->wd ? (uint32_t)s->stride : 0,
                        .nweights = s->wd ? 0 : s->fstart[s->nfeat + 1] };
    uint64_t bh = svm_hash;
    for (int i = 0; i < np; i++) bh = body_hash(bh, parts[i].data, parts[i].bytes);
    h.body_hash = bh;
    char tmp[4096];
    if (snprintf(tmp, sizeof(tmp), "%s.tmp-%ld", path, (long)getpid()) >= (int)sizeof(tmp)) return -1;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return -1;
    int bad = write_all(fd, &h, sizeof(h));
    for (int i = 0; i < np && !bad; i++) bad = write_all(fd, parts[i].data, parts[i].bytes);
    if (close(fd) != 0) bad = -1;
    if (!bad && rename(tmp, path) != 0) bad = -1;   /* readers see the old file or the whole new one */
    if (bad) unlink(tmp);
    return bad;
}

static int read_all(int fd, void *data, size_t len)
{
    for (char *p = data; len;) {
        ssize_t r = read(fd, p, len);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        p += r;
        len -= (size_t)r;
    }
    return 0;
}

nd_linsvm *nd_linsvm_cache_read(const char *path, uint64_t svm_hash, int nclass, uint32_t nfeat)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return NULL;
    struct header h;
    struct stat st;
    nd_linsvm *s = NULL;
    if (read_all(fd, &h, sizeof(h)) || fstat(fd, &st) || memcmp(h.magic, "NDWEIGHT", 8) || h.version != ND_CACHE_VERSION ||
        h.order != 0x01020304 || h.svm_hash != svm_hash || h.nclass != (uint32_t)nclass || nclass < 2 ||
        h.npairs != (uint32_t)(nclass * (nclass - 1) / 2) || h.nfeat != nfeat || (h.stride && (h.stride < h.npairs || h.stride % 8)))
        goto done;
    size_t body = (size_t)nclass * sizeof(int) + h.npairs * sizeof(double) +
                  (h.stride ? ((size_t)nfeat + 1) * h.stride * sizeof(float)
                            : ((size_t)nfeat + 2) * sizeof(uint32_t) + h.nweights * (sizeof(uint16_t) + sizeof(float)));
    if ((uint64_t)st.st_size != sizeof(h) + body || (!h.stride && h.nweights > (uint64_t)nfeat * h.npairs)) goto done;
    s = nd_xcalloc(1, sizeof(*s));
    s->nclass = nclass;
    s->npairs = (int)h.npairs;
    s->nfeat = nfeat;
    s->lab = nd_xmalloc((size_t)nclass * sizeof(int));
    s->rho = nd_xmalloc(h.npairs * sizeof(double));
    if (h.stride) {
        s->stride = (int)h.stride;
        s->wd = nd_xmalloc_huge(((size_t)nfeat + 1) * h.stride, sizeof(float));
    } else {
        s->fstart = nd_xmalloc(((size_t)nfeat + 2) * sizeof(uint32_t));
        s->pair = nd_xmalloc((h.nweights ? h.nweights : 1) * sizeof(uint16_t));
        s->w = nd_xmalloc((h.nweights ? h.nweights : 1) * sizeof(float));
        s->fstart[nfeat + 1] = (uint32_t)h.nweights;   /* for parts_of */
    }
    struct part parts[5];
    int np = parts_of(s, parts), bad = 0;
    uint64_t bh = svm_hash;
    for (int i = 0; i < np && !bad; i++) {
        bad = read_all(fd, parts[i].data, parts[i].bytes);
        bh = body_hash(bh, parts[i].data, parts[i].bytes);
    }
    if (!bad && bh == h.body_hash && !h.stride) {   /* offsets that stay inside the weights */
        bad = s->fstart[0] != 0 || s->fstart[nfeat + 1] != h.nweights;
        for (uint32_t f = 0; f <= nfeat && !bad; f++) bad = s->fstart[f] > s->fstart[f + 1];
        for (uint64_t k = 0; k < h.nweights && !bad; k++) bad = s->pair[k] >= h.npairs;
    }
    for (int i = 0; i < nclass && !bad; i++) bad = s->lab[i] < 0 || s->lab[i] >= nclass;
    if (bad || bh != h.body_hash) {
        nd_linsvm_free(s);
        s = NULL;
    }
done:
    close(fd);
    return s;
}
