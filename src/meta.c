/*
 * meta.c -- a line's meta: the dates alone on their line in the languages of
 * the stop-word lists, bylines and their dates, signatures ("di Giulia
 * Ferri", "Door Jan de Vries"), a byline's role, an author's bio, contact
 * lines, a live blog's time stamps, a caption's note that it only
 * illustrates. The clutter rules read some on every line (clean.c), the
 * story's passes the others on the blocks it kept (story.c).
 */
#define _GNU_SOURCE   /* memmem */
#include "lines.h"

#include <ctype.h>   /* isdigit, isalpha, isupper, tolower */
#include <stdlib.h>  /* atoi */
#include <utf8proc.h> /* utf8proc_iterate, utf8proc_category */

/*
 * The words of a date alone on its line: English's names of days, months and
 * zones and the words around them, then the other languages'. A word's
 * kinds are looked up in one table (word_kind).
 */
static const char *const date_names[] = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                          "january", "february", "march", "april", "may", "june", "july", "august",
                                          "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                                          "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed",
                                          "thu", "fri", "sat", "sun", "am", "pm", "gmt", "utc", "bst", "cet", "cest",
                                          "est", "edt", "pst", "pdt", "ist", "eat", "wat", "cat", "sast", "jst", "kst",
                                          "hkt", "sgt", "aest", "aedt", "nzst", "nzdt", "et", "ct", "pt", "cst", "cdt", "mst",
                                          "mdt", "msk", "ago", "yesterday", "today", NULL };
/* German, French, Spanish, Italian, Dutch, Portuguese, then the other languages of models/stopwords (what English has not) */
static const char *const date_other[] = { "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend",
                                          "sonntag", "januar", "j\xC3\xA4nner", "februar", "m\xC3\xA4rz", "mai", "juni",
                                          "juli", "oktober", "dezember", "okt", "dez", "uhr", "lundi", "mardi", "mercredi",
                                          "jeudi", "vendredi", "samedi", "dimanche", "janvier", "f\xC3\xA9vrier", "mars",
                                          "avril", "juin", "juillet", "ao\xC3\xBBt", "septembre", "octobre", "novembre",
                                          "d\xC3\xA9" "cembre", "lunes", "martes", "mi\xC3\xA9rcoles", "jueves", "viernes",
                                          "s\xC3\xA1" "bado", "domingo", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
                                          "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
                                          "luned\xC3\xAC", "marted\xC3\xAC", "mercoled\xC3\xAC", "gioved\xC3\xAC",
                                          "venerd\xC3\xAC", "sabato", "domenica", "gennaio", "febbraio", "aprile", "maggio",
                                          "giugno", "luglio", "settembre", "ottobre", "dicembre", "maandag", "dinsdag",
                                          "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "januari", "februari",
                                          "maart", "mei", "augustus", "janeiro", "fevereiro", "mar\xC3\xA7o", "maio", "junho",
                                          "julho", "setembro", "outubro", "dezembro", "heute", "gestern", "hier",
                                          /* months cut short: Spanish, French, Italian, Portuguese, Dutch */
                                          "ene", "abr", "dic", "janv", "f\xC3\xA9vr", "avr", "juil", "d\xC3\xA9" "c", "gen",
                                          "giu", "lug", "ott", "fev", "mrt",
                                          "hoy", "ayer", "oggi", "ieri", "vandaag", "gisteren", "hoje", "ontem",
                                          "vor", "hace", "h\xC3\xA1", "temu", "sedan", "siden",   /* "vor 2 Stunden", "2 godziny temu", "há 2 horas" */
                                          "\xD0\xBD\xD0\xB0\xD0\xB7\xD0\xB0\xD0\xB4",   /* назад */
                                          /* Polish, Swedish, Danish and Norwegian, Finnish, Russian */
                                          "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca",
                                          "sierpnia", "wrze\xC5\x9Bnia", "pa\xC5\xBA" "dziernika", "listopada",
                                          "grudnia", "stycze\xC5\x84", "luty", "marzec", "kwiecie\xC5\x84", "maj",
                                          "czerwiec", "lipiec", "sierpie\xC5\x84", "wrzesie\xC5\x84", "pa\xC5\xBA"
                                          "dziernik", "listopad", "grudzie\xC5\x84", "poniedzia\xC5\x82" "ek",
                                          "wtorek", "\xC5\x9Broda", "\xC5\x9Aroda", "czwartek", "pi\xC4\x85tek",
                                          "sobota", "niedziela", "dzisiaj", "wczoraj", "augusti", "m\xC3\xA5ndag",
                                          "tisdag", "onsdag", "torsdag", "fredag", "l\xC3\xB6rdag", "s\xC3\xB6ndag",
                                          "idag", "ig\xC3\xA5r", "marts", "desember", "mandag", "tirsdag",
                                          "l\xC3\xB8rdag", "s\xC3\xB8ndag", "tammikuuta", "helmikuuta", "maaliskuuta",
                                          "huhtikuuta", "toukokuuta", "kes\xC3\xA4kuuta", "hein\xC3\xA4kuuta",
                                          "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta",
                                          "maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai",
                                          "sunnuntai", "t\xC3\xA4n\xC3\xA4\xC3\xA4n", "eilen",
                                          /* января ... декабря, понедельник ... воскресенье, сегодня, вчера */
                                          "\xD1\x8F\xD0\xBD\xD0\xB2\xD0\xB0\xD1\x80\xD1\x8F",
                                          "\xD1\x84\xD0\xB5\xD0\xB2\xD1\x80\xD0\xB0\xD0\xBB\xD1\x8F",
                                          "\xD0\xBC\xD0\xB0\xD1\x80\xD1\x82\xD0\xB0",
                                          "\xD0\xB0\xD0\xBF\xD1\x80\xD0\xB5\xD0\xBB\xD1\x8F",
                                          "\xD0\xBC\xD0\xB0\xD1\x8F", "\xD0\xB8\xD1\x8E\xD0\xBD\xD1\x8F",
                                          "\xD0\xB8\xD1\x8E\xD0\xBB\xD1\x8F",
                                          "\xD0\xB0\xD0\xB2\xD0\xB3\xD1\x83\xD1\x81\xD1\x82\xD0\xB0",
                                          "\xD1\x81\xD0\xB5\xD0\xBD\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F",
                                          "\xD0\xBE\xD0\xBA\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F",
                                          "\xD0\xBD\xD0\xBE\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F",
                                          "\xD0\xB4\xD0\xB5\xD0\xBA\xD0\xB0\xD0\xB1\xD1\x80\xD1\x8F",
                                          "\xD0\xBF\xD0\xBE\xD0\xBD\xD0\xB5\xD0\xB4\xD0\xB5\xD0\xBB\xD1\x8C\xD0\xBD\xD0\xB8\xD0\xBA",
                                          "\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80\xD0\xBD\xD0\xB8\xD0\xBA",
                                          "\xD1\x81\xD1\x80\xD0\xB5\xD0\xB4\xD0\xB0",
                                          "\xD1\x87\xD0\xB5\xD1\x82\xD0\xB2\xD0\xB5\xD1\x80\xD0\xB3",
                                          "\xD0\xBF\xD1\x8F\xD1\x82\xD0\xBD\xD0\xB8\xD1\x86\xD0\xB0",
                                          "\xD1\x81\xD1\x83\xD0\xB1\xD0\xB1\xD0\xBE\xD1\x82\xD0\xB0",
                                          "\xD0\xB2\xD0\xBE\xD1\x81\xD0\xBA\xD1\x80\xD0\xB5\xD1\x81\xD0\xB5\xD0\xBD\xD1\x8C\xD0\xB5",
                                          "\xD1\x81\xD0\xB5\xD0\xB3\xD0\xBE\xD0\xB4\xD0\xBD\xD1\x8F",
                                          "\xD0\xB2\xD1\x87\xD0\xB5\xD1\x80\xD0\xB0", NULL };
