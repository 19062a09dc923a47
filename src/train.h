/*
 * train.h -- what the trainers share. Private to src/.
 *
 * train.c gathers the training records and assembles the bundle;
 * svmtrain.c fits the classifiers (Gram matrix, cross-validation jobs on a
 * pool of threads, Platt sigmoids); sumtrain.c the learned summary method's
 * sentence model.
 */
#ifndef ND_TRAIN_H
#define ND_TRAIN_H

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
 * {0: serial i+1}, {1: K(i,1)}, ..., {N: K(i,N)}, {-1}. Beyond ND_GRAM_MAX
 * documents the rows would not fit comfortably; training then uses the
 * linear kernel directly.
 */
#define ND_GRAM_MAX 12000


struct svm_node *nd_gram_build(struct svm_node **rows, size_t n, uint32_t nfeat, int threads);

/* One classifier's training data, ordered by class. */
struct task_data {
    int k;                  /* classes */
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
};

/* One fit: a fold left out at one C (its out-of-fold votes and decision values), or the final model. */
struct job {
    const struct task_data *td;
    double C;
    int fold;               /* -1: the final model on everything */
    /* results */
    const char *error;
    int correct, total;
    uint32_t *pp;           /* canonical pair of each out-of-fold decision value */
    double *pd;
    int8_t *py;
    size_t np, npalloc;
    struct svm_model *model;  /* final job only */
};

/* Run the jobs on 'threads' threads (svmtrain.c). */
void nd_run_jobs(struct job *jobs, size_t n, int threads);
/* Per-pair Platt sigmoids for s from its C's cross-validation jobs (jobs[0..folds)). */
void nd_calibrate_pairs(nd_linsvm *s, const struct job *jobs, int folds);

/*
 * The sentence model from records with reference summaries (sumtrain.c):
 * sets m->sum and the report's sum_* fields.
 */
nd_status nd_sentences_train(const nd_record *recs, size_t nrec, int threads, nd_model *m, nd_train_report *rep,
                             nd_err *err);

#endif
