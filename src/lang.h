/*
 * lang.h -- the languages newsdesk knows by their function words: one
 * stop-word list per language (models/stopwords/CODE.txt, compiled in),
 * looked up together, and a guess of a text's language from them.
 * Private to src/.
 */
#ifndef ND_LANG_H
#define ND_LANG_H

#include "newsdesk.h"   /* nd_status, nd_err */

#include <stddef.h>
#include <stdint.h>

#define ND_MAX_LANGS 32

/* The compiled-in lists (build/gen/stopwords.c), by code, sorted; the last entry is { NULL, NULL }. */
struct nd_stoplist {
    const char *code;
    const char *const *words;   /* lower case UTF-8, NULL-terminated */
};
extern const struct nd_stoplist nd_stoplists[];

/* The words and phrases of site chrome of all languages (models/chromewords.txt, chromephrases.txt), NULL-terminated. */
extern const char *const nd_chromewords[];
extern const char *const nd_chromephrases[];

/*
 * Does s[0..n) start with a phrase of site chrome ("Lesen Sie auch", "Lea
 * más", "5 min read" counts as holding one)? 1 when it starts with one, 2
 * when a short text (under 100 bytes) holds one further on, else 0.
 */
int nd_chrome_phrase(const char *s, size_t n);

/* Number of languages, and the ISO 639-1 code of language i. */
int nd_lang_count(void);
const char *nd_lang_code(int i);
/* Index of 'code' ("de"), or -1. */
int nd_lang_find(const char *code);

/*
 * Bit i set when w[0..n) (any case: ASCII and Latin-1 letters are folded)
 * is a function word of language i; 0 for other words and words over 24
 * bytes.
 */
uint32_t nd_stop_mask(const char *w, size_t n);
/* Bit 31 of the mask: w is a word of site chrome ("teilen", "newsletter", "cookies"). */
#define ND_CHROME_WORD (1u << 31)

/*
 * What analysis needs of a language: its Snowball stemmer, its stop words
 * (the list of models/stopwords/ by the same code, if any) and the rules its
 * words and sentences follow. English is the default and keeps the
 * tokenizer's own stop-word list.
 */
enum {
    ND_LANG_ELIDE = 1,     /* an apostrophe ends a word: l'état, dell'anno -> état, anno (fr, it, ca) */
    ND_LANG_ORDINAL = 2,   /* "am 3. Oktober": a number's period is an ordinal, not a sentence end */
    ND_LANG_MARKS = 4,     /* keep diacritics (the stemmer knows them); English strips them */
    ND_LANG_COMPOUNDS = 8, /* words join into compounds (Bundesregierung): their parts count too (subwords) */
    ND_LANG_COMMA = 16,    /* a decimal comma: "2,5" is 2.5 and "14.372" is 14372 */
    ND_LANG_PLACED = 32,   /* its papers open a story with where it was written ("Wien – Die", the
                              Ortsmarke) and part news from home and abroad: the place is a term (datelines) */
};

typedef struct nd_language {
    const char *code;            /* ISO 639-1 */
    const char *name;            /* English name, as libstemmer spells its algorithms ("german") */
    int stemmed;                 /* libstemmer has a stemmer by that name */
    unsigned rules;
    const char *const *abbrev;   /* abbreviations that end no sentence (lower case, no period), or NULL */
    const char *const *soft;     /* and those that end one before a function word ("usw. Die"), or NULL */
    const char *const *numbered; /* and words that end one unless a number follows ("Art. 5", "Art. Die"), or NULL */
    const char *const *counted;  /* and those that end one after a number only ("в 2015 г. Решение", not "г. Москве") */
} nd_language;

/* The language with ISO 639-1 code 'code' ("de"), or NULL when newsdesk does not know it. */
const nd_language *nd_language_find(const char *code);
/* Language i of those known (0 is English), NULL past the last. */
const nd_language *nd_language_at(int i);
/* ND_ERR_DEP: libstemmer could not make l's stemmer. */
nd_status nd_language_no_stemmer(const nd_language *l, nd_err *err);
/* English, the default: nd_language_at(0). */
const nd_language *nd_english(void);
/* Index in nd_stoplists of the language's stop words, or -1. */
int nd_language_stoplist(const nd_language *l);
/* Does the tokenizer have stop words for l (English its own list, the others models/stopwords/)? */
int nd_language_has_stopwords(const nd_language *l);

/*
 * Words of s[0..n) (runs of letters and digits; apostrophes split) and, per
 * language, how many are its function words; and the characters of the
 * words (of a word that starts in ASCII, its bytes), those of Han, kana and
 * Hangul apart: the scripts of languages that have no function words here,
 * which are told by their script.
 */
enum { ND_SCRIPT_HAN, ND_SCRIPT_KANA, ND_SCRIPT_HANGUL, ND_NSCRIPTS };
typedef struct nd_langcount {
    uint32_t words;
    uint32_t hits[ND_MAX_LANGS];
    uint32_t chars;
    uint32_t script[ND_NSCRIPTS];
} nd_langcount;

void nd_lang_count_text(const char *s, size_t n, nd_langcount *c);
/* The language with the most hits (ties: the lower index), or -1 when no word was a function word. */
int nd_lang_guess(const nd_langcount *c);
/*
 * The language of a text whose characters are mostly Han, kana or Hangul:
 * "ja" when kana are a tenth or more of its Han and kana, else "zh"; "ko";
 * NULL for any other text.
 */
const char *nd_lang_script(const nd_langcount *c);

#endif
