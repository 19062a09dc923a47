/*
 * passes.c -- the passes over the blocks that the block model kept: what it
 * kept for the prose or the place it has and is no story all the same. A
 * block of no word; a paragraph the story holds already; a site's prompts,
 * buttons and paywalls; a post's meta and signatures above the story; a
 * press release's closing boilerplate, a bio at the story's end; links under
 * a heading of related articles; readers' comments; a heading left over; and
 * a page's JSON-LD articleBody where the blocks hold less of it. Read here,
 * not as the clutter rules' (clean.c): a rule's verdict is a feature the
 * block models learn from, and as rules these moved the verdicts on the
 * blocks around them.
 */
#define _GNU_SOURCE   /* memmem */
#include "lang.h"
#include "lines.h"

#include <stdlib.h>  /* free, qsort */

/*
 * s[0..n) holds a letter or a figure: an ASCII one, or a character from
 * U+00C0 on outside U+2000..U+2FFF (punctuation, arrows, box drawing,
 * shapes, dingbats: E2 lead bytes) and the private use area U+E000..U+F8FF
 * (an icon font's glyphs). Told from the first two bytes.
 */
static int has_word(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i], d = i + 1 < n ? (unsigned char)s[i + 1] : 0;
        if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9')) return 1;
        if (c >= 0xC3 && c <= 0xF4 && c != 0xE2 && c != 0xEE && !(c == 0xEF && d < 0xA4) && !(c == 0xC3 && (d == 0x97 || d == 0xB7)))
            return 1;   /* not the signs among the Latin-1 letters: "×" (a dialog's close button), "÷" */
    }
    return 0;
}
/*
 * s[0..n) is only images as a text browser shows them: "[name]" (an
 * image's file name or a one-word alt text, no blank inside), one or more.
 * An editor's "[Updated at 10:00]" has blanks and is read.
 */
static int only_images(const char *s, size_t n)
{
    size_t i = 0, images = 0;
    while (i < n) {
        if (s[i] == ' ') {
            i++;
            continue;
        }
        if (s[i] != '[') return 0;
        size_t j = i + 1;
        while (j < n && s[j] != ']' && s[j] != ' ' && s[j] != '[') j++;
        if (j >= n || s[j] != ']' || j == i + 1) return 0;
        i = j + 1;
        images++;
    }
    return images > 0;
}
/*
 * A kept paragraph of ND_REPEAT_MIN bytes or more that the story already
 * holds word for word is left out: a pull quote, the caption under two
 * pictures, the headline again as a teaser's. Shorter lines ("Reply", a
 * date) may repeat; the summary weighs their runs down (mark_runs).
 */
#define ND_REPEAT_MIN 40
struct seen { uint64_t h; uint32_t i; };
static int cmp_seen(const void *a, const void *b)
{
    const struct seen *x = a, *y = b;
    return x->h < y->h ? -1 : x->h > y->h ? 1 : x->i < y->i ? -1 : x->i > y->i;
}
static void drop_repeats(nd_page *p)
{
    struct seen *v = nd_xmalloc((p->n + 1) * sizeof(*v));
    size_t m = 0;
    for (size_t i = 0; i < p->n; i++)
        if (p->b[i].keep && p->b[i].len >= ND_REPEAT_MIN)
            v[m++] = (struct seen){ nd_hash(p->text.data + p->b[i].off, p->b[i].len), (uint32_t)i };
    qsort(v, m, sizeof(*v), cmp_seen);
    for (size_t a = 0, k; a < m; a = k) {
        const nd_block *first = &p->b[v[a].i];
        for (k = a + 1; k < m && v[k].h == v[a].h; k++) {
            nd_block *b = &p->b[v[k].i];
            if (b->len == first->len && !memcmp(p->text.data + b->off, p->text.data + first->off, b->len)) {
                b->keep = 0;
                b->rule = ND_CLUTTER_REPEAT;
            }
        }
    }
    free(v);
}
/*
 * A page whose story the blocks do not hold (built in the browser from its
 * structured data, or behind a wall the page's text stops at) while its
 * JSON-LD articleBody does: the story is the articleBody, every paragraph
 * of it kept. Only when the blocks kept come to under a quarter of the
 * articleBody: where the page has its story, the page's copy is the one the
 * reader sees (an articleBody may be a teaser, or another version of the
 * text). A paywalled page shows a teaser, a standfirst and the author's bio
 * (over 500 bytes) above a wall its articleBody is not behind.
 */
