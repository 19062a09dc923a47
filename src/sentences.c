/*
 * sentences.c -- sentence boundaries for news text.
 *
 * A line break always ends a sentence (headlines, list items, paragraphs).
 * Inside a line, '.', '!', '?' and '…' end one when white space follows
 * (after any closing quotes and brackets) and the next word does not start
 * lower-case, except after known abbreviations, initials, and dotted
 * abbreviations such as "U.S." unless the next word usually starts a sentence.
 * Other scripts' full stops and question marks (।, ؟, ։, Greek ;) work as '!' does;
 * Chinese and Japanese ones (。！？) end a sentence with no space after them.
 */
#include "lang.h"
#include "nd_internal.h"
#include "text.h"

#include <ctype.h>     /* isupper */
#include <utf8proc.h>  /* utf8proc_iterate, utf8proc_category */

/* Abbreviations that never end a sentence (lower-case, without the period). */
static const char *const abbrev[] = {
    "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "maj", "sgt", "col", "capt", "cpl", "pvt", "lt", "cmdr",
    "adm", "brig", "gov", "sen", "rep", "reps", "sens", "rev", "hon", "pres", "supt", "det", "insp", "st", "ste", "sts",
    "mt", "ft", "inc", "corp", "co", "ltd", "bros", "jr", "sr", "vs", "no", "nos", "vol", "pp", "op", "cf",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "approx", "dept", "est", "fig", "figs", "ave", "blvd", "rd", "univ", "assn", "natl", "intl", "govt", "mln",
    "bln", "dlrs", "pct", "ca", "al", "etc", NULL,
};
/* These can end a sentence too ("... in Jan. The team"): they end one before a sentence starter. */
static const char *const soft_abbrev[] = { "etc", "inc", "co", "corp", "ltd", "jr", "sr", "bros", "no",
                                          "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                                          "oct", "nov", "dec", NULL };

/*
 * States' and provinces' abbreviations in AP style after a town: "PORTLAND,
 * Ore. (AP) --", "in Tampa, Fla., where". Capitalised and after a comma only
 * ("iron ore.", "he was ill."), they end no sentence before an agency's
 * bracket or a dash; before a capital they do ("in Pasadena, Calif. Results
 * of ...").
 */
static const char *const state_abbrev[] = {
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la",
    "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nebr", "nev", "okla", "ore", "oreg", "pa", "penn",
    "tenn", "tex", "vt", "va", "wash", "wis", "wisc", "wyo", "alta", "man", "ont", "que", "sask", NULL,
};

/* Words that usually start a sentence: after "U.S." or "etc." they mark a boundary. */
static const char *const starters[] = {
    "the", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "this", "that", "these", "those",
    "a", "an", "there", "its", "his", "her", "their", "our", "mr", "mrs", "ms", "dr", "if", "when", "while",
    "as", "at", "on", "for", "after", "before", "however", "meanwhile", "some", "many", "most", "one", "two",
    "what", "why", "how", "who", "officials", "analysts", "so", "yet", "still", "also", "then", "now", NULL,
};

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* A space at s[i] after a sentence's end, no-break ones too (U+00A0, U+202F: text taken from HTML keeps
   them, "costs.&nbsp;A return ..."); its length in bytes, or 0. */
static size_t gap_len(const unsigned char *s, size_t i, size_t end)
{
    if (is_space(s[i])) return 1;
    if (s[i] == 0xC2 && i + 1 < end && s[i + 1] == 0xA0) return 2;
    return s[i] == 0xE2 && i + 2 < end && s[i + 1] == 0x80 && s[i + 2] == 0xAF ? 3 : 0;
}

/* Closing quote or bracket at s[i]; returns its length in bytes or 0. */
__attribute__((always_inline)) static inline size_t closer_len(const unsigned char *s, size_t i, size_t end)
{
    if (s[i] == '"' || s[i] == '\'' || s[i] == ')' || s[i] == ']') return 1;
    if (i + 2 < end && s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0x9D || s[i + 2] == 0x99)) return 3; /* ” ’ */
    if (i + 1 < end && s[i] == 0xC2 && s[i + 1] == 0xBB) return 2;                                          /* » */
    return 0;
}

