/*
 * encoding.c -- what an input's bytes are and how they read as UTF-8: text
 * or binary, UTF-16 by its byte order mark, a page's declared encoding
 * (iconv), bytes that are not UTF-8 as Windows-1252, UTF-8 once read as
 * Windows-1252 (mojibake) mended, a page a scraper decoded as Latin-1 read
 * back in its own encoding; and a cut record's id, sniffed for its error.
 */
#define _GNU_SOURCE   /* memmem */
#include "nd_internal.h"

#include <ctype.h>     /* isalnum, tolower */
#include <errno.h>     /* errno, E2BIG */
#include <iconv.h>     /* iconv_open, iconv */
#include <stdlib.h>    /* free */
#include <string.h>    /* memchr, memcmp, strlen */
#include <strings.h>   /* strncasecmp */
#include <utf8proc.h>  /* utf8proc_iterate */

/* Find "field": "value" in a (possibly cut) JSON text, for naming bad records. */
char *nd_sniff_json_id(const char *s, size_t len, const char *field)
{
    size_t flen = strlen(field);
    for (size_t i = 0; i + flen + 2 < len; i++) {
        if (s[i] != '"' || memcmp(s + i + 1, field, flen) != 0 || s[i + 1 + flen] != '"') continue;
        size_t j = i + flen + 2;
        while (j < len && (s[j] == ' ' || s[j] == '\t')) j++;
        if (j >= len || s[j] != ':') continue;
        j++;
        while (j < len && (s[j] == ' ' || s[j] == '\t')) j++;
        if (j >= len || s[j] != '"') continue;
        size_t k = ++j;
        while (k < len && s[k] != '"' && s[k] != '\\' && k - j < 200) k++;
        if (k < len && s[k] == '"' && k > j) return nd_xstrndup(s + j, k - j);
    }
    return NULL;
}
/*
 * Binary data, not text: more than one byte in ten of the first 8 KB a
 * control character that text does not use (NUL, 0x01-0x08, 0x0E-0x1F but
 * ESC, DEL). An executable or an image has far more; a text with a stray
 * NUL or two far fewer.
 */
int nd_looks_binary(const char *s, size_t n)
{
    if (n > 8192) n = 8192;
    size_t ctl = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        ctl += (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) || c == 0x7F;
    }
    return ctl * 10 > n;
}
/*
 * The encoding a page (a text that starts with '<') declares in its first
 * 8 KB ('<meta charset="...">',
 * '<meta http-equiv=... content="text/html; charset=...">', '<?xml ...
 * encoding="..."?>') into name (NUL-terminated, lower case), as iconv
 * knows the ones that browsers read as a larger one (gb2312 as GBK,
 * Shift_JIS as CP932, EUC-KR as CP949); 0 when there is none, or it is
 * UTF-8 or Latin-1 / Windows-1252 (read so already). Only a meta element
 * or the XML declaration declares it: the scripts an archive puts first
 * ('<script src=... charset="utf-8">') name their own.
 */
int nd_declared_charset(const char *s, size_t len, char name[32])
{
    size_t lead = 0;
    while (lead < len && lead < 64 && (s[lead] == ' ' || s[lead] == '\n' || s[lead] == '\r' || s[lead] == '\t')) lead++;
    if (lead >= len || s[lead] != '<') return 0;   /* a page starts with its markup; an article does not */
    size_t n = len < 8192 ? len : 8192;
    static const char *const keys[] = { "charset", "CHARSET", "Charset", "encoding" };
    for (size_t key = 0; key < sizeof(keys) / sizeof(*keys); key++) {
        size_t kl = strlen(keys[key]);
        const char *at = s;
        /* a fast look: most texts have none */
        while ((at = memmem(at, n - (size_t)(at - s), keys[key], kl))) {
            const char *lt = at;   /* the tag it is in */
            while (lt > s && lt[-1] != '<' && lt[-1] != '>') lt--;
            at += kl;
            if (lt > s && lt[-1] == '<' && (!strncasecmp(lt, "meta", 4) || !strncmp(lt, "?xml", 4))) break;
        }
        if (!at) continue;
        size_t j = (size_t)(at - s), k = 0;
        while (j < n && (s[j] == ' ' || s[j] == '=' || s[j] == '"' || s[j] == '\'')) j++;
        while (j < n && k + 1 < 32 && (isalnum((unsigned char)s[j]) || strchr("-_.:", s[j]))) name[k++] = (char)tolower((unsigned char)s[j++]);
        name[k] = 0;
        if (!k) continue;
        static const char *const same[] = { "utf-8", "utf8", "iso-8859-1", "latin1", "iso8859-1", "windows-1252", "cp1252",
                                            "us-ascii", "ascii" };
        for (size_t m = 0; m < sizeof(same) / sizeof(*same); m++)
            if (!strcmp(name, same[m])) return 0;
        static const char *const wider[][2] = { { "gb2312", "gbk" }, { "gb_2312-80", "gbk" }, { "x-gbk", "gbk" },
                                                { "shift_jis", "cp932" }, { "shift-jis", "cp932" }, { "sjis", "cp932" },
                                                { "x-sjis", "cp932" }, { "euc-kr", "cp949" } };
        for (size_t m = 0; m < sizeof(wider) / sizeof(*wider); m++)
            if (!strcmp(name, wider[m][0])) strcpy(name, wider[m][1]);
        return 1;
    }
    return 0;
}
/*
 * s[0..len) read from the encoding 'charset' into out as UTF-8; a byte
 * sequence the encoding has no character for becomes U+FFFD (counted in
 * *bad). 0 when iconv does not know the encoding.
 */
