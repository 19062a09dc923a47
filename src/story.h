/*
 * story.h -- finding the story in a page. Private to src/.
 *
 * A page becomes a sequence of blocks: for HTML the text of each block
 * element (read by dom.c's own one-pass reader: chosen over libxml2 and
 * gumbo by measurement, see dom.c), for plain text its lines (wrapped
 * lines joined, pageblocks.c). Each block gets shallow features (its text's
 * shape, link density, stop-word density in the page's language, class and
 * id words of its elements, how much story text its container holds, its
 * neighbours: blockfeat.c); a linear model per form (HTML, text) gives the
 * probability that it is story, and a two-state smoothing over the sequence
 * decides (story.c). A bundle without a block model decides by the clutter
 * rules alone (clean.c), which also give the model a feature.
 */
#ifndef ND_STORY_H
#define ND_STORY_H

#include "nd_internal.h"

/* The element that holds a block's text (ND_BT_TEXT: a line of a plain text). */
enum nd_btag {
    ND_BT_TEXT = 0, ND_BT_P, ND_BT_DIV, ND_BT_LI, ND_BT_CELL, ND_BT_H1, ND_BT_H, ND_BT_QUOTE, ND_BT_PRE,
    ND_BT_DEF, ND_BT_CAPTION, ND_BT_OTHER, ND_NBT
};

/* The block's element and its ancestors are (or are inside) ... */
enum {
    ND_ANC_LI = 1 << 0, ND_ANC_LIST = 1 << 1, ND_ANC_NAV = 1 << 2, ND_ANC_HEADER = 1 << 3, ND_ANC_FOOTER = 1 << 4,
    ND_ANC_ASIDE = 1 << 5, ND_ANC_FORM = 1 << 6, ND_ANC_TABLE = 1 << 7, ND_ANC_FIGURE = 1 << 8,
    ND_ANC_ARTICLE = 1 << 9, ND_ANC_MAIN = 1 << 10, ND_ANC_SECTION = 1 << 11, ND_ANC_QUOTE = 1 << 12,
    ND_ANC_ADDRESS = 1 << 13, ND_ANC_H = 1 << 14, ND_ANC_P = 1 << 15
};
#define ND_NANC 16

/* Word groups of class, id, role and itemprop values ("article-body", "site-nav", "related-posts"). */
enum {
    ND_CLS_CONTENT, ND_CLS_BODY, ND_CLS_NAV, ND_CLS_FOOTER, ND_CLS_HEADER, ND_CLS_SIDE, ND_CLS_COMMENT,
    ND_CLS_RELATED, ND_CLS_SHARE, ND_CLS_AD, ND_CLS_CONSENT, ND_CLS_SUBSCRIBE, ND_CLS_AUTHOR, ND_CLS_CAPTION,
    ND_CLS_META, ND_CLS_HIDDEN, ND_NCLS
};

enum { ND_BULLET = 1, ND_BULLET_NESTED, ND_BULLET_NUMBER };

typedef struct nd_block {
    uint32_t off, len;      /* its text in nd_page.text: white space collapsed, '\n' where a line broke */
    uint32_t link;          /* bytes of it inside links (HTML) */
    int32_t elem;           /* the element that holds it (nd_page.e), -1 for a line of text */
    uint32_t group;         /* blocks of one group: the same parent element, or the same paragraph of a text */
    uint16_t anc;           /* ND_ANC_* bits */
    uint8_t tag;            /* enum nd_btag */
    uint8_t bullet;         /* a text line that starts with a list marker (ND_BULLET*), or 0 */
    uint8_t indent;         /* a text line's leading blanks (255 at most) */
    uint32_t cls_near;      /* ND_CLS_* bits of its element and the two above it */
    uint32_t cls_far;       /* ND_CLS_* bits of any element above it */
    uint8_t rule;           /* the clutter rules' verdict (nd_clutter) */
    uint8_t keep;           /* the decision */
    uint8_t run;            /* inside a run of one short label repeated (a gallery, a comment thread) */
    float p;                /* the block model's probability that it is story (1 when decided by rules) */
    uint32_t at, olen;      /* a kept block: where its text starts in the story (nd_story's 'out'), and its length there */
} nd_block;

typedef struct nd_elem {
    int32_t parent;
    float score;            /* story text below it (Readability's paragraph points) */
} nd_elem;