/* Can the word at s[k] start a sentence? Upper-case, digit, opening quote/bracket, non-ASCII letter. */
static int starts_sentence(const unsigned char *s, size_t k, size_t end)
{
    if (k >= end) return 1;
    unsigned char c = s[k];
    if (isupper(c) || isdigit(c) || c == '"' || c == '\'' || c == '(' || c == '[' || c == '$' || c == 0xC2) return 1;
    if (c == 0xE2 && k + 2 < end && s[k + 1] == 0x80 && (s[k + 2] == 0x9C || s[k + 2] == 0x98 || s[k + 2] == 0x9E)) return 1; /* “ ‘ „ */
    if (c >= 0xC3 && c < 0xE2) return 1;   /* accented capitals and other scripts: accept */
    return 0;
}

/* Is s[i] the ideographic space U+3000 (before e), which indents Chinese paragraphs? */
static int wide_space(const unsigned char *s, size_t i, size_t e)
{
    return i + 3 <= e && s[i] == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x80;
}

static void push(nd_spans *out, const unsigned char *s, size_t b, size_t e)
{
    while (b < e && (is_space(s[b]) || s[b] == '\n')) b++;
    while (e > b && (is_space(s[e - 1]) || s[e - 1] == '\n')) e--;
    if (e <= b) return;
    ND_GROW(out->v, out->n + 1, out->alloc);
    out->v[out->n].off = (uint32_t)b;
    out->v[out->n].len = (uint32_t)(e - b);
    out->n++;
}

/* Is the word at s[k] one that often starts a sentence ("The", "But", ...)? */
static int next_is_starter(const unsigned char *s, size_t k, size_t end)
{
    size_t ne = k;
    while (ne < end && isalpha(s[ne])) ne++;
    return nd_word_in(starters, (const char *)s + k, ne - k);
}

/* Is the word at s[k] a month of the languages that write a day as an ordinal ("31. Mai", "1. januar")? */
static int next_is_month(const unsigned char *s, size_t k, size_t end)
{
    static const char *const months[] = { "januar", "j\xC3\xA4nner", "februar", "m\xC3\xA4rz", "marts", "mars", "april",
                                          "mai", "maj", "juni", "juli", "august", "september", "oktober", "november",
                                          "dezember", "december", "desember", NULL };
    size_t ne = k;
    while (ne < end && (isalpha(s[ne]) || s[ne] >= 0x80)) ne++;
    return nd_word_in(months, (const char *)s + k, ne - k);
}

/*
 * Is the word at s[k] a function word of 'lang' ("Die", "Im")? -1 when the
 * language has no list of them.
 */
static int next_is_function_word(const unsigned char *s, size_t k, size_t end, const nd_language *lang)
{
    int bit = nd_language_stoplist(lang);
    if (bit < 0) return -1;
    size_t ne = k;
    while (ne < end && (isalpha(s[ne]) || s[ne] >= 0x80)) ne++;
    char w[24];   /* the stop-word lists fold Latin capitals; a Cyrillic capital first letter is folded here */
    size_t n = ne - k;
    if (n < 2 || n > sizeof(w) || s[k] != 0xD0) return (int)(nd_stop_mask((const char *)s + k, n) >> bit & 1);
    memcpy(w, s + k, n);
    unsigned char d = s[k + 1];
    if (d >= 0x90 && d <= 0x9F) w[1] = (char)(d + 0x20);                          /* А..П -> а..п */
    else if (d >= 0xA0 && d <= 0xAF) w[0] = (char)0xD1, w[1] = (char)(d - 0x20);  /* Р..Я -> р..я */
    else if (d == 0x81) w[0] = (char)0xD1, w[1] = (char)0x91;                       /* Ё -> ё */
    return (int)(nd_stop_mask(w, n) >> bit & 1);
}

