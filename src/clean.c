/*
 * clean.c -- remove site clutter around a scraped story.
 *
 * Works line by line. A line is clutter when its shape says so (an address,
 * a menu of short items, a counter "Articles: 123") or when it is short and
 * starts with a phrase that only site chrome uses ("Source link", "Share
 * this", "© 2024"). An author bio is recognised only in the last paragraphs,
 * after the story. Everything else is kept verbatim. The phrase tables and
 * the rules' order are here; the tests of a line's meta (meta.c), of a site
 * speaking to its reader (prompts.c) and of its shape (shapes.c) are beside
 * it (lines.h).
 */
#define _GNU_SOURCE   /* memmem */
#include "lines.h"

#include <ctype.h>   /* isdigit, isalpha */
#include <pthread.h> /* pthread_once */
#include <stdlib.h>  /* free */
#include <strings.h> /* strncasecmp */

const char *nd_clutter_name(nd_clutter why)
{
    static const char *const names[] = { "kept", "address", "navigation", "link", "social", "legal",
                                         "byline", "counter", "author-bio", "advertisement", "site-name", "code",
                                         "no-words", "repeated", "comments" };
    return (unsigned)why < sizeof(names) / sizeof(names[0]) ? names[why] : "?";
}

struct phrase {
    const char *text;
    nd_clutter why;
    int exact;      /* 1: the whole line (up to punctuation) must be the phrase; 2: it opens a short heading;
                       3: it opens a line of any length below 600 bytes (chrome that comes in whole paragraphs);
                       4: it opens a line that is no sentence of prose ("Follow CNN", not "Follow these six tips ...") */
};

