/*
 * blockfeat.c -- the features of a page's blocks, for the block model.
 *
 * What the story extractors that work agree on (jusText, boilerpipe,
 * Readability, Dragnet, Web2Text): the block's own text (length, words,
 * stop-word density in the page's language, sentence punctuation, capitals,
 * figures), its markup (link density, its element's tag, the elements it
 * is inside, the class and id words above it), how much story-like text
 * the container it is in holds, its place on the page, and the same of its
 * neighbours. Lengths come as a log and as buckets, so a linear model can
 * weigh a short line differently from a long one. Every feature lies in
 * [0, 1] or close to it.
 */
#define _GNU_SOURCE   /* memmem */
#include "lang.h"
#include "story.h"

#include <math.h>    /* log, log1p, pow */
#include <stdlib.h>  /* free */

#define FEATURES(X)                                                                                   \
    X(bias) X(len_lt20) X(len_lt50) X(len_lt100) X(len_lt200) X(len_lt500) X(len_ge500) X(log_chars)   \
    X(log_words) X(stop) X(stop_x_words) X(caps) X(digits) X(commas) X(ends_sentence) X(ends_colon)    \
    X(sentences) X(word_len) X(copyright) X(separators) X(all_caps) X(bullet) X(address) X(date)       \
    X(brackets) X(link) X(all_link) X(link_x_len) X(pos) X(pos_chars) X(first) X(last) X(dup)          \
    X(region) X(title) X(rule_any) X(rule_nav) X(rule_legal) X(rule_byline) X(container) X(in_top)     \
    X(group_size) X(group_first) X(lang_known) X(prev_log_chars) X(prev_stop) X(prev_link)            \
    X(prev_ends) X(prev_rule) X(next_log_chars) X(next_stop) X(next_link) X(next_ends) X(next_rule)    \
    X(prev2_log_chars) X(prev2_stop) X(next2_log_chars) X(next2_stop) X(prev_region) X(next_region)   \
    X(page_prose) X(page_short) X(page_blocks) X(short_x_prose)           \
    X(ends_x_short) X(nested_bullet) X(numbered) X(indent) X(gaps) X(chrome) X(chrome_first) X(chrome_phrase) X(chrome_inside) X(numeric_date) X(tag)

enum {
#define ND_ENUM(name) F_##name,
    FEATURES(ND_ENUM)
#undef ND_ENUM
    F_ANC = F_tag + ND_NBT,
    F_NEAR = F_ANC + ND_NANC,
    F_FAR = F_NEAR + ND_NCLS,
    F_END = F_FAR + ND_NCLS
};
_Static_assert(F_END <= ND_BFEAT, "ND_BFEAT holds every feature");

static const char *const fnames[] = {
#define ND_NAME(name) #name,
    FEATURES(ND_NAME)
#undef ND_NAME
};
static const char *const tag_names[ND_NBT] = { "text", "p", "div", "li", "cell", "h1", "h", "quote", "pre", "def",
                                               "caption", "other" };
static const char *const anc_names[ND_NANC] = { "li", "list", "nav", "header", "footer", "aside", "form", "table",
                                                "figure", "article", "main", "section", "quote", "address", "h", "p" };
static const char *const cls_names[ND_NCLS] = { "content", "body", "nav", "footer", "header", "side", "comment",
                                                "related", "share", "ad", "consent", "subscribe", "author", "caption",
                                                "meta", "hidden" };

