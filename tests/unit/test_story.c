/*
 * test_story.c -- finding the story: the blocks of an HTML page (dom.c) and
 * of a plain text (pageblocks.c), the two-state smoothing and the rules'
 * veto (story.c), the block model file, and the whole stage on a small page.
 * The pages here are written for the test.
 */
#define _GNU_SOURCE   /* memmem */
#include "lines.h"
#include "story.h"
#include "tap.h"

#include <stdlib.h>

static const char page_html[] =
    "<!DOCTYPE html><html lang=\"en\"><head><title>Port reopens after storm - Harbour Daily</title>"
    "<meta property=\"og:title\" content=\"Port reopens after storm\"><style>p { color: red }</style>"
    "<script>var menu = '<p>not text</p>';</script></head><body>"
    "<nav class=\"site-nav\"><ul><li><a href=\"/\">Home</a><li><a href=\"/news\">News</a></ul></nav>"
    "<article class=\"article-body\"><h1>Port reopens after storm</h1>"
    "<p>The port reopened on Friday after a storm closed it for three days &amp; stranded ships."
    "<p>Officials said the <b>damage</b> was lighter than feared.</p>"
    "<div class=\"share-tools\"><a href=\"#\">Share</a> <a href=\"#\">Tweet</a></div></article>"
    "<footer><p>&copy; 2025 Harbour Daily</p></footer></body></html>";

static size_t find_block(const nd_page *p, const char *text)
{
    for (size_t i = 0; i < p->n; i++)
        if (p->b[i].len == strlen(text) && !memcmp(p->text.data + p->b[i].off, text, p->b[i].len)) return i;
    return p->n;
}

