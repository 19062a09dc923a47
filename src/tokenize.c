/*
 * tokenize.c -- words of a text in one language: NFKC + case folding (accents
 * removed for English), stop words, Snowball stems.
 *
 * ASCII bytes take a table-driven fast path; a token that contains any
 * non-ASCII letter goes through utf8proc (NFKC + casefold) as a whole.
 * Rules: letters, digits and marks make words; "don't" -> "dont", the
 * possessive "'s" is dropped; "3.5" and "2,500" (-> "2500") stay one token
 * (where the comma is the decimal mark, "2,5" -> "2.5" and "14.372" -> "14372");
 * dotted abbreviations keep their inner periods ("U.S." -> "u.s"); hyphens
 * and other punctuation split. One-character words are dropped. Text in
 * Han, hiragana and katakana, which has no spaces, is read as overlapping
 * pairs of characters ("经济发展" -> 经济 济发 发展). Languages
 * with elision (French, Italian, Catalan) end a word at its apostrophe
 * ("l'état" -> "état"); other languages than English keep diacritics, which
 * their stemmers know, and take their stop words from models/stopwords/.
 * Stems are cached per tokenizer, so each distinct word is stemmed once.
 */
#include "lang.h"
#include "nd_internal.h"
#include "text.h"

#include <libstemmer.h> /* sb_stemmer_stem */
#include <pthread.h>    /* pthread_once */
#include <stdlib.h>     /* free */
#include <utf8proc.h>   /* utf8proc_map, utf8proc_category */

/* A common English stop-word list for TF-IDF (function words, auxiliaries, pronouns). */
static const char *const stopwords[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
    "did", "do", "does", "doing", "down", "during", "each", "even", "ever", "every", "few", "for", "from",
    "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his",
    "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might",
    "more", "most", "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or",
    "other", "others", "our", "ours", "ourselves", "out", "over", "own", "same", "shall", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these",
    "they", "this", "those", "though", "through", "thus", "to", "too", "under", "until", "up", "upon", "us",
    "very", "was", "we", "were", "what", "whatever", "when", "where", "whether", "which", "while", "who",
    "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours",
    "yourself", "yourselves", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "cant", "couldnt",
    "wouldnt", "shouldnt", "wont", "hasnt", "havent", "hadnt", "im", "ive", "youre", "theyre", "weve", "hes",
    "shes", "its", "thats", "theres", "said", "says", "say", "mr", "mrs", "ms", "one", "also", "would", "could",
    "last", "year", "new", NULL,
};

/*
 * The word cache: open addressing over 32-byte lines, each word's line
 * holding its key (the first 16 bytes; a longer word's rest follows its stem
 * in 'stems'), its stem, stop flag and the slots the callers memoise, so
 * that a lookup is one cache line, requested when the word is found. A
 * word's entry is its line. The capacity is fixed, allocated (and touched)
 * when the tokenizer is made, so a thread's memory does not depend on the
 * corpus: 2^17 words (a news vocabulary with its numbers) in 2^18 lines,
 * 8 MB, aligned so that no line straddles two cache lines. The cache starts
 * over between documents once fewer than ND_DOC_WORDS entries are free; a
 * document with more new words than the lines can take at three quarters
 * full puts the rest in an overflow map (entries from ND_LINES on) until the
 * next document.
 */
#define ND_WORDS (1u << 17)
#define ND_LINES (2 * ND_WORDS)
#define ND_DOC_WORDS 8192
#define ND_KEY 16

struct word {
    uint64_t key[ND_KEY / 8];   /* the first ND_KEY bytes, zero-padded */
    uint32_t stem_off;          /* the stem in 'stems', then '\0', then bytes ND_KEY.. of a longer word */
    uint32_t slot, geo;         /* the callers' memos */
    uint16_t stem_len;
    uint8_t len;                /* 0: a free line */
    uint8_t stop;
};
_Static_assert(sizeof(struct word) == 32, "two words to a cache line");

