/*
 * pageblocks.c -- the blocks of a plain text: one a line.
 *
 * A text dumped from a page by a text browser (w3m -dump, lynx -dump) is
 * wrapped at a fixed width: its paragraphs arrive as runs of lines that each
 * end near that width. Such a run is joined into one block, so a block is a
 * paragraph, a list item or a menu line, as in the page. The test for a
 * wrapped line is the one a reflowing editor uses: the next line's first
 * word would not have fitted on it. The width is the one many lines end
 * just below and few run past (scraped text with one paragraph a line has
 * no such clustering: it is not wrapped). Blank lines separate groups
 * (paragraphs). Markdown (a scraper's for language models) is read as the
 * page a browser shows: a paragraph's lines joined, links as their words.
 * A scraper's plain dump holds a page's text nodes, one a line (a link or an
 * emphasis breaks a sentence into lines) or, from a minified page, all on
 * one line with wide gaps between them: a long line is parted at its gaps,
 * and a line that goes on with the sentence before it is joined to it.
 */
#define _GNU_SOURCE   /* memmem, memrchr */
#include "story.h"

#include <ctype.h>     /* ispunct */
#include <stdlib.h>    /* free */
#include <utf8proc.h>  /* utf8proc_iterate, utf8proc_category */

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

enum { WRAP_LO = 40, WRAP_NARROW = 20, WRAP_HI = 200, WRAP_BAND = 10, GAP_LINE = 200 };

/*
 * Terminal columns of s[0..n): a code point each, two for East Asian wide
 * ones (U+3000..U+D7FF, U+20000...); WRAP_HI + 1 for any width past
 * WRAP_HI (no wrapped line is that wide: the count stops there). The
 * full-width forms (，（）) count one: w3m sets them two wide, but a table
 * row of them then ran a column past the wrapped lines and set the width.
 */
static size_t columns(const char *s, size_t n)
{
    size_t c = 0, i = 0;
    for (uint64_t w; i + 8 <= n && c <= WRAP_HI; i += 8) {   /* ASCII eight bytes at a time */
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ull) break;
        c += 8;
    }
    for (; i < n && c <= WRAP_HI; i++) {
        unsigned char b = (unsigned char)s[i];
        if ((b & 0xC0) != 0x80) c += (b >= 0xE3 && b <= 0xED) || b >= 0xF0 ? 2 : 1;
    }
    return c <= WRAP_HI ? c : WRAP_HI + 1;
}

/* Does s[0..n) end a sentence: '.', '!', '?' or '…', then perhaps closing quotes or a bracket? */
static int ends_sentence(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    /* closing quotes and brackets: " ' ) and ” ’ “ (German's „…“), » and the no-break spaces French sets before it */
    for (;;) {
        if (n && (u[n - 1] == '"' || u[n - 1] == '\'' || u[n - 1] == ')' || u[n - 1] == ' '))
            n--;
        else if (n >= 2 && u[n - 2] == 0xC2 && (u[n - 1] == 0xBB || u[n - 1] == 0xA0))
            n -= 2;
        else if (n >= 3 && u[n - 3] == 0xE2 && u[n - 2] == 0x80 &&
                 (u[n - 1] == 0x9D || u[n - 1] == 0x99 || u[n - 1] == 0x9C || u[n - 1] == 0xAF))
            n -= 3;
        else
            break;
    }
    if (n && (u[n - 1] == '.' || u[n - 1] == '!' || u[n - 1] == '?')) return 1;
    return n >= 3 && u[n - 3] == 0xE2 && u[n - 2] == 0x80 && u[n - 1] == 0xA6;
}

/*
 * The width lines were wrapped at, or 0 when they were not: the W from 'lo'
 * to 200 columns with the most lines ending within 10 columns below it (3 at
 * least, a third of them inside a sentence: wrapping cuts sentences, while
 * paragraphs a line of much the same length end with theirs), and few lines
 * longer (a quarter of those at most: <pre> blocks and tables may run past
 * it), taken down to the longest line in that band (of widths that hold the
 * same lines, the tightest). ends[i]: line i ends a sentence.
 */