static void test_html(void)
{
    nd_page p;
    nd_page_init(&p);
    /* soft hyphens (&shy;, U+00AD) are hyphenation points, no text: "Face&shy;book" is Facebook */
    static const char shy[] = "<p>Schon im Mit&shy;tel&shy;al\xC2\xAD" "ter war der Wein bekannt.</p><p>Face&shy;book</p>";
    nd_page_html(&p, shy, strlen(shy));
    ok(find_block(&p, "Schon im Mittelalter war der Wein bekannt.") < p.n && find_block(&p, "Facebook") < p.n,
       "soft hyphens leave an HTML page's text");
    static const char shy_text[] = "Schon im Mit\xC2\xAD" "tel\xC2\xAD" "al\xC2\xAD" "ter sagte Mar\xC3\xAD" "a das.\n";
    nd_page_text(&p, shy_text, strlen(shy_text));
    ok(p.n == 1 && find_block(&p, "Schon im Mittelalter sagte Mar\xC3\xAD" "a das.") == 0,
       "and a text's, and an \xC3\xAD (U+00ED) is no soft hyphen");
    /* a drop cap, the story's first letter in an element of its own, is read with its paragraph */
    static const char cap[] = "<div><span class=\"dropcap\">T</span><p><a href=\"/t\">urkey</a>, Poland and the Azores "
                              "have been removed from the list of travel corridors.</p></div>";
    nd_page_html(&p, cap, strlen(cap));
    ok(p.n == 1 && find_block(&p, "Turkey, Poland and the Azores have been removed from the list of travel corridors.") == 0,
       "a drop cap joins its paragraph on an HTML page");
    static const char cap_text[] = "Share\nD\nie Angst ist ein unausweichlicher Bestandteil der menschlichen Erfahrung.\n"
                                   "Im Modell hat das Symbol\nY\neine doppelte Bedeutung: es bezeichnet den Output und das Einkommen.\n"
                                   "Y\n\nyellowkitty\n";
    nd_page_text(&p, cap_text, strlen(cap_text));
    ok(find_block(&p, "Die Angst ist ein unausweichlicher Bestandteil der menschlichen Erfahrung.") < p.n &&
       !memmem(p.text.data, p.text.len, "Yeine", 5) && !memmem(p.text.data, p.text.len, "Yyellow", 7),
       "and on a text's lines where a paragraph starts; not a formula's letter in a sentence, nor an avatar's initial");
    /* a <br> at every line of a blog's source, inside its sentences: one sentence goes on; a short line's stays */
    static const char brs[] = "<p>This blog article on meta programming in Python reminded me to write up<br />\n"
                              "the equivalent for Emacs Lisp.<br />\nAdvice came to Emacs in 1994.</p>"
                              "<div><b>New tram line opens</b><br><i>di Marco Bianchi</i></div>";
    nd_page_html(&p, brs, strlen(brs));
    static const char joined[] = "write up the equivalent for Emacs Lisp.\nAdvice came", apart[] = "opens\ndi Marco";
    ok(memmem(p.text.data, p.text.len, joined, strlen(joined)) && memmem(p.text.data, p.text.len, apart, strlen(apart)),
       "a <br> inside a sentence joins its lines; after a sentence or a short line it stays a line break");
    /* a <button> left open ends with the element around it, as in a browser: the page goes on */
    static const char button[] = "<div><button type=\"button\"><i class=\"icon\"></i>\n</div></div>"
                                 "<p>Das ging schnell, verk\xC3\xBCndeten beide.</p>";
    nd_page_html(&p, button, strlen(button));
    ok(find_block(&p, "Das ging schnell, verk\xC3\xBCndeten beide.") < p.n, "an unclosed <button> hides nothing after it");
    /* an SVG icon's "<title/>" closes itself: no raw title text swallows the page */
    static const char svg[] = "<a href=\"/x\"><svg viewBox=\"0 0 8 8\"><title/><path d=\"M0,0\"/></svg></a>"
                              "<p>Zugegeben, wir vermissen den Sommer.</p>";
    nd_page_html(&p, svg, strlen(svg));
    ok(find_block(&p, "Zugegeben, wir vermissen den Sommer.") < p.n, "a self-closed <title/> hides nothing after it");
    /* an <svg> never closed ends where HTML's own elements go on, as in a browser; not inside its <foreignObject> */
    static const char svg_open[] = "<div><svg viewBox=\"0 0 8 8\"><path d=\"M0\"><p>The harbour reopened on Friday.</p></div>";
    nd_page_html(&p, svg_open, strlen(svg_open));
    ok(find_block(&p, "The harbour reopened on Friday.") < p.n, "an unclosed <svg> hides no paragraph after it");
    static const char svg_fo[] = "<svg><foreignObject><div>Chart label</div></foreignObject><text>Axis</text></svg><p>Text.</p>";
    nd_page_html(&p, svg_fo, strlen(svg_fo));
    ok(find_block(&p, "Text.") < p.n && !memmem(p.text.data, p.text.len, "Chart", 5) && !memmem(p.text.data, p.text.len, "Axis", 4),
       "an SVG's <foreignObject> stays in the SVG");
    /* 20,000 nested <div>s: read in linear time, the paragraphs inside and after them kept */
    {
        nd_buf deep;
        nd_buf_init(&deep);
        for (int k = 0; k < 20000; k++) nd_buf_adds(&deep, "<div>");
        nd_buf_adds(&deep, "<p>Deep inside.</p>");
        for (int k = 0; k < 20000; k++) nd_buf_adds(&deep, "</div>");
        nd_buf_adds(&deep, "<p>After the nest.</p>");
        nd_page_html(&p, deep.data, deep.len);
        ok(find_block(&p, "Deep inside.") < p.n && find_block(&p, "After the nest.") < p.n, "a page nested 20,000 deep is read");
        nd_buf_release(&deep);
    }
    nd_buf norm;
    nd_buf_init(&norm);
    nd_ws_normalize(" Mit\xC2\xAD" "tel\xC2\xA0 alter\n", 18, &norm);
    ok(norm.len == 12 && !memcmp(norm.data, "Mittel alter", 12), "segments are matched without soft hyphens, white space collapsed");
    nd_buf_release(&norm);
    nd_page_html(&p, page_html, strlen(page_html));
    ok(p.html == 1, "an HTML page is read as HTML");
    is_str(p.title.data ? p.title.data : "", "Port reopens after storm", "the page's title is og:title");
    size_t h = find_block(&p, "Port reopens after storm");
    ok(h < p.n && p.b[h].tag == ND_BT_H1, "the headline is an h1 block");
    /* a title that goes on from the page's <h1>: the headline; a site's logo in an <h1> changes nothing */
    static const struct { const char *page, *title; } heads[] = {
        { "<title>Live: Storm Ellen makes landfall \xE2\x80\x93 updates</title><h1>Live: Storm Ellen makes landfall</h1>"
          "<p>Winds hit the coast.</p>", "Live: Storm Ellen makes landfall" },
        { "<title>Tote Hummeln unter Linden: Die Erkl\xC3\xA4rung</title><h1>Tote Hummeln unter Linden</h1><p>Text.</p>",
          "Tote Hummeln unter Linden" },
        { "<title>Coastal Herald: Storm hits the coast</title><h1>Coastal Herald</h1><h1>Storm hits the coast</h1>",
          "Coastal Herald: Storm hits the coast" },
        { "<title>Storm hits the coast as ferries stop for the whole of the long weekend</title>"
          "<h1>Storm hits the coast</h1>", "Storm hits the coast as ferries stop for the whole of the long weekend" },
        /* the site's name first, then a headline the page shows, as a block or a block's first line */
        { "<title>Harbour Gazette - Ferry fares to rise in spring</title><p><b>Ferry fares to rise in spring</b><br>"
          "Friday 4 December 2026</p><p>The island ferry company will raise fares.</p>", "Ferry fares to rise in spring" },
        { "<title>NWX Magazin | Trust helps against digital stress</title><h2>Trust helps against digital stress</h2>",
          "Trust helps against digital stress" },
        /* not a headline of five words before the name of the site, nor a kicker the page does not show */
        { "<title>Beef liver with apple and onion | Love goes through the stomach</title>"
          "<p>Love goes through the stomach</p>", "Beef liver with apple and onion | Love goes through the stomach" },
        { "<title>Brexit - what happens to the ferries next</title><p>Ferries wait.</p>",
          "Brexit - what happens to the ferries next" },
    };
    for (size_t k = 0; k < sizeof(heads) / sizeof(heads[0]); k++) {
        nd_page_html(&p, heads[k].page, strlen(heads[k].page));
        nd_page_title_after_site(&p);   /* as nd_story asks, after the block model */
        is_str(p.title.data ? p.title.data : "", heads[k].title, "the title of page %zu of the headline tests", k);
    }
    nd_page_html(&p, page_html, strlen(page_html));
    size_t a = find_block(&p, "The port reopened on Friday after a storm closed it for three days & stranded ships.");
    ok(a < p.n, "an unclosed <p> ends where the next begins; &amp; is decoded");
    ok(a < p.n && (p.b[a].anc & ND_ANC_ARTICLE) && (p.b[a].cls_far >> ND_CLS_BODY & 1),
       "a story paragraph knows it is inside <article class=article-body>");
    ok(find_block(&p, "Officials said the damage was lighter than feared.") < p.n, "inline elements do not break a block");
    size_t home = find_block(&p, "Home");
    ok(home < p.n && (p.b[home].anc & ND_ANC_NAV) && (p.b[home].anc & ND_ANC_LI), "a menu item: inside nav and li");
    ok(home < p.n && p.b[home].link == p.b[home].len, "and all of it is a link");
    ok(find_block(&p, "Share Tweet") < p.n, "the share tools are one block");
    size_t foot = find_block(&p, "\xc2\xa9 2025 Harbour Daily");
    ok(foot < p.n && (p.b[foot].anc & ND_ANC_FOOTER), "the footer's line is inside the footer");
    ok(!memmem(p.text.data, p.text.len, "not text", 8) && !memmem(p.text.data, p.text.len, "color", 5),
       "scripts and styles hold no text");
    /* broken markup: an unclosed comment, a stray end tag, an attribute with no end */
    static const char broken[] = "<p>One</p></div></span><p>Two <!-- never closed <p>Three";
    nd_page_html(&p, broken, sizeof(broken) - 1);
    ok(find_block(&p, "One") < p.n && find_block(&p, "Two") < p.n, "stray end tags are ignored");
    ok(!memmem(p.text.data, p.text.len, "Three", 5), "an unclosed comment runs to the end");
    nd_page_html(&p, "<div class=\"x", 13);
    ok(p.n == 0, "an attribute cut short: no block, no crash");
    /* Japanese: readings over the words (ruby), dictionary links and the source's line breaks inside a sentence */
    static const char ja[] = "<p><ruby>\xe5\xad\x90<rt>\xe3\x81\x93</rt></ruby>\xe3\x81\xa9\xe3\x82\x82\xe3\x81\xae"
                             "<a href=\"#\"><ruby>\xe6\xb3\x95\xe5\xbe\x8b<rp>(</rp><rt>\xe3\x81\xbb\xe3\x81\x86</rt><rp>)</rp></ruby></a>"
                             "\xe3\x81\x8c\n  \xe3\x81\xa7\xe3\x81\x8d\xe3\x81\x9f\xe3\x80\x82 Tokyo <a href=\"#\">NHK</a></p>";
    nd_page_html(&p, ja, sizeof(ja) - 1);
    /* 子どもの法律ができた。 */
    ok(find_block(&p, "\xe5\xad\x90\xe3\x81\xa9\xe3\x82\x82\xe3\x81\xae\xe6\xb3\x95\xe5\xbe\x8b\xe3\x81\x8c"
                      "\xe3\x81\xa7\xe3\x81\x8d\xe3\x81\x9f\xe3\x80\x82 Tokyo NHK") < p.n,
       "no ruby readings; no space at a link's edge or a line break between Japanese characters");
    nd_page_release(&p);
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *s = malloc(1 << 16);
    *n = fread(s, 1, (1 << 16) - 1, f);
    s[*n] = '\0';
    fclose(f);
    return s;
}