/* Line openings that mark chrome when the line is short (< 160 bytes; exact 3: < 600). */
static const struct phrase phrases[] = {
    { "source link", ND_CLUTTER_LINK, 0 },        { "source:", ND_CLUTTER_LINK, 0 },
    { "read more", ND_CLUTTER_LINK, 0 },          { "read the full", ND_CLUTTER_LINK, 0 },
    { "read also", ND_CLUTTER_LINK, 0 },          { "also read", ND_CLUTTER_LINK, 0 },
    { "click here", ND_CLUTTER_LINK, 0 },         { "continue reading", ND_CLUTTER_LINK, 0 },
    { "view original", ND_CLUTTER_LINK, 0 },      { "original article", ND_CLUTTER_LINK, 0 },
    { "related:", ND_CLUTTER_LINK, 0 },           { "related articles", ND_CLUTTER_LINK, 0 },
    { "related stories", ND_CLUTTER_LINK, 0 },    { "related posts", ND_CLUTTER_LINK, 0 },
    { "related", ND_CLUTTER_LINK, 1 },            { "see also", ND_CLUTTER_LINK, 0 },
    { "more from", ND_CLUTTER_LINK, 0 },          { "recommended", ND_CLUTTER_LINK, 1 },
    { "recommended for you", ND_CLUTTER_LINK, 0 },{ "you may also like", ND_CLUTTER_LINK, 0 },
    { "trending", ND_CLUTTER_LINK, 1 },           { "top stories", ND_CLUTTER_LINK, 1 },
    { "most read", ND_CLUTTER_LINK, 0 },          { "next article", ND_CLUTTER_LINK, 0 },
    { "previous article", ND_CLUTTER_LINK, 0 },   { "next post", ND_CLUTTER_LINK, 0 },
    { "previous post", ND_CLUTTER_LINK, 0 },      { "back to top", ND_CLUTTER_NAV, 0 },
    { "skip to content", ND_CLUTTER_NAV, 0 },     { "skip to main", ND_CLUTTER_NAV, 0 },
    { "home", ND_CLUTTER_NAV, 1 },                { "menu", ND_CLUTTER_NAV, 1 },
    { "search", ND_CLUTTER_NAV, 1 },              { "tags:", ND_CLUTTER_NAV, 0 },
    { "filed under", ND_CLUTTER_NAV, 0 },         { "categories:", ND_CLUTTER_NAV, 0 },
    { "share this", ND_CLUTTER_SOCIAL, 0 },       { "share on", ND_CLUTTER_SOCIAL, 0 },
    { "share via", ND_CLUTTER_SOCIAL, 0 },        { "share:", ND_CLUTTER_SOCIAL, 0 },
    { "share", ND_CLUTTER_SOCIAL, 1 },
    { "tweet", ND_CLUTTER_SOCIAL, 1 },            { "follow us", ND_CLUTTER_SOCIAL, 0 },
    { "follow @", ND_CLUTTER_SOCIAL, 0 },         { "subscribe", ND_CLUTTER_SOCIAL, 0 },
    { "sign up", ND_CLUTTER_SOCIAL, 0 },          { "join our", ND_CLUTTER_SOCIAL, 0 },
    { "get our newsletter", ND_CLUTTER_SOCIAL, 0 },{ "newsletter", ND_CLUTTER_SOCIAL, 1 },
    { "like us on", ND_CLUTTER_SOCIAL, 0 },       { "email this", ND_CLUTTER_SOCIAL, 0 },
    { "print this", ND_CLUTTER_SOCIAL, 0 },       { "facebook", ND_CLUTTER_SOCIAL, 1 },
    { "twitter", ND_CLUTTER_SOCIAL, 1 },          { "whatsapp", ND_CLUTTER_SOCIAL, 1 },
    { "linkedin", ND_CLUTTER_SOCIAL, 1 },         { "leave a comment", ND_CLUTTER_SOCIAL, 0 },
    { "leave a reply", ND_CLUTTER_SOCIAL, 0 },    { "comments", ND_CLUTTER_COUNTER, 1 },
    { "copyright", ND_CLUTTER_LEGAL, 0 },         { "\xC2\xA9", ND_CLUTTER_LEGAL, 0 },
    { "(c) 20", ND_CLUTTER_LEGAL, 0 },            { "all rights reserved", ND_CLUTTER_LEGAL, 0 },
    { "this website uses cookies", ND_CLUTTER_LEGAL, 3 }, { "we use cookies", ND_CLUTTER_LEGAL, 3 },
    { "this site uses cookies", ND_CLUTTER_LEGAL, 3 }, { "by continuing to use", ND_CLUTTER_LEGAL, 3 },
    /* the same banners in the other languages of the benchmark's pages and of Snowball's */
    { "diese website verwendet cookies", ND_CLUTTER_LEGAL, 3 }, { "diese webseite verwendet cookies", ND_CLUTTER_LEGAL, 3 },
    { "diese seite verwendet cookies", ND_CLUTTER_LEGAL, 3 }, { "wir verwenden cookies", ND_CLUTTER_LEGAL, 3 },
    { "wir nutzen cookies", ND_CLUTTER_LEGAL, 3 },     { "ce site utilise des cookies", ND_CLUTTER_LEGAL, 3 },
    { "ce site web utilise des cookies", ND_CLUTTER_LEGAL, 3 }, { "nous utilisons des cookies", ND_CLUTTER_LEGAL, 3 },
    { "en poursuivant votre navigation", ND_CLUTTER_LEGAL, 3 }, { "este sitio web utiliza cookies", ND_CLUTTER_LEGAL, 3 },
    { "este sitio utiliza cookies", ND_CLUTTER_LEGAL, 3 }, { "esta web utiliza cookies", ND_CLUTTER_LEGAL, 3 },
    { "utilizamos cookies", ND_CLUTTER_LEGAL, 3 },     { "usamos cookies", ND_CLUTTER_LEGAL, 3 },
    { "este site utiliza cookies", ND_CLUTTER_LEGAL, 3 }, { "este site usa cookies", ND_CLUTTER_LEGAL, 3 },
    { "questo sito utilizza cookie", ND_CLUTTER_LEGAL, 3 }, { "questo sito web utilizza cookie", ND_CLUTTER_LEGAL, 3 },
    { "questo sito usa cookie", ND_CLUTTER_LEGAL, 3 }, { "utilizziamo i cookie", ND_CLUTTER_LEGAL, 3 },
    { "deze website maakt gebruik van cookies", ND_CLUTTER_LEGAL, 3 }, { "deze site maakt gebruik van cookies", ND_CLUTTER_LEGAL, 3 },
    { "wij gebruiken cookies", ND_CLUTTER_LEGAL, 3 },  { "we gebruiken cookies", ND_CLUTTER_LEGAL, 3 },
    { "ta strona u\xC5\xBCywa plik\xC3\xB3w cookie", ND_CLUTTER_LEGAL, 3 },
    { "ta strona korzysta z plik\xC3\xB3w cookie", ND_CLUTTER_LEGAL, 3 },
    { "vi anv\xC3\xA4nder cookies", ND_CLUTTER_LEGAL, 3 }, { "vi bruger cookies", ND_CLUTTER_LEGAL, 3 },
    { "alle akzeptieren", ND_CLUTTER_LEGAL, 1 },       { "alle ablehnen", ND_CLUTTER_LEGAL, 1 },
    { "tout accepter", ND_CLUTTER_LEGAL, 1 },          { "tout refuser", ND_CLUTTER_LEGAL, 1 },
    { "accepter et fermer", ND_CLUTTER_LEGAL, 1 },     { "aceptar todas", ND_CLUTTER_LEGAL, 1 },
    { "rechazar todas", ND_CLUTTER_LEGAL, 1 },         { "accetta tutti", ND_CLUTTER_LEGAL, 1 },
    { "rifiuta tutti", ND_CLUTTER_LEGAL, 1 },          { "alles accepteren", ND_CLUTTER_LEGAL, 1 },
    { "you have reached your", ND_CLUTTER_SOCIAL, 3 }, { "you\u2019ve reached your", ND_CLUTTER_SOCIAL, 3 },
    { "you've reached your", ND_CLUTTER_SOCIAL, 3 },  { "subscribe now", ND_CLUTTER_SOCIAL, 3 },
    { "sign up for our", ND_CLUTTER_SOCIAL, 3 },      { "sign up to our", ND_CLUTTER_SOCIAL, 3 },
    { "cookie", ND_CLUTTER_LEGAL, 0 },            { "privacy policy", ND_CLUTTER_LEGAL, 0 },
    { "terms of use", ND_CLUTTER_LEGAL, 0 },      { "terms and conditions", ND_CLUTTER_LEGAL, 0 },
    { "accept all", ND_CLUTTER_LEGAL, 0 },        { "advertisement", ND_CLUTTER_AD, 0 },
    { "do not sell my", ND_CLUTTER_LEGAL, 0 },    { "do not sell or share", ND_CLUTTER_LEGAL, 0 },
    { "sponsored", ND_CLUTTER_AD, 0 },            { "ad feedback", ND_CLUTTER_AD, 0 },
    { "published:", ND_CLUTTER_BYLINE, 0 },       { "published on", ND_CLUTTER_BYLINE, 0 },
    { "updated:", ND_CLUTTER_BYLINE, 0 },         { "updated on", ND_CLUTTER_BYLINE, 0 },
    { "last updated", ND_CLUTTER_BYLINE, 0 },     { "posted on", ND_CLUTTER_BYLINE, 0 },
    { "posted by", ND_CLUTTER_BYLINE, 0 },        { "written by", ND_CLUTTER_BYLINE, 0 },
    { "photo:", ND_CLUTTER_BYLINE, 0 },           { "image:", ND_CLUTTER_BYLINE, 0 },
    { "about the author", ND_CLUTTER_BIO, 0 },    { "reporting by", ND_CLUTTER_BYLINE, 0 },
    { "editing by", ND_CLUTTER_BYLINE, 0 },
    { "this article was originally", ND_CLUTTER_LINK, 0 }, { "this story was originally", ND_CLUTTER_LINK, 0 },
    { "this article originally", ND_CLUTTER_LINK, 0 }, { "this story originally", ND_CLUTTER_LINK, 0 },
    { "this article first appeared", ND_CLUTTER_LINK, 0 }, { "this story first appeared", ND_CLUTTER_LINK, 0 },
    { "originally published", ND_CLUTTER_LINK, 0 }, { "a version of this article", ND_CLUTTER_LINK, 3 },
    { "a version of this story", ND_CLUTTER_LINK, 3 }, { "republished with permission", ND_CLUTTER_LINK, 0 },
    { "disclaimer", ND_CLUTTER_LEGAL, 0 },        { "download our app", ND_CLUTTER_SOCIAL, 0 },
    { "download the app", ND_CLUTTER_SOCIAL, 0 }, { "get the app", ND_CLUTTER_SOCIAL, 0 },
    { "listen to this article", ND_CLUTTER_NAV, 0 }, { "log in", ND_CLUTTER_NAV, 0 },
    { "sign in", ND_CLUTTER_NAV, 0 },             { "register", ND_CLUTTER_NAV, 1 },
    { "support our journalism", ND_CLUTTER_SOCIAL, 0 }, { "we would love to hear", ND_CLUTTER_LINK, 0 },
    { "got a news tip", ND_CLUTTER_LINK, 0 },     { "have a story idea", ND_CLUTTER_LINK, 0 },
    { "related topics", ND_CLUTTER_NAV, 0 },      { "topics", ND_CLUTTER_NAV, 1 },
    { "explore more", ND_CLUTTER_NAV, 0 },        { "most popular", ND_CLUTTER_LINK, 1 },
    { "read next", ND_CLUTTER_LINK, 0 },          { "reuse this content", ND_CLUTTER_LEGAL, 0 },
    { "our standards:", ND_CLUTTER_LEGAL, 0 },     { "comments are closed", ND_CLUTTER_COUNTER, 0 },
    { "last modified", ND_CLUTTER_BYLINE, 0 },    { "image caption", ND_CLUTTER_BYLINE, 0 },
    { "media caption", ND_CLUTTER_BYLINE, 0 },    { "caption:", ND_CLUTTER_BYLINE, 0 },
    { "watch:", ND_CLUTTER_LINK, 0 },             { "watch now", ND_CLUTTER_LINK, 0 },
    { "video:", ND_CLUTTER_LINK, 0 },             { "listen:", ND_CLUTTER_LINK, 0 },
    { "contact the author", ND_CLUTTER_BYLINE, 0 }, { "contact us", ND_CLUTTER_NAV, 0 },
    { "email:", ND_CLUTTER_BYLINE, 0 },           { "by signing up", ND_CLUTTER_LEGAL, 0 },
    { "by subscribing", ND_CLUTTER_LEGAL, 0 },    { "enter your email", ND_CLUTTER_SOCIAL, 0 },
    { "your browser does", ND_CLUTTER_NAV, 0 },        { "enable javascript", ND_CLUTTER_NAV, 0 },
    { "javascript is disabled", ND_CLUTTER_NAV, 0 }, { "javascript is required", ND_CLUTTER_NAV, 0 },
    { "photo by", ND_CLUTTER_BYLINE, 0 },         { "photograph:", ND_CLUTTER_BYLINE, 0 },
    { "picture:", ND_CLUTTER_BYLINE, 0 },         { "credit:", ND_CLUTTER_BYLINE, 0 },
    { "follow ", ND_CLUTTER_SOCIAL, 4 },          { "what do you think", ND_CLUTTER_LINK, 0 },
    { "let us know", ND_CLUTTER_LINK, 0 },        { "advertise with us", ND_CLUTTER_AD, 0 },
    { "your email address will not be published", ND_CLUTTER_SOCIAL, 0 },
    { "required fields are marked", ND_CLUTTER_SOCIAL, 0 }, { "powered by", ND_CLUTTER_NAV, 0 },
    { "more stories", ND_CLUTTER_LINK, 1 },       { "more news", ND_CLUTTER_LINK, 1 },
    { "trending now", ND_CLUTTER_LINK, 1 },       { "photo gallery", ND_CLUTTER_LINK, 0 },
    { "gift this article", ND_CLUTTER_SOCIAL, 0 }, { "already have an account", ND_CLUTTER_NAV, 0 },
    { "save article", ND_CLUTTER_SOCIAL, 1 },     { "save this article", ND_CLUTTER_SOCIAL, 1 },
    { "copy link", ND_CLUTTER_SOCIAL, 1 },
    { "loading", ND_CLUTTER_NAV, 1 },             { "edited by", ND_CLUTTER_BYLINE, 0 },
    { "translated by", ND_CLUTTER_BYLINE, 0 },    { "thank you for subscribing", ND_CLUTTER_SOCIAL, 0 },
    { "something went wrong", ND_CLUTTER_NAV, 0 }, { "add comment", ND_CLUTTER_SOCIAL, 1 },
    { "add a comment", ND_CLUTTER_SOCIAL, 1 },    { "show comments", ND_CLUTTER_COUNTER, 1 },
    { "report an error", ND_CLUTTER_LINK, 1 },    { "report a correction", ND_CLUTTER_LINK, 1 },
    { "we acknowledge the traditional", ND_CLUTTER_LEGAL, 0 },
    { "story continues below", ND_CLUTTER_AD, 0 }, { "embedded content", ND_CLUTTER_SOCIAL, 0 },
    { "article content continues", ND_CLUTTER_AD, 0 }, { "article continues below", ND_CLUTTER_AD, 1 },
    { "content continues below", ND_CLUTTER_AD, 1 },   { "the article continues below", ND_CLUTTER_AD, 1 },
    { "der artikel wird unten fortgesetzt", ND_CLUTTER_AD, 1 }, { "weiter nach der anzeige", ND_CLUTTER_AD, 1 },
    { "lesen sie nach der anzeige weiter", ND_CLUTTER_AD, 1 }, { "la suite apr\xC3\xA8s la publicit\xC3\xA9", ND_CLUTTER_AD, 1 },
    { "l'article continue ci-dessous", ND_CLUTTER_AD, 1 }, { "contin\xC3\xBA" "a despu\xC3\xA9s de la publicidad", ND_CLUTTER_AD, 1 },
    { "telegram", ND_CLUTTER_SOCIAL, 1 },         { "x", ND_CLUTTER_SOCIAL, 1 },
    { "see more", ND_CLUTTER_LINK, 1 },           { "more in ", ND_CLUTTER_LINK, 2 },
    { "click to ", ND_CLUTTER_SOCIAL, 0 },        { "like this", ND_CLUTTER_SOCIAL, 1 },
    { "save", ND_CLUTTER_SOCIAL, 1 },             { "print", ND_CLUTTER_SOCIAL, 1 },
    { "more on this story", ND_CLUTTER_LINK, 0 }, { "get in touch", ND_CLUTTER_LINK, 1 },
    { "most viewed", ND_CLUTTER_LINK, 1 },        { "first published", ND_CLUTTER_BYLINE, 0 },
    { "photo credit", ND_CLUTTER_BYLINE, 0 },     { "getty images", ND_CLUTTER_BYLINE, 1 },
    { "privacy notice", ND_CLUTTER_LEGAL, 0 },    { "file photo", ND_CLUTTER_BYLINE, 0 },
    { "image source", ND_CLUTTER_BYLINE, 0 },     { "also watch", ND_CLUTTER_LINK, 0 },
    { "with inputs from", ND_CLUTTER_BYLINE, 0 }, { "gift article", ND_CLUTTER_SOCIAL, 1 },
    { "read:", ND_CLUTTER_LINK, 0 },              { "topics:", ND_CLUTTER_NAV, 0 },
    { "this article contains affiliate", ND_CLUTTER_LEGAL, 0 }, { "we may earn a commission", ND_CLUTTER_LEGAL, 0 },
    { "have you been affected", ND_CLUTTER_LINK, 0 }, { "email us", ND_CLUTTER_SOCIAL, 0 },
    { "staff writer", ND_CLUTTER_BYLINE, 1 },     { "staff reporter", ND_CLUTTER_BYLINE, 1 },
    { "staff correspondent", ND_CLUTTER_BYLINE, 1 }, { "special correspondent", ND_CLUTTER_BYLINE, 1 },
    { "web desk", ND_CLUTTER_BYLINE, 1 },         { "news desk", ND_CLUTTER_BYLINE, 1 },
    { "this story has been published from", ND_CLUTTER_LINK, 0 }, { "catch all the", ND_CLUTTER_SOCIAL, 0 },
    { "more", ND_CLUTTER_NAV, 1 },                { "less", ND_CLUTTER_NAV, 1 },
    { "enter a valid email", ND_CLUTTER_SOCIAL, 0 }, { "post your comment", ND_CLUTTER_SOCIAL, 0 },
    { "post a comment", ND_CLUTTER_SOCIAL, 0 },   { "next story", ND_CLUTTER_LINK, 0 },
    { "kindly share", ND_CLUTTER_SOCIAL, 0 },     { "for the latest news", ND_CLUTTER_SOCIAL, 0 },
    { "thanks for reading", ND_CLUTTER_SOCIAL, 0 }, { "thank you for reading", ND_CLUTTER_SOCIAL, 0 },
    { "related news", ND_CLUTTER_LINK, 1 },       { "ad", ND_CLUTTER_AD, 1 },
    { "topic:", ND_CLUTTER_NAV, 0 },              { "loading form", ND_CLUTTER_NAV, 0 },
    { "additional reporting by", ND_CLUTTER_BYLINE, 0 }, { "with reporting by", ND_CLUTTER_BYLINE, 0 },
    { "the views expressed", ND_CLUTTER_LEGAL, 0 }, { "views expressed", ND_CLUTTER_LEGAL, 0 },
    { "email the author", ND_CLUTTER_BYLINE, 0 }, { "reach the author", ND_CLUTTER_BYLINE, 0 },
    { "reach her ", ND_CLUTTER_BYLINE, 0 },       { "reach him ", ND_CLUTTER_BYLINE, 0 },
    { "see full", ND_CLUTTER_LINK, 0 },           { "related article", ND_CLUTTER_LINK, 0 },
    { "link copied", ND_CLUTTER_SOCIAL, 0 },      { "elsewhere on", ND_CLUTTER_LINK, 0 },
    { "cnn", ND_CLUTTER_BYLINE, 1 },
    { "contact her ", ND_CLUTTER_BYLINE, 0 },     { "contact him ", ND_CLUTTER_BYLINE, 0 },
    /* boilerplate that many sites print word for word: a wire's syndication line, blog software's meta and like
       lines, a moderation note, a tip line, Germany's stock disclaimer of external links */
    { "this material may not be published", ND_CLUTTER_LEGAL, 0 }, { "have a news tip", ND_CLUTTER_SOCIAL, 0 },
    { "comments are moderated", ND_CLUTTER_COUNTER, 0 }, { "this entry was posted in", ND_CLUTTER_NAV, 3 },
    { "dieser eintrag wurde ver\xC3\xB6" "ffentlicht", ND_CLUTTER_NAV, 3 },
    { "der beitrag wurde am", ND_CLUTTER_NAV, 3 }, { "dieser beitrag wurde am", ND_CLUTTER_NAV, 3 },
    { "erstellt am", ND_CLUTTER_BYLINE, 0 }, { "like loading", ND_CLUTTER_SOCIAL, 0 },
    { "gef\xC3\xA4llt mir wird geladen", ND_CLUTTER_SOCIAL, 0 },
    { "trotz sorgf\xC3\xA4ltiger inhaltlicher kontrolle", ND_CLUTTER_LEGAL, 3 },
    { "haftungshinweis", ND_CLUTTER_LEGAL, 1 },  { "haftungsausschluss", ND_CLUTTER_LEGAL, 1 },
    /* the commonest of the above in the other languages of the page benchmark: photo credits, "read also"
       and "more on the topic" headings */
    { "foto:", ND_CLUTTER_BYLINE, 0 },            { "fotos:", ND_CLUTTER_BYLINE, 0 },
    { "bild:", ND_CLUTTER_BYLINE, 0 },            { "imagen:", ND_CLUTTER_BYLINE, 0 },
    { "cr\xC3\xA9" "dit photo", ND_CLUTTER_BYLINE, 0 },
    { "lesen sie auch", ND_CLUTTER_LINK, 0 },     { "lies auch", ND_CLUTTER_LINK, 0 },
    { "mehr zum thema", ND_CLUTTER_LINK, 0 },     { "weitere themen", ND_CLUTTER_LINK, 1 },
    { "das k\xC3\xB6nnte sie auch interessieren", ND_CLUTTER_LINK, 0 }, { "auch interessant", ND_CLUTTER_LINK, 0 },
    { "vea tambi\xC3\xA9n", ND_CLUTTER_LINK, 0 }, { "lea tambi\xC3\xA9n", ND_CLUTTER_LINK, 0 },
    { "ver tambi\xC3\xA9n", ND_CLUTTER_LINK, 0 }, { "lea m\xC3\xA1s", ND_CLUTTER_LINK, 0 },
    { "le puede interesar", ND_CLUTTER_LINK, 0 }, { "te puede interesar", ND_CLUTTER_LINK, 0 },
    { "leia tamb\xC3\xA9m", ND_CLUTTER_LINK, 0 }, { "leia mais", ND_CLUTTER_LINK, 0 },
    { "lire aussi", ND_CLUTTER_LINK, 0 },         { "\xC3\xA0 lire aussi", ND_CLUTTER_LINK, 0 },
    { "voir aussi", ND_CLUTTER_LINK, 0 },         { "leggi anche", ND_CLUTTER_LINK, 0 },
    /* a linked headline behind "Read:", "Look:" (Latin American sites); related posts as WordPress says it in German */
    { "lea:", ND_CLUTTER_LINK, 0 },               { "vea:", ND_CLUTTER_LINK, 0 },
    { "mira:", ND_CLUTTER_LINK, 0 },              { "puedes ver:", ND_CLUTTER_LINK, 0 },
    { "\xC3\xA4hnliche beitr\xC3\xA4ge", ND_CLUTTER_LINK, 1 }, { "\xC3\xA4hnliche artikel", ND_CLUTTER_LINK, 1 },
    { "verwandte beitr\xC3\xA4ge", ND_CLUTTER_LINK, 1 }, { "related coverage", ND_CLUTTER_LINK, 1 },
    /* an embed's consent placeholder, a recipe page's buttons, a site's greeting, a post's picture credit */
    { "empfohlener redaktioneller inhalt", ND_CLUTTER_SOCIAL, 1 }, { "externer inhalt", ND_CLUTTER_SOCIAL, 1 },
    { "jump to recipe", ND_CLUTTER_SOCIAL, 0 },  { "listen", ND_CLUTTER_SOCIAL, 1 },
    { "resize", ND_CLUTTER_SOCIAL, 1 },
    { "by", ND_CLUTTER_BYLINE, 1 },              { "what to read next", ND_CLUTTER_LINK, 0 },
    { "up next", ND_CLUTTER_LINK, 1 },            { "thank you for visiting", ND_CLUTTER_NAV, 0 },
    { "beitragsbild:", ND_CLUTTER_BYLINE, 0 },
    /* and in the other languages newsdesk has stop words for: "read also", share buttons, photo credits */
    { "sur le m\xC3\xAAme sujet", ND_CLUTTER_LINK, 0 }, { "partager sur", ND_CLUTTER_SOCIAL, 0 },
    { "partager", ND_CLUTTER_SOCIAL, 1 },         { "teilen", ND_CLUTTER_SOCIAL, 1 },
    { "compartir", ND_CLUTTER_SOCIAL, 1 },        { "condividi", ND_CLUTTER_SOCIAL, 1 },
    { "compartilhar", ND_CLUTTER_SOCIAL, 1 },     { "partilhar", ND_CLUTTER_SOCIAL, 1 },
    { "lees ook", ND_CLUTTER_LINK, 0 },           { "delen", ND_CLUTTER_SOCIAL, 1 },
    { "l\xC3\xA4s ocks\xC3\xA5", ND_CLUTTER_LINK, 0 }, { "l\xC3\xA6s ogs\xC3\xA5", ND_CLUTTER_LINK, 0 },
    { "les ogs\xC3\xA5", ND_CLUTTER_LINK, 0 },  { "dela", ND_CLUTTER_SOCIAL, 1 },
    { "lue my\xC3\xB6s", ND_CLUTTER_LINK, 0 },  { "jaa artikkeli", ND_CLUTTER_SOCIAL, 0 },
    { "jaa", ND_CLUTTER_SOCIAL, 1 },              { "kuva:", ND_CLUTTER_BYLINE, 0 },
    { "czytaj tak\xC5\xBC" "e", ND_CLUTTER_LINK, 0 }, { "czytaj te\xC5\xBC", ND_CLUTTER_LINK, 0 },
    { "zobacz tak\xC5\xBC" "e", ND_CLUTTER_LINK, 0 }, { "zobacz te\xC5\xBC", ND_CLUTTER_LINK, 0 },
    { "udost\xC4\x99pnij", ND_CLUTTER_SOCIAL, 1 }, { "fot. ", ND_CLUTTER_BYLINE, 0 },
    /* "published on", "updated on" before a date */
    { "publi\xC3\xA9 le", ND_CLUTTER_BYLINE, 0 }, { "mis \xC3\xA0 jour le", ND_CLUTTER_BYLINE, 0 },
    { "ver\xC3\xB6" "ffentlicht am", ND_CLUTTER_BYLINE, 0 }, { "aktualisiert am", ND_CLUTTER_BYLINE, 0 },
    { "zuletzt aktualisiert", ND_CLUTTER_BYLINE, 0 }, { "publicado el", ND_CLUTTER_BYLINE, 0 },
    { "actualizado el", ND_CLUTTER_BYLINE, 0 },  { "publicado em", ND_CLUTTER_BYLINE, 0 },
    { "atualizado em", ND_CLUTTER_BYLINE, 0 },   { "pubblicato il", ND_CLUTTER_BYLINE, 0 },
    { "aggiornato il", ND_CLUTTER_BYLINE, 0 },   { "gepubliceerd op", ND_CLUTTER_BYLINE, 0 },
    { "bijgewerkt op", ND_CLUTTER_BYLINE, 0 },   { "publicerad ", ND_CLUTTER_BYLINE, 0 },
    { "uppdaterad ", ND_CLUTTER_BYLINE, 0 },     { "julkaistu ", ND_CLUTTER_BYLINE, 0 },
    { "p\xC3\xA4ivitetty ", ND_CLUTTER_BYLINE, 0 }, { "opublikowano", ND_CLUTTER_BYLINE, 0 },
    /* Cyrillic: as a line starts, capitalised ("Читайте также", "Смотрите также", "Поделиться", "Фото:") */
    { "\xD0\xA7\xD0\xB8\xD1\x82\xD0\xB0\xD0\xB9\xD1\x82\xD0\xB5 \xD1\x82\xD0\xB0\xD0\xBA\xD0\xB6\xD0\xB5",
      ND_CLUTTER_LINK, 0 },
    { "\xD0\xA1\xD0\xBC\xD0\xBE\xD1\x82\xD1\x80\xD0\xB8\xD1\x82\xD0\xB5 \xD1\x82\xD0\xB0\xD0\xBA\xD0\xB6\xD0\xB5",
      ND_CLUTTER_LINK, 0 },
    { "\xD0\x9F\xD0\xBE\xD0\xB4\xD0\xB5\xD0\xBB\xD0\xB8\xD1\x82\xD1\x8C\xD1\x81\xD1\x8F", ND_CLUTTER_SOCIAL, 1 },
    { "\xD0\xA4\xD0\xBE\xD1\x82\xD0\xBE:", ND_CLUTTER_BYLINE, 0 },
    /* Chinese (simplified, traditional): "Author:", "Editor in charge:", "Editor:", "Source:" */
    { "\xE4\xBD\x9C\xE8\x80\x85\xEF\xBC\x9A", ND_CLUTTER_BYLINE, 0 },
    { "\xE8\xB4\xA3\xE4\xBB\xBB\xE7\xBC\x96\xE8\xBE\x91\xEF\xBC\x9A", ND_CLUTTER_BYLINE, 0 },
    { "\xE8\xB2\xAC\xE4\xBB\xBB\xE7\xB7\xA8\xE8\xBC\xAF\xEF\xBC\x9A", ND_CLUTTER_BYLINE, 0 },
    { "\xE7\xBC\x96\xE8\xBE\x91\xEF\xBC\x9A", ND_CLUTTER_BYLINE, 0 },
    { "\xE7\xB7\xA8\xE8\xBC\xAF\xEF\xBC\x9A", ND_CLUTTER_BYLINE, 0 },
    { "\xE6\x9D\xA5\xE6\xBA\x90\xEF\xBC\x9A", ND_CLUTTER_LINK, 0 },
    /* "Statement:", "Disclaimer:" (a site's notice) */
    { "\xE5\xA3\xB0\xE6\x98\x8E\xEF\xBC\x9A", ND_CLUTTER_LEGAL, 0 },
    { "\xE5\x85\x8D\xE8\xB4\xA3\xE5\xA3\xB0\xE6\x98\x8E", ND_CLUTTER_LEGAL, 0 },
    { "\xE4\xBE\x86\xE6\xBA\x90\xEF\xBC\x9A", ND_CLUTTER_LINK, 0 },
    { "print recipe", ND_CLUTTER_SOCIAL, 1 },     { "you are using a browser", ND_CLUTTER_NAV, 0 },
    /* an agency's sign-off alone on its line */
    { "the associated press", ND_CLUTTER_BYLINE, 1 }, { "associated press", ND_CLUTTER_BYLINE, 1 },
    { "the canadian press", ND_CLUTTER_BYLINE, 1 }, { "reuters", ND_CLUTTER_BYLINE, 1 },
    { "afp", ND_CLUTTER_BYLINE, 1 },              { "agence france-presse", ND_CLUTTER_BYLINE, 1 },
};

