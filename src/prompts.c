/*
 * prompts.c -- a site speaking to its reader: cookie dialogs and their
 * tables, outdated-browser warnings, appeals for money, newsletter prompts,
 * paywall notices and meters, and the labels of its controls (share,
 * listen, follow, copy-link, an advertisement's, a multi-page article's, a
 * live blog's), in the languages of the stop-word lists.
 */
#define _GNU_SOURCE   /* memmem */
#include "lines.h"

#include <ctype.h>   /* isalnum, tolower */
#include <string.h>  /* memchr, memcmp, strlen */

/*
 * What a site says to its reader about itself, by the words of a line:
 * cookies, a pronoun of a site speaking to its reader (we, you, wir, Sie,
 * nous, vous ...), a word of the web, a browser, a word of being out of
 * date. Bits of enum prompt_words.
 */
enum prompt_words {
    PW_COOKIE = 1, PW_READER = 2, PW_WEB = 4, PW_BROWSER = 8, PW_OUTDATED = 16,
    PW_KIND = 32,    /* a cookie category: "Notwendige", "analytics", "Marketing" */
    PW_THIS = 64,    /* "this cookie", "diese Cookies", "ces cookies" */
    PW_TABLE = 128,  /* a cookie table's words: who sets it, how long it lives */
    PW_SAID = 256,   /* a reporting verb: a story about cookies */
    PW_THESE = 512,  /* a demonstrative (the table's; the line's PW_THIS when cookies follow it) */
    PW_PITCH = 1024, /* a site's pitch for money: subscribe, join, donate, support, abonnieren, suscríbete */
    PW_ADDRESS = 2048 /* the reader or the site, in more languages than PW_READER, not French's "du" */
};
static const char *const pw_cookies[] = { "cookie", "cookies", "hilfscookie", "cookielawinfo", NULL };
static const char *const pw_kinds[] = { "necessary", "essential", "functional", "analytics", "analytical", "performance",
                                        "marketing", "advertising", "advertisement", "statistics", "notwendig",
                                        "notwendige", "erforderlich", "erforderliche", "funktionale", "analytische",
                                        "statistik", "leistungs", "n\xC3\xA9" "cessaires", "fonctionnels",
                                        "analytiques", "publicitaires", "necesarias", "anal\xC3\xADticas",
                                        "publicitarias", NULL };
static const char *const pw_these[] = { "this", "these", "diese", "dieses", "ces", "ce", "cet", "esta", "estas", "este",
                                        "estos", NULL };
static const char *const pw_table[] = { "google", "youtube", "stripe", "piwik", "matomo", "php", "gdpr", "dsgvo",
                                        "plugin", "checkbox", "laufzeit", "lebensdauer", "speicherdauer", "duration",
                                        "expiry", "anbieter", "installed", NULL };
static const char *const pw_said[] = { "said", "says", "told", "according", "ruled", "announced", "reported", "sagte",
                                       "sagt", "teilte", "laut", "erkl\xC3\xA4rte", "urteilte", "selon", "dijo",
                                       "seg\xC3\xBAn", "afirm\xC3\xB3", "d\xC3\xA9" "clar\xC3\xA9", "detto", "disse", "zei",
                                       "sade", NULL };
static const char *const pw_readers[] = { "we", "our", "us", "you", "your", "wir", "uns", "unser", "unsere", "unserer",
                                          "unseren", "unserem", "unseres", "du", "dir", "dein", "deine", "deinen", "euer",
                                          "eure", "euren", "nous", "notre", "nos", "vous", "votre", "vos", "usamos",
                                          "utilizamos", "nuestro", "nuestra", "nuestros", "nuestras", "usted", NULL };
/* German's polite "you", capitalised ("sie", "ihre": they, their) */
static const char *const pw_polite[] = { "Sie", "Ihr", "Ihre", "Ihren", "Ihrer", "Ihrem", "Ihnen", NULL };
static const char *const pw_web[] = { "website", "websites", "webseite", "webseiten", "site", "sites", "seite", "browser",
                                      "domain",
                                      "navegador", "navigateur", "sitio", "analytics", "tracking", "einstellungen",
                                      "settings", "preferences", "pr\xC3\xA9" "f\xC3\xA9rences", "consent",
                                      "einwilligung", "zustimmung", "consentement", "consentimiento", "dienste",
                                      "services", "servicios", "enable", "disable", "aktivieren", "deaktivieren",
                                      "blockieren", "akzeptieren", "accepter", "aceptar", "nutzung", "navigation", NULL };