/* A page built in the browser: its story only in its JSON-LD articleBody. */
static void test_structured(void)
{
    nd_page p;
    nd_page_init(&p);
    nd_buf out;
    nd_buf_init(&out);
    size_t n = 0;
    char *html = slurp("tests/data/page-ld.html", &n);
    ok(html != NULL, "the client-rendered page is there");
    if (!html) return;
    nd_page_html(&p, html, n);
    ok(p.ld_body.len > 200 && memmem(p.ld_body.data, p.ld_body.len, "school groups & walkers", 23),
       "the articleBody is found inside a @graph, its escapes decoded");
    nd_story(&p, NULL, html, n, &out, 0);
    ok(memmem(out.data, out.len, "The keeper of the north lighthouse", 34) && memmem(out.data, out.len, "on Saturdays.", 13),
       "a page whose blocks hold no story: the story is the articleBody");
    ok(!memmem(out.data, out.len, "JavaScript", 10) && !memmem(out.data, out.len, "window.", 7), "and nothing of the page");
    ok(memmem(out.data, out.len, "1984, when", 10) && memmem(out.data, out.len, "hours.\n\nThe light", 17),
       "its lines are the story's paragraphs");
    is_str(p.title.data, "Lighthouse keeper retires after forty years", "the title is still the page's");
    /* a live blog built in the browser: its updates, each a paragraph under its headline, not the longest alone */
    static const char live[] =
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"LiveBlogPosting\",\"headline\":\"Storm Ellen\","
        "\"liveBlogUpdate\":[{\"@type\":\"BlogPosting\",\"headline\":\"Ferries cancelled\",\"articleBody\":\"All ferry "
        "crossings from the harbour have been cancelled until Friday morning, the operator said on its website.\"},"
        "{\"@type\":\"BlogPosting\",\"headline\":\"Power cuts\",\"articleBody\":\"About 40,000 homes are without "
        "electricity across the region, the network operator said, and engineers wait for the wind to drop.\"},"
        "{\"@type\":\"BlogPosting\",\"articleBody\":\"The storm made landfall shortly before one in the afternoon, "
        "with gusts of 92 miles an hour recorded at the lighthouse on the point, the weather service said.\"}]}"
        "</script></head><body><div id=\"app\"></div><script>window.boot();</script></body></html>";
    nd_page_html(&p, live, sizeof(live) - 1);
    static const char *const parts[] = { "Ferries cancelled\nAll ferry", "operator said on its website.\nPower cuts\n",
                                         "wind to drop.\nThe storm made landfall" };
    ok(memmem(p.ld_body.data, p.ld_body.len, parts[0], strlen(parts[0])) &&
       memmem(p.ld_body.data, p.ld_body.len, parts[1], strlen(parts[1])) &&
       memmem(p.ld_body.data, p.ld_body.len, parts[2], strlen(parts[2])),
       "a live blog's updates are its structured story, in order, each under its headline");
    /* a page that has its story keeps its own copy, whatever the articleBody says */
    static const char both[] =
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"A teaser of the story that "
        "the page's structured data carries, longer than two hundred bytes so that it would count: it goes on and on "
        "about the harbour, the ferries and the storm, and then it stops well before the story's own end, as teasers "
        "do when a site puts them there.\"}</script>"
        "<article><p>The port reopened on Friday after a storm closed it for three days, the harbour office said in a "
        "statement on its website.</p><p>Ferries to the islands will run on their usual timetable from Saturday, "
        "although the first crossings may be delayed by debris in the channel.</p><p>Officials said the damage to the "
        "piers was lighter than feared, and repairs to the northern breakwater would begin next week.</p>"
        "<p>Fishermen, who lost three days of work, asked the council for help with the cost of repairing nets.</p>"
        "</article>";
    nd_story(&p, NULL, both, sizeof(both) - 1, &out, 0);
    ok(memmem(out.data, out.len, "The port reopened", 17) && !memmem(out.data, out.len, "teaser", 6),
       "a page with its story keeps its own copy");
    /* a paywalled page: a standfirst and the author's bio (over 500 bytes) above a wall its articleBody is not behind */
    static const char wall[] =
        "<!DOCTYPE html><html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"isAccessibleForFree\":\"False\",\"articleBody\":\""
        "The city council approved a plan on Tuesday to replace every lead water pipe in the old town by the "
        "end of the decade. The work will cost about 40 million euros, most of it from a national fund for wa"
        "ter networks. Engineers found lead pipes under some 3,200 homes last year, most of them built before"
        " the war. Residents of those homes have been told to run their taps for a minute before drinking the"
        " water. The council's own tests found lead above the legal limit in one sample in twelve. Work will "
        "begin in the streets around the market square in the spring, where the oldest pipes are. Each street"
        " will be closed for about three weeks while the pipes are dug up and replaced. Shops on those street"
        "s will be offered a discount on their business rates while the work goes on. The opposition said the"
        " plan came too late and asked why the tests had not been published sooner. The mayor said the result"
        "s had been checked twice before they were made public, as the law requires. A public meeting on the "
        "plan will be held at the town hall next Thursday evening. Households that want their own connection "
        "replaced before their street's turn can apply for a grant of up to 2,000 euros. The water company sa"
        "id it would publish a map of the streets and the order of the work on its website. Doctors said the "
        "risk to adults was low but that families with young children should use filtered water until the wor"
        "k is done. Schools and nurseries in the old town were checked first, and all of them were found to b"
        "e below the limit. The council will send a letter to every household on the list before the end of t"
        "he month, with a free test kit. Tenants were told that their landlords could not refuse the work or "
        "pass its cost on to them in the rent. Gardens dug up for the work will be put back as they were, and"
        " the water company will pay for any plants that are lost. Two contractors have bid for the first par"
        "t of the work, and the council said it would choose between them in May. The council expects the las"
        "t pipes to be replaced in 2030, two years before the national deadline. Neighbouring towns have aske"
        "d to join the scheme so that their own contractors can share the equipment and crews. The council wi"
        "ll decide on their request at its next meeting in June, once the first contracts have been signed."
        "\"}</script></head><body>"
        "<article><p>The old town's lead pipes will all be gone by 2030 under a plan the council approved on Tuesday, "
        "but the opposition says residents have waited too long for it and wants to know why the tests were kept back.</p>"
        "<p>Jane Roe fell in love with maps at the age of nine, when she drew her first one of the street she grew up on. "
        "She has been writing about the city's streets, pipes and buildings for the paper since 2008, and before that she "
        "taught geography at the school by the river. Her desk holds a compass, three notebooks and a plant.</p></article></body></html>";
    nd_story(&p, NULL, wall, sizeof(wall) - 1, &out, 0);
    ok(memmem(out.data, out.len, "The city council approved a plan", 32) && memmem(out.data, out.len, "contracts have been signed.", 27) &&
           !memmem(out.data, out.len, "Jane Roe", 8),
       "a paywalled page whose text is a quarter of its articleBody or less: the story is the articleBody");
    static const char broken[] = "<script type=\"application/ld+json\">{\"articleBody\": \"cut</script><p>Text</p>";
    nd_page_html(&p, broken, sizeof(broken) - 1);
    ok(p.ld_body.len == 0 && find_block(&p, "Text") < p.n, "broken JSON-LD is no articleBody, and the page is read");
    free(html);
    nd_buf_release(&out);
    nd_page_release(&p);
}

