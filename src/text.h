/*
 * text.h -- the library's internal text pipeline: tokens, gazetteer, terms,
 * vocabulary, sparse vectors and the folded linear SVM. Private to src/.
 */
#ifndef ND_TEXT_H
#define ND_TEXT_H

#include "nd_internal.h"
#include "story.h"

#include <math.h>  /* log */

/*=====   Tokens (tokenize.c)   =====*/

enum {
    ND_TOK_STOP = 1, ND_TOK_CAPS = 2, ND_TOK_CAP = 4, ND_TOK_NUM = 8, ND_TOK_DATELINE = 16 /* a dateline's place */,
    ND_TOK_COMMA = 32, ND_TOK_POINT = 64,  /* a comma, a period right after a capitalised word ("Athens, Ga.") */
    ND_TOK_SPACED = 128                    /* a capitalised word, one space and a capitalised one ("Jordan Henderson") */
};
#define ND_SENT_TITLE UINT32_MAX   /* 'sent' of title tokens */

typedef struct nd_token {
    uint64_t hash;       /* nd_hash of the normalised word */
    uint32_t off;        /* normalised word in tokens->text */
    uint16_t len;
    uint16_t stem_len;
    uint32_t stem_off;   /* stem in the tokenizer's stem pool */
    uint32_t entry;      /* the word's entry in the tokenizer's cache (see nd_tokenizer_slot) */
    uint32_t sent;       /* sentence index, or ND_SENT_TITLE */
    uint32_t src;        /* byte offset in the source text */
    uint8_t flags;
} nd_token;

typedef struct nd_tokens {
    nd_buf text;
    nd_token *v;
    size_t n, alloc;
    size_t stops;   /* of the n, the stop words (ND_TOK_STOP) */
} nd_tokens;

typedef struct nd_tokenizer nd_tokenizer;

struct nd_language;
/* A tokenizer for 'lang' (NULL: English); NULL if its Snowball stemmer is missing. */
nd_tokenizer *nd_tokenizer_new(const struct nd_language *lang);
const struct nd_language *nd_tokenizer_language(const nd_tokenizer *t);
/* nd_sentences with the abbreviations and rules of 'lang' (NULL: English's). */
void nd_sentences_lang(const char *text, size_t len, const struct nd_language *lang, nd_spans *out);
/*
 * The place of the dateline s[0..n) opens with (nd_dateline), without its
 * date, agency or dash ("NEW YORK" of "NEW YORK, Jan 5 -", "Wien/Linz" of
 * "Wien/Linz – Die", none of "(CNN) A"): its length, and at *from its start
 * (after a wire's byline in capitals). 0: no dateline, or one of no place.
 */
size_t nd_dateline_place(const char *s, size_t n, size_t *from);
void nd_tokenizer_free(nd_tokenizer *t);
/* Call between documents: keeps the word cache bounded (and may clear the slots). */
void nd_tokenizer_begin(nd_tokenizer *t);
/* How often the word cache has started over: the slots below are unset again each time. */
uint32_t nd_tokenizer_epoch(const nd_tokenizer *t);
/*
 * A memo slot per cached word, for the tokenizer's owner: the analyzer keeps
 * the word's unigram feature id there, the trainer its dictionary id.
 * ND_SLOT_UNSET until set; cleared when the cache starts over.
 */
#define ND_SLOT_UNSET UINT32_MAX
uint32_t nd_tokenizer_slot(const nd_tokenizer *t, uint32_t entry);
void nd_tokenizer_set_slot(nd_tokenizer *t, uint32_t entry, uint32_t value);
/* A second slot, for the gazetteer: 1 + the most words of a place starting with this word, 1 for none. */
uint32_t nd_tokenizer_geo_slot(const nd_tokenizer *t, uint32_t entry);
void nd_tokenizer_set_geo_slot(nd_tokenizer *t, uint32_t entry, uint32_t value);
const char *nd_tokenizer_stems(const nd_tokenizer *t);
int nd_is_stopword(const nd_tokenizer *t, const char *w, size_t len);