#define ND_NPHRASES (sizeof(phrases) / sizeof(phrases[0]))

/*
 * The phrases the checks after the story look for, each at a word start (its
 * first letter in either case), found in one pass over the line: an appeal
 * for money or sign-ups, whoever it is from ("If you value our work, ...");
 * an investment notice ("This article is for informational purposes only
 * and does not constitute financial advice."); a rights line however it
 * opens ("All content copyright Example Ltd"); a reporter's credit ("Jane Doe
 * contributed to this report."); a newsletter's consent; an affiliate
 * disclosure; a licence ("... licensed under a Creative Commons ...").
 */
enum { TAIL_APPEAL = 1, TAIL_NOTICE = 2, TAIL_RIGHTS = 4, TAIL_CREDIT = 8, TAIL_LICENCE = 16, TAIL_ANY = 32 };
static const struct tail_phrase { const char *p; unsigned char len, kind; } tail_phrases[] = {
#define ND_TAIL(p, kind) { p, sizeof(p) - 1, kind }
    ND_TAIL("consider supporting", TAIL_APPEAL),         ND_TAIL("support our journalism", TAIL_APPEAL),
    ND_TAIL("support independent journalism", TAIL_APPEAL), ND_TAIL("subscribe to our newsletter", TAIL_APPEAL),
    ND_TAIL("sign up for our", TAIL_APPEAL),             ND_TAIL("sign up to our", TAIL_APPEAL),
    ND_TAIL("enter your email", TAIL_APPEAL),            ND_TAIL("informational purposes only", TAIL_NOTICE),
    ND_TAIL("investment advice", TAIL_NOTICE),           ND_TAIL("copyright", TAIL_RIGHTS),
    ND_TAIL("contributed to this report", TAIL_CREDIT),  ND_TAIL("contributed reporting", TAIL_CREDIT),
    /* anywhere on the page (TAIL_ANY): no story says these; a newsletter's consent and a comment
       section's rules, in English and German; an affiliate disclosure; a licence (it reads like a
       sentence, so the rights test, short and not body-like, misses it) */
    ND_TAIL("double-opt-in", TAIL_APPEAL | TAIL_ANY),    ND_TAIL("ich bin damit einverstanden, dass", TAIL_APPEAL | TAIL_ANY),
    ND_TAIL("unsubscribe at any time", TAIL_APPEAL | TAIL_ANY), ND_TAIL("comments are moderated", TAIL_APPEAL | TAIL_ANY),
    ND_TAIL("kommentare werden moderiert", TAIL_APPEAL | TAIL_ANY),
    ND_TAIL("affiliate link", TAIL_NOTICE | TAIL_ANY),   ND_TAIL("affiliate-link", TAIL_NOTICE | TAIL_ANY),
    ND_TAIL("provision vom h\xC3\xA4ndler", TAIL_NOTICE | TAIL_ANY), ND_TAIL("amazon associate", TAIL_NOTICE | TAIL_ANY),
    ND_TAIL("creative commons attribution", TAIL_LICENCE | TAIL_ANY), ND_TAIL("creative commons namensnennung", TAIL_LICENCE | TAIL_ANY),
    ND_TAIL("creative commons-lizenz", TAIL_LICENCE | TAIL_ANY), ND_TAIL("creative commons licen", TAIL_LICENCE | TAIL_ANY),
    /* after the story only: prose may say these */
    ND_TAIL("jederzeit widerrufen", TAIL_APPEAL),        ND_TAIL("earn a commission", TAIL_NOTICE),
    ND_TAIL("receive a commission", TAIL_NOTICE),        ND_TAIL("eine provision", TAIL_NOTICE),
    ND_TAIL("creative commons", TAIL_LICENCE),           ND_TAIL("licensed under", TAIL_LICENCE),
#undef ND_TAIL
};
#define ND_NTAIL (sizeof(tail_phrases) / sizeof(tail_phrases[0]))

