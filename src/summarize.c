/*
 * summarize.c -- extractive summaries in the model's TF-IDF space.
 *
 * Every sentence of the cleaned article gets an L2-normalised TF-IDF vector
 * (the same vocabulary and IDF as the classifiers), then scores:
 *
 *   lead       earlier is better
 *   centroid   cosine with the article's vector
 *   textrank   stationary probability of a random walk on the sentence
 *              cosine graph (LexRank, continuous weights, damping 0.85)
 *   learned    a linear libsvm model over sentence features (position,
 *              length, centroid, centrality, title overlap, numbers,
 *              quotes, paragraph starts, the mean in-article frequency of
 *              its words as in SumBasic), trained on reference summaries
 *
 * Sentences are then taken greedily by maximal marginal relevance: score
 * minus lambda times the highest cosine with a sentence already taken, and
 * returned in document order.
 */
#include "text.h"

#include <ctype.h>        /* isalnum, tolower */
#include <libsvm/svm.h>  /* struct svm_model */
#include <math.h>         /* sqrt, log */
#include <stdlib.h>       /* free */

#define ND_GRAPH_MAX 120   /* sentences in the graph (and in the similarity matrix) */

struct nd_summarizer {
    float *dense;            /* one sentence, scattered by local feature id (zero between uses) */
    size_t nlocal_cap;       /* room in dense and head */
    size_t n;                /* sentences */
    uint32_t *start;         /* n + 2: sentence i's vector is [start[i], start[i+1]); n = the title */
    uint32_t *idx;
    float *val;
    size_t nnz, alloc;
    size_t cap;              /* per-sentence arrays' capacity */
    uint32_t *words;
    double *centroid, *title, *rank, *score, *feat, *tmp;
    float *sim;              /* g^2 cosines (g = min(n, ND_GRAPH_MAX)), then two rank vectors */
    size_t graph_cap;        /* the largest g the graph arrays hold */
    double *acc;             /* g^2 dot product accumulators */
    uint32_t *head;          /* per local feature id: its last entry in the graph so far, or NONE */
    uint32_t *chain;         /* per entry: the previous entry with the same feature */
    uint32_t *owner;         /* per entry: its sentence */
    size_t chain_alloc;
    uint32_t *nzcol;         /* the transition matrix's non-zeros, row by row */
    float *nzval;
    uint32_t *nzstart;
    size_t *bucket;
    struct nd_occ *sorted;
    size_t sorted_alloc;
    uint8_t *taken;
    struct word_count { uint32_t entry, count, gen; } *wtab;   /* content words' article counts */
    size_t wcap;
    uint32_t wgen;           /* the article's stamp: slots with another are empty (no clearing) */
    uint32_t *wslot;         /* per token: its word's place in wtab */
    size_t wslot_alloc;
    double *wfreq;           /* per sentence: mean article count of its content words / an average word's */
    double *story;           /* per sentence: the story probability of its block (nd_story_probs) */
};

nd_summarizer *nd_summarizer_new(void)
{
    nd_features_init();   /* nd_sublinear_tf's table */
    return nd_xcalloc(1, sizeof(nd_summarizer));
}

#define NONE UINT32_MAX   /* no entry (in head and chain) */

/* Room for the article's local feature ids in the dense scratch arrays (zero and NONE between uses). */
static void reserve_local(nd_summarizer *s, size_t nlocal)
{
    if (nlocal <= s->nlocal_cap) return;
    size_t c = nlocal * 2;
    s->dense = nd_xrealloc(s->dense, c * sizeof(*s->dense));
    s->head = nd_xrealloc(s->head, c * sizeof(*s->head));
    for (size_t f = s->nlocal_cap; f < c; f++) {
        s->dense[f] = 0;
        s->head[f] = NONE;
    }
    s->nlocal_cap = c;
}

void nd_summarizer_free(nd_summarizer *s)
{
    if (!s) return;
    free(s->dense);
    free(s->start);
    free(s->idx);
    free(s->val);
    free(s->words);
    free(s->centroid);
    free(s->title);
    free(s->rank);
    free(s->score);
    free(s->feat);
    free(s->tmp);
    free(s->sim);
    free(s->acc);
    free(s->head);
    free(s->chain);
    free(s->owner);
    free(s->nzcol);
    free(s->nzval);
    free(s->nzstart);
    free(s->bucket);
    free(s->sorted);
    free(s->taken);
    free(s->wtab);
    free(s->wslot);
    free(s->wfreq);
    free(s->story);
    free(s);
}

