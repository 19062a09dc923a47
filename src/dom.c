/*
 * dom.c -- the blocks of an HTML page.
 *
 * A page is read as browsers read it, in one pass: a tokenizer (tags,
 * attributes, character references, comments, the raw text of scripts and
 * styles) and the tree construction rules that matter for finding text (an
 * open <p> closes when a block starts, <li> closes the open <li>, a cell
 * the open cell, an end tag closes what was left open inside its element,
 * an end tag of nothing open is ignored). No tree is kept: the events go
 * straight into blocks. Written here rather than taken from libxml2 by
 * measurement: on the 990 pages of the extraction benchmark libxml2's HTML
 * parser took 1.9 to 3.2 s in SAX mode (3.4 s building its tree; gumbo 8.9
 * s), most of the time newsdesk may spend on those pages at all (ten times
 * readability-lxml's pace, 38.7 s in the same run, is 3.9 s, reading and
 * deciding included); this reader takes a few tenths of a second and keeps
 * the same story text (the benchmark's story segments found in the whole
 * page's text: 2,911 of 2,951 with libxml2, 2,914 with gumbo).
 *
 * A block is the text of one block element (p, div, li, td, h1, ...) up to
 * the next block element's start or end; inline elements (a, span, b, ...)
 * do not break it, two <br> in a row do (one is a line break inside it).
 * Scripts, styles, forms' controls, hidden elements, ruby readings
 * (furigana: <rt>, <rp>) and the head (but its title) hold no text. Each
 * block knows its element's tag, which elements it is inside (nav, footer,
 * li, ...), the word groups of the class, id, role and itemprop values
 * above it (clswords.c), and how many of its bytes are links.
 */
#define _GNU_SOURCE   /* memmem */
#include "story.h"

#include <cJSON.h>
#include <pthread.h>   /* pthread_once */
#include <stdlib.h>    /* bsearch */
#include <strings.h>   /* strncasecmp */

enum kind { K_INLINE, K_BLOCK, K_SKIP, K_BR, K_TITLE, K_META, K_HEAD, K_A, K_VOID };
enum {
    T_RAW = 1,        /* its content is text up to its end tag (script, style, title, ...) */
    T_CLOSES_P = 2,   /* its start closes an open <p> */
    T_SCOPE = 4,      /* end tags and implied ends do not reach past it (table, td, ...) */
    T_HEADING = 8,
    T_LIST_ITEM = 16, /* li, dd, dt */
    T_RUBY = 32,      /* rt, rp: a ruby's reading (furigana) and its brackets, which start closes the other */
    T_FOREIGN = 64,   /* svg, math: another markup language inside the page, which HTML's own elements leave */
};

