/*
 * fuzz_cache.c -- libFuzzer target: the binary caches of a bundle (a task's
 * weights, the vocabulary's tables), which a bundle from anywhere may carry.
 * The first byte picks the cache; the rest is the file. The key and the
 * sizes the loader would expect are taken from the file's own header, so
 * inputs get past it to the arrays and their checks. Every input is used
 * or refused; no crash, no leak.
 */
#include "text.h"

#include <stdio.h>   /* snprintf */
#include <stdlib.h>
#include <unistd.h>  /* getpid, unlink */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint64_t u64_at(const uint8_t *d, size_t size, size_t at)
{
    uint64_t v = 0;
    if (at + 8 <= size) memcpy(&v, d + at, 8);
    return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    int which = data[0] & 1;
    data++, size--;
    char path[64];
    snprintf(path, sizeof(path), "/tmp/nd-fuzz-cache-%ld", (long)getpid());
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    uint64_t key = u64_at(data, size, 16), d0 = u64_at(data, size, 24), d2 = u64_at(data, size, 40);
    if (which == 0) {
        int nclass = d0 >= 2 && d0 <= 16 ? (int)d0 : 2;
        uint32_t nfeat = d2 < 4096 ? (uint32_t)d2 : 4096;
        nd_linsvm *s = nd_linsvm_cache_read(path, key, nclass, nfeat);
        if (s) {
            double sum = 0;   /* touch every weight, as prediction may */
            for (uint32_t ft = 1; ft <= s->nfeat; ft++) {
                int pr[128];
                float w[128];
                size_t n = s->npairs <= 128 ? nd_linsvm_row(s, ft, pr, w) : 0;
                for (size_t k = 0; k < n; k++) sum += w[k] + pr[k];
            }
            (void)sum;
            nd_linsvm_free(s);
        }
    } else {
        nd_model *m = nd_model_alloc();
        m->ndocs = (uint32_t)u64_at(data, size, 24 + 7 * 8);
        if (nd_model_index_read(m, key, path) == 0) {
            for (size_t i = 0; i < m->vocab.n; i++) (void)nd_strmap_find(&m->vocab, nd_strmap_key(&m->vocab, i), strlen(nd_strmap_key(&m->vocab, i)));
            for (size_t i = 0; i < m->stems.n; i++) (void)nd_model_pair(m, (uint32_t)i + 1, 1);
        }
        nd_model_free(m);
    }
    unlink(path);
    return 0;
}