static const char *const pw_browsers[] = { "browser", "browsers", "webbrowser", NULL };
static const char *const pw_outdated[] = { "outdated", "veraltet", "veralteten", "veralteter", "unsupported", "supported",
                                           "support",   /* "You are using a browser version with limited support for CSS." */
                                           "unterst\xC3\xBCtzt", "upgrade",
                                           "aktualisieren", "neueren", "newer", "obsolete", "obsol\xC3\xA8te",
                                           "desactualizado", "actualiza", "actualice",
                                           /* or asks to send its news: "Dürfen wir Sie in Ihrem Browser ... informieren?" */
                                           "benachrichtigung", "benachrichtigungen", "notification", "notifications",
                                           "notificaciones", NULL };
static const char *const pw_pitches[] = {
    "subscribe", "subscription", "subscriptions", "subscriber", "subscribers", "subscribing", "join", "joining",
    "member", "members", "membership", "donate", "donating", "donation", "donations", "contribute", "contributing",
    "contribution", "contributions", "support", "supporting", "supporter", "supporters", "enjoy", "abo", "abos",
    "abonnieren", "abonniere", "abonnent", "abonnenten", "abonnement", "abonnements", "abonnez", "abonner", "abonn\xC3\xA9",
    "abonn\xC3\xA9s", "abonnee", "unterst\xC3\xBCtzen", "unterst\xC3\xBCtze", "unterst\xC3\xBCtzt", "unterst\xC3\xBC" "tzung",
    "spende", "spenden", "suscr\xC3\xAD" "bete", "suscribirse", "suscripci\xC3\xB3n", "suscriptor", "suscriptores", "apoyo",
    "apoya", "ap\xC3\xB3yanos", "apoyar", "socio", "socia", "soutenez", "soutenir", "soutien", "assine",
    "assinatura", "assinante", "assinantes", "apoie", "doa\xC3\xA7\xC3\xA3o", "abbonati", "abbonamento", "abbonarsi",
    "sostieni", "sostenere", "sostegno", "donazione", "steun", "steunen", "lid", "prenumerera", "prenumeration",
    "prenumerant", "prenumeruj", "prenumerata", "st\xC3\xB6" "d", "st\xC3\xB6tta", "st\xC3\xB8tte", "tilaa",
    "tilaajaksi", "wesprzyj", "wsparcie", NULL };
static const char *const pw_address[] = {
    "you", "your", "yours", "yourself", "our", "us", "we", "uns", "unser", "unsere", "unseren", "unserem", "unserer",
    "unseres", "dir", "dein", "deine", "deinen", "euch", "vous", "votre", "vos", "nous", "notre", "nos", "tu", "tus",
    "te", "nuestro", "nuestra", "nuestros", "nuestras", "usted", "ustedes", "ci", "nostro", "nostra", "nostri", "voi",
    "voc\xC3\xAA", "voc\xC3\xAA" "s", "nosso", "nossa", "u", "uw", "ons", "onze", "jij", "jouw", "oss", "v\xC3\xA5r",
    "v\xC3\xA5rt", "v\xC3\xA5ra", "dig", "din", "ditt", "dina", "meit\xC3\xA4", "meid\xC3\xA4n", "nas", "nasz",
    "nasze", "swoj\xC4\x85", "twoj\xC4\x85", "twoje", "tw\xC3\xB3j", NULL };
static nd_strmap prompt_kinds;   /* word -> enum prompt_words bits */