static void reserve(nd_summarizer *s, size_t n)
{
    if (n + 2 <= s->cap) return;
    size_t c = (n + 2) * 2;
    s->start = nd_xrealloc(s->start, c * sizeof(*s->start));
    s->words = nd_xrealloc(s->words, c * sizeof(*s->words));
    s->centroid = nd_xrealloc(s->centroid, c * sizeof(double));
    s->title = nd_xrealloc(s->title, c * sizeof(double));
    s->rank = nd_xrealloc(s->rank, c * sizeof(double));
    s->score = nd_xrealloc(s->score, c * sizeof(double));
    s->tmp = nd_xrealloc(s->tmp, c * sizeof(double));
    s->feat = nd_xrealloc(s->feat, nd_st_mult(c, ND_SFEAT) * sizeof(double));
    s->bucket = nd_xrealloc(s->bucket, c * sizeof(*s->bucket));
    s->taken = nd_xrealloc(s->taken, c);
    s->wfreq = nd_xrealloc(s->wfreq, c * sizeof(double));
    s->story = nd_xrealloc(s->story, c * sizeof(double));
    s->cap = c;
}

static void push(nd_summarizer *s, uint32_t f, float v)
{
    if (s->nnz + 1 > s->alloc) {
        s->alloc = s->alloc ? s->alloc * 2 : 1024;
        s->idx = nd_xrealloc(s->idx, s->alloc * sizeof(*s->idx));
        s->val = nd_xrealloc(s->val, s->alloc * sizeof(*s->val));
    }
    s->idx[s->nnz] = f;
    s->val[s->nnz] = v;
    s->nnz++;
}

static double dot_dense(const nd_summarizer *s, size_t i, const float *dense)
{
    double d = 0;
    for (uint32_t k = s->start[i]; k < s->start[i + 1]; k++) d += (double)s->val[k] * dense[s->idx[k]];
    return d;
}

/* Sentence vectors (and the title's, as sentence n) from the occurrences. */
static void vectors(nd_summarizer *s, const nd_sumin *in)
{
    size_t n = s->n;
    const float *idf = in->idf;
    /* counting sort by sentence; the title (ND_SENT_TITLE) goes last */
    memset(s->bucket, 0, (n + 2) * sizeof(*s->bucket));
    for (size_t i = 0; i < in->nocc; i++) {
        uint32_t k = in->occ[i].sent == ND_SENT_TITLE ? (uint32_t)n : in->occ[i].sent;
        s->bucket[k + 1]++;
    }
    for (size_t k = 0; k <= n; k++) s->bucket[k + 1] += s->bucket[k];
    ND_GROW(s->sorted, in->nocc + 1, s->sorted_alloc);
    for (size_t i = 0; i < in->nocc; i++) {
        uint32_t k = in->occ[i].sent == ND_SENT_TITLE ? (uint32_t)n : in->occ[i].sent;
        s->sorted[s->bucket[k]++] = in->occ[i];
    }
    s->nnz = 0;
    size_t from = 0;
    for (size_t k = 0; k <= n; k++) {
        size_t to = s->bucket[k];
        s->start[k] = (uint32_t)s->nnz;
        for (size_t i = from; i < to; i++) s->dense[s->sorted[i].lid] += s->sorted[i].w;
        double ss = 0;
        size_t first = s->nnz;
        for (size_t i = from; i < to; i++) {
            uint32_t f = s->sorted[i].lid;
            double c = s->dense[f];
            if (c == 0) continue;   /* repeated feature, already taken */
            float v = (float)(nd_sublinear_tf(c) * idf[f]);
            push(s, f, v);
            ss += (double)v * v;
            s->dense[f] = 0;
        }
        if (ss > 0) {
            float inv = (float)(1.0 / sqrt(ss));
            for (size_t i = first; i < s->nnz; i++) s->val[i] *= inv;
        }
        from = to;
    }
    s->start[n + 1] = (uint32_t)s->nnz;
}


/*
 * Pairwise cosines of the first g sentences, and TextRank over them.
 * Most sentence pairs share no term, so the cosines come from per-feature
 * chains of entries (cost: the pairs that do share one) and the power
 * iteration runs over the non-zeros only. Sums are taken in the order a
 * dense dot product would take them, skipping exact zeros: the results are
 * the dense computation's, bit for bit.
 */