int nd_from_charset(const char *charset, const char *s, size_t len, nd_buf *out, unsigned *bad)
{
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1) return 0;
    nd_buf_reset(out);
    char *in = (char *)s;
    size_t left = len;
    while (left) {
        nd_buf_grow(out, left * 4 + 16);
        char *o = out->data + out->len;
        size_t room = out->cap - out->len - 1, before = room;
        size_t r = iconv(cd, &in, &left, &o, &room);
        out->len += before - room;
        if (r == (size_t)-1 && errno != E2BIG) {   /* EILSEQ, EINVAL: no character there */
            nd_buf_add(out, "\xEF\xBF\xBD", 3);
            (*bad)++;
            in++, left--;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
    }
    iconv_close(cd);
    nd_buf_grow(out, 0);   /* room for the NUL, even for no input */
    out->data[out->len] = 0;
    return 1;
}
/* Windows-1252's characters for bytes 0x80..0x9F (0: none); from 0xA0 on it is Latin-1. */
static const uint16_t cp1252_c1[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};
void nd_text_repair(const char *s, size_t len, nd_buf *out, nd_repairs *r)
{
    size_t from = out->len;
    r->utf8 += nd_utf8_repair(s, len, out);
    for (char *p = out->data + from, *end = out->data + out->len; (p = memchr(p, '\0', (size_t)(end - p))); p++) {
        *p = ' ';
        r->nul++;
    }
}
char *nd_utf8_string(const char *s, size_t len, nd_repairs *r)
{
    if (nd_utf8_valid_prefix((const unsigned char *)s, len) == len && !memchr(s, '\0', len)) return nd_xstrndup(s, len);
    nd_buf b;
    nd_buf_init(&b);
    nd_text_repair(s, len, &b, r);
    char *out = nd_buf_detach(&b);
    nd_buf_release(&b);
    return out;
}
/* The byte Windows-1252 (or Latin-1, for the five bytes it leaves undefined) shows as code point cp, 0x80..0xBF; 0 for none. */
static unsigned cp1252_byte(uint32_t cp)
{
    if (cp >= 0x80 && cp <= 0xBF) return cp;
    for (unsigned b = 0; b < 32; b++)
        if (cp1252_c1[b] == cp) return 0x80 + b;
    return 0;
}
/*
 * The character that the lead code point at s[i] and the continuations after
 * it stand for, when they are UTF-8 once read as Windows-1252: the lead
 * U+00C2..U+00F4 (a lead byte as Windows-1252 shows it), then as many code
 * points as its byte asks for, each a byte 0x80..0xBF (cp1252_byte), that
 * make one valid UTF-8 character; a two-byte one must lie in U+00A0..U+06FF
 * (Latin, Greek, Cyrillic, Hebrew, Arabic: mojibake's); "â€" and a
 * replacement character are a closing double quote (its last byte, 9D, is
 * one that Windows-1252 leaves undefined: a decoder that replaced it lost
 * it, and of the five the quote is the one text has). Its bytes go to b
 * (its length to *blen); returns the bytes read, 0 for none.
 */