static const char *const date_verbs[] = { "updated", "published", "posted", "last", "modified", "on", "at", "seconds",
                                          "minute", "minutes", "min", "mins", "hour", "hours", "hrs", "day", "days", "week",
                                          "weeks", "read", "a", "p", "m", NULL };   /* "5 min read", "6:02 a.m." */
static const char *const date_other_verbs[] = {   /* "Sábado 23 de abril del 2022", "le 3 mars 2021 à 18h30", "vor 2 Stunden" */
                                                "aktualisiert", "ver\xC3\xB6" "ffentlicht", "vom", "um", "stunden",
                                                "minuten", "tagen", "publi\xC3\xA9", "mis", "jour", "le", "\xC3\xA0", "il", "y",
                                                "heures", "publicado", "actualizado", "de", "del", "el", "horas", "minutos",
                                                "pubblicato", "aggiornato", "alle", "ore", "gepubliceerd", "bijgewerkt", "op", "om",
                                                "uur", "atualizado", "feira", "das", "\xC3\xA0s",
                                                "opublikowano", "aktualizacja", "godz", "godziny", "godzin", "minut",
                                                "minuty", "publicerad", "uppdaterad", "kl", "timmar", "minuter",
                                                "publiceret", "opdateret", "publisert", "oppdatert", "timer", "minutter",
                                                "julkaistu", "p\xC3\xA4ivitetty", "klo",
                                                /* опубликовано, обновлено, часа, часов, минут, минуты, г. (the year's) */
                                                "\xD0\xBE\xD0\xBF\xD1\x83\xD0\xB1\xD0\xBB\xD0\xB8\xD0\xBA\xD0\xBE\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xBE",
                                                "\xD0\xBE\xD0\xB1\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xBB\xD0\xB5\xD0\xBD\xD0\xBE",
                                                "\xD1\x87\xD0\xB0\xD1\x81\xD0\xB0", "\xD1\x87\xD0\xB0\xD1\x81\xD0\xBE\xD0\xB2",
                                                "\xD0\xBC\xD0\xB8\xD0\xBD\xD1\x83\xD1\x82",
                                                "\xD0\xBC\xD0\xB8\xD0\xBD\xD1\x83\xD1\x82\xD1\x8B", "\xD0\xB3", NULL };