static void test_text(void)
{
    nd_page p;
    nd_page_init(&p);
    /* a paragraph wrapped at 60 columns (as a text browser dumps it), then a menu and a list */
    static const char dump[] =
        "Home | News | Sport\n"
        "\n"
        "The harbour master said on Friday that the port would reopen to\n"
        "container ships on Monday, after divers had checked the berths for\n"
        "debris left by the storm that closed it for three days this week.\n"
        "Smaller boats were allowed back in on Saturday morning already, and\n"
        "the ferry to the islands kept to its usual timetable all weekend.\n"
        "\n"
        "* Weather\n"
        "* Shipping news\n";
    nd_page_text(&p, dump, sizeof(dump) - 1);
    ok(p.html == 0, "a text is read as lines");
    is_int(p.n, 4, "wrapped lines are joined: menu, paragraph, two list items");
    ok(p.n == 4 && p.b[1].len > 300 && p.b[0].group != p.b[1].group, "the paragraph is one block of its own group");
    ok(p.n == 4 && p.b[2].bullet == ND_BULLET && p.b[3].bullet == ND_BULLET, "list markers are seen");
    /* Chinese wrapped at 80 columns (two a character): w3m breaks it anywhere, and the joined lines take no spaces */
    static const char zh[] =
        "首页 | 新闻 | 体育\n"
        "\n"
        "港口管理局周五表示，经过潜水员检查泊位之后，集装箱船将于周一恢复进港。一场风\n"
        "暴本周使港口关闭了三天，许多船只只能在外海等待。较小的船只周六上午已经获准返\n"
        "回，前往各岛屿的渡轮整个周末都按照平常的时刻表运行。市长在记者会上说，风暴造\n"
        "成的损失比预想的要小，但码头的一段护栏需要重建，工程预计下个月开始。\n";
    nd_page_text(&p, zh, sizeof(zh) - 1);
    ok(p.n == 2 && find_block(&p, "港口管理局周五表示，经过潜水员检查泊位之后，集装箱船将于周一恢复进港。一场风暴本周使港口关闭了三天，"
                                  "许多船只只能在外海等待。较小的船只周六上午已经获准返回，前往各岛屿的渡轮整个周末都按照平常的时刻表"
                                  "运行。市长在记者会上说，风暴造成的损失比预想的要小，但码头的一段护栏需要重建，工程预计下个月开始。") == 1,
       "wrapped Chinese lines are joined with no space between (%zu blocks)", p.n);
    /* one sentence a line, not wrapped: each line stays a block */
    static const char lines[] = "The port reopened on Friday.\nOfficials said damage was light.\nShips are waiting outside.\n";
    nd_page_text(&p, lines, sizeof(lines) - 1);
    is_int(p.n, 3, "unwrapped lines stay apart");
    /* paragraphs a line that happen to be of much the same length: they end their sentences, wrapping does not */
    static const char same[] =
        "The bridge, one hundred and twenty metres long, was opened on Saturday morning by the mayor.\n"
        "It lets people cross the river on foot or by bicycle without using the busy quay road nearby.\n"
        "The work took two years and cost eleven million euros, paid for by the city and the region.\n"
        "The first walkers crossed the bridge a little after ten in the morning. Photo: Jane Morel\n"
        "The council plans to hold a farmers' market on the bridge every Sunday from next June on.\n";
    nd_page_text(&p, same, sizeof(same) - 1);
    is_int(p.n, 5, "paragraphs a line of like lengths are not taken for a wrapped one");
    /* the same, their sentences closed by French guillemets (a no-break space before them) and German quotes */
    static const char quoted[] =
        "« Le pont, long de cent vingt mètres, a été ouvert samedi matin par la maire de la ville.\xc2\xa0»\n"
        "« Il permet de traverser la rivière à pied ou à vélo sans prendre la route du quai voisin. »\n"
        "„Die Arbeiten dauerten zwei Jahre und kosteten elf Millionen Euro, bezahlt von der Stadt.“\n"
        "„Die ersten Fußgänger überquerten die Brücke kurz nach zehn Uhr am Morgen des Samstags.“\n"
        "« Le conseil prévoit d'y tenir un marché tous les dimanches à partir du mois de juin. »\n";
    nd_page_text(&p, quoted, sizeof(quoted) - 1);
    is_int(p.n, 5, "...nor when their sentences end inside quotes (» and “)");
    /* a scraper's dump, a text node a line: a link broke the sentence, a blank line the paragraph */
    static const char nodes[] = "Home\nNews\nThe harbour master\nsaid the port reopens on Friday\n, officials said. Ships\n\nare waiting.\n"
                                "Weather\nContact us\n";
    nd_page_text(&p, nodes, sizeof(nodes) - 1);
    ok(p.n == 5 && find_block(&p, "The harbour master said the port reopens on Friday, officials said. Ships are waiting.") == 2,
       "lines that go on with a sentence are joined, a comma without a space before it (%zu blocks)", p.n);
    ok(find_block(&p, "Home") == 0 && find_block(&p, "News") == 1 && find_block(&p, "Weather") == 3,
       "a menu's lines stay apart");
    /* every text node glued on one line, wide gaps between them (a minified page's get_text()) */
    nd_buf glued;
    nd_buf_init(&glued);
    nd_buf_adds(&glued, "Home    News    Sport    Weather      ");
    for (int i = 0; i < 4; i++) nd_buf_adds(&glued, "The harbour master said the port would reopen on Monday. ");
    nd_buf_adds(&glued, "     Contact us    Privacy\n");
    nd_page_text(&p, glued.data, glued.len);
    ok(p.n == 7 && find_block(&p, "Sport") == 2 && find_block(&p, "Privacy") == 6, "a long line is parted at its gaps (%zu blocks)",
       p.n);
    nd_buf_release(&glued);
    /* the same paragraph with the list of its links after it (lynx -dump): the addresses' lengths do not hide the width */
    nd_buf withlinks;
    nd_buf_init(&withlinks);
    nd_buf_adds(&withlinks, dump);
    nd_buf_adds(&withlinks, "\nReferences\n\n");
    for (int i = 1; i <= 12; i++)
        nd_buf_addf(&withlinks, "  %d. https://www.harbour.example/news/2025/port-reopens-after-storm-closed-it-for-three-days?ref=%d\n", i, i);
    nd_page_text(&p, withlinks.data, withlinks.len);
    ok(p.n > 1 && p.b[1].len > 300, "wrapped lines are joined above a list of long links");
    nd_buf_release(&withlinks);
    /* a page wrapped at 80 columns whose story sits in a table's narrow column (w3m lays
       the columns side by side); below it a table of rows padded alike, which stays rows */
    nd_buf narrow;
    nd_buf_init(&narrow);
    nd_buf_adds(&narrow, dump);
    nd_buf_adds(&narrow, "\n"
                         "The harbour master said on\n"
                         "Friday that the port would\n"
                         "reopen to container ships\n"
                         "on Monday, after divers had\n"
                         "checked the berths for the\n"
                         "debris the storm left.\n"
                         "\n"
                         "Anna Berg      12 May 2025\n"
                         "Tom Lindqvist  12 May 2025\n"
                         "Jan Holm       11 May 2025\n"
                         "Eva Strand     11 May 2025\n");
    nd_page_text(&p, narrow.data, narrow.len);
    ok(find_block(&p, "The harbour master said on Friday that the port would reopen to container ships on Monday, "
                      "after divers had checked the berths for the debris the storm left.") < p.n,
       "a paragraph wrapped in a narrow column is one block");
    ok(find_block(&p, "Anna Berg      12 May 2025") < p.n && find_block(&p, "Eva Strand     11 May 2025") < p.n,
       "a table's padded rows stay apart");
    nd_buf_release(&narrow);
    /* markdown: links as their words, no images, no emphasis or heading marks; a paragraph's lines joined */
    static const char md[] = "  * [Home](/)\n  * [News](/news/ \"Latest news\")\n\n# Port reopens\n\n"
                             "![The quay](/img/quay.jpg)\n\n"
                             "The [harbour master](https://port.example/staff \"Staff\") said the port **would** reopen\n"
                             "on Monday after [divers\nchecked](/news/divers) the berths\\.\n";
    nd_page_text(&p, md, sizeof(md) - 1);
    ok(p.n == 4 && find_block(&p, "* Home") == 0 && find_block(&p, "Port reopens") == 2,
       "markdown: a menu's links and a heading as a browser shows them (%zu blocks)", p.n);
    ok(find_block(&p, "The harbour master said the port would reopen on Monday after divers checked the berths.") == 3,
       "a paragraph: its lines joined, its links as words, no image before it");
    ok(p.n == 4 && p.b[2].tag == ND_BT_H1 && p.b[3].tag == ND_BT_TEXT && p.b[0].tag == ND_BT_TEXT,
       "a markdown heading is a heading block, as an HTML page's <h1>");
    static const char md2[] = "[Home](/) [News](/news/)\n\n## Divers check the berths\n\nThe harbour master said so.\n";
    nd_page_text(&p, md2, sizeof(md2) - 1);
    ok(p.n == 3 && p.b[1].tag == ND_BT_H, "\"## \" a lower heading");
    static const char plain_brackets[] = "A [note] in brackets (not a link) stays.\n";
    nd_page_text(&p, plain_brackets, sizeof(plain_brackets) - 1);
    ok(p.n == 1 && find_block(&p, "A [note] in brackets (not a link) stays.") == 0, "brackets in a plain text stay");
    ok(!p.md, "...and the text is no markdown");
    nd_page_text(&p, md, sizeof(md) - 1);
    ok(p.md, "a page with links is markdown");
    /* an emphasis's marks go at the story's output, words joined by them stay */
    static const struct { const char *in, *out; } emph[] = {
        { "_By Jane Roe_ : The port *will* reopen.", "By Jane Roe : The port will reopen." },
        { "snake_case_name, 2*3*4 and a * b * c stay", "snake_case_name, 2*3*4 and a * b * c stay" },
        { "_Reuters_ reported, and __init__ stays", "Reuters reported, and __init__ stays" },
        { "an _open mark with no close", "an _open mark with no close" },
        { "_a *nested* one_.", "a nested one." },
    };
    for (size_t k = 0; k < sizeof(emph) / sizeof(emph[0]); k++) {
        nd_buf o;
        nd_buf_init(&o);
        nd_md_put_plain(&o, emph[k].in, strlen(emph[k].in));
        nd_buf_addc(&o, '\0');
        is_str(o.data, emph[k].out, "markdown emphasis: '%s'", emph[k].in);
        nd_buf_release(&o);
    }
    nd_page_release(&p);
}