static size_t mojibake_at(const unsigned char *s, size_t n, size_t i, unsigned char b[4], size_t *blen)
{
    utf8proc_int32_t lead, cp;
    if (n - i < 4 || s[i + 1] < 0x82 || s[i + 1] > 0xB4 || s[i + 2] < 0xC2) return 0;   /* a letter as it is ("für") */
    utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &lead);
    size_t need = k <= 0 ? 0 : lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
    if (!need) return 0;
    b[0] = (unsigned char)lead;
    size_t j = i + (size_t)k;
    for (size_t got = 1; got <= need; got++) {
        utf8proc_ssize_t m = j < n ? utf8proc_iterate(s + j, (utf8proc_ssize_t)(n - j), &cp) : 0;
        unsigned byte = m > 0 ? cp1252_byte((uint32_t)cp) : 0;
        if (m > 0 && cp == 0xFFFD && got == 2 && b[0] == 0xE2 && b[1] == 0x80)
            byte = 0x9D;   /* "â€�": a closing quote's 9D, which Windows-1252 leaves undefined, read as U+FFFD */
        if (!byte) return 0;
        b[got] = (unsigned char)byte;
        j += (size_t)m;
    }
    if (nd_utf8_valid_prefix(b, need + 1) != need + 1) return 0;
    utf8proc_iterate(b, (utf8proc_ssize_t)(need + 1), &cp);
    if (need == 1 && (cp < 0xA0 || cp > 0x6FF)) return 0;
    *blen = need + 1;
    return j - i;
}
/*
 * The second byte (after C3) of a lead character that no language writes
 * before a continuation character, the sure sign of mojibake: "Â", "Ã",
 * "â" (Latin letters and signs, punctuation), "Ð", "Ñ" (Cyrillic), "Î",
 * "Ï" (Greek), "×" (Hebrew), "Ø", "Ù" (Arabic).
 */
static int sign_lead(unsigned char b)
{
    return b == 0x82 || b == 0x83 || b == 0xA2 || b == 0x90 || b == 0x91 || b == 0x8E || b == 0x8F || b == 0x97 ||
           b == 0x98 || b == 0x99;
}
/*
 * Text that was UTF-8, read as Windows-1252 and written as UTF-8 again
 * ("fÃ¼r", "itâ€™s"): the most common broken encoding of scraped news. Each
 * such run becomes its character (mojibake_at), in place: the text only
 * shrinks. A string is mended only when half of its runs at least show the
 * sure sign of such text (sign_lead); text in another encoding read as
 * Latin-1 (GBK's two bytes a character) makes runs by chance, few with such
 * a lead, and stays as it is. Twice broken text is mended twice (three
 * passes at most). Returns the characters mended.
 */
unsigned nd_mojibake_repair(char *str, size_t *len)
{
    unsigned char *s = (unsigned char *)str, b[4];
    unsigned total = 0;
    for (int pass = 0; pass < 3; pass++) {
        size_t n = *len, runs = 0, signs = 0, blen, r;
        const unsigned char *q = s, *end = s + n;
        /* the sign's bytes: C3 and a sign_lead(), then a continuation's first byte (one look at each C3: German has many) */
        while ((q = memchr(q, 0xC3, (size_t)(end - q))) && end - q > 2 &&
               !(sign_lead(q[1]) &&
                 (q[2] == 0xC2 || q[2] == 0xC5 || q[2] == 0xC6 || q[2] == 0xCB || q[2] == 0xE2)))
            q++;
        if (!q || end - q <= 2) break;   /* no sign: the common case */
        for (size_t i = 0; i < n; i++)
            if (s[i] == 0xC3 && mojibake_at(s, n, i, b, &blen)) {
                runs++;
                signs += sign_lead(s[i + 1]);
            }
        if (!signs || signs * 2 < runs) break;
        size_t w = 0;
        for (size_t i = 0; i < n;) {
            if (s[i] == 0xC3 && (r = mojibake_at(s, n, i, b, &blen))) {
                memcpy(s + w, b, blen);   /* blen < r: the writing stays behind the reading */
                w += blen;
                i += r;
                total++;
            } else {
                s[w++] = s[i++];
            }
        }
        s[w] = 0;
        *len = w;
    }
    return total;
}
/*
 * A byte that is not UTF-8 is read as Windows-1252 (Latin-1 with curly quotes
 * and dashes in 0x80..0x9F): scraped text that is not UTF-8 mostly is that,
 * and a UTF-8 page with pasted-in quotes has them in it. "caf\xe9" becomes
 * "café", not "caf" and a replacement character.
 */