static void graph(nd_summarizer *s, size_t g)
{
    if (g > s->graph_cap) {   /* for g sentences: cosines and two rank vectors, sums, non-zeros */
        s->graph_cap = g;
        s->sim = nd_xrealloc(s->sim, (g * g + 2 * g) * sizeof(float));
        s->acc = nd_xrealloc(s->acc, g * g * sizeof(double));
        s->nzcol = nd_xrealloc(s->nzcol, g * g * sizeof(uint32_t));
        s->nzval = nd_xrealloc(s->nzval, g * g * sizeof(float));
        s->nzstart = nd_xrealloc(s->nzstart, (g + 1) * sizeof(uint32_t));
    }
    uint32_t end = s->start[g];
    ND_GROW(s->chain, end + 1, s->chain_alloc);
    s->owner = nd_xrealloc(s->owner, s->chain_alloc * sizeof(uint32_t));
    memset(s->acc, 0, g * g * sizeof(double));
    for (size_t j = 0; j < g; j++) {
        for (uint32_t k = s->start[j]; k < s->start[j + 1]; k++) {
            uint32_t f = s->idx[k];
            if (k + 8 < end) __builtin_prefetch(&s->head[s->idx[k + 8]]);
            double v = (double)s->val[k];
            for (uint32_t e = s->head[f]; e != NONE; e = s->chain[e]) s->acc[s->owner[e] * g + j] += v * s->val[e];
            s->chain[k] = s->head[f];
            s->owner[k] = (uint32_t)j;
            s->head[f] = k;
        }
    }
    for (uint32_t k = 0; k < end; k++) s->head[s->idx[k]] = NONE;
    for (size_t i = 0; i < g; i++) {
        s->sim[i * g + i] = 0;
        for (size_t j = i + 1; j < g; j++) s->sim[i * g + j] = s->sim[j * g + i] = (float)s->acc[i * g + j];
    }
    /* power iteration on the row-normalised graph */
    size_t nz = 0;
    for (size_t i = 0; i < g; i++) {
        double deg = 0;
        for (size_t j = 0; j < g; j++) deg += s->sim[i * g + j];
        float inv = deg > 0 ? (float)(1.0 / deg) : 0;
        s->nzstart[i] = (uint32_t)nz;
        for (size_t j = 0; j < g; j++) {
            float p = s->sim[i * g + j] * inv;
            if (p != 0) {
                s->nzcol[nz] = (uint32_t)j;
                s->nzval[nz++] = p;
            }
        }
    }
    s->nzstart[g] = (uint32_t)nz;
    float *rk = s->sim + g * g, *nx = rk + g;
    for (size_t j = 0; j < g; j++) rk[j] = (float)(1.0 / (double)g);
    const float damp = 0.85f, base = (float)((1 - 0.85) / (double)g);
    for (int it = 0; it < 30; it++) {
        for (size_t j = 0; j < g; j++) nx[j] = base;
        for (size_t i = 0; i < g; i++) {
            float ri = damp * rk[i];
            for (uint32_t e = s->nzstart[i]; e < s->nzstart[i + 1]; e++) nx[s->nzcol[e]] += ri * s->nzval[e];
        }
        float delta = 0;
        for (size_t j = 0; j < g; j++) {
            delta += fabsf(nx[j] - rk[j]);
            rk[j] = nx[j];
        }
        if (delta < 1e-4f) break;
    }
    for (size_t j = 0; j < g; j++) s->rank[j] = rk[j];
    for (size_t i = g; i < s->n; i++) s->rank[i] = 0;
}

static float sim_of(const nd_summarizer *s, size_t g, size_t i, size_t j)
{
    if (i < g && j < g) return s->sim[i * g + j];
    /* outside the graph: compute it */
    double d = 0;
    uint32_t a = s->start[i], b = s->start[j];
    /* vectors are not sorted; a small quadratic loop is fine for the rare long article */
    for (uint32_t x = a; x < s->start[i + 1]; x++)
        for (uint32_t y = b; y < s->start[j + 1]; y++)
            if (s->idx[x] == s->idx[y]) d += (double)s->val[x] * s->val[y];
    return (float)d;
}

/*
 * A sentence this close to one already in the summary (cosine of their
 * TF-IDF vectors) says it again: a page that repeats an image's caption
 * under the image and in a gallery gave a summary of one caption three
 * times. MMR's penalty alone does not stop that when everything else
 * scores lower. Every method but lead, which is the first sentences
 * whatever they say (the baseline).
 */
#define ND_SUM_REPEAT 0.9

/* The same words, ignoring case, spaces and punctuation: "Storm hits coast" = "STORM HITS COAST." */
static int same_text(const char *a, size_t an, const char *b)
{
    size_t i = 0;
    for (;;) {
        while (i < an && !isalnum((unsigned char)a[i]) && (unsigned char)a[i] < 0x80) i++;
        while (*b && !isalnum((unsigned char)*b) && (unsigned char)*b < 0x80) b++;
        if (i == an || !*b) return i == an && !*b;
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)*b)) return 0;
        i++;
        b++;
    }
}

/*
 * Any ASCII digit? Eight bytes at a time: byte b is a digit when b ^ 0x30 < 10,
 * and (x - 10 per byte) & ~x & 0x80 per byte is non-zero exactly when some
 * byte of x is below 10 (a borrow only starts at such a byte).
 */
static int has_digit(const char *p, size_t n)
{
    const uint64_t ones = 0x0101010101010101ULL;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        uint64_t x = w ^ (ones * 0x30);
        if ((x - ones * 10) & ~x & (ones * 0x80)) return 1;
    }
    for (; i < n; i++)
        if (p[i] >= '0' && p[i] <= '9') return 1;
    return 0;
}

/* A straight quote, or a curly double one (U+201C/D: E2 80 9C/9D). */
static int has_quote(const char *p, size_t n)
{
    if (memchr(p, '"', n)) return 1;
    for (const char *q = p, *end = p + n; (q = memchr(q, 0xE2, (size_t)(end - q))); q++)
        if (end - q >= 3 && (unsigned char)q[1] == 0x80 && ((unsigned char)q[2] == 0x9C || (unsigned char)q[2] == 0x9D))
            return 1;
    return 0;
}

