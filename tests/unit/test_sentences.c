/* test_sentences.c -- sentence boundaries, table-driven. "|" marks the expected boundaries. */
#include "lang.h"
#include "tap.h"
#include "text.h"

#include <stdlib.h>

static const char *const cases[] = {
    /* plain sentences */
    "The minister resigned.|Her deputy takes over.",
    "Prices rose!|Traders were surprised.",
    "Will it last?|Nobody knows.",
    "One.|Two.|Three.",
    "No full stop at the end",
    "Two sentences here.|And another one without a stop",
    /* titles and honorifics */
    "Mr. Smith arrived on Monday.|He left on Tuesday.",
    "Mrs. Jones and Dr. Patel met Prof. Lee.",
    "Gen. Milley spoke to Sgt. Brown and Maj. Reyes.",
    "Gov. Newsom and Sen. Warren met Rep. Ocasio-Cortez.",
    "Col. Ahmed and Capt. Nunez flew to Lt. Gov. Hochul's office.",
    "Ms. Rivera won.|Mr. Chen came second.",
    "St. Louis beat Chicago.",
    "The Rev. Martin spoke.",
    "Supt. Hale and Det. Insp. Khan led the inquiry.",
    /* companies */
    "Acme Inc. reported a loss.",
    "Shares of Globex Corp. rose 3%.",
    "They bought it from Smith & Co. last year.",
    "Sales at Initech Ltd. fell.|Its shares dropped.",
    "The deal was signed by Acme Inc.|The rival said nothing.",
    "Warner Bros. released the film.",
    /* dates */
    "The attack came on Oct. 7 last year.",
    "Talks begin Jan. 15 in Geneva.",
    "It was signed on Sept. 3, 2021.",
    "Results are due Feb. 28.|Analysts expect a profit.",
    "The vote is set for Nov. 5 and Dec. 1.",
    "On Aug. 12 the rains came.",
    /* U.S., U.K., U.N. */
    "The U.S. economy grew 2%.",
    "He moved to the U.S. in 1990.",
    "She lives in the U.K. now.",
    "The U.N. Security Council met.",
    "Troops left the U.S.|The war was over.",
    "Exports to the U.S.|The figures were revised.",
    "The U.S. and the U.K. signed a pact.",
    "They met at U.N. headquarters in New York.",
    /* a state's abbreviation after a town (AP style) */
    "PORTLAND, Ore. (AP) \xe2\x80\x94 The city council voted.",
    "She grew up in Tampa, Fla., and moved north.",
    "The family moved to Tampa, Fla.|The house was sold.",
    "It was discovered in Pasadena, Calif.|Results will be reported in May.",
    "SAN JOSE, Calif. -- Chip makers rallied.",
    "Prices of iron ore.|Mass protests followed.",
    "He said he was ill.|Ind. voters disagreed.",
    /* a.m. and p.m. */
    "The market opened at 9 a.m. on Monday.",
    "The strike starts at 6 p.m. local time.",
    "It ended at 11 p.m.|The fans went home.",
    /* e.g., i.e. */
    "Some fruits, e.g. apples, are cheap.",
    "The index, i.e. the benchmark, fell.",
    /* initials */
    "J. R. R. Tolkien wrote the book.",
    "George W. Bush visited Texas.",
    "The author J.K. Rowling spoke.",
    "H. G. Wells wrote it.|It sold well.",
    "Michael J. Fox attended.",
    /* decimals and amounts */
    "Profits rose to $1.13bn this year.",
    "Inflation was 3.5% in May.|It fell in June.",
    "About 2,500 people attended.",
    "The rate is 0.25 points higher.",
    "It cost £600m.|Critics called it a waste.",
    "Shares gained 1.5 per cent.",
    "Output rose 10.2% to 5.93 mln bags.",
    "The yen traded at 145.30 per dollar.",
    "Version 2.0 ships today.",
    "GDP grew by 0.4%.|Economists were pleased.",
    /* ellipses */
    "He paused...|Then he spoke.",
    "Wait for it…|The crowd roared.",
    "It was... well, strange.",
    /* quotes and brackets */
    "\"We will win.\"|The coach smiled.",
    "\"Are you sure?\" she asked.",
    "He said: \"It is over.\"|Then he left.",
    "The firm (which is based in Ohio.) grew.",
    "The plan was approved (by a narrow margin).|Critics objected.",
    "She called it “a disaster.”|Others disagreed.",
    "He said ‘no.’|Then he walked out.",
    "The result was clear (see below).|We move on.",
    "\"Stop!\"|The guard shouted again.",
    "He asked \"why?\" and left.",
    /* a quotation over sentences is cut at its full stops (a summary quotes the pieces) */
    "\"He's doing well.|We treated him for flu,\" she said.|Doctors agreed.",
    "The coach said: \"We lost.|It happens.\"|Fans left.",
    "She called it “a disaster.|Nobody wanted it,” and left.",
    "Der Trainer war zufrieden.|„Das ist gut.|Wir machen weiter“, sagte er.",
    "Il a dit « Non.|Jamais. » puis il est parti.",
    "« Nous partons. »|Le ministre a quitté la salle.",
    "« Nous partons.\xc2\xa0»|Le ministre a quitté la salle.",
    /* a full stop glued to the next sentence, as scraped text has it */
    "It shapes the leadership style.|The employee orientation matters.",
    "They started growing well.|These are outside now.",
    "It was on vswitch.zip.|It's as close as it gets.",
    "He moved to the U.S.The firm followed.",
    "Use e.g.The first one.",
    "Visit Example.Com today.",
    "The file is named report.Final version.",
    "Rogers (RCIb.TO: Quote) rose.",
    "He got it right a generation ago.AN-TI-CI-PA-TION.",
    /* lower-case continuation is not a boundary */
    "It rose 5 p.c. in value.",
    "The e-mail said hello. and then nothing.",
    "Visit example.com for details.",
    /* headlines and lists without a full stop */
    "Ad sales boost profit\nThe firm said sales rose.",
    "Key points\n- Prices rose\n- Jobs fell",
    "First paragraph ends here.\n\nSecond paragraph starts.",
    "Line one\nLine two\nLine three",
    "BREAKING NEWS\nMarkets fall sharply.",
    "Headline: Storm hits coast\nThousands lose power.",
    /* numbers starting sentences */
    "The vote failed.|2024 was a hard year.",
    "Sales fell.|10 stores closed.",
    /* abbreviations that may end a sentence */
    "He bought apples, pears, etc.|Then he left.",
    "It was made by Acme Co.|The company denied it.",
    "They sold it to No. 10 Downing Street.",
    "He was ranked No. 1 in the world.",
    "Ask Smith Jr. about it.",
    "The plan involves roads, bridges, etc. and more.",
    /* other */
    "Is it true?!|Yes.",
    "Really?|Really.",
    "The score was 2-1.|Fans cheered.",
    "A B. C.",
    "It happened in 1987.|Nothing changed.",
    "Pay rose 4pc.|Unions were happy.",
    "The CEO of A.B.C. Holdings resigned.",
    "Ships left Port Said.|Traffic resumed.",
    "He scored in the 93rd minute.|The crowd erupted.",
    "Temperatures hit 40C.|Schools closed.",
    "The vote was 53-24.|The bill passed.",
    "Ask for Ms. Chen.",
    "We met Mr. and Mrs. Smith.",
    "It is the No. 2 bank.",
    "Prices were flat at 1.05.|Trading was thin.",
    "He returned in Jan.|The team rejoiced.",
    "The US team won.|Europe lost.",
    "Dr. No is a film.",
};

