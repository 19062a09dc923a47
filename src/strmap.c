/* strmap.c -- string -> uint32 hash map (open addressing, linear probing). */
#include "nd_internal.h"

#include <stdlib.h>  /* free */

void nd_strmap_init(nd_strmap *m)
{
    memset(m, 0, sizeof(*m));
    m->mask = 63;
    m->slots = nd_xcalloc(m->mask + 1, sizeof(*m->slots));
    nd_buf_init(&m->pool);
}

void nd_strmap_release(nd_strmap *m)
{
    free(m->slots);
    free(m->hashes);
    free(m->keys);
    free(m->values);
    nd_buf_release(&m->pool);
    memset(m, 0, sizeof(*m));
}

long nd_strmap_find_h(const nd_strmap *m, const char *key, size_t len, uint64_t h)
{
    size_t i = (size_t)h & m->mask;
    uint64_t tag = h >> 32 << 32;
    for (;;) {
        uint64_t s = m->slots[i];
        if (!s) return -1;
        if ((s & 0xFFFFFFFF00000000ULL) == tag) {
            size_t e = (uint32_t)s - 1;
            if (m->keys[e].len == len && memcmp(m->pool.data + m->keys[e].off, key, len) == 0) return (long)e;
        }
        i = (i + 1) & m->mask;
    }
}

long nd_strmap_find(const nd_strmap *m, const char *key, size_t len)
{
    return nd_strmap_find_h(m, key, len, nd_hash(key, len));
}

/* A slot table of 'size' (a power of two) holding every entry again. */
static void reslot(nd_strmap *m, size_t size)
{
    free(m->slots);
    m->slots = nd_xcalloc_huge(size, sizeof(*m->slots));
    m->mask = size - 1;
    for (size_t e = 0; e < m->n; e++) {
        size_t i = (size_t)m->hashes[e] & m->mask;
        while (m->slots[i]) i = (i + 1) & m->mask;
        m->slots[i] = (m->hashes[e] >> 32 << 32) | (uint64_t)(e + 1);
    }
}

/* Capacity for 'need' entries in the per-entry arrays (all grow together). */
static void grow_entries(nd_strmap *m, size_t need)
{
    size_t n = m->alloc ? m->alloc * 2 : 16;
    if (n < need) n = need;
    m->hashes = nd_xrealloc(m->hashes, nd_st_mult(n, sizeof(*m->hashes)));
    m->keys = nd_xrealloc(m->keys, nd_st_mult(n, sizeof(*m->keys)));
    m->values = nd_xrealloc(m->values, nd_st_mult(n, sizeof(*m->values)));
    m->alloc = n;
}

size_t nd_strmap_put(nd_strmap *m, const char *key, size_t len, uint32_t value, bool *added)
{
    uint64_t h = nd_hash(key, len);
    long found = nd_strmap_find_h(m, key, len, h);
    if (found >= 0) {
        if (added) *added = false;
        return (size_t)found;
    }
    if ((m->n + 1) * 2 > m->mask + 1) reslot(m, (m->mask + 1) * 2);
    size_t e = m->n;
    if (e + 1 > m->alloc) grow_entries(m, e + 1);
    m->hashes[e] = h;
    m->keys[e].off = (uint32_t)m->pool.len;
    m->keys[e].len = (uint32_t)len;
    m->values[e] = value;
    nd_buf_add(&m->pool, key, len);
    nd_buf_addc(&m->pool, '\0');
    size_t i = (size_t)h & m->mask;
    while (m->slots[i]) i = (i + 1) & m->mask;
    m->slots[i] = (h >> 32 << 32) | (uint64_t)(e + 1);
    m->n++;
    if (added) *added = true;
    return e;
}

void nd_strmap_reserve(nd_strmap *m, size_t n, size_t bytes)
{
    size_t slots = 64;
    while (slots < 2 * n) slots *= 2;
    if (slots > m->mask + 1) reslot(m, slots);
    if (n > m->alloc && m->n == 0) {   /* empty: fresh arrays, on huge pages when big */
        free(m->hashes);
        free(m->keys);
        free(m->values);
        m->hashes = nd_xcalloc_huge(n, sizeof(*m->hashes));
        m->keys = nd_xcalloc_huge(n, sizeof(*m->keys));
        m->values = nd_xcalloc_huge(n, sizeof(*m->values));
        m->alloc = n;
    } else if (n > m->alloc) {
        grow_entries(m, n);
    }
    /* touch it all: memory use does not depend on how much of it a run fills */
    memset(m->hashes + m->n, 0, (m->alloc - m->n) * sizeof(*m->hashes));
    memset(m->keys + m->n, 0, (m->alloc - m->n) * sizeof(*m->keys));
    memset(m->values + m->n, 0, (m->alloc - m->n) * sizeof(*m->values));
    nd_buf_grow(&m->pool, bytes);
    memset(m->pool.data + m->pool.len, 0, m->pool.cap - m->pool.len);
}

void nd_strmap_clear(nd_strmap *m)
{
    memset(m->slots, 0, (m->mask + 1) * sizeof(*m->slots));
    m->n = 0;
    nd_buf_reset(&m->pool);
}