/* Byte classes for the ASCII fast path, and per byte: lower case, is upper, is letter. */
enum { C_OTHER = 0, C_LOWER, C_UPPER, C_DIGIT, C_HIGH };
static unsigned char cls[256];
static struct ascii { unsigned char low, up, letter, alnum; } ascii[256];

static void init_classes(void)
{
    for (int c = 0; c < 256; c++) {
        cls[c] = c >= 'a' && c <= 'z' ? C_LOWER : c >= 'A' && c <= 'Z' ? C_UPPER :
                 c >= '0' && c <= '9' ? C_DIGIT : c >= 0x80 ? C_HIGH : C_OTHER;
        ascii[c].low = (unsigned char)(cls[c] == C_UPPER ? c + 32 : c);
        ascii[c].up = cls[c] == C_UPPER;
        ascii[c].letter = cls[c] == C_UPPER || cls[c] == C_LOWER;
        ascii[c].alnum = ascii[c].letter || cls[c] == C_DIGIT;
    }
}

struct nd_tokenizer {
    const nd_language *lang;
    struct sb_stemmer *stemmer;   /* NULL: the language has none, words are their own stems */
    int map_flags;                /* utf8proc_map's options for words with non-ASCII letters */
    nd_strmap stops;
    struct word *line;      /* ND_LINES */
    size_t nwords;
    uint32_t epoch;         /* start-overs of the lines */
    nd_strmap over;         /* words past the lines' room in this document -> over_word */
    struct word *over_word;
    size_t over_alloc;
    nd_buf stems;
};

/* A stop word as the tokenizer writes words: NFKC, case folded (and accents removed) by 'flags'. */
static void add_stop(nd_tokenizer *t, const char *w)
{
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)w, 0, &mapped, (utf8proc_option_t)(t->map_flags | UTF8PROC_NULLTERM));
    if (r > 0) nd_strmap_put(&t->stops, (const char *)mapped, (size_t)r, 0, NULL);
    free(mapped);
}

nd_tokenizer *nd_tokenizer_new(const nd_language *lang)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, init_classes);
    if (!lang) lang = nd_english();
    nd_tokenizer *t = nd_xcalloc(1, sizeof(*t));
    t->lang = lang;
    if (lang->stemmed && !(t->stemmer = sb_stemmer_new(lang->name, "UTF_8"))) {
        free(t);
        return NULL;
    }
    t->map_flags = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD;
    if (!(lang->rules & ND_LANG_MARKS)) t->map_flags |= UTF8PROC_STRIPMARK;
    nd_strmap_init(&t->stops);
    int list = nd_language_stoplist(lang);
    if (lang == nd_english())
        for (size_t i = 0; stopwords[i]; i++) nd_strmap_put(&t->stops, stopwords[i], strlen(stopwords[i]), 0, NULL);
    else if (list >= 0)
        for (const char *const *w = nd_stoplists[list].words; *w; w++) add_stop(t, *w);
    t->line = nd_xcalloc_huge(ND_LINES, sizeof(*t->line));
    nd_strmap_init(&t->over);
    nd_buf_init(&t->stems);
    nd_buf_grow(&t->stems, ND_WORDS * 7);
    memset(t->stems.data, 0, t->stems.cap);
    return t;
}

void nd_tokenizer_free(nd_tokenizer *t)
{
    if (!t) return;
    sb_stemmer_delete(t->stemmer);
    nd_strmap_release(&t->stops);
    free(t->line);
    nd_strmap_release(&t->over);
    free(t->over_word);
    nd_buf_release(&t->stems);
    free(t);
}

const nd_language *nd_tokenizer_language(const nd_tokenizer *t)
{
    return t->lang;
}

int nd_is_stopword(const nd_tokenizer *t, const char *w, size_t len)
{
    return nd_strmap_find(&t->stops, w, len) >= 0;
}

void nd_tokens_init(nd_tokens *tk)
{
    memset(tk, 0, sizeof(*tk));
    nd_buf_init(&tk->text);
}

void nd_tokens_release(nd_tokens *tk)
{
    nd_buf_release(&tk->text);
    free(tk->v);
    memset(tk, 0, sizeof(*tk));
}