static void structured_story(nd_page *page)
{
    size_t kept = 0;
    for (size_t i = 0; i < page->n; i++) kept += page->b[i].keep ? page->b[i].len : 0;
    if (page->ld_body.len < 200 || kept * 4 >= page->ld_body.len) return;
    nd_buf body, title;
    nd_buf_init(&body);
    nd_buf_init(&title);
    nd_buf_add(&body, page->ld_body.data, page->ld_body.len);
    nd_buf_add(&title, page->title.data, page->title.len);
    if (nd_markup_kind(body.data, body.len)) nd_page_html(page, body.data, body.len);   /* "<p>...</p>" */
    else nd_page_text(page, body.data, body.len);
    nd_buf_reset(&page->title);
    nd_buf_add(&page->title, title.data, title.len);
    page->html = 1;   /* a page's story: its headline is the page's title */
    for (size_t i = 0; i < page->n; i++) page->b[i].keep = 1, page->b[i].p = 1, page->b[i].rule = ND_CLUTTER_NONE;
    nd_buf_release(&body);
    nd_buf_release(&title);
}
/*
 * Readers' comments under a story. A heading in an element whose class or
 * id names comments ("comments-title": "42 Comments", "3 thoughts on ...",
 * "Leave a Reply"), or a line the rules took for a comment counter there,
 * opens the comment section when the page's <h1> and at least half the
 * story text outside such elements (and 200 bytes) stand before it: the blocks after it in
 * comment elements, up to the first outside one, are dropped, whatever
 * the block model said of their prose. A sidebar's "Recent Comments" above
 * the story opens none, and a page whose story itself sits in such an
 * element (a body class "comments-open") has no story outside to come after.
 */
static void drop_comments(nd_page *p)
{
    const uint32_t comment = 1u << ND_CLS_COMMENT;
    size_t story = 0, before = 0, i;
    int headline = 0;
    for (i = 0; i < p->n; i++)
        if (p->b[i].keep && !(p->b[i].cls_far & comment)) story += p->b[i].len;
    for (i = 0; i < p->n; i++) {
        const nd_block *b = &p->b[i];
        if (!(b->cls_far & comment)) headline |= b->tag == ND_BT_H1, before += b->keep ? b->len : 0;
        else if (headline && before >= 200 && 2 * before >= story && (b->cls_near & comment) &&
                 (b->tag == ND_BT_H || b->tag == ND_BT_H1 || b->rule == ND_CLUTTER_COUNTER))
            break;
    }
    for (; i < p->n && (p->b[i].cls_far & comment); i++) {
        if (p->b[i].keep || p->b[i].rule == ND_CLUTTER_NONE) p->b[i].rule = ND_CLUTTER_COMMENTS;
        p->b[i].keep = 0;
    }
}
/*
 * The links under a heading of related articles that the block model kept
 * where it dropped their heading: "Noticias relacionadas", "Lesen Sie
 * auch", "Leggi anche" (a chrome phrase of any language opens it, five
 * words at most) over "El autobús al aeropuerto sube de precio". The rules
 * know such lists under an English heading only; here the kept blocks
 * after the heading go while each is a link through and through, short and
 * no sentence, up to ND_LINKS_MAX of them. Under a heading over other
 * stories' headlines ("Trending Stories", "Meistgelesen") on a text page
 * too, below the story's third body paragraph (block 'third'; above it,
 * such a heading is as often a menu's, and the story's headline or
 * standfirst may follow), where a headline of three words or more, short
 * and no sentence, stands for a link.
 */
#define ND_LINKS_MAX 12
/* A kept block of such a list: a link through and through (HTML), or a headline of three words or more (text). */
static int related_item(const nd_page *p, const nd_block *b)
{
    const char *u = p->text.data + b->off;
    char last = u[b->len - 1];
    return b->len <= 160 && last != '.' &&
           (p->html ? b->link >= b->len : last != '!' && last != '?' && last != ':' && nd_count_bytes(u, b->len, ' ') >= 2);
}

