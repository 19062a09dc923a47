/*
 * fuzz_reader.c -- libFuzzer target: any bytes as an input file (gzip or not,
 * JSON Lines, TSV or text). Every record comes back as a record or an error
 * record; no crash, no leak.
 */
#include "newsdesk.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    snprintf(path, sizeof(path), "/tmp/nd-fuzz-reader-%ld", (long)getpid());
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    nd_reader_opts o;
    nd_reader_opts_init(&o);
    o.max_record = 4096;   /* small, so the over-limit path runs too */
    const char *paths[] = { path };
    nd_reader *rd = nd_reader_new(paths, 1, &o);
    nd_record r;
    nd_record_init(&r);
    while (nd_reader_next(rd, &r)) {
        if (!r.error && !r.text) abort();   /* a record has text or an error */
    }
    nd_record_release(&r);
    nd_reader_free(rd);
    unlink(path);
    return 0;
}
