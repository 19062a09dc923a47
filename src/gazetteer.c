/*
 * gazetteer.c -- place names, demonyms and cities mapped to regions.
 *
 * Phrases are normalised with the document tokenizer (so "Côte d'Ivoire"
 * and "COTE D'IVOIRE" meet) and matched longest first. The all-caps word
 * "US" is read as "u.s" (the country), the lower-case "us" is a pronoun.
 */
#include "text.h"

#include <stdlib.h>  /* free */

/* A domain label, lower case, into dst (room for 64 bytes); 0 when empty or too long. */
static size_t domain_label(char *dst, const char *s, size_t n)
{
    if (n == 0 || n >= 64) return 0;
    for (size_t i = 0; i < n; i++) dst[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    return n;
}

static int region_index(nd_gazetteer *g, const char *name, size_t len)
{
    for (size_t i = 0; i < g->nregions; i++)
        if (strlen(g->regions[i]) == len && memcmp(g->regions[i], name, len) == 0) return (int)i;
    g->regions = nd_xrealloc(g->regions, (g->nregions + 1) * sizeof(*g->regions));
    g->regions[g->nregions] = nd_xstrndup(name, len);
    return (int)g->nregions++;
}

nd_status nd_gazetteer_parse(nd_gazetteer *g, const char *text, size_t len, nd_tokenizer *t, nd_err *err)
{
    memset(g, 0, sizeof(*g));
    g->country = -1;
    nd_strmap_init(&g->map);
    nd_strmap_init(&g->first);
    nd_strmap_init(&g->domains);
    nd_buf_init(&g->source);
    nd_buf_add(&g->source, text, len);
    nd_tokens tk;
    nd_tokens_init(&tk);
    nd_buf key;
    nd_buf_init(&key);
    long lineno = 0;
    nd_status st = ND_OK;
    for (size_t b = 0; b < len;) {
        const char *nl = memchr(text + b, '\n', len - b);
        size_t e = nl ? (size_t)(nl - text) : len;
        const char *s = text + b;
        size_t n = e - b;
        b = e + 1;
        lineno++;
        if (n == 0 || s[0] == '#') continue;
        const char *tab = memchr(s, '\t', n);
        if (!tab) {
            st = nd_fail(err, ND_ERR_FORMAT, "gazetteer line %ld: expected 'place<TAB>region'", lineno);
            break;
        }
        const char *r = tab + 1;
        const char *rend = memchr(r, '\t', (size_t)(s + n - r));
        uint32_t mark = 0;   /* a third column: "state" or "country", and "name" */
        if (rend) {
            for (const char *k = rend + 1; k < s + n;) {
                size_t kl = 0;
                while (k + kl < s + n && k[kl] != ' ' && k[kl] != ',' && k[kl] != '\r') kl++;
                if (kl == 5 && memcmp(k, "state", 5) == 0) mark |= ND_GEO_STATE;
                if (kl == 7 && memcmp(k, "country", 7) == 0) mark |= ND_GEO_COUNTRY;
                if (kl == 4 && memcmp(k, "name", 4) == 0) mark |= ND_GEO_NAME;
                k += kl + 1;
            }
        } else {
            rend = s + n;
        }
        while (rend > r && (rend[-1] == '\r' || rend[-1] == ' ')) rend--;
        if (rend == r) continue;
        if (rend - r > ND_REGION_MAX) {
            st = nd_fail(err, ND_ERR_FORMAT, "gazetteer line %ld: region name longer than %d bytes", lineno, ND_REGION_MAX);
            break;
        }
        int region = region_index(g, r, (size_t)(rend - r));
        if (s[0] == '.') {   /* a country-code domain: ".au" */
            char label[64];
            size_t ll = domain_label(label, s + 1, (size_t)(tab - s) - 1);
            if (!ll) {
                st = nd_fail(err, ND_ERR_FORMAT, "gazetteer line %ld: expected a domain label after '.'", lineno);
                break;
            }
            nd_strmap_put(&g->domains, label, ll, (uint32_t)region, NULL);
            continue;
        }
        nd_tokens_reset(&tk);
        nd_tokenize(t, s, (size_t)(tab - s), 0, 0, &tk);
        size_t sl = (size_t)(tab - s);
        const unsigned char *u = (const unsigned char *)s;
        if (tk.n == 0 && ((sl == 2 && u[0] == 0xC2) || (sl == 3 && u[0] == 0xE2 && u[1] == 0x82)) &&
            g->nmoney < ND_GEO_MONEY && region < 64) {   /* a currency's sign: Latin-1's "£", "¥" or U+20A0-20BF "€" */
            memcpy(g->money[g->nmoney].sym, s, sl);
            g->money[g->nmoney].len = (uint8_t)sl;
            g->money[g->nmoney++].region = (uint16_t)region;
            continue;
        }
        if (tk.n == 0) continue;
        nd_buf_reset(&key);
        for (size_t i = 0; i < tk.n; i++) {
            if (i) nd_buf_addc(&key, ' ');
            nd_buf_add(&key, nd_tok_word(&tk, i), tk.v[i].len);
        }
        nd_strmap_put(&g->map, key.data, key.len, (uint32_t)region | mark, NULL);
        if (key.len == 13 && memcmp(key.data, "united states", 13) == 0) g->country = region;
        size_t fe = nd_strmap_put(&g->first, nd_tok_word(&tk, 0), tk.v[0].len, 0, NULL);
        if (g->first.values[fe] < tk.n) g->first.values[fe] = (uint32_t)tk.n;
        if ((int)tk.n > g->maxwords) g->maxwords = (int)tk.n;
    }
    nd_buf_release(&key);
    nd_tokens_release(&tk);
    if (st != ND_OK) nd_gazetteer_release(g);
    return st;
}

void nd_gazetteer_release(nd_gazetteer *g)
{
    if (!g->map.slots) return;
    nd_strmap_release(&g->map);
    nd_strmap_release(&g->first);
    nd_strmap_release(&g->domains);
    for (size_t i = 0; i < g->nregions; i++) free(g->regions[i]);
    free(g->regions);
    nd_buf_release(&g->source);
    memset(g, 0, sizeof(*g));
}

/*
 * The signs are two or three bytes of UTF-8 (a lead byte 0xC2 or 0xE2; the
 * three-byte ones all E2 82), found by their lead bytes: a curly quote (E2 80
 * 9C) costs a look at its second byte, a text without either byte none.
 * Before a digit only, the sign of an amount ("£600m", "€ 2bn"), not a price
 * list's header nor a word's ("Bar €").
 */
uint64_t nd_gazetteer_money(const nd_gazetteer *g, const char *text, size_t len)
{
    uint64_t seen = 0;
    if (!g->nmoney) return 0;
    for (int lead = 0xC2; lead <= 0xE2; lead += 0xE2 - 0xC2) {
        for (const char *p = text, *end = text + len; (p = memchr(p, lead, (size_t)(end - p))) != NULL; p++) {
            if (lead == 0xE2 && end - p > 1 && (unsigned char)p[1] != 0x82) continue;   /* a quote, a dash: E2 80 */
            for (size_t k = 0; k < g->nmoney; k++) {
                size_t sl = g->money[k].len;
                if ((size_t)(end - p) < sl + 1 || memcmp(p, g->money[k].sym, sl) != 0) continue;
                const char *q = p + sl;
                if (*q == ' ' && q + 1 < end) q++;
                if (*q >= '0' && *q <= '9') seen |= 1ull << g->money[k].region;
                break;
            }
        }
    }
    return seen;
}

int nd_gazetteer_outlet(const nd_gazetteer *g, const char *addr, size_t len)
{
    if (!g->domains.n) return -1;
    const char *p = addr, *end = addr + len;
    /* an archive's address holds the original one: the last "://" names the outlet */
    for (const char *q = addr; q + 3 <= end; q++)
        if (q[0] == ':' && q[1] == '/' && q[2] == '/') p = q + 3;
    const char *host = p;
    while (p < end && *p != '/' && *p != ':' && *p != '?' && *p != '#' && *p != ' ' && *p != '\t') p++;
    const char *dot = p;
    while (dot > host && dot[-1] != '.') dot--;
    if (dot == host) return -1;   /* no dot: not a host name */
    char label[64];
    size_t ll = domain_label(label, dot, (size_t)(p - dot));
    if (!ll) return -1;
    long e = nd_strmap_find(&g->domains, label, ll);
    return e < 0 ? -1 : (int)g->domains.values[e];
}

/* Streets named for a place: "Dresden Drive", "Paris Avenue". */
static const char *const street_words[] = { "street", "road", "avenue", "ave", "drive", "boulevard", "blvd", "lane",
                                            NULL };

/* A title before a name: "Mr Houston", "Dr. Kingston", "Mrs Paris" are people ("DR Congo", "Miss Peru" are not). */
static const char *const honorifics[] = { "mr", "mrs", "ms", "dr", "sir", "dame", "prof", "rev", "herr", "frau",
                                          "monsieur", "madame", "mme", "senor", "sra", "sr", NULL };

/* A town named for a place and a word more: "Panama City Beach, Florida", "Oxford Township, Michigan". */
static const char *const town_words[] = { "beach", "springs", "heights", "falls", "park", "hills", "township",
                                          "village", "junction", "center", "city", "valley", "lake", "harbor",
                                          "grove", "creek", NULL };

/* A state's name before an office is the office's: "in the letter to Iran, Arkansas Sen. Tom Cotton". */
static const char *const state_offices[] = { "sen", "senator", "gov", "governor", "rep", "representative",
                                             "attorney", "lt", "democrat", "democrats", "democratic", "republican",
                                             "republicans", "congressman", "congresswoman", NULL };

/* The Associated Press's abbreviations of the US states, as datelines write them: "ATHENS, Ga." */
static const char *const ap_states[] = { "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill",
                                         "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo",
                                         "mont", "neb", "nev", "n.h", "n.j", "n.m", "n.y", "n.c", "n.d", "okla",
                                         "ore", "pa", "r.i", "s.c", "s.d", "tenn", "vt", "va", "wash", "wis", "wyo",
                                         NULL };

/* Articles: "the Club" of "Paris Club" is no surname. */
static const char *const articles[] = { "the", "an", "der", "die", "das", "den", "dem", "des", "le", "la", "les", "el",
                                        "los", "las", "il", "lo", "gli", "os", "het", "een", NULL };

/*
 * Does the word at 's' stand elsewhere in the text, capitalised, first in
 * its sentence or after a title or a word in lower case but an article:
 * "Jordan Henderson ... Henderson said", "... captain Henderson", "Mr
 * Henderson"; not "the Paris Club ... the Club", nor "the 2000 Sydney
 * Olympics ... the Athens Olympics" (the other name a place's too).
 */
static int named_alone(const nd_tokens *tk, size_t s)
{
    const nd_token *ts = &tk->v[s];
    for (size_t i = 0; i < tk->n; i++) {
        const nd_token *t = &tk->v[i];
        if (i == s || t->hash != ts->hash || t->len != ts->len || (t->flags & (ND_TOK_CAP | ND_TOK_CAPS)) != ND_TOK_CAP ||
            memcmp(nd_tok_word(tk, i), nd_tok_word(tk, s), t->len) != 0)
            continue;
        const nd_token *pt = i > 0 && tk->v[i - 1].sent == t->sent ? &tk->v[i - 1] : NULL;
        if (!pt) return 1;
        const char *pw = nd_tok_word(tk, i - 1);
        if (pt->flags & (ND_TOK_CAP | ND_TOK_CAPS) ? nd_word_in(honorifics, pw, pt->len) : !nd_word_in(articles, pw, pt->len))
            return 1;
    }
    return 0;
}

/*
 * The hits [from, *nhits) read in their sentence: a place before a street
 * word or after a title ("Mr Houston") goes, and so does a given name before
 * a surname that the text names alone too ("Jordan Henderson ... Henderson");
 * a town (not a country, or one with a word of towns after it, "Panama City
 * Beach") before a comma and its state's name takes the state's region
 * ("Paris, Texas, police said"), unless a list of places goes on ("Dublin,
 * Texas and California"); before a state's abbreviation, the United States'
 * region ("ATHENS, Ga.", "Lebanon, N.H."). Compacted in place: hits[h - 1]
 * is hit h - 1 or its copy, the hits after h are as found.
 */
static void read_places(const nd_gazetteer *g, const nd_tokens *tk, nd_geo_hit *hits, size_t from, size_t *nhits)
{
    size_t out = from;
    for (size_t h = from; h < *nhits; h++) {
        nd_geo_hit hit = hits[h];
        size_t last = hit.tok + hit.nwords - 1, next = last + 1;
        const nd_token *lt = &tk->v[last], *nt = next < tk->n ? &tk->v[next] : NULL;
        if (nt && nt->sent != lt->sent) nt = NULL;
        if (nt && !(lt->flags & (ND_TOK_COMMA | ND_TOK_POINT)) && (nt->flags & ND_TOK_CAP) &&
            nd_word_in(street_words, nd_tok_word(tk, next), nt->len))
            continue;
        const nd_token *pt = hit.tok > 0 ? &tk->v[hit.tok - 1] : NULL;
        if (pt && pt->sent == tk->v[hit.tok].sent && (pt->flags & (ND_TOK_CAP | ND_TOK_CAPS)) == ND_TOK_CAP &&
            !(pt->flags & ND_TOK_COMMA) &&
            nd_word_in(honorifics, nd_tok_word(tk, hit.tok - 1), pt->len))
            continue;
        if ((hit.kind & ND_GEO_NAME >> ND_GEO_SHIFT) && hit.nwords == 1 && nt &&
            (lt->flags & (ND_TOK_SPACED | ND_TOK_CAPS)) == ND_TOK_SPACED &&
            nt->src == lt->src + lt->len + 1u && (nt->flags & (ND_TOK_CAPS | ND_TOK_STOP)) == 0 &&
            !(h + 1 < *nhits && hits[h + 1].tok == next) && named_alone(tk, next))
            continue;
        int town = !(hit.kind & ND_GEO_COUNTRY >> ND_GEO_SHIFT);
        if (nt && !(lt->flags & (ND_TOK_COMMA | ND_TOK_POINT)) && (nt->flags & ND_TOK_CAP) &&
            nd_word_in(town_words, nd_tok_word(tk, next), nt->len) && next + 1 < tk->n && tk->v[next + 1].sent == lt->sent) {
            last = next++;   /* "Mexico Beach, Florida": a town, whatever its first word names */
            lt = nt, nt = &tk->v[next];
            town = 1;
        }
        if (nt && (lt->flags & ND_TOK_COMMA) && (nt->flags & ND_TOK_CAP)) {
            const nd_geo_hit *st = h + 1 < *nhits && hits[h + 1].tok == next ? &hits[h + 1] : NULL;
            if (st && (st->kind & ND_GEO_STATE >> ND_GEO_SHIFT) && town && st->region != hit.region) {
                /* a list goes on: a place right after, after "and", or soon after a comma ("Alaska, the North Sea") */
                size_t after = st->tok + st->nwords, reach = tk->v[after - 1].flags & ND_TOK_COMMA ? 2 : 1;
                const nd_geo_hit *more = h + 2 < *nhits ? &hits[h + 2] : NULL;
                int list = more && more->tok <= after + reach && tk->v[more->tok].sent == lt->sent;
                /* or came to the town: "Panama, Vietnam, Mexico, Hawaii" */
                const nd_geo_hit *before = h > from ? &hits[h - 1] : NULL;
                if (before && before->tok + before->nwords + 1u >= hit.tok &&
                    (tk->v[before->tok + before->nwords - 1].flags & ND_TOK_COMMA))
                    list = 1;
                int office = after < tk->n && tk->v[after].sent == lt->sent &&
                             !(tk->v[after - 1].flags & (ND_TOK_COMMA | ND_TOK_POINT)) &&
                             nd_word_in(state_offices, nd_tok_word(tk, after), tk->v[after].len);
                if (!list && !office) hit.region = st->region;
            } else if (!st && g->country >= 0 && (nt->flags & ND_TOK_POINT) &&
                       nd_word_in(ap_states, nd_tok_word(tk, next), nt->len)) {
                hit.region = (uint16_t)g->country;
            }
        }
        hits[out++] = hit;
    }
    *nhits = out;
}

void nd_gazetteer_match(const nd_gazetteer *g, nd_tokenizer *tz, const nd_tokens *tk, nd_geo_hit **hits, size_t *nhits,
                        size_t *alloc)
{
    char key[256];
    size_t from = *nhits;
    for (size_t i = 0; i < tk->n;) {
        int found = 0;
        /* most words are no place: one lookup of the first word decides */
        const nd_token *t0 = &tk->v[i];
        int maxw;
        if (t0->len == 2 && (t0->flags & ND_TOK_CAPS) && memcmp(tk->text.data + t0->off, "us", 2) == 0) {
            long fe = nd_strmap_find(&g->first, "u.s", 3);
            maxw = fe < 0 ? 0 : (int)g->first.values[fe];
        } else {
            uint32_t memo = nd_tokenizer_geo_slot(tz, t0->entry);
            if (memo == ND_SLOT_UNSET) {
                long fe = nd_strmap_find_h(&g->first, tk->text.data + t0->off, t0->len, t0->hash);
                memo = 1 + (fe < 0 ? 0 : g->first.values[fe]);
                nd_tokenizer_set_geo_slot(tz, t0->entry, memo);
            }
            maxw = (int)memo - 1;
        }
        if (maxw == 0) {
            i++;
            continue;
        }
        for (int w = maxw; w >= 1 && !found; w--) {
            if (i + (size_t)w > tk->n) continue;
            size_t kl = 0;
            int ok = 1;
            for (int j = 0; j < w && ok; j++) {
                const nd_token *t = &tk->v[i + (size_t)j];
                if (j > 0 && t->sent != tk->v[i].sent) ok = 0;
                const char *word = tk->text.data + t->off;
                size_t len = t->len;
                if (len == 2 && memcmp(word, "us", 2) == 0 && (t->flags & ND_TOK_CAPS)) word = "u.s", len = 3;
                if (kl + len + 1 >= sizeof(key)) ok = 0;
                if (!ok) break;
                if (j) key[kl++] = ' ';
                memcpy(key + kl, word, len);
                kl += len;
            }
            if (!ok) continue;
            long e = nd_strmap_find(&g->map, key, kl);
            if (e < 0) continue;
            ND_GROW(*hits, *nhits + 1, *alloc);
            (*hits)[*nhits].tok = (uint32_t)i;
            (*hits)[*nhits].nwords = (uint16_t)w;
            (*hits)[*nhits].region = (uint16_t)(g->map.values[e] & ~ND_GEO_MARKS);
            (*hits)[*nhits].kind = (uint16_t)(g->map.values[e] >> ND_GEO_SHIFT);
            (*nhits)++;
            i += (size_t)w;
            found = 1;
        }
        if (!found) i++;
    }
    read_places(g, tk, *hits, from, nhits);
}
