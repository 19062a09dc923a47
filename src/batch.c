/*
 * batch.c -- the batch engine: read a batch, analyse it on worker threads,
 * hand the results to the caller in input order, repeat.
 *
 * Memory is bounded by the batch: at most 'batch' records and results are
 * alive at once, whatever the corpus size. Workers take records by an atomic
 * counter, so a slow record does not hold up a whole slice. Output does not
 * depend on the number of threads or the batch size.
 */
#include "nd_internal.h"

#include <pthread.h>    /* pthread_create */
#include <stdatomic.h>  /* atomic_size_t */
#include <stdlib.h>     /* free */

void nd_batch_opts_init(nd_batch_opts *o)
{
    o->threads = nd_cpu_count();
    o->batch = 256;
}

struct slot {
    nd_record rec;
    nd_result res;
    int failed;
    nd_err err;
};

struct work {
    struct slot *slots;
    size_t n;
    atomic_size_t next;
    const nd_analyze_opts *aopts;
};

struct worker {
    pthread_t th;
    nd_analyzer *an;
    struct work *w;
};

static void process(nd_analyzer *an, struct work *w)
{
    for (;;) {
        size_t i = atomic_fetch_add(&w->next, 1);
        if (i >= w->n) break;
        struct slot *s = &w->slots[i];
        s->failed = 0;
        if (s->rec.error) {
            s->failed = 1;
            continue;
        }
        if (nd_analyze(an, &s->rec, w->aopts, &s->res, &s->err) != ND_OK) s->failed = 1;
    }
}

static void *worker_main(void *arg)
{
    struct worker *wk = arg;
    process(wk->an, wk->w);
    return NULL;
}

nd_status nd_batch_run(nd_reader *rd, const nd_model *m, const nd_analyze_opts *aopts, const nd_batch_opts *bopts,
                       nd_batch_cb cb, void *ctx, nd_err *err)
{
    nd_batch_opts bo;
    if (bopts)
        bo = *bopts;
    else
        nd_batch_opts_init(&bo);
    if (bo.threads < 1) bo.threads = 1;
    if (bo.batch < 1) bo.batch = 1;
    int nt = bo.threads;
    struct worker *wk = nd_xcalloc((size_t)nt, sizeof(*wk));
    nd_status st = ND_OK;
    for (int i = 0; i < nt; i++) {
        wk[i].an = nd_analyzer_new(m);
        if (!wk[i].an) {
            st = nd_fail(err, ND_ERR_DEP, "the Snowball English stemmer is not available");
            break;
        }
    }
    struct slot *slots = nd_xcalloc(bo.batch, sizeof(*slots));
    for (size_t i = 0; i < bo.batch; i++) {
        nd_record_init(&slots[i].rec);
        nd_result_init(&slots[i].res);
    }
    int stop = 0;
    while (st == ND_OK && !stop) {
        size_t n = 0;
        while (n < bo.batch && nd_reader_next(rd, &slots[n].rec)) n++;
        if (n == 0) break;
        struct work w = { slots, n, 0, aopts };
        int started = 0;
        if (nt > 1 && n > 1) {
            for (int i = 1; i < nt; i++) {
                wk[i].w = &w;
                if (pthread_create(&wk[i].th, NULL, worker_main, &wk[i]) != 0) break;
                started++;
            }
        }
        process(wk[0].an, &w);
        for (int i = 1; i <= started; i++) pthread_join(wk[i].th, NULL);
        for (size_t i = 0; i < n && !stop; i++) {
            struct slot *s = &slots[i];
            const char *why = s->rec.error ? s->rec.error : s->failed ? s->err.msg : NULL;
            stop = cb(ctx, &s->rec, s->failed ? NULL : &s->res, why);
        }
        if (n < bo.batch) break;
    }
    for (size_t i = 0; i < bo.batch; i++) {
        nd_record_release(&slots[i].rec);
        nd_result_release(&slots[i].res);
    }
    free(slots);
    for (int i = 0; i < nt; i++) nd_analyzer_free(wk[i].an);
    free(wk);
    return st;
}
