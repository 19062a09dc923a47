/*
 * fuzz_story.c -- libFuzzer target: any bytes as a page. The first byte
 * chooses: a block model file to parse (nd_extractor_parse), or a page read
 * as HTML or as text into blocks, rules, features and the shipped block
 * model's decision (nd_story). Every block must lie inside the page's text,
 * the story must be made of kept blocks (a lynx dump's without its link
 * marks: never longer); no crash, no leak.
 */
#include "story.h"

#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static nd_extractor shipped;
static int loaded;

static void load_shipped(void)
{
    loaded = 1;
    FILE *f = fopen("../models/default/blocks.model", "rb");
    if (!f) f = fopen("models/default/blocks.model", "rb");
    if (!f) return;
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof(buf), f);
    fclose(f);
    nd_err err;
    if (nd_extractor_parse(&shipped, buf, n, "blocks.model", &err) != ND_OK) memset(&shipped, 0, sizeof(shipped));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!loaded) load_shipped();
    if (!size) return 0;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    if (data[0] % 4 == 0) {
        nd_extractor ex;
        nd_err err;
        (void)nd_extractor_parse(&ex, text, len, "fuzz", &err);
        return 0;
    }
    /* nd_story wants a NUL-terminated text without NUL bytes inside, as the reader gives it */
    char *s = malloc(len + 1);
    for (size_t i = 0; i < len; i++) s[i] = text[i] ? text[i] : ' ';
    s[len] = '\0';
    nd_page page;
    nd_page_init(&page);
    nd_buf out;
    nd_buf_init(&out);
    size_t head = nd_story(&page, data[0] % 4 == 1 ? NULL : &shipped, s, len, &out, data[0] % 4 == 3);
    if (head > out.len) abort();
    size_t kept = 0;
    for (size_t i = 0; i < page.n; i++) {
        const nd_block *b = &page.b[i];
        if ((size_t)b->off + b->len > page.text.len) abort();
        if (b->keep && (b->olen > b->len || b->at != kept + (kept ? 2 : 0))) abort();
        if (b->keep) kept += b->olen + (kept ? 2 : 0);
    }
    if (kept != out.len) abort();
    nd_buf_release(&out);
    nd_page_release(&page);
    free(s);
    return 0;
}