static const struct tagdef {
    const char *name;
    uint8_t kind, btag, flags;
    uint16_t anc;
} tags[] = {   /* sorted by name */
    { "a", K_A, 0, 0, 0 },
    { "address", K_BLOCK, ND_BT_DIV, T_CLOSES_P, ND_ANC_ADDRESS },
    { "applet", K_SKIP, 0, T_SCOPE, 0 },
    { "area", K_VOID, 0, 0, 0 },
    { "article", K_BLOCK, ND_BT_DIV, T_CLOSES_P, ND_ANC_ARTICLE },
    { "aside", K_BLOCK, ND_BT_DIV, T_CLOSES_P, ND_ANC_ASIDE },
    { "audio", K_SKIP, 0, 0, 0 },
    { "base", K_VOID, 0, 0, 0 },
    { "blockquote", K_BLOCK, ND_BT_QUOTE, T_CLOSES_P, ND_ANC_QUOTE },
    { "body", K_BLOCK, ND_BT_DIV, 0, 0 },
    { "br", K_BR, 0, 0, 0 },
    { "button", K_SKIP, 0, 0, 0 },
    { "canvas", K_SKIP, 0, 0, 0 },
    { "caption", K_BLOCK, ND_BT_CAPTION, T_SCOPE, ND_ANC_TABLE },
    { "center", K_BLOCK, ND_BT_DIV, T_CLOSES_P, 0 },
    { "col", K_VOID, 0, 0, 0 },
    { "datalist", K_SKIP, 0, 0, 0 },
    { "dd", K_BLOCK, ND_BT_DEF, T_CLOSES_P | T_LIST_ITEM, ND_ANC_LIST },
    { "details", K_BLOCK, ND_BT_DIV, T_CLOSES_P, 0 },
    { "dialog", K_BLOCK, ND_BT_DIV, T_CLOSES_P, 0 },
    { "dir", K_BLOCK, ND_BT_DIV, T_CLOSES_P, ND_ANC_LIST },
    { "div", K_BLOCK, ND_BT_DIV, T_CLOSES_P, 0 },
    { "dl", K_BLOCK, ND_BT_DIV, T_CLOSES_P, ND_ANC_LIST },
    { "dt", K_BLOCK, ND_BT_DEF, T_CLOSES_P | T_LIST_ITEM, ND_ANC_LIST },
    { "embed", K_VOID, 0, 0, 0 },
    { "fieldset", K_BLOCK, ND_BT_DIV, T_CLOSES_P, ND_ANC_FORM },
    { "figcaption", K_BLOCK, ND_BT_CAPTION, T_CLOSES_P, ND_ANC_FIGURE },
    { "figure", K_BLOCK, ND_BT_DIV, T_CLOSES_P, ND_ANC_FIGURE },
    { "footer", K_BLOCK, ND_BT_DIV, T_CLOSES_P, ND_ANC_FOOTER },
    { "form", K_BLOCK, ND_BT_DIV, T_CLOSES_P, ND_ANC_FORM },
    { "frameset", K_SKIP, 0, 0, 0 },
    { "h1", K_BLOCK, ND_BT_H1, T_CLOSES_P | T_HEADING, ND_ANC_H },
    { "h2", K_BLOCK, ND_BT_H, T_CLOSES_P | T_HEADING, ND_ANC_H },
    { "h3", K_BLOCK, ND_BT_H, T_CLOSES_P | T_HEADING, ND_ANC_H },
    { "h4", K_BLOCK, ND_BT_H, T_CLOSES_P | T_HEADING, ND_ANC_H },
    { "h5", K_BLOCK, ND_BT_H, T_CLOSES_P | T_HEADING, ND_ANC_H },
    { "h6", K_BLOCK, ND_BT_H, T_CLOSES_P | T_HEADING, ND_ANC_H },
    { "head", K_HEAD, 0, 0, 0 },
    { "header", K_BLOCK, ND_BT_DIV, T_CLOSES_P, ND_ANC_HEADER },
    { "hgroup", K_BLOCK, ND_BT_DIV, T_CLOSES_P, ND_ANC_H },
    { "hr", K_VOID, 0, T_CLOSES_P, 0 },
    { "html", K_BLOCK, ND_BT_DIV, T_SCOPE, 0 },
    { "iframe", K_SKIP, 0, T_RAW, 0 },
    { "img", K_VOID, 0, 0, 0 },
    { "input", K_VOID, 0, 0, 0 },
    { "keygen", K_VOID, 0, 0, 0 },
    { "legend", K_BLOCK, ND_BT_CAPTION, 0, ND_ANC_FORM },
    { "li", K_BLOCK, ND_BT_LI, T_CLOSES_P | T_LIST_ITEM, ND_ANC_LI },
    { "link", K_VOID, 0, 0, 0 },
    { "main", K_BLOCK, ND_BT_DIV, T_CLOSES_P, ND_ANC_MAIN },
    { "map", K_SKIP, 0, 0, 0 },
    { "marquee", K_INLINE, 0, T_SCOPE, 0 },
    { "math", K_SKIP, 0, T_FOREIGN, 0 },
    { "menu", K_BLOCK, ND_BT_DIV, T_CLOSES_P, ND_ANC_LIST },
    { "meta", K_META, 0, 0, 0 },
    { "nav", K_BLOCK, ND_BT_DIV, T_CLOSES_P, ND_ANC_NAV },
    { "noembed", K_SKIP, 0, T_RAW, 0 },
    { "noframes", K_SKIP, 0, T_RAW, 0 },
    { "noscript", K_SKIP, 0, T_RAW, 0 },
    { "object", K_SKIP, 0, T_SCOPE, 0 },
    { "ol", K_BLOCK, ND_BT_DIV, T_CLOSES_P, ND_ANC_LIST },
    { "option", K_SKIP, 0, 0, 0 },
    { "p", K_BLOCK, ND_BT_P, T_CLOSES_P, ND_ANC_P },
    { "param", K_VOID, 0, 0, 0 },
    { "plaintext", K_SKIP, 0, T_RAW, 0 },
    { "pre", K_BLOCK, ND_BT_PRE, T_CLOSES_P, 0 },
    { "rp", K_SKIP, 0, T_RUBY, 0 },
    { "rt", K_SKIP, 0, T_RUBY, 0 },
    { "script", K_SKIP, 0, T_RAW, 0 },
    { "section", K_BLOCK, ND_BT_DIV, T_CLOSES_P, ND_ANC_SECTION },
    { "select", K_SKIP, 0, 0, 0 },
    { "source", K_VOID, 0, 0, 0 },
    { "style", K_SKIP, 0, T_RAW, 0 },
    { "summary", K_BLOCK, ND_BT_DIV, T_CLOSES_P, 0 },
    { "svg", K_SKIP, 0, T_FOREIGN, 0 },
    { "table", K_BLOCK, ND_BT_DIV, T_CLOSES_P | T_SCOPE, ND_ANC_TABLE },
    { "tbody", K_BLOCK, ND_BT_DIV, 0, ND_ANC_TABLE },
    { "td", K_BLOCK, ND_BT_CELL, T_SCOPE, ND_ANC_TABLE },
    { "template", K_SKIP, 0, T_SCOPE, 0 },
    { "textarea", K_SKIP, 0, T_RAW, 0 },
    { "tfoot", K_BLOCK, ND_BT_DIV, 0, ND_ANC_TABLE },
    { "th", K_BLOCK, ND_BT_CELL, T_SCOPE, ND_ANC_TABLE },
    { "thead", K_BLOCK, ND_BT_DIV, 0, ND_ANC_TABLE },
    { "title", K_TITLE, 0, T_RAW, 0 },
    { "tr", K_BLOCK, ND_BT_DIV, 0, ND_ANC_TABLE },
    { "track", K_VOID, 0, 0, 0 },
    { "ul", K_BLOCK, ND_BT_DIV, T_CLOSES_P, ND_ANC_LIST },
    { "video", K_SKIP, 0, 0, 0 },
    { "wbr", K_VOID, 0, 0, 0 },
    { "xmp", K_SKIP, 0, T_RAW, 0 },
};

