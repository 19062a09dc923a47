/* test_util.c -- buffers, the string map, UTF-8 repair, JSON escaping, output lines. */
#include "nd_internal.h"
#include "tap.h"

#include <stdlib.h>

int main(void)
{
    nd_buf b;
    nd_buf_init(&b);
    ok(b.data && b.len == 0 && b.data[0] == '\0', "new buffer is an empty string");
    for (int i = 0; i < 1000; i++) nd_buf_addf(&b, "%d,", i);
    is_int(b.len, 3890, "addf appends (len)");
    ok(strncmp(b.data + b.len - 4, "999,", 4) == 0 && b.data[b.len] == '\0', "addf appends and terminates");
    char *s = nd_buf_detach(&b);
    ok(b.data && b.len == 0, "detach leaves an empty buffer");
    free(s);
    nd_buf_release(&b);

    nd_strmap m;
    nd_strmap_init(&m);
    char key[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(key, sizeof(key), "k%d", i);
        nd_strmap_put(&m, key, strlen(key), (uint32_t)i * 2, NULL);
    }
    is_int(m.n, 5000, "5000 keys inserted");
    bool added = true;
    size_t e = nd_strmap_put(&m, "k4321", 5, 0, &added);
    ok(!added && m.values[e] == 8642, "re-putting finds the entry and keeps its value");
    is_int(nd_strmap_find(&m, "k4322", 5), 4322, "find returns the entry index");
    is_int(nd_strmap_find(&m, "nope", 4), -1, "a missing key is -1");
    is_str(nd_strmap_key(&m, 17), "k17", "keys are kept");
    nd_strmap_release(&m);

    nd_buf_init(&b);
    is_int(nd_utf8_repair("caf\xc3\xa9", 5, &b), 0, "valid UTF-8 is untouched");
    is_str(b.data, "caf\xc3\xa9", "valid UTF-8 copied");
    nd_buf_reset(&b);
    is_int(nd_utf8_repair("a\xff" "b\xc3", 4, &b), 2, "a stray byte and a cut sequence are two repairs");
    is_str(b.data, "a\xc3\xbf" "b\xc3\x83", "each is read as Windows-1252 (y-diaeresis, A-tilde)");
    nd_buf_reset(&b);
    const char latin[] = "caf\xe9 \x93quoted\x94 Brazil\x92s \x80" "5 \x96 \x81";
    is_int(nd_utf8_repair(latin, sizeof(latin) - 1, &b), 7, "Latin-1 text: seven bytes");
    is_str(b.data, "caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d Brazil\xe2\x80\x99s \xe2\x82\xac" "5 \xe2\x80\x93 \xef\xbf\xbd",
           "accents, curly quotes, the euro and the dash of Windows-1252; U+FFFD for its unassigned 0x81");
    nd_buf_reset(&b);
    is_int(nd_utf8_repair("\xe2\x80\x94 and \x92", 9, &b), 1, "UTF-8 with a pasted-in quote: only the stray byte");
    is_str(b.data, "\xe2\x80\x94 and \xe2\x80\x99", "the dash kept, the quote read as Windows-1252");
    nd_buf_reset(&b);
    is_int(nd_utf8_repair("\xc0\xaf", 2, &b), 2, "an overlong encoding is invalid");
    nd_buf_reset(&b);
    is_int(nd_utf8_repair("\xed\xa0\x80", 3, &b), 3, "a surrogate is invalid");
    nd_buf_reset(&b);

    {   /* UTF-8 once read as Windows-1252 and written as UTF-8 again */
        char t[] = "f\xc3\x83\xc2\xbcr Stra\xc3\x83\xc5\xb8" "e, it\xc3\xa2\xe2\x82\xac\xe2\x84\xa2s \xc3\xa2\xe2\x82\xac\xc5\x93" "big\xc3\xa2\xe2\x82\xac\xc2\x9d"
                   " \xc3\xb0\xc5\xb8\xcb\x9c\xe2\x82\xac";
        size_t n = strlen(t);
        is_int(nd_mojibake_repair(t, &n), 6, "six characters mended");
        is_str(t, "f\xc3\xbcr Stra\xc3\x9f" "e, it\xe2\x80\x99s \xe2\x80\x9c" "big\xe2\x80\x9d \xf0\x9f\x98\x80",
               "letters, curly quotes (one of Windows-1252's undefined bytes too) and an emoji as they were");
        is_int(n, strlen(t), "the new length");
        char twice[] = "f\xc3\x83\xc6\x92\xc3\x82\xc2\xbcr";   /* broken twice */
        n = strlen(twice);
        nd_mojibake_repair(twice, &n);
        is_str(twice, "f\xc3\xbcr", "text broken twice is mended twice");
        char fine[] = "\xc2\xbbGro\xc3\x9f\xc2\xab, \xc3\x80 la carte, S\xc3\xa3o Paulo";
        n = strlen(fine);
        is_int(nd_mojibake_repair(fine, &n), 0, "sound text with its guillemets and accents is left alone");
        char cyr[] = "\xc3\x90\xc5\x93\xc3\x90\xc2\xbe\xc3\x91\xc2\x81\xc3\x90\xc2\xba\xc3\x90\xc2\xb2\xc3\x90\xc2\xb0 \xc3\x8e\xe2\x80\x98\xc3\x8e\xc2\xb8\xc3\x8e\xc2\xae\xc3\x8e\xc2\xbd\xc3\x8e\xc2\xb1";   /* Cyrillic and Greek broken alike */
        n = strlen(cyr);
        is_int(nd_mojibake_repair(cyr, &n), 11, "Cyrillic and Greek runs (signs \"\xc3\x90\", \"\xc3\x91\", \"\xc3\x8e\", \"\xc3\x8f\") mended");
        is_str(cyr, "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 \xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1", "as they were");
        char ice[] = "\x4e\x6f\x72\xc3\xb0\x75\x72\x2c\x20\xc3\x90\x65\x2c\x20\xc3\x8e\x6c\x65\x2c\x20\xc3\x98\x72\x65\x73\x75\x6e\x64\x2c\x20\x32\xc3\x97\x33";
        n = strlen(ice);
        is_int(nd_mojibake_repair(ice, &n), 0, "Icelandic, French and Danish capitals before letters or signs are sound");
        char lost[] = "it\xc3\xa2\xe2\x82\xac\xe2\x84\xa2s \xc3\xa2\xe2\x82\xac\xc5\x93" "fair\xc3\xa2\xe2\x82\xac\xef\xbf\xbd she said";
        n = strlen(lost);
        is_int(nd_mojibake_repair(lost, &n), 3, "a closing quote whose undefined byte a decoder replaced (\"\xc3\xa2\xe2\x82\xac\xef\xbf\xbd\") is mended");
        is_str(lost, "it\xe2\x80\x99s \xe2\x80\x9c" "fair\xe2\x80\x9d she said", "...as the quote it was");
        char gbk[] = "\xc3\x92\xc2\xbb\xc3\x8c\xc3\xac \xc3\x83\xc2\xbb\xc3\x93\xc2\xb5 \xc3\x92\xc2\xbb\xc3\x92\xc2\xbb";
        n = strlen(gbk);
        is_int(nd_mojibake_repair(gbk, &n), 0, "another encoding read as Latin-1 is left alone (few runs with the sign)");
    }
    {   /* HTML character references */
        char t[] = "AT&amp;T&#39;s &ldquo;caf&eacute;&rdquo; &#x1F600; 7&nbsp;% &amp &unknown; &#0; &#xD800; &#1114112; &;";
        size_t n = nd_html_unescape(t, strlen(t));
        is_str(t, "AT&T's \xe2\x80\x9c" "caf\xc3\xa9\xe2\x80\x9d \xf0\x9f\x98\x80 7\xc2\xa0% &amp &unknown; &#0; &#xD800; &#1114112; &;",
               "named, decimal and hex references decoded; unknown, unterminated, NUL, surrogate and too large ones kept");
        is_int(n, strlen(t), "the new length");
        char h5[] = "Bo&scaron;njak&thinsp;&ndash;&thinsp;&Zcaron;; &CounterClockwiseContourIntegral; &nGt; &Scaron";
        nd_html_unescape(h5, strlen(h5));
        is_str(h5, "Bo\xc5\xa1njak\xe2\x80\x89\xe2\x80\x93\xe2\x80\x89\xc5\xbd; \xe2\x88\xb3 &nGt; &Scaron",
               "every HTML5 name for one character, the longest too; two-character and unterminated ones kept");
        char plain[] = "no references here";
        is_int(nd_html_unescape(plain, strlen(plain)), 18, "text without '&' is left alone");
    }
    {   /* HTML markup */
        char t[] = "<p>The <b>central bank</b> raised <A HREF=\"x.htm\">rates</A>.</p><script>var p = \"<p>\";</script>"
                   "<p>ADVERTISEMENT</p><!-- ad --><p>Markets fell.<br/>Bonds rose.</p> a < b, <TXN.N> <!-- open";
        size_t n = nd_html_strip(t, strlen(t), NULL);
        is_str(t, "The central bank raised rates.\nADVERTISEMENT\nMarkets fell.\nBonds rose.\n a < b, <TXN.N> <!-- open",
               "tags go, block tags end lines, scripts and comments go; a '<' that is text stays");
        is_int(n, strlen(t), "the new length");
        char open[] = "<p>Attackers hide <script> tags in pages.</p><p>Fixes follow.</p>";
        nd_html_strip(open, strlen(open), NULL);
        is_str(open, "Attackers hide  tags in pages.\nFixes follow.\n", "a script element that never ends takes no text with it");
        const char *pages[][2] = {
            { "<html><head><title>Port to double | Example News</title></head><body><p>Text.</p></body></html>", "Port to double" },
            { "<title>Port to double - Example News</title><p>Text.</p>", "Port to double" },
            { "<title>Storm - latest updates</title><p>Text.</p>", "Storm - latest updates" },
            { "<title>Rennes lance un plan - Le Courrier de l'Ouest</title><p>Text.</p>", "Rennes lance un plan" },
            { "<title>Brexit - the end of the road</title><p>Text.</p>", "Brexit - the end of the road" },
            { "<title>Zoll - Verk\xC3\xBCndung des Tabaksteuergesetzes</title><p>Text.</p>",
              "Zoll - Verk\xC3\xBCndung des Tabaksteuergesetzes" },
            { "<title>Rates rise \xE2\x80\x93 news.example.com</title><p>Text.</p>", "Rates rise" },
            { "<title>A | B | the long name of a site here</title><p>Text.</p>", "A | B | the long name of a site here" },
        };
        for (size_t k = 0; k < sizeof(pages) / sizeof(*pages); k++) {
            char *page = nd_xstrdup(pages[k][0]), *title = NULL;
            nd_html_strip(page, strlen(page), &title);
            is_str(title, pages[k][1], "a page's title element, without the site's name: %s", pages[k][1]);
            ok(strstr(page, "Text.") && !strstr(page, pages[k][1]), "and out of the text");
            free(title);
            free(page);
        }
        char wire[] = "USAir Group Inc <U> said it would buy <B> shares.";
        is_int(nd_html_strip(wire, strlen(wire), NULL), strlen("USAir Group Inc <U> said it would buy <B> shares."),
               "without a closing tag it is not markup: tickers such as <U> stay");
    }

    nd_json_string(&b, "say \"hi\"\\\n\t\x01 é");
    is_str(b.data, "\"say \\\"hi\\\"\\\\\\n\\t\\u0001 é\"", "JSON strings are escaped");
    nd_buf_reset(&b);

    nd_record rec;
    nd_record_init(&rec);
    rec.id = nd_xstrdup("x\"1");
    nd_analyze_opts o;
    nd_analyze_opts_init(&o);
    nd_emit(&b, ND_OUT_JSONL, &o, &rec, NULL, "bad\tthing");
    is_str(b.data, "{\"id\":\"x\\\"1\",\"error\":\"bad\\tthing\"}\n", "error line in JSON");
    nd_buf_reset(&b);
    nd_result res;
    nd_result_init(&res);
    res.label[0] = "sport";
    res.confidence[0] = 0.5;
    res.summarized = 1;
    res.nsummary = 1;
    res.summary_index[0] = 2;
    nd_buf_init(&res.summary[0]);
    nd_buf_adds(&res.summary[0], "A\tB");
    nd_emit(&b, ND_OUT_JSONL, &o, &rec, &res, NULL);
    is_str(b.data, "{\"id\":\"x\\\"1\",\"topic\":\"sport\",\"topic_confidence\":0.5000,\"summary\":[\"A\\tB\"],\"summary_index\":[2]}\n",
           "result line in JSON: only the keys computed");
    nd_buf_reset(&b);
    /* confidences are written as printf's %.4f would, ties and all */
    const double conf[] = { 0, 1, 0.99995, 0.00005, 0.12345, 0.5, 1.0 / 3, 0.99994999, 0.9914, 0.0001, 0.00015, 2.5 };
    int same = 1;
    for (size_t i = 0; i < sizeof(conf) / sizeof(conf[0]); i++) {
        char want[64], *at;
        res.confidence[0] = conf[i];
        nd_emit(&b, ND_OUT_JSONL, &o, &rec, &res, NULL);
        snprintf(want, sizeof(want), "\"topic_confidence\":%.4f,", conf[i]);
        if (!(at = strstr(b.data, want))) {
            printf("# %.17g: %s\n", conf[i], b.data);
            same = 0;
        }
        nd_buf_reset(&b);
    }
    ok(same, "confidences match printf's %%.4f");
    res.confidence[0] = 0.5;
    nd_emit_tsv_header(&b, &o);
    nd_emit(&b, ND_OUT_TSV, &o, &rec, &res, NULL);
    is_str(b.data, "id\ttopic\ttopic_confidence\tregion\tregion_confidence\tsummary_index\tsummary\terror\n"
                   "x\"1\tsport\t0.5000\t\t\t2\tA\\tB\t\n", "TSV header and row, tabs escaped");
    nd_result_release(&res);
    nd_record_release(&rec);
    nd_buf_release(&b);
    return done_testing();
}
