/*
 * newsdesk.h -- news corpora in, topic + region + key sentences out.
 *
 * This is the one public header of libnewsdesk. The newsdesk program (src/cli/)
 * includes nothing else; zlib, utf8proc, libsvm, cJSON and libstemmer stay
 * behind the library's own types.
 *
 * Conventions used by every function in this header:
 *
 *  - Fallible functions return nd_status: ND_OK (0) or a negative code. When
 *    'err' is non-NULL it receives the code and a message with context
 *    (file:line, record id, what failed). The library never prints and never
 *    exits; the caller decides what to say and which exit code to use.
 *  - Out of memory is not a status: it prints one line and aborts, in one
 *    place (nd_xmalloc and friends).
 *  - Ownership: nd_X_new()/nd_X_load() return an object the caller owns and
 *    releases with nd_X_free(), which accepts NULL. Structs the caller embeds
 *    are set up with X_init() and emptied with X_release(). 'const T *'
 *    arguments are borrowed for the duration of the call only, unless the
 *    comment says "keeps a reference". Returned 'const' pointers stay owned by
 *    the object they came from and are valid until it is modified or freed.
 *  - Objects are not thread-safe unless the comment says so. A loaded nd_model
 *    is read-only and may be shared by any number of nd_analyzer, one per
 *    thread.
 */
#ifndef NEWSDESK_H
#define NEWSDESK_H

#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t */
#include <stdio.h>   /* FILE */