void nd_prompt_index(void)
{
    const char *const *prompts[] = { pw_cookies, pw_kinds, pw_these, pw_table, pw_said, pw_readers, pw_web, pw_browsers,
                                     pw_outdated, pw_pitches, pw_address };
    const uint32_t prompt_bits[] = { PW_COOKIE, PW_KIND, PW_THESE, PW_TABLE, PW_SAID, PW_READER, PW_WEB, PW_BROWSER,
                                     PW_OUTDATED, PW_PITCH, PW_ADDRESS };
    nd_index_word_lists(&prompt_kinds, prompts, prompt_bits, sizeof(prompts) / sizeof(prompts[0]));
}
static unsigned prompt_words(const char *s, size_t n)
{
    unsigned got = 0;
    int after_this = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && !isalnum((unsigned char)s[i]) && (unsigned char)s[i] < 0x80) i++;
        size_t b = i;
        while (i < n && (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)) i++;
        size_t len = i - b;   /* "Performance-Cookies": the hyphen ends a word */
        if (!len) continue;
        uint32_t kind = nd_word_kind(&prompt_kinds, s + b, len);
        if (kind & PW_COOKIE) got |= after_this ? PW_THIS : 0;
        after_this = (kind & PW_THESE) != 0;
        got |= kind & ~(unsigned)PW_THESE;
        for (size_t k = 0; pw_polite[k] && (s[b] == 'S' || s[b] == 'I'); k++)
            if (strlen(pw_polite[k]) == len && !memcmp(pw_polite[k], s + b, len)) got |= PW_READER | PW_ADDRESS;
    }
    return got;
}
/*
 * A site's prompt to its reader that no stock phrase opens: a cookie
 * dialog's text ("This means that every time you visit this website you
 * will need to enable or disable cookies again", "Die Performance-Cookies
 * helfen darüber hinaus die Nutzung von oetker.de zu analysieren, damit
 * wir ..."; a dialog's categories are long), cookies beside a reader and a
 * word of the web; a category or a cookie table's row that names no reader
 * ("Notwendige Cookies sind für ... der Website absolut notwendig.", "The _ga
 * cookie, installed by Google Analytics, ..."), cookies beside a word of the
 * web or the table and one more sign, and no reporting verb; or a warning that the reader's browser is out of date
 * ("Dein Browser ist leider veraltet.", "You are using an outdated
 * browser", or one that asks to send notifications through it), or that
 * it runs no JavaScript ("Aktivieren Sie Javascript jetzt, um unsere
 * Artikel wieder lesen zu können."). Not a recipe's cookies (no web), not
 * a story on cookie law or on browsers (which says "websites" and "users",
 * not "we" and "you").
 * Read on the blocks a page's story kept (story.c), not as a rule over
 * every line: as a rule it changed verdicts the block models learn from,
 * and their held-out F1 fell (HTML 0.9371 -> 0.9365, w3m 0.8977 -> 0.8965).
 */