#define ND_NTAGS (sizeof(tags) / sizeof(*tags))
static const struct tagdef inline_tag = { "", K_INLINE, 0, 0, 0 };

/* The element named s[0..n) (lower case), or inline_tag for any other. */
static const struct tagdef *tag_of(const char *s, size_t n)
{
    size_t lo = 0, hi = ND_NTAGS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strncmp(s, tags[mid].name, n);
        if (!c) c = tags[mid].name[n] ? -1 : 0;
        if (!c) return &tags[mid];
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return &inline_tag;
}

struct open {
    int32_t elem;       /* the nearest block element at or above this one */
    uint32_t cls;       /* this element's own class words */
    uint16_t anc;       /* ND_ANC_* of this element and those above */
    uint8_t kind, btag; /* this element's kind; the nearest block element's tag */
    const struct tagdef *def;
    char name[16];      /* to match end tags of elements not in the table (cut: long names match themselves) */
};

struct attr { const char *name, *val; size_t nlen, vlen; };
#define ND_MAX_ATTRS 16

struct dom {
    nd_page *p;
    struct open *st;
    size_t depth, alloc;
    int skip;            /* open elements whose text is not read */
    int link;            /* open <a> elements */
    int head;
    /* the block being read */
    int open;            /* it has text */
    uint32_t start, link_bytes, cls_near, cls_far;
    int space, brs;
    int edge;            /* a link started or ended since the last character */
    nd_buf title, og_title, tmp;
};

static void flush(struct dom *d)
{
    nd_page *p = d->p;
    if (!d->open) return;
    d->open = 0;
    d->brs = 0;
    while (p->text.len > d->start && (p->text.data[p->text.len - 1] == '\n' || p->text.data[p->text.len - 1] == ' '))
        p->text.len--;
    p->text.data[p->text.len] = '\0';
    if (p->text.len == d->start) return;
    nd_buf_compose(&p->text, d->start);
    uint32_t start = d->start;
    const nd_block *last = p->n ? &p->b[p->n - 1] : NULL;
    if (last && last->off + last->len + 1 == start &&
        nd_drop_cap(p->text.data + last->off, last->len, p->text.data + start, p->text.len - start)) {
        /* "<span class=dropcap>T</span><p>urkey, Poland ...": one block, as a reader reads it */
        memmove(p->text.data + start - 1, p->text.data + start, p->text.len - start);
        p->text.data[--p->text.len] = '\0';
        start = last->off;
        p->n--;
    }
    const struct open *o = d->depth ? &d->st[d->depth - 1] : NULL;
    ND_GROW(p->b, p->n + 1, p->alloc);
    nd_block *b = &p->b[p->n++];
    memset(b, 0, sizeof(*b));
    b->off = start;
    b->len = (uint32_t)(p->text.len - start);
    b->link = d->link_bytes > b->len ? b->len : d->link_bytes;
    b->elem = o ? o->elem : -1;
    b->group = b->elem >= 0 && p->e[b->elem].parent >= 0 ? (uint32_t)p->e[b->elem].parent : 0;
    b->anc = o ? o->anc : 0;
    b->tag = o ? o->btag : ND_BT_OTHER;
    b->cls_near = d->cls_near;
    b->cls_far = d->cls_far;
    b->p = 1;
    nd_buf_putc(&p->text, '\n');   /* the blocks are also the lines of a text: the page as a scraper dumps it */
}