const char *nd_bfeat_name(int i)
{
    static char names[ND_BFEAT][32];
    static int made;
    if (!made) {   /* filled once; the same text every time, so a race writes the same bytes */
        for (int k = 0; k < ND_BFEAT; k++) {
            if (k < F_tag) snprintf(names[k], sizeof(names[k]), "%s", fnames[k]);
            else if (k < F_ANC) snprintf(names[k], sizeof(names[k]), "tag:%s", tag_names[k - F_tag]);
            else if (k < F_NEAR) snprintf(names[k], sizeof(names[k]), "in:%s", anc_names[k - F_ANC]);
            else if (k < F_FAR) snprintf(names[k], sizeof(names[k]), "near:%s", cls_names[k - F_NEAR]);
            else if (k < F_END) snprintf(names[k], sizeof(names[k]), "far:%s", cls_names[k - F_FAR]);
            else snprintf(names[k], sizeof(names[k]), "unused%d", k);
        }
        made = 1;
    }
    return i >= 0 && i < ND_BFEAT ? names[i] : "?";
}

/* What one pass over a block's text counts. */
struct shape {
    uint32_t chars, words, caps, digits, letters, upper, commas, stops, ends, seps, brackets, wordbytes, chrome;
    int chrome_first;
    int copyright, address;
};

static int is_upper_at(const unsigned char *s, size_t n)
{
    return (s[0] >= 'A' && s[0] <= 'Z') || (n > 1 && s[0] == 0xC3 && s[1] >= 0x80 && s[1] <= 0x9E && s[1] != 0x97);
}

/*
 * Count the shape of s[0..n), and per language (hits[], nl entries) its
 * function words.
 */
static void measure(const char *text, size_t n, struct shape *sh, uint16_t *hits, int nl)
{
    const unsigned char *s = (const unsigned char *)text;
    memset(sh, 0, sizeof(*sh));
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        sh->chars += (c & 0xC0) != 0x80;
        int alnum = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        int digit = c >= '0' && c <= '9';
        int word = alnum || digit || (c >= 0xC3 && c < 0xE2) || (c > 0xE2 && c != 0xEF);
        if (!word) {
            if (c == ',' || c == ';') sh->commas++;
            else if ((c == '.' || c == '!' || c == '?') && (i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '\n'))
                sh->ends++;
            else if (c == '|') sh->seps++;
            else if (c == '[' || c == ']') sh->brackets++;
            else if (c == '@') sh->address = 1;
            else if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA9) sh->copyright = 1;
            else if (c == 0xC2 && i + 1 < n && (s[i + 1] == 0xBB || s[i + 1] == 0xB7)) sh->seps++;
            else if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] == 0xA2 || s[i + 2] == 0xBA)) sh->seps++;
            else if (c == 0xE3 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x82) sh->ends++;   /* 。 */
            i++;
            continue;
        }
        size_t b = i;
        int up = is_upper_at(s + i, n - i);
        while (i < n) {
            c = s[i];
            if (c < 0x80) {
                if (!(((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9'))) break;
                sh->letters += (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
                sh->upper += c >= 'A' && c <= 'Z';
                sh->digits += c >= '0' && c <= '9';
                sh->chars++;
                i++;
            } else if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xAD) {
                i += 2;   /* a soft hyphen: the word goes on */
            } else if (c == 0xE2 || c == 0xEF || (c == 0xC2 && i + 1 < n && s[i + 1] < 0xC0)) {
                break;   /* punctuation, symbols, no-break space */
            } else {
                if ((c & 0xC0) != 0x80) sh->chars++, sh->letters++;
                i++;
            }
        }
        sh->words++;
        sh->caps += up;
        sh->wordbytes += (uint32_t)(i - b);
        if (i - b <= 24) {
            uint32_t m = nd_stop_mask(text + b, i - b);
            if (m & ND_CHROME_WORD) {
                sh->chrome++;
                sh->chrome_first |= sh->words == 1;
                m &= ~ND_CHROME_WORD;
            }
            if (m) sh->stops++;
            for (m &= (nl < 32 ? 1u << nl : 0u) - 1; m; m &= m - 1) hits[__builtin_ctz(m)]++;
        }
        if (i - b >= 4 && (!memcmp(s + b, "http", 4) || !memcmp(s + b, "www", 3))) sh->address = 1;
    }
}

/* A date in figures alone: "27.01.2022", "2022-01-27", "01/27/2022", "27.01.2022, 10:30". */
static int numeric_date(const char *s, size_t n)
{
    if (n < 8 || n > 24) return 0;
    size_t digits = 0, seps = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') digits++;
        else if (c == '.' || c == '-' || c == '/' || c == ':' || c == ',' || c == ' ') seps++;
        else return 0;
    }
    return digits >= 6;
}

/* Runs of three or more spaces inside a line: the columns of a table or a menu laid out by a text browser. */
static int gaps(const char *s, size_t n)
{
    int runs = 0;
    for (const char *q = s, *end = s + n; (q = memmem(q, (size_t)(end - q), "   ", 3)); runs++)
        while (q < end && *q == ' ') q++;
    return runs;
}

static float clip1(double v)
{
    return v > 1 ? 1.0f : v < 0 ? 0.0f : (float)v;
}

/* Ends like a sentence: . ! ? … 。 before closing quotes and brackets. */
static int ends_sentence(const char *s, size_t n)
{
    while (n > 0) {
        unsigned char c = (unsigned char)s[n - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ') {
            n--;
        } else if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
                   (c == 0x9D || c == 0x99 || c == 0xBA)) {
            n -= 3;   /* ” ’ › */
        } else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && c == 0xBB) {
            n -= 2;   /* » */
        } else {
            break;
        }
    }
    if (!n) return 0;
    unsigned char c = (unsigned char)s[n - 1];
    if (c == '.' || c == '!' || c == '?') return 1;
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 && c == 0xA6) return 1;   /* … */
    return n >= 3 && (unsigned char)s[n - 3] == 0xE3 && (unsigned char)s[n - 2] == 0x80 && c == 0x82;          /* 。 */
}

