/*
 * fuzz_svm.c -- libFuzzer target: libsvm model files (a bundle may come from
 * anywhere). Every input is parsed or refused with a message; no crash, no leak.
 */
#include "text.h"

#include <libsvm/svm.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = nd_xmalloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    nd_err err;
    struct svm_model *m = nd_svm_parse(text, size, "fuzz", &err);
    if (m) {
        double sum = 0;   /* touch every node, as folding does */
        for (int i = 0; i < m->l; i++)
            for (const struct svm_node *n = m->SV[i]; n->index != -1; n++) sum += n->value;
        (void)sum;
        svm_free_and_destroy_model(&m);
    }
    free(text);
    return 0;
}