/* A letter or digit, or a byte of a character beyond ASCII. */
static int word_byte(char c)
{
    return (unsigned char)c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Is the white space before s[i] a line break (a segment break, in CSS's words)? Only this run of text is seen. */
static int break_before(const char *s, size_t i)
{
    while (i-- > 0 && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f'))
        if (s[i] == '\n' || s[i] == '\r') return 1;
    return 0;
}

/*
 * Does s[i], the next character, meet the text's last between two
 * Chinese or Japanese characters, with no white space between them
 * (space 0: a link's edge) or a line break?
 */
__attribute__((noinline)) static int cjk_glued(const nd_buf *t, const char *s, size_t i, size_t n, int space)
{
    return t->len >= 3 && nd_cjk_at((const unsigned char *)t->data + t->len - 3, 3) &&
           nd_cjk_at((const unsigned char *)s + i, n - i) && (!space || break_before(s, i));
}

/*
 * Is the line break that ends the block's text in 'to' (from 'start') a
 * <br> inside a sentence, as a blog's editor sets one at every line of its
 * source ("reminded me to write up<br>the equivalent for Emacs Lisp.")?
 * Its line, 50 bytes or more (not a headline over its signature, "New tram
 * line opens<br>di Marco Bianchi"), ends in a letter or a comma. The caller
 * has seen the next line open in lower case.
 */
static int br_in_sentence(const nd_buf *to, size_t start)
{
    size_t e = to->len - 1, b = e;
    while (b > start && to->data[b - 1] != '\n') b--;
    return e - b >= 50 && (word_byte(to->data[e - 1]) || to->data[e - 1] == ',');
}

/*
 * Decoded text into the block being read, white space collapsed. Where a
 * link starts or ends between two letters ("<a>Share</a><a>Email</a>",
 * "<span>RELATED</span><a>Storm hits ...</a>") a space parts them: a
 * browser lays such links out as separate buttons and items, and read as
 * one word they hide the chrome words ("ShareEmail"); a link that ends
 * before punctuation ("in a <a>statement</a>.") stays as it is. Between
 * two characters of Chinese or Japanese, which put no spaces between
 * words, neither a link's edge nor a line break of the source is a space
 * (CSS's segment break rule); spaces written as such stay.
 */
static void add_text(struct dom *d, const char *s, size_t n)
{
    nd_buf *t = &d->p->text;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        if (!ws && c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) ws = 1, i++;   /* no-break space */
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xAD) {   /* a soft hyphen (&shy;): no text */
            i++;
            continue;
        }
        if (ws) {
            d->space = 1;
            continue;
        }
        if (!d->open) {
            d->open = 1;
            d->start = (uint32_t)t->len;
            d->link_bytes = 0;
            d->cls_near = d->cls_far = 0;
            for (size_t k = d->depth, up = 0; k-- > 0; up++) {
                if (up < 3) d->cls_near |= d->st[k].cls;
                d->cls_far |= d->st[k].cls;
            }
        } else if (t->data[t->len - 1] == '\n' && c >= 'a' && c <= 'z' && br_in_sentence(t, d->start)) {
            t->data[t->len - 1] = ' ';   /* the sentence goes on past its <br> */
        } else if ((d->space && t->data[t->len - 1] != '\n') || (d->edge && word_byte(t->data[t->len - 1]) && word_byte((char)c))) {
            if (__builtin_expect(c < 0xE3, 1) || !cjk_glued(t, s, i, n, d->space)) {
                nd_buf_putc(t, ' ');
                if (d->link) d->link_bytes++;
            }
        }
        d->space = 0;
        d->edge = 0;
        d->brs = 0;
        nd_buf_putc(t, (char)c);
        if (d->link) d->link_bytes++;
    }
}

/* s[0..n) with its character references decoded, appended to 'out'. */
static void decode(const char *s, size_t n, nd_buf *out)
{
    for (size_t i = 0; i < n;) {
        const char *amp = memchr(s + i, '&', n - i);
        size_t e = amp ? (size_t)(amp - s) : n;
        nd_buf_put(out, s + i, e - i);
        if (!amp) break;
        size_t rl = 0;
        uint32_t cp = nd_html_reference(s + e, n - e, &rl);
        if (cp) {
            char u[4];
            nd_buf_put(out, u, nd_utf8_put(u, cp));
            i = e + rl;
        } else {
            nd_buf_putc(out, '&');
            i = e + 1;
        }
    }
}

static void on_text(struct dom *d, const char *s, size_t n)
{
    if (d->skip || d->head || !n) return;
    if (!memchr(s, '&', n)) {
        add_text(d, s, n);
        return;
    }
    nd_buf_reset(&d->tmp);
    decode(s, n, &d->tmp);
    add_text(d, d->tmp.data, d->tmp.len);
}

static void on_br(struct dom *d)
{
    nd_page *p = d->p;
    if (d->skip || d->head || !d->open) return;
    if (d->brs) {
        flush(d);
    } else if (p->text.data[p->text.len - 1] != '\n') {
        nd_buf_putc(&p->text, '\n');
        d->brs = 1;
        d->space = 0;
    }
}

static int attr_is(const struct attr *a, const char *name)
{
    return a->nlen == strlen(name) && !strncasecmp(a->name, name, a->nlen);
}

static int val_is(const struct attr *a, const char *v)
{
    return a->vlen == strlen(v) && !strncasecmp(a->val, v, a->vlen);
}

/* display:none in a style attribute */
static int hidden_style(const char *s, size_t n)
{
    for (size_t i = 0; i + 7 <= n; i++) {
        if (strncasecmp(s + i, "display", 7)) continue;
        size_t j = i + 7;
        while (j < n && s[j] == ' ') j++;
        if (j >= n || s[j] != ':') continue;
        for (j++; j < n && s[j] == ' '; j++) {}
        if (j + 4 <= n && !strncasecmp(s + j, "none", 4)) return 1;
    }
    return 0;
}

/* Close the open element at stack index k and every element above it. */
static void pop_to(struct dom *d, size_t k)
{
    while (d->depth > k) {
        struct open *o = &d->st[d->depth - 1];
        if (o->kind == K_SKIP) d->skip--;
        else if (o->kind == K_BLOCK) flush(d);   /* while it is open: the block is its text */
        else if (o->kind == K_HEAD) d->head--;
        else if (o->kind == K_A) d->link--, d->edge = 1;
        d->depth--;
    }
}

/* The stack index of the nearest open element that 'match' accepts, searching down to a scope boundary; -1 if none. */
static long find_open(const struct dom *d, int (*match)(const struct open *, const void *), const void *arg, unsigned stop)
{
    for (size_t k = d->depth; k-- > 0;) {
        if (match(&d->st[k], arg)) return (long)k;
        if (d->st[k].def->flags & stop) return -1;
    }
    return -1;
}

static int is_def(const struct open *o, const void *def)
{
    return o->def == def;
}

static int is_named(const struct open *o, const void *name)
{
    return o->def == &inline_tag && !strcmp(o->name, name);
}

static int is_list_item(const struct open *o, const void *li)
{
    const struct tagdef *t = li;
    return t->name[0] == 'l' ? !strcmp(o->def->name, "li") : o->def->flags & T_LIST_ITEM && o->def->name[0] == 'd';
}

static int is_cell(const struct open *o, const void *arg)
{
    (void)arg;
    return o->def->btag == ND_BT_CELL;
}

static int is_row(const struct open *o, const void *arg)
{
    (void)arg;
    return !strcmp(o->def->name, "tr");
}

static const struct tagdef *def_named(const char *name)
{
    return tag_of(name, strlen(name));
}

/* The implied ends before an element starts, as browsers take them. */
static void implied_ends(struct dom *d, const struct tagdef *t)
{
    long k;
    if (d->head && t->kind != K_TITLE && t->kind != K_META && t->kind != K_VOID && strcmp(t->name, "script") &&
        strcmp(t->name, "style") && strcmp(t->name, "noscript") && strcmp(t->name, "template") && t->kind != K_HEAD &&
        (k = find_open(d, is_def, def_named("head"), 0)) >= 0)
        pop_to(d, (size_t)k);   /* body content: the head is over */
    if (t->flags & T_CLOSES_P && (k = find_open(d, is_def, def_named("p"), T_SCOPE)) >= 0) pop_to(d, (size_t)k);
    if (t->flags & T_LIST_ITEM && (k = find_open(d, is_list_item, t, T_SCOPE)) >= 0) pop_to(d, (size_t)k);
    if (t->flags & T_HEADING && d->depth && d->st[d->depth - 1].def->flags & T_HEADING) pop_to(d, d->depth - 1);
    if (t->kind == K_A && (k = find_open(d, is_def, t, T_SCOPE)) >= 0) pop_to(d, (size_t)k);
    if (t->btag == ND_BT_CELL || !strcmp(t->name, "tr")) {
        if ((k = find_open(d, is_cell, NULL, 0)) >= 0 && find_open(d, is_def, def_named("table"), 0) < k) pop_to(d, (size_t)k);
        if (!strcmp(t->name, "tr") && (k = find_open(d, is_row, NULL, 0)) >= 0 &&
            find_open(d, is_def, def_named("table"), 0) < k)
            pop_to(d, (size_t)k);
    }
}

/*
 * Does an HTML element of this name end an open <svg> or <math>, as a
 * browser's parser has it ("breaks out of foreign content")? A page that
 * never closes an icon's <svg> goes on with its paragraphs.
 */
static int breaks_out(const char *name, size_t nlen)
{
    static const char *const names[] = { "b", "big", "blockquote", "body", "center", "code", "dd", "div", "dl", "dt",
                                         "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li",
                                         "listing", "menu", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span",
                                         "strike", "strong", "sub", "sup", "table", "tt", "u", "ul", "var", NULL };
    return nd_word_in(names, name, nlen);
}

static void on_start(struct dom *d, const char *name, size_t nlen, const struct attr *at, size_t na)
{
    nd_page *p = d->p;
    const struct tagdef *t = tag_of(name, nlen);
    if (t->kind == K_BR) {
        on_br(d);
        return;
    }
    if (t->kind == K_META) {
        const struct attr *prop = NULL, *content = NULL;
        for (size_t i = 0; i < na; i++)
            if (attr_is(&at[i], "property") || attr_is(&at[i], "name")) prop = &at[i];
            else if (attr_is(&at[i], "content")) content = &at[i];
        if (prop && content && !d->og_title.len && (val_is(prop, "og:title") || val_is(prop, "twitter:title")))
            decode(content->val, content->vlen, &d->og_title);
        return;
    }
    if (d->skip && breaks_out(name, nlen)) {   /* an <svg> or <math> left open ends where HTML goes on */
        size_t k = 0;
        while (k < d->depth && d->st[k].kind != K_SKIP) k++;
        int html_inside = 0;   /* an SVG's <foreignObject> holds HTML of its own */
        for (size_t j = k; j < d->depth; j++) html_inside |= !strcasecmp(d->st[j].name, "foreignobject");
        if (k < d->depth && (d->st[k].def->flags & T_FOREIGN) && !html_inside) pop_to(d, k);
    }
    if (d->skip == 0) implied_ends(d, t);
    else if (t->flags & T_RUBY && d->depth && d->st[d->depth - 1].def->flags & T_RUBY) pop_to(d, d->depth - 1);
    if (t->kind == K_VOID) {
        if (t->flags & T_CLOSES_P) flush(d);   /* <hr> */
        return;
    }
    /* elements nested deeper than browsers build their trees become the deepest one's siblings: the
       scans above stay short on a page of 200,000 nested <div>s (8 s before, quadratic) */
    if (d->depth >= 512) pop_to(d, d->depth - 1);
    ND_GROW(d->st, d->depth + 1, d->alloc);
    struct open *o = &d->st[d->depth++];
    const struct open *up = d->depth > 1 ? &d->st[d->depth - 2] : NULL;
    size_t cl = nlen < sizeof(o->name) - 1 ? nlen : sizeof(o->name) - 1;
    memcpy(o->name, name, cl);
    o->name[cl] = '\0';
    o->def = t;
    o->kind = t->kind;
    o->anc = (uint16_t)((up ? up->anc : 0) | t->anc);
    o->btag = up ? up->btag : ND_BT_OTHER;
    o->elem = up ? up->elem : -1;
    o->cls = 0;
    int hide = 0;
    for (size_t i = 0; i < na; i++) {
        const struct attr *a = &at[i];
        if (attr_is(a, "class") || attr_is(a, "id") || attr_is(a, "itemprop")) {
            o->cls |= nd_cls_bits(a->val, a->vlen);
            if (attr_is(a, "itemprop") && val_is(a, "articlebody")) o->cls |= 1u << ND_CLS_BODY;
        } else if (attr_is(a, "role")) {
            o->cls |= val_is(a, "navigation") ? 1u << ND_CLS_NAV : val_is(a, "banner") ? 1u << ND_CLS_HEADER
                      : val_is(a, "contentinfo") ? 1u << ND_CLS_FOOTER : val_is(a, "complementary") ? 1u << ND_CLS_SIDE
                      : val_is(a, "main") || val_is(a, "article") ? 1u << ND_CLS_CONTENT : 0;
        } else if (attr_is(a, "hidden") || (attr_is(a, "style") && hidden_style(a->val, a->vlen))) {
            hide = 1;
        } else if (attr_is(a, "aria-hidden") && val_is(a, "true")) {
            o->cls |= 1u << ND_CLS_HIDDEN;
        }
    }
    if (t->kind == K_SKIP || hide || d->skip) {
        o->kind = K_SKIP;
        d->skip++;
        return;
    }
    if (t->kind == K_HEAD) d->head++;
    if (t->kind == K_A) d->link++, d->edge = 1;
    if (t->kind == K_BLOCK) {
        flush(d);
        ND_GROW(p->e, p->ne + 1, p->ealloc);
        p->e[p->ne] = (nd_elem){ o->elem, 0 };
        o->elem = (int32_t)p->ne++;
        o->btag = t->btag;
    }
}

static void on_end(struct dom *d, const char *name, size_t nlen)
{
    const struct tagdef *t = tag_of(name, nlen);
    if (t->kind == K_BR) {   /* </br> is a <br> */
        on_br(d);
        return;
    }
    if (!strcmp(t->name, "body") || !strcmp(t->name, "html")) return;   /* what follows is still the body */
    long k;
    if (t == &inline_tag) {
        char cut[16];
        size_t cl = nlen < sizeof(cut) - 1 ? nlen : sizeof(cut) - 1;
        memcpy(cut, name, cl);
        cut[cl] = '\0';
        k = find_open(d, is_named, cut, T_SCOPE);
    } else {
        k = find_open(d, is_def, t, t->flags & T_SCOPE ? 0 : T_SCOPE);
    }
    if (k >= 0) pop_to(d, (size_t)k);
    else if (t->kind == K_BLOCK && !d->skip) flush(d);   /* a stray </p>: still the end of a paragraph */
}

/* The end of the raw text that starts at s[i] for element 'name': the index of its "</name", or n. */
static size_t raw_end(const char *s, size_t n, size_t i, const char *name, size_t nl)
{
    for (const char *q = s + i; (q = memchr(q, '<', n - (size_t)(q - s))); q++) {
        size_t at = (size_t)(q - s);
        if (at + 2 + nl <= n && q[1] == '/' && !strncasecmp(q + 2, name, nl) &&
            (at + 2 + nl == n || q[2 + nl] == '>' || q[2 + nl] == '/' || q[2 + nl] == ' ' || q[2 + nl] == '\t' ||
             q[2 + nl] == '\n' || q[2 + nl] == '\r'))
            return at;
    }
    return n;
}

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_tagspace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* A tag's name at s[i] (lower case into buf, up to 31 bytes): its end. */
static size_t tag_name(const char *s, size_t n, size_t i, char *buf, size_t *len)
{
    size_t b = 0;
    while (i < n && !is_tagspace(s[i]) && s[i] != '/' && s[i] != '>') {
        if (b < 31) buf[b++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
        i++;
    }
    buf[b] = '\0';
    *len = b;
    return i;
}

/* Past the '>' that ends a tag or comment-like construct from s[i], or n. */
static size_t past(const char *s, size_t n, size_t i, char c)
{
    const char *q = memchr(s + i, c, n - i);
    return q ? (size_t)(q - s) + 1 : n;
}

/* The attributes of a start tag from s[i] up to its '>': the interesting ones into at[]; returns the index past '>'. */
static size_t attributes(const char *s, size_t n, size_t i, struct attr *at, size_t *na)
{
    *na = 0;
    while (i < n) {
        while (i < n && (is_tagspace(s[i]) || s[i] == '/')) i++;
        if (i >= n) break;
        if (s[i] == '>') return i + 1;
        size_t nb = i;
        while (i < n && !is_tagspace(s[i]) && s[i] != '/' && s[i] != '>' && (s[i] != '=' || i == nb)) i++;
        struct attr a = { s + nb, NULL, i - nb, 0 };
        while (i < n && is_tagspace(s[i])) i++;
        if (i < n && s[i] == '=') {
            i++;
            while (i < n && is_tagspace(s[i])) i++;
            if (i < n && (s[i] == '"' || s[i] == '\'')) {
                char q = s[i++];
                const char *e = memchr(s + i, q, n - i);
                size_t end = e ? (size_t)(e - s) : n;
                a.val = s + i;
                a.vlen = end - i;
                i = e ? end + 1 : n;
            } else {
                size_t vb = i;
                while (i < n && !is_tagspace(s[i]) && s[i] != '>') i++;
                a.val = s + vb;
                a.vlen = i - vb;
            }
        } else {
            a.val = "";
        }
        if (*na < ND_MAX_ATTRS) at[(*na)++] = a;
    }
    return n;
}

/* Is the attribute 'name' there with value 'want' (ASCII case ignored)? */
static int has_attr_value(const struct attr *at, size_t na, const char *name, const char *want)
{
    for (size_t i = 0; i < na; i++)
        if (attr_is(&at[i], name)) return val_is(&at[i], want);
    return 0;
}

/* The longest "articleBody" string anywhere in j (a @graph, an array of items, a nested item). */
static const cJSON *article_body(const cJSON *j, const cJSON *best, int depth)
{
    const cJSON *c;
    if (depth > 16) return best;
    cJSON_ArrayForEach(c, j) {
        if (cJSON_IsString(c) && c->string && !strcmp(c->string, "articleBody")) {
            if (!best || strlen(c->valuestring) > strlen(best->valuestring)) best = c;
        } else if (cJSON_IsObject(c) || cJSON_IsArray(c)) {
            best = article_body(c, best, depth + 1);
        }
    }
    return best;
}

/*
 * A page's structured data (<script type="application/ld+json">): the
 * publisher's own copy of the story (schema.org's articleBody), which a
 * page that builds its text in the browser has nowhere else. Kept in
 * p->ld_body when longer than what an earlier script gave.
 */
/*
 * A live blog's updates (schema.org's LiveBlogPosting: "liveBlogUpdate", a
 * list of posts with their own headline and articleBody), anywhere in j,
 * one paragraph each, headline first, appended to 'out'. Returns how many.
 */
static size_t live_updates(const cJSON *j, nd_buf *out, int depth)
{
    const cJSON *c;
    size_t found = 0;
    if (depth > 16) return 0;
    cJSON_ArrayForEach(c, j) {
        if (cJSON_IsArray(c) && c->string && !strcmp(c->string, "liveBlogUpdate")) {
            const cJSON *u;
            cJSON_ArrayForEach(u, c) {
                const cJSON *h = cJSON_GetObjectItemCaseSensitive(u, "headline");
                const cJSON *b = cJSON_GetObjectItemCaseSensitive(u, "articleBody");
                if (!cJSON_IsString(b) || !*b->valuestring) continue;
                if (out->len) nd_buf_adds(out, "\n");
                if (cJSON_IsString(h) && *h->valuestring) {
                    decode(h->valuestring, strlen(h->valuestring), out);
                    nd_buf_adds(out, "\n");
                }
                decode(b->valuestring, strlen(b->valuestring), out);
                found++;
            }
        } else if (cJSON_IsObject(c) || cJSON_IsArray(c)) {
            found += live_updates(c, out, depth + 1);
        }
    }
    return found;
}

static void ld_json(struct dom *d, const char *s, size_t n)
{
    cJSON *j = cJSON_ParseWithLength(s, n);
    const cJSON *body = j ? article_body(j, NULL, 0) : NULL;
    size_t len = body ? strlen(body->valuestring) : 0;
    nd_buf_reset(&d->tmp);
    if (j && live_updates(j, &d->tmp, 0) > 1 && d->tmp.len > len && d->tmp.len > d->p->ld_body.len) {
        nd_buf_reset(&d->p->ld_body);   /* a live blog: its updates, not the longest of them */
        nd_buf_add(&d->p->ld_body, d->tmp.data, d->tmp.len);
    } else if (len > d->p->ld_body.len) {
        nd_buf_reset(&d->p->ld_body);
        decode(body->valuestring, len, &d->p->ld_body);
    }
    cJSON_Delete(j);
}

/* A script that holds markup for the page's code to show (type "text/template", "text/x-template", "text/html"). */
static int template_script(const struct attr *at, size_t na)
{
    for (size_t i = 0; i < na; i++)
        if (attr_is(&at[i], "type"))
            for (size_t k = 0; k + 4 <= at[i].vlen; k++)
                if (!strncasecmp(at[i].val + k, "html", 4) || (k + 8 <= at[i].vlen && !strncasecmp(at[i].val + k, "template", 8)))
                    return 1;
    return 0;
}

static void parse(struct dom *d, const char *s, size_t n)
{
    size_t i = 0;
    char name[32];
    struct attr at[ND_MAX_ATTRS];
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        size_t e = lt ? (size_t)(lt - s) : n;
        if (e > i) on_text(d, s + i, e - i);
        if (!lt) break;
        i = e;
        char c = i + 1 < n ? s[i + 1] : '\0';
        if (c == '!') {
            if (i + 4 <= n && s[i + 2] == '-' && s[i + 3] == '-') {   /* a comment */
                const char *end = i + 4 < n ? memmem(s + i + 4, n - i - 4, "-->", 3) : NULL;
                i = end ? (size_t)(end - s) + 3 : n;
            } else {
                i = past(s, n, i + 2, '>');   /* <!DOCTYPE ...>, <![CDATA[ ... > */
            }
        } else if (c == '?') {
            i = past(s, n, i + 2, '>');
        } else if (c == '/' && i + 2 < n && is_alpha(s[i + 2])) {
            size_t nl;
            size_t j = tag_name(s, n, i + 2, name, &nl);
            i = past(s, n, j, '>');
            on_end(d, name, nl);
        } else if (c == '/') {
            i = i + 2 < n && s[i + 2] == '>' ? i + 3 : past(s, n, i + 2, '>');   /* "</>", "</3 ...>": nothing */
        } else if (is_alpha(c)) {
            size_t nl, na;
            size_t j = tag_name(s, n, i + 1, name, &nl);
            i = attributes(s, n, j, at, &na);
            const struct tagdef *t = tag_of(name, nl);
            if (!strcmp(t->name, "script") && template_script(at, na)) continue;   /* its content is the page's */
            int ld = !strcmp(t->name, "script") && has_attr_value(at, na, "type", "application/ld+json");
            on_start(d, name, nl, at, na);
            if (t->kind == K_TITLE && i >= 2 && s[i - 2] == '/') {   /* an SVG icon's "<title/>": no text follows */
                on_end(d, name, nl);
                continue;
            }
            if (t->flags & T_RAW) {   /* its text, up to its end tag, is not markup */
                size_t end = !strcmp(t->name, "plaintext") ? n : raw_end(s, n, i, name, nl);
                if (t->kind == K_TITLE && !d->title.len) decode(s + i, end - i, &d->title);
                if (ld) ld_json(d, s + i, end - i);
                i = end;
                if (i < n) {
                    i = past(s, n, i, '>');
                    on_end(d, name, nl);
                } else if (t->kind != K_TITLE) {
                    on_end(d, name, nl);
                }
            }
        } else {
            on_text(d, "<", 1);   /* "a < b" */
            i++;
        }
    }
    pop_to(d, 0);
}

/* White space collapsed into 'out' (which is reset). */
static void collapse(const char *s, size_t n, nd_buf *out)
{
    nd_buf_reset(out);
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            space = out->len > 0;
            continue;
        }
        if (space) nd_buf_putc(out, ' ');
        space = 0;
        nd_buf_putc(out, (char)c);
    }
}