void nd_tokens_reset(nd_tokens *tk)
{
    nd_buf_reset(&tk->text);
    tk->n = tk->stops = 0;
}

static inline struct word *word_at(const nd_tokenizer *t, uint32_t entry)
{
    return entry < ND_LINES ? &t->line[entry] : &t->over_word[entry - ND_LINES];
}

/* Is line e the word w (w may be read 8 bytes at a time)? */
static inline int word_is(const nd_tokenizer *t, const struct word *e, const char *w, size_t len)
{
    if (e->len != len) return 0;
    size_t n = len < ND_KEY ? len : ND_KEY;
    for (size_t o = 0; o < n; o += 8)
        if (nd_load_tail(w + o, n - o) != e->key[o / 8]) return 0;
    return len <= ND_KEY || memcmp(t->stems.data + e->stem_off + e->stem_len + 1, w + ND_KEY, len - ND_KEY) == 0;
}

/* Fill e for the new word w: its stem (numbers and dotted abbreviations are their own), stop flag, key. */
static void new_word(nd_tokenizer *t, struct word *e, const char *w, size_t len)
{
    const char *s = w;
    size_t sl = len;
    if (t->stemmer && cls[(unsigned char)w[0]] != C_DIGIT && !memchr(w, '.', len)) {
        const sb_symbol *r = sb_stemmer_stem(t->stemmer, (const sb_symbol *)w, (int)len);
        if (r) {
            s = (const char *)r;
            sl = (size_t)sb_stemmer_length(t->stemmer);
        }
    }
    memset(e, 0, sizeof(*e));
    e->len = (uint8_t)len;   /* tokens are shorter than 64 bytes */
    memcpy(e->key, w, len < ND_KEY ? len : ND_KEY);
    e->stem_off = (uint32_t)t->stems.len;
    e->stem_len = (uint16_t)(sl > 65535 ? 65535 : sl);
    e->stop = nd_strmap_find(&t->stops, w, len) >= 0;
    e->slot = e->geo = ND_SLOT_UNSET;
    nd_buf_add(&t->stems, s, e->stem_len);
    nd_buf_addc(&t->stems, '\0');
    if (len > ND_KEY) nd_buf_add(&t->stems, w + ND_KEY, len - ND_KEY);
}

/* The cache entry of word w, which is followed by at least 8 readable bytes. */
static uint32_t word_entry(nd_tokenizer *t, const char *w, size_t len, uint64_t h)
{
    size_t i = (size_t)h & (ND_LINES - 1);
    for (;; i = (i + 1) & (ND_LINES - 1)) {
        struct word *e = &t->line[i];
        if (!e->len) break;
        if (word_is(t, e, w, len)) return (uint32_t)i;
    }
    if (t->nwords < ND_LINES / 4 * 3) {
        t->nwords++;
        new_word(t, &t->line[i], w, len);
        return (uint32_t)i;
    }
    bool added;   /* the lines are full for this document */
    size_t o = nd_strmap_put(&t->over, w, len, 0, &added);
    if (added) {
        ND_GROW(t->over_word, o + 1, t->over_alloc);
        new_word(t, &t->over_word[o], w, len);
    }
    return ND_LINES + (uint32_t)o;
}

uint32_t nd_tokenizer_slot(const nd_tokenizer *t, uint32_t entry)
{
    return word_at(t, entry)->slot;
}

void nd_tokenizer_set_slot(nd_tokenizer *t, uint32_t entry, uint32_t value)
{
    word_at(t, entry)->slot = value;
}

uint32_t nd_tokenizer_geo_slot(const nd_tokenizer *t, uint32_t entry)
{
    return word_at(t, entry)->geo;
}

void nd_tokenizer_set_geo_slot(nd_tokenizer *t, uint32_t entry, uint32_t value)
{
    word_at(t, entry)->geo = value;
}

/* Room for 'n' more bytes of token text, and the slack nd_hash_padded reads. */
static void text_room(nd_tokens *tk, size_t n)
{
    nd_buf_grow(&tk->text, n + 16);
}

