# train, eval and info on the test corpus.
. "$(dirname "$0")/lib.sh"
"$ND" train --min-df 1 --folds 2 --c 1,2 -o m "$DATA/tiny-train.jsonl" >out 2>err; is "train exits 0" $? 0
has "train reports features and time" out "^trained m from 24 records \(0 failed\): [0-9]+ features"
# no record carries a reference summary: the default model's sentence model is kept, and said so
has "without references the default model's sentence model is taken" out "^summaries: the sentence model of .*models/default \(under 10 records have reference summaries to learn one\)$"
check "...and kept in the bundle" sh -c 'test -s m/summary.svm && grep -q "^summarizer summary.svm features=position," m/manifest'
"$ND" info m >out; has "...info names it" out "^summarizer: learned sentence scorer over [0-9]+ features"
"$ND" train --min-df 1 --folds 2 --c 1,2 --no-summarizer -o m0 "$DATA/tiny-train.jsonl" >out 2>err
check "--no-summarizer: none taken" sh -c '! grep -q "^summaries" out && test ! -e m0/summary.svm'
"$ND" train --min-df 1 --folds 2 --c 1,2 --no-extract-model -o mr "$DATA/tiny-train.jsonl" >out 2>err
has "--no-extract-model: the default's sentence model all the same" out "^summaries: the sentence model of "
has "train reports the solver and the chosen C per task" out "^topic: 24 documents, 3 labels, libsvm, C=[12] \(cross-validated accuracy"
has "region is trained too" out "^region: 24 documents, 7 labels"
check "the bundle has a manifest" grep -q '^newsdesk-model 2$' m/manifest
check "the bundle has libsvm models" grep -q '^kernel_type linear$' m/topic.svm
check "no temporary directories left" test -z "$(ls -d m.tmp-* 2>/dev/null)"
"$ND" train --min-df 1 --folds 2 --c 1,2 -o m2 "$DATA/tiny-train.jsonl" >/dev/null
check "training is deterministic (same bundle bytes)" diff -r m m2
for t in 1 2; do
    "$ND" train --min-df 1 --folds 2 --c 1,2 --solver liblinear --threads $t -o ml$t "$DATA/tiny-train.jsonl" >out$t 2>err
    is "train --solver liblinear --threads $t exits 0" $? 0
done
has "the report names liblinear" out1 "^topic: 24 documents, 3 labels, liblinear, C=[12] \(cross-validated accuracy"
check "liblinear's fits do not depend on the thread count (same bundle bytes)" diff -r ml1 ml2
"$ND" train -q --min-df 1 --folds 2 --c 1,2 --solver liblinear --progress -o ml3 "$DATA/tiny-train.jsonl" >/dev/null 2>err
tr '\r' '\n' <err >lines
has "--progress shows the fits: task, fold and C, label, count and time left" lines \
    "^newsdesk: (topic|region): (fold [12] of 2|final fit), C=[12], label [0-9]+ of [0-9]+: fit 1 of [0-9]+, about [0-9]+ s left"
