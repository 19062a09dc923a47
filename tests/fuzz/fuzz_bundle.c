/*
 * fuzz_bundle.c -- libFuzzer target: a whole model bundle from any bytes.
 * The input is split at each 0x00 byte into the bundle's files, in the
 * order of 'files' below (missing ones are left out), written to a
 * directory and loaded with nd_model_load. Every input loads or is refused
 * with a message; no crash, no leak, nothing sized by a damaged number.
 */
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h> /* mkdir */
#include <unistd.h>   /* getpid, unlink, rmdir */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const files[] = { "manifest", "vocab.tsv", "topic.labels", "topic.platt", "topic.svm",
                                     "region.labels", "region.platt", "region.svm", "gazetteer.tsv", "summary.svm",
                                     "blocks.model" };
enum { NFILES = sizeof(files) / sizeof(files[0]) };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char dir[64], path[128];
    snprintf(dir, sizeof(dir), "/tmp/nd-fuzz-bundle-%d", (int)getpid());
    mkdir(dir, 0755);
    size_t at = 0;
    for (int k = 0; k < NFILES; k++) {
        snprintf(path, sizeof(path), "%s/%s", dir, files[k]);
        if (at > size) {
            unlink(path);
            continue;
        }
        const uint8_t *end = memchr(data + at, 0, size - at);
        size_t n = end ? (size_t)(end - (data + at)) : size - at;
        FILE *f = fopen(path, "wb");
        if (f) {
            fwrite(data + at, 1, n, f);
            fclose(f);
        }
        at += n + 1;
    }
    nd_err err;
    nd_model *m = nd_model_load(dir, &err);
    if (m) {
        nd_analyzer *a = nd_analyzer_new(m);   /* and it analyses an article */
        if (a) {
            nd_record r;
            nd_record_init(&r);
            r.id = nd_xstrdup("f");
            r.text = nd_xstrdup("Shares rose in Tokyo on Monday as exporters gained. The yen fell against the dollar.");
            nd_analyze_opts o;
            nd_analyze_opts_init(&o);
            nd_result res;
            nd_result_init(&res);
            (void)nd_analyze(a, &r, &o, &res, &err);
            nd_result_release(&res);
            nd_record_release(&r);
            nd_analyzer_free(a);
        }
        nd_model_free(m);
    }
    for (int k = 0; k < NFILES; k++) {
        snprintf(path, sizeof(path), "%s/%s", dir, files[k]);
        unlink(path);
    }
    rmdir(dir);
    return 0;
}