static void test_smooth(void)
{
    uint8_t keep[5];
    const double lone_dip[3] = { 3, -0.4, 3 };
    nd_block_smooth(lone_dip, NULL, 3, 0, 1, keep);
    ok(keep[0] && keep[1] && keep[2], "a doubtful line between story blocks is story");
    const double lone_peak[3] = { -3, 0.5, -3 };
    nd_block_smooth(lone_peak, NULL, 3, 0, 1, keep);
    ok(!keep[0] && !keep[1] && !keep[2], "a barely likely line among chrome is not");
    nd_block_smooth(lone_peak, NULL, 3, 0, 0, keep);
    ok(!keep[0] && keep[1] && !keep[2], "without a switching cost each block decides alone");
    nd_block_smooth(lone_peak, NULL, 3, -1, 0, keep);
    ok(!keep[1], "the shift moves the threshold");
    /* weights: a long paragraph's doubt outweighs the cost of switching, a short line's does not */
    const double para[3] = { -3, 0.4, -3 }, long_para[3] = { 1, 4, 1 };
    nd_block_smooth(para, NULL, 3, 0, 0.5, keep);
    ok(!keep[1], "unweighted, a doubtful paragraph among chrome goes");
    nd_block_smooth(para, long_para, 3, 0, 0.5, keep);
    ok(!keep[0] && keep[1] && !keep[2], "weighed by its length, it stays");
    /* the rules' veto: never kept, and does not part the story around it */
    const double z[5] = { 3, 0.2, 5, 0.2, 3 };
    const uint8_t veto[5] = { 0, 0, 1, 0, 0 };
    nd_block_decide(z, NULL, veto, 5, 0, 1, keep);
    ok(keep[0] && keep[1] && !keep[2] && keep[3] && keep[4], "a vetoed block goes, its neighbours stay");
    /* nor does it stand between them in the context of the second stage */
    float ctx[5 * ND_BCTX], plain[4 * ND_BCTX];
    const double zk[4] = { 3, 0.2, 0.2, 3 };
    const uint8_t none[4] = { 0 };
    nd_block_context(z, veto, 5, ctx);
    nd_block_context(zk, none, 4, plain);
    ok(!memcmp(ctx + 3 * ND_BCTX, plain + 2 * ND_BCTX, sizeof(float) * ND_BCTX) &&
           !memcmp(ctx + 1 * ND_BCTX, plain + 1 * ND_BCTX, sizeof(float) * ND_BCTX),
       "the context skips a vetoed block");
}