/*
 * Under such a heading on an HTML page, the cards the block model kept of
 * a news site's list whose headlines are no links (an <h3> that a link
 * laid over the card makes one: "Un dirigente del Partido Obrero dijo ...")
 * and their kickers ("Crítica y polémica"): three headlines or more, each
 * a heading element, short and no sentence (a question may be one), a
 * kicker of four words at most after any. Fewer are as likely a live
 * blog's first post; a story's subheadings have paragraphs between them.
 */
static void drop_html_cards(nd_page *p, size_t i)
{
    size_t idx[2 * ND_LINKS_MAX], n = 0, heads = 0;
    int after_head = 0;
    for (size_t k = i + 1; k < p->n && n < sizeof(idx) / sizeof(idx[0]); k++) {
        const nd_block *b = &p->b[k];
        if (!b->keep) continue;
        const char *u = p->text.data + b->off;
        char last = u[b->len - 1];
        if (related_item(p, b) ||
            (b->tag == ND_BT_H && b->len <= 160 && last != '.' && last != ':' && nd_count_bytes(u, b->len, ' ') >= 2)) {
            after_head = 1, heads++;
        } else if (after_head && b->len <= 40 && last != '.' && nd_count_bytes(u, b->len, ' ') <= 3) {
            after_head = 0;
        } else {
            break;
        }
        idx[n++] = k;
    }
    if (heads < 3) return;
    for (size_t j = 0; j < n; j++) p->b[idx[j]].keep = 0, p->b[idx[j]].rule = ND_CLUTTER_LINK;
}

static void drop_related_links(nd_page *p, size_t third)
{
    for (size_t i = 0; i + 1 < p->n; i++) {
        nd_block *h = &p->b[i];
        const char *t = p->text.data + h->off;
        if (h->len > 60 || nd_count_bytes(t, h->len, ' ') > 4) continue;
        int more = (p->html || i > third) && nd_line_is_more_heading(t, h->len);
        if (h->keep && more) h->keep = 0, h->rule = ND_CLUTTER_LINK;   /* the heading kept too: "Najczęściej czytane" */
        if (h->keep) continue;
        int phrase = !more && nd_chrome_phrase(t, h->len) == 1;
        /* on a text page, other stories' cards under "Related stories", "More from ...": a headline and
           a sentence of standfirst each ("Council approves new sea wall" / "The £12m scheme will ...");
           not under a wiki's "See also: List of All Gifts", after which its article goes on */
        int cards = phrase && !p->html && i > third && !nd_ascii_prefix(t, h->len, "see also");
        if (!more && !cards && !(p->html && phrase)) continue;
        if (more && p->html) drop_html_cards(p, i);
        int prev = 1, opened = 0;   /* the block before: the heading (1), a headline (2), a standfirst (3) */
        for (size_t k = i + 1, items = 0; k < p->n && items < ND_LINKS_MAX; k++) {
            nd_block *b = &p->b[k];
            int item = related_item(p, b);
            if (!b->keep && !(item && b->rule == ND_CLUTTER_LINK)) continue;
            if (item) {   /* a headline after the heading or a card's standfirst opens a card */
                opened = prev != 2;
                prev = 2;
                if (!b->keep) continue;   /* one the rules took as the list's already */
            } else if ((more || cards) && !p->html && prev == 2 && opened && b->len <= 250) {
                size_t n = k + 1;   /* the standfirst of the last card, or of one another card follows */
                while (n < p->n && !p->b[n].keep) n++;
                if (n < p->n && !related_item(p, &p->b[n])) break;   /* the story goes on */
                prev = 3;
            } else {
                break;
            }
            b->keep = 0, b->rule = ND_CLUTTER_LINK, items++;
        }
    }
}
/*
 * A site's menu: a run of ND_MENU_RUN list items or more, one after the
 * other, each a link through and through of four words at most and no
 * sentence ("Football" / "Rugby Union" / "Cricket" / ...). The block model
 * weighs each item alone, and the words of a list of links read like a
 * story's bulleted list; a story's own list is seldom links alone, and
 * seldom so long.
 */