enum { DATE_NAME = 1, DATE_VERB = 2, DATE_OTHER_NAME = 4, DATE_OTHER_VERB = 8 };

/* Tables of words (lower case) to their kinds, bits: a list's words get its bit, a word in two lists both. */
static nd_strmap date_kinds;

void nd_meta_index(void)
{
    const char *const *dates[] = { date_names, date_verbs, date_other, date_other_verbs };
    const uint32_t date_bits[] = { DATE_NAME, DATE_VERB, DATE_OTHER_NAME, DATE_OTHER_VERB };
    nd_index_word_lists(&date_kinds, dates, date_bits, 4);
}
void nd_index_word_lists(nd_strmap *m, const char *const *const *lists, const uint32_t *bits, size_t n)
{
    nd_strmap_init(m);
    for (size_t k = 0; k < n; k++)
        for (const char *const *w = lists[k]; *w; w++) {
            size_t e = nd_strmap_put(m, *w, strlen(*w), 0, NULL);
            m->values[e] |= bits[k];
        }
}
/* The kinds of the word s[0..n) in table m, its ASCII letters folded; 0 when it has none. */
uint32_t nd_word_kind(const nd_strmap *m, const char *s, size_t n)
{
    char w[24];
    if (n == 0 || n > sizeof(w)) return 0;
    for (size_t k = 0; k < n; k++) w[k] = (char)tolower((unsigned char)s[k]);
    long e = nd_strmap_find(m, w, n);
    return e < 0 ? 0 : m->values[e];
}
/* "Monday, 4 November 2024", "Nov. 4, 2024 10:30 am", "Updated 10:30 GMT", "2 hours ago": a date alone on its line. */
int nd_looks_like_date(const char *s, size_t n, int all)
{
    if (n > 48) return 0;
    size_t i = 0, named = 0;
    while (i < n) {
        while (i < n && (is_ws((unsigned char)s[i]) || s[i] == ',' || s[i] == '.' || s[i] == '|' || s[i] == '-' ||
                         s[i] == '/' || s[i] == ':'))
            i++;
        if ((all & ND_DATE_DASHES) && i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94)) {   /* "7 December 2026 – 10:42" */
            i += 3;
            continue;
        }
        if (i >= n) break;
        size_t b = i;
        if (isdigit((unsigned char)s[i])) {
            while (i < n && isdigit((unsigned char)s[i])) i++;
            if (i + 1 < n && s[i] == ':' && isdigit((unsigned char)s[i + 1])) named++;   /* a time, 10:30 */
            while (i < n && (isdigit((unsigned char)s[i]) || s[i] == ':')) i++;
            if (i < n && isalpha((unsigned char)s[i])) i += i + 1 < n && isalpha((unsigned char)s[i + 1]) ? 2 : 1;  /* 4th, 1st */
            continue;
        }
        while (i < n && (isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)) i++;   /* "März", "août" */
        uint32_t kind = nd_word_kind(&date_kinds, s + b, i - b) & (all ? ~0u : DATE_NAME | DATE_VERB);
        if (!kind) return 0;
        named += (kind & (DATE_NAME | DATE_OTHER_NAME)) != 0;
    }
    return named > 0;
}
/* A capital at s[k]: ASCII's, or any script's in UTF-8 ("Élodie", "Łukasz", "Иван"). */
static int name_capital(const char *s, size_t k, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (k >= n || u[k] < 0x80) return k < n && isupper(u[k]);
    utf8proc_int32_t cp;
    if (utf8proc_iterate(u + k, (utf8proc_ssize_t)(n - k), &cp) <= 0) return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}
/*
 * "By Jane Doe", "By Jane Doe and John Roe, Reuters": short, starts with By +
 * capitalised name. In other languages ("Par Marie Le Goff | Publié le ...",
 * "Por Juan Pérez", "Door Jan Smit") the name's second word is capitalised
 * too and the line ends in no full stop, as a sentence does.
 */
