/*
 * train.h -- what the trainers share. Private to src/.
 *
 * train.c trains the classifiers and assembles the bundle; sumtrain.c the
 * learned summary method's sentence model; both fit libsvm models with the
 * same settings and run their cross-validation fits on a pool of threads.
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
 * The sentence model from records with reference summaries (sumtrain.c):
 * sets m->sum and the report's sum_* fields.
 */
nd_status nd_sentences_train(const nd_record *recs, size_t nrec, int threads, nd_model *m, nd_train_report *rep,
                             nd_err *err);

#endif
