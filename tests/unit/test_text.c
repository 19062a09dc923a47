/* test_text.c -- tokenizer (English and other languages), gazetteer, clutter removal. */
#include "lang.h"
#include "text.h"
#include "tap.h"

#include <stdlib.h>

static void words(nd_tokenizer *t, const char *s, nd_buf *out, int stems)
{
    nd_tokens tk;
    nd_tokens_init(&tk);
    size_t len = strlen(s);
    char *exact = malloc(len ? len : 1);   /* exact size: over-reads show under sanitizers */
    memcpy(exact, s, len);
    nd_tokenize(t, exact, len, 0, 0, &tk);
    nd_buf_reset(out);
    for (size_t i = 0; i < tk.n; i++) {
        if (i) nd_buf_addc(out, ' ');
        if (stems)
            nd_buf_add(out, nd_tokenizer_stems(t) + tk.v[i].stem_off, tk.v[i].stem_len);
        else
            nd_buf_add(out, nd_tok_word(&tk, i), tk.v[i].len);
        if (tk.v[i].flags & ND_TOK_STOP) nd_buf_addc(out, '*');
    }
    free(exact);
    nd_tokens_release(&tk);
}

/*
 * The word cache past its room: one text with more distinct words than the
 * cache's lines take in a document (the rest go to its overflow), words
 * longer than the key kept in a line, then the next document after the
 * cache starts over. Every word keeps its stem and one entry, and a slot
 * set through one occurrence reads back through the others.
 */
static void test_word_cache(nd_tokenizer *t)
{
    enum { N = 250000 };
    static const char cons[] = "bcdfghjklmnpqrtvwxz";   /* no vowel, s or y: Snowball leaves these words alone */
    const char *longw[] = { "bcdfghjklmnpqrtvwxzbcdfghjklmnpqrtvwxA", "bcdfghjklmnpqrtvwxzbcdfghjklmnpqrtvwxB" };
    nd_buf text;
    nd_buf_init(&text);
    char w[8];
    for (int pass = 0; pass < 2; pass++)   /* the first and the last 500 words come again */
        for (int j = 0; j < (pass ? 1000 : N); j++) {
            int i = pass && j >= 500 ? N - 1000 + j : j;
            for (int k = 0, v = i; k < 5; k++, v /= 19) w[k] = cons[v % 19];
            nd_buf_add(&text, w, 5);
            nd_buf_addc(&text, ' ');
            if (i % 1000 == 0) {
                nd_buf_adds(&text, longw[i / 1000 % 2]);
                nd_buf_addc(&text, ' ');
            }
        }
    nd_tokenizer_begin(t);
    nd_tokens tk;
    nd_tokens_init(&tk);
    nd_tokenize(t, text.data, text.len, 0, 0, &tk);
    size_t nw = N + 1000 + (N + 1000 + 999) / 1000, bad_stem = 0, bad_slot = 0;
    is_int(tk.n, nw, "every word of a text with %d distinct words is a token", N + 2);
    for (size_t i = 0; i < tk.n; i++) {
        if (tk.v[i].stem_len != tk.v[i].len ||
            memcmp(nd_tokenizer_stems(t) + tk.v[i].stem_off, nd_tok_word(&tk, i), tk.v[i].len) != 0)
            bad_stem++;
        if (nd_tokenizer_slot(t, tk.v[i].entry) == ND_SLOT_UNSET) nd_tokenizer_set_slot(t, tk.v[i].entry, (uint32_t)i);
    }
    for (size_t i = 0; i < tk.n; i++) {   /* the slot names the first token of the same word */
        uint32_t first = nd_tokenizer_slot(t, tk.v[i].entry);
        if (first >= tk.n || tk.v[first].len != tk.v[i].len ||
            memcmp(nd_tok_word(&tk, first), nd_tok_word(&tk, i), tk.v[i].len) != 0)
            bad_slot++;
    }
    is_int(bad_stem, 0, "past the cache's room, every word keeps its stem");
    is_int(bad_slot, 0, "one entry per word: repeats (also of words longer than a line's key) share its slot");
    ok(tk.v[1].entry != tk.v[1 + 1001].entry, "two long words that differ only after the key kept in the line are two entries (their rests compared)");
    nd_tokenizer_begin(t);   /* the next document: the cache starts over */
    nd_buf b;
    nd_buf_init(&b);
    words(t, "running companies bcdfg", &b, 1);
    is_str(b.data, "run compani bcdfg", "after the cache starts over, words stem as before");
    nd_buf_release(&b);
    nd_tokens_release(&tk);
    nd_buf_release(&text);
}