int nd_looks_like_byline(const char *s, size_t n)
{
    /* not German's "Von": its headings say "Von Wiener Walzer und Mozartkugeln", nouns capitalised */
    static const char *const openers[] = { "par ", "por ", "door ", "av ", "af ", NULL };
    if (n > 90 || n < 5) return 0;
    char c0 = (char)(s[0] | 0x20);
    if (c0 != 'b' && c0 != 'p' && c0 != 'd' && c0 != 'a') return 0;
    size_t k = 0;
    if (!nd_ascii_prefix(s, n, "by ")) {
        for (size_t j = 0; openers[j] && !k; j++)
            if (nd_ascii_prefix(s, n, openers[j])) k = strlen(openers[j]);
        if (!k || s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' || !name_capital(s, k, n)) return 0;
        size_t w = k;
        while (w < n && s[w] != ' ') w++;
        if (w + 1 >= n || !name_capital(s, w + 1, n)) return 0;
    } else if (!isupper((unsigned char)s[3])) {
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        if (s[i] == '.' && i + 1 < n && s[i + 1] == ' ') return 0;   /* a sentence, not a byline */
    return 1;
}
/* A separator between a byline's parts: " · ", " | ", " • ", " - ", " – ". Its length at s[i], or 0. */
static size_t byline_separator(const char *s, size_t n, size_t i)
{
    const unsigned char *u = (const unsigned char *)s;
    if (i == 0 || u[i - 1] != ' ') return 0;
    size_t l = u[i] == '|' || u[i] == '-' ? 1 : i + 1 < n && u[i] == 0xC2 && u[i + 1] == 0xB7 ? 2
               : i + 2 < n && u[i] == 0xE2 && u[i + 1] == 0x80 && (u[i + 2] == 0xA2 || u[i + 2] == 0x93) ? 3 : 0;
    return l && i + l < n && u[i + l] == ' ' ? l : 0;
}
/*
 * A byline and its dates on one line, in any of the languages of the
 * dates: "Par Claire Martin · Publié le 4 mars 2024 à 18h30 · Mis à jour le
 * 5 mars 2024 à 09h12", "Von Anna Berger | 04.03.2024, 18:30 Uhr" (German's
 * "Von" is a byline's only before a date: its headings open with it), or
 * the date first and names after it ("24. März 2004, 19:49 | Jane Roe"), or
 * a place or a name and dates after it ("Madrid | 5 de diciembre de 2026 -
 * 09:30"; not after a dash, as a list of events has them: "Aug 28 - Galileo
 * Flyby"). Read
 * on the blocks a page's story kept (story.c): as a line rule it moved the
 * block model's verdicts on the blocks around it (a subheading under "von
 * David · 18. Oktober 2019" went), and held-out HTML F1 fell 0.9374 -> 0.9363.
 */
static nd_meta signature(const char *s, size_t n);

/* Is every part of s[b..n) between byline separators 'what': 0 a date, 1 a date or a name? */
static int parts_are(const char *s, size_t n, size_t b, int what)
{
    while (b < n) {
        size_t t = b, l = 0;
        while (t < n && !(l = byline_separator(s, n, t))) t++;
        size_t te = t < n ? t - 1 : n;
        if (te <= b || !(what ? nd_is_byline_more(s + b, te - b) : nd_looks_like_date(s + b, te - b, 1))) return 0;
        b = t < n ? t + l + 1 : n;
    }
    return 1;
}
int nd_line_is_dated_byline(const char *s, size_t n)
{
    static const char *const openers[] = { "by ", "par ", "por ", "door ", "av ", "af ", "von ", "di ", NULL };
    if (n > 200 || n < 8) return 0;
    size_t k = 0, cut = 0, l = 0;
    while (openers[k] && !nd_ascii_prefix(s, n, openers[k])) k++;
    if (!openers[k] && !memchr(s, '|', n) && !memchr(s, 0xC2, n) && !memchr(s, 0xE2, n))
        return 0;   /* most blocks: no byline's opener, no " | ", " · " or " • " */
    while (cut < n && !(l = byline_separator(s, n, cut))) cut++;
    if (cut == n) return 0;
    if (!openers[k]) {   /* the date first, then names and dates: "24. März 2004, 19:49 | Jane Roe"; a place or a
                            name first, then dates: "Madrid | 5 de diciembre de 2026 - 09:30"; not after a dash */
        if (s[cut] == '-' || (l == 3 && (unsigned char)s[cut + 2] == 0x93)) return 0;
        if (nd_looks_like_date(s, cut - 1, 1)) return parts_are(s, n, cut + l + 1, 1);
        return nd_is_byline_more(s, cut - 1) && parts_are(s, n, cut + l + 1, 0);
    }
    size_t e = cut - 1;   /* the name part, its space trimmed */
    if (!nd_looks_like_byline(s, e) && signature(s, e) != ND_META_SIGNED) {   /* "di Marco Bianchi" */
        if (!nd_ascii_prefix(s, e, "von ") || e < 6 || !isupper((unsigned char)s[4]) || memchr(s, '.', e)) return 0;
        for (size_t i = 4, words = 0; i < e; i++)   /* two to four capitalised words */
            if (s[i - 1] == ' ' && (!isupper((unsigned char)s[i]) || ++words > 3)) return 0;
    }
    return parts_are(s, n, cut + l + 1, 0);   /* every part after it a date */
}
/*
 * "Jane Doe is a reporter for ...", "The author is a professor of ...": an
 * author bio. With 'bare', also as the other languages write one, and
 * English without its article ("Clark Boyd is technology correspondent for
 * ..."): the role right after the verb ("Anna Berger ist freie Journalistin
 * in Wien", "Marie Dupont est journaliste au Monde", "Juan Pérez es
 * periodista"), looked for within the next 40 bytes only, as a German
 * sentence's nouns are capitalised and its last paragraph may name a
 * correspondent further on. Only a story's closing blocks are read so
 * (story.c): as a rule over every line of a page it changed what the block
 * model learned from.
 */
int nd_looks_like_bio(const char *s, size_t n, int bare)
{
    if (n > 600) return 0;
    if (nd_ascii_prefix(s, n, "the author is a") || nd_ascii_prefix(s, n, "the writer is a") ||
        nd_ascii_prefix(s, n, "the author was a") || nd_ascii_prefix(s, n, "the writer was a") ||
        nd_ascii_prefix(s, n, "der autor ist ") || nd_ascii_prefix(s, n, "die autorin ist ") ||
        nd_ascii_prefix(s, n, "l'auteur est ") || nd_ascii_prefix(s, n, "l\u2019auteur est ") ||
        nd_ascii_prefix(s, n, "l'autrice est ") || nd_ascii_prefix(s, n, "el autor es ") ||
        nd_ascii_prefix(s, n, "la autora es ") || nd_ascii_prefix(s, n, "l'autore \xc3\xa8 "))
        return 1;   /* "a" or "an"; "Der Autor ist ...", "L'auteur est ..." */
    static const char *const roles[] = { "journalist", "reporter", "correspondent", "writer", "editor", "columnist",
                                         "contributor", "freelance", "author of", "written about", "reported on",
                                         "covered", "founder", "consultant", "professor", "lecturer", "fellow at",
                                         "blogger", NULL };
    static const char *const bare_verbs[] = { "ist ", "est ", "es ", "\xc3\xa8 ", "is ", NULL };
    static const char *const bare_roles[] = { "journalist", "redakteur", "korrespondent", "autor", "kolumnist", "reporter",
                                              "r\xc3\xa9" "dact", "correspondant", "chroniqueu", "periodista", "redactor",
                                              "corresponsal", "columnista", "giornalista", "redatt", "corrispondente",
                                              "verslaggever", "redacteur", "correspondent", NULL };
    /* two or three capitalised words ("de", "van", "von", ... between them: "Jan de Vries"), then
       "is a"/"is an"/"is the"/"has been" (or a bare form's verb) */
    static const char *const particles[] = { "de", "van", "der", "den", "von", "da", "di", "du", "del", "dos", "la", "le",
                                             "ten", "ter", NULL };
    size_t i = 0, words = 0;
    while (i < n && words < 4) {
        if (!isupper((unsigned char)s[i])) break;
        while (i < n && !is_ws((unsigned char)s[i])) i++;
        while (i < n && is_ws((unsigned char)s[i])) i++;
        words++;
        size_t p = i;   /* "Jan de Vries", "Ludwig van der Berg", "Anna de la Cruz" */
        while (p < n && islower((unsigned char)s[p])) {
            size_t e = p;
            while (e < n && !is_ws((unsigned char)s[e])) e++;
            if (!nd_word_in(particles, s + p, e - p)) break;
            p = e;
            while (p < n && is_ws((unsigned char)s[p])) p++;
        }
        if (p > i && p < n && isupper((unsigned char)s[p])) i = p;
        int verb = nd_ascii_prefix(s + i, n - i, "is a ") || nd_ascii_prefix(s + i, n - i, "is an ") ||
                   nd_ascii_prefix(s + i, n - i, "is the ") || nd_ascii_prefix(s + i, n - i, "has been") ||
                   nd_ascii_prefix(s + i, n - i, "has written") || nd_ascii_prefix(s + i, n - i, "has reported") ||
                   nd_ascii_prefix(s + i, n - i, "has covered") || nd_ascii_prefix(s + i, n - i, "writes ") ||
                   nd_ascii_prefix(s + i, n - i, "covers ");
        if (verb && words >= 2) {
            /* "Jane Doe covers energy for the Post": the beat is the role */
            if ((nd_ascii_prefix(s + i, n - i, "covers ") || nd_ascii_prefix(s + i, n - i, "writes ")) &&
                nd_has_phrase(s + i, n - i, "for "))
                return 1;
            for (size_t k = 0; roles[k]; k++)
                for (size_t j = i; j + strlen(roles[k]) <= n; j++)
                    if (nd_ascii_prefix(s + j, n - j, roles[k])) return 1;
        }
        for (size_t v = 0; bare && words >= 2 && bare_verbs[v]; v++) {
            if (!nd_ascii_prefix(s + i, n - i, bare_verbs[v])) continue;
            size_t at = i + strlen(bare_verbs[v]), end = at + 40 < n ? at + 40 : n;
            for (size_t k = 0; bare_roles[k]; k++)
                for (size_t j = at; j + strlen(bare_roles[k]) <= end; j++)
                    if ((j == at || s[j - 1] == ' ') && nd_ascii_prefix(s + j, n - j, bare_roles[k])) return 1;
            return 0;
        }
        if (verb) return 0;
    }
    return 0;
}
/*
 * Under a "By ..." line, more of the byline: "and Priya Shah", "Washington
 * Bureau", "Alan Price and Sofia Marin" (four capitalised words at most,
 * "and" between them), a date.
 */
int nd_is_byline_more(const char *s, size_t n)
{
    if (!n) return 0;   /* " | 5 de diciembre de 2026": no name before the bar */
    if (nd_looks_like_date(s, n, 1)) return 1;
    if (n > 60 || s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?') return 0;
    if ((nd_ascii_prefix(s, n, "and ") || nd_ascii_prefix(s, n, "& ")) && n > 4) return 1;
    size_t words = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || s[i - 1] == ' ') {
            if (i > 0 && (nd_ascii_prefix(s + i, n - i, "and ") || nd_ascii_prefix(s + i, n - i, "& ")))
                continue;   /* "Alan Price and Sofia Marin" */
            if (!isupper((unsigned char)s[i])) return 0;
            words++;
        }
    return words <= 4;
}
int nd_line_is_date(const char *s, size_t n, int all)
{
    nd_lines_init();
    return nd_looks_like_date(s, n, all);
}
int nd_line_is_bio(const char *s, size_t n)
{
    return nd_looks_like_bio(s, n, 1);
}
/*
 * A contact line: a phone or fax label and a number alone ("Tel.: +49 (0)40
 * 30030-1000", "Fax: 0201.2402-403"), an e-mail label and an address alone
 * ("E-Mail: presse@example.org"; not "E-MAIL: Herzliche Einladung ...").
 */
int nd_line_is_contact(const char *s, size_t n)
{
    static const char *const phone[] = { "tel", "telefon", "telephone", "phone", "fax", "telefax", "mobil", "mobile",
                                         "handy", "t\xC3\xA9l", "t\xC3\xA9l\xC3\xA9phone", "tel\xC3\xA9" "fono",
                                         "tlf", "telf", NULL };
    static const char *const mail[] = { "e-mail", "email", "mail", "courriel", "correo", NULL };
    if (n > 80 || n < 8) return 0;
    size_t i = 0;
    while (i < n && (isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80 || (i > 0 && s[i] == '-'))) i++;
    if (nd_word_in(mail, s, i)) {   /* the label, a colon, one word with an '@' */
        while (i < n && (s[i] == ' ' || s[i] == '.')) i++;
        if (i == n || s[i] != ':') return 0;
        for (i++; i < n && s[i] == ' '; i++) {}
        return i < n && !memchr(s + i, ' ', n - i) && memchr(s + i, '@', n - i);
    }
    if (!nd_word_in(phone, s, i)) return 0;
    size_t digits = 0;
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isdigit(c)) digits++;
        else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x93) i += 2;   /* – */
        else if (!(c == ' ' || c == '.' || c == ':' || c == '+' || c == '(' || c == ')' || c == '-' || c == '/')) return 0;
    }
    return digits >= 6;
}
int nd_line_is_time(const char *s, size_t n)
{
    static const char *const marks[] = { "uhr", "h", "hrs", "am", "pm", "a.m.", "p.m.", "gmt", "bst", "utc", "cet",
                                         "cest", "mez", "mesz", "et", "est", "edt", "ct", "pt", "pst", "pdt", "ist",
                                         "horas", "hs", NULL };
    if (n < 4 || n > 24) return 0;
    size_t i = 0;
    while (i < n && i < 2 && isdigit((unsigned char)s[i])) i++;
    if (i == 0 || i + 3 > n || !(s[i] == ':' || s[i] == 'h' || s[i] == '.') || !isdigit((unsigned char)s[i + 1]) ||
        !isdigit((unsigned char)s[i + 2]))
        return 0;
    char sep = s[i];
    int hh = atoi(s), mm = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
    if (hh > 23 || mm > 59 || (sep == 'h' && i < 2)) return 0;   /* "57:33", a match's clock; "1h30", a duration */
    i += 3;
    if (i + 3 <= n && s[i] == ':' && isdigit((unsigned char)s[i + 1]) && isdigit((unsigned char)s[i + 2])) i += 3;
    int words = 0;
    for (;;) {   /* its marks: "Uhr", "PM ET"; "18.45" alone is a number */
        while (i < n && s[i] == ' ') i++;
        if (i == n) return sep != '.' || words;
        size_t e = i;
        while (e < n && s[e] != ' ') e++;
        if (!nd_word_in(marks, s + i, e - i) || ++words > 2) return 0;
        i = e;
    }
}
/*
 * A picture's credit alone under it: a stock library's name ("Shutterstock",
 * "Pixabay") or a picture agency's with its photographer ("picture
 * alliance | Andrew Milligan", "imago images / Sven Simon").
 */