static uint64_t block_hash(const nd_page *p, const nd_block *b)
{
    return nd_hash(p->text.data + b->off, b->len);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Is block i's text on another block too? Hashes sorted: a binary search for two entries. */
static int repeated(const uint64_t *sorted, size_t n, uint64_t h)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (sorted[mid] < h) lo = mid + 1;
        else hi = mid;
    }
    return lo + 1 < n && sorted[lo] == h && sorted[lo + 1] == h;
}

/* Readability's points for a block: 1 + its commas + a point per 100 characters (3 at most), for text blocks of 25+ characters. */
static double points(const struct shape *sh)
{
    if (sh->chars < 25) return 0;
    double len = sh->chars / 100.0;
    return 1 + sh->commas + (len > 3 ? 3 : len);
}

/* What the features of one block need of the whole page. */
struct page_ctx {
    struct shape *sh;            /* per block */
    uint16_t *hits;              /* per block, per language: function words */
    int nl;                      /* languages */
    uint64_t *hs;                /* the blocks' text hashes, sorted */
    double *region;              /* story-like words within three blocks */
    double rmax;
    double top;                  /* the best container's score, and that element */
    int32_t top_elem;
    size_t total_chars;
    size_t group_size;           /* the blocks of the current block's group (a run of equal group ids) */
};

/* Containers, as Readability scores them: a block's points to its element's parent, half to the grandparent. */
static void container_scores(nd_page *p, struct page_ctx *c)
{
    for (size_t k = 0; k < p->ne; k++) p->e[k].score = 0;
    c->top = 0;
    c->top_elem = -1;
    for (size_t i = 0; i < p->n; i++) {
        int32_t e = p->b[i].elem;
        double pt = points(&c->sh[i]) * (1.0 - (double)p->b[i].link / (p->b[i].len ? p->b[i].len : 1));
        if (e < 0 || pt <= 0) continue;
        int32_t up = p->e[e].parent;
        if (up >= 0) {
            p->e[up].score += (float)pt;
            if (p->e[up].parent >= 0) p->e[p->e[up].parent].score += (float)(pt / 2);
        }
    }
    for (size_t k = 0; k < p->ne; k++)
        if (p->e[k].score > c->top) c->top = p->e[k].score, c->top_elem = (int32_t)k;
}