/*
 * A sentence that opens by answering the one before it ("But ...", "And
 * ...", "However, ...", "Aber ...", "Mais ...") reads as a fragment without
 * it: in a summary without that sentence it loses ND_SUM_DANGLE of the
 * [0, 1] score range, so it is taken over a sentence that stands alone only
 * when it is clearly better. Such dangling openers in the default model's
 * summaries: cnndm 33 -> 18 of 1,602 sentences, bbc test 49 -> 35 of 1,281,
 * the 990 benchmark pages 108 -> 64; ROUGE-1 F1 30.63 -> 30.58 (cnndm),
 * 61.44 -> 61.37 (bbc), German teasers 13.30 -> 13.32. A penalty of 0.2
 * halved them on bbc but cost its ROUGE-1 0.26; 1 (never dangling) 0.60.
 * A sentence that ends with a colon ("... which are shown below:") promises
 * what the next one holds: without it, it loses three times as much (summary
 * sentences with a colon at the end, 990 pages' HTML, w3m, markdown and node
 * forms: 16, 16, 17, 17 -> 7, 7, 4, 6; with twice as much 8 of the HTML's,
 * with as much 12; bbc's and cnndm's summaries held none and are unchanged).
 */
#define ND_SUM_DANGLE 0.1

/*
 * A story in a language whose references the sentence model never saw (a
 * German one under the English default model, or under a German bundle
 * that took the default's sentence model) is read by features that carry
 * over in part only: the chance of its r-th candidate is divided by 1 +
 * ND_SUM_LEAD_PRIOR * r, as a news story puts first what matters. Against
 * DER STANDARD's teasers (scripts/eval-language) ROUGE-1 F1 went 12.53 ->
 * 14.06 under the English model and 13.32 -> 14.20 under a German bundle
 * (the lead: 14.91); the 990 benchmark pages' held-out summaries held 517 ->
 * 661 labelled story sentences (HTML), chrome 5 -> 9. With 0.25: 14.38 and
 * 14.39, chrome 12 (HTML) and 22 (w3m, against 9).
 */
#define ND_SUM_LEAD_PRIOR 0.1

static int picked(const uint32_t *pick, size_t np, size_t i)
{
    for (size_t j = 0; j < np; j++)
        if (pick[j] == i) return 1;
    return 0;
}

/*
 * How sentence p[0..n) hangs on its neighbours: ND_DANGLE_BACK when it opens
 * with a connective (the sentence before answered), ND_DANGLE_ON when it ends
 * with a colon ("..., which are shown below:", "Er sagte:"), introducing what
 * comes after it; 0 when it stands alone. 'first': the story's first sentence,
 * which answers none.
 */
enum { ND_DANGLE_BACK = 1, ND_DANGLE_ON = 2 };
static int dangles(const char *p, size_t n, int first)
{
    static const char *const words[] = { "but", "and", "however", "yet", "or", "also", "still", "nevertheless",
                                         "nonetheless", "meanwhile", "instead", "moreover", "furthermore", "besides",
                                         "therefore", "thus", "hence", "otherwise", "aber", "und", "doch", "denn",
                                         "jedoch", "allerdings", "trotzdem", "dennoch", "zudem", "außerdem",
                                         "deshalb", "daher", "oder", "sondern", "mais", "et", "pourtant", "cependant",
                                         "toutefois", "donc", "pero", "además", "entonces", "maar", "en", "dus",
                                         "toch", "però", "tuttavia", "quindi", "mas", "porém", "contudo", NULL };
    size_t w = 0, e = n;
    while (w < n && p[w] != ' ' && p[w] != ',') w++;
    while (e > 0 && (p[e - 1] == ' ' || p[e - 1] == '\n')) e--;
    return (!first && w < n && nd_word_in(words, p, w) ? ND_DANGLE_BACK : 0) | (e > 0 && p[e - 1] == ':' ? ND_DANGLE_ON : 0);
}

/* Sentence i goes on the paragraph of the sentence before it (which the clutter rules read whole). */
static int mid_paragraph(const nd_doc *d, size_t i)
{
    if (i == 0) return 0;
    size_t gap = d->sents.v[i - 1].off + d->sents.v[i - 1].len, at = d->sents.v[i].off;
    return gap <= at && !memchr(d->clean.data + gap, '\n', at - gap);
}

/*
 * Sentence i points out of the story: a link's or a button's words that
 * the clutter rules, reading its paragraph whole, left in ("Click here to
 * access the transcript ...", "READ MORE: Other critics ..."). No summary's
 * sentence. One that opens its paragraph the rules read as a line already.
 */
static int points_out(const nd_doc *d, size_t i)
{
    if (!mid_paragraph(d, i)) return 0;
    const nd_span *sp = &d->sents.v[i];
    nd_clutter why = nd_sentence_clutter(d->clean.data + sp->off, sp->len);
    return why == ND_CLUTTER_LINK || why == ND_CLUTTER_SOCIAL;
}

/*
 * SumBasic's signal (Nenkova & Vanderwende 2005): how often, on average, the
 * article uses the content words of each sentence, relative to an average
 * word of the article (so 1 is typical whatever the article's length).
 * Words are the tokenizer's normalised forms (cache entries), stop words left
 * out, counted in a small open-addressing table whose slots carry the
 * article's stamp, so it is never cleared.
 */
