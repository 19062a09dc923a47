/* tiny.h -- a small model trained on the test corpus (tests/data/tiny-train.jsonl), for unit tests. */
#ifndef ND_TINY_H
#define ND_TINY_H

#include "newsdesk.h"

#include <stdio.h>  /* printf */

/* Train with min_df 1 and 2 folds; 'gazetteer' may be NULL, 'rep' may be NULL. */
static __attribute__((unused)) nd_model *train_tiny(const char *gazetteer, nd_train_report *rep)
{
    nd_train_opts o;
    nd_train_opts_init(&o);
    o.min_df = 1;
    o.folds = 2;
    o.gazetteer = gazetteer;
    nd_err err;
    nd_trainer *t = nd_trainer_new(&o, &err);
    if (!t) {
        printf("# %s\n", err.msg);
        return NULL;
    }
    const char *path = "tests/data/tiny-train.jsonl";
    nd_reader *rd = nd_reader_new(&path, 1, NULL);
    nd_record r;
    nd_record_init(&r);
    while (nd_reader_next(rd, &r)) nd_trainer_add(t, &r, 3, &err);
    nd_record_release(&r);
    nd_reader_free(rd);
    nd_model *m = NULL;
    if (nd_trainer_finish(t, NULL, &m, rep, &err) != ND_OK) printf("# %s\n", err.msg);
    nd_trainer_free(t);
    return m;
}

#endif