/* Is s[0..n) one code point, an upper-case letter ("Ö", "А", "Ł")? */
static int upper_letter(const unsigned char *s, size_t n)
{
    utf8proc_int32_t cp;
    return utf8proc_iterate(s, (utf8proc_ssize_t)n, &cp) == (utf8proc_ssize_t)n &&
           utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

/* Is the period at s[i] the end of a sentence, given the next word at s[k]? 'lang' adds its abbreviations and rules. */
__attribute__((noinline))   /* called at a period: out of the scanning loop, which stays tight */
static int period_ends(const unsigned char *s, size_t line_start, size_t i, size_t k, size_t end, const nd_language *lang)
{
    /* the word before the period */
    size_t w = i;
    while (w > line_start && !is_space(s[w - 1]) && s[w - 1] != '(' && s[w - 1] != '"') w--;
    size_t wl = i - w;
    if (wl == 0) return 1;

    /* strip opening punctuation (ASCII: other scripts' letters are bytes >= 0x80) */
    while (wl && s[w] < 0x80 && !isalnum(s[w])) w++, wl--;
    if (wl == 0) return 1;
    /* dotted abbreviation: U.S  a.m  e.g  (letters separated by periods) */
    int dotted = 0;
    for (size_t j = w; j < i; j++)
        if (s[j] == '.') dotted = 1;
    if (dotted) {
        int shape = 1;
        for (size_t j = w; j < i; j++)
            if (!(isalpha(s[j]) || s[j] == '.')) shape = 0;
        if (shape) return next_is_starter(s, k, end);
    }
    /* single initial: "J. R. R. Tolkien", "А. Силуанов", but not the pronoun "I." */
    if (wl == 1 && isupper(s[w]) && s[w] != 'I') return 0;
    if (wl > 1 && wl <= 4 && s[w] >= 0xC0 && upper_letter(s + w, wl)) return 0;
    if (lang) {
        if (lang->abbrev && nd_word_in(lang->abbrev, (const char *)s + w, wl)) return 0;
        if (lang->soft && nd_word_in(lang->soft, (const char *)s + w, wl))
            return next_is_function_word(s, k, end, lang) > 0;
        if (lang->numbered && k < end && isdigit(s[k]) && nd_word_in(lang->numbered, (const char *)s + w, wl)) return 0;
        if (lang->counted && nd_word_in(lang->counted, (const char *)s + w, wl)) {
            size_t p = w;   /* the end of the word before */
            while (p > line_start && is_space(s[p - 1])) p--;
            return p < w && p > line_start && isdigit(s[p - 1]);
        }
        size_t nd = 0;   /* the word's digits, when the language writes ordinals with a period and it has 3 at most */
        if ((lang->rules & ND_LANG_ORDINAL) && wl <= 3)
            while (nd < wl && isdigit(s[w + nd])) nd++;
        if (nd == wl) {
            /* "am 3. Oktober", "der 100. Geburtstag": an ordinal, unless a function word follows ("auf 12. Die") */
            int f = next_is_function_word(s, k, end, lang);
            return f < 0 ? wl > 2 : f;
        }
        if (lang != nd_english()) return 1;   /* the lists below are English's */
    }
    if (wl <= 2 && isdigit(s[w]) && isdigit(s[i - 1]) && next_is_month(s, k, end))
        return 0;   /* German or Nordic text read as English: a day's ordinal, "am 31. Mai 2012", "1. januar" */
    if (nd_word_in(abbrev, (const char *)s + w, wl)) {
        if (nd_word_in(soft_abbrev, (const char *)s + w, wl)) return next_is_starter(s, k, end);
        return 0;
    }
    if (isupper(s[w]) && w >= line_start + 2 && s[w - 1] == ' ' && s[w - 2] == ',' &&
        nd_word_in(state_abbrev, (const char *)s + w, wl))   /* a dateline goes on: "Ore. (AP) --", "Calif. --" */
        return !(k < end && (s[k] == '(' || s[k] == '-' || (s[k] == 0xE2 && k + 2 < end && s[k + 1] == 0x80 &&
                                                           (s[k + 2] == 0x93 || s[k + 2] == 0x94))));
    return 1;
}

/*
 * Bytes that may end a sentence: . ! ? and the first bytes of U+2026 (...),
 * of the full stops and question marks of other scripts (below) and of the
 * ideographic and full-width ones.
 */
static const unsigned char may_end[256] = {
    ['.'] = 1, ['!'] = 1, ['?'] = 1, [';'] = 1, [0xD6] = 1, [0xD8] = 1, [0xDB] = 1, [0xE0] = 1, [0xE1] = 1, [0xE2] = 1,
    [0xE3] = 1, [0xEF] = 1,
};

/*
 * A full stop or question mark of another script at s[i], written like '!'
 * (white space after it): Armenian ։, Arabic ؟, Urdu ۔, Devanagari । ॥,
 * Ethiopic ።, Myanmar ။; and Greek's question mark ';' after a Greek
 * letter, before a Greek capital. Its length in bytes or 0.
 */
__attribute__((noinline)) static size_t script_end(const unsigned char *s, size_t i, size_t end)
{
    if (s[i] == ';')
        return i >= 2 && (s[i - 2] == 0xCE || s[i - 2] == 0xCF) && i + 3 < end && s[i + 1] == ' ' && s[i + 2] == 0xCE &&
               s[i + 3] >= 0x86 && s[i + 3] <= 0xAB;
    if (i + 1 < end && ((s[i] == 0xD6 && s[i + 1] == 0x89) || (s[i] == 0xD8 && s[i + 1] == 0x9F) ||
                        (s[i] == 0xDB && s[i + 1] == 0x94)))
        return 2;
    if (i + 2 < end && ((s[i] == 0xE0 && s[i + 1] == 0xA5 && (s[i + 2] == 0xA4 || s[i + 2] == 0xA5)) ||
                        (s[i] == 0xE1 && s[i + 1] == 0x8D && s[i + 2] == 0xA2) ||
                        (s[i] == 0xE1 && s[i + 1] == 0x81 && s[i + 2] == 0x8B)))
        return 3;
    return 0;
}

/* The ideographic full stop 。, the full-width ！ ？ and the half-width ｡ at s[i], which need no space after them. */
static int wide_end(const unsigned char *s, size_t i, size_t end)
{
    return i + 2 < end &&
           ((s[i] == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x82) ||
            (s[i] == 0xEF && s[i + 1] == 0xBC && (s[i + 2] == 0x81 || s[i + 2] == 0x9F)) ||
            (s[i] == 0xEF && s[i + 1] == 0xBD && s[i + 2] == 0xA1));
}

/* The closing corner brackets, quotes and parentheses of CJK text at s[i] (」』）】》〉): 3 or 0. */
static size_t wide_closer(const unsigned char *s, size_t i, size_t end)
{
    if (i + 2 >= end) return 0;
    if (s[i] == 0xE3 && s[i + 1] == 0x80 && (s[i + 2] == 0x8D || s[i + 2] == 0x8F || s[i + 2] == 0x91 ||
                                             s[i + 2] == 0x8B || s[i + 2] == 0x89))
        return 3;
    return s[i] == 0xEF && s[i + 1] == 0xBC && s[i + 2] == 0x89 ? 3 : 0;
}

int nd_ends_script_sentence(const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t e = n;
    for (;;) {   /* back past the closers */
        if (e >= 3 && (wide_closer(s, e - 3, e) || closer_len(s, e - 3, e) == 3)) e -= 3;
        else if (e >= 2 && closer_len(s, e - 2, e) == 2) e -= 2;
        else if (e >= 1 && closer_len(s, e - 1, e) == 1) e--;
        else break;
    }
    return (e >= 3 && (wide_end(s, e - 3, e) || script_end(s, e - 3, e) == 3)) || (e >= 2 && script_end(s, e - 2, e) == 2);
}

/*
 * The end of a CJK sentence whose terminator is at s[i]: past more
 * terminators and any closers; i when it goes on, as a quotation does that
 * a particle follows: 「…です。」と言った.
 */
static size_t wide_sentence_end(const unsigned char *s, size_t i, size_t end)
{
    size_t j = i + 3, closers = 0;
    for (;;) {
        size_t cl = 0;
        if (wide_end(s, j, end)) cl = 3;
        else if ((cl = wide_closer(s, j, end)) || (j < end && (cl = closer_len(s, j, end)))) closers++;
        if (!cl) break;
        j += cl;
    }
    /* hiragana U+3040..U+309F: E3 81 80..BF, E3 82 80..9F */
    if (closers && j + 2 < end && s[j] == 0xE3 && (s[j + 1] == 0x81 || (s[j + 1] == 0x82 && s[j + 2] <= 0x9F))) return i;
    return j;
}

/*
 * Quotations over several sentences. Cut at its inner full stops, a quote
 * reads as a quote with no end ("\"We will win.") and an end with no quote
 * ("They know it,\" he said."): a summary that shows such a piece gives it
 * the marks it lacks (analyze.c), by nd_quote_marks. The marks of each
 * kind: [kind][0] opens, [kind][1] closes.
 */
static const char *const quote_pair[][2] = {
    [ND_QUOTE_STRAIGHT] = { "\"", "\"" },
    [ND_QUOTE_CURLY] = { "\xe2\x80\x9c", "\xe2\x80\x9d" },   /* “ ” */
    [ND_QUOTE_LOW] = { "\xe2\x80\x9e", "\xe2\x80\x9c" },     /* „ “ */
    [ND_QUOTE_GUILLEMET] = { "\xc2\xab", "\xc2\xbb" },         /* « » */
};

const char *nd_quote_mark(int kind, int closing)
{
    return kind > 0 && kind < ND_QUOTE_KINDS ? quote_pair[kind][closing != 0] : "";
}

unsigned nd_quote_marks(const char *text, size_t b, size_t e)
{
    const unsigned char *s = (const unsigned char *)text;
    unsigned char open[8];   /* the kinds of the quotes open, innermost last ('"can watch a new "Batman" film"') */
    size_t depth = 0;
    unsigned r = 0;
    int seen = 0;   /* a mark seen: a close after it is not the close of a quote opened before the span */
    /* the next '"' and the next lead byte of “ ” „ (E2) and « » (C2), by memchr: most bytes are none of them */
    const unsigned char *nq = s + b, *nw = s + b, *nl = s + b, *end = s + e;
    for (size_t i = b; i < e; i++) {
        if (nq && nq < s + i) nq = memchr(s + i, '"', (size_t)(end - (s + i)));
        if (nw && nw < s + i) nw = memchr(s + i, 0xE2, (size_t)(end - (s + i)));
        if (nl && nl < s + i) nl = memchr(s + i, 0xC2, (size_t)(end - (s + i)));
        const unsigned char *next = end;
        if (nq && nq < next) next = nq;
        if (nw && nw < next) next = nw;
        if (nl && nl < next) next = nl;
        if (next == end) break;
        i = (size_t)(next - s);
        int kind, opener;
        size_t l = 1;
        unsigned char p = i > b ? s[i - 1] : ' ';
        /* after a word or what ends one a mark closes; after a space, a bracket, a dash, '>' (a reply's quote) it opens */
        int after_word = p >= 0x80 ? !(p == 0xA0 && i >= b + 2 && s[i - 2] == 0xC2) &&                 /* no-break space */
                                         !((p == 0x93 || p == 0x94) && i >= b + 3 && s[i - 3] == 0xE2 && s[i - 2] == 0x80)
                                   : isalnum(p) || (p && strchr(".,!?;:'%)]*", p));
        int after_space = !after_word;
        int top = depth ? open[depth - 1] : 0;
        if (s[i] == '"') {
            if (isdigit(p) && top != ND_QUOTE_STRAIGHT) continue;   /* inches: a 12" single */
            kind = ND_QUOTE_STRAIGHT, opener = after_space;
            /* one standing alone (", " said") closes a quote open */
            if (opener && top == ND_QUOTE_STRAIGHT && (i + 1 == e || is_space(s[i + 1]))) opener = 0;
        } else if (s[i] == 0xE2 && i + 2 < e && s[i + 1] == 0x80 && s[i + 2] >= 0x9C && s[i + 2] <= 0x9E) {
            l = 3;   /* “ closes a „, and after a word a quote opened before the span */
            if (s[i + 2] == 0x9E) kind = ND_QUOTE_LOW, opener = 1;
            else if (s[i + 2] == 0x9D) kind = ND_QUOTE_CURLY, opener = 0;
            else if (top == ND_QUOTE_LOW || (!depth && !after_space)) kind = ND_QUOTE_LOW, opener = 0;
            else kind = ND_QUOTE_CURLY, opener = 1;
        } else if (s[i] == 0xC2 && i + 1 < e && (s[i + 1] == 0xAB || s[i + 1] == 0xBB)) {
            l = 2;
            kind = ND_QUOTE_GUILLEMET, opener = s[i + 1] == 0xAB;
        } else continue;
        i += l - 1;
        if (opener) {
            /* a straight quote opened in one: the next paragraph of the quotation, flattened */
            if (depth < sizeof open && !(kind == ND_QUOTE_STRAIGHT && top == kind)) open[depth++] = (unsigned char)kind;
        } else if (depth) depth--;
        else if (!seen) r |= ND_QUOTE_CLOSES | (unsigned)kind << 8;   /* the span starts inside a quote */
        seen = 1;
    }
    if (seen) r |= ND_QUOTE_MARKS;
    return depth ? r | ND_QUOTE_OPENS | (unsigned)open[depth - 1] << 4 : r;
}

/*
 * A full stop with no space after it that still ends a sentence, as
 * scraped text glues them: "the leadership style.The employee ...". After
 * two letters, the last a lower-case one (not "U.S.The", "e.g.The"), and
 * before a word in sentence case that usually starts a sentence or, in a
 * language with a stop-word list, a function word ("Straße.Die").
 */
static int glued_end(const unsigned char *s, size_t b, size_t i, size_t j, size_t end, const nd_language *lang)
{
    if (j != i + 1 || s[i] != '.' || i < b + 2 || !islower(s[i - 1]) || !(isalpha(s[i - 2]) || s[i - 2] >= 0x80) ||
        !isupper(s[j]))
        return 0;
    /* a word in its sentence case ("The", "I'm"), not a ticker's or a shout's ("RCIb.TO:", "ago.AN-TI-CI-PA") */
    if (j + 1 < end && !islower(s[j + 1]) && (s[j] != 'I' || isalpha(s[j + 1]))) return 0;
    return next_is_starter(s, j, end) || next_is_function_word(s, j, end, lang) == 1;
}

static void split_line(const unsigned char *s, size_t b, size_t end, const nd_language *lang, nd_spans *out)
{
    size_t start = b;
    for (size_t i = b; i < end; i++) {
        unsigned char c = s[i];
        if (!may_end[c]) continue;
        size_t tl = 0;
        if (c == '.' || c == '!' || c == '?') tl = 1;
        else if (c == 0xE2 && i + 2 < end && s[i + 1] == 0x80 && s[i + 2] == 0xA6) tl = 3; /* … */
        else if (wide_end(s, i, end)) {
            size_t j = wide_sentence_end(s, i, end);
            if (j == i) continue;
            push(out, s, start, j);
            while (wide_space(s, j, end)) j += 3;
            start = j;
            i = j - 1;
            continue;
        } else tl = script_end(s, i, end);
        if (!tl) continue;
        size_t j = i + tl;
        /* more terminators (?!, ...) and closing quotes/brackets, French's » after its space too ("Jamais. »") */
        for (;;) {
            if (j < end && (s[j] == '.' || s[j] == '!' || s[j] == '?')) { j++; continue; }
            size_t cl = j < end ? closer_len(s, j, end) : 0;
            if (cl) { j += cl; continue; }
            size_t sp = j < end && s[j] == ' ' ? 1 : j + 1 < end && s[j] == 0xC2 && s[j + 1] == 0xA0 ? 2
                      : j + 2 < end && s[j] == 0xE2 && s[j + 1] == 0x80 && s[j + 2] == 0xAF ? 3 : 0;
            if (sp && j + sp + 1 < end && s[j + sp] == 0xC2 && s[j + sp + 1] == 0xBB) { j += sp + 2; continue; }
            break;
        }
        if (j < end && !gap_len(s, j, end)) {   /* 3.5, U.S., e-mail.com */
            if (glued_end(s, b, i, j, end, lang)) {
                push(out, s, start, j);
                start = j;
            }
            i = j - 1;
            continue;
        }
        size_t k = j, g;
        while (k < end && (g = gap_len(s, k, end))) k += g;
        if (k >= end) break;                      /* the line end closes it anyway */
        if (!starts_sentence(s, k, end)) { i = j - 1; continue; }
        if (c == '.' && j == i + 1 && !period_ends(s, b, i, k, end, lang)) { i = j - 1; continue; }
        push(out, s, start, j);
        start = k;
        i = k - 1;
    }
    push(out, s, start, end);
}

void nd_sentences(const char *text, size_t len, nd_spans *out)
{
    nd_sentences_lang(text, len, NULL, out);
}

void nd_sentences_lang(const char *text, size_t len, const nd_language *lang, nd_spans *out)
{
    const unsigned char *s = (const unsigned char *)text;
    out->n = 0;
    size_t b = 0;
    while (b < len) {
        const unsigned char *nl = memchr(s + b, '\n', len - b);
        size_t e = nl ? (size_t)(nl - s) : len;
        while (wide_space(s, b, e)) b += 3;   /* a Chinese paragraph's indent */
        split_line(s, b, e, lang, out);
        b = e + 1;
    }
}

/*-----   datelines   -----*/

/* Does a place's word start at byte c: an ASCII capital, or the lead byte of a Latin one (É, Ö)? */
static int place_capital(unsigned char c)
{
    return isupper(c) || (c >= 0xC3 && c < 0xE0);
}

/* A dash after a dateline ("--", "-", en or em dash) at s[i], and the spaces after it: the end, or i when none. */
static size_t after_dash(const char *s, size_t n, size_t i)
{
    size_t d = i;
    int wide = 0;
    if (d + 1 < n && s[d] == '-' && s[d + 1] == '-') d += 2;
    else if (d < n && s[d] == '-') d++;
    else if (d + 2 < n && (unsigned char)s[d] == 0xE2 && (unsigned char)s[d + 1] == 0x80 &&
             ((unsigned char)s[d + 2] == 0x93 || (unsigned char)s[d + 2] == 0x94)) d += 3, wide = 1;
    else return i;
    if (wide && d < n && place_capital((unsigned char)s[d])) return d;   /* "NEW YORK—Stocks fell" */
    if (d < n && !is_space((unsigned char)s[d])) return i;   /* "-based", a hyphenated word */
    while (d < n && is_space((unsigned char)s[d])) d++;
    return d;
}

/*
 * A place before a dateline: words that start with a capital (letters, '.',
 * '\'', '-' and digits after the first word: "NEW YORK, Jan 5"; a month of
 * three or four letters in lower case after a day: "MADRID, 3 abr", "PARIS, 7 déc"), separated by
 * spaces or ", ", at most 48 bytes. Returns its end (0: none); *caps says
 * whether its first word is in capitals throughout.
 */
static size_t place_end(const char *s, size_t n, int *caps)
{
    size_t i = 0, end = 0;
    int words = 0, number = 0;
    *caps = 1;
    while (i < n && i <= 48) {
        unsigned char c = (unsigned char)s[i];
        size_t lw = 0, lc = 0;   /* a month in lower case after the day: "MADRID, 3 abr (EFE).-", "PARIS, 7 déc 2026" */
        while (number && i + lw < n && (islower((unsigned char)s[i + lw]) || (unsigned char)s[i + lw] >= 0x80) &&
               (unsigned char)s[i + lw] != 0xE2)
            lc += ((unsigned char)s[i + lw++] & 0xC0) != 0x80;
        if (!(place_capital(c) || (words > 0 && isdigit(c)) || (lc >= 3 && lc <= 4 && (i + lw == n || s[i + lw] == ' '))))
            break;
        number = isdigit(c);
        size_t b = i;
        while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '.' || s[i] == '\'' || s[i] == '-' ||
                         ((unsigned char)s[i] >= 0x80 && (unsigned char)s[i] != 0xE2))) {   /* not a dash */
            if (words == 0 && islower((unsigned char)s[i])) *caps = 0;
            i++;
        }
        if (words == 0 && i - b < 2) *caps = 0;
        words++;
        end = i;
        if (i < n && s[i] == ',') i++;
        if (i < n && s[i] == ' ') i++;
        else break;
    }
    return words && end <= 48 ? end : 0;
}