void nd_tokens_init(nd_tokens *tk);
void nd_tokens_release(nd_tokens *tk);
void nd_tokens_reset(nd_tokens *tk);
/* Append the words of text[0..len) with sentence 'sent'; 'base' is added to src offsets. */
void nd_tokenize(nd_tokenizer *t, const char *text, size_t len, uint32_t sent, uint32_t base, nd_tokens *tk);

static inline const char *nd_tok_word(const nd_tokens *tk, size_t i) { return tk->text.data + tk->v[i].off; }

/*=====   libsvm model files (svmio.c)   =====*/

struct svm_model;
/*
 * Parse a model in libsvm's text format (as svm_save_model writes it) into
 * the struct svm_model svm_load_model would build; free it with
 * svm_free_and_destroy_model. 'name' labels errors (NAME:LINE: ...).
 */
struct svm_model *nd_svm_parse(const char *text, size_t len, const char *name, nd_err *err);

/*=====   Gazetteer (gazetteer.c)   =====*/

#define ND_REGION_MAX 64   /* bytes in a region's name */

/* Place names, demonyms, cities -> region. Phrases are matched on normalised words. */
#define ND_GEO_MONEY 16   /* currency signs at most ("£", "€", "₹"): lines of a sign alone */
typedef struct nd_gazetteer {
    nd_strmap map;       /* "new york" -> region index, | an ND_GEO_MARKS mark ("texas" a state) */
    nd_strmap first;     /* "new" -> the most words of a phrase starting with it */
    nd_strmap domains;   /* "au" -> region index: an outlet's country code (lines ".au<TAB>oceania") */
    char **regions;
    size_t nregions;
    int maxwords;
    int country;         /* the region of "united states" (AP's "Athens, Ga."), -1 if none */
    struct { char sym[4]; uint8_t len; uint16_t region; } money[ND_GEO_MONEY];   /* "£" -> europe */
    size_t nmoney;
    nd_buf source;       /* the table as loaded (saved into the bundle verbatim) */
} nd_gazetteer;

/*
 * A state or province (the word "state" in a third column): a town named
 * just before it lies in it, "Paris, Texas". A country ("country") is no
 * such town: "the Gulf of Mexico, Alaska". A given name too ("name"):
 * "Jordan Henderson" is a person where "Henderson" stands alone elsewhere.
 * Marked in the map's values; a hit's kind holds them >> ND_GEO_SHIFT.
 */
#define ND_GEO_NAME 0x20000000u
#define ND_GEO_STATE 0x40000000u
#define ND_GEO_COUNTRY 0x80000000u
#define ND_GEO_MARKS (ND_GEO_NAME | ND_GEO_STATE | ND_GEO_COUNTRY)
#define ND_GEO_SHIFT 29

typedef struct nd_geo_hit {
    uint32_t tok;        /* first token of the match */
    uint16_t nwords;
    uint16_t region;
    uint16_t kind;       /* its ND_GEO_MARKS marks >> ND_GEO_SHIFT */
} nd_geo_hit;

/* Parse "place<TAB>region" lines ('#' comments) into 'g' (which holds nothing yet). On failure 'g' holds nothing. */
nd_status nd_gazetteer_parse(nd_gazetteer *g, const char *text, size_t len, nd_tokenizer *t, nd_err *err);
void nd_gazetteer_release(nd_gazetteer *g);
/*
 * The region of an outlet's address ("https://www.news.example.com.au/...",
 * "news.example.co.za"): its last domain label looked up among the table's
 * ".au"-style lines; -1 when none.
 */