static void word_frequencies(nd_summarizer *s, const nd_doc *d)
{
    size_t n = s->n, m = 0, nw = 0;
    size_t cap = 64;   /* this article's part of the table: a long article before must not spread a short one */
    while (cap < 2 * d->tk.n) cap *= 2;
    if (cap > s->wcap || ++s->wgen == 0) {   /* a bigger table, or the stamps wrapped: start clean */
        free(s->wtab);
        s->wtab = nd_xcalloc(cap, sizeof(*s->wtab));
        s->wcap = cap;
        s->wgen = 1;
    }
    ND_GROW(s->wslot, d->tk.n + 1, s->wslot_alloc);
    for (size_t i = 0; i < d->tk.n; i++) {
        const nd_token *t = &d->tk.v[i];
        if (t->sent == ND_SENT_TITLE || (t->flags & ND_TOK_STOP)) continue;
        size_t at = (size_t)(t->entry * 0x9E3779B1u) & (cap - 1);
        while (s->wtab[at].gen == s->wgen && s->wtab[at].entry != t->entry) at = (at + 1) & (cap - 1);
        if (s->wtab[at].gen != s->wgen) s->wtab[at] = (struct word_count){ t->entry, 0, s->wgen }, nw++;
        s->wtab[at].count++;
        s->wslot[i] = (uint32_t)at;
        m++;
    }
    for (size_t i = 0; i < n; i++) s->wfreq[i] = s->tmp[i] = 0;
    for (size_t i = 0; i < d->tk.n; i++) {
        const nd_token *t = &d->tk.v[i];
        if (t->sent == ND_SENT_TITLE || (t->flags & ND_TOK_STOP)) continue;
        s->wfreq[t->sent] += s->wtab[s->wslot[i]].count;
        s->tmp[t->sent] += 1;
    }
    double avg = nw ? (double)m / (double)nw : 1;   /* the count of an average word */
    for (size_t i = 0; i < n; i++) s->wfreq[i] = s->tmp[i] > 0 ? s->wfreq[i] / s->tmp[i] / avg : 0;
}

/*
 * The story's last sentence, when it is no sentence of it: cut short where
 * a feed cut the text ("... between Elm Avenue and the f… [+2345 chars]",
 * "... and the f..."), or chrome that its paragraph's other sentences kept from the
 * clutter rules, which read the paragraph whole ("Continue reading at The
 * Example Post", "CNN's Jane Roe contributed to this report.").
 */
int nd_summary_tail_out(const nd_doc *d)
{
    if (!d->sents.n) return 0;
    size_t i = d->sents.n - 1;
    const nd_span *sp = &d->sents.v[i];
    const char *s = d->clean.data + sp->off;
    size_t n = sp->len;
    if (n < 4) return 0;
    if (isalpha((unsigned char)s[n - 4]) && (!memcmp(s + n - 3, "\xE2\x80\xA6", 3) || !memcmp(s + n - 3, "...", 3)) &&
        (d->page.cut || n < 5 || !isalpha((unsigned char)s[n - 5])))
        return 1;   /* cut where the feed said it cut the text, or in a word ("the f…"): a feed's "...", as
                       agnews' descriptions end, ends a sentence that reads */
    if (!mid_paragraph(d, i)) return 0;
    nd_clutter why = nd_sentence_clutter(s, n);   /* a legal phrase opens prose too: "Terms and conditions of the deal ..." */
    return why == ND_CLUTTER_BYLINE || why == ND_CLUTTER_SOCIAL || why == ND_CLUTTER_LINK ||
           (why != ND_CLUTTER_NONE && !nd_line_is_body(s, n));
}

/* A summary sentence: four words or more, not the title again, not a date alone ("Donnerstag, 31. Mai 2012"). */
static int candidate(const nd_sumin *in, size_t i, size_t words)
{
    const nd_span *sp = &in->d->sents.v[i];
    const char *s = in->d->clean.data + sp->off;
    return words >= 4 && !(in->title && same_text(s, sp->len, in->title)) &&
           !(sp->len <= 48 && has_digit(s, sp->len) && nd_line_is_date(s, sp->len, 1)) &&   /* four words: a figure */
           !(in->tail_out && i + 1 == in->d->sents.n);
}