int nd_looks_like_site_prompt(const char *s, size_t n)
{
    const unsigned cookie = PW_COOKIE | PW_READER | PW_WEB, browser = PW_BROWSER | PW_READER | PW_OUTDATED;
    /* "Browser", "browser": one search per block (the other languages' words are rare) */
    unsigned want = (n >= 20 && n <= 800 && memmem(s, n, "ookie", 5) ? cookie : 0) |
                    (n <= 300 && memmem(s, n, "rowser", 6) ? browser : 0);
    int script = 0;   /* "JavaScript", "Javascript": one search for both */
    for (const char *c = n <= 300 ? memmem(s, n, "cript", 5) : NULL; c && !script; c = memmem(c + 1, (size_t)(s + n - c - 1), "cript", 5))
        script = c - s >= 4 && !memcmp(c - 4, "ava", 3) && (c[-1] == 's' || c[-1] == 'S');
    if (!want && !script) return 0;
    unsigned w = prompt_words(s, n);
    /* "Sie haben Javascript für Ihren Browser deaktiviert.", "Please enable JavaScript to view ...": a reader, a word of the web */
    if (script && (w & (PW_READER | PW_WEB)) == (PW_READER | PW_WEB) && !(w & PW_SAID)) return 1;
    if ((want & PW_COOKIE) && (w & PW_COOKIE) && !(w & PW_SAID) && (w & (PW_WEB | PW_TABLE))) {
        /* a consent dialog's category or a cookie table's row: a word of the web or of the table, and another */
        unsigned sig = w & (PW_KIND | PW_THIS | PW_TABLE | PW_WEB | PW_READER);
        if (sig & (sig - 1)) return 1;
    }
    return ((want & PW_COOKIE) && (w & cookie) == cookie) || ((want & PW_BROWSER) && (w & browser) == browser);
}
/* "Page 2 of 3", "Seite 2 von 3", "Página 2 de 3": a multi-page article's counter, alone on its line. */
static int page_counter(const char *s, size_t n)
{
    static const char *const pages[] = { "page ", "seite ", "p\xC3\xA1gina ", "pagina ", "strona ", "sida ", "side ", NULL };
    static const char *const ofs[] = { " of ", " von ", " de ", " sur ", " di ", " van ", " z ", " av ", " af ", "/", NULL };
    size_t k = 0, i;
    while (pages[k] && !nd_ascii_prefix(s, n, pages[k])) k++;
    if (!pages[k] || n > 40) return 0;
    for (i = strlen(pages[k]); i < n && isdigit((unsigned char)s[i]);) i++;
    if (i == strlen(pages[k])) return 0;
    for (k = 0; ofs[k] && !nd_ascii_prefix(s + i, n - i, ofs[k]); k++) {}
    if (!ofs[k]) return 0;
    size_t d = i + strlen(ofs[k]), e = d;
    while (e < n && isdigit((unsigned char)s[e])) e++;
    while (e < n && (s[e] == ' ' || s[e] == '.' || s[e] == ':')) e++;
    return e > d && e == n;
}
/*
 * A control's label in the other languages: "share this article", alone
 * or before its buttons ("Comparte esta noticia", "Teilen Sie diesen
 * Artikel", "Partager cet article", "Compartir en Facebook"), "listen to
 * this article" ("Artikel anhören", "Écouter cet article"), a multi-page
 * article's ("Page 2 of 3", "Next page", "Nächste Seite"), a live blog's
 * ("Live", "Key events", "Liveticker"). Read on the
 * blocks the block model kept: as line rules they moved the verdicts it
 * learned on the blocks around them.
 */
