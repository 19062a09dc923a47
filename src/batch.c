/*
 * batch.c -- the batch engine.
 *
 * With one thread: read a batch, analyse it, hand it over, repeat.
 *
 * With N > 1 threads it is a pipeline over (N + 2) batch buffers: a reader
 * thread fills free batches (framing, JSON, UTF-8 repair), N workers claim
 * records from the oldest batches that still have unclaimed records, and the
 * calling thread hands finished batches to the callback in input order, then
 * frees them for the reader. Reading, analysis and writing overlap; memory is
 * bounded by the batches, whatever the corpus size. Output does not depend
 * on the number of threads or the batch size.
 */
#include "nd_internal.h"

#include <pthread.h>    /* pthread_create, pthread_mutex_t */
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

enum { B_FREE, B_FILLING, B_READY };

struct batch {
    struct slot *slots;
    size_t cap;        /* slots made so far: they follow the records read, up to the batch size */
    size_t n;          /* records in it */
    size_t next;       /* next record to claim */
    size_t done;       /* records analysed */
    size_t seq;        /* position in the input */
    int state;
};

struct engine {
    nd_reader *rd;
    const nd_analyze_opts *aopts;
    struct batch *b;
    size_t nb, size;
    pthread_mutex_t mu;
    pthread_cond_t cv;     /* any change of state; few threads, so one condition serves */
    size_t published;      /* batches handed to the workers */
    int reader_done;
    int stop;
};

/* Slot i of b, made (and the slots before it) when first needed. */
static struct slot *slot(struct batch *b, size_t i)
{
    if (i >= b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 16;
        if (cap <= i) cap = i + 1;
        b->slots = nd_xrealloc(b->slots, nd_st_mult(cap, sizeof(*b->slots)));
        for (size_t k = b->cap; k < cap; k++) {
            memset(&b->slots[k], 0, sizeof(b->slots[k]));
            nd_record_init(&b->slots[k].rec);
            nd_result_init(&b->slots[k].res);
        }
        b->cap = cap;
    }
    return &b->slots[i];
}

static void analyse(nd_analyzer *an, const nd_analyze_opts *o, struct slot *s)
{
    s->failed = 0;
    if (s->rec.error) {
        s->failed = 1;
        return;
    }
    if (nd_analyze(an, &s->rec, o, &s->res, &s->err) != ND_OK) s->failed = 1;
}

static int emit(struct slot *s, nd_batch_cb cb, void *ctx)
{
    const char *why = s->rec.error ? s->rec.error : s->failed ? s->err.msg : NULL;
    return cb(ctx, &s->rec, s->failed ? NULL : &s->res, why);
}

static void *reader_main(void *arg)
{
    struct engine *e = arg;
    for (;;) {
        pthread_mutex_lock(&e->mu);
        struct batch *b = NULL;
        while (!e->stop) {
            for (size_t i = 0; i < e->nb && !b; i++)
                if (e->b[i].state == B_FREE) b = &e->b[i];
            if (b) break;
            pthread_cond_wait(&e->cv, &e->mu);
        }
        if (e->stop) {
            e->reader_done = 1;
            pthread_cond_broadcast(&e->cv);
            pthread_mutex_unlock(&e->mu);
            return NULL;
        }
        b->state = B_FILLING;
        pthread_mutex_unlock(&e->mu);

        size_t n = 0;
        while (n < e->size && nd_reader_next(e->rd, &slot(b, n)->rec)) n++;

        pthread_mutex_lock(&e->mu);
        if (n > 0) {
            b->n = n;
            b->next = b->done = 0;
            b->seq = e->published++;
            b->state = B_READY;
        } else {
            b->state = B_FREE;
        }
        if (n < e->size) e->reader_done = 1;
        pthread_cond_broadcast(&e->cv);
        int finished = e->reader_done;
        pthread_mutex_unlock(&e->mu);
        if (finished) return NULL;
    }
}

struct worker {
    pthread_t th;
    nd_analyzer *an;
    const nd_model *m;
    struct engine *e;
};

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    struct engine *e = w->e;
    pthread_mutex_lock(&e->mu);
    for (;;) {
        /* the oldest published batch with records left to claim */
        struct batch *b = NULL;
        for (size_t i = 0; i < e->nb; i++) {
            struct batch *c = &e->b[i];
            if (c->state == B_READY && c->next < c->n && (!b || c->seq < b->seq)) b = c;
        }
        if (!b) {
            if (e->stop || e->reader_done) {
                int pending = 0;
                for (size_t i = 0; i < e->nb; i++)
                    if (e->b[i].state == B_READY && e->b[i].next < e->b[i].n) pending = 1;
                if (!pending || e->stop) break;
            }
            pthread_cond_wait(&e->cv, &e->mu);
            continue;
        }
        if (!w->an) {   /* made when there is work for it: a short run does not pay for idle workers' caches */
            pthread_mutex_unlock(&e->mu);
            if (!(w->an = nd_analyzer_new(w->m))) return NULL;   /* the others carry on */
            pthread_mutex_lock(&e->mu);
            continue;
        }
        struct slot *s = &b->slots[b->next++];
        pthread_mutex_unlock(&e->mu);
        analyse(w->an, e->aopts, s);
        pthread_mutex_lock(&e->mu);
        if (++b->done == b->n) pthread_cond_broadcast(&e->cv);
    }
    pthread_mutex_unlock(&e->mu);
    return NULL;
}