static size_t wrap_width(const size_t *cols, const uint8_t *ends, size_t n, size_t lo)
{
    enum { HI = WRAP_HI, BAND = WRAP_BAND };
    uint64_t hist[HI + 2] = { 0 };   /* lines of each width, and above bit 32 those cut inside a sentence */
    for (size_t i = 0; i < n; i++) hist[cols[i] > HI ? HI + 1 : cols[i]] += 1 + ((uint64_t)!ends[i] << 32);
    uint64_t in = 0;
    size_t best = 0, best_in = 0, above = (uint32_t)hist[HI + 1];
    for (size_t k = HI - BAND + 1; k <= HI; k++) in += hist[k];
    for (size_t w = HI; w >= lo; w--) {   /* in: the lines of w - BAND + 1 .. w columns */
        size_t lines = (uint32_t)in, cut = (size_t)(in >> 32);
        if (lines >= 3 && cut * 3 >= lines && above * 4 <= lines && lines > best_in) best = w, best_in = lines;
        above += (uint32_t)hist[w];
        in = in - hist[w] + hist[w - BAND];
    }
    while (best > lo && !(uint32_t)hist[best]) best--;   /* no wider than its longest line */
    return best;
}

/*
 * A list marker at s, and of which kind: ND_BULLET ("* ", "- ", "• ", "· "),
 * ND_BULLET_NESTED, as text browsers mark deeper levels ("◦ ", "▪ ", "□ ",
 * "‣ ", "○ ", "■ "), ND_BULLET_NUMBER ("1. ", "2) "); 0 for none.
 */
static int bullet(const char *s, size_t n)
{
    if (n >= 2 && (s[0] == '*' || s[0] == '-' || s[0] == '+') && s[1] == ' ') return ND_BULLET;
    if (n >= 3 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xB7 && s[2] == ' ') return ND_BULLET;
    if (n >= 4 && (unsigned char)s[0] == 0xE2 && s[3] == ' ') {
        unsigned a = (unsigned char)s[1], b = (unsigned char)s[2];
        if (a == 0x80 && b == 0xA2) return ND_BULLET;   /* • */
        if ((a == 0x80 && b == 0xA3) || (a == 0x96 && (b == 0xAA || b == 0xB8 || b == 0xA0 || b == 0xA1)) ||
            (a == 0x97 && (b == 0xA6 || b == 0x8F || b == 0x8B || b == 0x86)))
            return ND_BULLET_NESTED;
    }
    size_t i = 0;
    while (i < n && i < 3 && s[i] >= '0' && s[i] <= '9') i++;
    if (i && i + 1 < n && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ') return ND_BULLET_NUMBER;
    return 0;
}

/* The length of the last word of s[0..n) (after its last space), found from the end. */
static size_t last_word(const char *s, size_t n)
{
    const char *sp = memrchr(s, ' ', n);
    return (size_t)(s + n - (sp ? sp + 1 : s));
}

/* Punctuation that closes what stands before it: , ; : . ! ? ) ] and closing quotes (” ’ »). */
static int closing(const char *s, size_t n)
{
    if (!n || !s[0]) return 0;
    if (strchr(",;:.!?)]", s[0])) return 1;
    const unsigned char *u = (const unsigned char *)s;
    return (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x9D || u[2] == 0x99)) ||
           (n >= 2 && u[0] == 0xC2 && u[1] == 0xBB);
}

/*
 * s[0..n) ends in a word that neither a sentence nor a menu item ends in:
 * an article, a conjunction or "of" in the languages of the page benchmark
 * and their neighbours ("the ferry to the" / "Gull Islands"). Prepositions
 * that end menu items as particles ("Sign in", "Log on") are not counted.
 */
static int open_end(const char *s, size_t n)
{
    static const char *const words[] = {
        "the", "a", "an", "of", "and", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen",
        "einem", "einer", "eines", "und", "le", "la", "les", "du", "un", "une", "et", "el", "los",
        "las", "del", "y", "il", "lo", "gli", "della", "het", "een", "en", "o", "os", "as", "do", "da", "e",
    };
    size_t wl = last_word(s, n);
    const char *w = s + n - wl;
    if (wl > 6) return 0;
    for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
        if (strlen(words[i]) == wl && !memcmp(words[i], w, wl)) return 1;
    return 0;
}

