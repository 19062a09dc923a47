/*
 * clswords.c -- what the class, id, role and itemprop values of an HTML
 * page's elements say a block holds: the words of each group (content,
 * navigation, comments, sharing, ads, hidden, ...) found in the values'
 * tokens, as ND_CLS_* bits (dom.c gives them to every block).
 */
#include "story.h"

#include <string.h>   /* memcmp, strlen */

/*
 * Words of class, id, role and itemprop values, by group. A word of four
 * letters or more matches inside a token ("articlebody", "sidebar-left");
 * a shorter one only a whole token ("ad", "nav", "bio": not "head",
 * "canvas", "biography").
 */
static const struct clsword { const char *w; uint8_t group; } clswords[] = {
    { "article", ND_CLS_CONTENT }, { "content", ND_CLS_CONTENT }, { "entry", ND_CLS_CONTENT },
    { "post", ND_CLS_CONTENT }, { "story", ND_CLS_CONTENT }, { "text", ND_CLS_CONTENT },
    { "main", ND_CLS_CONTENT }, { "blog", ND_CLS_CONTENT }, { "body", ND_CLS_CONTENT },
    { "artikel", ND_CLS_CONTENT }, { "inhalt", ND_CLS_CONTENT }, { "beitrag", ND_CLS_CONTENT },
    { "articlebody", ND_CLS_BODY }, { "article-body", ND_CLS_BODY }, { "article_body", ND_CLS_BODY },
    { "storybody", ND_CLS_BODY }, { "story-body", ND_CLS_BODY }, { "post-content", ND_CLS_BODY },
    { "entry-content", ND_CLS_BODY }, { "article-content", ND_CLS_BODY }, { "articletext", ND_CLS_BODY },
    { "article-text", ND_CLS_BODY }, { "post-body", ND_CLS_BODY }, { "bodytext", ND_CLS_BODY },
    { "nav", ND_CLS_NAV }, { "navigation", ND_CLS_NAV }, { "menu", ND_CLS_NAV }, { "breadcrumb", ND_CLS_NAV },
    { "pagination", ND_CLS_NAV }, { "pager", ND_CLS_NAV }, { "skip", ND_CLS_NAV }, { "toolbar", ND_CLS_NAV },
    { "tabs", ND_CLS_NAV }, { "dropdown", ND_CLS_NAV }, { "burger", ND_CLS_NAV },
    { "footer", ND_CLS_FOOTER }, { "foot", ND_CLS_FOOTER }, { "copyright", ND_CLS_FOOTER },
    { "imprint", ND_CLS_FOOTER }, { "impressum", ND_CLS_FOOTER }, { "contentinfo", ND_CLS_FOOTER },
    { "legal", ND_CLS_FOOTER }, { "bottom", ND_CLS_FOOTER },
    { "header", ND_CLS_HEADER }, { "masthead", ND_CLS_HEADER }, { "banner", ND_CLS_HEADER },
    { "logo", ND_CLS_HEADER }, { "brand", ND_CLS_HEADER }, { "topbar", ND_CLS_HEADER },
    { "sidebar", ND_CLS_SIDE }, { "aside", ND_CLS_SIDE }, { "widget", ND_CLS_SIDE }, { "rail", ND_CLS_SIDE },
    { "complementary", ND_CLS_SIDE }, { "sidebox", ND_CLS_SIDE }, { "marginal", ND_CLS_SIDE },
    { "comment", ND_CLS_COMMENT }, { "disqus", ND_CLS_COMMENT }, { "discussion", ND_CLS_COMMENT },
    { "reply", ND_CLS_COMMENT }, { "respond", ND_CLS_COMMENT }, { "kommentar", ND_CLS_COMMENT },
    { "forum", ND_CLS_COMMENT },
    { "related", ND_CLS_RELATED }, { "recommend", ND_CLS_RELATED }, { "teaser", ND_CLS_RELATED },
    { "popular", ND_CLS_RELATED }, { "trending", ND_CLS_RELATED }, { "readmore", ND_CLS_RELATED },
    { "read-more", ND_CLS_RELATED }, { "outbrain", ND_CLS_RELATED }, { "taboola", ND_CLS_RELATED },
    { "more", ND_CLS_RELATED }, { "also", ND_CLS_RELATED }, { "next", ND_CLS_RELATED }, { "prev", ND_CLS_RELATED },
    { "latest", ND_CLS_RELATED }, { "headlines", ND_CLS_RELATED }, { "linklist", ND_CLS_RELATED },
    { "share", ND_CLS_SHARE }, { "sharing", ND_CLS_SHARE }, { "social", ND_CLS_SHARE }, { "follow", ND_CLS_SHARE },
    { "facebook", ND_CLS_SHARE }, { "twitter", ND_CLS_SHARE }, { "whatsapp", ND_CLS_SHARE }, { "print", ND_CLS_SHARE },
    { "email", ND_CLS_SHARE }, { "mail", ND_CLS_SHARE },
    { "ad", ND_CLS_AD }, { "ads", ND_CLS_AD }, { "advert", ND_CLS_AD }, { "advertisement", ND_CLS_AD },
    { "sponsor", ND_CLS_AD }, { "promo", ND_CLS_AD }, { "commercial", ND_CLS_AD }, { "dfp", ND_CLS_AD },
    { "gpt", ND_CLS_AD }, { "anzeige", ND_CLS_AD }, { "werbung", ND_CLS_AD }, { "adslot", ND_CLS_AD },
    { "affiliate", ND_CLS_AD }, { "partner", ND_CLS_AD },
    { "cookie", ND_CLS_CONSENT }, { "consent", ND_CLS_CONSENT }, { "gdpr", ND_CLS_CONSENT },
    { "privacy", ND_CLS_CONSENT }, { "notice", ND_CLS_CONSENT }, { "popup", ND_CLS_CONSENT },
    { "modal", ND_CLS_CONSENT }, { "overlay", ND_CLS_CONSENT }, { "dsgvo", ND_CLS_CONSENT },
    { "newsletter", ND_CLS_SUBSCRIBE }, { "subscribe", ND_CLS_SUBSCRIBE }, { "subscription", ND_CLS_SUBSCRIBE },
    { "signup", ND_CLS_SUBSCRIBE }, { "paywall", ND_CLS_SUBSCRIBE }, { "login", ND_CLS_SUBSCRIBE },
    { "register", ND_CLS_SUBSCRIBE }, { "account", ND_CLS_SUBSCRIBE }, { "abo", ND_CLS_SUBSCRIBE },
    { "author", ND_CLS_AUTHOR }, { "byline", ND_CLS_AUTHOR }, { "bio", ND_CLS_AUTHOR }, { "profile", ND_CLS_AUTHOR },
    { "contributor", ND_CLS_AUTHOR }, { "writer", ND_CLS_AUTHOR }, { "autor", ND_CLS_AUTHOR },
    { "caption", ND_CLS_CAPTION }, { "credit", ND_CLS_CAPTION }, { "photo", ND_CLS_CAPTION },
    { "image", ND_CLS_CAPTION }, { "img", ND_CLS_CAPTION }, { "media", ND_CLS_CAPTION },
    { "gallery", ND_CLS_CAPTION }, { "figure", ND_CLS_CAPTION }, { "video", ND_CLS_CAPTION },
    { "picture", ND_CLS_CAPTION }, { "bild", ND_CLS_CAPTION }, { "foto", ND_CLS_CAPTION },
    { "meta", ND_CLS_META }, { "date", ND_CLS_META }, { "time", ND_CLS_META }, { "tags", ND_CLS_META },
    { "tag", ND_CLS_META }, { "category", ND_CLS_META }, { "categories", ND_CLS_META }, { "keyword", ND_CLS_META },
    { "topic", ND_CLS_META }, { "label", ND_CLS_META }, { "info", ND_CLS_META }, { "dateline", ND_CLS_META },
    { "timestamp", ND_CLS_META }, { "published", ND_CLS_META },
    { "hidden", ND_CLS_HIDDEN }, { "hide", ND_CLS_HIDDEN }, { "sr-only", ND_CLS_HIDDEN },
    { "visually-hidden", ND_CLS_HIDDEN }, { "screen-reader", ND_CLS_HIDDEN }, { "offscreen", ND_CLS_HIDDEN },
    { "visuallyhidden", ND_CLS_HIDDEN }, { "element-invisible", ND_CLS_HIDDEN },
};

