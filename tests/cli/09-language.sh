# Languages: train --language (and auto), the bundle keeps its language, info shows it, older bundles are English.
. "$(dirname "$0")/lib.sh"
DE="$DATA/german.jsonl"
"$ND" train --min-df 1 --folds 2 -o de "$DE" >out 2>err; is "train on German texts exits 0" $? 0
has "auto guesses German and says so" out "^language: de, guessed from the first 30 records \([0-9]+% of their words"
check "the manifest records the language" grep -qx 'language de' de/manifest
check "and the German stemmer" grep -qx 'stemmer snowball-german' de/manifest
check "a German bundle is format 6 (a newsdesk before a story without a dateline had a term refuses it)" grep -qx 'newsdesk-model 6' de/manifest
check "...its datelines' places weigh 5" grep -qx 'dateline_weight 5' de/manifest
check "...a story without one has a term of weight 20" grep -qx 'placeless_weight 20' de/manifest
check "German words' character 4-grams are terms too (compounds)" grep -qx 'subwords 0.29999999999999999' de/manifest
check "...in the vocabulary, a word's start marked" grep -q '^~<ver	' de/vocab.tsv
"$ND" info de >out; has "info names them" out "^features +[0-9]+ \(IDF over 30 documents; unigrams \+ their character 4-grams"
check "...and no bigrams: German writes its phrases as compounds" grep -qx 'bigrams 0' de/manifest
"$ND" train --min-df 1 --folds 2 --bigrams -o deb "$DE" >out 2>err; is "--bigrams trains a German bundle with them" $? 0
check "...kept in the manifest" grep -qx 'bigrams 1' deb/manifest
"$ND" train --min-df 1 --folds 2 --subwords 0 --dateline-weight 0 -o de0 "$DE" >out 2>err; is "--subwords 0 --dateline-weight 0 trains" $? 0
check "...a bundle without them, format 3" grep -qx 'newsdesk-model 3' de0/manifest
check "...and no such terms" sh -c '! grep -q "^~" de0/vocab.tsv && ! grep -q "^subwords" de0/manifest && ! grep -q "^dateline_weight" de0/manifest && ! grep -q "^placeless_weight" de0/manifest'
"$ND" train --subwords -1 -o bad "$DE" >out 2>err; is "a negative --subwords is a usage error" $? 2
# a dateline's place is a term of its own: the same reports from two home and two foreign places;
# a report from home about foreign places is still home news, and the other way round
python3 -c '
import json
bodies = ("Der Ausschuss beriet am Montag \u00fcber den Bericht. Die Sitzung dauerte drei Stunden.",
          "Die Abgeordneten stimmten am Abend \u00fcber das Gesetz ab. Die Mehrheit war knapp.",
          "Der Minister stellte den Plan f\u00fcr die Schulen vor. Kritik kam von den Lehrern.",
          "Die Partei w\u00e4hlte eine neue Vorsitzende. Sie erhielt fast alle Stimmen.",
          "Das Gericht entschied \u00fcber die Klage der Opposition. Das Urteil fiel einstimmig.")
k = 0
for city, topic in (("Wien", "inland"), ("Graz", "inland"), ("Washington", "international"), ("Paris", "international")):
    for b in bodies:
        k += 1
        print(json.dumps({"id": "d%d" % k, "text": city + " \u2013 " + b, "topic": topic}))
for b in bodies:   # a section whose stories name no place above them
    k += 1
    print(json.dumps({"id": "d%d" % k, "text": b, "topic": "web"}))' >dl.jsonl