static pthread_once_t index_once = PTHREAD_ONCE_INIT;

/*
 * A title that is the page's headline and a short tail after a separator
 * ("Live: Storm Ellen makes landfall – updates", "... - Video", "...: Die
 * Bilder") is the headline: the first <h1> of four words or more, when
 * the title goes on from it with a spaced dash, a bar or a colon and four
 * words at most. (A site's logo in an <h1> is shorter.)
 */
static void headline_for_title(nd_page *p)
{
    for (size_t i = 0; i < p->n; i++) {
        const nd_block *b = &p->b[i];
        if (b->tag != ND_BT_H1) continue;
        const char *h = p->text.data + b->off;
        size_t words = 1, tail = 1;
        for (size_t k = 0; k < b->len; k++) words += h[k] == ' ';
        if (words < 4 || b->len + 2 >= p->title.len || memcmp(p->title.data, h, b->len) != 0) return;
        const char *r = p->title.data + b->len, *end = p->title.data + p->title.len;
        if (r[0] == ' ') r++;
        int dash = end - r >= 3 && (!memcmp(r, "\xE2\x80\x93", 3) || !memcmp(r, "\xE2\x80\x94", 3));   /* – — */
        if (!(r[0] == ':' || r[0] == '|' || r[0] == '-' || dash)) return;
        for (const char *q = r; q < end; q++) tail += *q == ' ';
        if (tail > 5 || end - r > 48) return;   /* the separator, then four words */
        p->title.len = b->len;
        p->title.data[b->len] = '\0';
        return;
    }
}