#define ND_NCLSWORDS (sizeof(clswords) / sizeof(*clswords))

/* The words by first letter, in table order: word_from[c] .. word_from[c + 1] in word_order. */
static uint16_t word_order[ND_NCLSWORDS];
static uint8_t word_len[ND_NCLSWORDS];

static uint16_t word_from[257];

_Static_assert(ND_NCLSWORDS <= 65535, "word_order holds 16 bits");

void nd_cls_index(void)
{
    nd_index_first_byte(clswords, sizeof(*clswords), ND_NCLSWORDS, word_order, word_len, word_from);
}

static int part_edge(char c)
{
    return !c || c == '-' || c == '_' || (c >= '0' && c <= '9');
}

/* The ND_CLS_* bits of one lower-case token: every word of the table found in it at any position. */
static uint32_t token_bits(const char *tok, size_t n)
{
    uint32_t bits = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)tok[i];
        for (size_t o = word_from[c]; o < word_from[c + 1]; o++) {
            size_t k = word_order[o], wl = word_len[k];
            const char *w = clswords[k].w;   /* two letters or more; the second first: most candidates differ there */
            if (i + wl > n || tok[i + 1] != w[1] || memcmp(tok + i + 2, w + 2, wl - 2)) continue;
            /* a short word only as a part of its own: "ad-slot", "nav", not "head" */
            if (wl >= 4 || ((i == 0 || part_edge(tok[i - 1])) && part_edge(tok[i + wl]))) bits |= 1u << clswords[k].group;
        }
    }
    return bits;
}

/* The ND_CLS_* bits of one attribute value, token by token (tokens are separated by white space). */
uint32_t nd_cls_bits(const char *v, size_t n)
{
    uint32_t bits = 0;
    char tok[64];
    for (size_t i = 0; i < n;) {
        while (i < n && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r')) i++;
        size_t k = 0;
        while (i < n && !(v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r')) {
            if (k < sizeof(tok) - 1) tok[k++] = (char)(v[i] >= 'A' && v[i] <= 'Z' ? v[i] + 32 : v[i]);
            i++;
        }
        tok[k] = '\0';
        if (k) bits |= token_bits(tok, k);
    }
    return bits;
}