int nd_gazetteer_outlet(const nd_gazetteer *g, const char *addr, size_t len);
/* A bit (1 << region) per region whose currency sign text[0..len) writes before a number ("£600m"). */
uint64_t nd_gazetteer_money(const nd_gazetteer *g, const char *text, size_t len);
/*
 * Longest-first matches over all tokens; appended to *hits. 'tz' made the
 * tokens (its geo slots memoise). A place before a street word ("Dresden
 * Drive"), after a title ("Mr Hague") or as a given name before a surname
 * named alone too ("Jordan Henderson") is none; a town before its state
 * ("Paris, Texas", "Athens, Ga.") takes the state's region.
 */
void nd_gazetteer_match(const nd_gazetteer *g, nd_tokenizer *tz, const nd_tokens *tk, nd_geo_hit **hits, size_t *nhits,
                        size_t *alloc);

/*=====   Terms (features.c)   =====*/

/*
 * A feature occurrence: a unigram stem, a bigram "a b", or a pseudo-term
 * ("@geo:asia", "#n3"). Unigrams and bigrams refer to their words' entries
 * in the tokenizer's cache (so lookups can be memoised per word) and to their
 * stems in its pool; no key string is built for them. Pseudo-terms have their
 * key in terms->keys and its hash, and entry ND_SLOT_UNSET.
 */
typedef struct nd_term {
    uint64_t hash;       /* pseudo-terms only */
    uint32_t off, len;   /* the (first) stem in the pool, or the key in terms->keys */
    uint32_t off2, len2; /* a bigram's second stem */
    uint32_t entry;      /* the (first) word's cache entry, or ND_SLOT_UNSET */
    uint32_t entry2;     /* a bigram's second word, or ND_SLOT_UNSET */
    uint32_t sent;
    float w;
} nd_term;

typedef struct nd_terms {
    nd_buf keys;
    nd_term *v;
    size_t n, alloc;
    nd_geo_hit *hits;
    size_t nhits, hits_alloc;
    size_t sub_at;   /* where the words' character 4-grams are (or would be, with subwords 0): after their words */
} nd_terms;

typedef struct nd_feature_cfg {
    int bigrams;
    double title_weight;
    double lead_weight;
    int numbers;
    int title_terms;
    double subwords;   /* weight of a word's character 4-grams ("~gier"), 0: none */
    double dateline_weight;   /* weight of the terms "%stem" of a dateline's place, 0: none */
    double placeless_weight;  /* weight of the term "%" of a story with no dateline's place, 0: none */
} nd_feature_cfg;

void nd_terms_init(nd_terms *t);
void nd_terms_release(nd_terms *t);

/* A token's weight: the title's and the lead's words count more. */
static inline float nd_token_weight(const nd_feature_cfg *cfg, const nd_token *t)
{
    return t->sent == ND_SENT_TITLE ? (float)cfg->title_weight : t->sent == 0 ? (float)cfg->lead_weight : 1.0f;
}

/* Does the token have character 4-grams (a word, not a stop word nor a number's shape)? */
static inline int nd_token_subworded(const nd_feature_cfg *cfg, const nd_token *t)
{
    return !(t->flags & ND_TOK_STOP) && !((t->flags & ND_TOK_NUM) && cfg->numbers);
}

/* Append the 4-grams of stem s[0..n) as terms "~gram" weighing w (none for stems of under 4 characters). */
void nd_terms_push_subwords(nd_terms *out, const char *s, size_t n, uint32_t sent, float w);
/*
 * 'outlet': the region of the record's address (-1: none); 'money': a bit per
 * region whose currency sign the story writes (nd_gazetteer_money).
 */
void nd_terms_build(const nd_feature_cfg *cfg, nd_tokenizer *tz, const nd_gazetteer *gz, int outlet, uint64_t money,
                    const nd_tokens *tk, nd_terms *out);

/* The term's key as a string ("stem", "stem stem", "@geo:asia"), built in 'tmp' when needed. */
static inline const char *nd_term_key(const nd_terms *ts, const nd_tokenizer *tz, const nd_term *t, nd_buf *tmp,
                                      size_t *len)
{
    if (t->entry == ND_SLOT_UNSET) {
        *len = t->len;
        return ts->keys.data + t->off;
    }
    const char *stems = nd_tokenizer_stems(tz);
    if (t->entry2 == ND_SLOT_UNSET) {
        *len = t->len;
        return stems + t->off;
    }
    nd_buf_reset(tmp);
    nd_buf_add(tmp, stems + t->off, t->len);
    nd_buf_addc(tmp, ' ');
    nd_buf_add(tmp, stems + t->off2, t->len2);
    *len = tmp->len;
    return tmp->data;
}

