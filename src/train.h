/*
 * train.h -- what the trainers share. Private to src/.
 *
 * train.c gathers the training records and assembles the bundle;
 * svmtrain.c fits the classifiers (a task's rows, classes and folds, Gram
 * matrix, cross-validation jobs on a pool of threads, the C, Platt
 * sigmoids) and counts the fits for the progress meter; sumtrain.c the learned summary method's
 * sentence model.
 */
#ifndef ND_TRAIN_H
#define ND_TRAIN_H

#include "lang.h"
#include "text.h"

struct svm_model;
struct svm_parameter;

/* libsvm C-SVC settings shared by every fit: the kernel (LINEAR, PRECOMPUTED) and C vary. */
void nd_svm_param(struct svm_parameter *p, int kernel, double C);

/*
 * A model from svm_train points into the training rows (libsvm's free_sv = 0
 * case): give it its own copy of its support vectors, so that the rows can go.
 */
void nd_own_support_vectors(struct svm_model *sm);

/* n items of 'size' bytes, each given to fn, by 'threads' threads taking the next one. */
void nd_run_pool(void *items, size_t size, size_t n, void (*fn)(void *), int threads);

/*
 * With a linear kernel nearly all of libsvm's time goes into sparse dot
 * products, and every cross-validation run recomputes them. When the corpus
 * is small enough, compute K = X X^T once (through an inverted index, two
 * threads) and let every run use libsvm's PRECOMPUTED kernel: row i is
 * {0: serial i+1}, {1: K(i,1)}, ..., {N: K(i,N)}, {-1}, 16 (N + 2) bytes.
 * libsvm fits a task of up to ND_LIBSVM_MAX_DOCS documents unless told
 * otherwise (400 MB of rows); when told to fit more, beyond ND_GRAM_MAX it
 * uses the linear kernel directly (slow: every fit recomputes the dot
 * products).
 */
#define ND_GRAM_MAX 12000


struct svm_node *nd_gram_build(struct svm_node **rows, size_t n, uint32_t nfeat, int threads);

/* One classifier's training data, ordered by class. */
struct task_data {
    int task;               /* nd_task */
    int k;                  /* classes */
    nd_solver solver;       /* ND_SOLVER_LIBSVM or ND_SOLVER_LIBLINEAR */
    int n;                  /* documents with a label, ordered by class */
    struct svm_node **x;    /* sparse TF-IDF rows */
    struct svm_node **g;    /* precomputed-kernel rows (same documents), or NULL */
    struct svm_node *own;   /* rows of this task when they differ from the shared ones */
    struct svm_node *gram;
    double *y;
    int *fold;
    double *cw;             /* class weights, or NULL */
    int *count;             /* documents per class */
    int *wl;
    uint32_t nfeat;
    const double *grid;     /* the C values cross-validation tries */
    int ngrid;
    int folds;
};

/*
 * One fit: a fold left out at one C (its out-of-fold votes and decision
 * values), or the final model. With liblinear a job is one class against the
 * rest ('cls') in one fold, run once per C up the grid (each run from the
 * last one's weights); the jobs of each fold and C are then filled from
 * their scores (nd_gather_rest), not run.
 */
struct fit_meter;

struct job {
    const struct task_data *td;
    struct fit_meter *meter;  /* set by nd_run_jobs */
    double C;
    int fold;               /* -1: the final model on everything */
    int cls;                /* liblinear: the class of this fit; -1: a libsvm fit, or one gathered from them */
    int g;                  /* liblinear cross-validation: the grid's C this run fits (the runs go up it) */
    int skip;               /* not run this time */
    /* results */
    const char *error;
    int correct, total;
    uint32_t *pp;           /* canonical pair of each out-of-fold decision value */
    double *pd;
    int8_t *py;
    size_t np, npalloc;
    struct svm_model *model;  /* final job only */
    int absent;             /* liblinear: cls has no documents to learn from */
    float *score;           /* liblinear: the fold's documents' scores, grid x documents */
    double *wk;             /* liblinear cross-validation: the weights at the last C (liblinear's sign), the next's start */
    struct svm_node *w;     /* liblinear, final: the class's weights (-1 ended) and bias */
    double bias;
};

/*
 * Counts the fits of a stage of training for its progress callback
 * (opts->progress; NULL when there is none): 'fits' fits in all, 'work'
 * their documents summed, for the estimate of the time left (train.c).
 * nd_meter_tick reports one fit done, where it was (stage, task, fold, C,
 * label; the counts and times are the meter's) and its work; any thread
 * may call it. nd_meter_free ends the count if fewer fits came.
 */