size_t nd_summarizer_trivial(nd_summarizer *s, const nd_sumin *in, const nd_analyze_opts *o, uint32_t *pick)
{
    const nd_doc *d = in->d;
    size_t n = d->sents.n;
    size_t k = o->sentences > 0 ? (size_t)o->sentences : 3;
    if (n == 0 || o->ratio > 0 || o->words > 0 || n > ND_MAX_SUMMARY * 4) return 0;
    if (nd_story_pre(&d->page, d->sents.v, n, NULL)) return 0;   /* code to leave out: nd_summarizer_pick */
    reserve(s, n);
    memset(s->words, 0, (n + 1) * sizeof(*s->words));
    for (size_t i = 0; i < d->tk.n; i++)
        if (d->tk.v[i].sent != ND_SENT_TITLE) s->words[d->tk.v[i].sent]++;
    size_t np = 0;
    for (size_t i = 0; i < n; i++) {
        if (!candidate(in, i, s->words[i])) continue;
        if (np == k) return 0;   /* more candidates than wanted: they must be scored */
        pick[np++] = (uint32_t)i;
    }
    size_t kept = 0;   /* a link's words are no summary's here either (nd_summarizer_pick) */
    for (size_t j = 0; j < np; j++)
        if (o->method == ND_SUM_LEAD || !points_out(d, pick[j])) pick[kept++] = pick[j];
    return kept;
}

size_t nd_summarizer_dateline(const nd_sumin *in, size_t *sent)
{
    const nd_doc *d = in->d;
    for (size_t i = 0; i < d->sents.n; i++) {
        const nd_span *sp = &d->sents.v[i];
        if (in->title && same_text(d->clean.data + sp->off, sp->len, in->title)) continue;
        *sent = i;
        return nd_dateline(d->clean.data + sp->off, sp->len);
    }
    *sent = d->sents.n;
    return 0;
}

size_t nd_summarizer_prepare(nd_summarizer *s, const nd_sumin *in)
{
    const nd_doc *d = in->d;
    size_t n = d->sents.n;
    s->n = n;
    reserve(s, n);
    if (n == 0) return 0;
    reserve_local(s, in->nlocal);
    memset(s->words, 0, (n + 1) * sizeof(*s->words));
    for (size_t i = 0; i < d->tk.n; i++)
        if (d->tk.v[i].sent != ND_SENT_TITLE) s->words[d->tk.v[i].sent]++;
    vectors(s, in);
    size_t g = n < ND_GRAPH_MAX ? n : ND_GRAPH_MAX;
    graph(s, g);
    for (size_t i = 0; i < n; i++) {
        s->centroid[i] = dot_dense(s, i, in->vec);
        s->title[i] = 0;
    }
    if (s->start[n + 1] > s->start[n]) {   /* a title vector */
        for (uint32_t k = s->start[n]; k < s->start[n + 1]; k++) s->dense[s->idx[k]] = s->val[k];
        for (size_t i = 0; i < n; i++) s->title[i] = dot_dense(s, i, s->dense);
        for (uint32_t k = s->start[n]; k < s->start[n + 1]; k++) s->dense[s->idx[k]] = 0;
    }
    /* features for the learned method */
    word_frequencies(s, d);
    double maxrank = 0;
    for (size_t i = 0; i < g; i++)
        if (s->rank[i] > maxrank) maxrank = s->rank[i];
    size_t dsent, ncand = 0, allwords = 0;
    double dateline = in->highlights || nd_summarizer_dateline(in, &dsent) > 0;
    for (size_t i = 0; i < n; i++) allwords += s->words[i];
    double meanwords = (double)allwords / (double)n + 1e-9;
    for (size_t i = 0; i < n; i++) {
        double *f = s->feat + i * ND_SFEAT;
        const nd_span *sp = &d->sents.v[i];
        const char *txt = d->clean.data + sp->off;
        size_t b = sp->off;
        while (b > 0 && (d->clean.data[b - 1] == ' ' || d->clean.data[b - 1] == '\t')) b--;
        f[0] = n > 1 ? (double)i / (double)(n - 1) : 0;
        f[1] = i == 0;
        f[2] = i == 1;
        f[3] = i == 2;
        f[4] = 1.0 / (1.0 + (double)i);
        f[5] = log(1.0 + s->words[i]) / log(64.0);
        f[6] = s->words[i] < 8;
        f[7] = s->centroid[i];
        f[8] = maxrank > 0 ? s->rank[i] / maxrank : 0;
        f[9] = s->title[i];
        f[10] = has_digit(txt, sp->len);
        f[11] = has_quote(txt, sp->len);
        f[12] = b == 0 || d->clean.data[b - 1] == '\n';
        f[13] = log(1.0 + (double)n) / log(64.0);
        f[14] = f[8] * f[5];              /* central and long */
        f[15] = f[7] * f[5];              /* on topic and long */
        f[16] = f[0] * f[13];             /* late in a long article */
        f[17] = s->wfreq[i];
        f[18] = f[17] * f[5];             /* frequent words and long */
        /* its place among the sentences that can be picked, and its length against the article's sentences */
        size_t r = candidate(in, i, s->words[i]) ? ncand++ : n;
        f[19] = r == 0;
        f[20] = r == 1;
        f[21] = r == 2;
        f[22] = r < n ? 1.0 / (1.0 + (double)r) : 0;
        f[23] = fmin((double)s->words[i] / meanwords, 4.0) / 4.0;
        f[ND_SFEAT_OWN] = dateline;
        for (int k = 0; k < ND_SFEAT_OWN; k++) f[ND_SFEAT_OWN + 1 + k] = dateline * f[k];
    }
    return n;
}

const double *nd_summarizer_features(const nd_summarizer *s)
{
    return s->feat;
}