/*=====   Sparse vectors   =====*/

typedef struct nd_svec {
    uint32_t *idx;       /* feature ids, 1-based, ascending */
    float *val;
    size_t n, alloc;
} nd_svec;

void nd_svec_init(nd_svec *v);
void nd_svec_release(nd_svec *v);
void nd_svec_push(nd_svec *v, uint32_t idx, float val);
void nd_svec_normalize(nd_svec *v);
double nd_svec_dot(const nd_svec *a, const nd_svec *b);

/*
 * Sublinear term frequency: 1 + ln c for c >= 1, else c. Counts are mostly
 * small whole numbers: those come from a table of libm's own values.
 */
extern double nd_ln_small[64];   /* ln k, k < 64 */
/* Fill nd_ln_small (once per process): every maker of an object that uses nd_sublinear_tf calls it. */
void nd_features_init(void);
static inline double nd_sublinear_tf(double c)
{
    if (c < 1) return c;
    if (c < 64 && c == (double)(int)c) return 1.0 + nd_ln_small[(int)c];
    return 1.0 + log(c);
}

/* TF-IDF of a bag of (feature id, count): (1 + ln count) * idf, L2-normalised, sorted. */
void nd_svec_tfidf(nd_svec *v, const float *idf);

/*=====   Folded linear SVM (svm.c)   =====*/

struct svm_model;

/*
 * A libsvm one-vs-one model with a linear kernel, folded into one weight
 * vector per class pair (stored feature-major), plus Platt sigmoids per pair
 * for confidences. Keeps 'model' (owned) for saving.
 */
typedef struct nd_linsvm {
    int nclass;
    char **labels;        /* label names, by class index */
    int npairs;
    double *rho;
    double *prob_a, *prob_b;   /* per pair; NULL when not calibrated */
    uint32_t nfeat;
    uint32_t *fstart;     /* nfeat + 2 entries: feature f's weights are [fstart[f], fstart[f+1]) */
    uint16_t *pair;
    float *w;
    float *wd;            /* few pairs: all of feature f's pair weights at wd[f * stride], or NULL */
    int stride;           /* npairs (or nclass) rounded up to 8 (the row's tail is zeros) */
    int per_class;        /* one-vs-rest: wd holds a weight per class; pair (i, j) decides by score i - score j */
    int *count;           /* training documents per class, or NULL (older bundles) */
    int uniform_prior;    /* calibrated probabilities are divided by the training prior (count / total) */
    int *lab;             /* libsvm's class order: its class i is our class lab[i] */
    struct svm_model *model;   /* or NULL when the weights came from the cache: then 'source' is the bundle */
    char *source;              /* whose TASK.svm they were folded from */
    uint64_t source_hash;      /* the nd_hash of that text, as its manifest lists it */
    void *map;                 /* the cache file mapped, lab, rho and the weights lying in it (unmapped by nd_linsvm_free), or NULL */
    size_t map_len;
} nd_linsvm;

/* Fold 'model' (taken over) whose libsvm labels are 0..nclass-1 into class order. */
nd_linsvm *nd_linsvm_fold(struct svm_model *model, char **labels, int nclass, uint32_t nfeat);
/*
 * The folded weights as a cache file (cache.c), written atomically to
 * 'path' for the libsvm text whose nd_hash is svm_hash (0, or -1 on any
 * failure); and read back: NULL when the file is missing, not of that text,
 * or damaged. A model read so has no labels, counts or Platt sigmoids yet.
 */
