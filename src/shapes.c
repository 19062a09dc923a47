/*
 * shapes.c -- what a line's shape says, whatever its words: an address, a
 * menu of short items between separators, a teaser's run of headlines, a
 * counter ("Articles: 123"), a share bar of network names, a line of code,
 * a server's error message.
 */
#define _GNU_SOURCE   /* memmem */
#include "lines.h"

#include <ctype.h>   /* isdigit, isalpha, isupper */
#include <string.h>  /* memchr, strstr, strlen */
#include <strings.h> /* strncasecmp */

/* "www.example.com", "https://...", "example.co.uk", "Example.com - news": an address. */
int nd_looks_like_address(const char *s, size_t n)
{
    if (nd_ascii_prefix(s, n, "http://") || nd_ascii_prefix(s, n, "https://") || nd_ascii_prefix(s, n, "www."))
        return 1;
    /* one word with a dot and a known-looking suffix, no spaces */
    if (n > 60) return 0;
    size_t dot = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ') return 0;
        if (s[i] == '.' && i > 0 && i + 2 < n && isalpha((unsigned char)s[i + 1])) dot++;
    }
    if (dot >= 1 && n >= 5 && s[n - 1] != '.') {
        const char *tlds[] = { ".com", ".org", ".net", ".co", ".news", ".info", ".io", ".uk", ".au", ".in",
                               ".za", ".ng", ".ke", ".gh", ".pk", ".ph", ".sg", ".my", ".nz", ".ca", ".ie",
                               ".br", ".mx", ".ar", ".ae", ".qa", ".eg", ".il", ".jp", ".cn", ".de", ".fr" };
        for (size_t k = 0; k < sizeof(tlds) / sizeof(tlds[0]); k++) {
            const char *p = s;
            while ((p = strstr(p, tlds[k])) && p < s + n) {
                char after = p[strlen(tlds[k])];
                if (p + strlen(tlds[k]) >= s + n || after == '/' || after == '.' || after == ' ') return 1;
                p++;
            }
        }
    }
    return 0;
}
/* "Home | World | Business", "News › World › Africa": several short items between separators. */
int nd_looks_like_menu(const char *s, size_t n)
{
    if (n > 200) return 0;   /* menus are short; story paragraphs are not scanned */
    int seps = 0;
    size_t longest = 0, cur = 0;
    /* bytes that are, or begin, a separator: | > / and the lead bytes of › • » · */
    static const unsigned char maybe_sep[256] = { ['|'] = 1, ['>'] = 1, ['/'] = 1, [0xE2] = 1, [0xC2] = 1 };
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!maybe_sep[c]) {
            if (++cur > 30) return 0;   /* an item longer than a menu's: a sentence */
            continue;
        }
        /* '/' and '>' only with spaces around them: "13-1/2", "1986/87", "and/or" and "<U>" are not menus */
        int spaced = (i == 0 || s[i - 1] == ' ') && (i + 1 >= n || s[i + 1] == ' ');
        int sep = c == '|' || ((c == '>' || c == '/') && spaced) ||
                  (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 && ((unsigned char)s[i + 2] == 0xBA || (unsigned char)s[i + 2] == 0xA2)) ||
                  (c == 0xC2 && i + 1 < n && ((unsigned char)s[i + 1] == 0xBB || (unsigned char)s[i + 1] == 0xB7));
        if (sep) {
            seps++;
            if (cur > longest) longest = cur;
            cur = 0;
        } else {
            cur++;
        }
    }
    if (cur > longest) longest = cur;
    return seps >= 2 && longest <= 30;
}
/*
 * A teaser: a paragraph that ends in a link to the rest of it ("... and
 * what comes next. Read more", "... zu erwarten?  mehr...", "Lire la
 * suite »", WordPress's "[…]"). Of the benchmark's w3m dumps, 151
 * paragraphs end so: none holds a story segment, 11 boilerplate ones.
 * "mehr" alone ends many a German sentence, so it counts only with an
 * ellipsis or an arrow after it.
 */