/* Story-like words (sentences of 8 words or more, mostly not links) within three blocks of each block. */
static void story_regions(const nd_page *p, struct page_ctx *c)
{
    size_t n = p->n;
    double *like = nd_xcalloc(n, sizeof(double));
    c->region = nd_xcalloc(n, sizeof(double));
    c->rmax = 0;
    for (size_t i = 0; i < n; i++) {
        const nd_block *b = &p->b[i];
        int ends = ends_sentence(p->text.data + b->off, b->len);
        like[i] = ends && c->sh[i].words >= 8 && b->link * 3 < b->len ? c->sh[i].words : 0;
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i >= 3 ? i - 3 : 0; j <= i + 3 && j < n; j++) c->region[i] += like[j];
        if (c->region[i] > c->rmax) c->rmax = c->region[i];
    }
    free(like);
}

/* The shape of block i's text: length, words, function words, punctuation, capitals, chrome words, bullets. */
static void text_features(const nd_page *p, const struct page_ctx *c, size_t i, float *x)
{
    const nd_block *b = &p->b[i];
    const char *s = p->text.data + b->off;
    const struct shape *h = &c->sh[i];
    double words = h->words ? h->words : 1;
    x[F_bias] = 1;
    x[F_len_lt20 + (h->chars < 20 ? 0 : h->chars < 50 ? 1 : h->chars < 100 ? 2 : h->chars < 200 ? 3 : h->chars < 500 ? 4 : 5)] = 1;
    x[F_log_chars] = (float)(log1p(h->chars) / 8);
    x[F_log_words] = (float)(log1p(h->words) / 6);
    double stop = p->lang >= 0 ? c->hits[i * (size_t)c->nl + (size_t)p->lang] / words : 0;
    x[F_stop] = (float)stop;
    x[F_stop_x_words] = (float)(stop * clip1(log1p(h->words) / log(50.0)));
    x[F_caps] = (float)(h->caps / words);
    x[F_digits] = h->chars ? (float)h->digits / (float)h->chars : 0;
    x[F_commas] = clip1(h->commas / words * 4);
    x[F_ends_sentence] = (float)ends_sentence(s, b->len);
    x[F_ends_colon] = b->len && s[b->len - 1] == ':';
    x[F_sentences] = clip1(log1p(h->ends) / 3);
    x[F_word_len] = clip1((double)h->wordbytes / words / 12);
    x[F_copyright] = (float)h->copyright;
    x[F_separators] = clip1(h->seps / words * 2);
    x[F_all_caps] = h->letters >= 4 && h->upper * 10 >= h->letters * 8;
    x[F_bullet] = b->bullet || b->tag == ND_BT_LI;
    x[F_nested_bullet] = b->bullet == ND_BULLET_NESTED;
    x[F_numbered] = b->bullet == ND_BULLET_NUMBER;
    x[F_indent] = clip1(b->indent / 8.0);
    x[F_gaps] = clip1(gaps(s, b->len) / 3.0);
    x[F_chrome] = (float)(h->chrome / words);
    x[F_chrome_first] = (float)h->chrome_first;
    int ph = b->len < 400 ? nd_chrome_phrase(s, b->len) : 0;
    x[F_chrome_phrase] = ph == 1;
    x[F_chrome_inside] = ph == 2;
    x[F_numeric_date] = (float)numeric_date(s, b->len);
    x[F_address] = (float)(h->address || nd_line_is_address(s, b->len));
    x[F_date] = (float)nd_line_is_date(s, b->len, 0);   /* English's, as the block models learned it */
    x[F_brackets] = clip1(h->brackets / words);
    if (p->title.len && b->len == p->title.len && !memcmp(s, p->title.data, b->len)) x[F_title] = 1;
    x[F_lang_known] = p->lang >= 0;
}