int nd_linsvm_cache_write(const nd_linsvm *s, uint64_t svm_hash, const char *path);
nd_linsvm *nd_linsvm_cache_read(const char *path, uint64_t svm_hash, int nclass, uint32_t nfeat);
void nd_linsvm_free(nd_linsvm *s);
/* Feature f's non-zero weights, in pair order, into pair[] and w[] (room for npairs each); their count. */
size_t nd_linsvm_row(const nd_linsvm *s, uint32_t f, int *pair, float *w);
/* Decision values of every pair (dec has npairs entries). */
void nd_linsvm_decision(const nd_linsvm *s, const nd_svec *x, double *dec);

/*
 * How a classifier sees the article vector: features lo..hi (the gazetteer
 * block) multiplied by g, features tlo..thi (the title terms) by tg, then the
 * vector normalised again. An empty block has lo = hi = 0. Applied inside the
 * decision pass (a partial sum and a norm per block), so the vector is never
 * copied.
 */
typedef struct nd_view {
    uint32_t lo, hi;
    double g;
    uint32_t tlo, thi;
    double tg;
} nd_view;

/* 0: the rest, 1: the gazetteer block, 2: the title block. */
static inline int nd_view_block(const nd_view *v, uint32_t f)
{
    return f >= v->lo && f <= v->hi ? 1 : f >= v->tlo && f <= v->thi ? 2 : 0;
}
static inline int nd_view_identity(const nd_view *v)
{
    return (!v->lo || v->g == 1.0) && (!v->tlo || v->tg == 1.0);
}

/* Decision values of x as 'view' sees it. */
void nd_linsvm_decision_view(const nd_linsvm *s, const nd_svec *x, const nd_view *view, double *dec);
/*
 * Predict: class index and its confidence. 'scratch' holds at least
 * nd_linsvm_scratch(s) doubles. 'view' may be NULL (as is).
 */
int nd_linsvm_predict(const nd_linsvm *s, const nd_svec *x, const nd_view *view, double *scratch, double *confidence);
/*
 * After nd_linsvm_predict with 'scratch': every class's probability (by class
 * index, summing to 1): calibrated when the model has Platt sigmoids, else
 * each class's share of the pairwise votes.
 */
void nd_linsvm_probabilities(const nd_linsvm *s, const double *scratch, double *p);
size_t nd_linsvm_scratch(const nd_linsvm *s);

/* Fit a Platt sigmoid P(y=1|f) = 1 / (1 + exp(A f + B)) to decision values. */
void nd_platt_fit(const double *dec, const int8_t *y, size_t n, double *a, double *b);
/* That sigmoid's P for decision value f, in a form stable either side of A f + B = 0. */
static inline double nd_platt_prob(double f, double a, double b)
{
    double fApB = f * a + b;
    if (fApB >= 0) return exp(-fApB) / (1.0 + exp(-fApB));
    return 1.0 / (1.0 + exp(fApB));
}
/* Class probabilities from pairwise ones (Wu, Lin & Weng 2004, method 2). r is k*k; scratch k*(k+2). */
void nd_pairwise_coupling(int k, const double *r, double *p, double *scratch);



/*=====   A prepared document (features.c)   =====*/

/* Scratch for one article: cleaned text, sentences, tokens, terms. Reused across documents. */
typedef struct nd_doc {
    nd_page page;        /* the page's blocks and the decisions on them */
    const char *title;   /* the record's title, else the page's own (valid until the next prepare), or NULL */
    size_t head;         /* the length of the headline taken as the title (clean starts with it), or 0 */
    nd_buf clean;
    nd_spans sents;
    nd_tokens tk;
    nd_terms terms;
    nd_svec vec;         /* TF-IDF of the whole article (filled by the caller) */
    const struct nd_language *sent_lang;   /* whose rules cut the sentences (NULL: the tokenizer's language's) */
    size_t story_head;   /* the headline nd_story found at the top of clean (before nd_headline_title), or 0 */
} nd_doc;