/* Ask for the cache line of the word with hash h. */
static inline void request_word(const nd_tokenizer *t, uint64_t h)
{
    __builtin_prefetch(&t->line[h & (ND_LINES - 1)]);
}

/*
 * Finish the token whose bytes were written at tk->text.data[off..off+len)
 * (past tk->text.len): normalise, filter, append to tk, and ask for its
 * cache line, which resolve() reads once the whole text is tokenized.
 */
__attribute__((always_inline)) static inline void emit(const nd_tokenizer *t, nd_tokens *tk, size_t off, size_t len,
                                                       int nonascii, unsigned flags, uint32_t sent, uint32_t src)
{
    size_t cps = len;
    if (nonascii) {
        utf8proc_uint8_t *mapped = NULL;
        utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)tk->text.data + off, (utf8proc_ssize_t)len, &mapped,
                                          (utf8proc_option_t)t->map_flags);
        if (r >= 0) {   /* r < 0 cannot happen on repaired UTF-8; then keep the bytes */
            len = (size_t)r;
            text_room(tk, len);
            memcpy(tk->text.data + off, mapped, len);
        }
        free(mapped);
        /* one-character words carry no topic; count code points, not bytes */
        cps = 0;
        for (size_t i = 0; i < len; i++) cps += ((unsigned char)tk->text.data[off + i] & 0xC0) != 0x80;
    }
    if (cps < 2 || len >= 64) {
        tk->text.data[off] = '\0';
        return;
    }
    const char *w = tk->text.data + off;
    ND_GROW(tk->v, tk->n + 1, tk->alloc);
    nd_token *o = &tk->v[tk->n++];
    o->off = (uint32_t)off;
    o->len = (uint16_t)len;
    o->sent = sent;
    o->src = src;
    o->hash = nd_hash_padded(w, len);
    request_word(t, o->hash);
    o->flags = (uint8_t)flags;   /* the cache entry comes in resolve() */
    tk->text.data[off + len] = '\0';
    tk->text.len = off + len + 1;
}

/*
 * The cache entries of tokens [from, tk->n): stem, stop flag. Done after the
 * whole text is tokenized, so that each word's line, requested when the word
 * was found, has had the rest of the text's time to arrive.
 */
static void resolve(nd_tokenizer *t, nd_tokens *tk, size_t from)
{
    for (size_t i = from; i < tk->n; i++) {
        nd_token *o = &tk->v[i];
        uint32_t se = word_entry(t, tk->text.data + o->off, o->len, o->hash);
        const struct word *e = word_at(t, se);
        if (e->stop) o->flags |= ND_TOK_STOP, tk->stops++;
        o->entry = se;
        o->stem_off = e->stem_off;
        o->stem_len = e->stem_len;
    }
}

/* A Han ideograph of the main block, U+4E00..U+9FFF: no case, no marks, the same under NFKC. */
static int han(utf8proc_int32_t cp)
{
    return cp >= 0x4E00 && cp <= 0x9FFF;
}

/*
 * The letters of Han, hiragana and katakana: the scripts written without
 * spaces between words (U+3005 々 repeats a character; the kana blocks'
 * voicing marks, ゠ and ・ are no letters).
 */
static int cjk(utf8proc_int32_t cp)
{
    return han(cp) || (cp >= 0x3041 && cp <= 0x309F && (cp < 0x3097 || cp > 0x309C)) ||
           (cp >= 0x30A1 && cp <= 0x30FF && cp != 0x30FB) || (cp >= 0x3400 && cp <= 0x4DBF) || cp == 0x3005 ||
           (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF66 && cp <= 0xFF9F) ||
           (cp >= 0x20000 && cp <= 0x3134F);
}

/* A letter, mark or digit of a word with spaces around it: CJK characters are read apart (cjk_run). */
static int is_word_cp(utf8proc_int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO) && !cjk(cp);
}

/*
 * A character that shows nothing inside a word and does not end it: the
 * soft hyphen (a hyphenation point, which German pages put in their long
 * words), the zero-width joiner and non-joiner, the word joiner.
 */