/* Other languages: their stemmer and stop words, diacritics kept for the stemmer, elision, ISO codes. */
static void test_languages(void)
{
    nd_buf b;
    nd_buf_init(&b);
    const nd_language *de = nd_language_find("de");
    ok(de && !strcmp(de->name, "german") && de->stemmed, "de is German, with a Snowball stemmer");
    ok(!nd_language_find("xx") && !nd_language_find(NULL) && !nd_language_find("auto"), "unknown codes are not languages");
    ok(nd_language_at(0) == nd_language_find("en"), "English comes first");
    nd_tokenizer *t = nd_tokenizer_new(de);
    ok(t && nd_tokenizer_language(t) == de, "a German tokenizer");
    words(t, "Die Regierungen wurden über die Häuser informiert", &b, 0);
    is_str(b.data, "die* regierungen wurden* über* die* häuser informiert", "German stop words; umlauts kept");
    words(t, "Die Regierungen wurden über die Häuser informiert", &b, 1);
    is_str(b.data, "die* regier wurd* uber* die* haus informiert", "German stems (the stemmer folds the umlauts)");
    words(t, "Straße STRASSE", &b, 1);
    is_str(b.data, "strass strass", "ß and ss are one word");
    words(t, "Klima\xc2\xad" "wandel Bundes\xc2\xad" "regierung \xc2\xad" "Wahl", &b, 0);
    is_str(b.data, "klimawandel bundesregierung wahl", "a soft hyphen inside a word is not there");
    words(t, "Um 2,5 Prozent auf 14.372,4 oder 1.234.567 Euro am 3.5.2015 um 12.30", &b, 0);
    is_str(b.data, "um* 2.5 prozent auf* 14372.4 oder* 1234567 euro am* 3.5.2015 um* 12:30",
           "a decimal comma: 2,5 is 2.5, a period groups thousands or parts hours from minutes");
    words(t, "ab 9.30 oder 20.15 Uhr, 20,15 Euro, 25.70 Meter, 1.5.15, 2.15.3", &b, 0);
    is_str(b.data, "ab 9:30 oder* 20:15 uhr 20.15 euro 25.70 meter 1.5.15 2.15.3",
           "a time of day: hours up to 24, minutes up to 59, no other mark before or after");
    nd_tokenizer_free(t);

    t = nd_tokenizer_new(nd_language_find("fr"));
    words(t, "L'État et l\xe2\x80\x99économie d'aujourd'hui", &b, 0);
    is_str(b.data, "état et* économie aujourd* hui*", "French elisions: l' and d' end at the apostrophe");
    words(t, "jusqu'à lorsqu'il", &b, 0);
    is_str(b.data, "jusqu* lorsqu* il*", "French: what elision leaves of a function word is one too");
    words(t, "les élections présidentielles", &b, 1);
    is_str(b.data, "le* élect présidentiel", "French stems keep their accents");
    nd_tokenizer_free(t);

    t = nd_tokenizer_new(nd_language_find("it"));
    words(t, "dell'Unione, nell'aria e sull'isola", &b, 0);
    is_str(b.data, "dell* unione nell* aria sull* isola", "Italian: elided prepositions are function words");
    nd_tokenizer_free(t);

    t = nd_tokenizer_new(nd_language_find("ca"));
    words(t, "La col\xc2\xb7lecci\xc3\xb3 del COL\xc2\xb7LEGI \xc2\xb7 Portada", &b, 0);
    is_str(b.data, "la* col\xc2\xb7lecci\xc3\xb3 del* col\xc2\xb7legi portada",
           "Catalan: the middle dot of l\xc2\xb7l is inside its word, a dot between words is not");
    static const char *const guess[][2] = {
        { "ca", "Segons el conseller, la mesura \xc3\xa9s necess\xc3\xa0ria perqu\xc3\xa8 els preus del lloguer no han "
                "deixat de pujar i molts joves no poden marxar de casa dels pares." },
        { "es", "Seg\xc3\xban el ministro, la medida es necesaria porque los precios del alquiler no han dejado de "
                "subir y muchos j\xc3\xb3venes no pueden irse de casa de sus padres." },
        /* the same news in the languages whose lists came later, each written for the test */
        { "ro", "Potrivit ministrului, măsura este necesară pentru că prețurile chiriilor nu au încetat să crească, iar "
                "mulți tineri nu pot pleca de acasă de la părinții lor." },
        { "hu", "A miniszter szerint az intézkedésre azért van szükség, mert a lakbérek nem állnak meg, és sok fiatal "
                "nem tud elköltözni a szüleitől, akik még mindig eltartják őket." },
        { "tr", "Bakana göre bu önlem gerekli, çünkü kira fiyatları artmaya devam ediyor ve birçok genç hâlâ ailesinin "
                "yanından ayrılamıyor; ancak muhalefet buna karşı çıkıyor." },
        { "id", "Menurut menteri, langkah ini perlu karena harga sewa rumah tidak berhenti naik dan banyak anak muda "
                "yang masih belum bisa pindah dari rumah orang tua mereka." },
        { "el", "Σύμφωνα με τον υπουργό, το μέτρο είναι αναγκαίο επειδή τα ενοίκια δεν έχουν σταματήσει να ανεβαίνουν "
                "και πολλοί νέοι δεν μπορούν να φύγουν από το σπίτι των γονιών τους." },
        { "ar", "وقال الوزير إن هذا الإجراء ضروري لأن أسعار الإيجار لم تتوقف عن الارتفاع، كما أن كثيرا من الشباب لا "
                "يستطيعون مغادرة بيوت أهلهم في المدن الكبرى." },
        { "it", "Secondo il ministro, la misura è necessaria perché i prezzi degli affitti non hanno smesso di salire e "
                "molti giovani non possono andare via dalla casa dei genitori." },
        { "pt", "Segundo o ministro, a medida é necessária porque os preços dos aluguéis não pararam de subir e muitos "
                "jovens não conseguem sair da casa dos pais." },
        { "fr", "Selon le ministre, la mesure est nécessaire parce que les loyers n'ont pas cessé d'augmenter et que "
                "beaucoup de jeunes ne peuvent pas quitter la maison de leurs parents." },
        { "en", "According to the minister, the measure is necessary because rents have not stopped rising and many "
                "young people cannot move out of their parents' homes." },
        { "sr", "Prema rečima ministra, ta mera je neophodna jer kirije ne prestaju da rastu, a mnogi mladi još uvek "
                "ne mogu da se isele iz kuće svojih roditelja." },
        { "sr", "Према речима министра, та мера је неопходна јер кирије не престају да расту, а многи млади још увек "
                "не могу да се иселе из куће својих родитеља." },
        { "eu", "Ministroaren arabera, neurria beharrezkoa da, alokairuen prezioak ez baitira gelditzen eta gazte asko "
                "oraindik ezin dira gurasoen etxetik joan." },
        { "lt", "Pasak ministro, ši priemonė yra būtina, nes nuomos kainos nenustoja augti, o daug jaunų žmonių vis dar "
                "negali išsikraustyti iš tėvų namų, kurie jiems per brangūs." },
        { "ru", "По словам министра, эта мера необходима, потому что арендная плата не перестаёт расти, и многие "
                "молодые люди до сих пор не могут уехать из дома своих родителей." },
        { "pl", "Według ministra ten środek jest konieczny, ponieważ czynsze nie przestają rosnąć, a wielu młodych "
                "ludzi wciąż nie może wyprowadzić się z domu swoich rodziców." },
    };
    for (size_t g = 0; g < sizeof(guess) / sizeof(*guess); g++) {
        nd_langcount c;
        memset(&c, 0, sizeof(c));
        nd_lang_count_text(guess[g][1], strlen(guess[g][1]), &c);
        const char *code = nd_lang_code(nd_lang_guess(&c));
        ok(code && !strcmp(code, guess[g][0]), "a text's language by its function words: %s (%s)", guess[g][0],
           code ? code : "none");
    }
    static const char *const scripts[][2] = {
        { "zh", "北京市今天召开新闻发布会，会议介绍了今年的经济发展情况。" },
        { "ja", "東京都は今日、新しい計画を発表しました。専門家は良い計画だと言っています。" },
        { "ko", "서울시는 오늘 새로운 계획을 발표했습니다. 전문가들은 좋은 계획이라고 말했습니다." },
        { "", "The council met on Tuesday (会议) and voted." },
    };
    for (size_t g = 0; g < sizeof(scripts) / sizeof(*scripts); g++) {
        nd_langcount c;
        memset(&c, 0, sizeof(c));
        nd_lang_count_text(scripts[g][1], strlen(scripts[g][1]), &c);
        const char *code = nd_lang_script(&c), *want = scripts[g][0];
        ok(*want ? code && !strcmp(code, want) : !code, "a text's language by its script: '%s' (%s)", want, code ? code : "none");
    }
    words(t, "col\xc2\xb7lecci\xc3\xb3", &b, 1);
    is_str(b.data, "col.lec", "the Catalan stemmer reads the middle dot");
    nd_tokenizer_free(t);

    t = nd_tokenizer_new(nd_language_find("pl"));
    ok(t != NULL, "Polish: stop words without a stemmer");
    words(t, "Wybory prezydenckie oraz", &b, 1);
    is_str(b.data, "wybory prezydenckie oraz*", "no stemmer: words are their own stems");
    nd_tokenizer_free(t);
    nd_buf_release(&b);
}