has "...and ends with the count of fits and the time" lines "^newsdesk: classifiers: [0-9]+ fits in [0-9.]+ s *$"
check "the manifest records the solver" grep -q '^task topic .* solver=liblinear$' ml1/manifest
"$ND" info ml1 >out; has "info shows it" out "^task topic: 3 labels, .*, fitted by liblinear$"
"$ND" info --format json ml1 >info.json
is "...and so does its JSON" "$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["tasks"]["topic"]["solver"])' info.json)" liblinear
"$ND" eval --model ml1 "$DATA/tiny-train.jsonl" >out; has "a liblinear bundle classifies its training records" out "^topic: 24 documents, accuracy 100\.00%"
"$ND" train --solver svm -o mx "$DATA/tiny-train.jsonl" >/dev/null 2>err; is "an unknown solver is a usage error" $? 2
has "...that names the choices" err "solver wants auto, libsvm or liblinear, not 'svm'"
"$ND" train -q --min-df 1 --folds 2 -o m3 --topic-data "$DATA/tiny-train.jsonl" >out; is "--topic-data: exit 0" $? 0
check "--topic-data trains topic only" test ! -f m3/region.svm
"$ND" train --min-df 1 --folds 2 -o m4 "$DATA/bad.jsonl" "$DATA/tiny-train.jsonl" >out 2>err; is "train with bad records: exit 1" $? 1
has "bad records are reported" err "bad.jsonl:2: record 'b2'"
check "the model is still written" test -f m4/manifest
has "train warns about mended bytes too" err "bad.jsonl:5: record 'b4': read 2 bytes that are not UTF-8 as Windows-1252"
"$ND" eval --model m "$DATA/bad.jsonl" >/dev/null 2>err
has "and so does eval" err "bad.jsonl:5: record 'b4': read 2 bytes that are not UTF-8 as Windows-1252"
"$ND" eval --model m "$DATA/tiny-train.jsonl" >out; is "eval exits 0" $? 0
has "eval reports accuracy per task" out "^topic: 24 documents, accuracy [0-9.]+%"
has "eval reports per-label P/R/F1" out "^  sport +[0-9.]+ +[0-9.]+ +[0-9.]+ +8$"
has "eval prints the confusion matrix" out "confusion \(rows: gold, columns: predicted\)"
"$ND" eval --model m <"$DATA/tiny-train.jsonl" >out; is "eval reads stdin when no file is given" $? 0
has "the same records from stdin" out "^topic: 24 documents, accuracy"
sed "s/\"topic\": \"sport\"/\"topic\": \"sports\"/" "$DATA/tiny-train.jsonl" >sports.jsonl
"$ND" eval --model m sports.jsonl >out 2>err; is "eval with a gold label the model lacks exits 0" $? 0
has "and warns how many gold labels the model lacks" err "warning: 8 of 24 gold topic labels are not among the model.s [0-9]+ labels \(.sports.\)"
has "the report says it too" out "^  note: 8 of 24 gold topic labels"
printf 'sports\tsport\n# a comment\n\n' >map.tsv
"$ND" eval --model m --label-map map.tsv sports.jsonl >out 2>err; is "eval --label-map exits 0" $? 0
check "...and maps the gold labels: no label unknown" test ! -s err
"$ND" eval --model m "$DATA/tiny-train.jsonl" >plain
check "...scoring as the model's own labels do" diff plain out
printf 'sports sport\n' >badmap.tsv
"$ND" eval --model m --label-map badmap.tsv sports.jsonl >/dev/null 2>err; is "a label map line without a tab is refused" $? 2
has "...with FILE:LINE" err "badmap.tsv:1: a label map line is 'gold<TAB>model'"
"$ND" eval --model m --format json sports.jsonl >ev.json 2>/dev/null; is "eval --format json exits 0" $? 0
has "eval JSON: per task accuracy, per-label scores, the confusion matrix, the unknown gold labels" ev.json \
    '^\{"records":24,"failed":0,"tasks":\{"topic":\{"documents":24,"correct":[0-9]+,"accuracy":0\.[0-9]{6},"macro_f1":[0-9.]+,"labels":\{.*"confusion":\{"labels":\[.*\],"matrix":\[\[[0-9,]+\](,\[[0-9,]+\])*\]\},"unknown_gold":\{"records":8,"labels":\["sports"\],"more":false\}\}'
has "...and null for what was not measured" ev.json '"summaries":null,"extraction":null\}$'
"$ND" info --format json --top 2 m >info.json; is "info --format json exits 0" $? 0
has "info JSON: format, language, tasks with their labels and top terms" info.json \
    '^\{"format":2,"language":\{"code":"en".*"tasks":\{"topic":\{"documents":24,.*"labels":\{"[a-z]+":\{"training_documents":[0-9]+,"top_terms":\["[^"]+","[^"]+"\]\}'
if command -v python3 >/dev/null; then
    check "both are valid JSON" python3 -c 'import json, sys; [json.load(open(f)) for f in sys.argv[1:]]' ev.json info.json