void nd_doc_init(nd_doc *d);
void nd_doc_release(nd_doc *d);
/*
 * Find the story of 'text' with the block model 'ex' (NULL: the clutter
 * rules alone; nothing removed with keep_boilerplate), split sentences,
 * tokenize the title (the record's, else the page's; sentence
 * ND_SENT_TITLE) and every sentence, and build the terms.
 * The outlet's address, 'url' (may be NULL) or else an address line at the
 * top of the text, places the article like a dateline when its country
 * code is in the gazetteer.
 */
void nd_doc_prepare(nd_doc *d, nd_tokenizer *tz, const nd_gazetteer *gz, const nd_feature_cfg *cfg,
                    const nd_extractor *ex, const char *title, const char *text, const char *url, int keep_boilerplate);
/*
 * nd_doc_prepare again on the story it found in 'text' (tlen bytes; not
 * looked for twice), its sentences cut by d->sent_lang's rules: title,
 * sentences, tokens and terms anew.
 */
void nd_doc_resplit(nd_doc *d, nd_tokenizer *tz, const nd_gazetteer *gz, const nd_feature_cfg *cfg, const char *text,
                    size_t tlen, const char *url);

/*=====   Summaries (summarize.c)   =====*/

/*
 * Sentence features of the learned method: ND_SFEAT_OWN of the sentence and
 * its article, whether the article opens with a dateline, and the own ones
 * again for an article that does (agency copy is written as an inverted
 * pyramid; bbc-style features need not hold for it). A bundle with fewer
 * weights (an older one) reads the rest as 0.
 */
#define ND_SFEAT_OWN 24
#define ND_SFEAT (2 * ND_SFEAT_OWN + 1)

/*
 * A term occurrence: sentence (or ND_SENT_TITLE), its feature's local id
 * (the feature's place in the article's vector), weight. Sentence vectors
 * live in that small space, so their lookups stay in the cache.
 */
struct nd_occ { uint32_t sent, lid; float w; };

/*
 * A linear sentence scorer: v = w . features + b (libsvm model kept for
 * saving). Calibrated (the model file has libsvm's probA/probB), the chance
 * that a sentence is in the reference is 1 / (1 + exp(pa * v + pb)).
 */
typedef struct nd_sumsvm {
    double w[ND_SFEAT];
    double b;
    double c;                    /* the C it was trained with (0: not known) */
    int calibrated;
    double pa, pb;
    struct svm_model *model;
    const struct nd_language *lang;   /* the language of the references it learned from (NULL: the bundle's) */
} nd_sumsvm;

/* What the summarizer needs of an analysed article; arrays by local feature id. */
typedef struct nd_sumin {
    const struct nd_model *m;   /* its sentence model */
    const nd_doc *d;
    const struct nd_occ *occ;   /* title and body occurrences, gazetteer terms excluded */
    size_t nocc;
    const float *vec;           /* the article's normalised TF-IDF vector */
    const float *idf;           /* each feature's IDF */
    size_t nlocal;              /* the number of local ids */
    const char *title;          /* or NULL */
    int unlearned;              /* the story's language is not the one the sentence model learned from */
    int tail_out;               /* the story's last sentence is none of it (nd_summary_tail_out) */
    int highlights;             /* read as datelined news, whose references are highlights (nd_analyze_opts) */
} nd_sumin;
/* summarize.c: is the story's last sentence none of it: cut short by a feed, or chrome in its paragraph? */
int nd_summary_tail_out(const nd_doc *d);

typedef struct nd_summarizer nd_summarizer;
nd_summarizer *nd_summarizer_new(void);
void nd_summarizer_free(nd_summarizer *s);
/* Sentence vectors, graph, scores and features; returns the number of sentences. */
size_t nd_summarizer_prepare(nd_summarizer *s, const nd_sumin *in);
/* n x ND_SFEAT features of the prepared article. */
const double *nd_summarizer_features(const nd_summarizer *s);
/*
 * When the article has no more candidate sentences than 'o' asks for, they
 * are the summary whatever the scores: fills 'pick' and returns their number
 * without any scoring. Returns 0 when scoring is needed.
 */