/* The phrases by first byte, in table order within each (the first that matches wins), and their lengths. */
static uint16_t phrase_order[ND_NPHRASES];
static uint8_t phrase_len[ND_NPHRASES];
static uint16_t phrase_from[257];
static uint64_t tail_first[256], any_first[256];   /* by first letter, the tail_phrases that start with it (bits), those TAIL_ANY */
_Static_assert(ND_NTAIL <= 64, "tail_first holds a bit a phrase");
static pthread_once_t phrase_once = PTHREAD_ONCE_INIT;

static void index_phrases(void)
{
    nd_meta_index();
    nd_prompt_index();
    nd_index_first_byte(phrases, sizeof(*phrases), ND_NPHRASES, phrase_order, phrase_len, phrase_from);
    for (size_t k = 0; k < ND_NTAIL; k++) {
        tail_first[(unsigned char)tail_phrases[k].p[0]] |= 1ull << k;
        if (tail_phrases[k].kind & TAIL_ANY) any_first[(unsigned char)tail_phrases[k].p[0]] |= 1ull << k;
    }
}
_Static_assert(ND_NPHRASES <= 65535, "phrase_order holds 16 bits");

void nd_lines_init(void)
{
    pthread_once(&phrase_once, index_phrases);
}

int nd_has_phrase(const char *s, size_t n, const char *p)
{
    size_t pl = strlen(p);
    const char *end = s + n;
    for (const char *q = s + 1; q < end && (q = memmem(q, (size_t)(end - q), p + 1, pl - 1)); q++) {
        const char *h = q - 1;
        if ((h[0] | 0x20) == p[0] && (h == s || h[-1] == ' ')) return 1;
    }
    return 0;
}