else
    skip "python3 is not installed (JSON validity)"
fi
printf '{"id":"s1","text":"The dam burst on Monday. Water flooded the valley. Nobody was hurt. The army helped.","summary":"The dam burst on Monday.\\nWater flooded the valley."}\n' >ref.jsonl
"$ND" eval --model m --sentences 2 --method lead ref.jsonl >out
has "eval computes ROUGE against references" out "^  ROUGE-1 +100.00 +100.00 +100.00$"
# a sentence model from references alone: abstractive highlights (the greedy oracle labels), datelines stripped
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
    printf '{"id":"h%s","text":"LONDON (Reuters) - Bridge %s over the river reopened on Monday after months of repairs. Traffic was light in the morning. Officials said the work cost %s million pounds. Shops nearby welcomed the news. A second bridge stays shut until spring.","summary":"Bridge %s reopens after repairs\\nThe work cost %s million pounds"}\n' $i $i $i $i $i
done >highlights.jsonl
printf '{"id":"h13","text":"No reference here."}\n' >>highlights.jsonl
"$ND" train --min-df 1 --folds 2 -o m6 --summary-data highlights.jsonl "$DATA/tiny-train.jsonl" >out 2>err; is "--summary-data: a record without a summary fails the run" $? 1
has "...and is reported" err "record 'h13': record 'h13' has no reference summary"
has "--summary-data trains the sentence model" out "^summaries: sentence model from 12 articles"
same "--summary-data does not change the vocabulary" m6/vocab.tsv m/vocab.tsv
has "the manifest names the dateline features" m6/manifest "^summarizer summary.svm features=position,.*,dateline,dateline_x_position,"
"$ND" summarize --model m6 --sentences 1 highlights.jsonl >out 2>/dev/null
has "the dateline is not in the summary" out '^\{"id":"h1","summary":\["Bridge 1 over the river reopened on Monday after months of repairs\."\],"summary_index":\[0\]\}$'
head -1 "$DATA/tiny-train.jsonl" >two.jsonl; sed -n 9p "$DATA/tiny-train.jsonl" >>two.jsonl
"$ND" train -q -o m7 two.jsonl >out 2>err; is "two documents: nothing to learn, exit 1" $? 1
has "...and why" err "no term is in 3 or more and at most 50% of the 2 documents \(--min-df, --max-df\): nothing to learn from"
check "...and no bundle is written" test ! -e m7
printf '{"id":"w1","text":"a b c","topic":"x"}\n{"id":"w2","text":"I, a, the","topic":"y"}\n' >nowords.jsonl
"$ND" train -q --min-df 1 -o m7 nowords.jsonl >out 2>err; is "texts of no words: exit 1" $? 1
has "...and the message says so, not min_df" err "no words to learn from in 2 documents \(stop words and single letters only\)"
"$ND" info m >out; is "info exits 0" $? 0
has "info lists the tasks" out "^task topic: 3 labels, 24 training documents"
has "info lists top terms" out "^  sport +[a-z]"
has "info shows every feature setting" out "^settings +min_df=.* lead_weight=.* numbers=.* title_terms=1 geo_weight="
check "title words are terms of their own" grep -q '^\^' m/vocab.tsv
"$ND" train -q --min-df 1 --folds 2 --no-title-terms -o m5 "$DATA/tiny-train.jsonl" >/dev/null
check "--no-title-terms: none in the vocabulary" test -z "$(grep '^\^' m5/vocab.tsv)"
has "--no-title-terms: the manifest says so" m5/manifest "^title_terms 0$"
"$ND" process --model m3 "$DATA/articles.jsonl" >out
check "a topic-only bundle writes no region keys" test -z "$(grep region out)"
has "...but its topics" out '^\{"id":"a1","topic":"[a-z]+","topic_confidence":[0-9.]+,"summary":'
"$ND" classify --model m --format tsv "$DATA/bad.jsonl" >out 2>/dev/null
is "TSV: a header and one row per record" "$(wc -l <out)" 7
has "TSV: an error row keeps the columns" out "$(printf '^b3\t\t\t\t\trecord has no text')"
"$ND" train --min-df 1 --folds 2 -o mstdin <"$DATA/tiny-train.jsonl" >out 2>err; is "train reads records piped in when no FILE is given" $? 0
has "...all of them" out "^trained mstdin from 24 records \(0 failed\)"
"$ND" train --folds 1 -o x "$DATA/tiny-train.jsonl" >/dev/null 2>err; is "a bad option value is a usage error" $? 2
has "...naming the option and its range" err "train: --folds wants a whole number from 2 to 20, not '1'"
"$ND" train --min-df=0 -o x "$DATA/tiny-train.jsonl" >/dev/null 2>err
has "...in the --opt=value form too" err "train: --min-df wants a whole number from 1 to 1000000, not '0'"
awk '{ for (i = 0; i < 50; i++) { l = $0; sub(/"id": *"/, "\"uid\":\"" i "-", l); gsub(/"text"/, "\"txt\"", l); print l } }' "$DATA/tiny-train.jsonl" >wrong.jsonl
"$ND" train -o x wrong.jsonl >/dev/null 2>err; is "train on records with other field names fails" $? 1
has "...stopping after the first 1000 that fail alike" err "error: the first 1000 records all failed alike \(record has no text \(field 'text', nor content, body, article, maintext, ...; --text-field names it\)\): stopping"
has "...naming the fields the records have" err "Their fields are: uid, title, txt, topic, region"
is "...and says no more than that about them" "$(grep -c "has no text" err)" 1001
# The block model from pages with known story and boilerplate segments: eight pages written here,
# a menu and a sign-up box around four story paragraphs
python3 - >pages.jsonl <<'PY'
import json
towns = ["Alder", "Birch", "Cedar", "Dunmore", "Elmwood", "Fairview", "Glen", "Harbor"]
for i, t in enumerate(towns):
    story = ["The council of %s voted on Tuesday to rebuild the old library, which closed after a storm damaged its roof last winter." % t,
             "Work is to start in the spring and should take about a year, the council said, at a cost of %d million." % (i + 2),
             "Residents had collected signatures for months, and several spoke at the meeting to ask for longer opening hours.",
             "The mayor said the new building would also house a small museum about the history of the town and its harbour."]
    chrome = ["Home", "News", "Sport", "Weather", "Sign up for our newsletter", "Subscribe now and get the first month free",
              "Privacy policy", "Contact us"]
    html = ("<html><body><nav><ul>" + "".join("<li><a href='/%d'>%s</a></li>" % (k, c) for k, c in enumerate(chrome[:4])) +
            "</ul></nav><article><h1>%s rebuilds its library</h1>" % t + "".join("<p>%s</p>" % p for p in story) +
            "</article><aside><p>%s</p><p>%s</p></aside><footer><a href='/p'>%s</a> <a href='/c'>%s</a></footer></body></html>"
            % tuple(chrome[4:]))
    print(json.dumps({"id": "page%d" % i, "text": html, "with": story, "without": chrome[4:]}))
PY
"$ND" train --min-df 1 --folds 2 --progress -o mx --extract-data pages.jsonl --topic-data "$DATA/tiny-train.jsonl" >out 2>err
is "train --extract-data exits 0" $? 0
has "the report names the block model for pages" out "^story extraction, html: block model from 8 pages \([0-9]+ labelled blocks\)"
tr '\r' '\n' <err >lines
has "--progress shows the block model's fits" lines "^newsdesk: story extraction, html: fold [12] of 2, C=[0-9.]+: fit 1 of [0-9]+"
has "...and ends their count" lines "^newsdesk: story extraction, html: [0-9]+ fits in [0-9.]+ s *$"
"$ND" eval --model mx pages.jsonl >out 2>/dev/null
has "the block model separates the pages it learnt from: every story segment kept, every other dropped" out \
    "^  precision 1\.0000  recall 1\.0000  f1 1\.0000"
