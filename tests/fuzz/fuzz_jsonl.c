/*
 * fuzz_jsonl.c -- libFuzzer target: any bytes as one JSON Lines record. Where
 * the one-pass reader takes a line, its fields and repair count must be
 * cJSON's; no crash, no leak either way.
 */
#include "../jsonl_diff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (jsonl_diff((const char *)data, size) == 1) abort();
    return 0;
}