/*
 * Which kinds of tail phrase s holds (TAIL_* bits; in_tail 0: of those TAIL_ANY only): word by
 * word, a word against the phrases that start with its letter, case aside ("Creative
 * Commons-Lizenz"), the second letter first.
 */
static unsigned find_tail_phrases(const char *s, size_t n, int in_tail)
{
    unsigned found = 0;
    const uint64_t *first = in_tail ? tail_first : any_first;
    for (const char *w = s, *end = s + n; w < end;) {
        for (uint64_t m = first[(unsigned char)(*w | 0x20)]; m; m &= m - 1) {
            const struct tail_phrase *t = &tail_phrases[__builtin_ctzll(m)];
            if ((size_t)(end - w) >= t->len && (w[1] | 0x20) == t->p[1] && strncasecmp(w + 2, t->p + 2, t->len - 2u) == 0)
                found |= t->kind;
        }
        const char *sp = memchr(w, ' ', (size_t)(end - w));
        if (!sp) break;
        w = sp + 1;
    }
    return found;
}

/* The TAIL_ANY phrases that open s (its first 48 bytes) or one of its sentences within its first 200 bytes. */
static unsigned opening_tail_phrases(const char *s, size_t n)
{
    const char *end = s + (n < 200 ? n : 200);
    unsigned found = find_tail_phrases(s, (size_t)(end - s) < 48 ? (size_t)(end - s) : 48, 0);
    for (const char *q = s; !found && (q = memchr(q, '.', (size_t)(end - q))) != NULL;) {
        if (++q >= end || *q != ' ') continue;
        q++;
        size_t rest = (size_t)(s + n - q);
        found = find_tail_phrases(q, rest < 48 ? rest : 48, 0);
    }
    return found;
}

static int looks_like_body(const char *s, size_t n);
static int is_list_heading(const char *s, size_t n);

/* After the story, a rights line however it opens: "All content copyright Example Ltd", "Text and photos © ...". */
static int looks_like_rights(const char *s, size_t n, unsigned tail)
{
    if (n >= 120 || looks_like_body(s, n)) return 0;
    if (n > 4 && (s[0] | 0x20) == 'c' && s[1] == ')' && s[2] == ' ' && isdigit((unsigned char)s[3])) return 1;   /* "(c) 2016 Example" */
    for (const char *q = s, *end = s + n; (q = memchr(q, 0xC2, (size_t)(end - q))) && q + 1 < end; q++)
        if ((unsigned char)q[1] == 0xA9) return 1;
    /* Chinese (simplified, traditional) and Japanese: all rights reserved, copyright, no reprinting */
    static const char *const cjk[] = { "\xE7\x89\x88\xE6\x9D\x83\xE6\x89\x80\xE6\x9C\x89",
                                       "\xE7\x89\x88\xE6\xAC\x8A\xE6\x89\x80\xE6\x9C\x89", "\xE8\x91\x97\xE4\xBD\x9C\xE6\xA8\xA9",
                                       "\xE7\x84\xA1\xE6\x96\xAD\xE8\xBB\xA2\xE8\xBC\x89" };
    if (memchr(s, 0xE7, n) || memchr(s, 0xE8, n))
        for (size_t k = 0; k < sizeof(cjk) / sizeof(cjk[0]); k++)
            if (memmem(s, n, cjk[k], strlen(cjk[k]))) return 1;
    return (tail & TAIL_RIGHTS) != 0;
}

