/*
 * test_clutter.c -- the clutter corpus (tests/data/clutter.jsonl, written for
 * the project): scraped pages with site chrome around a story. After
 * cleaning, the sentences of each page are exactly its story's sentences:
 * nothing of the chrome reaches a summary, nothing of the story is lost.
 */
#include "nd_internal.h"
#include "tap.h"

#include <cJSON.h>
#include <stdlib.h>

int main(void)
{
    FILE *f = fopen("tests/data/clutter.jsonl", "r");
    ok(f != NULL, "the clutter corpus is there");
    if (!f) return done_testing();
    char line[16384];
    nd_buf clean;
    nd_buf_init(&clean);
    nd_spans sents, removed, why;
    nd_spans_init(&sents);
    nd_spans_init(&removed);
    nd_spans_init(&why);
    int pages = 0;
    while (fgets(line, sizeof(line), f)) {
        cJSON *o = cJSON_Parse(line);
        const char *id = cJSON_GetObjectItem(o, "id")->valuestring;
        const char *text = cJSON_GetObjectItem(o, "text")->valuestring;
        cJSON *story = cJSON_GetObjectItem(o, "story");
        nd_clean(text, strlen(text), &clean, &removed, &why);
        nd_sentences(clean.data, clean.len, &sents);
        /* every story sentence is one sentence of the cleaned page */
        int nstory = cJSON_GetArraySize(story), found = 0;
        for (int i = 0; i < nstory; i++) {
            const char *want = cJSON_GetArrayItem(story, i)->valuestring;
            for (size_t k = 0; k < sents.n; k++)
                if (sents.v[k].len == strlen(want) && !memcmp(clean.data + sents.v[k].off, want, sents.v[k].len)) {
                    found++;
                    break;
                }
        }
        is_int(found, nstory, "%s: all %d story sentences survive", id, nstory);
        /* and nothing else does */
        int extra = 0;
        for (size_t k = 0; k < sents.n; k++) {
            int in_story = 0;
            for (int i = 0; i < nstory && !in_story; i++) {
                const char *s = cJSON_GetArrayItem(story, i)->valuestring;
                in_story = sents.v[k].len == strlen(s) && !memcmp(clean.data + sents.v[k].off, s, sents.v[k].len);
            }
            if (!in_story) {
                extra++;
                printf("#   %s: kept clutter: %.*s\n", id, (int)sents.v[k].len, clean.data + sents.v[k].off);
            }
        }
        is_int(extra, 0, "%s: no clutter line is left (%zu removed)", id, removed.n);
        cJSON_Delete(o);
        pages++;
    }
    fclose(f);
    ok(pages >= 8, "%d pages in the corpus", pages);
    nd_buf_release(&clean);
    nd_spans_release(&sents);
    nd_spans_release(&removed);
    nd_spans_release(&why);
    return done_testing();
}