static int picture_credit(const char *s, size_t n)
{
    static const char *const libraries[] = { "shutterstock", "istock", "istockphoto", "getty", "getty images", "alamy",
                                             "unsplash", "pexels", "pixabay", NULL };
    static const char *const agencies[] = { "picture alliance", "picture-alliance", "imago images", NULL };
    if (n > 80) return 0;
    while (n && (s[n - 1] == '.' || s[n - 1] == ' ')) n--;
    if (nd_word_in(libraries, s, n)) return 1;
    for (size_t k = 0; agencies[k]; k++) {
        size_t l = strlen(agencies[k]);
        if (nd_ascii_prefix(s, n, agencies[k]) && (n == l || s[l] == ' ' || s[l] == '/' || s[l] == '|')) return 1;
    }
    return 0;
}

/*
 * A German caption's own note that the picture only illustrates: "Die
 * Kinder waren alle noch sehr klein (Symbolbild).", "Foto: Pixabay
 * (Symbolbild)", "... (Archivbild)"; or a picture's credit alone.
 */
int nd_line_is_picture_note(const char *s, size_t n)
{
    static const char *const notes[] = { "(symbolbild)", "(archivbild)", "(symbolfoto)", "(archivfoto)", NULL };
    if (picture_credit(s, n)) return 1;
    if (n > 300) return 0;
    if (n && s[n - 1] == '.') n--;
    if (n < 12 || s[n - 1] != ')') return 0;   /* most blocks: one test */
    for (size_t k = 0; notes[k]; k++) {
        size_t l = strlen(notes[k]);
        if (n >= l && nd_ascii_prefix(s + n - l, l, notes[k])) return 1;
    }
    return 0;
}
/*
 * The names a signature signs with: capitalised words, six at most, with
 * the particles of names ("Jan de Vries", "Ana dos Santos") and commas or
 * a conjunction between names ("Anna Berger und Max Roth", "Jane Roe,
 * Reuters"); no sentence's full stop at its end.
 */