static nd_status run_serial(nd_reader *rd, nd_analyzer *an, const nd_analyze_opts *aopts, struct batch *b,
                            size_t size, nd_batch_cb cb, void *ctx)
{
    for (;;) {
        size_t n = 0;
        while (n < size && nd_reader_next(rd, &slot(b, n)->rec)) n++;
        for (size_t i = 0; i < n; i++) analyse(an, aopts, &b->slots[i]);
        for (size_t i = 0; i < n; i++)
            if (emit(&b->slots[i], cb, ctx)) return ND_OK;
        if (n < size) return ND_OK;
    }
}

/* Returns 0 when it ran, -1 when no thread could be started (nothing was read then). */
static int run_pipeline(struct engine *e, struct worker *wk, int nt, nd_batch_cb cb, void *ctx)
{
    int started = 0;
    for (int i = 0; i < nt; i++) {
        wk[i].e = e;
        if (pthread_create(&wk[i].th, NULL, worker_main, &wk[i]) != 0) break;
        started++;
    }
    pthread_t rt;
    if (started == 0 || pthread_create(&rt, NULL, reader_main, e) != 0) {
        pthread_mutex_lock(&e->mu);
        e->stop = 1;
        pthread_cond_broadcast(&e->cv);
        pthread_mutex_unlock(&e->mu);
        for (int i = 0; i < started; i++) pthread_join(wk[i].th, NULL);
        return -1;
    }
    size_t expect = 0;
    pthread_mutex_lock(&e->mu);
    for (;;) {
        struct batch *b = NULL;
        for (size_t i = 0; i < e->nb && !b; i++)
            if (e->b[i].state == B_READY && e->b[i].seq == expect) b = &e->b[i];
        if (b && b->done == b->n) {
            pthread_mutex_unlock(&e->mu);
            int stop = 0;
            for (size_t i = 0; i < b->n && !stop; i++) stop = emit(&b->slots[i], cb, ctx);
            pthread_mutex_lock(&e->mu);
            b->state = B_FREE;
            expect++;
            if (stop) e->stop = 1;
            pthread_cond_broadcast(&e->cv);
            if (stop) break;
            continue;
        }
        if (e->reader_done && expect == e->published) break;
        pthread_cond_wait(&e->cv, &e->mu);
    }
    e->stop = 1;
    pthread_cond_broadcast(&e->cv);
    pthread_mutex_unlock(&e->mu);
    pthread_join(rt, NULL);
    for (int i = 0; i < started; i++) pthread_join(wk[i].th, NULL);
    return 0;
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
    /* the first analyzer here (it also tells whether the stemmer is there); the others
       are made by their own threads, side by side, once there is work for them (each
       touches its caches, megabytes) */
    for (int i = 0; i < nt; i++) wk[i].m = m;
    if (!(wk[0].an = nd_analyzer_new(m))) st = nd_fail_stemmer(m, err);
    size_t nb = nt > 1 ? (size_t)nt + 2 : 1;
    struct batch *b = nd_xcalloc(nb, sizeof(*b));   /* their slots come as records do (a big --batch costs nothing up front) */
    if (st == ND_OK) {
        if (nt == 1) {
            st = run_serial(rd, wk[0].an, aopts, &b[0], bo.batch, cb, ctx);
        } else {
            struct engine e;
            memset(&e, 0, sizeof(e));
            e.rd = rd;
            e.aopts = aopts;
            e.b = b;
            e.nb = nb;
            e.size = bo.batch;
            pthread_mutex_init(&e.mu, NULL);
            pthread_cond_init(&e.cv, NULL);
            if (run_pipeline(&e, wk, nt, cb, ctx) != 0) st = run_serial(rd, wk[0].an, aopts, &b[0], bo.batch, cb, ctx);
            pthread_mutex_destroy(&e.mu);
            pthread_cond_destroy(&e.cv);
        }
    }
    for (size_t k = 0; k < nb; k++) {
        for (size_t i = 0; i < b[k].cap; i++) {
            nd_record_release(&b[k].slots[i].rec);
            nd_result_release(&b[k].slots[i].res);
        }
        free(b[k].slots);
    }
    free(b);
    for (int i = 0; i < nt; i++) nd_analyzer_free(wk[i].an);
    free(wk);
    return st;
}