/* Block i's place on the page: links, position, repetition, the clutter rule, its container, group, markup. */
static void page_features(const nd_page *p, const struct page_ctx *c, size_t i, size_t chars_before, float *x)
{
    size_t n = p->n;
    const nd_block *b = &p->b[i];
    const struct shape *h = &c->sh[i];
    double link = b->len ? (double)b->link / b->len : 0;
    x[F_link] = (float)link;
    x[F_all_link] = link >= 0.9;
    x[F_link_x_len] = (float)(link * log1p(h->chars) / 8);
    x[F_pos] = n > 1 ? (float)i / (float)(n - 1) : 0;
    x[F_pos_chars] = c->total_chars ? (float)chars_before / (float)c->total_chars : 0;
    x[F_first] = i == 0;
    x[F_last] = i + 1 == n;
    x[F_dup] = (float)repeated(c->hs, n, block_hash(p, b));
    x[F_region] = c->rmax > 0 ? (float)(c->region[i] / c->rmax) : 0;
    nd_clutter r = (nd_clutter)b->rule;
    x[F_rule_any] = r != ND_CLUTTER_NONE;
    x[F_rule_nav] = r == ND_CLUTTER_NAV || r == ND_CLUTTER_LINK || r == ND_CLUTTER_SOCIAL;
    x[F_rule_legal] = r == ND_CLUTTER_LEGAL || r == ND_CLUTTER_AD || r == ND_CLUTTER_COUNTER || r == ND_CLUTTER_CODE;
    x[F_rule_byline] = r == ND_CLUTTER_BYLINE || r == ND_CLUTTER_BIO || r == ND_CLUTTER_URL || r == ND_CLUTTER_SITE;
    if (b->elem >= 0 && c->top > 0) {
        double best = 0;
        int in_top = 0, steps = 0;
        for (int32_t e = b->elem; e >= 0; e = p->e[e].parent, steps++) {
            if (steps <= 3 && p->e[e].score > best) best = p->e[e].score;
            if (e == c->top_elem) in_top = 1;
        }
        x[F_container] = (float)(best / c->top);
        x[F_in_top] = (float)in_top;
    }
    size_t gfirst = !i || p->b[i - 1].group != b->group;
    x[F_group_size] = clip1(log1p((double)c->group_size) / 4);
    x[F_group_first] = (float)gfirst;
    x[F_tag + b->tag] = 1;
    for (int k = 0; k < ND_NANC; k++) x[F_ANC + k] = (float)(b->anc >> k & 1);
    for (int k = 0; k < ND_NCLS; k++) {
        x[F_NEAR + k] = (float)(b->cls_near >> k & 1);
        x[F_FAR + k] = (float)(b->cls_far >> k & 1);
    }
}

/*
 * The page as a whole: a clean article is prose from top to bottom, a
 * page mostly short lines of chrome; a short line means one thing in
 * one and another in the other.
 */
static void whole_page(nd_page *p, const struct page_ctx *c)
{
    size_t n = p->n;
    double prose = 0, shorts = 0;
    for (size_t i = 0; i < n; i++) {
        const float *x = p->x + i * ND_BFEAT;
        prose += x[F_ends_sentence] && c->sh[i].words >= 8 ? c->sh[i].chars : 0;
        shorts += c->sh[i].chars < 50;
    }
    float page_prose = c->total_chars ? (float)(prose / (double)c->total_chars) : 0;
    float page_short = (float)(shorts / (double)n);
    for (size_t i = 0; i < n; i++) {
        float *x = p->x + i * ND_BFEAT;
        int is_short = c->sh[i].chars < 50;
        x[F_page_prose] = page_prose;
        x[F_page_short] = page_short;
        x[F_page_blocks] = clip1(log1p((double)n) / 7);
        x[F_short_x_prose] = is_short * page_prose;
        x[F_ends_x_short] = x[F_ends_sentence] * page_short;
    }
}