static int invisible(utf8proc_int32_t cp)
{
    return cp == 0xAD || cp == 0x200C || cp == 0x200D || cp == 0x2060;
}

/*
 * The comma or period at s[i] of a number, a digit after it: 0 when it ends
 * the number, 1 when it groups thousands (dropped: "2,500", or "14.372" where
 * the comma is the decimal mark), 2 when it is the decimal mark (kept as '.':
 * "3.5", or "2,5" there), 3 when it parts the hour from the minutes (kept as
 * ':'): where the comma is the decimal mark, "20.15 Uhr" is a time of day.
 * Out of the scanning loop, which stays tight.
 */
__attribute__((noinline)) static int number_mark(const nd_tokenizer *t, const unsigned char *s, size_t i, size_t len)
{
    if (!(t->lang->rules & ND_LANG_COMMA))
        return s[i] == '.' ? 2 : i + 3 < len && cls[s[i + 2]] == C_DIGIT && cls[s[i + 3]] == C_DIGIT;
    if (s[i] == ',') return 2;
    size_t j = i + 1;   /* a group of exactly three digits */
    int group = j + 3 <= len && cls[s[j + 1]] == C_DIGIT && cls[s[j + 2]] == C_DIGIT &&
                (j + 3 == len || cls[s[j + 3]] != C_DIGIT);
    if (group) return 1;
    /* hours 0-24 of one or two digits, the number's first, then minutes 00-59 */
    int two = i >= 2 && cls[s[i - 2]] == C_DIGIT;
    size_t h0 = i - 1 - (size_t)two;
    int hour = two ? (s[i - 2] - '0') * 10 + (s[i - 1] - '0') : s[i - 1] - '0';
    int first = h0 == 0 || (cls[s[h0 - 1]] != C_DIGIT && s[h0 - 1] != '.' && s[h0 - 1] != ',');
    int minutes = j + 2 <= len && s[j] <= '5' && cls[s[j + 1]] == C_DIGIT;
    size_t k = j + 2;   /* and nothing of a number after them */
    if (minutes && k < len && (cls[s[k]] == C_DIGIT || ((s[k] == '.' || s[k] == ',') && k + 1 < len && cls[s[k + 1]] == C_DIGIT)))
        minutes = 0;
    return first && minutes && hour <= 24 ? 3 : 2;
}

/*
 * The run of ASCII letters and digits that starts the 8 bytes at s: copied
 * lower-cased to dst (all 8 bytes are written), its length returned, its
 * upper-case letters and letters counted into *upper and *letters. In each
 * mask bit 7 of a byte says whether the byte is in the class; adding
 * 0x80 - lo to a 7-bit byte sets bit 7 exactly when it is >= lo and never
 * carries into the next byte.
 */
static inline size_t alnum_run8(const unsigned char *s, char *dst, size_t *upper, size_t *letters)
{
    const uint64_t ones = 0x0101010101010101ULL, high = ones * 0x80;
    uint64_t w;
    memcpy(&w, s, 8);
    uint64_t x = w & ~high, ascii7 = ~w & high;
#define ND_RANGE(lo, hi) ((x + ones * (0x80 - (lo))) & ~(x + ones * (0x80 - (hi) - 1)) & ascii7)
    uint64_t up = ND_RANGE('A', 'Z'), low = ND_RANGE('a', 'z'), digit = ND_RANGE('0', '9');
#undef ND_RANGE
    uint64_t stop = ~(up | low | digit) & high;
    size_t n = stop ? (size_t)__builtin_ctzll(stop) / 8 : 8;
    uint64_t keep = n == 8 ? ~0ULL : (1ULL << (8 * n)) - 1;
    uint64_t lw = w | (up >> 2);   /* 'A' | 0x20 = 'a' */
    memcpy(dst, &lw, 8);
    /* bytes with bit 7 set, counted: one per byte, summed into the top byte by the multiplication */
    *upper += (size_t)((((up & keep) >> 7) * ones) >> 56);
    *letters += (size_t)(((((up | low) & keep) >> 7) * ones) >> 56);
    return n;
}