static void test_model_file(void)
{
    nd_extractor ex, back;
    memset(&ex, 0, sizeof(ex));
    nd_blocklm *lm = &ex.form[ND_FORM_TEXT];
    lm->trained = 1;
    lm->c1 = 1, lm->c2 = 10, lm->shift = 0.25, lm->lambda = 0.5, lm->weigh = 2, lm->pages = 7, lm->blocks = 70, lm->cv_f1 = 0.9;
    lm->w1[0] = 1.5, lm->w1[3] = -0.125, lm->w2[ND_BFEAT + 2] = 2;
    nd_buf b;
    nd_buf_init(&b);
    nd_extractor_write(&ex, &b);
    nd_err err;
    ok(nd_extractor_parse(&back, b.data, b.len, "m", &err) == ND_OK, "a written block model parses");
    ok(back.form[ND_FORM_TEXT].trained && !back.form[ND_FORM_HTML].trained, "with the forms it has");
    ok(!memcmp(back.form[ND_FORM_TEXT].w1, lm->w1, sizeof(lm->w1)) && !memcmp(back.form[ND_FORM_TEXT].w2, lm->w2, sizeof(lm->w2)),
       "and the same weights, bit for bit");
    ok(back.form[ND_FORM_TEXT].shift == 0.25 && back.form[ND_FORM_TEXT].lambda == 0.5 && back.form[ND_FORM_TEXT].weigh == 2,
       "and settings");
    static const char unweighted[] = "newsdesk-blocks 1\nform text c1=1 c2=1 shift=0 lambda=0\nw1 bias 1\n";
    ok(nd_extractor_parse(&back, unweighted, sizeof(unweighted) - 1, "m", &err) == ND_OK && back.form[ND_FORM_TEXT].weigh == 0,
       "a model from before the length weights smooths without them");
    static const char bad_feature[] = "newsdesk-blocks 1\nform text c1=1 c2=1 shift=0 lambda=0\nw1 no_such 1\n";
    ok(nd_extractor_parse(&back, bad_feature, sizeof(bad_feature) - 1, "m", &err) != ND_OK && strstr(err.msg, "no_such"),
       "an unknown feature is refused by name (%s)", err.msg);
    static const char bad_weight[] = "newsdesk-blocks 1\nform html c1=1 c2=1 shift=0 lambda=0\nw1 bias nan\n";
    ok(nd_extractor_parse(&back, bad_weight, sizeof(bad_weight) - 1, "m", &err) != ND_OK, "a weight that is not finite is refused");
    ok(nd_extractor_parse(&back, "newsdesk-blocks 2\n", 18, "m", &err) != ND_OK, "another version is refused");
    nd_buf_release(&b);
}