/* Subwords: the character 4-grams of a stem of 4 characters or more, marked at its ends, weighing cfg.subwords. */
static void subwords(const char *code, const char *text, double weight, nd_buf *out)
{
    nd_tokenizer *t = nd_tokenizer_new(nd_language_find(code));
    nd_feature_cfg cfg = { .bigrams = 0, .title_weight = 1, .lead_weight = 1, .numbers = 1, .subwords = weight };
    nd_tokens tk;
    nd_terms terms;
    nd_tokens_init(&tk);
    nd_terms_init(&terms);
    nd_tokenize(t, text, strlen(text), 0, 0, &tk);
    nd_terms_build(&cfg, t, NULL, -1, 0, &tk, &terms);
    nd_buf_reset(out);
    for (size_t i = 0; i < terms.n; i++) {
        const nd_term *m = &terms.v[i];
        if (m->entry != ND_SLOT_UNSET || terms.keys.data[m->off] != '~') continue;
        nd_buf_addf(out, "%s%.*s/%g", out->len ? " " : "", (int)m->len, terms.keys.data + m->off, m->w);
    }
    nd_terms_release(&terms);
    nd_tokens_release(&tk);
    nd_tokenizer_free(t);
}

static void test_subwords(void)
{
    nd_buf b;
    nd_buf_init(&b);
    subwords("de", "Regierungen bauen H\xc3\xa4user", 0.5, &b);
    is_str(b.data, "~<reg/0.5 ~regi/0.5 ~egie/0.5 ~gier/0.5 ~ier>/0.5 ~<hau/0.5 ~haus/0.5 ~aus>/0.5",
           "a German stem's 4-grams, its ends marked, at the subwords weight");
    subwords("sv", "k\xc3\xa4rlek", 0.3, &b);
    is_str(b.data, "~<k\xc3\xa4r/0.3 ~k\xc3\xa4rl/0.3 ~\xc3\xa4rle/0.3 ~rlek/0.3 ~lek>/0.3",
           "4-grams of characters, not bytes (Swedish keeps its \xc3\xa4)");
    subwords("de", "Bau und Regierungen", 0, &b);
    is_str(b.data, "", "subwords 0: none");
    subwords("de", "Tor bauen", 1, &b);
    is_str(b.data, "", "a stem under 4 characters has none (bauen: bau)");
    nd_buf_release(&b);
}

