/*
 * jsonl_diff.h -- the one-pass JSON reader against cJSON on one line, for the
 * unit test and the fuzz target: -2 if the pass left the line to cJSON, 0 if
 * it took it and its fields and repair count are cJSON's, 1 if they differ.
 */
#ifndef ND_JSONL_DIFF_H
#define ND_JSONL_DIFF_H

#include "nd_internal.h"

#include <stdlib.h>

static int jsonl_diff(const char *line, size_t len)
{
    static const char *const names[ND_NFIELDS] = { "id", "title", "text", "topic", "region", "summary", "url" };
    char *a[ND_NFIELDS], *b[ND_NFIELDS];
    nd_repairs ra = { 0 }, rb = { 0 };
    long ca, cb;
    nd_buf scratch;
    nd_buf_init(&scratch);
    unsigned na, nb;
    int pa = nd_jsonl_record(line, len, names, a, &na, &ra, &ca, &scratch, ND_JSONL_PASS);
    int pb = nd_jsonl_record(line, len, names, b, &nb, &rb, &cb, &scratch, ND_JSONL_TREE);
    int differ = 0;
    if (pa == 0) {
        differ = pb != 0 || ra.utf8 != rb.utf8 || ra.nul != rb.nul || na != nb;
        for (int k = 0; k < ND_NFIELDS; k++)
            if ((a[k] == NULL) != (b[k] == NULL) || (a[k] && pb == 0 && strcmp(a[k], b[k]) != 0)) differ = 1;
    }
    for (int k = 0; k < ND_NFIELDS; k++) {
        if (pa == 0) free(a[k]);
        if (pb == 0) free(b[k]);
    }
    nd_buf_release(&scratch);
    return pa == 0 ? differ : -2;
}

#endif