/*
 * Line b goes on with line a's sentence: a does not end one (., !, ?), b is
 * no list item, and b starts with a lower-case letter or closing
 * punctuation, or a ends in a comma, an opening bracket or quote ("„"), or
 * a word no sentence or menu item ends in (open_end).
 */
static int continues(const char *a, size_t an, const char *b, size_t bn)
{
    if (!an || !bn || bullet(b, bn)) return 0;
    char last = a[an - 1];
    if (last == '.' || last == '!' || last == '?') return 0;
    if (closing(b, bn) || last == ',' || last == '(' || (an >= 3 && !memcmp(a + an - 3, "\xE2\x80\x9E", 3)) ||
        open_end(a, an))
        return 1;
    utf8proc_int32_t cp;
    return utf8proc_iterate((const utf8proc_uint8_t *)b, (utf8proc_ssize_t)bn, &cp) > 0 &&
           utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

/*
 * The first run of three blanks in s[a..b), or b: a Horspool search that
 * looks at every third byte (a paragraph has a blank every few bytes, so
 * memmem's general search cost more than the rest of the line's reading).
 */
static size_t gap(const char *s, size_t a, size_t b)
{
    for (size_t p = a + 2; p < b;) {
        if (s[p] != ' ') p += 3;
        else if (s[p - 1] != ' ') p += 2;
        else if (s[p - 2] != ' ') p += 1;
        else return p - 2;
    }
    return b;
}

struct line {
    size_t s, t;        /* the line's text, trimmed */
    size_t indent;      /* the blanks before it */
    size_t cols;        /* its width in code points, indentation included */
    uint32_t group;     /* paragraphs counted by blank lines */
    size_t wrap;        /* the width its group was wrapped at (0: not wrapped) */
};

/* Do a line that ends at text[e] and the next, text[s..t), meet between two Chinese or Japanese characters? */
static int wide_join(const char *text, size_t e, size_t s, size_t t)
{
    const unsigned char *u = (const unsigned char *)text;
    return e >= 3 && s < t && nd_cjk_at(u + e - 3, 3) && nd_cjk_at(u + s, t - s);
}

/* A signature, alone or with its date ("di Marco Bianchi - 7 dicembre 2026"). */
static int signed_line(const char *s, size_t n)
{
    return nd_line_meta(s, n) == ND_META_SIGNED || nd_line_is_dated_byline(s, n);
}

/* Code points of the first word of s[0..n). */
static size_t first_word(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] != ' ' && s[i] != '\t') i++;
    return columns(s, i);
}

/*
 * A line that ends in a word of ND_LONG_TOKEN bytes or more: an address,
 * a long link. No wrapping could have broken it, so its length says
 * nothing of the width the text was wrapped at (lynx lists a page's links
 * at its end, one address a line, most past 80 columns: counted, they hid
 * the width and no wrapped paragraph was joined). Only the last word is
 * looked at: found from the end, the test costs next to nothing.
 */
#define ND_LONG_TOKEN 40
static int long_token(const char *s, size_t n)
{
    size_t w = last_word(s, n);
    if (w < ND_LONG_TOKEN) return 0;
    for (size_t i = n - w; i < n; i++) {   /* Chinese, Japanese and Korean: a line of them is no address */
        const unsigned char *u = (const unsigned char *)s + i;
        if ((*u >= 0xEA && *u <= 0xED) || nd_cjk_at(u, n - i)) return 0;
    }
    return 1;
}

/*
 * A dump by lynx: a "References" line near its end, a numbered address
 * after it ("   1. https://..."). Such a dump marks every link where it
 * starts, "[12]Harbour news" (nd_story leaves the markers out of the story;
 * the block model reads them as links), and what follows "References" is
 * the list of the addresses, no part of the page. The length of the text
 * before that list, or 0 for a text that is no lynx dump.
 */