int main(void)
{
    nd_tokenizer *t = nd_tokenizer_new(NULL);
    ok(t != NULL, "tokenizer with the Snowball English stemmer");
    test_languages();
    test_subwords();
    nd_buf b;
    nd_buf_init(&b);

    words(t, "The U.S. economy's growth didn't stall; 2,500 jobs", &b, 0);
    is_str(b.data, "the* u.s economy growth didnt* stall 2500 jobs", "abbreviations, possessives, contractions, numbers");
    words(t, "2,5 and 1,234,567 and 14.372", &b, 0);
    is_str(b.data, "and* 1234567 and* 14.372", "a decimal period: commas group thousands");
    words(t, "Côte d’Ivoire’s cocoa", &b, 0);
    is_str(b.data, "cote divoire cocoa", "accents removed, curly apostrophes");
    words(t, "ＡＢＣ ﬁnance", &b, 0);
    is_str(b.data, "abc finance", "NFKC: full-width letters and ligatures");
    words(t, "ÉCOLE Straße", &b, 0);
    is_str(b.data, "ecole strasse", "case folding beyond ASCII");
    words(t, "high-speed e-mail a b 3.5% x", &b, 0);
    is_str(b.data, "high speed mail 3.5", "hyphens split; one-character words dropped");
    words(t, "running companies generously", &b, 1);
    is_str(b.data, "run compani generous", "Snowball stems");
    words(t, "", &b, 0);
    is_str(b.data, "", "empty text, no tokens");
    words(t, "\xef\xbf\xbd\xef\xbf\xbd", &b, 0);
    is_str(b.data, "", "replacement characters are not words");
    words(t, "Москва 北京", &b, 0);
    is_str(b.data, "москва 北京", "other scripts are words");
    words(t, "经济发展。iPhone手机，東京の計画 中 ｶﾀｶﾅ 東京・大阪", &b, 0);
    is_str(b.data, "经济 济发 发展 iphone 手机 東京 京の の計 計画 カタ タカ カナ 東京 大阪",
           "Han and kana as overlapping pairs, apart from Latin words and the kana block's ・; a lone character "
           "dropped; NFKC");
    {
        nd_tokens tc;
        nd_tokens_init(&tc);
        const char *zh = "会议介绍了情况";   /* seven characters, three bytes each */
        nd_tokenize(t, zh, strlen(zh), 0, 100, &tc);
        ok(tc.n == 6 && tc.v[0].src == 100 && tc.v[5].src == 115, "CJK pairs overlap: each starts a character on (%zu)", tc.n);
        nd_tokens_release(&tc);
    }
    /* the ASCII runs go eight bytes at a time: lengths across the boundaries, cases, digits */
    words(t, "ABCDEFGH ABCDEFGHI abcdefghijklmnopq Zz9Y8x7W6v5U MixedCASEwords123 a1b2c3d4e5f6g7h8 Qu\xc3\xa9" "bec-Stra\xc3\x9f" "e END.", &b, 0);
    is_str(b.data, "abcdefgh abcdefghi abcdefghijklmnopq zz9y8x7w6v5u mixedcasewords123 a1b2c3d4e5f6g7h8 quebec strasse end",
           "long ASCII runs lower-cased whole, across 8-byte boundaries and into non-ASCII letters");
    {
        nd_tokens tc;
        nd_tokens_init(&tc);
        const char *caps = "UPPERCASEONLYWORD MixedCASEwordsXY ABCDEFGH9";
        nd_tokenize(t, caps, strlen(caps), 0, 0, &tc);
        ok(tc.n == 3 && (tc.v[0].flags & ND_TOK_CAPS) && !(tc.v[1].flags & ND_TOK_CAPS) && (tc.v[2].flags & ND_TOK_CAPS) &&
               (tc.v[0].flags & ND_TOK_CAP) && (tc.v[1].flags & ND_TOK_CAP),
           "all-caps and capitalised flags of long words counted eight bytes at a time");
        nd_tokens_reset(&tc);
        nd_tokenize(t, "the cat and the dog", 19, 0, 0, &tc);
        ok(tc.n == 5 && tc.stops == 3, "the stop words are counted (%zu of %zu)", tc.stops, tc.n);
        nd_tokens_reset(&tc);
        ok(tc.n == 0 && tc.stops == 0, "and the count starts over with the tokens");
        nd_tokens_release(&tc);
    }

    /* gazetteer */
    const char *table = "# test\nnew york\tnorth-america\nu.s\tnorth-america\nyork\teurope\nkenya\tafrica\nkenyan\tafrica\n";
    nd_gazetteer g;
    nd_err err;
    ok(nd_gazetteer_parse(&g, table, strlen(table), t, &err) == ND_OK, "gazetteer parses");
    is_int(g.nregions, 3, "three regions");
    nd_tokens tk;
    nd_tokens_init(&tk);
    const char *text = "From New York to York, the US and us met Kenyan traders.";
    nd_tokenize(t, text, strlen(text), 0, 0, &tk);
    nd_geo_hit *hits = NULL;
    size_t nh = 0, ha = 0;
    nd_gazetteer_match(&g, t, &tk, &hits, &nh, &ha);
    is_int(nh, 4, "four places: New York, York, US, Kenyan (not 'us')");
    ok(nh == 4 && hits[0].nwords == 2 && !strcmp(g.regions[hits[0].region], "north-america"), "longest match first");
    ok(nh == 4 && !strcmp(g.regions[hits[1].region], "europe"), "York alone is another place");
    ok(nh == 4 && !strcmp(g.regions[hits[2].region], "north-america"), "all-caps US is the country");
    free(hits);
    nd_tokens_release(&tk);
    nd_gazetteer_release(&g);

    /* a town before its state, a place before a street word */
    const char *states = "paris\teurope\tname\nathens\teurope\nmexico\tlatin-america\tcountry\ndresden\teurope\n"
                         "jordan\tmiddle-east\tcountry name\nliverpool\teurope\n"
                         "texas\tnorth-america\tstate\ncalifornia\tnorth-america\tstate\nalaska\tnorth-america\tstate\n"
                         "canada\tnorth-america\npanama\tlatin-america\n"
                         "united states\tnorth-america\n";
    ok(nd_gazetteer_parse(&g, states, strlen(states), t, &err) == ND_OK, "a gazetteer with states parses");
    static const struct { const char *text; const char *regions; } towns[] = {
        { "Police in Paris, Texas, said a man was held.", "north-america north-america" },
        { "ATHENS, Ga. (AP) - A student was arrested.", "north-america" },
        { "He flew from Athens, Ga to Paris.", "europe europe" },                           /* no period: no state */
        { "Trade with Mexico, Texas and California grew.", "latin-america north-america north-america" },
        { "Trade with Mexico, Texas, California and Canada grew.", "latin-america north-america north-america north-america" },
        { "They met in Paris, Texas and California.", "europe north-america north-america" },       /* a list */
        { "MEXICO, Mo. (AP) - A town's mayor resigned.", "north-america" },
        { "Output rose in the Gulf of Mexico, Alaska, the North Sea, and Paris.", "latin-america north-america europe" },
        { "A letter to Mexico, Texas Governor Abbott said.", "latin-america north-america" },
        { "Students came to Mexico Beach, Texas, for spring break.", "north-america north-america" },
        { "In Paris City Hall, Texas officials met.", "europe north-america" },
        { "Bombs fell on Panama, Athens, Texas or Paris.", "latin-america europe north-america europe" },
        { "In a letter to Paris, Texas Sen. Tom Smith wrote.", "europe north-america" },
        { "Paris and Texas are far apart.", "europe north-america" },
        { "Paris, Canada, reported snow.", "europe north-america" },                       /* a country is no state */
        { "A water main closed Dresden Drive in Paris.", "europe" },
        { "In Dresden, Drive-in cinemas reopened.", "europe" },
        { "Paris police said Texas.", "europe north-america" },
        { "Mr Paris told Dr. Athens about Texas.", "north-america" },
        { "In Paris, Mr. Smith met Athens officials.", "europe europe" },
        { "DR Mexico and Miss Paris.", "latin-america europe" },
        /* a given name before a surname named alone too */
        { "Jordan Henderson scored. Henderson said Liverpool won.", "europe" },
        { "Jordan Henderson scored. The captain, Henderson, said so.", "" },
        { "Paris Hilton flew to Texas. Later, Mr Hilton said hello.", "north-america" },
        { "Jordan Henderson scored for Liverpool.", "middle-east europe" },               /* no surname alone */
        { "The Paris Club met. The Club agreed.", "europe" },                               /* an article: no surname */
        { "At the Paris Olympics. The Athens Olympics ended.", "europe europe" },           /* a place's name too */
        { "JORDAN Henderson. Henderson said.", "middle-east" },                             /* capitals: a dateline's */
        { "Jordan's Henderson. Henderson said.", "middle-east" },                          /* no name: a possessive */
        { "Texas Henderson. Henderson said.", "north-america" },                           /* not a given name */
    };
    for (size_t k = 0; k < sizeof(towns) / sizeof(towns[0]); k++) {
        nd_tokens_init(&tk);
        nd_tokenize(t, towns[k].text, strlen(towns[k].text), 0, 0, &tk);
        hits = NULL;
        nh = ha = 0;
        nd_gazetteer_match(&g, t, &tk, &hits, &nh, &ha);
        nd_buf got;
        nd_buf_init(&got);
        for (size_t i = 0; i < nh; i++) nd_buf_addf(&got, "%s%s", i ? " " : "", g.regions[hits[i].region]);
        nd_buf_addc(&got, '\0');
        is_str(got.data, towns[k].regions, "places of '%s'", towns[k].text);
        nd_buf_release(&got);
        free(hits);
        nd_tokens_release(&tk);
    }
    nd_gazetteer_release(&g);

    /* an outlet's country code */
    const char *domains = "kenya\tafrica\n.KE\tafrica\n.au\toceania\n.uk\teurope\n";
    ok(nd_gazetteer_parse(&g, domains, strlen(domains), t, &err) == ND_OK && g.domains.n == 3, "three country codes");
    static const struct { const char *addr; const char *region; } outlets[] = {
        { "https://www.nation.example.co.ke/news/article-1", "africa" },
        { "news.example.com.AU", "oceania" },
        { "http://example.co.uk:8080/x?y=1", "europe" },
        { "http://web.archive.org/web/2015id_/http://www.example.com.au/story", "oceania" },
        { "https://www.example.com/world/kenya", NULL },
        { "localhost", NULL },
        { "https://example.ke.com/", NULL },
    };
    for (size_t i = 0; i < sizeof(outlets) / sizeof(outlets[0]); i++) {
        int r = nd_gazetteer_outlet(&g, outlets[i].addr, strlen(outlets[i].addr));
        ok(outlets[i].region ? r >= 0 && !strcmp(g.regions[r], outlets[i].region) : r == -1, "outlet %s: %s",
           outlets[i].addr, r >= 0 ? g.regions[r] : "none");
    }
    nd_gazetteer_release(&g);
    /* currencies' signs before an amount */
    const char *money = "kenya\tafrica\n\xc2\xa3\teurope\n\xe2\x82\xac\teurope\n\xe2\x82\xb9\tasia\n";
    ok(nd_gazetteer_parse(&g, money, strlen(money), t, &err) == ND_OK && g.nmoney == 3, "three currencies' signs");
    static const struct { const char *text; const char *regions; } amounts[] = {
        { "The scheme will cost \xc2\xa3" "600m.", "europe" },
        { "It costs \xe2\x82\xac 2bn and \xe2\x82\xb9" "40 crore.", "europe asia" },
        { "\xe2\x80\x9cQuoted\xe2\x80\x9d, a price in \xc2\xa3 and the sign alone: \xe2\x82\xac", "" },
        { "A sign at the end \xc2\xa3", "" },
        { "$5 and 5 dollars", "" },
    };
    for (size_t i = 0; i < sizeof(amounts) / sizeof(amounts[0]); i++) {
        uint64_t m = nd_gazetteer_money(&g, amounts[i].text, strlen(amounts[i].text));
        nd_buf got;
        nd_buf_init(&got);
        for (size_t r = 0; r < g.nregions; r++)
            if (m >> r & 1) nd_buf_addf(&got, "%s%s", got.len ? " " : "", g.regions[r]);
        nd_buf_addc(&got, '\0');
        is_str(got.data, amounts[i].regions, "money in '%s'", amounts[i].text);
        nd_buf_release(&got);
    }
    nd_gazetteer_release(&g);
    const char *baddom = ".\tafrica\n";
    ok(nd_gazetteer_parse(&g, baddom, strlen(baddom), t, &err) == ND_ERR_FORMAT, "a lone '.' is refused");
    const char *addr = NULL;
    const char *top = "\nSkip to content\nnews.example.com.au\nHeadline\nStory text.";
    size_t al = nd_clean_address(top, strlen(top), &addr);
    ok(al == 19 && !memcmp(addr, "news.example.com.au", 19), "the address line at the top of a page");
    const char *none = "Sydney (AAP) - A story about www.example.com.au.\nMore text.";
    ok(nd_clean_address(none, strlen(none), &addr) == 0, "an address inside a sentence is not the outlet's");
    const char *badtab = "nowhere\n";
    ok(nd_gazetteer_parse(&g, badtab, strlen(badtab), t, &err) == ND_ERR_FORMAT, "a line without a tab is refused");
    char longreg[128];
    snprintf(longreg, sizeof(longreg), "atlantis\t%070d\n", 0);
    ok(nd_gazetteer_parse(&g, longreg, strlen(longreg), t, &err) == ND_ERR_FORMAT && strstr(err.msg, "longer than 64"),
       "a region name over 64 bytes is refused: %s", err.msg);

    /* clutter removal */
    const char *page =
        "www.example-news.com\n"
        "Home | World | Business | Sport\n"
        "Floods close schools across the region\n"
        "By Jane Doe\n"
        "Published: 3 May 2024\n"
        "\n"
        "Heavy rain closed hundreds of schools on Monday. Officials said the rivers were still rising.\n"
        "\n"
        "Advertisement\n"
        "Share this article\n"
        "Residents were moved to shelters overnight.\n"
        "Source link\n"
        "Read more: Weather warnings\n"
        "Jane Doe is a reporter who covers climate and weather for the paper.\n"
        "Articles: 1,234\n"
        "\xC2\xA9 2024 Example News. All rights reserved.\n";
    nd_spans removed, why;
    nd_spans_init(&removed);
    nd_spans_init(&why);
    is_int((long)nd_clean(page, strlen(page), &b, &removed, &why), 38, "the headline above the story is reported");
    is_str(b.data, "Floods close schools across the region\n\nHeavy rain closed hundreds of schools on Monday. Officials said the "
                   "rivers were still rising.\n\nResidents were moved to shelters overnight.",
           "the story survives, the chrome goes");
    is_int(removed.n, 11, "eleven clutter lines");
    const nd_clutter expect[] = { ND_CLUTTER_URL, ND_CLUTTER_NAV, ND_CLUTTER_BYLINE, ND_CLUTTER_BYLINE, ND_CLUTTER_AD,
                                  ND_CLUTTER_SOCIAL, ND_CLUTTER_LINK, ND_CLUTTER_LINK, ND_CLUTTER_BIO, ND_CLUTTER_COUNTER,
                                  ND_CLUTTER_LEGAL };
    int same = why.n == 11;
    for (size_t i = 0; same && i < 11; i++) same = why.v[i].off == (uint32_t)expect[i];
    ok(same, "each removal has its reason");
    const char *story = "Facebook said on Monday that sales rose.\nShares of Home Depot rose 2%.\nSubscribers grew by 10%.\n"
                        "The author is due to appear at the festival next month.\nMore than 200 people attended.\n"
                        "Save the Children said aid was getting through.\nAd revenue fell 5% in the quarter.\n"
                        "Posted to Kabul in 2003, he later ran the bureau.";
    is_int((long)nd_clean(story, strlen(story), &b, &removed, &why), 0, "no headline: the page starts with its story");
    is_int(removed.n, 0, "story sentences that start like chrome words are kept");
    /* figures are not chrome: fractions and tickers are no menu, a table's label no site name, a price no counter */
    const char *wire = "Shr 25 cts vs 20 cts\nNet 1,200,000 vs 1,000,000\nNine mths\nShr 75 cts vs 60 cts\n"
                       "Qtly div 13-1/2 cts vs 13-1/2 cts prior\nUSAir Group Inc <U> said it would buy <C> shares.\n"
                       "BREAD WHEAT 2,692,4 (4,161.0)\nShare 14.11p vs 12.13p\n"
                       "The company said its results for the year were in line with what analysts had expected.";
    nd_clean(wire, strlen(wire), &b, &removed, &why);
    is_int(removed.n, 0, "an earnings table, fractions, tickers and prices are kept");
    const char *menus = "Home / World / Asia\nHome > Regional > Harbour\n"
                        "The harbour reopened on Tuesday after three days of storms had closed it to ships.";
    nd_clean(menus, strlen(menus), &b, &removed, &why);
    is_int(removed.n, 2, "menus with spaced '/' and '>' still go");
    const char *kept = "Vol. 12, No. 3\n\nFloods close schools\n\nHeavy rain closed hundreds of schools on Monday across the region.";
    is_int((long)nd_clean(kept, strlen(kept), &b, &removed, &why), 0, "a headline below kept lines is not the page's start");
    nd_spans_release(&removed);
    nd_spans_release(&why);

    nd_buf_release(&b);
    test_word_cache(t);
    nd_tokenizer_free(t);
    return done_testing();
}