#define ND_MENU_RUN 8
static int menu_item(const nd_page *p, const nd_block *b)
{
    const char *t = p->text.data + b->off;
    char last = t[b->len - 1];
    return (b->anc & ND_ANC_LI) && b->link * 10 >= b->len * 9 && b->len <= 60 && nd_count_bytes(t, b->len, ' ') <= 3 &&
           last != '.' && last != '!' && last != '?';
}

static void drop_link_menus(nd_page *p)
{
    for (size_t i = 0, k; i < p->n; i = k > i ? k : i + 1) {
        for (k = i; k < p->n && menu_item(p, &p->b[k]);) k++;
        if (k - i < ND_MENU_RUN) continue;
        for (size_t m = i; m < k; m++)
            if (p->b[m].keep) p->b[m].keep = 0, p->b[m].rule = ND_CLUTTER_NAV;
    }
}

/*
 * A heading left alone: kept, short (a lede set as a heading is not), in
 * an element named for chrome (a newsletter box, related links, an ad, a
 * share bar, a sidebar), the blocks after it all dropped up to the next
 * kept one, and that one not named so ("Get the morning briefing" over a
 * sign-up form that went; not a dek under an article named "promoted").
 * It heads nothing of the story.
 */
static void drop_orphan_headings(nd_page *p)
{
    const uint32_t chrome = 1u << ND_CLS_SUBSCRIBE | 1u << ND_CLS_RELATED | 1u << ND_CLS_AD | 1u << ND_CLS_SHARE |
                            1u << ND_CLS_SIDE | 1u << ND_CLS_CONSENT | 1u << ND_CLS_COMMENT;
    for (size_t i = 0; i < p->n; i++) {
        nd_block *b = &p->b[i];
        if (!b->keep || b->tag != ND_BT_H || b->len > 80 || !(b->cls_near & chrome)) continue;
        size_t j = i + 1;
        while (j < p->n && !p->b[j].keep) j++;
        /* the next kept block outside its element's kind: the heading's section ended with what went */
        if (j > i + 1 && (j == p->n || !(p->b[j].cls_near & b->cls_near & chrome))) b->keep = 0;
    }
}
/*
 * An author's bio that closes the story ("Jane Doe is the founder of ...",
 * in italics under the last paragraph). The rules know a bio in the last
 * third of a page's lines; on a page whose sidebars and footer run long
 * after the story, the story's end is mid-page, and the block model keeps
 * a bio for the prose it is. And a bio in another language ("Anna Berger
 * ist freie Journalistin in Wien") is read as one here only. The story's
 * last kept blocks go while they read as one, three kept blocks or more
 * standing before them.
 */
static void drop_closing_bio(nd_page *p)
{
    size_t kept = 0;
    for (size_t i = 0; i < p->n; i++) kept += p->b[i].keep;
    for (size_t i = p->n; i-- > 0 && kept > 3;) {
        nd_block *b = &p->b[i];
        if (!b->keep) continue;
        if (!nd_line_is_bio(p->text.data + b->off, b->len)) break;
        b->keep = 0;
        b->rule = ND_CLUTTER_BIO;
        kept--;
    }
}
/*
 * A press release's closing boilerplate that the block model kept for the
 * prose it is: the issuer's profile under "About Northwind Energy", the
 * legal notice under "Forward-Looking Statements". From such a heading
 * below the story's third body paragraph (block 'third') and among the
 * last ND_CLOSING_MAX kept blocks, the kept blocks go.
 */