static size_t lynx_dump(const char *text, size_t len)
{
    const char *ref = NULL;   /* the last line that is "References", blanks around it aside (memchr: fast) */
    for (const char *q = text, *end = text + len, *e; q < end; q = e + 1) {
        e = memchr(q, '\n', (size_t)(end - q));
        if (!e) break;
        const char *a = q;
        while (a < e && *a == ' ') a++;
        if (e - a >= 10 && !memcmp(a, "References", 10) && (e - a == 10 || a[10] == ' ')) ref = a;
    }
    if (!ref) return 0;
    const char *q = ref + 10, *end = text + len;
    while (q < end && q < ref + 200) {
        while (q < end && (*q == ' ' || *q == '\n')) q++;
        if (q < end && *q >= '1' && *q <= '9') {
            while (q < end && *q >= '0' && *q <= '9') q++;
            if (end - q < 4 || q[0] != '.' || q[1] != ' ') return 0;
            const char *a = q + 2;   /* an address: a scheme ("https:", "mailto:") right after the number */
            while (a < end && a - q < 12 && *a >= 'a' && *a <= 'z') a++;
            int list = a > q + 2 && a < end && *a == ':';
            /* and the page marks its first link where it starts: "[1]" (a page's own list of references has no such marks) */
            return list && memmem(text, (size_t)(ref - text), "[1]", 3) ? (size_t)(ref - text) : 0;
        }
        const char *e = memchr(q, '\n', (size_t)(end - q));   /* past a heading such as "Visible links:" */
        q = e ? e + 1 : end;
    }
    return 0;
}

/*
 * Markdown, as the scrapers that feed language models write a page
 * (html2text, and readers like it): "[a link](https://...)" and
 * "![an image](/img.png)" at least twice. Its blocks are read as the text a
 * browser shows: a link as its words, no image, no "**" or "# " marks, no
 * escaping backslash; the block model knows pages so.
 */
static int markdown(const char *text, size_t len)
{
    int links = 0;
    for (const char *q = text, *end = text + len; links < 2 && (q = memchr(q, ']', (size_t)(end - q))); q++)
        links += end - q > 6 && q[1] == '(' && (q[2] == '/' || q[2] == '#' || !memcmp(q + 2, "http", 4));
    return links >= 2;
}

/*
 * The first byte at or after s[k] that ends an address (a ')' or a space) or, with 'quote', a
 * title (a '"'); n for none. 'sc' keeps where the last such look started and where it ended,
 * and a look that starts inside that stretch ends where it did: over a line, every byte is
 * looked at once, however many links start in it (an image's "data:" address runs to tens of
 * kilobytes, a title to hundreds of bytes: neither can be bounded).
 */
struct md_scan { size_t from, at; };

static size_t md_next(const char *s, size_t n, size_t k, struct md_scan *sc, int quote)
{
    if (k >= sc->from && k <= sc->at) return sc->at;
    sc->from = k;
    while (k < n && (quote ? s[k] != '"' : s[k] != ')' && s[k] != ' ')) k++;
    return sc->at = k;
}

/*
 * The end of the "[...]" at s[i] (brackets inside it paired), then "(...)": the index after ')', or 0.
 * A link's words are looked for within MD_TEXT bytes, so that a line of a thousand unpaired
 * brackets costs a thousand short looks, not a thousand looks to its end.
 */
enum { MD_TEXT = 4000, MD_DEPTH = 3 };

static size_t md_link_end(const char *s, size_t n, size_t i, size_t *close, struct md_scan sc[2])
{
    int depth = 0;
    size_t j = i, lim = n - i > MD_TEXT ? i + MD_TEXT : n;
    for (; j < lim; j++) {
        depth += s[j] == '[';
        depth -= s[j] == ']';
        if (!depth) break;
    }
    if (j + 1 >= lim || s[j + 1] != '(') return 0;
    size_t k = md_next(s, n, j + 2, &sc[0], 0);   /* the address, then maybe a title: (/path "Title") */
    if (k + 1 < n && s[k] == ' ' && s[k + 1] == '"') {
        k = md_next(s, n, k + 2, &sc[1], 1);
        k = k < n ? k + 1 : n;
    }
    if (k >= n || s[k] != ')') return 0;
    *close = j;
    return k + 1;
}