/* Neighbours: what of the block before (after) it, and of the one before (after) that. */
static void neighbours(nd_page *p)
{
    size_t n = p->n;
    static const int near[6][2] = { { F_log_chars, 0 }, { F_stop, 1 }, { F_link, 2 }, { F_ends_sentence, 3 },
                                    { F_rule_any, 4 }, { F_region, 5 } };
    static const int prev1[6] = { F_prev_log_chars, F_prev_stop, F_prev_link, F_prev_ends, F_prev_rule, F_prev_region };
    static const int next1[6] = { F_next_log_chars, F_next_stop, F_next_link, F_next_ends, F_next_rule, F_next_region };
    for (size_t i = 0; i < n; i++) {
        float *x = p->x + i * ND_BFEAT;
        for (int k = 0; k < 6; k++) {
            if (i > 0) x[prev1[near[k][1]]] = x[(long)near[k][0] - ND_BFEAT];
            if (i + 1 < n) x[next1[near[k][1]]] = x[near[k][0] + ND_BFEAT];
        }
        if (i > 1) {
            x[F_prev2_log_chars] = x[-2 * ND_BFEAT + F_log_chars];
            x[F_prev2_stop] = x[-2 * ND_BFEAT + F_stop];
        }
        if (i + 2 < n) {
            x[F_next2_log_chars] = x[2 * ND_BFEAT + F_log_chars];
            x[F_next2_stop] = x[2 * ND_BFEAT + F_stop];
        }
    }
}

double nd_block_weight(const float *x, double weigh)
{
    return weigh != 0 ? pow(x[F_log_chars] * 8 / log(101.0), weigh) : 1;
}

void nd_page_features(nd_page *p)
{
    size_t n = p->n;
    struct page_ctx c = { .nl = nd_lang_count() };
    ND_GROW(p->x, n * ND_BFEAT + 1, p->xalloc);
    memset(p->x, 0, n * ND_BFEAT * sizeof(float));
    p->lang = -1;
    if (!n) return;
    c.sh = nd_xmalloc(n * sizeof(*c.sh));
    c.hits = nd_xcalloc(n * (size_t)c.nl + 1, sizeof(*c.hits));
    uint32_t total_hits[ND_MAX_LANGS] = { 0 };
    for (size_t i = 0; i < n; i++) {
        measure(p->text.data + p->b[i].off, p->b[i].len, &c.sh[i], c.hits + i * (size_t)c.nl, c.nl);
        for (int l = 0; l < c.nl; l++) total_hits[l] += c.hits[i * (size_t)c.nl + l];
        c.total_chars += c.sh[i].chars;
    }
    for (int l = 0; l < c.nl; l++)   /* the page's language: the most function words */
        if (total_hits[l] && (p->lang < 0 || total_hits[l] > total_hits[p->lang])) p->lang = l;
    c.hs = nd_xmalloc(n * sizeof(*c.hs));   /* repeated texts */
    for (size_t i = 0; i < n; i++) c.hs[i] = block_hash(p, &p->b[i]);
    qsort(c.hs, n, sizeof(*c.hs), cmp_u64);
    container_scores(p, &c);
    story_regions(p, &c);
    size_t chars_before = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || p->b[i].group != p->b[i - 1].group)   /* counted once a run: a text of 250,000 lines is one */
            for (c.group_size = 1; i + c.group_size < n && p->b[i + c.group_size].group == p->b[i].group;) c.group_size++;
        text_features(p, &c, i, p->x + i * ND_BFEAT);
        page_features(p, &c, i, chars_before, p->x + i * ND_BFEAT);
        chars_before += c.sh[i].chars;
    }
    whole_page(p, &c);
    neighbours(p);
    free(c.sh);
    free(c.hits);
    free(c.hs);
    free(c.region);
}