#define ND_CLOSING_MAX 6
static void drop_closing_boilerplate(nd_page *p, size_t third)
{
    size_t from = p->n, left = 0;
    nd_clutter why = ND_CLUTTER_NONE;
    for (size_t i = p->n; i-- > third + 1 && left < ND_CLOSING_MAX;) {
        if (!p->b[i].keep) continue;
        left++;
        nd_clutter w = nd_line_closing_heading(p->text.data + p->b[i].off, p->b[i].len);
        if (w != ND_CLUTTER_NONE) from = i, why = w;
    }
    for (size_t k = from; k < p->n; k++)
        if (p->b[k].keep) p->b[k].keep = 0, p->b[k].rule = (uint8_t)why;
}
/*
 * A site's prompts to its reader that the block model kept for the prose
 * they are: a consent dialog's paragraphs ("Diese Cookies helfen dabei,
 * unsere Webseite nutzbar zu machen ..."), an outdated-browser warning; and
 * a paywall's notice ("El contenido al que quiere acceder es exclusivo para
 * suscriptores.", also on the all-prose path, as it can read as prose);
 * the other languages' share and listen buttons and a multi-page article's
 * links ("Comparte esta noticia", "Artikel anhören", "Page 2 of 3");
 * a site's appeal for money ("If you value our reporting, please consider
 * making a contribution.") or its newsletter's prompt ("Get our top
 * stories delivered to your inbox"; where they stand, and where they are
 * looked for, at the tail);
 * a press release's contact lines ("Tel.: +49 ...", "E-Mail: presse@..."),
 * a byline with its dates ("Von Anna Berger | 04.03.2024, 18:30 Uhr"), a
 * caption that says its picture only illustrates ("... (Symbolbild).") and
 * an HTML figure's caption (the page benchmark's segments in figcaptions:
 * 63 boilerplate, 11 story), a live blog's time stamps (post_stamp).
 * Read here, not as line rules: as rules they change what the block models
 * learn from, and held-out F1 moved by up to 0.0007 either way. On a clean
 * article's all-prose path only the caption and the paywall's notice are
 * looked for (a paragraph's length or last byte rules most out): the others
 * are no prose, or cost every paragraph of every article a search (process
 * +1.1%).
 */
#define ND_APPEAL_TAIL 4
/* Kept block i's neighbour 'step' kept blocks away (-2: two before it), or p->n. */
static size_t kept_neighbour(const nd_page *p, size_t i, int step)
{
    for (int d = step < 0 ? -1 : 1; step != 0; step -= d) {
        do i += (size_t)(ptrdiff_t)d;
        while (i < p->n && !p->b[i].keep);
        if (i >= p->n) return p->n;
    }
    return i;
}
/*
 * A time of day alone that is a live blog's post's stamp, not a schedule's
 * time ("8:10 AM", "Leaves her trailer ...", "12:30 PM", ...: a table's
 * cells, or a time, one or two lines of under 100 bytes together and a
 * time again: a post is longer).
 */
static int post_stamp(const nd_page *p, size_t i)
{
    const nd_block *b = &p->b[i];
    if ((b->anc & ND_ANC_TABLE) || !nd_line_is_time(p->text.data + b->off, b->len)) return 0;
    for (int side = -1; side <= 1; side += 2)
        for (size_t d = 1, between = 0; d <= 3 && between < 100; d++) {
            size_t k = kept_neighbour(p, i, (int)d * side);
            if (k >= p->n) break;
            const nd_block *c = &p->b[k];
            if (d > 1 && nd_line_is_time(p->text.data + c->off, c->len)) return 0;
            between += c->len;
        }
    return 1;
}
static void drop_kept_chrome(nd_page *p, int all_prose)
{
    nd_clutter why;
    /* an appeal: after the first kept block; on an HTML page anywhere (a box amid the story), on a text page above
       its first body paragraph and among the last ND_APPEAL_TAIL kept blocks, after a clean article's last paragraph */
    size_t tail = p->n, first = p->n, last = all_prose ? 1 : p->html ? p->n : ND_APPEAL_TAIL;
    for (size_t i = p->n, k = 0; i-- > 0;)
        if (p->b[i].keep) {
            first = i;
            if (k++ < last) tail = i;
        }
    int head = !all_prose;   /* above the first body paragraph */
    for (size_t i = 0; i < p->n; i++) {
        nd_block *b = &p->b[i];
        const char *t = p->text.data + b->off;
        if (!b->keep) continue;
        if (head && i > first && nd_line_is_body(t, b->len)) head = 0;
        if (!all_prose && nd_line_is_site_prompt(t, b->len))
            b->keep = 0, b->rule = ND_CLUTTER_LEGAL;
        else if (b->tag != ND_BT_PRE && nd_looks_like_minified(t, b->len))   /* a page's <pre> is code to show */
            b->keep = 0, b->rule = ND_CLUTTER_CODE;
        else if (nd_line_is_paywall(t, b->len) ||
                 (i > first && (i >= tail || head) && (nd_line_is_appeal(t, b->len) || nd_line_is_newsletter(t, b->len))))
            b->keep = 0, b->rule = ND_CLUTTER_SOCIAL;
        else if (!all_prose && (why = nd_line_button(t, b->len)) != ND_CLUTTER_NONE)
            b->keep = 0, b->rule = (uint8_t)why;
        else if (!all_prose && nd_looks_like_counter(t, b->len, 1))   /* "Lesezeit: 3 Min.", "12 commentaires" */
            b->keep = 0, b->rule = ND_CLUTTER_COUNTER;
        else if ((b->tag == ND_BT_CAPTION && (b->anc & ND_ANC_FIGURE)) || nd_line_is_picture_note(t, b->len) ||
                 nd_line_closes_with_credit(t, b->len) ||
                 (!all_prose && (nd_line_is_contact(t, b->len) || nd_line_is_dated_byline(t, b->len) || post_stamp(p, i))))
            b->keep = 0, b->rule = ND_CLUTTER_BYLINE;
    }
}
/*
 * The next stage of a post's meta after 'stage' with a line 'm', -1 for
 * none: name? date+ count* (1 the name, 2 a date, 3 a count), or a
 * signature and its dates and counts (4; a German "Von ..." 5 until its
 * date). A meta is whole at 3 or 4 (meta_whole).
 */