/* Expected sentences: split the case at '|' (or '^', a boundary with no space: CJK text). */
static size_t expected(const char *c, char out[][256], size_t max)
{
    size_t n = 0, k = 0;
    for (const char *p = c;; p++) {
        if (*p == '|' || *p == '^' || *p == '\0') {
            out[n][k] = '\0';
            n++;
            k = 0;
            if (!*p || n == max) break;
            continue;
        }
        if (k < 255) out[n][k++] = *p;
    }
    return n;
}

/* The text the splitter sees: '|' replaced by a space (or nothing before a newline), '^' by nothing. */
static void input(const char *c, char *buf, size_t size)
{
    size_t k = 0;
    for (const char *p = c; *p && k + 1 < size; p++) {
        if (*p == '|') {
            if (p[1] != '\n') buf[k++] = ' ';
            continue;
        }
        if (*p == '^') continue;
        buf[k++] = *p;
    }
    buf[k] = '\0';
}

/* Split every case of 'cases' with the rules of 'lang' (NULL: English) and compare. */
static void run_cases(const char *const *table, size_t ncases, const nd_language *lang)
{
    nd_spans sp;
    nd_spans_init(&sp);
    for (size_t i = 0; i < ncases; i++) {
        char text[512], want[16][256];
        input(table[i], text, sizeof(text));
        size_t nw = expected(table[i], want, 16);
        /* newlines inside a case also separate expected sentences */
        char flat[16][256];
        size_t nf = 0;
        for (size_t w = 0; w < nw; w++) {
            char *s = want[w];
            for (;;) {
                char *nl = strchr(s, '\n');
                if (nl) *nl = '\0';
                while (*s == ' ') s++;
                if (*s) {
                    size_t l = strlen(s) < 255 ? strlen(s) : 255;
                    memcpy(flat[nf], s, l);
                    flat[nf++][l] = '\0';
                }
                if (!nl) break;
                s = nl + 1;
            }
        }
        /* an exact-size copy lets sanitizers catch over-reads */
        size_t len = strlen(text);
        char *exact = malloc(len ? len : 1);
        memcpy(exact, text, len);
        nd_sentences_lang(exact, len, lang, &sp);
        int good = sp.n == nf;
        for (size_t k = 0; good && k < nf; k++)
            good = strlen(flat[k]) == sp.v[k].len && memcmp(exact + sp.v[k].off, flat[k], sp.v[k].len) == 0;
        char shown[512];
        size_t k2 = 0;
        for (const char *p = table[i]; *p && k2 + 2 < sizeof(shown); p++) {
            if (*p == '\n') shown[k2++] = '\\', shown[k2++] = 'n';
            else shown[k2++] = *p;
        }
        shown[k2] = '\0';
        if (!ok(good, "%s case %zu: %s", lang ? lang->code : "en", i + 1, shown)) {
            for (size_t k = 0; k < sp.n; k++) printf("#   got [%.*s]\n", (int)sp.v[k].len, exact + sp.v[k].off);
        }
        free(exact);
    }
    nd_spans_release(&sp);
}

