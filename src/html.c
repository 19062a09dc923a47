/*
 * html.c -- HTML left in scraped text: character references decoded, and the
 * tags of a text that is markup removed (see nd_html_unescape, nd_html_strip).
 */
#define _GNU_SOURCE   /* memmem, strncasecmp */
#include "nd_internal.h"

#include <ctype.h>     /* isalnum */
#include <strings.h>   /* strncasecmp */

/* The code point of the reference that starts at s[0] == '&' (its length in *n), or 0. */
uint32_t nd_html_reference(const char *s, size_t len, size_t *n)
{
    size_t i = 1, end = len < 34 ? len : 34;   /* the longest reference: "&CounterClockwiseContourIntegral;" */
    uint32_t cp = 0;
    if (i < end && s[i] == '#') {
        int hex = ++i < end && (s[i] == 'x' || s[i] == 'X');
        size_t from = i += hex;
        for (; i < end && cp <= 0x10FFFF; i++) {
            int d = s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : !hex ? -1 : (s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'f' ? (s[i] | 0x20) - 'a' + 10 : -1;
            if (d < 0) break;
            cp = cp * (hex ? 16 : 10) + (uint32_t)d;
        }
        if (i == from || i >= end || s[i] != ';' || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        if (cp < 0x20 && cp != '\t' && cp != '\n') return 0;   /* no control characters */
    } else {
        char name[34];
        for (; i < end && i - 1 < sizeof(name) - 1 && isalnum((unsigned char)s[i]); i++) name[i - 1] = s[i];
        if (i == 1 || i >= end || s[i] != ';') return 0;
        name[i - 1] = '\0';
        if (!(cp = nd_html_entity(name))) return 0;
    }
    *n = i + 1;
    return cp;
}

size_t nd_html_unescape(char *s, size_t len)
{
    char *amp = memchr(s, '&', len);
    if (!amp) return len;
    size_t o = (size_t)(amp - s);
    for (size_t i = o; i < len;) {
        size_t n = 0;
        uint32_t cp = s[i] == '&' ? nd_html_reference(s + i, len - i, &n) : 0;
        if (!cp) {
            s[o++] = s[i++];
            continue;
        }
        i += n;   /* n >= 4 and the UTF-8 takes at most n bytes: the text only shrinks */
        o += nd_utf8_put(s + o, cp);
    }
    s[o] = '\0';
    return o;
}

/* HTML elements a scraped text may still carry: those that end a line, and those whose content goes too. */
static const char *const html_inline[] = { "a", "abbr", "b", "big", "cite", "code", "em", "font", "i", "img", "ins", "mark",
                                           "picture", "q", "s", "small", "source", "span", "strike", "strong", "sub", "sup",
                                           "time", "u", "wbr", NULL };
static const char *const html_block[] = { "address", "article", "aside", "blockquote", "body", "br", "button", "caption",
                                          "center", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
                                          "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "input",
                                          "label", "legend", "li", "link", "main", "meta", "nav", "ol", "option", "p", "pre",
                                          "section", "select", "table", "tbody", "td", "textarea", "th", "thead", "title",
                                          "tr", "ul", NULL };
static const char *const html_dropped[] = { "audio", "iframe", "noscript", "object", "script", "style", "svg", "template",
                                            "video", NULL };

/*
 * The tag that starts at s[0] == '<': its length, its kind (1 inline, 2 ends
 * a line, 3 drops its content), whether it closes; 0 if it is not one of the
 * elements above ("<TXN.N>", "a < b" stay).
 */
static size_t tag_at(const char *s, size_t len, int *kind, int *closing)
{
    size_t i = 1;
    *closing = i < len && s[i] == '/';
    i += (size_t)*closing;
    size_t name = i;
    while (i < len && i - name < 12 && isalnum((unsigned char)s[i])) i++;
    size_t nl = i - name;
    if (!nl || !isalpha((unsigned char)s[name])) return 0;
    *kind = nd_word_in(html_inline, s + name, nl) ? 1 : nd_word_in(html_block, s + name, nl) ? 2 :
            nd_word_in(html_dropped, s + name, nl) ? 3 : 0;
    if (!*kind || i >= len || !(s[i] == '>' || s[i] == '/' || isspace((unsigned char)s[i]))) return 0;
    for (size_t end = len < i + 2000 ? len : i + 2000; i < end && s[i] != '<'; i++)
        if (s[i] == '>') return i + 1;
    return 0;
}

/*
 * "Port to double | Example News" -> "Port to double": a page title's last
 * part after " | " or a spaced dash is the site's name when it has four words
 * or fewer and, after a dash, every word is capitalised, a domain or a
 * particle of a name after its first word ("Le Courrier de l'Ouest"; "Storm
 * - latest updates" keeps its dash).
 */
static int has_closing_tag(const char *s, size_t len);

/* Lower-case words inside a newspaper's name: "The Times of India", "Corriere della Sera". */
static const char *const name_particles[] = { "of", "the", "and", "de", "du", "la", "le", "les", "del", "della", "di",
                                               "da", "do", "dos", "y", "e", "van", "von", "der", "och", "og", NULL };

const char *nd_title_separator(const char *t, int last, size_t *len)
{
    static const char *const seps[] = { " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", NULL };
    const char *cut = NULL;
    for (const char *const *sp = seps; *sp; sp++)
        for (const char *q = strstr(t, *sp); q; q = last ? strstr(q + 1, *sp) : NULL)
            if (!cut || (last ? q > cut : q < cut)) cut = q, *len = strlen(*sp);
    return cut;
}

size_t nd_html_trim_site_name(char *t)
{
    size_t cl = 0;
    char *cut = (char *)nd_title_separator(t, 1, &cl);
    if (!cut || cut == t) return strlen(t);
    size_t words = 1;
    int named = 1;
    for (const char *q = cut + cl, *w = q; ; q++) {
        if (*q == ' ' || !*q) {
            size_t wl = (size_t)(q - w);
            /* "l'Ouest", "d'Italia": an elided article before the capital */
            const char *c = wl > 2 && w[1] == '\'' ? w + 2 : w;
            named &= isupper((unsigned char)*c) || memchr(w, '.', wl) != NULL ||
                     (words > 1 && nd_word_in(name_particles, w, wl));   /* "Le Courrier de l'Ouest" */
            w = q + 1;
            if (!*q) break;
            words++;
        }
    }
    if (words <= 4 && (cut[1] == '|' || named)) *cut = '\0';
    return strlen(t);
}

size_t nd_html_strip(char *s, size_t len, char **title)
{
    /* only a text with a closing tag of one of the elements is taken for markup ("<U>" in wire copy is a ticker) */
    if (!has_closing_tag(s, len)) return len;
    size_t o = 0;
    int no_end = 0, no_end_comment = 0;   /* an element or comment that did not end: none later will */
    for (size_t i = 0; i < len;) {
        int kind = 0, closing = 0;
        size_t n = s[i] == '<' ? tag_at(s + i, len - i, &kind, &closing) : 0;
        if (!n && s[i] == '<' && !no_end_comment && len - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {   /* a comment */
            const char *e = memmem(s + i + 4, len - i - 4, "-->", 3);
            n = e ? (size_t)(e + 3 - (s + i)) : 0;   /* unterminated: text after all */
            no_end_comment = !e;
        } else if (!n && s[i] == '<' && len - i > 2 && (s[i + 1] == '!' || s[i + 1] == '?') && isalpha((unsigned char)s[i + 2])) {
            const char *e = memchr(s + i, '>', len - i < 200 ? len - i : 200);   /* <!DOCTYPE html>, <?xml ...?> */
            n = e ? (size_t)(e + 1 - (s + i)) : 0;
            kind = 2;
        }
        if (!n) {
            s[o++] = s[i++];
            continue;
        }
        i += n;
        if (title && !*title && !closing && n >= 7 && strncasecmp(s + i - n, "<title", 6) == 0) {
            /* the page's title element: the record's title, when it has none */
            const char *e = NULL;
            for (const char *q = s + i; !e && (q = memchr(q, '<', len - (size_t)(q - s))); q++)
                if (len - (size_t)(q - s) >= 8 && strncasecmp(q, "</title>", 8) == 0) e = q;
            if (e) {
                *title = nd_xstrndup(s + i, (size_t)(e - (s + i)));
                nd_html_trim_site_name(*title);
                i = (size_t)(e - s) + 8;
                continue;
            }
        }
        if (kind == 3 && !closing && !no_end) {   /* skip to the element's end tag, if it has one */
            no_end = 1;
            for (size_t j = i; j < len; j++) {
                int k2, c2;
                size_t m = s[j] == '<' ? tag_at(s + j, len - j, &k2, &c2) : 0;
                if (m && k2 == 3 && c2) {
                    i = j + m;
                    no_end = 0;
                    break;
                }
            }
        } else if (kind == 2 && o && s[o - 1] != '\n') {
            s[o++] = '\n';   /* the tag ended a line (or paragraph) */
        }
    }
    s[o] = '\0';
    return o;
}

/* Tags of the elements above in s[0..len) (counted up to 'enough'), and whether one of them closes ("</p>"). */
static size_t count_tags(const char *s, size_t len, size_t enough, int *closing_seen)
{
    size_t n = 0;
    *closing_seen = 0;
    for (const char *q = s; n < enough && (q = memchr(q, '<', len - (size_t)(q - s))); q++) {
        int kind, closing;
        if (tag_at(q, len - (size_t)(q - s), &kind, &closing)) {
            n++;
            *closing_seen |= closing;
        }
    }
    return n;
}

/* Does s[0..len) have a closing tag of one of the elements above ("</p>", "</div>")? */
static int has_closing_tag(const char *s, size_t len)
{
    for (const char *q = s; (q = memchr(q, '<', len - (size_t)(q - s))); q++) {
        int kind, closing;
        if (q + 1 < s + len && q[1] == '/' && tag_at(q, len - (size_t)(q - s), &kind, &closing)) return 1;
    }
    return 0;
}

/* Is there "<NAME" (any case, then '>', a space or '/') in s[0..len)? */
static int has_open_tag(const char *s, size_t len, const char *name)
{
    size_t nl = strlen(name);
    for (const char *q = s; (q = memchr(q, '<', len - (size_t)(q - s))); q++) {
        size_t rest = len - (size_t)(q - s) - 1;
        if (rest > nl && strncasecmp(q + 1, name, nl) == 0 &&
            (q[1 + nl] == '>' || q[1 + nl] == '/' || isspace((unsigned char)q[1 + nl])))
            return 1;
    }
    return 0;
}

int nd_markup_kind(const char *s, size_t len)
{
    if (!memchr(s, '<', len)) return 0;
    size_t head = len < 4096 ? len : 4096;
    if (has_open_tag(s, head, "!doctype html") || has_open_tag(s, head, "html") || has_open_tag(s, head, "head") ||
        has_open_tag(s, len, "body"))
        return 2;
    /* markup, not a text that mentions a tag or two ("an HTML </div> closes ..."): a tag every 300 bytes or more */
    size_t enough = len / 300 + 1;
    int closing;
    return count_tags(s, len, enough, &closing) >= enough && closing ? 1 : 0;
}