/*
 * The learned method's scores when its model is calibrated (p_i: the chance
 * that sentence i is in the reference, times the chance that its block is
 * story at all, as the block model gave it; w_i its words). Against an extractive
 * reference of R words, the expected F1 of k sentences is about
 * sum(p_i w_i) / (sum(w_i) + R): a long likely sentence beats a short one a
 * little likelier. R is taken as k average sentences of the article (the
 * reference is as long as the summary asked for). The best k sentences for
 * that ratio are the top k of (p_i - l) w_i at the fixed point l of
 * Dinkelbach's iteration (l = the ratio of the current top k), reached in a
 * few steps; those values are the scores.
 */
static void expected_f1(nd_summarizer *s, const nd_sumsvm *lm, size_t k)
{
    size_t n = s->n, cand = 0;
    double *p = s->tmp, words = 0;
    for (size_t i = 0; i < n; i++) {
        p[i] = nd_platt_prob(s->score[i], lm->pa, lm->pb) * s->story[i];
        if (!s->taken[i]) words += s->words[i], cand++;
    }
    double ref = cand ? (double)k * words / (double)cand : 0;
    double l = 0;
    for (int it = 0; it < 32; it++) {
        size_t top[ND_MAX_SUMMARY], nt = 0;   /* top k by (p - l) w, best first */
        for (size_t i = 0; i < n; i++) {
            if (s->taken[i]) continue;
            double v = (p[i] - l) * s->words[i];
            size_t at = nt < k ? nt++ : k;
            while (at > 0 && v > (p[top[at - 1]] - l) * s->words[top[at - 1]]) {
                if (at < k) top[at] = top[at - 1];
                at--;
            }
            if (at < k) top[at] = i;
        }
        double num = 0, den = ref;
        for (size_t j = 0; j < nt; j++) num += p[top[j]] * s->words[top[j]], den += s->words[top[j]];
        double next = den > 0 ? num / den : 0;
        if (next <= l + 1e-12) break;
        l = next;
    }
    for (size_t i = 0; i < n; i++) s->score[i] = p[i] > l ? (p[i] - l) * s->words[i] : p[i] - l;
}

size_t nd_summarizer_pick(nd_summarizer *s, const nd_sumin *in, const nd_analyze_opts *o, uint32_t *pick)
{
    size_t n = s->n;
    if (n == 0) return 0;
    size_t g = n < ND_GRAPH_MAX ? n : ND_GRAPH_MAX;
    nd_sum_method method = nd_sum_method_for(in->m, o->method);
    const nd_sumsvm *lm = in->m->sum;
    for (size_t i = 0; i < n; i++) s->taken[i] = !candidate(in, i, s->words[i]);
    /* a line of code or a listing is no sentence of a summary (a Dockerfile's "FROM python:3.7 RUN ...") */
    nd_story_pre(&in->d->page, in->d->sents.v, n, s->taken);
    size_t avail = 0;
    for (size_t i = 0; i < n; i++) avail += !s->taken[i];
    if (avail == 0)   /* nothing looks like a story sentence: take them all as candidates */
        for (size_t i = 0; i < n; i++) s->taken[i] = 0, avail++;
    size_t k = o->sentences > 0 ? (size_t)o->sentences : 3;
    if (o->ratio > 0) k = (size_t)ceil(o->ratio * (double)n);
    if (o->words > 0) k = ND_MAX_SUMMARY;
    if (k > ND_MAX_SUMMARY) k = ND_MAX_SUMMARY;
    if (k > avail) k = avail;
    if (k == 0) k = 1;

    /* raw scores, then scaled to [0, 1] so that MMR's lambda means the same for every method */
    for (size_t i = 0; i < n; i++) {
        double v;
        switch (method) {
        case ND_SUM_LEAD: v = 1.0 / (1.0 + (double)i); break;
        case ND_SUM_TEXTRANK: v = i < g ? s->rank[i] : 0; break;
        case ND_SUM_LEARNED: {
            const double *f = s->feat + i * ND_SFEAT;
            v = lm->b;
            for (int j = 0; j < ND_SFEAT; j++) v += lm->w[j] * f[j];
            break;
        }
        default: v = s->centroid[i]; break;
        }
        s->score[i] = v;
    }
    /*
     * A sentence of a block the story extraction kept but doubted (a prompt
     * between two paragraphs, a caption) is that much less likely a summary
     * sentence: on the extraction benchmark's pages (block models trained on
     * the other half) the default summaries' sentences known to be
     * boilerplate went from 13 to 9 (HTML) and 24 to 16 (text)
     * (scripts/eval-extract).
     */
    nd_story_probs(&in->d->page, in->d->sents.v, n, s->story);
    int learned = method == ND_SUM_LEARNED && lm->calibrated;
    if (learned && in->unlearned)
        for (size_t i = 0, r = 0; i < n; i++)
            if (!s->taken[i]) s->story[i] /= 1.0 + ND_SUM_LEAD_PRIOR * (double)r++;
    if (learned) expected_f1(s, lm, k);
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        if (s->score[i] < lo) lo = s->score[i];
        if (s->score[i] > hi) hi = s->score[i];
    }
    for (size_t i = 0; i < n; i++)
        s->score[i] = (hi > lo ? (s->score[i] - lo) / (hi - lo) : 1.0) * (learned ? 1 : s->story[i]);

    double lambda = method == ND_SUM_LEAD ? 0 : o->mmr;
    double *dangling = s->tmp;   /* free after expected_f1: dangles(), or -1 not read yet */
    for (size_t i = 0; i < n; i++) dangling[i] = method != ND_SUM_LEAD ? -1 : 0;
    size_t np = 0, words = 0;
    while (np < k) {
        size_t best = n;
        double bestv = -INFINITY;
        for (size_t i = 0; i < n; i++) {
            if (s->taken[i]) continue;
            double red = 0;
            for (size_t j = 0; j < np && method != ND_SUM_LEAD; j++) {   /* lead: neither MMR nor the repeat test */
                double sim = sim_of(s, g, i, pick[j]);
                if (sim > red) red = sim;
            }
            if (red >= ND_SUM_REPEAT) continue;
            double v = (1 - lambda) * s->score[i] - lambda * red;
            if (v > bestv && dangling[i] != 0) {   /* read only when it would be the best */
                if (dangling[i] < 0)
                    dangling[i] = dangles(in->d->clean.data + in->d->sents.v[i].off, in->d->sents.v[i].len, i == 0);
                int f = (int)dangling[i];
                if ((f & ND_DANGLE_BACK) && !picked(pick, np, i - 1)) v -= ND_SUM_DANGLE;   /* without its sentence before */
                if ((f & ND_DANGLE_ON) && !picked(pick, np, i + 1)) v -= 3 * ND_SUM_DANGLE;     /* or the one after */
            }
            if (v > bestv) bestv = v, best = i;   /* ties: the earlier sentence */
        }
        if (best == n) break;
        s->taken[best] = 1;
        /* a link's words: read of the chosen only (of every candidate it cost process 0.8%) */
        if (method != ND_SUM_LEAD && points_out(in->d, best)) continue;
        pick[np++] = (uint32_t)best;
        words += s->words[best];
        if (o->words > 0 && words >= (size_t)o->words) break;
    }
    for (size_t i = 1; i < np; i++) {   /* document order */
        uint32_t v = pick[i];
        size_t j = i;
        while (j > 0 && pick[j - 1] > v) pick[j] = pick[j - 1], j--;
        pick[j] = v;
    }
    return np;
}

