/*
 * lang.c -- function words of each language, one table for all of them:
 * word -> bit mask of the languages it is a function word of.
 */
#include "lang.h"
#include "nd_internal.h"

#include <pthread.h>  /* pthread_once */

static nd_strmap stopmap;   /* word -> language mask */
static int nlangs;
/* the chrome phrases by first byte: phrase_from[c] .. phrase_from[c + 1] in phrase_order */
static uint16_t phrase_order[512], phrase_from[257];
static uint8_t phrase_len[512];
static pthread_once_t stop_once = PTHREAD_ONCE_INIT;

static void build(void)
{
    nd_strmap_init(&stopmap);
    for (const char *const *w = nd_chromewords; *w; w++) {
        bool added;
        size_t e = nd_strmap_put(&stopmap, *w, strlen(*w), 0, &added);
        stopmap.values[e] |= ND_CHROME_WORD;
    }
    size_t np = 0, o = 0;
    while (nd_chromephrases[np] && np < sizeof(phrase_order) / sizeof(*phrase_order)) np++;
    for (int c = 0; c < 256; c++) {
        phrase_from[c] = (uint16_t)o;
        for (size_t k = 0; k < np; k++)
            if ((unsigned char)nd_chromephrases[k][0] == c) phrase_order[o++] = (uint16_t)k;
    }
    phrase_from[256] = (uint16_t)o;
    for (size_t k = 0; k < np; k++) phrase_len[k] = (uint8_t)strlen(nd_chromephrases[k]);
    for (nlangs = 0; nd_stoplists[nlangs].code && nlangs < ND_MAX_LANGS - 1; nlangs++)
        for (const char *const *w = nd_stoplists[nlangs].words; *w; w++) {
            bool added;
            size_t e = nd_strmap_put(&stopmap, *w, strlen(*w), 0, &added);
            stopmap.values[e] |= 1u << nlangs;
        }
}

int nd_lang_count(void)
{
    pthread_once(&stop_once, build);
    return nlangs;
}

const char *nd_lang_code(int i)
{
    return i >= 0 && i < nd_lang_count() ? nd_stoplists[i].code : NULL;
}

int nd_lang_find(const char *code)
{
    for (int i = 0; i < nd_lang_count(); i++)
        if (!strcmp(nd_stoplists[i].code, code)) return i;
    return -1;
}

/* w[0..n) in lower case into low (ASCII and Latin-1 letters folded). */
static void fold(const char *w, size_t n, char *low)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        /* Latin-1 capitals U+00C0..U+00DE (but U+00D7) are C3 80..9E: their small letters are C3 A0..BE */
        else if (c >= 0x80 && c <= 0x9E && i && (unsigned char)w[i - 1] == 0xC3 && c != 0x97) c = (unsigned char)(c + 0x20);
        low[i] = (char)c;
    }
}

uint32_t nd_stop_mask(const char *w, size_t n)
{
    char low[24];
    if (n > sizeof(low)) return 0;
    pthread_once(&stop_once, build);
    fold(w, n, low);
    long e = nd_strmap_find(&stopmap, low, n);
    return e < 0 ? 0 : stopmap.values[e];
}

/* Is s[i] part of a word: an ASCII letter or digit, or a byte of a non-ASCII character other than ’ and «» and the like? */
static size_t word_end(const char *s, size_t n, size_t i)
{
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && !(c >= '0' && c <= '9')) break;
            i++;
        } else if (c == 0xE2 || (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] < 0xC0)) {
            break;   /* punctuation: U+2000..U+2BFF (quotes, dashes, bullets), U+0080..U+00BF (nbsp, «, ») */
        } else {
            i++;
        }
    }
    return i;
}

/* The script of the character whose UTF-8 starts at u[0] (n bytes left): ND_SCRIPT_*, or -1 for another. */
static int script_of(const unsigned char *u, size_t n)
{
    if (n < 3 || u[0] < 0xE3 || u[0] > 0xED) return -1;
    if (u[0] == 0xE3) return u[1] >= 0x81 && u[1] <= 0x83 ? ND_SCRIPT_KANA : -1;   /* U+3040..U+30FF */
    if (u[0] <= 0xE9) return u[0] > 0xE4 || u[1] >= 0xB8 ? ND_SCRIPT_HAN : -1;        /* U+4E00..U+9FFF */
    return (u[0] > 0xEA || u[1] >= 0xB0) && (u[0] < 0xED || u[1] < 0x9F) ? ND_SCRIPT_HANGUL : -1;   /* U+AC00..U+D7AF */
}