nd_clutter nd_line_button(const char *s, size_t n)
{
    static const char *const labels[] = {
        "comparte esta noticia", "comparte este art\xC3\xAD" "culo", "compartir esta noticia",
        "compartir este art\xC3\xAD" "culo", "compartir nota", "compartir en ", "teilen sie diesen artikel",
        "teilen sie dies", "teilen mit:", "teilen auf ", "teilen per ", "artikel teilen", "diesen artikel teilen",
        "partager cet article", "partagez cet article", "condividi questo articolo", "condividi su ",
        "compartilhe esta not\xC3\xAD" "cia", "partilhe este artigo", "deel dit artikel", "deel dit bericht",
        "udost\xC4\x99pnij na ", "dela artikeln", "del artiklen", "artikel anh\xC3\xB6ren", "artikel vorlesen",
        "beitrag anh\xC3\xB6ren", "\xC3\xA9" "couter cet article", "\xC3\x89" "couter cet article",
        "\xC3\xA9" "couter l'article", "\xC3\x89" "couter l'article", "escuchar art\xC3\xAD" "culo",
        "escuchar la noticia", "ascolta l'articolo", "ouvir artigo", "compartilhe", "partagez", "comparte",
        "lyssna p\xC3\xA5 artikeln", "lyt til artiklen", "lytt til artikkelen", "kuuntele artikkeli",
        "pos\xC5\x82uchaj artyku\xC5\x82u", "luister naar dit artikel", "luister naar het artikel",
        /* "follow us" */
        "obserwuj nas", "folge uns", "folgen sie uns", "suivez-nous", "s\xC3\xAD" "guenos", "seguici", "siga-nos",
        "volg ons", "f\xC3\xB6lj oss", "f\xC3\xB8lg os", "f\xC3\xB8lg oss", "seuraa meit\xC3\xA4",
        /* "copy link" */
        "copiar enlace", "copiar el enlace", "enlace copiado", "copiar link", "link kopieren", "link kopiert",
        "copier le lien", "lien copi\xC3\xA9", "copia link", "copia il link", "link copiato", "kopieer link",
        "link kopi\xC3\xABren", "kopiera l\xC3\xA4nk", "kopier link", "kopioi linkki", "kopiuj link",
        /* a permanent or short link to the article: "Permalink: https://...", "Permalien https://p.dw.com/p/RPYx" */
        "permalink", "permalien", "kurzlink", "kurz-url", "short link", "short url", NULL };
    static const char *const ads[] = {   /* an advertisement's label, alone on its line */
        "anzeige", "werbung", "publicit\xC3\xA9", "publicidad", "publicidade", "pubblicit\xC3\xA0", "advertentie",
        "reclame", "annons", "annonse", "annonce", "reklame", "reklama", "mainos", "advertisement", "sponsored",
        "gesponsert", "patrocinado", "sponsoris\xC3\xA9", "\xD0\xA0\xD0\xB5\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xBC\xD0\xB0",
        "\xD1\x80\xD0\xB5\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xBC\xD0\xB0", NULL };   /* Реклама, реклама */
    static const char *const after_ad[] = {   /* the story goes on after an advertisement */
        "continua ap\xC3\xB3s a publicidade", "continua depois da publicidade", "continua ap\xC3\xB3s o an\xC3\xBA" "ncio",
        "sigue despu\xC3\xA9s de la publicidad", "contin\xC3\xBA" "a despu\xC3\xA9s del anuncio", "continua dopo la pubblicit\xC3\xA0",
        "der artikel geht nach der anzeige weiter", "der artikel geht unter der anzeige weiter", "artikel geht weiter nach",
        "l'article continue apr\xC3\xA8s la publicit\xC3\xA9", "la suite de l'article apr\xC3\xA8s", "het artikel gaat verder na", NULL };
    static const char *const paging[] = {   /* a multi-page article's links */
        "next page", "previous page", "continue to page", "go to page", "n\xC3\xA4" "chste seite", "vorherige seite",
        "weiter auf seite", "weiter zu seite", "zur n\xC3\xA4" "chsten seite", "page suivante", "page pr\xC3\xA9" "c\xC3\xA9" "dente",
        "p\xC3\xA1gina siguiente", "p\xC3\xA1gina anterior", "pagina successiva", "pagina precedente", NULL };
    static const char *const live[] = {   /* a live blog's labels and controls, alone on their line */
        "live", "live updates", "live blog", "liveblog", "key events", "show key events only", "liveticker",
        "live-ticker", "newsticker", "en direct", "en vivo", "ao vivo", "in diretta", NULL };
    if (n >= 4 && n <= 20 && nd_word_in(live, s, n)) return ND_CLUTTER_NAV;
    if (n < 6 || n > 100) return ND_CLUTTER_NONE;
    if (page_counter(s, n)) return ND_CLUTTER_NAV;
    if (n < 16 && nd_word_in(ads, s, n)) return ND_CLUTTER_AD;
    if (memchr(s, 'x', n) && ((memmem(s, n, "xternal", 7) && memmem(s, n, "responsib", 9)) ||
                              (memmem(s, n, "xtern", 5) && memmem(s, n, "verantwortlich", 14))))
        return ND_CLUTTER_LEGAL;   /* "The BBC is not responsible for the content of external sites." */
    unsigned char c = (unsigned char)s[0] < 0x80 ? (unsigned char)tolower((unsigned char)s[0]) : (unsigned char)s[0];
    for (size_t k = 0; after_ad[k] && n < 60; k++)
        if ((unsigned char)after_ad[k][0] == c && nd_ascii_prefix(s, n, after_ad[k])) return ND_CLUTTER_AD;
    for (size_t k = 0; labels[k]; k++)
        if ((unsigned char)labels[k][0] == c && nd_ascii_prefix(s, n, labels[k])) return ND_CLUTTER_SOCIAL;
    for (size_t k = 0; paging[k] && n < 40; k++)   /* "Next page »", not "Next page turners for the summer ..." */
        if ((unsigned char)paging[k][0] == c && nd_ascii_prefix(s, n, paging[k])) return ND_CLUTTER_NAV;
    return ND_CLUTTER_NONE;
}
/* A quotation mark in s[0..n): ", “, „, « (someone's words: a story reports them). */
static int has_quotation(const char *s, size_t n)
{
    if (memchr(s, '"', n)) return 1;
    for (const unsigned char *u = (const unsigned char *)s, *end = u + n; u + 1 < end; u++)
        if ((u[0] == 0xE2 && u + 2 < end && u[1] == 0x80 && (u[2] == 0x9C || u[2] == 0x9E)) || (u[0] == 0xC2 && u[1] == 0xAB))
            return 1;
    return 0;
}
/*
 * A metered wall's offer of a number of free articles in 80 bytes that
 * report no one's words: "Registrate para acceder a 10 artículos gratis por
 * mes", not "The paper will offer readers 10 free articles a month, its
 * editor said."
 */