/* s[0..n) appended to 'to' without its soft hyphens (U+00AD): a page's hyphenation points, no text. */
static void put_visible(nd_buf *to, const char *s, size_t n)
{
    const char *e = s + n;
    for (const char *q; (q = memchr(s, 0xAD, (size_t)(e - s))) != NULL; s = q + 1)
        if (q > s && (unsigned char)q[-1] == 0xC2) {
            nd_buf_put(to, s, (size_t)(q - 1 - s));
        } else {
            nd_buf_put(to, s, (size_t)(q + 1 - s));
        }
    nd_buf_put(to, s, (size_t)(e - s));
}

/* s[0..n) into out as a browser shows the markdown (a link's words inside a link's: MD_DEPTH deep at most). */
static void md_render(nd_buf *out, const char *s, size_t n, int depth)
{
    size_t i = 0;
    if (n && s[0] == '#') {   /* a heading's marks */
        while (i < n && s[i] == '#') i++;
        if (i < n && s[i] == ' ' && i <= 6) i++;
        else i = 0;
    }
    struct md_scan sc[2] = { { 1, 0 }, { 1, 0 } };   /* no look yet */
    for (size_t close, end; i < n;) {
        if (s[i] == '!' && i + 1 < n && s[i + 1] == '[' && (end = md_link_end(s, n, i + 1, &close, sc))) {
            i = end;   /* an image: nothing */
        } else if (s[i] == '[' && depth < MD_DEPTH && (end = md_link_end(s, n, i, &close, sc))) {
            md_render(out, s + i + 1, close - i - 1, depth + 1);   /* a link: its words */
            i = end;
        } else if (s[i] == '*' && i + 1 < n && s[i + 1] == '*') {
            i += 2;
        } else if (s[i] == '\\' && i + 1 < n && ispunct((unsigned char)s[i + 1])) {
            nd_buf_putc(out, s[i + 1]);
            i += 2;
        } else {
            nd_buf_putc(out, s[i++]);
        }
    }
}

/* A letter or digit of a word (any byte of a UTF-8 sequence too). */
static int md_word(unsigned char c)
{
    return c >= 0x80 || isalnum(c);
}

/*
 * Does s[i] open an emphasis, "_words_" or "*words*" (html2text's and its
 * kin's <em>), closed within MD_EMPH bytes? The index of its close, or 0.
 * Not inside a word ("snake_case_name", "2*3*4"), nor around a space
 * ("a * b * c"), nor empty.
 */
enum { MD_EMPH = 300 };

static size_t md_emphasis(const char *s, size_t n, size_t i)
{
    const unsigned char *u = (const unsigned char *)s;
    char c = s[i];
    if (i + 2 >= n || is_space(u[i + 1]) || s[i + 1] == c || (i > 0 && (md_word(u[i - 1]) || s[i - 1] == c))) return 0;
    size_t lim = n - i > MD_EMPH ? i + MD_EMPH : n;
    for (size_t j = i + 2; j < lim; j++)
        if (s[j] == c && !is_space(u[j - 1]) && s[j - 1] != c && (j + 1 == n || (!md_word(u[j + 1]) && s[j + 1] != c)))
            return j;
    return 0;
}

/*
 * s[0..n), a markdown page's block, appended to 'out' without the marks of
 * its emphases: its text as the page shows it. Read at the story's output
 * only: the block model knows markdown's blocks with their marks.
 */
void nd_md_put_plain(nd_buf *out, const char *s, size_t n)
{
    size_t closes[8], nclose = 0, from = 0;   /* where the emphases opened so far close */
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '_' && s[i] != '*') continue;
        size_t k = 0, end;
        while (k < nclose && closes[k] != i) k++;
        if (k < nclose) {
            closes[k] = closes[--nclose];
        } else if (s[i] == '*' && i + 1 < n && s[i + 1] == '*') {
            i++;   /* "**" is no emphasis mark here: the rendering took strong's away */
            continue;
        } else if (nclose < sizeof(closes) / sizeof(closes[0]) && (end = md_emphasis(s, n, i))) {
            closes[nclose++] = end;
        } else {
            continue;
        }
        nd_buf_add(out, s + from, i - from);
        from = i + 1;
    }
    nd_buf_add(out, s + from, n - from);
}