void nd_lang_count_text(const char *s, size_t n, nd_langcount *c)
{
    for (size_t i = 0; i < n;) {
        size_t e = word_end(s, n, i);
        if (e == i) {
            i += ((unsigned char)s[i] == 0xE2) ? 3 : ((unsigned char)s[i] == 0xC2) ? 2 : 1;
            continue;
        }
        c->words++;
        if ((unsigned char)s[i] < 0x80) {
            c->chars += (uint32_t)(e - i);   /* a word that starts in ASCII: its bytes ("2020年" is 7) */
        } else {
            for (size_t k = i; k < e; k++) {
                const unsigned char *u = (const unsigned char *)s + k;
                if ((*u & 0xC0) == 0x80) continue;
                c->chars++;
                int sc = script_of(u, e - k);
                if (sc >= 0) c->script[sc]++;
            }
        }
        uint32_t m = nd_stop_mask(s + i, e - i) & ~ND_CHROME_WORD;
        while (m) {
            c->hits[__builtin_ctz(m)]++;
            m &= m - 1;
        }
        i = e;
    }
}

/* Does a chrome phrase start at low[i] (the text folded, n bytes)? */
static int phrase_at(const char *low, size_t n, size_t i)
{
    unsigned char c = (unsigned char)low[i];
    for (size_t o = phrase_from[c]; o < phrase_from[c + 1]; o++) {
        size_t k = phrase_order[o], pl = phrase_len[k];
        const char *ph = nd_chromephrases[k];
        if (pl >= 2 && i + pl <= n && low[i + 1] == ph[1] && !memcmp(low + i + 2, ph + 2, pl - 2) &&
            (i + pl == n || !((low[i + pl] | 0x20) >= 'a' && (low[i + pl] | 0x20) <= 'z')))
            return 1;
    }
    return 0;
}

int nd_chrome_phrase(const char *s, size_t n)
{
    char low[160];
    pthread_once(&stop_once, build);
    /* past what opens the line: list marks, quotes, brackets, figures ("5 min read") */
    size_t b = 0;
    while (b < n && !((s[b] | 0x20) >= 'a' && (s[b] | 0x20) <= 'z') && (unsigned char)s[b] < 0xC3) b++;
    s += b;
    n -= b;
    if (n > sizeof(low)) n = sizeof(low);
    fold(s, n, low);
    if (n && phrase_at(low, n, 0)) return 1;
    if (n + b >= 100) return 0;
    for (size_t i = 1; i < n; i++)
        if (low[i - 1] == ' ' && phrase_at(low, n, i)) return 2;
    return 0;
}

int nd_lang_guess(const nd_langcount *c)
{
    int best = -1;
    for (int i = 0; i < nd_lang_count(); i++)
        if (c->hits[i] && (best < 0 || c->hits[i] > c->hits[best])) best = i;
    return best;
}

const char *nd_lang_script(const nd_langcount *c)
{
    uint32_t han = c->script[ND_SCRIPT_HAN], kana = c->script[ND_SCRIPT_KANA], hangul = c->script[ND_SCRIPT_HANGUL];
    if ((han + kana) * 2 > c->chars) return kana * 10 >= han + kana ? "ja" : "zh";
    return hangul * 2 > c->chars ? "ko" : NULL;
}

/*-----   languages   -----*/