static int is_name_list(const char *s, size_t n)
{
    static const char *const particles[] = { "de", "da", "di", "do", "dos", "das", "del", "della", "van", "der", "den",
                                             "ter", "von", "zu", "la", "le", "y", "e", "et", "i", "und", "and", "og",
                                             "och", "ja", "&", NULL };
    if (!n || n > 64 || s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' || s[n - 1] == ':') return 0;
    size_t caps = 0;
    for (size_t i = 0; i < n;) {
        size_t b = i;
        while (i < n && s[i] != ' ') i++;
        if (i == b) return 0;   /* a space first: "By  Jane Roe" */
        size_t w = i - b - (s[i - 1] == ',');
        if (!w) return 0;
        if (name_capital(s, b, b + w)) {
            if (++caps > 6) return 0;
        } else if (!nd_word_in(particles, s + b, w)) {
            return 0;
        }
        while (i < n && s[i] == ' ') i++;
    }
    return caps > 0;
}
/*
 * A byline's role alone on its line, under the name: "Transport
 * correspondent", "Senior Business Reporter", "Politischer Korrespondent",
 * "Journaliste", "Corresponsal en Bruselas" is not (the role is last): two
 * to five words, the first capitalised and no article ("The new editor"
 * heads a story's part), the last a role.
 */
int nd_line_is_role(const char *s, size_t n)
{
    static const char *const roles[] = {
        "correspondent", "editor", "reporter", "writer", "journalist", "columnist", "contributor", "producer",
        "korrespondent", "korrespondentin", "redakteur", "redakteurin", "reporterin", "journalistin",
        "correspondant", "correspondante", "journaliste", "r\xC3\xA9" "dacteur", "r\xC3\xA9" "dactrice", "corresponsal",
        "periodista", "redactor", "redactora", "giornalista", "corrispondente", "jornalista", "correspondente",
        "verslaggever", "redacteur", NULL };
    static const char *const articles[] = { "the", "a", "an", "our", "der", "die", "das", "le", "la", "el", "il", "o", NULL };
    if (n < 8 || n > 60 || !name_capital(s, 0, n)) return 0;
    size_t spaces = 0;
    for (size_t i = 0; i < n; i++) spaces += s[i] == ' ';
    if (spaces < 1 || spaces > 4) return 0;
    size_t f = 0, l = n;
    while (f < n && s[f] != ' ') f++;
    while (l > 0 && s[l - 1] != ' ') l--;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '.' || s[i] == ',' || s[i] == ':' || s[i] == '!' || s[i] == '?' || isdigit((unsigned char)s[i])) return 0;
    return !nd_word_in(articles, s, f) && nd_word_in(roles, s + l, n - l);
}
/*
 * A signature alone on its line, in the languages of the dates: an opener
 * and names ("By Jane Roe", "di Giulia Ferri", "Door Jan de Vries", "Escrito
 * por Ana Souza"), or a label, a colon and names ("Autor: Jan Kowalski",
 * "Texto: Ana Souza", "Автор: Иван Петров"). German's "Von Anna Berger" is
 * ND_META_VON: its headings open with "Von" and capitalise their nouns
 * ("Von Wiener Walzer"), so only a date under it tells.
 */