/*
 * Is line i a drop cap, the first letter of the paragraph on line i + 1?
 * Only where a paragraph starts: after a blank line, a sentence's end or a
 * short line of its own (a menu's item, a date), not inside a sentence
 * that a scraper's node dump breaks at a formula's letter ("the symbol" /
 * "Y" / "eine Janusköpfigkeit: ..."). Without the page's markup to say the
 * letter was set apart, English's words of one letter are taken as words.
 */
static int drop_cap(const char *text, const struct line *L, size_t i, size_t nl)
{
    if (i + 1 >= nl || !nd_drop_cap(text + L[i].s, L[i].t - L[i].s, text + L[i + 1].s, L[i + 1].t - L[i + 1].s)) return 0;
    if (text[L[i].s] == 'I' || text[L[i].s] == 'A') return 0;   /* a word of its own on a hard-wrapped post's line ("I" / "spent a ...") */
    if (i == 0 || L[i - 1].group != L[i].group) return 1;
    const char *s = text + L[i - 1].s;
    size_t n = L[i - 1].t - L[i - 1].s, spaces = 0;
    for (size_t k = 0; k < n; k++) spaces += s[k] == ' ';
    return ends_sentence(s, n) || (spaces < 3 && !(s[0] >= 'a' && s[0] <= 'z') && s[0] != '(');
}