static int free_read_offer(const char *s, size_t n)
{
    static const char *const offers[] = {
        "free article", "art\xC3\xAD" "culos gratis", "artigos gr\xC3\xA1tis", "articles gratuits", "kostenlose artikel",
        "artikel kostenlos", "articoli gratuiti", "articoli gratis", "gratis artikel", NULL };
    if (n > 80) return 0;
    size_t digit = 0;
    while (digit < n && !isdigit((unsigned char)s[digit])) digit++;
    if (digit == n) return 0;
    char low[80];
    for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)s[i]);
    for (size_t k = 0; offers[k]; k++)
        if (memmem(low, n, offers[k], strlen(offers[k]))) {
            nd_lines_init();
            return !has_quotation(s, n) && !(prompt_words(s, n) & PW_SAID);
        }
    return 0;
}
/*
 * A paywall's notice or label: "Article réservé aux abonnés", "El
 * contenido al que quiere acceder es exclusivo para suscriptores.",
 * "Subscriber exclusive", "Este audio es una característica exclusiva para
 * suscripciones.", and a metered wall's offer of free articles
 * (free_read_offer). A short line with a subscriber's word, such a phrase
 * and a word for what is withheld (article, content, Artikel, contenido,
 * audio, ...) or four words at most: "The channel is available to
 * subscribers only." is a story's sentence.
 */