/* German: ordinal numbers, its abbreviations; French: M., Mme; English's own lists are English's. */
static const char *const cases_de[] = {
    "Am 3. Oktober wählt Österreich.|Die Wahl ist knapp.",
    "Das sagte Ö. Müller.|Die Wahl ist knapp.",
    "Robert Haas, öst. Dirigent, und Hans Berger, österr. Maler, kamen.",
    "Das Spiel endete 2:1.|Die Fans jubelten.",
    "Die Firma (z. B. Siemens) baut ab.",
    "Das kostet ca. 5 Mio. Euro.|Dr. Huber ist dagegen.",
    "Es kamen u. a. Vertreter der Länder.",
    "Sie zog in die Berggasse Nr. 19 in Wien.",
    "Mag. Berger bzw. ihr Team sagte ab.",
    "Er kam im Jahr 2015.|Dann ging er.",
    "Es war der 100. Geburtstag des Gründers.",
    "Im 19. Jahrhundert war das anders.|Die Zahl der Toten stieg auf 12.|Die Polizei ermittelt.",
    "Das tagte im 2. Stock in der Mariahilfer Str. 12.|Es war eine Sitzung dieser Art.|Bis spät.",
    "Es gab Äpfel, Birnen usw.|Die Preise stiegen um 5 Mio. Euro.",
    "Das war um 300 v. Chr.|Im Jahr darauf kam Abg. Huber mit Univ. Prof. Berger.",
    "Der Schaden beträgt 5 Mio.|Über die Ursache wird gerätselt.",
    "Laut Art. 5 des Gesetzes und Kap. 3 der Verordnung ist das erlaubt.|Es war nichts dieser Art.|Die Polizei kam.",
    "Das teilte die Muster GmbH & Co. KG mit.|Sie hat 40 Mitarbeiter.",
};
/* Russian: initials in Cyrillic, its abbreviations, "г." a year after a number and a city before a name. */
static const char *const cases_ru[] = {
    "Об этом сообщил министр финансов А. Силуанов.|Решение вступит в силу в марте.",
    "Расходы составят 15 млрд. руб.|Об этом сообщил министр.",
    "По словам эксперта, т.е. аналитика ВШЭ, это мало.",
    "Заседание прошло в г. Москве 5 янв. 2016 г.|Решение вступит в силу в марте.",
    "Приехали министры, депутаты и т.д.|Все ждали президента.",
    "Цена выросла до 5 тыс. рублей в месяц.",
};
/*
 * Scripts with other full stops: Chinese and Japanese (no space after 。！？,
 * a quotation's 。」 goes on before a particle), Hindi's danda, Arabic's
 * question mark, Armenian's full stop. Any model's language.
 */