static const char *const method_names[] = { "centroid", "lead", "textrank", "learned", "default" };
enum { NMETHODS = sizeof(method_names) / sizeof(method_names[0]) };

int nd_sum_method_parse(const char *name)
{
    for (int i = 0; i < NMETHODS; i++)
        if (!strcmp(name, method_names[i])) return i;
    return -1;
}

const char *nd_sum_method_name(nd_sum_method m)
{
    return (unsigned)m < NMETHODS ? method_names[m] : "?";
}

nd_sum_method nd_sum_method_for(const nd_model *m, nd_sum_method asked)
{
    if (asked != ND_SUM_DEFAULT && asked != ND_SUM_LEARNED) return asked;
    return m && m->sum ? ND_SUM_LEARNED : ND_SUM_TEXTRANK;
}

nd_sumsvm *nd_sumsvm_fold(struct svm_model *model)
{
    if (!model || model->nr_class != 2 || model->param.kernel_type != LINEAR) return NULL;
    nd_sumsvm *s = nd_xcalloc(1, sizeof(*s));
    s->model = model;
    for (int i = 0; i < model->l; i++)
        for (const struct svm_node *n = model->SV[i]; n->index != -1; n++)
            if (n->index >= 1 && n->index <= ND_SFEAT) s->w[n->index - 1] += model->sv_coef[0][i] * n->value;
    s->b = -model->rho[0];
    int flip = model->label[0] != 1;
    if (flip) {   /* positive decision values mean label[0]: orient toward "in the summary" */
        for (int k = 0; k < ND_SFEAT; k++) s->w[k] = -s->w[k];
        s->b = -s->b;
    }
    if (model->probA && model->probB) {   /* libsvm's sigmoid gives P(label[0]) */
        s->calibrated = 1;
        s->pa = model->probA[0];
        s->pb = flip ? -model->probB[0] : model->probB[0];
    }
    return s;
}

void nd_sumsvm_calibrate(nd_sumsvm *s, double a, double b)
{
    struct svm_model *m = s->model;
    free(m->probA);
    free(m->probB);
    m->probA = nd_xmalloc(sizeof(double));
    m->probB = nd_xmalloc(sizeof(double));
    m->probA[0] = a;
    m->probB[0] = m->label[0] != 1 ? -b : b;
    s->calibrated = 1;
    s->pa = a;
    s->pb = b;
}

void nd_sumsvm_free(nd_sumsvm *s)
{
    if (!s) return;
    if (s->model) svm_free_and_destroy_model(&s->model);
    free(s);
}