/* An embedded post: "— Jane Doe (@jdoe) July 12, 2024", "pic.twitter.com/...". */
static int looks_like_embed(const char *s, size_t n)
{
    if (n > 300) return 0;
    int dash = (n > 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x94) ||
               (n > 2 && s[0] == '-' && s[1] == '-');
    if (dash)
        for (const char *q = s, *end = s + n; (q = memchr(q, '(', (size_t)(end - q))) && q + 1 < end; q++)
            if (q[1] == '@') return 1;
    return memchr(s, '/', n) && nd_has_phrase(s, n, "pic.twitter.com/");   /* most lines have no '/': one fast scan */
}

/* What opens a picture's credit, in the languages of the stop-word lists. */
static const char *const credits[] = { "photograph:", "photo:", "picture:", "image:", "credit:", "photo by ",
                                       "photo credit", "ap photo", "reuters/", "afp/", "epa/", "getty images",
                                       "file photo", "foto:", "fotos:", "bild:", "imagen:", "imagem:",
                                       "cr\xC3\xA9" "dit photo", "photo : ", "cr\xC3\xA9" "dit : ", "kuva:",
                                       "fot. ", "zdj\xC4\x99" "cie:", "fot\xC3\xB3:", "beeld:",
                                       "\xD0\xA4\xD0\xBE\xD1\x82\xD0\xBE:", "\xD1\x84\xD0\xBE\xD1\x82\xD0\xBE:",
                                       "credit...", "credit\xE2\x80\xA6", NULL };

int nd_line_closes_with_credit(const char *s, size_t n)
{
    static const char *const more[] = { "cr\xC3\xA9" "dito:", NULL };   /* Portuguese's, in brackets only */
    if (n > 300 || n < 12) return 0;
    if (s[n - 1] == '.') n--;
    if (s[n - 1] != ')') return 0;
    for (size_t b = n - 1, lo = n > 82 ? n - 82 : 1; b > lo; b--) {
        if (s[b] != '(' || s[b - 1] != ' ') continue;
        for (size_t k = 0; credits[k]; k++)
            if (nd_ascii_prefix(s + b + 1, n - b - 1, credits[k])) return 1;
        for (size_t k = 0; more[k]; k++)
            if (nd_ascii_prefix(s + b + 1, n - b - 1, more[k])) return 1;
        return 0;
    }
    return 0;
}

/*
 * A photo caption: a sentence, then its credit ("... on Monday. REUTERS/Jane
 * Doe", "... Photograph: Jane Doe/AP", "... (AP Photo/Jane Doe)", and in
 * other languages "... (Foto: dpa)", "... Bild: Jane Doe", "... Imagen: EFE",
 * "... Photo : AFP", "... Kuva: Lehtikuva", "... Fot. PAP", "... Фото: ТАСС").
 */
static int looks_like_caption(const char *s, size_t n)
{
    if (n > 300 || n < 8) return 0;
    char e = s[n - 1];   /* a credit ends with a name or a parenthesis, not as a sentence does */
    if (e == '.' ? s[n - 2] != ')' : e == '!' || e == '?' || e == '"' || e == ':') return 0;
    /* a sentence starting with a credit, within a credit's length of the end ("... Fot. PAP/Jan Nowak" too) */
    for (size_t b = n - 1, lo = n > 82 ? n - 82 : 2; b > lo; b--) {
        /* after a sentence's end and a space, or glued to it where the page set the credit apart
           by its style alone ("... on Tuesday.Credit...Jane Roe") */
        if (!(s[b - 1] == ' ' && (s[b - 2] == '.' || s[b - 2] == '!' || s[b - 2] == '?')) &&
            !(s[b - 1] == '.' && isupper((unsigned char)s[b])))
            continue;
        size_t c = s[b] == '(' ? b + 1 : b;
        for (size_t k = 0; credits[k]; k++)
            if (nd_ascii_prefix(s + c, n - c, credits[k])) return 1;
    }
    return 0;
}

/*
 * Does s open with the phrase p (lower case), whatever the case of its
 * letters: ASCII's and, in UTF-8, Latin-1's ("VEA TAMBIÉN:" as "vea
 * también").
 */
static int phrase_prefix(const char *s, size_t n, const char *p)
{
    for (size_t i = 0; p[i]; i++) {
        if (i >= n) return 0;
        unsigned char a = (unsigned char)s[i], b = (unsigned char)p[i];
        if (a >= 'A' && a <= 'Z') a = (unsigned char)(a + 32);
        else if (a >= 0x80 && a <= 0x9E && a != 0x97 && i && (unsigned char)s[i - 1] == 0xC3) a = (unsigned char)(a + 32);
        if (a != b) return 0;
    }
    return 1;
}

/* "(Reporting by ...; Editing by ...)", "* Enter a valid email": the line after its opening bracket or list marker. */
static void skip_marker(const char **s, size_t *n)
{
    if (*n > 1 && ((*s)[0] == '(' || (*s)[0] == '[')) ++*s, --*n;
    else if (*n > 2 && ((*s)[0] == '*' || (*s)[0] == '-') && (*s)[1] == ' ') *s += 2, *n -= 2;
}

/*
 * The line's verdict by the phrase that opens it ("Source link", "Share
 * this", "© 2024") or by the credit that ends it ("... contributed to this
 * report."), its opening bracket or list marker skipped (skip_marker).
 */
static nd_clutter phrase_or_credit(const char *s, size_t n)
{
    if (n < 600) {
        unsigned char c0 = (unsigned char)tolower((unsigned char)s[0]);
        for (size_t o = phrase_from[c0]; o < phrase_from[c0 + 1]; o++) {
            const struct phrase *p = &phrases[phrase_order[o]];
            size_t pl = phrase_len[phrase_order[o]];
            if ((n >= 160 && p->exact != 3) || !phrase_prefix(s, n, p->text)) continue;
            if (p->exact == 2) {
                if (!is_list_heading(s, n)) continue;   /* "More in Tech", not "More in sorrow than ..." */
            } else if (p->exact == 1) {   /* up to punctuation or a dash: "Share:", "Loading...", "CNN —" */
                size_t j = pl;
                while (j < n && (s[j] == ':' || s[j] == '.' || s[j] == '-' || s[j] == ')' || is_ws((unsigned char)s[j]) ||
                                 ((unsigned char)s[j] == 0xE2 && j + 2 < n && (unsigned char)s[j + 1] == 0x80 &&
                                  ((unsigned char)s[j + 2] == 0x93 || (unsigned char)s[j + 2] == 0x94))))
                    j += (unsigned char)s[j] == 0xE2 ? 3 : 1;
                if (j != n) continue;
            } else if (pl < n && isalpha((unsigned char)p->text[pl - 1]) && isalpha((unsigned char)s[pl])) {
                continue;   /* "Sharer", "Homeland": not the phrase */
            }
            if (p->exact == 4 && looks_like_body(s, n)) break;   /* "Follow these six tips to ...": prose */
            return p->why;
        }
    }
    /* a reporter's credit ends its line wherever the page's footer makes the story end */
    static const char credit[] = "contributed to this report.";
    if (n < 200 && n > sizeof(credit) && !strncasecmp(s + n - (sizeof(credit) - 1), credit, sizeof(credit) - 1))
        return ND_CLUTTER_BYLINE;
    /* a feed's footer under every item (WordPress's): "The post Council approves bike lanes appeared first on City News." */
    if (n < 400 && nd_ascii_prefix(s, n, "the post ") &&
        (nd_has_phrase(s, n, "appeared first on ") || nd_has_phrase(s, n, "first appeared on ")))
        return ND_CLUTTER_LINK;
    return ND_CLUTTER_NONE;
}