typedef struct nd_page {
    int html;               /* blocks from a DOM (1) or from the lines of a text (0) */
    int lynx;               /* a text dumped by lynx, its links marked "[12]" */
    int md;                 /* a text in markdown, its emphases marked "_so_" in the blocks' text */
    int cut;                /* a feed cut the text short and said so ("... [+2345 chars]", nd_story) */
    int og_title;           /* the title is the page's og:title (or twitter:title), not its <title> */
    nd_buf text;            /* the blocks' text */
    nd_block *b;
    size_t n, alloc;
    nd_elem *e;
    size_t ne, ealloc;
    nd_buf title;           /* the page's own title (og:title, else <title> without the site name) or empty */
    nd_buf ld_body;         /* the articleBody of the page's JSON-LD (schema.org), character references decoded, or empty */
    nd_buf trimmed;         /* lines cut from kept blocks (a byline under its headline), each ending in '\n', for --explain */
    int lang;               /* the page's language (lang.h index), -1 when no list matches */
    float *x;               /* n x ND_BFEAT features (blockfeat.c) */
    size_t xalloc;
} nd_page;

void nd_page_init(nd_page *p);
void nd_page_release(nd_page *p);
void nd_page_reset(nd_page *p);


/* dom.c: the blocks of an HTML page or fragment (never fails: broken markup is read as a browser would). */
void nd_page_html(nd_page *p, const char *html, size_t len);
/* pageblocks.c: the blocks of a plain text: its lines, a wrapped paragraph's lines joined. */
void nd_page_text(nd_page *p, const char *text, size_t len);
/* s, a markdown page's block, appended to out without its emphases' marks ("_so_" -> "so"). */
void nd_md_put_plain(nd_buf *out, const char *s, size_t n);

/*
 * Does a character of Chinese or Japanese start at u[0] (n bytes left):
 * U+3000..U+9FFF (their punctuation, kana, ideographs) or a full-width or
 * half-width form of U+FF00..U+FF7F? They put no spaces between words, so
 * neither a link's edge nor a line break between two of them is a space.
 */
static inline int nd_cjk_at(const unsigned char *u, size_t n)
{
    return (u[0] >= 0xE3 && u[0] <= 0xE9) || (u[0] == 0xEF && n >= 2 && (u[1] == 0xBC || u[1] == 0xBD));
}
/* clswords.c: the words of class, id, role and itemprop values, indexed once (before nd_cls_bits). */
void nd_cls_index(void);
/* clswords.c: the ND_CLS_* bits of one such value, token by token (tokens separated by white space). */
uint32_t nd_cls_bits(const char *v, size_t n);
/* dom.c: an HTML page's title without the site's name before the headline the page shows ("Harbour Gazette - ..."). */
void nd_page_title_after_site(nd_page *p);
/* clean.c: the clutter rules' verdict on every block (b->rule), and the index of the headline block (or p->n). */
size_t nd_page_rules(nd_page *p);
/*
 * meta.c: a date alone ("Monday, 4 November 2024", "2 hours ago"; with 'all'
 * in the other languages too: "Donnerstag, 31. Mai 2012", "Sábado 23 de abril
 * del 2022"); an address ("www.example.com").
 */
int nd_line_is_date(const char *s, size_t n, int all);
/* clean.c: a body paragraph: eight words or more ending like a sentence, or Chinese or Japanese prose. */
int nd_line_is_body(const char *s, size_t n);
/* Is line a, one capital letter, a drop cap: the first letter of the paragraph b, set apart ("T" / "urkey, Poland and ...")? */
int nd_drop_cap(const char *a, size_t an, const char *b, size_t bn);
int nd_line_is_address(const char *s, size_t n);
/* meta.c: an author's bio ("Jane Doe is a reporter for ...", "The author is a professor of ..."). */
int nd_line_is_bio(const char *s, size_t n);
/* prompts.c: a site's prompt to its reader: a cookie dialog's text, an outdated-browser warning. */
int nd_line_is_site_prompt(const char *s, size_t n);
/* meta.c: a phone, fax or e-mail line alone ("Tel.: +49 40 1234 5678", "E-Mail: presse@example.org"). */
int nd_line_is_contact(const char *s, size_t n);
/* meta.c: a time of day alone, a live blog's post's stamp ("14:31", "05:28 Uhr", "3:59 PM ET", "14h31"). */
int nd_line_is_time(const char *s, size_t n);
/* meta.c: a byline and its dates ("Par Claire Martin · Publié le 4 mars 2024", "Von Anna Berger | 04.03.2024"). */
int nd_line_is_dated_byline(const char *s, size_t n);
/* meta.c: a byline's role alone on its line, under the name ("Transport correspondent", "Politischer Korrespondent"). */
int nd_line_is_role(const char *s, size_t n);
/* prompts.c: a control's label: ND_CLUTTER_SOCIAL ("Comparte esta noticia", "Artikel anhören"), _NAV ("Page 2 of 3", "Next page"). */
nd_clutter nd_line_button(const char *s, size_t n);
/* prompts.c: a paywall's notice or label ("Article réservé aux abonnés", "This story is for subscribers only."). */
int nd_line_is_paywall(const char *s, size_t n);
/* prompts.c: a site's appeal to its reader to subscribe or give ("If you value our reporting, please consider ..."). */
int nd_line_is_appeal(const char *s, size_t n);
/* prompts.c: a newsletter's prompt ("Get our top stories delivered to your inbox every morning"). */
int nd_line_is_newsletter(const char *s, size_t n);
/* clean.c: a heading over other stories' headlines, the whole line ("Trending Stories", "Meistgelesen"). */
int nd_line_is_more_heading(const char *s, size_t n);
/* clean.c: a sentence's verdict by the clutter rules of its kind: an opening phrase, a credit, a byline. */
nd_clutter nd_sentence_clutter(const char *s, size_t n);
/* clean.c: the heading of a press release's closing boilerplate: ND_CLUTTER_BIO ("About Northwind Energy"), _LEGAL ("Forward-Looking Statements"). */
nd_clutter nd_line_closing_heading(const char *s, size_t n);
/*
 * meta.c: what a short line of a post's meta is (nd_line_meta): a date, a count ("142", "2.1K"), a name, a
 * signature ("di Giulia Ferri", "Autor: Jan Kowalski"), a German one that only a date under it confirms ("Von
 * Anna Berger").
 */