/*
 * A dateline of a place in mixed case, as German and Austrian papers write
 * them ("Wien – Die", "Wien/Brüssel – Der", "Tel Aviv – Am"): the place
 * (p: its end) of three words at most, the first no function word ("Die
 * Regierung – so"), then a spaced en or em dash and a capital. Its end, or 0.
 */
static size_t mixed_dateline(const char *s, size_t n, size_t p)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t w = 0, spaces = 0;
    while (w < p && u[w] != ' ' && u[w] != ',') w++;
    if (nd_stop_mask(s, w)) return 0;
    for (size_t k = 0; k < p; k++) spaces += u[k] == ' ';
    while (p + 1 < n && u[p] == '/' && place_capital(u[p + 1])) {   /* Wien/Linz */
        int caps;
        size_t q = place_end(s + p + 1, n - p - 1, &caps);
        if (!q) return 0;
        p += 1 + q;
    }
    if (spaces > 2 || p + 5 >= n || u[p] != ' ' || u[p + 1] != 0xE2 || u[p + 2] != 0x80 ||
        (u[p + 3] != 0x93 && u[p + 3] != 0x94))
        return 0;
    size_t d = after_dash(s, n, p + 1);
    return d > p + 1 && d < n && place_capital(u[d]) ? d : 0;
}