static nd_meta signature(const char *s, size_t n)
{
    static const char *const openers[] = { "by ", "di ", "a cura di ", "door ", "written by ", "words by ", "text by ",
                                           "story by ", "escrito por ", "escrita por ", "kirjoittanut ", "par ",
                                           "por ", "av ", "af ", "von ", NULL };
    static const char *const labels[] = { "author", "authors", "autor", "autorin", "autoren", "autorka", "autora",
                                          "autore", "auteur", "auteure", "text", "texte", "texto", "testo", "tekst",
                                          "teksti", "reporter", "redacci\xC3\xB3n", "\xD0\x90\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80",
                                          "\xD0\xB0\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80", NULL };   /* Автор */
    if (n < 5 || n > 80) return ND_META_NONE;
    for (size_t k = 0; openers[k]; k++) {
        size_t l = strlen(openers[k]);
        if (nd_ascii_prefix(s, n, openers[k]) && is_name_list(s + l, n - l))
            return nd_ascii_prefix(s, n, "von ") ? ND_META_VON : ND_META_SIGNED;
    }
    if (nd_line_is_role(s, n)) return ND_META_SIGNED;
    const char *colon = memchr(s, ':', n < 16 ? n : 16);
    if (!colon || colon + 2 >= s + n || colon[1] != ' ') return ND_META_NONE;
    size_t l = (size_t)(colon - s);
    for (size_t k = 0; labels[k]; k++)
        if (strlen(labels[k]) == l && nd_ascii_prefix(s, n, labels[k]) && is_name_list(colon + 2, n - l - 2))
            return ND_META_SIGNED;
    return ND_META_NONE;
}
/*
 * A date line that looks_like_date does not take: after its place, or
 * longer, a date and its update ("Zaragoza, 07 dic 2026 - 08:15
 * Actualizado: 07 dic 2026 - 12:40"). The place is a capitalised word or
 * three before a comma, not in capitals: a wire's dateline ("LONDON, March
 * 3") opens its story, and its place tells the story's region (dropped,
 * one reuters21578 training record moved region accuracy 96.45% ->
 * 96.39%). The rest is parted before each capitalised verb of dates
 * ("Actualizado", "Updated", "Mis"), every part a date.
 */