static const char *const cases_scripts[] = {
    "北京市今天召开新闻发布会。^会议介绍了经济发展情况。^专家认为，形势依然复杂！^你怎么看？",
    "他说：“我们会继续努力。”^会议随后结束。",
    "専門家は「良い計画だ。」と言っています。^しかし、費用の問題が残っています。",
    "彼は「もう帰ろう！」^皆が笑った。",
    "東京は晴れ｡^大阪は雨｡",
    "दिल्ली में आज बारिश हुई।|मौसम विभाग ने चेतावनी दी।",
    "هل ستنخفض الأسعار؟|قال الوزير إن ذلك ممكن.",
    "Երևանում այսօր անձրև է։|Վաղը արև կլինի։",
    "Γιατί αυξάνονται τα ενοίκια;|Η κυβέρνηση απαντά σήμερα.",
    "Είπε ότι θα έρθει; όμως δεν ήρθε.",
    "It rained; The Times reported it.",
    "3.5 million people voted.",
};
static const char *const cases_fr[] = {
    "M. Dupont et Mme Martin sont arrivés.|Ils repartent demain.",
    "Le prix a baissé de 5 p. 100 en janv. 2020.",
    "Le ministre a démissionné.|Son adjoint le remplace.",
    "Plusieurs pays, p. ex. la France et l'Italie, ont voté contre.",
};
/* Spanish and Portuguese: "p. ej.", "p. ex.", "aprox.", "etc." */
static const char *const cases_es[] = {
    "Las comunidades, p. ej. Madrid y Cataluña, cederán suelo.|El plan llega tarde.",
    "Costará aprox. 3.500 mill. de euros, según la Univ. de Salamanca.",
    "Trajeron frutas, verduras, etc. y las vendieron.",
    "Trajeron frutas, verduras, etc.|Los precios subieron.",
};
static const char *const cases_pt[] = {
    "Vários países, p. ex. Portugal e Espanha, votaram contra.|O texto foi aprovado.",
};