size_t nd_dateline(const char *s, size_t n)
{
    /* "By MICHAEL LIEDTKE     SAN FRANCISCO (AP) --": a wire's byline in capitals, two spaces or more, the dateline */
    if (n > 8 && s[0] == 'B' && s[1] == 'y' && s[2] == ' ' && isupper((unsigned char)s[3])) {
        size_t j = 3;
        while (j < n && j < 48 && (isupper((unsigned char)s[j]) || s[j] == '.' || s[j] == '\'' || s[j] == '-' ||
                                   (s[j] == ' ' && j + 1 < n && s[j + 1] != ' ')))
            j++;
        if (j + 1 < n && s[j] == ' ' && s[j + 1] == ' ') {
            while (j < n && s[j] == ' ') j++;
            size_t d = nd_dateline(s + j, n - j);
            return d ? j + d : 0;
        }
        return 0;
    }
    int caps;
    size_t p = place_end(s, n, &caps), i = p;
    while (p && i + 1 < n && s[i] == '/' && place_capital((unsigned char)s[i + 1])) {   /* "Berlin/Hamburg (dpa)" */
        int c2;
        size_t q = place_end(s + i + 1, n - i - 1, &c2);
        if (!q) break;
        i = p = i + 1 + q;
    }
    while (i < n && s[i] == ' ') i++;
    if (i < n && s[i] == '(') {   /* an agency: "(CNN)", "(The Hollywood Reporter)", "Hamburg (dpa/lno)" */
        static const char *const lower[] = { "dpa", "epd", "kna", "sid", "sda", "ddp", "dapd", "apa", "afp", "ots", NULL };
        size_t j = i + 1, w = j;
        while (w < n && islower((unsigned char)s[w])) w++;
        if (j >= n || !(isupper((unsigned char)s[j]) || (p && w < n && (s[w] == ')' || s[w] == '/' || s[w] == '-') &&
                                                          nd_word_in(lower, s + j, w - j))))
            return 0;
        while (j < n && j - i <= 40 && (isalnum((unsigned char)s[j]) || s[j] == ' ' || s[j] == '.' || s[j] == '&' ||
                                        s[j] == '-' || s[j] == '\'' || s[j] == '/'))
            j++;
        if (j >= n || s[j] != ')' || j + 1 >= n) return 0;
        j++;
        size_t k = j;
        while (k < n && is_space((unsigned char)s[k])) k++;
        if (k == j && k + 1 < n && s[k] == '.' && after_dash(s, n, k + 1) > k + 1) k++;   /* "MADRID (EFE).- El" */
        size_t d = after_dash(s, n, k);
        if (d > k) return d < n ? d : 0;
        if (k == j) return j;                                    /* glued: "(CNN)French striker" */
        /* "(CNN) A court", "New Delhi, Mar 3 (PTI) Rail fares" (a place and a date), not "Apple (AAPL) shares" */
        const char *comma = memchr(s, ',', p);
        int dated = 0;
        for (const char *q = comma; q && q < s + p; q++) dated |= isdigit((unsigned char)*q);
        return (p == 0 || dated) && isupper((unsigned char)s[k]) ? k : 0;
    }
    if (!p) return 0;
    /* "NEW DELHI: The government": a place in capitals, a colon; not a label ("HEADLINE:", "UPDATE:") */
    if (caps && p + 2 < n && s[p] == ':' && s[p + 1] == ' ' && isupper((unsigned char)s[p + 2])) {
        static const char *const labels[] = { "headline", "dateline", "body", "byline", "source", "update", "updated",
                                              "breaking", "warning", "watch", "listen", "exclusive", "analysis",
                                              "opinion", "editorial", "comment", "note", "editor's note", "item",
                                              "photo", "video", "correction", "disclaimer", "advertisement",
                                              "sponsored", "live", "summary", "subject", "re", "from", "to", "date",
                                              "title", "author", "section", "length", NULL };
        size_t q = 0;
        while (q < p && !islower((unsigned char)s[q])) q++;
        return q == p && !nd_word_in(labels, s, p) ? p + 2 : 0;
    }
    if (!caps) return mixed_dateline(s, n, p);   /* "Wien – Die" */
    /* "WASHINGTON --": a place in capitals before a dash */
    size_t d = after_dash(s, n, i);
    if (d > i) return d < n ? d : 0;
    /* "SPRINGFIELD, Ill. Philip Morris": a town in capitals and its state's abbreviation, the dash lost */
    for (size_t w = 2; w < p; w++) {
        if (s[w - 1] != ' ' || s[w - 2] != ',' || !isupper((unsigned char)s[w])) continue;
        size_t e = w;
        while (e < p && isalpha((unsigned char)s[e])) e++;
        if (e + 2 < p && s[e] == '.' && s[e + 1] == ' ' && nd_word_in(state_abbrev, s + w, e - w)) return e + 2;
    }
    return 0;
}

size_t nd_dateline_place(const char *s, size_t n, size_t *from)
{
    size_t d = nd_dateline(s, n), b = 0;
    *from = 0;
    if (!d) return 0;
    if (s[0] == 'B' && s[1] == 'y' && s[2] == ' ') {   /* a wire's byline before it, up to two spaces */
        while (b + 1 < d && !(s[b] == ' ' && s[b + 1] == ' ')) b++;
        while (b < d && s[b] == ' ') b++;
    }
    size_t e = b;   /* the place ends at its date, agency or dash: ",", "(", ":", " -", "--", an en or em dash */
    while (e < d && s[e] != ',' && s[e] != '(' && s[e] != ':' && (unsigned char)s[e] != 0xE2 &&
           !(s[e] == '-' && ((e > 0 && (s[e - 1] == ' ' || s[e - 1] == '-')) || (e + 1 < d && s[e + 1] == '-'))))
        e++;
    while (e > b && s[e - 1] == ' ') e--;
    *from = b;
    return e - b;
}