static void test_stage(void)
{
    nd_page p;
    nd_page_init(&p);
    nd_buf out;
    nd_buf_init(&out);
    static const char text[] =
        "Share this article\n"
        "\n"
        "Port reopens after storm\n"
        "The port reopened on Friday after a storm closed it for three days.\n"
        "Officials said the damage was lighter than feared.\n"
        "\n"
        "Subscribe to our newsletter\n";
    size_t head = nd_story(&p, NULL, text, sizeof(text) - 1, &out, 0);
    ok(out.len && !memmem(out.data, out.len, "Share", 5) && !memmem(out.data, out.len, "Subscribe", 9),
       "the rules remove the chrome");
    is_int(head, strlen("Port reopens after storm"), "the headline leads the story");
    ok(memmem(out.data, out.len, "lighter than feared.", 20) != NULL, "the story stays");
    /* each sentence of the story gets its block's probability */
    size_t lighter = find_block(&p, "Officials said the damage was lighter than feared.");
    ok(lighter < p.n && p.b[lighter].keep, "the story's blocks are found");
    if (lighter < p.n) p.b[lighter].p = 0.25f;
    const char *at = memmem(out.data, out.len, "Officials", 9), *port = memmem(out.data, out.len, "The port", 8);
    nd_span spans[3] = { { 0, 5 }, { (size_t)(port - out.data), 10 }, { (size_t)(at - out.data), 9 } };
    double prob[3];
    nd_story_probs(&p, spans, 3, prob);
    ok(prob[0] == 1 && prob[1] == 1 && prob[2] == 0.25, "a sentence has its block's story probability (%g %g %g)",
       prob[0], prob[1], prob[2]);
    nd_story(&p, NULL, text, sizeof(text) - 1, &out, 1);
    ok(memmem(out.data, out.len, "Subscribe", 9) != NULL, "keep_all keeps everything");
    /* reading times and counts in other languages go after the model, as no rule's (a rule is a feature) */
    static const char fr[] = "Lecture : 3 min.\n\n"
                             "La ville ouvre une deuxi\xC3\xA8me ligne de tramway\n"
                             "La ligne a \xC3\xA9t\xC3\xA9 inaugur\xC3\xA9" "e samedi matin en pr\xC3\xA9sence du maire.\n"
                             "Elle relie la gare au campus en moins de vingt minutes.\n\n"
                             "12 commentaires\n3 Kommentare\nLesezeit: 4 Min.\n";
    nd_story(&p, NULL, fr, sizeof(fr) - 1, &out, 0);
    ok(memmem(out.data, out.len, "vingt minutes.", 14) && !memmem(out.data, out.len, "Lecture", 7) &&
           !memmem(out.data, out.len, "commentaires", 12) && !memmem(out.data, out.len, "Kommentare", 10) &&
           !memmem(out.data, out.len, "Lesezeit", 8),
       "reading times and counts of other languages are no story");
    ok(!nd_looks_like_counter("Lesezeit: 4 Min.", 16, 0) && nd_looks_like_counter("Lesezeit: 4 Min.", 16, 1) &&
           nd_looks_like_counter("5 min read", 10, 0) && !nd_looks_like_counter("Lecture 3 of the series on tax", 30, 1),
       "English's counters alone for the rules, the other languages' with them for the passes");
    /* lynx marks every link where it starts; the story goes without the marks, another text keeps its brackets */
    static const char lynx[] = "The port reopened on Friday, [1]the harbour office said in a statement.\n"
                               "\nReferences\n\n   Visible links:\n   1. https://harbour.example/statement\n";
    nd_story(&p, NULL, lynx, sizeof(lynx) - 1, &out, 1);
    ok(p.lynx && memmem(out.data, out.len, "Friday, the harbour office", 26) && !memmem(out.data, out.len, "[1]", 3),
       "a lynx dump's link marks are left out of the story");
    ok(p.n == 1 && !memmem(out.data, out.len, "https:", 6), "its list of addresses is no part of the page");
    static const char plain[] = "The port reopened on Friday, [1]the harbour office said in a statement.\n";
    nd_story(&p, NULL, plain, sizeof(plain) - 1, &out, 1);
    ok(!p.lynx && memmem(out.data, out.len, "[1]the", 6), "another text keeps them");
    /* features for the model */
    nd_page_text(&p, text, sizeof(text) - 1);
    nd_page_rules(&p);
    nd_page_features(&p);
    int finite = 1;
    for (size_t i = 0; i < p.n * ND_BFEAT; i++) finite &= p.x[i] == p.x[i] && p.x[i] > -1e6 && p.x[i] < 1e6;
    ok(p.x[0] == 1 && finite, "features: the constant first, every value finite");
    ok(!strcmp(nd_bfeat_name(0), "bias") && strcmp(nd_bfeat_name(ND_BFEAT - 1), "?"), "every feature has a name");
    size_t share = find_block(&p, "Share this article"), port_line = find_block(&p, "The port reopened on Friday after a storm closed it for three days.");
    ok(share < p.n && port_line < p.n && nd_block_weight(p.x + share * ND_BFEAT, 0) == 1 &&
           nd_block_weight(p.x + share * ND_BFEAT, 2) < nd_block_weight(p.x + port_line * ND_BFEAT, 2) &&
           nd_block_weight(p.x + share * ND_BFEAT, 2) < 1,
       "a block's weight in the smoothing grows with its length (%g, %g)", nd_block_weight(p.x + share * ND_BFEAT, 2),
       nd_block_weight(p.x + port_line * ND_BFEAT, 2));
    /* a page whose context finds no story (stage 2 rejects every block): each block is judged by itself */
    nd_blocklm lm;
    memset(&lm, 0, sizeof(lm));
    lm.trained = 1;
    int log_chars = -1;
    for (int k = 0; k < ND_BFEAT; k++)
        if (!strcmp(nd_bfeat_name(k), "log_chars")) log_chars = k;
    if (log_chars > 0) lm.w1[log_chars] = 20, lm.w1[0] = -9.3;   /* stage 1: blocks of 40 characters or more are story */
    lm.w2[0] = -10;
    nd_page_text(&p, text, sizeof(text) - 1);
    nd_page_rules(&p);
    nd_page_features(&p);
    nd_page_decide(&p, &lm);
    size_t opened = find_block(&p, "The port reopened on Friday after a storm closed it for three days.");
    ok(log_chars > 0 && opened < p.n && p.b[opened].keep && !p.b[find_block(&p, "Port reopens after storm")].keep,
       "no story from the page's context: the blocks stage 1 finds likely are kept");
    nd_buf_release(&out);
    nd_page_release(&p);
}

/* A gallery: one label, a date, a caption, a credit, five times over, inside a story. */
static void test_runs(void)
{
    nd_page p;
    nd_page_init(&p);
    nd_buf out, text;
    nd_buf_init(&out);
    nd_buf_init(&text);
    nd_buf_adds(&text, "The harbour board met on Monday to agree the repairs after the storm of last week.\n\n");
    nd_buf_adds(&text, "Town in pictures\n\nShow all 5\n\n");
    for (int i = 0; i < 5; i++)
        nd_buf_addf(&text, "Town in pictures\n\n%d May\n\nA crowd watches boat number %d leave the quay in the morning sun\n\nPA\n\n", i + 1, i + 1);
    nd_buf_adds(&text, "Repairs to the quay wall will start in June and last until the autumn, the board said.\n\n"
                       "Reply\n\nReply\n\nReply\n\n");
    nd_story(&p, NULL, text.data, text.len, &out, 1);
    size_t first = find_block(&p, "Town in pictures"), caption = find_block(&p, "A crowd watches boat number 5 leave the quay in the morning sun");
    size_t before = find_block(&p, "The harbour board met on Monday to agree the repairs after the storm of last week.");
    size_t after = find_block(&p, "Repairs to the quay wall will start in June and last until the autumn, the board said.");
    size_t reply = find_block(&p, "Reply");
    ok(first < p.n && caption < p.n && p.b[first].run && p.b[caption].run && p.b[caption + 1].run,
       "the gallery, from its first label to the last item's credit, is a run");
    ok(before < p.n && after < p.n && !p.b[before].run && !p.b[after].run, "the story around it is not");
    ok(reply < p.n && !p.b[reply].run, "three copies next to each other make no run");
    nd_span spans[2] = { { p.b[caption].at, 10 }, { p.b[after].at, 10 } };
    double prob[2];
    nd_story_probs(&p, spans, 2, prob);
    ok(prob[0] < 0.5 && prob[1] == 1, "a summary doubts a sentence of the run (%g), not the story's (%g)", prob[0], prob[1]);
    nd_buf_release(&out);
    nd_buf_release(&text);
    nd_page_release(&p);
}