size_t nd_summarizer_trivial(nd_summarizer *s, const nd_sumin *in, const nd_analyze_opts *o, uint32_t *pick);
/* The article's first story sentence (*sent) and the length of the dateline it opens with (0: none). */
size_t nd_summarizer_dateline(const nd_sumin *in, size_t *sent);
/* The chosen sentences (indices, document order) for 'o'; returns how many. */
size_t nd_summarizer_pick(nd_summarizer *s, const nd_sumin *in, const nd_analyze_opts *o, uint32_t *pick);

/* Fold a two-class linear libsvm model (label 1 = in the summary) into w, b; takes 'model' over. */
nd_sumsvm *nd_sumsvm_fold(struct svm_model *model);
/* Calibrate with a Platt sigmoid over the oriented score (stored in the libsvm model too). */
void nd_sumsvm_calibrate(nd_sumsvm *s, double a, double b);
void nd_sumsvm_free(nd_sumsvm *s);

/*
 * For training: analyse 'rec' (no classification) and return its sentence
 * features (n x ND_SFEAT, valid until the next call), the prepared document
 * and the tokenizer whose stem pool its tokens point into.
 */
const double *nd_analyzer_sentence_features(nd_analyzer *a, const nd_record *rec, size_t *n, const nd_doc **doc,
                                           nd_tokenizer **tz);

/*=====   The model bundle (model.c)   =====*/

/*
 * 2: the manifest ends with checksums of every file and of itself; 3: it
 * names a language other than English (so that a newsdesk from before
 * languages refuses the bundle instead of reading its words as English);
 * 4: its terms include subwords (a newsdesk before them would not make
 * those terms, and would score every text wrongly without a word); 5: its
 * terms include a dateline's place ("%wien"), which a newsdesk before them
 * would not make; 6: a story without a dateline has the term "%" (the
 * same).
 */
#define ND_MODEL_FORMAT 6

struct nd_model {
    nd_train_opts opts;          /* feature settings (and the training settings used); opts.language is lang's code */
    const struct nd_language *lang;   /* the texts' language (English for bundles that name none) */
    int format;                       /* the bundle's format: 2 for English, 3 for other languages */
    nd_strmap vocab;             /* term -> document frequency; feature id = entry + 1 */
    float *idf;                  /* [nfeat + 1] */
    uint32_t ndocs;              /* documents the IDF was computed on */
    nd_gazetteer gaz;            /* empty when the bundle has none */
    nd_linsvm *task[ND_NTASKS];
    nd_sumsvm *sum;              /* the learned sentence scorer, or NULL */
    struct nd_extractor *ex;     /* the story extraction's block model, or NULL (the clutter rules alone) */
    uint32_t geo_lo, geo_hi;     /* feature ids of the "@geo" terms (0, 0: none) */
    uint32_t title_lo, title_hi; /* feature ids of the "^" title terms (0, 0: none) */
    uint64_t *filter;            /* ND_FILTER_BITS bits: set for every vocabulary term's hash */
    /* stems of the vocabulary, so unigrams and bigrams are found without key strings */
    nd_strmap stems;             /* every stem of a unigram or bigram term -> stem id (entry index) */
    uint32_t *stem_fid;          /* the stem's unigram feature id, 0 if it is no unigram term */
    struct nd_pair { uint64_t key; uint32_t fid; } *pair;   /* open addressing; key (stem id a + 1) << 32 | (stem id b + 1), 0 = empty */
    size_t pair_mask;
    void *index_map;             /* vocab.index mapped: vocab, stems, idf, filter, stem_fid and pair lie in it, or NULL */
    size_t index_map_len;
    double best_c[ND_NTASKS];
    double cv_accuracy[ND_NTASKS];
    int ndocs_task[ND_NTASKS];
    nd_solver solver_task[ND_NTASKS];   /* what fitted it; ND_SOLVER_AUTO: not recorded (older bundles) */
    char *digest;
    char *metrics;
};