static nd_clutter classify_line(const char *s, size_t n, int in_tail)
{
    if (nd_looks_like_code(s, n) || nd_looks_like_server_error(s, n)) return ND_CLUTTER_CODE;
    if (nd_looks_like_share_bar(s, n) || looks_like_embed(s, n)) return ND_CLUTTER_SOCIAL;
    if (nd_looks_like_address(s, n)) return ND_CLUTTER_URL;
    if (nd_looks_like_menu(s, n)) return ND_CLUTTER_NAV;
    if (nd_looks_like_counter(s, n, 0)) return ND_CLUTTER_COUNTER;
    if (nd_looks_like_byline(s, n) || looks_like_caption(s, n)) return ND_CLUTTER_BYLINE;
    if (nd_looks_like_teaser(s, n)) return ND_CLUTTER_LINK;
    if ((nd_ascii_prefix(s, n, "posted ") || nd_ascii_prefix(s, n, "updated ") || nd_ascii_prefix(s, n, "published ")) &&
        nd_looks_like_date(s, n, 0))
        return ND_CLUTTER_BYLINE;   /* "Posted 2h ago, updated 1h ago", wherever it is */
    if (n < 160 && nd_ascii_prefix(s, n, "download ") && (nd_has_phrase(s, n, "app ") || (n > 4 && nd_ascii_prefix(s + n - 4, 4, " app"))))
        return ND_CLUTTER_SOCIAL;   /* "Download the Example Post app for the latest news" */
    skip_marker(&s, &n);
    nd_clutter why = phrase_or_credit(s, n);
    if (why != ND_CLUTTER_NONE) return why;
    /* a longer line: the phrases that count anywhere, where it or one of its sentences in its first 200 bytes
       opens, as a consent paragraph does ("Mit Absenden ... willige ich ... ein. Ich bin damit einverstanden, dass
       ...": the sentences alone, not every word of the 200 bytes, cost classify 0.4% fewer instructions) */
    unsigned tail = n <= 400 ? find_tail_phrases(s, n, in_tail) : n < 1000 ? opening_tail_phrases(s, n) : 0;
    if (tail & TAIL_ANY) return tail & TAIL_APPEAL ? ND_CLUTTER_SOCIAL : ND_CLUTTER_LEGAL;
    if (!in_tail) return ND_CLUTTER_NONE;
    /* after the story */
    if (nd_looks_like_bio(s, n, 0)) return ND_CLUTTER_BIO;
    if (tail & TAIL_APPEAL) return ND_CLUTTER_SOCIAL;
    if (n < 200 && (tail & TAIL_CREDIT)) return ND_CLUTTER_BYLINE;
    if (n < 1000 && nd_ascii_prefix(s, n, "disclaimer")) return ND_CLUTTER_LEGAL;   /* however long */
    if (n < 400 && (tail & (TAIL_NOTICE | TAIL_LICENCE))) return ND_CLUTTER_LEGAL;
    if (looks_like_rights(s, n, tail)) return ND_CLUTTER_LEGAL;
    return ND_CLUTTER_NONE;
}

/*
 * A paragraph of Chinese or Japanese prose, which has no spaces to count
 * words by: 16 characters of those scripts or more, ending like a sentence
 * of theirs.
 */
static int cjk_body(const char *s, size_t n)
{
    if (!nd_ends_script_sentence(s, n)) return 0;
    size_t chars = 0;
    for (size_t i = 0; i < n && chars < 16;) {
        if (nd_cjk_at((const unsigned char *)s + i, n - i)) chars++, i += 3;
        else i++;
    }
    return chars >= 16;
}

/*
 * A body paragraph: eight words or more, or five long ones (Finnish,
 * Hungarian and Turkish say in five words what English says in eight),
 * ending like a sentence (by any script's full stop); or a paragraph of
 * Chinese or Japanese prose (cjk_body).
 */
static int looks_like_body(const char *s, size_t n)
{
    size_t words = 1;
    for (size_t i = 0; i < n && words < 8; i++)   /* eight are enough to know */
        if (s[i] == ' ' && i + 1 < n && s[i + 1] != ' ') words++;
    if (words < 8 && (words < 5 || n < 64))
        return n >= 48 && ((unsigned char)s[n - 1] >= 0x80 || s[n - 1] == ')' || s[n - 1] == '"') &&
               cjk_body(s, n);
    size_t e = n;
    while (e > 0 && (s[e - 1] == '"' || s[e - 1] == '\'' || s[e - 1] == ')' || (unsigned char)s[e - 1] >= 0x80)) e--;
    if (e > 0 && (s[e - 1] == '.' || s[e - 1] == '!' || s[e - 1] == '?' || s[e - 1] == ':')) return 1;
    /* a sentence of Hindi ("... किया।"), Urdu, Amharic, ...: its stop is no ASCII byte */
    return e < n && nd_ends_script_sentence(s, n);
}

static void note(nd_spans *removed, nd_spans *why, size_t s, size_t t, nd_clutter c)
{
    if (removed) {
        ND_GROW(removed->v, removed->n + 1, removed->alloc);
        removed->v[removed->n++] = (nd_span){ (uint32_t)s, (uint32_t)(t - s) };
    }
    if (why) {
        ND_GROW(why->v, why->n + 1, why->alloc);
        why->v[why->n++] = (nd_span){ (uint32_t)c, 0 };
    }
}

/* The next non-blank line from *b on, trimmed, as [*s, *t); 0 at the end. */
static int next_line(const char *text, size_t len, size_t *b, size_t *s, size_t *t)
{
    while (*b < len) {
        const char *p = memchr(text + *b, '\n', len - *b);
        size_t e = p ? (size_t)(p - text) : len;
        *s = *b;
        *t = e;
        *b = e + 1;
        while (*s < *t && is_ws((unsigned char)text[*s])) (*s)++;
        while (*t > *s && is_ws((unsigned char)text[*t - 1])) (*t)--;
        if (*s < *t) return 1;
    }
    return 0;
}

size_t nd_clean_address(const char *text, size_t len, const char **addr)
{
    size_t b = 0, s, t;
    for (int lines = 0; lines < 8 && next_line(text, len, &b, &s, &t); lines++)
        if (nd_looks_like_address(text + s, t - s)) {
            *addr = text + s;
            return t - s;
        }
    return 0;
}

/* "Related", "More from Business", "Most popular": a heading over a list of links (no "Read more: Title"). */
static int is_list_heading(const char *s, size_t n)
{
    size_t words = 1;
    while (n > 0 && (s[n - 1] == ':' || is_ws((unsigned char)s[n - 1]))) n--;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ':' || s[i] == '.' || s[i] == '!' || s[i] == '?') return 0;
        words += s[i] == ' ';
    }
    return n > 0 && words <= 5;
}

/* An item of such a list: a short line that is no sentence (a headline, a tag list). */
static int is_list_item(const char *s, size_t n)
{
    return n <= 120 && s[n - 1] != '.' && s[n - 1] != '!' && s[n - 1] != '?' && s[n - 1] != ':';
}

/* "Topics", "Tags:", "Explore more on these topics": a heading over a list of tags (on one line, or one to a line). */
static int is_tag_heading(const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == ':' || is_ws((unsigned char)s[n - 1]))) n--;
    return (n >= 6 && nd_ascii_prefix(s + n - 6, 6, "topics")) || (n >= 4 && nd_ascii_prefix(s + n - 4, 4, "tags"));
}

/* A tag under such a heading, one to a line: "Interest rates", "Inflation" (four words at most). */
static int is_tag(const char *s, size_t n)
{
    size_t words = 1;
    for (size_t i = 0; i < n; i++) words += s[i] == ' ';
    return words <= 4;
}

struct line { size_t s, t; nd_clutter c; };

/*
 * The rules over the lines L[0..nl) of 'text': each line's verdict in its
 * 'c'. Returns the index of the headline (the last kept line above the
 * first body paragraph), or nl.
 */