unsigned nd_utf8_repair(const char *str, size_t len, nd_buf *out)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned repairs = 0;
    nd_buf_grow(out, len);
    for (;;) {
        size_t ok = nd_utf8_valid_prefix(s, len);
        nd_buf_add(out, s, ok);
        if (ok == len) break;
        unsigned b = s[ok], cp = b < 0xA0 ? cp1252_c1[b - 0x80] : b;   /* b >= 0x80: ASCII is valid */
        char u[4];
        nd_buf_add(out, u, nd_utf8_put(u, cp ? cp : 0xFFFD));   /* U+FFFD: no character there */
        repairs++;
        s += ok + 1;
        len -= ok + 1;
    }
    return repairs;
}
/*
 * A page that a scraper decoded as Latin-1 (Python's requests does so
 * when the server names no encoding) while it declares another one,
 * "windows-1251" or "gbk": every character of its text is one byte of
 * the page (U+0000..U+00FF, or Windows-1252's for 0x80..0x9F), so the
 * bytes are taken back and read in the declared encoding, as for a page
 * file (read_text_file). The record's own title, which the scraper took
 * from the page the same way, is read back with it.
 */
static int latin1_reread(char **str, const char *cs, unsigned *bad)
{
    const char *t = *str;
    size_t len = strlen(t);
    nd_buf bytes, conv;
    nd_buf_init(&bytes);
    nd_buf_init(&conv);
    int high = 0, ok = 1, done = 0;
    for (size_t i = 0; i < len && ok;) {
        utf8proc_int32_t cp = -1;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)t + i, (utf8proc_ssize_t)(len - i), &cp);
        /* a byte as Latin-1 shows it (U+0000..U+00FF, C1 controls too), or as Windows-1252 does (U+20AC, ...) */
        unsigned b = k <= 0 ? 0 : cp <= 0xFF ? (unsigned)cp : cp1252_byte((uint32_t)cp);
        ok = b != 0;   /* no NUL in a C string: 0 is a character no byte stands for */
        high |= b >= 0x80;
        nd_buf_putc(&bytes, (char)b);
        i += k > 0 ? (size_t)k : 1;
    }
    if (ok && high && nd_utf8_valid_prefix((const unsigned char *)bytes.data, bytes.len) < bytes.len &&
        nd_from_charset(cs, bytes.data, bytes.len, &conv, bad)) {
        free(*str);
        *str = nd_buf_detach(&conv);
        done = 1;
    }
    nd_buf_release(&bytes);
    nd_buf_release(&conv);
    return done;
}
void nd_latin1_page(nd_record *rec)
{
    char cs[32];
    size_t len = rec->text ? strlen(rec->text) : 0;
    unsigned bad = 0;   /* the text's and the title's */
    if (!len || !nd_declared_charset(rec->text, len, cs) || !latin1_reread(&rec->text, cs, &bad)) return;
    snprintf(rec->repairs.charset, sizeof(rec->repairs.charset), "%s", cs);
    if (rec->title) latin1_reread(&rec->title, cs, &bad);
    rec->repairs.charset_bad = bad;
}

size_t nd_utf16_to_utf8(const unsigned char *r, size_t have, int le, int eof, char *out, size_t *used)
{
    size_t o = 0, i = 0;
    for (; i + 2 <= have; i += 2) {
        uint32_t u = le ? (uint32_t)(r[i] | r[i + 1] << 8) : (uint32_t)(r[i] << 8 | r[i + 1]);
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 4 > have) {
                if (!eof) break;   /* its other half comes with the next read */
                u = 0xFFFD;
            } else {
                uint32_t lo = le ? (uint32_t)(r[i + 2] | r[i + 3] << 8) : (uint32_t)(r[i + 2] << 8 | r[i + 3]);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                    i += 2;
                } else {
                    u = 0xFFFD;
                }
            }
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            u = 0xFFFD;
        }
        o += nd_utf8_put(out + o, u);
    }
    if (i < have && eof && i + 2 > have) {   /* an odd byte at the very end */
        o += nd_utf8_put(out + o, 0xFFFD);
        i = have;
    }
    *used = i;
    return o;
}