nd_model *nd_model_alloc(void);   /* English until nd_model_set_language */
/* The bundle's language, its code in opts and the format it is written with. */
void nd_model_set_language(nd_model *m, const struct nd_language *l);
/* A bundle's file dir/name whole into out (ND_ERR_EMPTY: optional and missing). */
nd_status nd_bundle_slurp(const char *dir, const char *name, nd_buf *out, int optional, nd_err *err);
/*
 * The lookup structures derived from the vocabulary: idf[f] = ln((1 + N) /
 * (1 + df)) + 1, the gazetteer features' id range, the bit filter, the stem
 * and pair indexes.
 */
void nd_model_index(nd_model *m);
/*
 * The vocabulary with what nd_model_index derives from it, as a cache file
 * (cache.c) for the vocab.tsv whose nd_hash is vocab_hash: written
 * atomically (0, or -1), read into m (0; -1 when missing, of another
 * vocabulary or document count, or damaged, m's vocabulary left empty).
 */
int nd_model_index_write(const nd_model *m, uint64_t vocab_hash, const char *path);
int nd_model_index_read(nd_model *m, uint64_t vocab_hash, const char *path);

/* Feature id of the bigram of stems sa, sb (stem ids + 1, so 0 is "not a vocabulary stem"), or 0. */
static inline size_t nd_model_pair_slot(const nd_model *m, uint64_t key)
{
    return (size_t)(key * 0x9E3779B97F4A7C15ULL >> 20) & m->pair_mask;
}
static inline uint32_t nd_model_pair(const nd_model *m, uint32_t sa, uint32_t sb)
{
    if (!sa || !sb || !m->pair) return 0;
    uint64_t key = (uint64_t)sa << 32 | sb;
    size_t i = nd_model_pair_slot(m, key);
    for (;;) {
        if (m->pair[i].key == key) return m->pair[i].fid;
        if (m->pair[i].key == 0) return 0;
        i = (i + 1) & m->pair_mask;
    }
}
/*
 * How task t sees the article vector. The gazetteer features: geo_weight for
 * region; none for topic, where a place says nothing about the subject (in a
 * UK corpus foreign places mostly occur in business news, a bias not to
 * learn). The title terms: topic only, where a headline names the subject;
 * region has the title's places in the gazetteer block already, and a second
 * copy of the headline's words only fitted its training corpus closer
 * (reuters21578 region 95.93% -> 95.67%).
 */
static inline nd_view nd_model_view(const nd_model *m, int t)
{
    nd_view v = { m->geo_lo, m->geo_hi, t == ND_TASK_REGION ? m->opts.geo_weight : 0.0,
                  m->title_lo, m->title_hi, t == ND_TASK_REGION ? 0.0 : 1.0 };
    return v;
}
static inline nd_feature_cfg nd_model_cfg(const nd_model *m)
{
    nd_feature_cfg c = { m->opts.bigrams, m->opts.title_weight, m->opts.lead_weight, m->opts.numbers, m->opts.title_terms,
                         m->opts.subwords, m->opts.dateline_weight, m->opts.placeless_weight };
    return c;
}
#define ND_FILTER_BITS (1u << 20)
static inline size_t nd_filter_bit(uint64_t h) { return (size_t)(h >> 40) & (ND_FILTER_BITS - 1); }

/*
 * Feature id of a term, or 0 when it is not in the vocabulary. Most bigrams
 * are not; a bit filter that fits in cache answers those without a probe.
 */
static inline uint32_t nd_model_feature(const nd_model *m, const char *key, size_t len, uint64_t h)
{
    size_t bit = nd_filter_bit(h);
    if (!(m->filter[bit >> 6] >> (bit & 63) & 1)) return 0;
    long e = nd_strmap_find_h(&m->vocab, key, len, h);
    return e < 0 ? 0 : (uint32_t)e + 1;
}
#endif