printf '{"id":"q1","text":"Wien \342\200\223 Der Ausschuss beriet \303\274ber einen Bericht aus Washington und Paris."}\n' >dq.jsonl
printf '{"id":"q2","text":"Washington \342\200\223 Der Ausschuss beriet \303\274ber einen Bericht aus Wien und Graz."}\n' >>dq.jsonl
printf '{"id":"q4","text":"Der Ausschuss beriet \303\274ber einen Bericht aus Wien und Graz."}\n' >>dq.jsonl
"$ND" train --language de --min-df 1 --folds 2 -o dl dl.jsonl >out 2>err; is "German texts with datelines train" $? 0
check "...their places are terms of their own" sh -c 'grep -q "^%wien	5$" dl/vocab.tsv && grep -q "^%washington	5$" dl/vocab.tsv'
"$ND" info dl >out; has "...info names them" out "^features .*datelines' places"
"$ND" classify --model dl dq.jsonl >out
has "a report from Wien about Washington and Paris is home news" out '"id":"q1","topic":"inland"'
has "...and one from Washington about Wien and Graz foreign news" out '"id":"q2","topic":"international"'
has "...and the same report with no place above it is of the section that writes none" out '"id":"q4","topic":"web"'
check "...by the term of a story without a dateline" grep -q "^%	5$" dl/vocab.tsv
"$ND" info dl >out; has "...which info names" out "^features .*datelines' places or none"
"$ND" train --language de --min-df 1 --folds 2 --placeless-weight 0 -o dlp dl.jsonl >out 2>err
check "--placeless-weight 0: no such term, format 5" sh -c '! grep -q "^%	" dlp/vocab.tsv && grep -qx "newsdesk-model 5" dlp/manifest'
"$ND" classify --model dlp dq.jsonl >out
has "...and the report with no place above it is read by its words (Wien, Graz: home)" out '"id":"q4","topic":"inland"'
"$ND" train --language de --min-df 1 --folds 2 --dateline-weight 0 -o dl0 dl.jsonl >out 2>err
check "--dateline-weight 0: no such terms" sh -c '! grep -q "^%" dl0/vocab.tsv'
"$ND" train --dateline-weight -1 -o bad "$DE" >out 2>err; is "a negative --dateline-weight is a usage error" $? 2
# a match report in compounds the training texts never used, only their parts (Mannschaft, Tor, Spiel)
printf '{"id":"q3","text":"Mannschaftskapitän schießt Siegtor im Meisterschaftsspiel."}\n' >q3.jsonl
"$ND" classify --model de q3.jsonl >out
has "compounds are read through their parts: sport" out '"id":"q3","topic":"sport"'
# the words' 4-grams are memoised per cached word: after a record of 125,000 new words the cache
# starts over, and the same text reads the same (the probabilities to the last digit)
python3 -c '
import itertools, json
w = ("".join(p) for p in itertools.product("bcdfghklmnprstvwz", repeat=5))
print(json.dumps({"id": "many", "text": " ".join(itertools.islice(w, 125000)) + "."}))' >many.jsonl
cat q3.jsonl many.jsonl q3.jsonl >again.jsonl
"$ND" process --threads 1 --format tsv --model de again.jsonl >out; is "a German bundle through the cache's start-over exits 0" $? 0
check "...the same text before and after it reads the same" test "$(sed -n 2p out)" = "$(sed -n 4p out)"
# a compound of many known 4-grams, then places: the places' terms come after the 4-grams
printf '{"id":"g1","text":"Konkurrentenverlängerung in Berlin und Paris."}\n' >g1.jsonl
"$ND" classify --threads 1 --model de g1.jsonl >out; is "places after a long compound's 4-grams (first record) exit 0" $? 0
"$ND" info de >out; has "info shows the language" out "^language +de \(german; Snowball stemmer, its stop words\)"
printf '{"id":"q1","text":"Die Aktien der Bank fielen an der Börse, der Gewinn des Konzerns sank."}\n{"id":"q2","text":"Der Stürmer traf zweimal, die Mannschaft gewann das Spiel."}\n' >q.jsonl
"$ND" classify --model de q.jsonl >out; is "classify with the German bundle exits 0" $? 0
has "a business text is wirtschaft" out '"id":"q1","topic":"wirtschaft"'
has "a match report is sport" out '"id":"q2","topic":"sport"'
check "its sentence model is the default model's, learned from English references" grep -q '^summarizer .* language=en$' de/manifest
"$ND" info de >out; has "...as info says" out "^summarizer: .*, learned from en references"
"$ND" info --format json de >out; is "...and its JSON" "$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["summarizer"]["language"])' out)" en
"$ND" train --min-df 1 --folds 2 --language de -o de2 "$DE" >out 2>err
has "--language de is taken as given" out "^language: de$"
check "the same bundle as auto's choice" diff -r de de2
"$ND" train --min-df 1 --folds 2 --language en -o en "$DE" >out 2>err
has "--language en on the same texts" out "^language: en$"
check "an English bundle stays format 2" grep -qx 'newsdesk-model 2' en/manifest
check "...with no subwords (English writes compounds apart)" sh -c '! grep -q "^subwords" en/manifest && ! grep -q "^~" en/vocab.tsv'
check "...and has other terms (English stems, no German stop words)" sh -c '! diff -q de/vocab.tsv en/vocab.tsv >/dev/null'
"$ND" train --min-df 1 --folds 2 -o tiny "$DATA/tiny-train.jsonl" >out 2>err
has "auto on English texts chooses English" out "^language: en, guessed"
# a story in another language than the bundle's: classified all the same, and said so once
cat >long.jsonl <<'EOF'
{"id":"de1","text":"Der Gemeinderat hat am Dienstagabend nach einer langen Sitzung beschlossen, die alte Brücke über den Fluss im kommenden Frühjahr zu sanieren. Die Kosten liegen nach Angaben der Verwaltung bei rund zwei Millionen Euro, von denen das Land einen großen Teil übernehmen will. Während der Bauarbeiten soll eine Fähre die beiden Ufer verbinden, damit die Schüler und die Pendler nicht den weiten Umweg über die Nachbarstadt fahren müssen."}
{"id":"en1","text":"The town council decided on Tuesday evening, after a long meeting, to repair the old bridge over the river next spring. The work will cost about two million euros, according to the administration, and the state has said it will pay for a large part of it. While the bridge is closed a ferry will link the two banks, so that pupils and commuters do not have to take the long way round through the next town."}
EOF
"$ND" classify --model tiny long.jsonl >out 2>err; is "a German story with an English bundle is classified" $? 0
check "...every record answered" test "$(grep -c '"topic"' out)" = 2
has "...and a note names the stories' language and the bundle's" err "^newsdesk: note: stories in another language than the model's \(en\): 1 de of 2 records; .*newsdesk train --language de\)$"
"$ND" classify --model de long.jsonl >out 2>err
has "with the German bundle the English story is the foreign one" err "\(de\): 1 en of 2 records"
# Chinese: told by its script (it has no function words here), read as pairs of characters, no stemmer
"$ND" train --min-df 1 --folds 2 -o zh "$DATA/chinese.jsonl" >out 2>err; is "train on Chinese texts exits 0" $? 0
has "auto guesses Chinese by its script" out "^language: zh, guessed from the first 12 records \([0-9]+% of their characters are of its script"
check "the manifest records it, with no stemmer" sh -c 'grep -qx "language zh" zh/manifest && grep -qx "stemmer none" zh/manifest'
"$ND" info zh >out; has "info says its words are taken as written, no stop words removed" out "^features +[0-9]+ \(IDF over 12 documents; unigrams \+ bigrams, words as written\)$"
printf '{"id":"c1","text":"球队在决赛中获胜，球员们拿到了冠军。"}\n{"id":"c2","text":"银行的利润增长，市场价格上涨。"}\n' >c.jsonl
"$ND" classify --model zh c.jsonl >out
has "a match report in Chinese is sport" out '"id":"c1","topic":"sport"'
has "a market report in Chinese is economy" out '"id":"c2","topic":"economy"'
printf '{"id":"zh1","text":"市议会周二晚上经过长时间的讨论，决定明年春天修复河上的旧桥。据市政府介绍，工程费用约为两百万欧元，其中大部分将由州政府承担。施工期间将有渡船连接两岸，学生和上班族不必绕远路经过邻近的城镇。"}\n' >zh1.jsonl
"$ND" classify --model tiny zh1.jsonl >out 2>err
has "a Chinese story with an English bundle: the note names it" err "\(en\): 1 zh of 1 records; .*newsdesk train --language zh\)$"
"$ND" classify --model zh zh1.jsonl >out 2>err
check "...and with the Chinese bundle there is no note" sh -c '! grep -q "note: stories" err'
"$ND" classify --model tiny "$DATA/articles.jsonl" >out 2>err
check "English stories with an English bundle: no note" sh -c '! grep -q "note: stories" err'
# a German story with an English bundle (written for the test): summarised, it is cut by German rules
printf '{"id":"de1","text":"Die Stadtwerke haben am Montag neue Preise für Strom und Gas bekanntgegeben. Ab dem 1. Januar zahlen Kunden rund 12 Prozent mehr, wie die Stadtwerke GmbH & Co. KG mitteilte. Der Vorstand begründete den Schritt mit gestiegenen Kosten am Großhandelsmarkt, die das Unternehmen seit dem 3. Oktober nicht mehr ausgleichen könne. Verbraucherschützer kritisierten die Erhöhung als zu hoch und rieten den Kunden, die Angebote anderer Anbieter zu vergleichen."}\n' >de1.jsonl
"$ND" summarize --model tiny --sentences 4 de1.jsonl >out
has "a German date is no sentence end under an English bundle" out '"Ab dem 1\. Januar zahlen Kunden rund 12 Prozent mehr, wie die Stadtwerke GmbH & Co\. KG mitteilte\.",'
has "...nor is a date in the middle of one" out 'seit dem 3\. Oktober nicht mehr ausgleichen'
# Chinese pages (written for the test): prose has no spaces to count words by
printf '<html><head><meta charset="utf-8"><title>t</title></head><body><article><p>上海股市周一上涨，投资者欢迎新的政策。</p></article></body></html>' >zh-short.html
"$ND" clean zh-short.html >out
has "a page of one short paragraph of Chinese keeps it (the block model doubts it: it is prose)" out '"text":"上海股市周一上涨，投资者欢迎新的政策。"'
printf '新华网河北频道\n首页 | 新闻 | 体育 | 财经\n话剧《约定无期限》河北各市巡演结束\n作者：记者王敬照\n\n市议会周二晚上经过长时间的讨论，决定明年春天修复河上的旧桥。据市政府介绍，工程费用约为两百万欧元，其中大部分将由州政府承担。\n\n施工期间将有渡船连接两岸，学生和上班族不必绕远路经过邻近的城镇。\n\n版权所有 新华网\n' >zh-page.txt
"$ND" clean zh-page.txt >out
has "a Chinese text's headline is its title" out '"title":"话剧《约定无期限》河北各市巡演结束"'
check "...its site name, byline and rights line are no story" sh -c '! grep -q "新华网河北频道\|作者\|版权所有" out'
has "...and its story is whole" out '"text":"话剧《约定无期限》河北各市巡演结束\\n\\n市议会周二晚上.*邻近的城镇。"}$'
# a Hindi text (written for the test): its sentences end in the danda, no ASCII stop
printf 'समाचार पोर्टल\nहोम | देश | खेल | व्यापार\nमुंबई शेयर बाजार में तेजी\n\nमुंबई शेयर बाजार सोमवार को तेजी से बढ़ गया और निवेशकों ने सरकार की नई नीति का स्वागत किया।\n\nविश्लेषकों का कहना है कि आने वाले हफ्तों में बाजार स्थिर रहेगा।\n' >hi-page.txt
"$ND" clean hi-page.txt >out
has "a Hindi text's headline is its title" out '"title":"मुंबई शेयर बाजार में तेजी"'
check "...and its site's name is no story" sh -c '! grep -q "समाचार पोर्टल" out'
"$ND" summarize --model tiny long.jsonl >out 2>err
check "summaries alone: no note (no topics to doubt)" sh -c '! grep -q "note: stories" err'
"$ND" train --language xx -o bad "$DE" >out 2>err; is "an unknown language is a usage error" $? 2
has "...naming the known ones" err "unknown language 'xx' \(known: auto, en, de, fr"
# a bundle from before languages: an English one's manifest without its language line, its
# closing hash made again (nd_hash, as src/nd_internal.h computes it)
cp -r en old && python3 - old/manifest <<'PY'
import sys
M = (1 << 64) - 1
def nd_hash(b):
    h = (0x9E3779B97F4A7C15 ^ (len(b) * 0xff51afd7ed558ccd)) & M
    n = len(b) - len(b) % 8
    for i in range(0, n, 8):
        k = int.from_bytes(b[i:i + 8], "little") * 0x87c37b91114253d5 & M
        h = (h ^ (k ^ k >> 31)) * 0x4cf5ad432745937f & M
    k = int.from_bytes(b[n:], "little")
    h = (h ^ (k * 0x87c37b91114253d5 & M)) * 0x4cf5ad432745937f & M
    h ^= h >> 33
    h = h * 0xff51afd7ed558ccd & M
    return h ^ h >> 33
lines = open(sys.argv[1], "rb").read().splitlines(keepends=True)
body = b"".join(l for l in lines[:-1] if not l.startswith(b"language "))
open(sys.argv[1], "wb").write(body + b"end %016x\n" % nd_hash(body))
PY
check "the old bundle has no language line" sh -c '! grep -q "^language " old/manifest'
"$ND" info old >out 2>err; is "a bundle from before languages loads" $? 0
has "...as English" out "^language +en \(english"