static size_t judge_lines(const char *text, struct line *L, size_t nl)
{
    int bio_next = 0, byline = 0;
    nd_clutter list = ND_CLUTTER_NONE;   /* the items under a heading of links (a run) or tags (one line) */
    size_t first_body = nl;
    for (size_t i = 0; i < nl; i++) {
        const char *s = text + L[i].s;
        size_t n = L[i].t - L[i].s;
        int in_tail = (i + 1) * 3 > nl * 2 && i > 0;
        L[i].c = bio_next ? ND_CLUTTER_BIO : classify_line(s, n, in_tail);
        if (L[i].c == ND_CLUTTER_NONE && byline && nd_is_byline_more(s, n)) L[i].c = ND_CLUTTER_BYLINE;
        /* "By Jane Doe", "By" alone (a scraper's line a link), "Par Marie Le Goff": more may follow */
        byline = L[i].c == ND_CLUTTER_BYLINE && (byline || nd_ascii_prefix(s, n, "by ") || n <= 3 || nd_looks_like_byline(s, n));
        int item = L[i].c == ND_CLUTTER_NONE && list != ND_CLUTTER_NONE && is_list_item(s, n);
        if (item) L[i].c = list;
        if (L[i].c == ND_CLUTTER_LINK && (item || is_list_heading(s, n))) list = ND_CLUTTER_LINK;
        else if (L[i].c == ND_CLUTTER_NAV && (is_tag_heading(s, n) || (item && is_tag(s, n)))) list = ND_CLUTTER_NAV;
        else list = ND_CLUTTER_NONE;
        bio_next = L[i].c == ND_CLUTTER_BIO && nd_ascii_prefix(s, n, "about the author");
        if (first_body == nl && L[i].c == ND_CLUTTER_NONE && looks_like_body(s, n)) first_body = i;
    }
    /*
     * The header zone: before the first body paragraph (and within the first
     * eight lines), the last kept line is the headline; other short kept
     * lines without figures that are not sentences are the site's name or
     * section labels ("City Lede", "WORLD NEWS | Asia").
     */
    size_t headline = nl;
    if (first_body < nl) {
        for (size_t i = 0; i < first_body && i < 8; i++)   /* "Monday, 4 November 2024" */
            if (L[i].c == ND_CLUTTER_NONE && nd_looks_like_date(text + L[i].s, L[i].t - L[i].s, 1)) L[i].c = ND_CLUTTER_BYLINE;
        for (size_t i = first_body; i-- > 0;)
            if (L[i].c == ND_CLUTTER_NONE) {
                headline = i;
                break;
            }
        for (size_t i = 0; i < first_body && i < 8; i++) {
            if (i == headline || L[i].c != ND_CLUTTER_NONE) continue;
            const char *s = text + L[i].s;
            size_t n = L[i].t - L[i].s, words = 1, digits = 0, cjk = 0;
            for (size_t k = 0; k < n; k++) {
                words += s[k] == ' ', digits += isdigit((unsigned char)s[k]) != 0;
                cjk += nd_cjk_at((const unsigned char *)s + k, n - k);   /* a lead byte: a character of 3 bytes */
            }
            words += cjk / 2;   /* Chinese and Japanese have no spaces: a word is about two characters */
            /* table rows and datelines carry figures; site names do not, and no figures come above them
               ("Nine mths" between the rows of an earnings table is a table's label) */
            if (digits) break;
            if (words <= 6 && !looks_like_body(s, n) && s[n - 1] != '.') L[i].c = ND_CLUTTER_SITE;
        }
    }
    return headline;
}

size_t nd_clean(const char *text, size_t len, nd_buf *out, nd_spans *removed, nd_spans *why)
{
    pthread_once(&phrase_once, index_phrases);
    nd_buf_reset(out);
    if (removed) removed->n = 0;
    if (why) why->n = 0;
    /* the non-blank lines, trimmed */
    struct line *L = NULL;
    size_t nl = 0, alloc = 0;
    for (size_t b = 0, s, t; next_line(text, len, &b, &s, &t);) {
        ND_GROW(L, nl + 1, alloc);
        L[nl++] = (struct line){ s, t, ND_CLUTTER_NONE };
    }
    size_t headline = judge_lines(text, L, nl);
    size_t head = 0;
    for (size_t i = 0; i < nl; i++) {
        if (L[i].c != ND_CLUTTER_NONE) {
            note(removed, why, L[i].s, L[i].t, L[i].c);
            continue;
        }
        size_t n = L[i].t - L[i].s;
        if (i == headline && !out->len && n <= 200 && text[L[i].t - 1] != '.') head = n;
        if (out->len) nd_buf_add(out, "\n\n", 2);
        nd_buf_add(out, text + L[i].s, n);
    }
    free(L);
    return head;
}

size_t nd_page_rules(nd_page *p)
{
    pthread_once(&phrase_once, index_phrases);
    struct line *L = nd_xmalloc((p->n + 1) * sizeof(*L));
    for (size_t i = 0; i < p->n; i++) L[i] = (struct line){ p->b[i].off, p->b[i].off + p->b[i].len, ND_CLUTTER_NONE };
    size_t headline = judge_lines(p->text.data, L, p->n);
    for (size_t i = 0; i < p->n; i++) p->b[i].rule = (uint8_t)L[i].c;
    free(L);
    return headline;
}

/*
 * A heading over other stories' headlines that the rules do not take (as a
 * rule it moved the block model's verdicts on the blocks around it), the
 * whole line: "Trending Stories", "Most popular", "Meistgelesen", "Les plus
 * lus", "Lo más leído" (nd_word_in folds ASCII's case only: "Últimas" is
 * listed as written too).
 */
int nd_line_is_more_heading(const char *s, size_t n)
{
    static const char *const headings[] = {
        "trending stories", "trending articles", "trending news", "trending now", "trending", "popular stories",
        "most popular", "most popular stories", "most read", "most viewed", "latest stories", "top stories",
        "related internet links", "related links", "external links",
        "more stories", "more news", "latest news", "\xC3\xBAltimas noticias", "\xC3\x9Altimas noticias", "ultime notizie",
        "\xC3\xBAltimas not\xC3\xAD" "cias", "\xC3\x9Altimas not\xC3\xAD" "cias",
        "derni\xC3\xA8res actualit\xC3\xA9s", "derni\xC3\xA8res infos", "neueste artikel", "neueste nachrichten",
        "laatste nieuws", "senaste nytt", "meistgelesen", "meistgelesene artikel", "am meisten gelesen", "beliebteste artikel",
        "les plus lus", "les plus populaires", "lo m\xC3\xA1s le\xC3\xAD" "do", "m\xC3\xA1s le\xC3\xAD" "das",
        "las m\xC3\xA1s le\xC3\xAD" "das", "i pi\xC3\xB9 letti", "mais lidas", "as mais lidas", "meest gelezen",
        "najcz\xC4\x99\xC5\x9B" "ciej czytane", "najpopularniejsze", "mest l\xC3\xA4sta", "mest l\xC3\xA6ste", "mest leste",
        "luetuimmat", NULL };
    while (n > 0 && (s[n - 1] == ':' || s[n - 1] == ' ')) n--;
    return n >= 4 && n <= 24 && nd_word_in(headings, s, n);
}

/*
 * The heading of a press release's closing boilerplate: the issuer's
 * profile ("About Northwind Energy", "Über die Muster AG", "À propos de
 * Fnac"; the name capitalised) or its legal notice ("Forward-Looking
 * Statements", "Safe Harbor Statement", "Cautionary Note Regarding ...");
 * ND_CLUTTER_BIO and ND_CLUTTER_LEGAL, ND_CLUTTER_NONE for any other line.
 */
nd_clutter nd_line_closing_heading(const char *s, size_t n)
{
    static const char *const about[] = { "about ", "\xC3\xBC" "ber ", "\xC3\x9C" "BER ", "\xC3\xA0 propos de ", "\xC3\x80 propos de ",
                                         "acerca de ", "sobre ", "informazioni su ", NULL };
    static const char *const legal[] = { "forward-looking statements", "forward looking statements",
                                         "safe harbor statement", "safe harbour statement", "cautionary note regarding",
                                         "cautionary statement regarding", "cautionary statement", NULL };
    if (n < 6 || n > 80 || s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?') return ND_CLUTTER_NONE;
    while (n && (s[n - 1] == ':' || s[n - 1] == ' ')) n--;
    for (size_t k = 0; legal[k]; k++)
        if (nd_ascii_prefix(s, n, legal[k])) return ND_CLUTTER_LEGAL;
    size_t words = 1;
    for (size_t i = 0; i < n; i++) words += s[i] == ' ';
    if (words < 2 || words > 7) return ND_CLUTTER_NONE;
    for (size_t k = 0; about[k]; k++) {
        size_t l = strlen(about[k]);
        if (n > l && !strncasecmp(s, about[k], l)) {
            unsigned char c = (unsigned char)s[l];   /* a name: "About Northwind", not "About the study" */
            if (!(isupper(c) || c == 0xC3) || nd_ascii_prefix(s + l, n - l, "the ") || nd_ascii_prefix(s + l, n - l, "this ") ||
                nd_ascii_prefix(s + l, n - l, "these "))
                return ND_CLUTTER_NONE;
            return ND_CLUTTER_BIO;
        }
    }
    return ND_CLUTTER_NONE;
}

nd_clutter nd_sentence_clutter(const char *s, size_t n)
{
    pthread_once(&phrase_once, index_phrases);
    if (!n) return ND_CLUTTER_NONE;
    if (nd_looks_like_byline(s, n)) return ND_CLUTTER_BYLINE;
    skip_marker(&s, &n);
    return phrase_or_credit(s, n);
}

int nd_line_is_body(const char *s, size_t n)
{
    return looks_like_body(s, n);
}

int nd_line_is_address(const char *s, size_t n)
{
    return nd_looks_like_address(s, n);
}