typedef enum { ND_META_NONE, ND_META_DATE, ND_META_COUNT, ND_META_NAME, ND_META_SIGNED, ND_META_VON } nd_meta;
nd_meta nd_line_meta(const char *s, size_t n);
/* meta.c: a caption noting its picture only illustrates ("... (Symbolbild).", "... (Archivbild)"). */
int nd_line_is_picture_note(const char *s, size_t n);
/*
 * A caption that closes with its picture's credit in brackets: "Cristina
 * Kirchner y Alberto Fernández, en el Congreso (Foto: Natacha
 * Pisarenko/Pool via REUTERS).", "... (crédito: Tony Silva/Ascom-PC)".
 */
int nd_line_closes_with_credit(const char *s, size_t n);
/* The bytes c in s[0..n). */
static inline size_t nd_count_bytes(const char *s, size_t n, char c)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += s[i] == c;
    return k;
}

/*=====   The passes over the kept blocks (passes.c)   =====*/

/* After the block model's decision: what it kept and is no story all the same (blocks of no word, repeats, chrome). */
void nd_story_passes(nd_page *p);
/* For a text of prose alone, kept whole without the model: a closing bio, a paywall's notice, a caption's note. */
void nd_story_prose_passes(nd_page *p);

/*=====   Block features (blockfeat.c)   =====*/

#define ND_BFEAT 160
/* Fill p->x (n x ND_BFEAT) and p->lang. */
void nd_page_features(nd_page *p);
/* The name of feature i ("log_chars", "cls_near:nav", ...), for reports. */
const char *nd_bfeat_name(int i);

/*=====   The block model (story.c)   =====*/

/*
 * Context features of the second stage: the first stage's log-odds of the
 * block and of its neighbours, mean probabilities in windows around it, and
 * the page's share of likely story; and the block's own log-odds times three
 * of them (the page's share, story on both sides, the 10-block window), so
 * that how much a block's own evidence counts can depend on its page; and
 * the block against its page's likeliest one (how far its log-odds lie
 * below the best block's, the share of the page's blocks likelier than
 * it): a page's scores run high or low as a whole, its story is the best
 * of them.
 */
#define ND_BCTX 22
#define ND_BFEAT2 (ND_BFEAT + ND_BCTX)

/*
 * A two-stage linear model of one form. Stage 1: log-odds w1 . x from the
 * block's own features. Stage 2: w2 . [x, context(stage 1 of the page)].
 * The blocks kept maximise the sum of (stage 2 + shift) over kept blocks,
 * each weighed by its length (nd_block_weight), minus lambda per switch
 * between story and boilerplate.
 */
typedef struct nd_blocklm {
    int trained;
    double w1[ND_BFEAT];     /* feature 0 is the constant 1: w[0] is the bias */
    double w2[ND_BFEAT2];
    double shift;            /* added to the log-odds before deciding (a threshold below or above 0.5) */
    double lambda;           /* the cost, in log-odds, of switching between story and boilerplate */
    double weigh;            /* the exponent of the blocks' length weights (0: every block counts 1) */
    double c1, c2;           /* the Cs the stages were trained with */
    int pages, blocks;       /* the training data: pages, labelled blocks */
    double cv_f1;            /* cross-validated F1 of the labelled blocks' decisions */
} nd_blocklm;

enum { ND_FORM_TEXT = 0, ND_FORM_HTML = 1, ND_NFORMS = 2 };
extern const char *const nd_form_names[ND_NFORMS];

typedef struct nd_extractor {
    nd_blocklm form[ND_NFORMS];
} nd_extractor;