/* A date alone on its line: English's for the block features, every language's for the rest. */
static void test_dates(void)
{
    static const char *const dates[] = { "Donnerstag, 31. Mai 2012", "26. M\xC3\xA4rz 2004, 16:19",
                                         "S\xC3\xA1" "bado 23 de abril del 2022 - 10:15", "mercredi 11 septembre 2019",
                                         "mi\xC3\xA9rcoles, 11 de mayo de 2022 - 3:40 a.m.", "vor 2 Stunden",
                                         "am 3. Februar 2022 um 21:17", "Publicado: Jueves, 21 Abril 2022 04:45",
                                         /* Polish, Swedish, Danish, Finnish, Russian */
                                         "5 grudnia 2026, 10:15", "\xC5\x9Aroda, 3 marca 2021", "2 godziny temu",
                                         "l\xC3\xB6rdag 5 december 2026 kl. 10.15", "5. marts 2026", "5. joulukuuta 2026 klo 10.15",
                                         "5 \xD0\xB4\xD0\xB5\xD0\xBA\xD0\xB0\xD0\xB1\xD1\x80\xD1\x8F 2026, 10:15", NULL };
    static const char *const not_dates[] = { "Der Mai ist gekommen", "Pl\xC3\xA1" "cido Domingo", "Mars Express",
                                             "Ausstellung vom 9. bis 23. Februar 2017", "Maja Nowak", NULL };
    int english = 0;
    for (int i = 0; dates[i]; i++) {
        ok(nd_line_is_date(dates[i], strlen(dates[i]), 1), "a date: %s", dates[i]);
        english |= nd_line_is_date(dates[i], strlen(dates[i]), 0);
    }
    ok(!english, "... not to English's date words, as the block models learned them");
    for (int i = 0; not_dates[i]; i++)   /* a sentence, a name, a headline naming a month */
        ok(!nd_line_is_date(not_dates[i], strlen(not_dates[i]), 1), "not a date: %s", not_dates[i]);
    ok(nd_line_is_date("Monday, 4 November 2024", 23, 0), "English's own");
    {   /* a bar with nothing before it (a fuzzer's find: a name of no bytes was read at its end) */
        static const char bar[] = " | 5 de diciembre de 2026";
        char *exact = malloc(sizeof(bar) - 1);
        memcpy(exact, bar, sizeof(bar) - 1);
        ok(!nd_line_is_dated_byline(exact, sizeof(bar) - 1), "no dated byline: a bar with nothing before it");
        free(exact);
    }
}

/* A time of day alone: a live blog's post's stamp; not a match's clock, a duration or a number. */
static void test_times(void)
{
    static const char *const times[] = { "14:31", "05:28 Uhr", "3:59 PM", "2:54pm", "3:59 PM ET", "14h31",
                                         "18.45 Uhr", "07:59 hs", "7:43 p.m.", "23:59:10", NULL };
    static const char *const not_times[] = { "57:33", "1h30", "18.45", "12:60", "2:54 Uhr morgen", "14:31 Uhr: Der Zug",
                                             "Live", "1:2", NULL };
    for (int i = 0; times[i]; i++) ok(nd_line_is_time(times[i], strlen(times[i])), "a time of day: %s", times[i]);
    for (int i = 0; not_times[i]; i++) ok(!nd_line_is_time(not_times[i], strlen(not_times[i])), "no time of day: %s", not_times[i]);
    static const char *const live[] = { "Live", "Key events", "Show key events only", "Liveticker", "En direct", NULL };
    for (int i = 0; live[i]; i++) ok(nd_line_button(live[i], strlen(live[i])) == ND_CLUTTER_NAV, "a live blog's label: %s", live[i]);
    ok(nd_line_button("Live music returns to the park", 30) == ND_CLUTTER_NONE, "...not a headline that opens with it");
}

/* A meta line's kinds: signatures in the languages of the dates, dates after their place or with their update. */
static void test_meta(void)
{
    static const char *const signed_[] = { "di Giulia Ferri", "Door Jan de Vries", "Escrito por Ana Souza",
                                           "Autor: Jan Kowalski", "\xD0\x90\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80: "
                                           "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD \xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2",
                                           "By Jane Roe and John Doe, Reuters", NULL };
    static const char *const not_signed[] = { "di tutto un po'", "By the end of the year", "Autor: siehe unten",
                                              "Von Wiener Walzer", "By  Jane Roe", "by ", NULL };
    for (int i = 0; signed_[i]; i++)
        ok(nd_line_meta(signed_[i], strlen(signed_[i])) == ND_META_SIGNED, "a signature: %s", signed_[i]);
    for (int i = 0; not_signed[i]; i++)
        ok(nd_line_meta(not_signed[i], strlen(not_signed[i])) != ND_META_SIGNED, "no signature: '%s'", not_signed[i]);
    {   /* a space right after the opener, at the end of its buffer (a fuzzer's find: a byte before it was read) */
        static const char sp[] = "by  Jane";
        char *exact = malloc(sizeof(sp) - 1);
        memcpy(exact, sp, sizeof(sp) - 1);
        ok(nd_line_meta(exact, sizeof(sp) - 1) != ND_META_SIGNED, "no signature: an opener and a space");
        free(exact);
    }
    ok(nd_line_meta("Von Anna Berger", 15) == ND_META_VON, "German's Von: a signature only over a date");
    static const char *const dates[] = { "Zaragoza, 07 dic 2026 - 08:15 Actualizado: 07 dic 2026 - 12:40",
                                         "Berlin, 29. November 2022.", "7 dicembre 2026, 10:42",
                                         "7 December 2026 \xe2\x80\x93 10:42", NULL };
    for (int i = 0; dates[i]; i++) ok(nd_line_meta(dates[i], strlen(dates[i])) == ND_META_DATE, "a date: %s", dates[i]);
    ok(nd_line_meta("Paris, France", 13) != ND_META_DATE, "not a date: a place alone");
    ok(nd_line_meta("LONDON, March 3", 15) != ND_META_DATE, "not a page's date: a wire's dateline, which opens its story");
}

int main(void)
{
    test_dates();
    test_times();
    test_meta();
    test_html();
    test_structured();
    test_text();
    test_smooth();
    test_model_file();
    test_stage();
    test_runs();
    return done_testing();
}
