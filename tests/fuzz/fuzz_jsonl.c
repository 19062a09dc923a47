/*
 * fuzz_jsonl.c -- libFuzzer target: any bytes as one JSON Lines record. Where
 * the one-pass reader takes a line, its fields and repair count must be
 * cJSON's; no crash, no leak either way, nor in the reader's own way through
 * both (NUL bytes and \u0000 made spaces first).
 */
#include "../jsonl_diff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (jsonl_diff((const char *)data, size) == 1) abort();
    static const char *const names[ND_NFIELDS] = { "id", "title", "text", "topic", "region", "summary", "url", "with", "without" };
    char *out[ND_NFIELDS];
    nd_repairs r = { 0 };
    long col;
    nd_buf scratch;
    nd_buf_init(&scratch);
    if (nd_jsonl_record((const char *)data, size, names, out, NULL, &r, &col, &scratch, ND_JSONL_ANY) == 0)
        for (int k = 0; k < ND_NFIELDS; k++) free(out[k]);
    nd_buf_release(&scratch);
    return 0;
}