/*
 * The context features of n blocks from their stage-1 log-odds z (ctx: n x
 * ND_BCTX), among the blocks that the rules do not veto: an advertisement
 * line or a "Read more" between two paragraphs does not part the story
 * around it (as in nd_block_decide). A vetoed block has the context of the
 * next block that is not.
 */
void nd_block_context(const double *z, const uint8_t *veto, size_t n, float *ctx);
/* The name of context feature i. */
const char *nd_bctx_name(int i);

/* Decide every block of 'p' (features filled): by 'lm' when trained, else by the rules. */
void nd_page_decide(nd_page *p, const nd_blocklm *lm);
/*
 * The blocks kept: the Viterbi path over log-odds z[0..n) + shift, each
 * times its weight wt[i] (NULL: 1), with switching cost lambda, into keep[].
 */
void nd_block_smooth(const double *z, const double *wt, size_t n, double shift, double lambda, uint8_t *keep);

/*
 * How much a block's evidence counts in the smoothing, from its features
 * x: (log(1 + characters) / log 101)^weigh, 1 for a block of 100
 * characters. A paragraph of 800 says more than a line of 10, and a short
 * doubtful line should not part a story, nor join two menus, at the cost
 * of a long one's state.
 */
double nd_block_weight(const float *x, double weigh);
#define ND_BLOCK_WEIGH 2.0   /* the exponent the training uses */

/*
 * The blocks kept: those the rules flag ('veto') never, the rest by the
 * Viterbi path over them alone (a rule's hit between two story paragraphs
 * does not part them), each block's log-odds weighed by wt[i] (NULL: 1).
 * 'keep' may be 'veto'.
 */
void nd_block_decide(const double *z, const double *wt, const uint8_t *veto, size_t n, double shift, double lambda,
                     uint8_t *keep);

/* Write 'ex' as text ("newsdesk-blocks 1", then per form its settings and named weights); parse it back. */
void nd_extractor_write(const nd_extractor *ex, nd_buf *out);
nd_status nd_extractor_parse(nd_extractor *ex, const char *text, size_t len, const char *name, nd_err *err);

/*
 * The whole stage: blocks of 'text' (HTML or plain), rules, the model of
 * 'ex' (may be NULL: rules alone), decisions (every block kept with
 * 'keep_all'). The story's blocks go to 'out' (paragraphs separated by
 * "\n\n"); returns the length of the headline that 'out' starts with, or 0
 * (see nd_clean). 'page' keeps the blocks and decisions for reports.
 */
size_t nd_story(nd_page *page, const nd_extractor *ex, const char *text, size_t len, nd_buf *out, int keep_all);
/*
 * The story probability of each of n spans of nd_story's 'out' (in order of
 * their offsets): that of the kept block each starts in, 1 for none, and 1
 * for all when the page lost no block.
 */
void nd_story_probs(const nd_page *page, const nd_span *spans, size_t n, double *prob);
/*
 * How many of the n spans of nd_story's 'out' (in order of their offsets)
 * start in a kept <pre> block (code, a listing, a table drawn in text); each
 * one's flag in 'mark' (when not NULL) set to 1, the others' left alone.
 */
size_t nd_story_pre(const nd_page *page, const nd_span *spans, size_t n, uint8_t *mark);

/*=====   Training the block model (blocktrain.c)   =====*/

/*
 * Labelled blocks: a block that contains one of a page's story segments
 * ('with', whitespace-normalised), or lies inside one, is story; one that
 * contains or lies inside a boilerplate segment ('without') is not; the
 * rest are not used.
 */
typedef struct nd_blockset nd_blockset;
nd_blockset *nd_blockset_new(void);
void nd_blockset_free(nd_blockset *s);
/* Add one page (its features computed here). 'with' and 'without': segments one per line (either may be NULL). */
void nd_blockset_add(nd_blockset *s, nd_page *scratch, const char *text, size_t len, const char *with,
                     const char *without);
/* Add a text that is story all through (a clean article): every block of it is story. */
void nd_blockset_add_story(nd_blockset *s, nd_page *scratch, const char *text, size_t len);
size_t nd_blockset_pages(const nd_blockset *s, int form);
/* Train the model of 'form': C, shift and lambda chosen by cross-validation over pages. */
struct fit_meter;   /* train.h: counts the fits for training's progress callback */
/* The fits nd_blockset_train makes at most, for its meter. */
size_t nd_block_fits(int folds);
nd_status nd_blockset_train(nd_blockset *s, int form, int folds, unsigned seed, int threads, struct fit_meter *meter,
                            nd_blocklm *out, nd_err *err);

/*=====   Segment scores (eval.c)   =====*/

/* Python's str.split() white space collapsed to one space, ends trimmed, into 'out'. */
void nd_ws_normalize(const char *s, size_t n, nd_buf *out);

#endif