int nd_looks_like_teaser(const char *s, size_t n)
{
    static const char *const more[] = { "read more", "continue reading", "weiterlesen", "mehr lesen", "lire la suite",
                                        "en savoir plus", "leer m\xC3\xA1s", "seguir leyendo", "leia mais",
                                        "continua a leggere", "leggi tutto", "lees meer", "l\xC3\xA4s mer", "les mer",
                                        "l\xC3\xA6s mere", "lue lis\xC3\xA4\xC3\xA4", "czytaj wi\xC4\x99" "cej", NULL };
    if (n > 1000 || n < 4) return 0;
    size_t e = n, marks = 0;
    while (e > 0 && s[e - 1] == ' ') e--;
    if (e >= 5 && (!memcmp(s + e - 5, "[\xE2\x80\xA6]", 5) || !memcmp(s + e - 5, "[...]", 5))) return 1;
    for (;;) {   /* the ellipsis and arrows after the link's words */
        while (e > 0 && s[e - 1] == ' ') e--;
        if (e >= 3 && (!memcmp(s + e - 3, "\xE2\x80\xA6", 3) || !memcmp(s + e - 3, "\xE2\x86\x92", 3) ||
                       !memcmp(s + e - 3, "\xE2\x80\xBA", 3) || !memcmp(s + e - 3, "...", 3)))
            e -= 3, marks++;
        else if (e >= 2 && !memcmp(s + e - 2, "\xC2\xBB", 2)) e -= 2, marks++;
        else if (e >= 1 && s[e - 1] == '>') e--, marks++;
        else break;
    }
    if (!e) return 0;
    unsigned char last = (unsigned char)(s[e - 1] | 0x20);   /* the last letters of the phrases: most lines end otherwise */
    if (!(last == 'e' || last == 'g' || last == 'n' || last == 's' || last == 'o' || last == 'r' || last == 'j' ||
          (unsigned char)s[e - 1] == 0xA4))
        return 0;
    for (size_t k = 0; more[k]; k++) {
        size_t l = strlen(more[k]);
        if (e >= l && !strncasecmp(s + e - l, more[k], l) && (e == l || s[e - l - 1] == ' ' || s[e - l - 1] == '.'))
            return 1;
    }
    return marks && e >= 5 && !strncasecmp(s + e - 4, "mehr", 4) && (s[e - 5] == ' ' || s[e - 5] == '.');
}
/*
 * "Articles: 123", "12 comments", "Views 4,567", "1.2k shares", "5 min read": a
 * counter. Its word opens a word of the line: English's, and with 'languages'
 * the reading times and counts of the other languages of models/stopwords
 * ("Lecture : 3 min.", "Lesezeit 4 Min.", "3 Kommentare"; "12 commentaires"
 * as "comment" has it).
 */
int nd_looks_like_counter(const char *s, size_t n, int languages)
{
    if (n > 40) return 0;
    size_t digits = 0, alpha = 0, words = 1, numbers = 0;
    for (size_t i = 0; i < n; i++) {
        if (isdigit((unsigned char)s[i])) {
            digits++;
            /* a number starts here unless a digit, or a digit and a separator ("4,567"), come before */
            numbers += !(i && (isdigit((unsigned char)s[i - 1]) ||
                               ((s[i - 1] == ',' || s[i - 1] == '.') && i > 1 && isdigit((unsigned char)s[i - 2]))));
        } else if (isalpha((unsigned char)s[i])) {
            alpha++;
        } else if (s[i] == ' ') {
            words++;
        }
    }
    /* one count: "Share 14.11p vs 12.13p" and "BREAD WHEAT 2,692,4 (4,161.0)" are figures */
    if (digits == 0 || numbers > 1 || words > 4) return 0;
    static const char *const units[] = { "article", "comment", "view", "share", "like", "post", "follower",
                                         "reply", "replies", "read", "reaction", "vote", NULL,
                                         "lecture", "lectura", "lettura", "leitura", "lesezeit", "leestijd", "lästid",
                                         "lesetid", "læsetid", "lukuaika", "czytania", "kommentar", "comentar",
                                         "reactie", "aufrufe", "vues", "visualizza", NULL };
    const size_t all = sizeof(units) / sizeof(*units) - 1;
    for (size_t i = 0; i < n; i++) {   /* at a word's start: not "bREAD" */
        if (!isalpha((unsigned char)s[i]) || (i && isalpha((unsigned char)s[i - 1]))) continue;
        char c = (char)(s[i] | 0x20);
        for (size_t k = 0; k < all; k++) {
            const char *u = units[k];
            if (!u) {   /* English's end */
                if (!languages) break;
                continue;
            }
            if (u[0] == c && nd_ascii_prefix(s + i, n - i, u)) return 1;
        }
    }
    return 0;
}
/* "Facebook Twitter WhatsApp Email": nothing but share buttons. */
int nd_looks_like_share_bar(const char *s, size_t n)
{
    static const char *const names[] = { "facebook", "twitter", "x", "whatsapp", "linkedin", "email", "e-mail", "print",
                                         "telegram", "reddit", "pinterest", "messenger", "copy link", "share", "tweet", "save",
                                         "instagram", "youtube", "tiktok", NULL };
    if (n > 120) return 0;
    size_t i = 0, words = 0;
    while (i < n) {
        while (i < n && (is_ws((unsigned char)s[i]) || s[i] == '|' || s[i] == ',' || s[i] == '/')) i++;
        if (i >= n) break;
        int found = 0;
        char c0 = (char)tolower((unsigned char)s[i]);
        for (size_t k = 0; names[k] && !found; k++) {
            if (names[k][0] != c0) continue;
            size_t l = strlen(names[k]);
            if (nd_ascii_prefix(s + i, n - i, names[k]) && (i + l == n || !isalpha((unsigned char)s[i + l]))) {
                i += l;
                found = 1;
            }
        }
        if (!found) return 0;
        words++;
    }
    return words >= 2;
}
/*
 * Code: a script, style rules or a page's template that a scraper left in
 * the text ("(function(){var e=...}", ".nav { display: none; }", "<# if
 * ( data.sizes ) { var w = ''; #>"). Braces (two at least) and a
 * statement's mark (; or =), { } ; = five or more, a twentieth of the line
 * with parentheses: prose has next to none of them (a jargon file's
 * "{USENET}, {Fidonet}" has no statement). memchr finds the lines with a
 * brace.
 */