static int meta_stage(int stage, nd_meta m)
{
    switch (m) {
    case ND_META_NAME: return stage == 0 ? 1 : -1;
    case ND_META_SIGNED: return stage == 0 ? 4 : -1;
    case ND_META_VON: return stage == 0 ? 5 : -1;
    case ND_META_DATE: return stage <= 2 ? 2 : stage >= 4 ? 4 : -1;
    case ND_META_COUNT: return stage >= 2 && stage <= 4 ? 3 : -1;
    default: return -1;
    }
}
static int meta_whole(int stage)
{
    return stage == 3 || stage == 4;
}
/* A block of two lines or more that is a byline box alone ("Anna Nowak" over "5 grudnia 2026, 10:15"). */
static int meta_lines(const char *t, size_t n)
{
    if (n > 160 || !memchr(t, '\n', n)) return 0;
    int stage = 0;
    for (const char *s = t, *end = t + n; s < end;) {
        const char *e = memchr(s, '\n', (size_t)(end - s));
        if (!e) e = end;
        stage = meta_stage(stage, nd_line_meta(s, (size_t)(e - s)));
        if (stage < 0) return 0;
        s = e + 1;
    }
    return stage == 2 || meta_whole(stage);
}
/*
 * A headline and its byline in one block, a line break between them (an
 * old page's "<b>Il porto chiude</b><br><i>di Marco Bianchi</i> - 7
 * dicembre 2026"): the block loses its last line when that is a signature,
 * alone or with its date.
 */
static void trim_signed_tail(nd_page *p, nd_block *b)
{
    const char *t = p->text.data + b->off;
    if (b->len > 300) return;
    size_t s = b->len;
    while (s > 0 && t[s - 1] != '\n') s--;
    if (s < 2 || (nd_line_meta(t + s, b->len - s) != ND_META_SIGNED && !nd_line_is_dated_byline(t + s, b->len - s)))
        return;
    nd_buf_add(&p->trimmed, t + s, b->len - s);
    nd_buf_addc(&p->trimmed, '\n');
    b->len = (uint32_t)s - 1;
}
/* The next kept block after block 'end' is a body paragraph. */
static int before_body(const nd_page *p, size_t end)
{
    size_t k = kept_neighbour(p, end, 1);
    return k < p->n && nd_line_is_body(p->text.data + p->b[k].off, p->b[k].len);
}