void nd_page_text(nd_page *p, const char *text, size_t len)
{
    nd_page_reset(p);
    p->html = 0;
    size_t pagelen = lynx_dump(text, len);   /* a lynx dump: the page without its list of addresses */
    p->lynx = pagelen > 0;
    if (p->lynx) len = pagelen;
    struct line *L = NULL;
    size_t nl = 0, alloc = 0;
    uint32_t group = 0;
    for (size_t b = 0; b < len;) {
        const char *e = memchr(text + b, '\n', len - b);
        size_t lb = b, t = e ? (size_t)(e - text) : len, s = b;
        b = e ? t + 1 : len;
        while (s < t && is_space((unsigned char)text[s])) s++;
        while (t > s && is_space((unsigned char)text[t - 1])) t--;
        if (s == t) {
            group++;
            continue;
        }
        int glued = t - s > GAP_LINE;
        /* a long line with wide gaps: a page's text nodes glued by a scraper, one a piece */
        for (size_t gs; glued && (gs = gap(text, s, t)) < t;) {
            size_t ge = gs;
            while (ge < t && is_space((unsigned char)text[ge])) ge++;
            ND_GROW(L, nl + 1, alloc);
            L[nl++] = (struct line){ s, gs, s - lb, columns(text + s, gs - s), group, 0 };
            s = lb = ge;
        }
        ND_GROW(L, nl + 1, alloc);
        L[nl] = (struct line){ s, t, s - lb, columns(text + lb, t - lb), group, 0 };
        nl++;
    }
    size_t *cols = nd_xmalloc((nl + 1) * sizeof(size_t));
    uint8_t *ends = nd_xmalloc(nl + 1);
    for (size_t i = 0; i < nl; i++) {
        cols[i] = long_token(text + L[i].s, L[i].t - L[i].s) ? 0 : L[i].cols;
        ends[i] = ends_sentence(text + L[i].s, L[i].t - L[i].s);
    }
    size_t width = wrap_width(cols, ends, nl, WRAP_LO);
    int md = !p->lynx && markdown(text, len);
    p->md = md;
    /*
     * A group (the lines between blank ones) of a wrapped page may be wrapped narrower than
     * the page: a column of a table that the browser laid out beside others, the story's
     * often. Its own width counts when its lines show a paragraph's ragged edge, not the
     * rows of a table or code (padded alike, or with gaps inside).
     */
    for (size_t i = 0, k; i < nl; i = k) {
        for (k = i + 1; k < nl && L[k].group == L[i].group; k++) ;
        size_t w = width && !md && k - i >= 4 ? wrap_width(cols + i, ends + i, k - i, WRAP_NARROW) : 0, at = 0, gaps = 0;
        for (size_t m = i; w && m < k; m++) at += cols[m] == w, gaps += gap(text, L[m].s, L[m].t) < L[m].t;
        if (!w || at * 2 > k - i || gaps || w + WRAP_BAND >= width) w = width;
        for (size_t m = i; m < k; m++) L[m].wrap = w;
    }
    free(cols);
    free(ends);
    nd_buf raw;
    nd_buf_init(&raw);
    for (size_t i = 0; i < nl;) {
        /* one block: line i and the lines wrapped from it; a drop cap's letter above it first */
        size_t cap = i;
        if (drop_cap(text, L, i, nl)) i++;
        size_t j = i + 1;
        size_t w = L[i].wrap;
        while (w && j < nl && L[j].group == L[i].group && !bullet(text + L[j].s, L[j].t - L[j].s) &&
               L[j - 1].cols <= w && L[j - 1].cols + 1 + first_word(text + L[j].s, L[j].t - L[j].s) > w)
            j++;
        /* not wrapped: a line that goes on with the sentence of the line before (a scraper's
           text node a line: "It calls on the" / "Office for Students" / ", the regulator"); not a
           signature in lower case after a blank line or under the text's first line, its headline
           ("by Jane Roe"), where elsewhere a list's item goes on with it ("1. ISA System
           Architecture" / "by Tom Shanley"; read everywhere, it moved the block models that learn
           from these blocks: held-out w3m F1 0.8984 -> 0.8968) */
        while (!width && !md && j < nl &&
               continues(text + L[j - 1].s, L[j - 1].t - L[j - 1].s, text + L[j].s, L[j].t - L[j].s) &&
               ((L[j].group == L[j - 1].group && j > 1) ||
                !signed_line(text + L[j].s, L[j].t - L[j].s)))
            j++;
        /* markdown: a paragraph is its lines up to a blank one, a list item or a heading */
        while (md && j < nl && L[j].group == L[i].group && !bullet(text + L[j].s, L[j].t - L[j].s) &&
               text[L[j].s] != '#' && text[L[i].s] != '#')
            j++;
        ND_GROW(p->b, p->n + 1, p->alloc);
        nd_block *blk = &p->b[p->n++];
        memset(blk, 0, sizeof(*blk));
        blk->off = (uint32_t)p->text.len;
        nd_buf *to = md ? &raw : &p->text;   /* markdown: the block's lines joined, then rendered (a link may be wrapped) */
        nd_buf_reset(&raw);
        for (size_t k = cap; k < j; k++) {
            /* w3m breaks Chinese and Japanese lines anywhere, where no space was: none between two such characters */
            if (k > i && !closing(text + L[k].s, L[k].t - L[k].s) && !wide_join(text, L[k - 1].t, L[k].s, L[k].t))
                nd_buf_putc(to, ' ');
            put_visible(to, text + L[k].s, L[k].t - L[k].s);
        }
        if (md) {
            md_render(&p->text, raw.data, raw.len, 0);
            while (p->text.len > blk->off && p->text.data[p->text.len - 1] == ' ') p->text.len--;
            if (p->text.len == blk->off) {   /* nothing but an image: no block */
                p->n--;
                i = j;
                continue;
            }
        }
        blk->len = (uint32_t)(p->text.len - blk->off);
        nd_buf_putc(&p->text, '\n');
        blk->elem = -1;
        blk->group = L[i].group;
        blk->tag = ND_BT_TEXT;
        if (md && text[L[i].s] == '#')   /* a markdown heading is one, as in the page: "# " the h1 */
            blk->tag = L[i].t - L[i].s > 1 && text[L[i].s + 1] == '#' ? ND_BT_H : ND_BT_H1;
        blk->bullet = (uint8_t)bullet(text + L[i].s, L[i].t - L[i].s);
        blk->indent = (uint8_t)(L[i].indent < 255 ? L[i].indent : 255);
        blk->p = 1;
        i = j;
    }
    free(L);
    nd_buf_release(&raw);
}