static int is_placed_date(const char *s, size_t n)
{
    if (n > 120) return 0;
    size_t b = 0;
    const char *comma = memchr(s, ',', n < 32 ? n : 32);
    if (comma && comma + 2 < s + n && comma[1] == ' ' && name_capital(s, 0, n) && !(n > 1 && isupper((unsigned char)s[1]))) {
        size_t words = 1;
        for (const char *q = s; q < comma; q++) {
            if (isdigit((unsigned char)*q)) words = 9;
            if (*q == ' ' && !name_capital(s, (size_t)(q + 1 - s), n)) words = 9;
            words += *q == ' ';
        }
        if (words <= 3) b = (size_t)(comma + 2 - s);
    }
    if (!b && n <= 48) return 0;   /* looks_like_date's */
    for (size_t from = b, i = b; i <= n; i++) {
        if (i < n && !(i > from && s[i - 1] == ' ' && isupper((unsigned char)s[i]))) continue;
        size_t e = i;
        while (e < n && isalpha((unsigned char)s[e])) e++;
        if (i < n && !(nd_word_kind(&date_kinds, s + i, e - i) & (DATE_VERB | DATE_OTHER_VERB))) continue;
        if (!nd_looks_like_date(s + from, i - from, 1)) return 0;
        from = i;
    }
    return 1;
}
/*
 * A line of a post's meta under its headline: a date alone, a bare count
 * ("142", "2.1K": likes and comments beside their icons), a name (four
 * capitalised words at most, "Maria Okafor"), a signature.
 */
nd_meta nd_line_meta(const char *s, size_t n)
{
    nd_lines_init();
    nd_meta sig = signature(s, n);
    if (sig != ND_META_NONE || !n) return sig;
    if (n > 48) return is_placed_date(s, n) ? ND_META_DATE : ND_META_NONE;
    size_t i = 0;
    while (i < n && (isdigit((unsigned char)s[i]) || ((s[i] == ',' || s[i] == '.') && i > 0))) i++;
    if (i > 0 && i <= 7 && (i == n || (i + 1 == n && (s[i] == 'K' || s[i] == 'k' || s[i] == 'M'))))
        return ND_META_COUNT;
    if (nd_looks_like_date(s, n, 1 | ND_DATE_DASHES) || is_placed_date(s, n)) return ND_META_DATE;
    return nd_is_byline_more(s, n) && !nd_ascii_prefix(s, n, "and ") && !nd_ascii_prefix(s, n, "& ") ? ND_META_NAME
                                                                                                 : ND_META_NONE;
}