/* Decode one code point at s[i]; returns its length (>= 1). */
static size_t decode(const unsigned char *s, size_t i, size_t len, utf8proc_int32_t *cp)
{
    utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), cp);
    if (n <= 0) {
        *cp = -1;
        return 1;
    }
    return (size_t)n;
}

/*
 * A run of CJK characters from s[i] (its first character cl bytes long):
 * its overlapping pairs are its words ("经济发展" -> 经济, 济发, 发展), as
 * search engines index text without spaces between words; a lone character
 * is dropped like any one-character word. Returns the run's end. The first
 * code point is decoded again here: handed over from the scanning loop, it
 * cost English text 0.15% more instructions in that loop.
 */
__attribute__((cold, noinline)) static size_t cjk_run(const nd_tokenizer *t, nd_tokens *tk, const unsigned char *s,
                                                      size_t i, size_t cl, size_t len, uint32_t sent, uint32_t base)
{
    size_t prev = i, j = i + cl;
    utf8proc_int32_t cp;
    decode(s, i, len, &cp);
    int was_han = han(cp);
    while (j < len) {
        size_t n = decode(s, j, len, &cp);
        if (cp < 0 || !cjk(cp)) break;
        size_t pair = j + n - prev;
        text_room(tk, pair + len - j);
        size_t off = tk->text.len;
        memcpy(tk->text.data + off, s + prev, pair);
        /* two Han ideographs need no mapping (a third of a Chinese text's time went to it); kana do */
        int is_han = han(cp);
        emit(t, tk, off, pair, !(was_han && is_han), 0, sent, base + (uint32_t)prev);
        was_han = is_han;
        prev = j;
        j += n;
    }
    text_room(tk, len - j);
    return j;
}

void nd_tokenizer_begin(nd_tokenizer *t)
{
    if (t->nwords > ND_WORDS - ND_DOC_WORDS) {   /* near full (always after an overflow): start over */
        memset(t->line, 0, ND_LINES * sizeof(*t->line));
        t->nwords = 0;
        t->epoch++;
        nd_buf_reset(&t->stems);
    }
    if (t->over.n) nd_strmap_clear(&t->over);
}

uint32_t nd_tokenizer_epoch(const nd_tokenizer *t)
{
    return t->epoch;
}

const char *nd_tokenizer_stems(const nd_tokenizer *t)
{
    return t->stems.data;
}

/*
 * Token bytes are written straight into tk->text: a token never has more
 * bytes than the input it came from (+1 for its '\0', which takes the place
 * of the character that ended it), so one text_room per call is enough
 * until an NFKC mapping grows a word.
 */