/*
 * A title whose part after its first separator (four words at most before
 * it) is a block of the page of four words or more, or a block's first
 * line, is that part: the site's name came first ("Harbour Gazette - Ferry
 * fares to rise in spring"). Asked after the block model, which learned
 * from the titles as they were (as its feature, held-out HTML F1 fell
 * 0.9375 -> 0.9366).
 */
void nd_page_title_after_site(nd_page *p)
{
    size_t sl = 0, lead_words = 1;
    const char *first = p->title.len ? nd_title_separator(p->title.data, 0, &sl) : NULL;
    for (const char *q = p->title.data; first && q < first; q++) lead_words += *q == ' ';
    if (!first || lead_words > 4) return;
    const char *rest = first + sl;
    size_t rl = p->title.len - (size_t)(rest - p->title.data), words = 1;
    for (size_t k = 0; k < rl; k++) words += rest[k] == ' ';
    for (size_t i = 0; i < p->n && words >= 4; i++)
        if (p->b[i].len >= rl && !memcmp(p->text.data + p->b[i].off, rest, rl) &&
            (p->b[i].len == rl || p->text.data[p->b[i].off + rl] == '\n')) {   /* the block, or its first line */
            memmove(p->title.data, rest, rl);
            p->title.len = rl;
            p->title.data[rl] = '\0';
            return;
        }
}

void nd_page_html(nd_page *p, const char *html, size_t len)
{
    pthread_once(&index_once, nd_cls_index);
    nd_page_reset(p);
    p->html = 1;
    struct dom d;
    memset(&d, 0, sizeof(d));
    d.p = p;
    nd_buf_init(&d.title);
    nd_buf_init(&d.og_title);
    nd_buf_init(&d.tmp);
    parse(&d, html, len);
    flush(&d);
    const nd_buf *t = d.og_title.len ? &d.og_title : &d.title;
    p->og_title = d.og_title.len > 0;
    collapse(t->data, t->len, &p->title);
    if (p->title.len) p->title.len = nd_html_trim_site_name(p->title.data);
    headline_for_title(p);
    free(d.st);
    nd_buf_release(&d.title);
    nd_buf_release(&d.og_title);
    nd_buf_release(&d.tmp);
}