struct fit_meter *nd_meter_new(const nd_train_opts *opts, size_t fits, double work);
void nd_meter_tick(struct fit_meter *m, const nd_train_progress *where, double work);
void nd_meter_free(struct fit_meter *m);
/* The fits of job j: their number and documents summed, for nd_meter_new. */
void nd_job_work(const struct job *j, size_t *fits, double *work);

/* Run the jobs on 'threads' threads (svmtrain.c), counted by 'meter'; a gathered job (liblinear, cls -1) is skipped. */
void nd_run_jobs(struct job *jobs, size_t n, int threads, struct fit_meter *meter);
/* Fill the gathered job j (fold, grid place g) from its fold's per-class jobs cls[0..k). */
void nd_gather_rest(struct job *j, int g, const struct job *cls);
/* The final liblinear model from the final per-class jobs cls[0..k), or NULL with *error set. */
struct svm_model *nd_assemble_rest(const struct task_data *td, struct job *cls, const char **error);
void nd_job_release(struct job *j);
/* Per-pair Platt sigmoids for s from its C's cross-validation jobs (jobs[0..folds)). */
void nd_calibrate_pairs(nd_linsvm *s, const struct job *jobs, int folds);

/*
 * The sentence model from records with reference summaries (sumtrain.c):
 * sets m->sum and the report's sum_* fields.
 */
nd_status nd_sentences_train(const nd_record *recs, size_t nrec, const nd_train_opts *opts, nd_model *m,
                             nd_train_report *rep, nd_err *err);

/*-----   The trainer (train.c) and one classifier's run (svmtrain.c)   -----*/

struct tagged { uint32_t id; float w; };

struct nd_trainer {
    nd_train_opts opts;
    nd_feature_cfg cfg;
    nd_tokenizer *tz;
    nd_gazetteer gaz;
    nd_doc doc;
    nd_strmap dict;                /* every term seen -> document frequency */
    uint32_t *doc_start;           /* ndocs + 1 offsets into tid/tcnt */
    size_t ndocs, doc_alloc;
    uint32_t *tid;
    float *tcnt;
    size_t nnz, nnz_alloc;
    int *label[ND_NTASKS];
    size_t label_alloc[ND_NTASKS];
    nd_strmap labels[ND_NTASKS];   /* name -> first-seen index */
    struct tagged *agg;
    size_t agg_alloc;
    nd_buf key;                    /* scratch for bigram keys */
    nd_record *sumrec;             /* records with reference summaries, for the sentence model */
    size_t nsumrec, sumrec_alloc;
    uint64_t digest;
    double t0;
    const nd_language *lang;       /* NULL until "auto" has chosen */
    nd_buf gazetteer;              /* the gazetteer file, parsed once the language (its tokenizer) is known */
    struct pending { nd_record rec; unsigned tasks; } *pend;   /* "auto": the first records, held until their language is chosen */
    size_t npend, pend_alloc, pend_bytes;
    nd_langcount pend_count;
    int guessed, guess_records;
    double guess_share;
    nd_blockset *pages;            /* pages with known story segments, for the block model */
    nd_extractor *ex;              /* the block model the texts are read with, or NULL (the rules) */
    nd_sumsvm *sum;                /* a sentence model for when no record has a reference summary, or NULL */
};

/* One classifier being trained: its data, label names, where its jobs are, the C chosen. */
struct task_run {
    struct task_data td;         /* td.k == 0: the task has fewer than two labels */
    char **names;                /* label names, class order (handed to the model) */
    size_t job0;                 /* its cross-validation jobs: ngrid x folds from here */
    size_t cls0;                 /* liblinear: its per-class jobs, folds x classes from here */
    size_t fin0;                 /* its final job (liblinear: one per class) */
    int bestg;                   /* the chosen C's place in the grid */
};

/* Task k's training data from the shared rows: classes, folds, class weights, its view's scaling, the Gram matrix. */
void nd_task_setup(const nd_trainer *t, const nd_model *m, struct svm_node **rows, int k, int last, struct task_run *r);
void nd_task_release(struct task_run *r);
/* The C of the best cross-validated accuracy (ties: the smaller), into r and the report. */
void nd_choose_c(const nd_trainer *t, const struct job *jobs, int ngrid, int k, struct task_run *r, nd_train_report *rep);
/* Task k's model from its final fits and its out-of-fold decisions at the chosen C (Platt), into m. */
nd_status nd_task_finish(const nd_trainer *t, const struct job *jobs, struct job *fin, int k, struct task_run *r,
                         nd_model *m, const nd_train_report *rep, nd_err *err);

#endif