void nd_tokenize(nd_tokenizer *t, const char *text, size_t len, uint32_t sent, uint32_t base, nd_tokens *tk)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, from = tk->n;
    const int elide = (t->lang->rules & ND_LANG_ELIDE) != 0, english = t->lang == nd_english();
    text_room(tk, len);
    while (i < len) {
        unsigned char c = s[i];
        int k = cls[c];
        utf8proc_int32_t cp = 0;
        size_t cl = 1;
        if (k == C_OTHER) { i++; continue; }
        if (k == C_HIGH) {
            cl = decode(s, i, len, &cp);
            if (cp < 0 || !is_word_cp(cp)) {
                i = cjk(cp) ? cjk_run(t, tk, s, i, cl, len, sent, base) : i + cl;
                continue;
            }
        }
        /* a token starts at i */
        size_t start = i, off = tk->text.len, o = 0;
        char *dst = tk->text.data + off;
        int nonascii = 0, first_upper = k == C_UPPER;
        size_t upper = 0, letters = 0, high = 0;   /* ASCII upper, ASCII letters, other letters */
        size_t seg = 0;                            /* letters + high at the last period, for "u.s" */
        while (i < len) {
            c = s[i];
            k = cls[c];
            if (ascii[c].alnum) {
                /* a run of ASCII letters and digits in one go: eight bytes at a time, then the rest */
                size_t n = 8;
                while (n == 8 && i + 8 <= len) {
                    n = alnum_run8(s + i, dst + o, &upper, &letters);
                    i += n;
                    o += n;
                }
                if (n == 8)
                    for (; i < len && ascii[c = s[i]].alnum; i++) {
                        dst[o++] = (char)ascii[c].low;
                        upper += ascii[c].up;
                        letters += ascii[c].letter;
                    }
                continue;
            }
            if (k == C_HIGH) {
                /* right single quote U+2019 works as an apostrophe */
                if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && s[i + 2] == 0x99) {
                    cl = 3;
                    goto apostrophe;
                }
                cl = decode(s, i, len, &cp);
                if (invisible(cp) && o) {   /* "Klima\u00ADwandel" is "Klimawandel" */
                    i += cl;
                    continue;
                }
                /*
                 * Catalan's "l·l" (a middle dot between two l's: "col·lecció") is inside its word.
                 * Its own copy, not a condition on the letters' below: folded into theirs, the
                 * compiler's scanning loop cost 0.2% more instructions on English text.
                 */
                int geminate = cp == 0xB7 && o && dst[o - 1] == 'l' && i + cl < len && (s[i + cl] | 0x20) == 'l';
                if (geminate) {
                    nonascii = 1;
                    memcpy(dst + o, s + i, cl);
                    o += cl;
                    i += cl;
                    continue;
                }
                if (cp < 0 || !is_word_cp(cp)) break;
                nonascii = 1;
                high++;
                memcpy(dst + o, s + i, cl);
                o += cl;
                i += cl;
                continue;
            }
            if (c == '\'') {
                cl = 1;
            apostrophe:
                if (elide) {
                    i += cl;         /* l'état: "l" ends here (one letter, dropped), "état" follows */
                    break;
                }
                if (i + cl < len && (cls[s[i + cl]] == C_LOWER || cls[s[i + cl]] == C_UPPER)) {
                    size_t j = i + cl;
                    if (english && (s[j] == 's' || s[j] == 'S') && (j + 1 >= len || cls[s[j + 1]] == C_OTHER)) {
                        i = j + 1;   /* possessive: drop it, the word ends */
                        break;
                    }
                    i += cl;         /* don't -> dont */
                    continue;
                }
                break;
            }
            if ((c == '.' || c == ',') && letters + high == 0 && i + 1 < len && cls[s[i + 1]] == C_DIGIT) {
                int m = number_mark(t, s, i, len);
                if (m) {
                    if (m >= 2) dst[o++] = m == 2 ? '.' : ':';
                    i++;
                    continue;
                }
                break;
            }
            if (c == '.' && i + 1 < len) {
                unsigned char n1 = s[i + 1];
                /* U.S. / e.g. : single letters joined by periods */
                if (letters + high - seg == 1 && !nonascii && (cls[n1] == C_LOWER || cls[n1] == C_UPPER) &&
                    (i + 2 >= len || s[i + 2] == '.' || cls[s[i + 2]] == C_OTHER)) {
                    dst[o++] = '.';
                    seg = letters + high;
                    i++;
                    continue;
                }
                break;
            }
            break;
        }
        unsigned flags = 0;
        if (upper >= 2 && letters == upper) flags |= ND_TOK_CAPS;
        if (first_upper) flags |= ND_TOK_CAP;
        if (letters + high == 0) flags |= ND_TOK_NUM;
        if (first_upper && i < len && (s[i] == ',' || s[i] == '.'))   /* for the gazetteer's "Athens, Ga." */
            flags |= s[i] == ',' ? ND_TOK_COMMA : ND_TOK_POINT;
        else if (first_upper && i + 2 < len && s[i] == ' ' && cls[s[i + 1]] == C_UPPER && cls[s[i + 2]] == C_LOWER)
            flags |= ND_TOK_SPACED;   /* "Jordan Henderson": a name's first part, maybe */
        emit(t, tk, off, o, nonascii, flags, sent, base + (uint32_t)start);
        if (nonascii) text_room(tk, len - i);   /* the mapping may have used some */
        if (i == start) i++;   /* never stall */
    }
    resolve(t, tk, from);
}