int nd_looks_like_code(const char *s, size_t n)
{
    if (n >= 3 && s[0] == '{' && s[1] == '{' && s[2] != ' ') return 1;   /* a template's tag: "{{^topArticle}}", "{{#each}}" */
    if (n < 40 || !memchr(s, '{', n)) return 0;
    size_t braces = 0, marks = 0, parens = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        braces += c == '{' || c == '}';
        marks += c == ';' || c == '=';
        parens += c == '(' || c == ')';
    }
    return braces >= 2 && marks && braces + marks >= 5 && (braces + marks + parens) * 100 >= n * 6;
}
/*
 * Minified code a scraper left in a text: a line of symbols with next to
 * no spaces ("'),r.s(r.f(\"option_frames\",e,t,1),e,t,0,42,184,...",
 * "(adsbygoogle = window.adsbygoogle || []).push({});"): fewer than one
 * space in twelve bytes, brackets, and a fifth of its other characters
 * brackets, quotes, commas or operators, a run of one ("=====", "*****", a post's
 * rule after its last sentence) counted once. Prose puts a space every six
 * bytes or so, and Chinese or Japanese, which puts none, writes its own
 * punctuation; a table's dates ("02/28/87 01/31/87") have no brackets.
 */
int nd_looks_like_minified(const char *s, size_t n)
{
    enum { MARK = 1, BRACKET = 2 };
    static const unsigned char kind[256] = {
        ['('] = MARK | BRACKET, [')'] = MARK | BRACKET, ['{'] = MARK | BRACKET, ['}'] = MARK | BRACKET,
        ['['] = MARK | BRACKET, [']'] = MARK | BRACKET, ['<'] = MARK, ['>'] = MARK, [';'] = MARK, ['='] = MARK,
        ['&'] = MARK, ['|'] = MARK, ['\\'] = MARK, ['"'] = MARK, ['\''] = MARK, ['`'] = MARK, ['+'] = MARK,
        ['$'] = MARK, ['@'] = MARK, ['^'] = MARK, [','] = MARK,
    };
    if (n < 24) return 0;
    /* prose shows itself at once: five spaces in its first 48 bytes end most blocks' test */
    const char *p = s, *head = s + (n < 48 ? n : 48);
    int seen = 0;
    while (seen < 5 && (p = memchr(p, ' ', (size_t)(head - p)))) p++, seen++;
    if (seen == 5) return 0;
    size_t spaces = 0, marks = 0, brackets = 0, chars = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ') {
            spaces++;
            continue;
        }
        if (i > 0 && c == (unsigned char)s[i - 1] && !isalnum(c) && c < 0x80) continue;   /* a rule: one */
        chars++;
        marks += kind[c] & MARK;
        brackets += (kind[c] & BRACKET) != 0;
    }
    return spaces * 12 < n && brackets >= 2 && marks * 5 >= chars;
}

/*
 * A server's error message printed into the page, PHP's way: "Warning:
 * mysql_connect(): ... in /www/htdocs/x/db.php on line 12". A broken site
 * prints it before every article, and hundreds of times on one page.
 */
int nd_looks_like_server_error(const char *s, size_t n)
{
#define KIND(s) { s, sizeof(s) - 1 }
    static const struct { const char *text; size_t len; } kinds[] = {
        KIND("Warning: "), KIND("Deprecated: "), KIND("Notice: "), KIND("Strict Standards: "), KIND("Fatal error: "),
        KIND("Parse error: "), KIND("Catchable fatal error: "), KIND("PHP Warning: "), KIND("PHP Notice: "),
        KIND("PHP Deprecated: "), KIND("PHP Fatal error: "),
    };
#undef KIND
    if (n < 30) return 0;
    size_t k = 0, nk = sizeof(kinds) / sizeof(kinds[0]);
    while (k < nk && (kinds[k].text[0] != s[0] || kinds[k].len >= n || memcmp(s, kinds[k].text, kinds[k].len))) k++;
    if (k == nk) return 0;
    const char *line = memmem(s, n, " on line ", 9);
    return line && line + 9 < s + n && isdigit((unsigned char)line[9]) && (memmem(s, n, " in /", 5) || memmem(s, n, " in C:\\", 6));
}

int nd_drop_cap(const char *a, size_t an, const char *b, size_t bn)
{
    /* a paragraph of prose goes on from the letter: not an avatar's initial above a user name ("Y" / "yellowkitty") */
    return an == 1 && a[0] >= 'A' && a[0] <= 'Z' && bn >= 40 && b[0] >= 'a' && b[0] <= 'z' && memchr(b, ' ', 40);
}