/* Abbreviations that end no sentence, by language (lower case, without the period; English's are in sentences.c). */
static const char *const ab_de[] = {
    "abb", "abg", "abs", "abt", "allg", "anm", "aufl", "bd", "bgm", "bsp", "bspw", "bzgl", "bzw", "ca", "co", "di",
    "dipl", "dkfm", "dr", "dt", "ehem", "evang", "evtl", "fr", "geb", "gegr", "gest", "ggf", "hl", "hr", "hrsg",
    "inkl", "ing", "kath", "lt", "mag", "max", "min", "mind", "mmag", "nr", "prim", "prof", "rd", "sen", "sog",
    "st", "str", "stv", "tel", "univ", "vgl", "vs", "zzgl", "z", "zb", "zt", "u", "d", "o", "a", "v", "öst", "österr",
    "übers", "überarb", NULL,
};
/* German abbreviations that often close a sentence: "... Äpfel, Birnen usw. Die Preise" */
static const char *const soft_de[] = {
    "usw", "etc", "ff", "mio", "mrd", "tsd", "jh", "jhd", "chr", "jan", "feb", "mär", "apr", "jun", "jul", "aug",
    "sept", "okt", "nov", "dez", NULL,
};
/* German words that are abbreviations before a number ("laut Art. 5") and nouns before anything else ("auf diese Art.") */
static const char *const num_de[] = { "art", "kap", "ziff", "tab", NULL };
static const char *const ab_fr[] = {
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "st", "ste", "av", "bd", "env", "cf", "p", "vol", "janv", "févr",
    "avr", "juil", "sept", "oct", "nov", "déc", "n", "no", "ex", NULL,
};
static const char *const ab_es[] = {
    "sr", "sra", "srta", "sres", "dr", "dra", "ud", "uds", "pág", "núm", "art", "av", "avda", "gral", "lic", "ing",
    "dña", "d", "ee", "uu", "ene", "feb", "abr", "ago", "sept", "oct", "nov", "dic", "n", "p", "ej", "aprox", "mill",
    "univ", "pdte", "sta", "sto", "dpto", "cía", NULL,
};
/* Spanish and Portuguese "etc.": the end of a sentence too, before a function word */
static const char *const soft_es_pt[] = { "etc", NULL };
static const char *const ab_it[] = {
    "sig", "sigg", "dott", "prof", "ing", "avv", "on", "sen", "dr", "ecc", "art", "pag", "n", "mons", "gen",
    "feb", "apr", "ago", "sett", "ott", "nov", "dic", "es", NULL,
};
static const char *const ab_pt[] = {
    "sr", "sra", "srs", "dr", "dra", "prof", "av", "art", "pág", "núm", "n", "jan", "fev", "abr", "mai", "jun", "jul",
    "ago", "set", "out", "nov", "dez", "p", "ex", "aprox", NULL,
};
static const char *const ab_nl[] = {
    "dhr", "mevr", "mr", "dr", "drs", "ir", "ing", "prof", "bijv", "blz", "nr", "ca", "enz", "jl", "mw", "resp", "zgn",
    "jan", "feb", "aug", "sept", "okt", "nov", "dec", NULL,
};
static const char *const ab_nordic[] = {   /* sv, da, no */
    "bl", "dvs", "t", "ex", "f", "eks", "osv", "ca", "nr", "kl", "resp", "jfr", "jf", "hr", "mv", "m", "fr", "s",
    "jan", "feb", "aug", "sep", "sept", "okt", "nov", "dec", "des", NULL,
};
static const char *const ab_fi[] = { "esim", "ns", "mm", "yms", "ks", "n", "nro", "tri", "prof", NULL };
static const char *const ab_ru[] = {
    "т.е", "т.к", "т.н", "проф", "акад", "доц", "ул", "пл", "им", "ст", "стр", "рис", "табл", "см", "напр", "янв",
    "февр", "апр", "авг", "сент", "окт", "нояб", "дек", NULL,
};
/* Russian abbreviations that often close a sentence: "и т.д.", "и др.", "15 млн руб." */
static const char *const soft_ru[] = { "т.д", "т.п", "др", "пр", "в", "вв", "млн", "млрд", "трлн", "тыс", "руб", "коп", "долл", NULL };
/* the year after a number ("в 2015 г."), the city before a name ("г. Москва") */
static const char *const counted_ru[] = { "г", "гг", NULL };
static const char *const ab_pl[] = { "ul", "np", "tzw", "tj", "dr", "prof", "mgr", "inż", "nr", "godz", "r", "w", "im", NULL };

/*
 * Every language libstemmer has a stemmer for, Polish (stop words only) and
 * Chinese, Japanese and Korean (neither: told by their script, read as pairs
 * of characters or as written). English first.
 */