#ifdef __cplusplus
extern "C" {
#endif

#define ND_VERSION "0.1.0"

/*=====   Status and errors   =====*/

typedef enum {
    ND_OK          = 0,
    ND_ERR_IO      = -1,  /* open/read/write failed (errno text in the message) */
    ND_ERR_FORMAT  = -2,  /* corrupt gzip, bad JSON/TSV, missing field */
    ND_ERR_LIMIT   = -3,  /* a record over the size limit */
    ND_ERR_EMPTY   = -4,  /* empty input, or a record with no text */
    ND_ERR_MODEL   = -5,  /* bad or newer model bundle, feature-space mismatch */
    ND_ERR_PARAM   = -6,  /* invalid option value or training setting */
    ND_ERR_DEP     = -7   /* unexpected failure of zlib/utf8proc/libsvm */
} nd_status;

typedef struct nd_err {
    nd_status code;
    char msg[512];
} nd_err;

/* A static string naming 'code' ("I/O error", ...). */
const char *nd_strerror(nd_status code);

/* Versions of newsdesk and the libraries it was linked with, one line. */
const char *nd_version_line(void);

/*=====   Memory and buffers   =====*/

/* Allocate or abort with "newsdesk: out of memory allocating N bytes". */
void *nd_xmalloc(size_t size);
void *nd_xcalloc(size_t n, size_t size);
void *nd_xrealloc(void *ptr, size_t size);
char *nd_xstrdup(const char *s);
char *nd_xstrndup(const char *s, size_t n);

/*
 * A growable byte buffer. Invariants: 'data' is never NULL after nd_buf_init,
 * and data[len] == '\0' always holds, so data can be used as a C string when
 * the content has no NUL bytes.
 */
typedef struct nd_buf {
    char *data;
    size_t len;
    size_t cap;
} nd_buf;

void nd_buf_init(nd_buf *b);
void nd_buf_release(nd_buf *b);          /* frees storage; b must be init'ed again to reuse */
void nd_buf_reset(nd_buf *b);            /* len = 0, keeps storage */
void nd_buf_grow(nd_buf *b, size_t extra);
void nd_buf_add(nd_buf *b, const void *data, size_t len);
void nd_buf_addc(nd_buf *b, char c);
void nd_buf_adds(nd_buf *b, const char *s);
void nd_buf_addf(nd_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *nd_buf_detach(nd_buf *b);          /* caller owns the string, free() it; b is re-init'ed */

/*=====   Records and input   =====*/

/* Bytes of a record that the reader read as something else, counted (each is warned about). */
typedef struct nd_repairs {
    unsigned utf8;       /* bytes that were not UTF-8, read as Windows-1252 (see nd_utf8_repair) */
    unsigned nul;        /* NUL bytes (raw, or \u0000 in JSON), read as spaces: a C string would end there */
    unsigned surrogate;  /* JSON escapes of half a UTF-16 pair (\ud800 alone, as Python writes them), read as U+FFFD */
    unsigned mojibake;   /* characters of UTF-8 once read as Windows-1252 ("fÃ¼r"), mended (see nd_mojibake_repair) */
    char charset[32];    /* a page file that is not UTF-8 read in the encoding it declares ("windows-1251"), or "" */
    unsigned charset_bad;  /* byte sequences that encoding has no character for, read as U+FFFD */
    const char *text_field;  /* the JSON field read as the text where the record has no "text" ("content", ...), or NULL */
} nd_repairs;

/*
 * One article. Strings are NUL-terminated UTF-8 owned by the record (NULL when
 * absent). 'error' non-NULL means the record could not be read; the other
 * fields may then be partial, but 'id', 'file' and 'line' are always set, so
 * every input record can be reported and answered.
 */
typedef struct nd_record {
    char *id;            /* from the id field, else "FILE:LINE" */
    char *title;
    char *text;
    char *topic;         /* labels, when the input has them */
    char *region;
    char *summary;       /* reference summary, one sentence per line */
    char *url;           /* the article's address, when the input has it (its country code helps place it) */
    char *with;          /* segments known to be story, one per line (the extraction benchmark's pages) */
    char *without;       /* segments known to be boilerplate, one per line */
    char *file;          /* input name ("-" for stdin) */
    long line;           /* 1-based line (JSONL/TSV) or 0 for whole-file records */
    char *error;         /* why the record is unusable, or NULL */
    nd_status error_code;
    nd_repairs repairs;  /* what the reader mended in the record's strings */
    int id_number;       /* the id was a JSON number (written back as one) */
    /* with nd_reader_opts.keep: each kept field's value as JSON text ("null" when absent), its string when it is one */
    char **keep_json, **keep_text;
    size_t nkeep;
} nd_record;

void nd_record_init(nd_record *r);
void nd_record_release(nd_record *r);   /* frees the strings; r is re-init'ed */

typedef enum { ND_FMT_AUTO, ND_FMT_JSONL, ND_FMT_TSV, ND_FMT_TEXT } nd_format;

/* Field (JSON key / TSV column) names; defaults are the names themselves. */
#define ND_NFIELDS 9
typedef struct nd_fields {
    const char *id, *title, *text, *topic, *region, *summary, *url, *with, *without;
} nd_fields;

typedef struct nd_reader_opts {
    nd_format format;     /* ND_FMT_AUTO: decided per file by content */
    nd_fields fields;
    size_t max_record;    /* bytes; longer records become error records (default 4 MiB) */
    const char *const *keep;   /* fields copied into each record as they are (nd_record.keep_json), or NULL */
    size_t nkeep;
} nd_reader_opts;

void nd_reader_opts_init(nd_reader_opts *o);

/*
 * Reads records from files, directories (walked in sorted order, one article
 * per plain-text file) and "-" (stdin), one after the other. gzip is detected
 * by its magic bytes and concatenated members are one stream. Keeps a
 * reference to 'paths' strings and 'opts' field names.
 */
typedef struct nd_reader nd_reader;

nd_reader *nd_reader_new(const char *const *paths, size_t npaths, const nd_reader_opts *opts);

/*
 * Fill 'rec' (released first) with the next record. Returns 1 when a record
 * was produced (check rec->error), 0 at the end of all inputs. Problems with
 * an input (cannot open, truncated gzip, bad line, empty file) come back as
 * records with 'error' set: nothing is dropped silently.
 */
int nd_reader_next(nd_reader *rd, nd_record *rec);
/*
 * The field names of the input the last record came from, comma-separated
 * into 'out': a JSON Lines record's own keys, a TSV file's header columns;
 * empty for text files (to say what a record has when its fields are not
 * the ones asked for).
 */
void nd_reader_keys(const nd_reader *rd, nd_buf *out);
void nd_reader_free(nd_reader *rd);

/*
 * s[0..len) into 'out' as UTF-8: a byte that is not part of valid UTF-8 is
 * read as Windows-1252 (U+FFFD for its five unassigned bytes); returns the
 * number of such bytes.
 */
unsigned nd_utf8_repair(const char *s, size_t len, nd_buf *out);

/*=====   Text: clutter, sentences   =====*/

/* A byte range of a text. */
typedef struct nd_span {
    uint32_t off;
    uint32_t len;
} nd_span;

typedef struct nd_spans {
    nd_span *v;
    size_t n, alloc;
} nd_spans;

void nd_spans_init(nd_spans *s);
void nd_spans_release(nd_spans *s);

/* Why a line was taken for site clutter (ND_CLUTTER_NONE: kept). */
typedef enum {
    ND_CLUTTER_NONE = 0,
    ND_CLUTTER_URL,        /* an address or a bare site name */
    ND_CLUTTER_NAV,        /* navigation, "Home | News | Sport" */
    ND_CLUTTER_LINK,       /* "Source link", "Read more", "Click here" */
    ND_CLUTTER_SOCIAL,     /* share / follow / subscribe / newsletter */
    ND_CLUTTER_LEGAL,      /* copyright, cookies, all rights reserved */
    ND_CLUTTER_BYLINE,     /* "By Jane Doe", "Published 3 May 2024" */
    ND_CLUTTER_COUNTER,    /* "Articles: 123", "12 comments" */
    ND_CLUTTER_BIO,        /* an author bio after the story */
    ND_CLUTTER_AD,         /* "Advertisement" */
    ND_CLUTTER_SITE,       /* a site name or section label above the headline */
    ND_CLUTTER_CODE,       /* a script, style rules or a page template left in the text */
    ND_CLUTTER_WORDLESS,   /* no word to read: a rule drawn in text, a lone bullet, images as "[name]" */
    ND_CLUTTER_REPEAT,     /* a paragraph the story already holds word for word (a pull quote, a caption again) */
    ND_CLUTTER_COMMENTS    /* readers' comments: a comment section's heading and what follows it in that section */
} nd_clutter;

const char *nd_clutter_name(nd_clutter why);

/*
 * Remove site clutter from 'text' line by line and write the story to 'out'
 * (paragraphs separated by "\n\n"). When 'removed' is non-NULL it receives
 * the spans of removed lines in 'text' and 'why' (same count) the reasons.
 * Returns the length of the page's headline when 'out' starts with it (a
 * short line above the first paragraph of the story, no full stop), else 0.
 */
size_t nd_clean(const char *text, size_t len, nd_buf *out, nd_spans *removed, nd_spans *why);

/*
 * Split text into sentences: paragraph and line breaks end a sentence, and
 * so do . ! ? (with closing quotes/brackets) unless they end an abbreviation,
 * an initial, a decimal or an amount. Spans exclude surrounding white space.
 */
void nd_sentences(const char *text, size_t len, nd_spans *out);

/*
 * The dateline a news story's first sentence opens with, as its length in
 * s[0..len) (0: none): an agency in brackets, after a place or alone
 * ("(CNN)", "Kuala Lumpur (CNN) --", "LONDON (Reuters) -"), or a place in
 * capitals before a dash ("WASHINGTON --", "NEW YORK, Jan 5 -"), with the
 * white space after it. A bracket after a place must be glued to the next
 * word or followed by a dash, so "Apple (AAPL) shares rose" has none.
 */
size_t nd_dateline(const char *s, size_t len);

/*
 * A record without a title (NULL or "") whose cleaned text (its sentences
 * 'sents') starts with a headline (nd_clean's 'head') that is a sentence of
 * its own, or two in 100 bytes ("Nowy most na Wiśle. Budowa ruszy wiosną"),
 * with more after it, takes that headline as its title: returns its
 * length, else 0.
 */
size_t nd_headline_title(const char *title, const char *text, size_t head, const nd_spans *sents);

/*=====   Models   =====*/

typedef enum { ND_TASK_TOPIC = 0, ND_TASK_REGION = 1, ND_NTASKS = 2 } nd_task;

const char *nd_task_name(nd_task t);

/*
 * How the classifiers are fitted: libsvm's C-SVC (one-vs-one, the Gram
 * matrix computed once for its cross-validation) or liblinear (one-vs-rest,
 * time linear in the data). ND_SOLVER_AUTO takes libsvm for a task of up to
 * ND_LIBSVM_MAX_DOCS documents and liblinear above.
 */
typedef enum { ND_SOLVER_AUTO = 0, ND_SOLVER_LIBSVM = 1, ND_SOLVER_LIBLINEAR = 2 } nd_solver;
#define ND_LIBSVM_MAX_DOCS 5000

const char *nd_solver_name(nd_solver s);

/*
 * Where training is, given to nd_train_opts.progress after each fit of a
 * classifier, of the story extraction's block model and of the sentence
 * model (from the training threads, one call at a time). Each stage counts
 * its own fits; the last call of a stage has done == total.
 */
typedef struct nd_train_progress {
    const char *stage;     /* what is fitted: "topic", "region", "story extraction, text" or ", html", "sentence model" */
    int task;              /* the classifier's task (nd_task), or -1 */
    int fold, folds;       /* its left-out fold, 1..folds; fold 0: the final fit on all documents */
    double C;
    int label, labels;     /* liblinear: the label fitted against the rest, 1..labels; label 0: all at once (libsvm) */
    size_t done, total;    /* fits done and to do, all tasks */
    double elapsed;        /* seconds since the first fit began */
    double left;           /* the seconds left, estimated from the work done (documents x fits) */
} nd_train_progress;

/*
 * Feature and training settings. The defaults (nd_train_opts_init) are the
 * shipped settings; they are written to the model manifest.
 */
typedef struct nd_train_opts {
    int min_df;            /* drop terms seen in fewer documents (default 3) */
    double max_df;         /* drop terms seen in more than this fraction (default 0.5) */
    int max_features;      /* keep the most frequent terms (default 300000) */
    int bigrams;           /* add word bigrams (default -1: the language's, 1 but for compounding ones) */
    double title_weight;   /* title terms count this many times (default 2) */
    double lead_weight;    /* terms of the first sentence count this many times (default 2) */
    int numbers;           /* numbers become shape terms "#n3", "#dec", "#year" (default 1) */
    int title_terms;       /* the title's words also as terms of their own, "^stem", for topics (default 1) */
    double subwords;       /* the character 4-grams of words of 4 characters or more as terms too, each
                              weighing this much of its word ("~gier"); a compound's parts then meet their
                              words. < 0 (the default): ND_SUBWORDS for languages that write compounds
                              as one word (de, nl, sv, da, no, fi), 0 (none) for the others */
    double geo_weight;     /* the region classifier scales gazetteer features by this (default 4) */
    double dateline_weight; /* the words of a dateline's place ("Wien" of "Wien – Die") are terms of their
                              own too, "%wien", weighing this; 0: none (older bundles); < 0 (the default):
                              ND_DATELINE_WEIGHT for German, whose sections part home from abroad, 0 for others */
    double placeless_weight; /* a story whose first three sentences name no dateline's place gets the term "%"
                              of this weight; 0: none (older bundles); < 0 (the default): ND_PLACELESS_WEIGHT
                              where dateline_weight is on, 0 where it is off */
    int folds;             /* cross-validation folds for choosing C (default 3) */
    double c_grid[8];      /* C values tried; 0 ends the list */
    int balanced;          /* weight classes by inverse frequency (default 0) */
    nd_solver solver;      /* default ND_SOLVER_AUTO */
    unsigned uniform_prior; /* bit t: task t's probabilities assume every label equally likely, not the
                               training mix (Bayes' prior correction; default 0) */
    unsigned seed;         /* fold assignment and libsvm's rand() (default 1) */
    int threads;           /* parallel trainings (default: online CPUs) */
    const char *gazetteer; /* path of a place -> region table, or NULL for none */
    int summarizer;        /* learn a sentence model from records with summaries (default 1) */
    const char *language;  /* ISO 639-1 code of the texts: stemmer, stop words, word and sentence rules
                              (default "en"); "auto": guessed from the first records' function words */
    void (*progress)(const nd_train_progress *p, void *ctx);   /* NULL: none (the default) */
    void *progress_ctx;
} nd_train_opts;

void nd_train_opts_init(nd_train_opts *o);
/* The weight of subword terms in a language that writes compounds as one word (nd_train_opts.subwords). */
#define ND_SUBWORDS 0.3
/* The weight of a dateline's place in German (nd_train_opts.dateline_weight). */
#define ND_DATELINE_WEIGHT 5.0
/* The weight of the term of a story without a dateline where datelines count (nd_train_opts.placeless_weight). */
#define ND_PLACELESS_WEIGHT 20.0

typedef struct nd_model nd_model;

/* What training measured, per task (see nd_trainer_finish). */
typedef struct nd_train_report {
    int trained[ND_NTASKS];
    int ndocs[ND_NTASKS];
    int nlabels[ND_NTASKS];
    double best_c[ND_NTASKS];
    double cv_accuracy[ND_NTASKS];   /* at best_c */
    double cv_grid[ND_NTASKS][8];    /* accuracy for each c_grid value; -1: not tried (liblinear stops going up
                                        the grid when the accuracy falls) */
    nd_solver solver[ND_NTASKS];     /* what fitted it */
    int nfeatures;
    int sum_docs, sum_sentences, sum_positive;   /* the sentence model's training data (0: none) */
    double sum_c;                                /* its C, chosen by cross-validation over articles */
    double sum_cv[3];                            /* F1 of held-out articles' top 3 (reference words), C = 0.1, 1, 10 */
    int sum_taken;                               /* 1: no sentence model was learned, the one given is kept */
    double seconds;
    const char *language;                        /* the texts' language (ISO 639-1) */
    int language_guessed;                        /* "auto" chose it, from language_records records: 1 by its
                                                    function words, 2 by its script (zh, ja, ko) */
    int language_records;
    double language_share;                       /* of their words, the share that are its function words
                                                    (2: of their characters, the share in its script) */
} nd_train_report;

typedef struct nd_trainer nd_trainer;

nd_trainer *nd_trainer_new(const nd_train_opts *opts, nd_err *err);

/*
 * Add a labelled record. 'tasks' is a bit mask (1 << ND_TASK_TOPIC, ...) of
 * the labels to take from it; records without text are refused
 * (ND_ERR_EMPTY). Every added record also counts for the vocabulary.
 */
nd_status nd_trainer_add(nd_trainer *t, const nd_record *rec, unsigned tasks, nd_err *err);

/*
 * Add a record with a reference summary for the sentence model only: it
 * counts neither for the vocabulary nor for any classifier (ND_ERR_EMPTY
 * without text or summary).
 */
nd_status nd_trainer_add_summary(nd_trainer *t, const nd_record *rec, nd_err *err);

/*
 * Story extraction. A page with known story and boilerplate segments (the
 * record's 'with' and 'without') trains the block model that finds stories
 * (HTML pages train the model for HTML and, read as a scraper's dump of
 * them, the one for text; text records the one for text); so does a
 * clean article, all of whose blocks are story. Neither counts for the
 * vocabulary. nd_trainer_train_extractor trains it from the
 * pages added so far; the records added after it are read with it, as the
 * model's users will read theirs. nd_trainer_use_extractor takes an existing
 * bundle's block model instead (NULL or a bundle without one: the clutter
 * rules alone). The finished model keeps the block model in use.
 */
typedef struct nd_extract_report {
    int trained[2], pages[2], blocks[2];     /* [0] text, [1] HTML */
    double c1[2], c2[2], shift[2], lambda[2];
    double cv_f1[2];                         /* cross-validated F1 of the labelled blocks' segments */
} nd_extract_report;

nd_status nd_trainer_add_page(nd_trainer *t, const nd_record *rec, nd_err *err);
/* A record whose text is story all through (a clean article): it teaches the block model to keep such texts whole. */
nd_status nd_trainer_add_story(nd_trainer *t, const nd_record *rec, nd_err *err);
nd_status nd_trainer_train_extractor(nd_trainer *t, nd_extract_report *rep, nd_err *err);
void nd_trainer_use_extractor(nd_trainer *t, const nd_model *m);

/*
 * The sentence model for summaries when too few records (under 10) carry
 * a reference summary to learn one: m's, taken from it (m keeps none). Its
 * features (a sentence's place, length, centrality, likeness to the
 * article and the title) mean the same in any bundle and language. Without
 * one such a bundle summarizes by TextRank.
 */
void nd_trainer_use_summarizer(nd_trainer *t, nd_model *m);

/*
 * Build the vocabulary, choose C by cross-validation, train one linear
 * C-SVC (libsvm or liblinear) per task that has at least two labels, and calibrate
 * confidences. '*out' receives the model (caller frees); 'data_digest' is
 * recorded in the manifest. The trainer is spent afterwards.
 */
nd_status nd_trainer_finish(nd_trainer *t, const char *data_digest, nd_model **out,
                            nd_train_report *report, nd_err *err);
void nd_trainer_free(nd_trainer *t);

/*
 * Write the bundle to directory 'dir' atomically: written into a temporary
 * directory beside it, fsync'ed, then renamed over 'dir'.
 */
nd_status nd_model_save(const nd_model *m, const char *dir, nd_err *err);
nd_model *nd_model_load(const char *dir, nd_err *err);
void nd_model_free(nd_model *m);

/* Attach evaluation metrics (free text, one "key value" per line) to the manifest. */
void nd_model_set_metrics(nd_model *m, const char *metrics);

int nd_model_has_task(const nd_model *m, nd_task t);
/* Does the bundle hold a block model for finding stories (else the clutter rules alone find them)? */
int nd_model_has_extractor(const nd_model *m);
/* Does the bundle hold a learned sentence model (for summaries)? */
int nd_model_has_summarizer(const nd_model *m);
size_t nd_model_nlabels(const nd_model *m, nd_task t);
const char *nd_model_label(const nd_model *m, nd_task t, size_t i);
size_t nd_model_nfeatures(const nd_model *m);
/* The language (ISO 639-1 code) the bundle analyses: its stemmer, stop words and sentence rules. */
const char *nd_model_language(const nd_model *m);

/* Describe the bundle (manifest, sizes, top terms per label) into 'out'. */
void nd_model_describe(const nd_model *m, size_t top_terms, nd_buf *out);
/*
 * The same as one JSON object (and a newline): format, language, features,
 * documents, settings, gazetteer, data_digest, tasks (per task documents, C,
 * cv_accuracy, calibration, prior and per label training_documents and
 * top_terms), summarizer, extractor, metrics. Keys are stable.
 */
void nd_model_describe_json(const nd_model *m, size_t top_terms, nd_buf *out);

/*=====   Analysis: classify and summarize one article   =====*/

typedef enum {
    ND_SUM_CENTROID = 0,  /* sentences closest to the document's TF-IDF centroid */
    ND_SUM_LEAD,          /* the first sentences */
    ND_SUM_TEXTRANK,      /* centrality in the sentence cosine graph (LexRank-style) */
    ND_SUM_LEARNED,       /* the bundle's sentence model (textrank when it has none) */
    ND_SUM_DEFAULT        /* the best measured: learned when the bundle has it, else textrank */
} nd_sum_method;

/* Parse "centroid", "lead", "textrank", "learned", "default"; -1 if unknown. */
int nd_sum_method_parse(const char *name);
const char *nd_sum_method_name(nd_sum_method m);
/*
 * The method that runs when 'asked' is asked of bundle m: learned for the
 * default when m has a sentence model; textrank (the best measured of the
 * others) for the default or learned when it has none.
 */
nd_sum_method nd_sum_method_for(const nd_model *m, nd_sum_method asked);

typedef struct nd_analyze_opts {
    int classify;            /* compute topic and region (default 1) */
    int summarize;           /* compute a summary (default 1) */
    nd_sum_method method;
    int sentences;           /* summary length in sentences (default 3) */
    double ratio;            /* or this fraction of the sentences (0: off) */
    int words;               /* or sentences until this many words (0: off) */
    double mmr;              /* redundancy penalty lambda in [0, 1) (default 0.3) */
    int highlights;          /* learned: every article's sentences picked as for human highlights, which the
                                sentence model learned on datelined news; by default an article without a
                                dateline is summarised as long extractive references are (default 0) */
    double min_confidence;   /* below it the label is "unknown" (default 0) */
    int keep_boilerplate;    /* keep every block of the page: no story extraction (default 0) */
    int story;               /* give the story found: its title and text (nd_result.title, .story; default 0) */
    int explain;             /* say which blocks were removed, and why (nd_result.explain; default 0) */
    int probabilities;       /* every label's probability per task (nd_result.prob; default 0) */
    /* output only: the names of the input fields copied into each line after the id (nd_reader_opts.keep) */
    const char *const *keep;
    size_t nkeep;
} nd_analyze_opts;

void nd_analyze_opts_init(nd_analyze_opts *o);

#define ND_MAX_SUMMARY 64

typedef struct nd_result {
    const char *label[ND_NTASKS];   /* NULL when the task was not run; borrowed from the model */
    double confidence[ND_NTASKS];
    size_t nsummary;
    uint32_t summary_index[ND_MAX_SUMMARY];  /* sentence indices, ascending */
    nd_buf summary[ND_MAX_SUMMARY];          /* the sentences' text */
    size_t nsentences;                       /* sentences in the cleaned article */
    int summarized;                          /* a summary was asked for */
    nd_buf title;                            /* with opts.story: the record's title, else the page's or its headline */
    nd_buf story;                            /* with opts.story: the story, paragraphs separated by a blank line */
    nd_buf explain;                          /* with opts.explain: "removed WHY: TEXT" lines, one per block */
    /*
     * With classify or summarize: the language (ISO 639-1 code) the story
     * reads in when it is not the model's, by its function words (a story
     * of 40 words or more with few of the model's language's); else NULL.
     */
    const char *foreign;
    /* with opts.probabilities: per task, nlabels[t] probabilities (summing to 1) of labels[t][i]; the label's is the largest */
    size_t nlabels[ND_NTASKS];
    const char *const *labels[ND_NTASKS];    /* borrowed from the model */
    double *prob[ND_NTASKS];
    size_t prob_alloc[ND_NTASKS];
} nd_result;

void nd_result_init(nd_result *r);
void nd_result_release(nd_result *r);   /* frees what it holds (nd_result_init it again to reuse it) */

/* Per-thread scratch for analysis (tokenizer, stemmer, caches). Keeps a reference to 'm'. */
typedef struct nd_analyzer nd_analyzer;

nd_analyzer *nd_analyzer_new(const nd_model *m);
void nd_analyzer_free(nd_analyzer *a);

/* Analyse one record (which must have no error and some text). */
nd_status nd_analyze(nd_analyzer *a, const nd_record *rec, const nd_analyze_opts *opts,
                     nd_result *res, nd_err *err);

/*=====   Output   =====*/

typedef enum { ND_OUT_JSONL, ND_OUT_TSV, ND_OUT_CSV } nd_out_format;

/* Append 's' to 'b' as a JSON string literal (quotes included). */
void nd_json_string(nd_buf *b, const char *s);

/*
 * Append one output line (with its newline) for a record: the keys 'opts'
 * computes, or {"id":..,"error":..} when 'res' is NULL ('error' says why).
 * TSV and CSV have the columns of nd_emit_header: TSV escapes newlines and
 * tabs in fields as \n and \t; CSV is RFC 4180 (fields with a comma, quote
 * or line break quoted, lines ending in CRLF). With opts.probabilities a
 * task's probabilities are a JSON object ("topic_probabilities"), in TSV
 * and CSV too.
 */
void nd_emit(nd_buf *b, nd_out_format fmt, const nd_analyze_opts *opts, const nd_record *rec,
             const nd_result *res, const char *error);

/* The header line matching nd_emit's columns for 'opts' (TSV or CSV; nothing for JSON Lines). */
void nd_emit_header(nd_buf *b, nd_out_format fmt, const nd_analyze_opts *opts);
/* nd_emit_header(b, ND_OUT_TSV, opts). */
void nd_emit_tsv_header(nd_buf *b, const nd_analyze_opts *opts);

/*=====   Batch processing   =====*/

/*
 * Called once per input record, in input order, from the calling thread.
 * 'res' is NULL for failed records; 'error' then says why (rec->error or an
 * analysis error). Return non-zero to stop early.
 */
typedef int (*nd_batch_cb)(void *ctx, const nd_record *rec, const nd_result *res, const char *error);

typedef struct nd_batch_opts {
    int threads;       /* workers (default: online CPUs) */
    size_t batch;      /* records per batch (default 256) */
} nd_batch_opts;

void nd_batch_opts_init(nd_batch_opts *o);

/*
 * Read every record of 'rd', analyse batches on worker threads, and hand
 * results to 'cb' in input order. Memory is bounded by (threads + 2) batches.
 */
nd_status nd_batch_run(nd_reader *rd, const nd_model *m, const nd_analyze_opts *aopts,
                       const nd_batch_opts *bopts, nd_batch_cb cb, void *ctx, nd_err *err);

/* Number of online CPUs (at least 1). */
int nd_cpu_count(void);

/*=====   Evaluation   =====*/

/* A confusion matrix over labels added as they appear (gold or predicted). */
typedef struct nd_confusion nd_confusion;

nd_confusion *nd_confusion_new(void);
void nd_confusion_free(nd_confusion *c);
void nd_confusion_add(nd_confusion *c, const char *gold, const char *predicted);
size_t nd_confusion_total(const nd_confusion *c);
double nd_confusion_accuracy(const nd_confusion *c);
double nd_confusion_macro_f1(const nd_confusion *c);   /* over labels that occur as gold */
/* Report: accuracy, macro-F1, per-label P/R/F1/support, matrix. */
void nd_confusion_report(const nd_confusion *c, const char *title, nd_buf *out);
/*
 * The same as a JSON object: documents, correct, accuracy, macro_f1, labels
 * (per label precision, recall, f1, support) and confusion (labels in name
 * order, matrix rows gold, columns predicted), at any size.
 */
void nd_confusion_json(const nd_confusion *c, nd_buf *out);

/*
 * Story extraction scored as the extraction benchmark does: each segment
 * known to be story ('with') or boilerplate ('without'), white space
 * normalised as Python's str.split() does, is looked for in the extracted
 * text, also normalised; a story segment found is a true positive, a
 * boilerplate one a false positive.
 */
typedef struct nd_extract_score {
    size_t tp, fp, fn, tn, pages;
} nd_extract_score;

/* Score one page: 'text' the extracted story, 'with' and 'without' segments one per line (NULL: none). */
void nd_extract_score_add(nd_extract_score *s, const char *text, const char *with, const char *without);
void nd_extract_score_get(const nd_extract_score *s, double *precision, double *recall, double *f1, double *accuracy);

/* ROUGE-N / ROUGE-Lsum precision, recall and F1 of one candidate against one reference. */
typedef struct nd_rouge {
    double p, r, f;
} nd_rouge;

/*
 * Scores with the semantics of the rouge-score package: lowercase, tokens of
 * [a-z0-9]+, Porter-stemmed when longer than 3 characters. For ROUGE-Lsum the
 * texts are split into sentences at newlines. n = 1, 2 for ROUGE-N.
 */
nd_rouge nd_rouge_n(const char *candidate, const char *reference, int n);
nd_rouge nd_rouge_lsum(const char *candidate, const char *reference);

#ifdef __cplusplus
}
#endif
#endif /* NEWSDESK_H */