/*
 * A post's meta that the block model kept between its standfirst and its
 * story, as newsletter and blog platforms print it: the author, the date,
 * the counts of likes and comments ("Maria Okafor", "Nov 30, 2026", "142",
 * "18"). Above the story's third body paragraph, a run of kept blocks, a
 * name perhaps, then a date, then counts, goes, and a block whose lines are
 * a name and a date (a byline box, meta_lines); a name over its role is a
 * signature ("Sam Holt" / "Transport correspondent"). Without the counts
 * such a run is as often a table's or a timeline's heading and its date
 * ("WHL Playoff Scoring Leaders", "April 18, 1993"), and stays; a signature
 * needs none ("di Giulia Ferri", "7 dicembre 2026, 10:42": the block model
 * knows English bylines and dates best). Dates alone right above a body
 * paragraph go too, unless a date alone follows further on (a timeline's, a
 * list of posts'); above a heading they are a timeline's ("March 12, 2020"
 * over "Schools Close Their Doors"). Returns the third body paragraph's
 * block, p->n for a story of fewer.
 */
static size_t drop_top_meta(nd_page *p)
{
    size_t i = 0, dates[4], nd = 0;   /* runs of dates alone, their first and last blocks */
    for (size_t body = 0; i < p->n; i++) {
        nd_block *b = &p->b[i];
        if (!b->keep) continue;
        const char *t = p->text.data + b->off;
        if (nd_line_is_body(t, b->len)) {
            if (++body == 3) break;
            continue;
        }
        if (meta_lines(t, b->len)) {
            b->keep = 0, b->rule = ND_CLUTTER_BYLINE;
            continue;
        }
        trim_signed_tail(p, b);
        size_t end = i;   /* the run: name? date+ count+ */
        int stage = 0;
        for (size_t k = i; k < p->n; k++) {
            if (!p->b[k].keep) continue;
            const char *kt = p->text.data + p->b[k].off;
            int next = meta_stage(stage, nd_line_meta(kt, p->b[k].len));
            /* a name over its role is a signature ("Sam Holt" / "Transport correspondent"); a name over "By ..." is
               none, as a short headline in capitals reads as a name */
            if (next < 0 && stage == 1 && nd_line_is_role(kt, p->b[k].len)) next = 4;
            if (next < 0) break;
            stage = next, end = k;
        }
        if (stage == 2 && nd < 4 && nd_line_meta(t, b->len) == ND_META_DATE && before_body(p, end))
            dates[nd++] = i, dates[nd++] = end;
        if (meta_whole(stage))
            for (size_t k = i; k <= end; k++)
                if (p->b[k].keep) p->b[k].keep = 0, p->b[k].rule = ND_CLUTTER_BYLINE;
        i = end;   /* a run from a later block of it meets the same end: look on after it (linear time) */
    }
    for (size_t k = i + 1; k < p->n && nd; k++)   /* a date alone further on: a timeline's, a list of posts' */
        if (p->b[k].keep && nd_line_meta(p->text.data + p->b[k].off, p->b[k].len) == ND_META_DATE) nd = 0;
    for (size_t r = 0; r < nd; r += 2)
        for (size_t k = dates[r]; k <= dates[r + 1]; k++)
            if (p->b[k].keep) p->b[k].keep = 0, p->b[k].rule = ND_CLUTTER_BYLINE;
    return i;
}

void nd_story_prose_passes(nd_page *page)
{
    drop_closing_bio(page);
    drop_kept_chrome(page, 1);
}

void nd_story_passes(nd_page *page)
{
    for (size_t i = 0; i < page->n; i++) {   /* no word (a rule, "━━━", "* * *"; a bullet, a rating) or images */
        const char *t = page->text.data + page->b[i].off;
        if (page->b[i].keep && (!has_word(t, page->b[i].len) || only_images(t, page->b[i].len))) {
            page->b[i].keep = 0;
            page->b[i].rule = ND_CLUTTER_WORDLESS;
        }
    }
    drop_repeats(page);
    drop_kept_chrome(page, 0);
    size_t third = drop_top_meta(page);   /* the story's third body paragraph: the closing passes look below it */
    drop_closing_boilerplate(page, third);
    drop_closing_bio(page);
    drop_related_links(page, third);
    if (page->html) drop_comments(page), drop_link_menus(page), drop_orphan_headings(page), structured_story(page);
}