int nd_line_is_paywall(const char *s, size_t n)
{
    static const char *const notices[] = {
        "subscribers only", "subscriber exclusive", "subscriber-only", "exclusive to subscribers",
        "subscribe to read", "subscribe to continue",
        "r\xC3\xA9serv\xC3\xA9 aux abonn\xC3\xA9s", "nur f\xC3\xBCr abonnenten", "exklusiv f\xC3\xBCr abonnenten",
        "exclusivo para suscriptores", "exclusivo para assinantes", "exclusivo para assinante",
        "exclusiva para suscriptores", "exclusiva para suscripciones", "exclusivo para suscripciones",
        "exclusiva para assinantes", "riservato agli abbonati", "riservata agli abbonati", "esclusivo per gli abbonati",
        "esclusiva per gli abbonati", "exclusief voor abonnees", "alleen voor abonnees",
        "tylko dla subskrybent", "endast f\xC3\xB6r prenumeranter", "kun for abonnenter", "vain tilaajille",
        "r\xC3\xA9serv\xC3\xA9" "e aux abonn\xC3\xA9s", "exclusively to subscribers", "exclusively for subscribers", NULL };
    static const char *const reading[] = {   /* the rest of it, with a subscription: ten words suffice */
        "read the rest", "continue reading", "keep reading", "weiterlesen", "sigue leyendo", "seguir leyendo",
        "continua a leggere", "continue a ler", "lees verder", "verder lezen", "lire la suite", "la suite est", NULL };
    static const char *const meters[] = {   /* "Vous avez lu 30% de cet article." */
        "% de cet article", "% of this article", "% dieses artikels", "% de este art\xC3\xAD" "culo",
        "% di questo articolo", "% deste artigo", NULL };
    static const char *const withheld[] = { "article", "story", "content", "artikel", "beitrag", "inhalt",
                                            "contenu", "contenido", "art\xC3\xAD" "culo", "nota", "conte\xC3\xBA" "do",
                                            "mat\xC3\xA9ria", "contenuto", "articolo", "artigo", "tekst", "audio",
                                            "podcast", NULL };
    static const char *const stems[] = { "subscri", "abonn", "suscrip", "assinant", "assinatura", "abbona", "l'abbona",
                                         "prenumer", "tilaaj", "subskryb", NULL };
    if (n < 10 || n > 120) return 0;
    for (const char *pc = memchr(s, '%', n); pc; pc = memchr(pc + 1, '%', (size_t)(s + n - pc - 1)))
        for (size_t k = 0; meters[k]; k++)
            if (nd_ascii_prefix(pc, (size_t)(s + n - pc), meters[k])) return 1;
    /* most lines have none of the words for a subscriber or a free read: a look at each word's start */
    int stem = 0, offer = 0;
    for (const char *w = s, *end = s + n; w && !stem; w = memchr(w, ' ', (size_t)(end - w))) {
        w += *w == ' ';
        if (end - w < 5) break;
        char c = (char)(w[0] | 0x20), d = (char)(w[1] | 0x20);
        if (c == 's' || c == 'a' || c == 'p' || c == 't' || c == 'l')
            for (size_t k = 0; stems[k] && !stem; k++)
                stem = c == stems[k][0] && d == stems[k][1] && nd_ascii_prefix(w, (size_t)(end - w), stems[k]);
        else if (n <= 80 && (c == 'f' || c == 'g' || c == 'k'))   /* free, gratis, gratuits, grátis, kostenlos */
            offer |= nd_ascii_prefix(w, (size_t)(end - w), "free ") || nd_ascii_prefix(w, (size_t)(end - w), "grat") ||
                     nd_ascii_prefix(w, (size_t)(end - w), "gr\xC3\xA1t") || nd_ascii_prefix(w, (size_t)(end - w), "kostenlos");
    }
    if (offer && free_read_offer(s, n)) return 1;
    if (!stem) return 0;
    char low[121];
    size_t words = 1;
    for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)s[i]), words += s[i] == ' ';
    size_t k = 0;
    while (notices[k] && !memmem(low, n, notices[k], strlen(notices[k]))) k++;
    if (!notices[k]) {
        for (k = 0; reading[k] && words <= 10; k++)
            if (memmem(low, n, reading[k], strlen(reading[k]))) return 1;
        return 0;
    }
    if (words <= 4) return 1;
    for (k = 0; withheld[k]; k++)
        if (nd_has_phrase(low, n, withheld[k])) return 1;
    return 0;
}
/*
 * A site's appeal to its reader for money: "When you join The Haitian
 * Times family, you'll get unlimited digital access ...", "If you value
 * our reporting, please consider making a contribution.", "Unterstützen
 * Sie unabhängigen Journalismus mit einem Abo.", "Abonnez-vous pour lire la
 * suite ...". A block of 400 bytes at most that pitches (subscribe, join,
 * donate, support, in the languages of the dates) journalism or access to
 * it, speaks to the reader or as the site ("you", "our", "Sie", "nos"),
 * and reports no one's words (no quotation marks, no "said"): "The
 * foundation will support local journalism, she said." is a story's.
 */