static const nd_language languages[] = {
    { "en", "english", 1, 0, NULL, NULL, NULL, NULL },
    { "de", "german", 1, ND_LANG_ORDINAL | ND_LANG_MARKS | ND_LANG_COMMA | ND_LANG_COMPOUNDS | ND_LANG_PLACED, ab_de, soft_de,
      num_de, NULL },
    { "fr", "french", 1, ND_LANG_ELIDE | ND_LANG_MARKS | ND_LANG_COMMA, ab_fr, NULL, NULL, NULL },
    { "es", "spanish", 1, ND_LANG_MARKS | ND_LANG_COMMA, ab_es, soft_es_pt, NULL, NULL },
    { "it", "italian", 1, ND_LANG_ELIDE | ND_LANG_MARKS | ND_LANG_COMMA, ab_it, NULL, NULL, NULL },
    { "pt", "portuguese", 1, ND_LANG_MARKS | ND_LANG_COMMA, ab_pt, soft_es_pt, NULL, NULL },
    { "nl", "dutch", 1, ND_LANG_MARKS | ND_LANG_COMMA | ND_LANG_COMPOUNDS, ab_nl, NULL, NULL, NULL },
    { "sv", "swedish", 1, ND_LANG_MARKS | ND_LANG_COMMA | ND_LANG_COMPOUNDS, ab_nordic, NULL, NULL, NULL },
    { "da", "danish", 1, ND_LANG_ORDINAL | ND_LANG_MARKS | ND_LANG_COMMA | ND_LANG_COMPOUNDS, ab_nordic, NULL, NULL, NULL },
    { "no", "norwegian", 1, ND_LANG_ORDINAL | ND_LANG_MARKS | ND_LANG_COMMA | ND_LANG_COMPOUNDS, ab_nordic, NULL, NULL, NULL },
    { "fi", "finnish", 1, ND_LANG_ORDINAL | ND_LANG_MARKS | ND_LANG_COMMA | ND_LANG_COMPOUNDS, ab_fi, NULL, NULL, NULL },
    { "ru", "russian", 1, ND_LANG_MARKS | ND_LANG_COMMA, ab_ru, soft_ru, NULL, counted_ru },
    { "pl", "polish", 0, ND_LANG_ORDINAL | ND_LANG_MARKS | ND_LANG_COMMA, ab_pl, NULL, NULL, NULL },
    { "ar", "arabic", 1, ND_LANG_MARKS, NULL, NULL, NULL, NULL },
    { "ca", "catalan", 1, ND_LANG_ELIDE | ND_LANG_MARKS | ND_LANG_COMMA, NULL, NULL, NULL, NULL },
    { "el", "greek", 1, ND_LANG_MARKS | ND_LANG_COMMA, NULL, NULL, NULL, NULL },
    { "eu", "basque", 1, ND_LANG_ORDINAL | ND_LANG_MARKS | ND_LANG_COMMA, NULL, NULL, NULL, NULL },
    { "ga", "irish", 1, ND_LANG_MARKS, NULL, NULL, NULL, NULL },
    { "hi", "hindi", 1, ND_LANG_MARKS, NULL, NULL, NULL, NULL },
    { "hu", "hungarian", 1, ND_LANG_ORDINAL | ND_LANG_MARKS | ND_LANG_COMMA, NULL, NULL, NULL, NULL },
    { "hy", "armenian", 1, ND_LANG_MARKS | ND_LANG_COMMA, NULL, NULL, NULL, NULL },
    { "id", "indonesian", 1, ND_LANG_MARKS | ND_LANG_COMMA, NULL, NULL, NULL, NULL },
    { "lt", "lithuanian", 1, ND_LANG_MARKS | ND_LANG_COMMA, NULL, NULL, NULL, NULL },
    { "ne", "nepali", 1, ND_LANG_MARKS, NULL, NULL, NULL, NULL },
    { "ro", "romanian", 1, ND_LANG_MARKS | ND_LANG_COMMA, NULL, NULL, NULL, NULL },
    { "sr", "serbian", 1, ND_LANG_ORDINAL | ND_LANG_MARKS | ND_LANG_COMMA, NULL, NULL, NULL, NULL },
    { "ta", "tamil", 1, ND_LANG_MARKS, NULL, NULL, NULL, NULL },
    { "tr", "turkish", 1, ND_LANG_ORDINAL | ND_LANG_MARKS | ND_LANG_COMMA, NULL, NULL, NULL, NULL },
    { "yi", "yiddish", 1, ND_LANG_MARKS, NULL, NULL, NULL, NULL },
    { "zh", "chinese", 0, ND_LANG_MARKS, NULL, NULL, NULL, NULL },
    { "ja", "japanese", 0, ND_LANG_MARKS, NULL, NULL, NULL, NULL },
    { "ko", "korean", 0, ND_LANG_MARKS, NULL, NULL, NULL, NULL },
};

const nd_language *nd_language_at(int i)
{
    return i >= 0 && (size_t)i < sizeof(languages) / sizeof(*languages) ? &languages[i] : NULL;
}

const nd_language *nd_language_find(const char *code)
{
    if (!code) return NULL;
    for (const nd_language *l = languages; l < languages + sizeof(languages) / sizeof(*languages); l++)
        if (!strcmp(l->code, code)) return l;
    return NULL;
}

nd_status nd_language_no_stemmer(const nd_language *l, nd_err *err)
{
    return nd_fail(err, ND_ERR_DEP, "the Snowball %s stemmer is not available (libstemmer)", l->name);
}

const nd_language *nd_english(void)
{
    return &languages[0];
}

int nd_language_stoplist(const nd_language *l)
{
    return l ? nd_lang_find(l->code) : -1;
}

int nd_language_has_stopwords(const nd_language *l)
{
    return l == nd_english() || nd_language_stoplist(l) >= 0;
}
