/*
 * lines.h -- the tests of one line that the clutter rules (clean.c) and the
 * story's passes over the kept blocks (story.c) share, by what they read:
 * a line's meta, its dates, bylines and signatures (meta.c); a site
 * speaking to its reader, its prompts, buttons and paywalls (prompts.c); a
 * line's shape, an address, a menu, a counter (shapes.c). Private to src/.
 */
#ifndef ND_LINES_H
#define ND_LINES_H

#include "story.h"

/* clean.c: the word and phrase tables, built once (every reader of them calls it first). */
void nd_lines_init(void);
/*
 * clean.c: does s[0..n) hold phrase p (lower case) at a word start, its first
 * letter in either case? memmem finds the candidates by the rest of p.
 */
int nd_has_phrase(const char *s, size_t n, const char *p);

/* A blank within a line. */
static inline int is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* meta.c */
void nd_meta_index(void);   /* the date words' table (nd_lines_init) */
/*
 * A date alone on its line; 'all': 1 in the languages of the stop-word lists (0: English's words, as the
 * block models learned them), | ND_DATE_DASHES an en or em dash between its parts too (the kept blocks'
 * passes: as a line rule it moved the block models' verdicts).
 */
int nd_looks_like_date(const char *s, size_t n, int all);
#define ND_DATE_DASHES 2
int nd_looks_like_byline(const char *s, size_t n);
int nd_looks_like_bio(const char *s, size_t n, int bare);
int nd_is_byline_more(const char *s, size_t n);
/* The kinds (bits) of the word s[0..n) in table m, its ASCII letters folded; 0 when it has none. */
uint32_t nd_word_kind(const nd_strmap *m, const char *s, size_t n);
/* Table m: each word of lists[k] (lower case) gets bits[k]. */
void nd_index_word_lists(nd_strmap *m, const char *const *const *lists, const uint32_t *bits, size_t n);

/* prompts.c */
void nd_prompt_index(void);   /* the prompt words' table (nd_lines_init) */
int nd_looks_like_site_prompt(const char *s, size_t n);

/* shapes.c */
int nd_looks_like_address(const char *s, size_t n);
int nd_looks_like_menu(const char *s, size_t n);
int nd_looks_like_teaser(const char *s, size_t n);
int nd_looks_like_counter(const char *s, size_t n, int languages);
int nd_looks_like_share_bar(const char *s, size_t n);
int nd_looks_like_code(const char *s, size_t n);
int nd_looks_like_minified(const char *s, size_t n);
int nd_looks_like_server_error(const char *s, size_t n);

#endif