int nd_line_is_appeal(const char *s, size_t n)
{
    /* a first look for what it asks for, without a first letter that may be a capital ("Journalismus"), as
       reading every sentence's words cost process 0.9% */
    static const char *const hints[] = { "ournalis", "eriodis", "eporting", "ewsroom", "limit", NULL };
    static const char *const goods[] = { "journalism", "journalistiek", "journalistik", "giornalismo", "jornalismo",
                                         "periodismo", "reporting", "newsroom", "unlimited digital", "unlimited access to our",
                                         "unlimited access to all", "acceso ilimitado", "accesso illimitato",
                                         "acesso ilimitado", "acc\xC3\xA8s illimit\xC3\xA9", NULL };
    if (n < 20 || n > 400 || !strchr(".!?", s[n - 1])) return 0;   /* sentences: not a table's rows */
    size_t k = 0;
    while (hints[k] && !memmem(s, n, hints[k], strlen(hints[k]))) k++;
    if (!hints[k]) return 0;
    nd_lines_init();
    unsigned w = prompt_words(s, n);
    if ((w & (PW_PITCH | PW_ADDRESS | PW_SAID)) != (PW_PITCH | PW_ADDRESS) || has_quotation(s, n)) return 0;
    char low[400];
    for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)s[i]);
    for (k = 0; goods[k]; k++)
        if (memmem(low, n, goods[k], strlen(goods[k]))) return 1;
    return 0;
}
/* Does s[0..n) hold w, whose first letter is a capital? (memchr for that capital is cheaper than memmem) */
static int has_capital_word(const char *s, size_t n, const char *w)
{
    size_t l = strlen(w);
    for (const char *q = s, *end = s + n; (q = memchr(q, w[0], (size_t)(end - q))) && (size_t)(end - q) >= l; q++)
        if (!memcmp(q, w, l)) return 1;
    return 0;
}
/*
 * A newsletter's prompt that the block model kept: "Get ABC7's top stories
 * delivered to your inbox every morning", "Headlines Delivered to Your
 * Inbox", "Hol dir nachhaltige Trends ... direkt in dein Postfach.", "Get
 * the inside scoop ... with our FREE daily newsletter", "Receba as
 * notícias do Jornal do Vale no seu WhatsApp". 300 bytes at most
 * that bring something to the reader's inbox ("to your inbox", "in dein
 * Postfach"), or name a newsletter while speaking to the reader or as the
 * site, or a messenger's channel or news in 160 bytes, and report and
 * quote no one ("Our newsletter reached two million readers, the company
 * said." is a story's).
 */
int nd_line_is_newsletter(const char *s, size_t n)
{
    static const char *const inbox[] = { "to your inbox", "in your inbox every", "dein postfach", "ihr postfach",
                                         "deinen posteingang", "ihren posteingang", "in je inbox", NULL };
    static const char *const news[] = { "channel", "kanal", "canal", "canale", "news", "not\xC3\xAD" "cias", "noticias",
                                        "nachrichten", "actualit\xC3\xA9s", "notizie", "nieuws", NULL };
    if (n < 16 || n > 300) return 0;
    /* a first look, as for appeals: an inbox, a newsletter, a German Postfach or Posteingang, a messenger */
    /* the Nordic "nyhetsbrev", "nyhedsbrev" only where the text has Latin-1's letters (å, ä, ø: C3 ..), as a look costs */
    int letter = memmem(s, n, "ewsletter", 9) || (memchr(s, 0xC3, n) && memmem(s, n, "brev", 4));
    int chat = !letter && n <= 160 && (has_capital_word(s, n, "WhatsApp") || has_capital_word(s, n, "Telegram"));
    if (!letter && !chat && !memmem(s, n, "nbox", 4) && !memmem(s, n, "ostfach", 7) && !memmem(s, n, "osteingang", 10))
        return 0;
    nd_lines_init();
    unsigned w = prompt_words(s, n);
    if ((w & PW_SAID) || has_quotation(s, n)) return 0;
    char low[300];
    for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)s[i]);
    for (size_t k = 0; inbox[k]; k++)
        if (memmem(low, n, inbox[k], strlen(inbox[k]))) return 1;
    for (size_t k = 0; news[k] && chat; k++)   /* "Receba as notícias no seu WhatsApp", "Join our WhatsApp channel" */
        if (nd_has_phrase(low, n, news[k])) return 1;
    return letter && (w & PW_ADDRESS);
}
int nd_line_is_site_prompt(const char *s, size_t n)
{
    nd_lines_init();
    /* a disclosure over a review's links: "This post contains references to products from one or more of our
       advertisers. We may receive compensation ..."; a blog's sign-up box wherever it stands: "Um neue Beiträge
       per E-Mail zu erhalten, hier die E-Mail-Adresse eingeben." */
    if (n <= 400 && memmem(s, n, "of our advertisers", 18)) return 1;
    if (n <= 160 && memmem(s, n, "Adresse eingeben", 16) && memmem(s, n, "-Mail", 5)) return 1;
    return nd_looks_like_site_prompt(s, n);
}