int main(void)
{
    nd_spans sp;
    nd_spans_init(&sp);
    size_t ncases = sizeof(cases) / sizeof(cases[0]);
    ok(ncases >= 100, "at least 100 cases (%zu)", ncases);
    run_cases(cases, ncases, NULL);
    run_cases(cases, ncases, nd_language_find("en"));
    run_cases(cases_de, sizeof(cases_de) / sizeof(*cases_de), nd_language_find("de"));
    run_cases(cases_fr, sizeof(cases_fr) / sizeof(*cases_fr), nd_language_find("fr"));
    run_cases(cases_ru, sizeof(cases_ru) / sizeof(*cases_ru), nd_language_find("ru"));
    run_cases(cases_es, sizeof(cases_es) / sizeof(*cases_es), nd_language_find("es"));
    run_cases(cases_pt, sizeof(cases_pt) / sizeof(*cases_pt), nd_language_find("pt"));
    run_cases(cases_scripts, sizeof(cases_scripts) / sizeof(*cases_scripts), NULL);
    run_cases(cases_scripts, sizeof(cases_scripts) / sizeof(*cases_scripts), nd_language_find("de"));
    {   /* a text cut inside a closing quote's bytes: nothing read past its end (the sanitizers' build) */
        static const char cut[] = "He left.\xe2\x80";
        char *exact = malloc(sizeof(cut) - 1);
        memcpy(exact, cut, sizeof(cut) - 1);
        nd_sentences(exact, sizeof(cut) - 1, &sp);
        ok(sp.n == 1, "a text that ends in half a quote is one sentence (%zu)", sp.n);
        free(exact);
    }
    {   /* a no-break space after a full stop, as text taken from HTML keeps it (&nbsp;), parts sentences too */
        const char *nb = "Fares rise by eight per cent.\xc2\xa0" "A return ticket costs more.\xe2\x80\xaf" "Few object.";
        nd_sentences(nb, strlen(nb), &sp);
        ok(sp.n == 3 && !memcmp(nb + sp.v[1].off, "A return", 8) && !memcmp(nb + sp.v[2].off, "Few", 3),
           "a no-break space after a full stop ends a sentence (%zu)", sp.n);
        const char *abbr = "Talks begin Jan.\xc2\xa0" "15 in Geneva, said Mr.\xc2\xa0" "Smith.";
        nd_sentences(abbr, strlen(abbr), &sp);
        ok(sp.n == 1, "...not after an abbreviation, as with a space (%zu)", sp.n);
    }
    {   /* the ideographic spaces that indent a Chinese paragraph are no part of its sentences */
        const char *zh = "\xe3\x80\x80\xe3\x80\x80武汉今天下雨。市民在家。\xe3\x80\x80";
        nd_sentences(zh, strlen(zh), &sp);
        ok(sp.n == 2 && sp.v[0].off == 6 && !memcmp(zh + sp.v[1].off, "市民在家。", sp.v[1].len) && sp.v[1].len == strlen("市民在家。"),
           "ideographic spaces trimmed (%zu sentences)", sp.n);
    }
    {   /* a headline as the title: one sentence, or two short ones ended by a word */
        static const struct { const char *text; size_t head; int title; } hl[] = {
            { "Ferry fares to rise. Commuters object to the plan. The board met.", 20, 1 },
            { "Nowy most na Wi\xC5\x9Ble w Krakowie. Budowa ruszy wiosn\xC4\x85\n\nW\xC5\x82" "adze Krakowa og\xC5\x82osi\xC5\x82y przetarg. Prace ruszaj\xC4\x85.", 52, 1 },
            { "Japan is a safe country. Unless you are a woman riding on a packed train in the morning rush hour, that is"
              "\n\nThe police say so. They count.", 106, 0 },
            { "Un grupo de ping\xC3\xBCinos, en la Ant\xC3\xA1rtida. EFE\n\nLos cient\xC3\xAD" "ficos cuentan. Y miden.", 45, 0 },
            { "Tram line 6 opens on 1. Passengers cheer the new line\n\nThe city opened it. Many came.", 53, 0 },
        };
        for (size_t i = 0; i < sizeof(hl) / sizeof(*hl); i++) {
            nd_sentences(hl[i].text, strlen(hl[i].text), &sp);
            size_t got = nd_headline_title(NULL, hl[i].text, hl[i].head, &sp);
            ok((got == hl[i].head) == hl[i].title, "%s the title: %.*s", hl[i].title ? "a headline is" : "not",
               (int)hl[i].head, hl[i].text);
        }
    }
    nd_spans_release(&sp);

    /* datelines: what is stripped from a summary's first sentence */
    static const struct { const char *text, *rest; } dl[] = {
        { "(CNN)French striker Bafa Gomis said he is well.", "French striker" },
        { "(CNN) A court in the capital ruled on Monday.", "A court" },
        { "Kuala Lumpur (CNN)The search resumed.", "The search" },
        { "Lagos, Nigeria (CNN) -- Troops moved in.", "Troops" },
        { "LONDON (Reuters) - Shares fell on Monday.", "Shares" },
        { "NEW YORK, Jan 5 (Reuters) - Oil rose.", "Oil" },
        { "WASHINGTON \xe2\x80\x94 The Senate voted.", "The Senate" },
        { "LONDON, England -- Rain fell.", "Rain" },
        { "(The Hollywood Reporter)Good artists borrow.", "Good artists" },
        { "Z\xc3\xbcrich (Reuters) - Banks rallied.", "Banks" },
        { "Wien \xe2\x80\x93 Die Regierung hat beschlossen.", "Die Regierung" },
        { "Wien/Br\xc3\xbcssel \xe2\x80\x93 Der Rat tagte.", "Der Rat" },
        { "Tel Aviv \xe2\x80\x93 Am Montag fielen Sch\xc3\xbcsse.", "Am Montag" },
        { "Stoke-on-Trent \xe2\x80\x93 \xc3\x9c" "berraschend kam es anders.", "\xc3\x9c" },
        { "MILLBROOK, Ore. (WKTV) \xe2\x80\x94 The council voted.", "The council" },
        { "MADRID (EFE).- El Consejo de Ministros aprob\xc3\xb3 el plan.", "El Consejo" },
        { "By MICHAEL LIEDTKE     SAN FRANCISCO (AP) -- With its low prices, it grew.", "With its" },
        { "By Jane Doe  The council met.", NULL },
        { "NEW DELHI: The government announced a rail line.", "The government" },
        { "New Delhi, Mar 3 (PTI) Rail fares will rise.", "Rail fares" },
        { "New Delhi: The government announced it.", NULL },
        { "HEADLINE: Egyptian arrested in Paris", NULL },
        { "NEW YORK\xe2\x80\x94Stocks fell on Monday.", "Stocks" },
        { "The vote\xe2\x80\x94" "a close one\xe2\x80\x94" "passed.", NULL },
        { "Apple (AAPL) Shares rose on Monday.", NULL },
        { "MADRID, 3 abr (EFE).- El plan sigue.", "El plan" },
        { "PARIS, 7 d\xc3\xa9" "c 2026 (AFP) - Le plan suit.", "Le plan" },
        { "Hamburg (dpa/lno) - Der Hafen rechnet mit weniger Containern.", "Der Hafen" },
        { "Berlin/Hamburg (dpa) \xe2\x80\x93 Die Bahn streikt.", "Die Bahn" },
        { "BRUSSELS/SAO PAULO (Reuters) - Shareholders agreed.", "Shareholders" },
        { "NEW YORK (CNN/Money) - Money managers are gloomy.", "Money managers" },
        { "Medizininformatiker (m/w/d) \xe2\x80\x93 Wir suchen Sie.", NULL },
        { "Apple (aapl) - Shares rose.", NULL },
        { "SPRINGFIELD, Ill. Philip Morris appealed.", "Philip Morris" },
        { "Apple (AAPL) shares rose on Monday.", NULL },
        { "Springfield, Ill. Philip Morris appealed.", NULL },
        { "Die Regierung \xe2\x80\x93 so der Kanzler \xe2\x80\x93 tagte.", NULL },
        { "The Senate \xe2\x80\x93 the upper house \xe2\x80\x93 voted.", NULL },
        { "Wien - Die Regierung tagte.", NULL },
        { "Der Bundeskanzler und sein Vize \xe2\x80\x93 Am Montag.", NULL },
        { "The Senate (the upper house) voted.", NULL },
        { "The company -- a maker of chips -- grew.", NULL },
        { "WASHINGTON-based groups said so.", NULL },
        { "US-China talks resumed.", NULL },
        { "(CNN)", NULL },
        { "NASA", NULL },
        { "", NULL },
    };
    for (size_t i = 0; i < sizeof(dl) / sizeof(dl[0]); i++) {
        size_t n = strlen(dl[i].text);
        char *exact = malloc(n ? n : 1);
        memcpy(exact, dl[i].text, n);
        size_t got = nd_dateline(exact, n);
        if (dl[i].rest)
            ok(got < n && strncmp(exact + got, dl[i].rest, strlen(dl[i].rest)) == 0, "dateline of '%s': the rest starts '%s' (got %zu)",
               dl[i].text, dl[i].rest, got);
        else
            is_int(got, 0, "no dateline in '%s'", dl[i].text);
        free(exact);
    }
    /* the place of a dateline, a term of its own where the language says so */
    static const struct { const char *text, *place; } pl[] = {
        { "NEW YORK, Jan 5 (Reuters) - Oil rose.", "NEW YORK" },
        { "LONDON (Reuters) - Shares fell on Monday.", "LONDON" },
        { "Wien/Br\xc3\xbcssel \xe2\x80\x93 Der Rat tagte.", "Wien/Br\xc3\xbcssel" },
        { "Stoke-on-Trent \xe2\x80\x93 \xc3\x9c" "berraschend kam es anders.", "Stoke-on-Trent" },
        { "NEW YORK\xe2\x80\x94Stocks fell on Monday.", "NEW YORK" },
        { "LONDON, England -- Rain fell.", "LONDON" },
        { "Kuala Lumpur (CNN)The search resumed.", "Kuala Lumpur" },
        { "NEW DELHI: The government announced a rail line.", "NEW DELHI" },
        { "MADRID, 3 abr (EFE).- El plan sigue.", "MADRID" },
        { "By MICHAEL LIEDTKE     SAN FRANCISCO (AP) -- With its low prices, it grew.", "SAN FRANCISCO" },
        { "(CNN) A court in the capital ruled on Monday.", NULL },
        { "The Senate (the upper house) voted.", NULL },
    };
    for (size_t i = 0; i < sizeof(pl) / sizeof(pl[0]); i++) {
        size_t n = strlen(pl[i].text), from = 99;
        char *exact = malloc(n);
        memcpy(exact, pl[i].text, n);
        size_t got = nd_dateline_place(exact, n, &from);
        if (pl[i].place)
            ok(got == strlen(pl[i].place) && strncmp(exact + from, pl[i].place, got) == 0,
               "the dateline place of '%s' is '%s' (got '%.*s')", pl[i].text, pl[i].place, (int)got, exact + from);
        else
            is_int(got, 0, "no dateline place in '%s'", pl[i].text);
        free(exact);
    }
    return done_testing();
}
