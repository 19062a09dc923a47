# The main job on the test corpus with a model trained on the test corpus.
. "$(dirname "$0")/lib.sh"
tiny_model
check "a tiny model was trained" test -f tiny/manifest
"$ND" process --model tiny "$DATA/articles.jsonl" >out.jsonl 2>err; is "process exits 0" $? 0
check "process writes nothing on stderr" test ! -s err
same "process output is as expected" out.jsonl "$EXPECTED/process.jsonl"
"$ND" process --model tiny --format tsv "$DATA/articles.jsonl" >out.tsv; same "TSV output is as expected" out.tsv "$EXPECTED/process.tsv"
"$ND" classify --model tiny "$DATA/articles.jsonl" >c.jsonl; same "classify output is as expected" c.jsonl "$EXPECTED/classify.jsonl"
"$ND" process --model tiny --format csv "$DATA/articles.jsonl" "$DATA/bad.jsonl" >out.csv 2>/dev/null
has "CSV has a header row, CRLF line ends" out.csv '^id,topic,topic_confidence,region,region_confidence,summary_index,summary,error'$'\r''$'
has "CSV quotes a field with commas or line breaks, doubling its quotes" out.csv '^[^,]*,[a-z]+,[0-9.]+,[a-z-]+,[0-9.]+,"[0-9]+(,[0-9]+)*","'
if command -v python3 >/dev/null; then
    n=$(python3 -c 'import csv, sys; rows = list(csv.DictReader(open(sys.argv[1], newline=""))); print(len(rows), sum(1 for r in rows if r["error"]), rows[0]["summary"].count("\n") + 1)' out.csv)
    "$ND" process --model tiny "$DATA/articles.jsonl" "$DATA/bad.jsonl" >both.jsonl 2>/dev/null
    is "Python's csv.DictReader reads one row per record, the failed ones with their error" "$n" "$(wc -l <both.jsonl) $(grep -c '"error"' both.jsonl) 3"
else
    skip "python3 is not installed (CSV read back)"
fi
"$ND" classify --model tiny --probabilities "$DATA/articles.jsonl" >p.jsonl
check "--probabilities: every label of each task, summing to 1, the label the largest" awk '
    { for (t = 0; t < 2; t++) {
        task = t ? "region" : "topic"
        if (!match($0, "\"" task "\":\"[^\"]*\"")) exit 1
        label = substr($0, RSTART + length(task) + 4, RLENGTH - length(task) - 5)
        if (!match($0, "\"" task "_probabilities\":\\{[^}]*\\}")) exit 1
        obj = substr($0, RSTART, RLENGTH); sub(/^[^{]*\{/, "", obj); sub(/\}$/, "", obj)
        n = split(obj, kv, ","); sum = 0; best = ""; bp = -1
        for (i = 1; i <= n; i++) { split(kv[i], a, ":"); gsub(/"/, "", a[1]); sum += a[2]; if (a[2] > bp) { bp = a[2]; best = a[1] } }
        if (sum < 0.9999 || sum > 1.0001 || best != label || n != (t ? 7 : 3)) exit 1
    } }' p.jsonl
"$ND" classify --model tiny --probabilities --min-confidence 1 "$DATA/articles.jsonl" >u.jsonl
has "--min-confidence makes the label unknown and keeps the probabilities" u.jsonl '"topic":"unknown","topic_confidence":[0-9.]+,"topic_probabilities":\{'
"$ND" summarize --model tiny --probabilities "$DATA/articles.jsonl" >/dev/null 2>&1; is "summarize has no --probabilities" $? 2
"$ND" summarize --model tiny --sentences 1 "$DATA/articles.jsonl" >s.jsonl; same "summarize output is as expected" s.jsonl "$EXPECTED/summarize-1.jsonl"
"$ND" process --model tiny <"$DATA/articles.jsonl" >stdin.jsonl; same "stdin gives the same" stdin.jsonl out.jsonl
"$ND" process --model tiny - <"$DATA/articles.jsonl" >dash.jsonl; same "'-' is stdin" dash.jsonl out.jsonl
gzip -c "$DATA/articles.jsonl" >a.gz
"$ND" process --model tiny a.gz >gz.jsonl; same "gzip input, detected by content" gz.jsonl out.jsonl
head -1 "$DATA/articles.jsonl" | gzip -c >two.gz; tail -n +2 "$DATA/articles.jsonl" | gzip -c >>two.gz
"$ND" process --model tiny two.gz >two.jsonl; same "concatenated gzip members are one stream" two.jsonl out.jsonl
"$ND" process --model tiny "$DATA/articles.tsv" >tsvin.jsonl; same "TSV input gives the same" tsvin.jsonl out.jsonl
"$ND" process --model tiny "$DATA/texts" >dir.jsonl; is "a directory: one line per file" "$(wc -l <dir.jsonl)" 2
has "files in sorted order, id = path" dir.jsonl '^\{"id":"[^"]*texts/a-markets.txt"'
sed 's/"id"/"uid"/; s/"text"/"body"/' "$DATA/articles.jsonl" >renamed.jsonl
"$ND" process --model tiny --id-field uid --text-field body renamed.jsonl >ren.jsonl; same "field names can be changed" ren.jsonl out.jsonl
NEWSDESK_MODEL=tiny "$ND" process "$DATA/articles.jsonl" >env.jsonl; same "NEWSDESK_MODEL picks the model" env.jsonl out.jsonl
"$ND" process --model tiny --min-confidence 0.99999 "$DATA/articles.jsonl" >unk.jsonl
has "--min-confidence turns low confidence into unknown" unk.jsonl '"region":"unknown"'
yes "$(head -1 "$DATA/articles.jsonl")" | head -5000 >many.jsonl
"$ND" process --model tiny many.jsonl 2>err | head -1 >first.jsonl
check "a closed pipe ends the run quietly" test ! -s err
is "the first line still arrives" "$(wc -l <first.jsonl)" 1
printf '{"id":7,"title":"Cup final","text":"The striker scored twice as the home side won the cup final.","url":"http://x.example/a","n":3,"tags":["a","b"],"topic":"sport"}\n{"id":"s2","text":"Shares fell sharply as the bank reported a loss."}\n' >keep.jsonl
"$ND" classify --model tiny --keep-fields url,n,tags,topic,missing keep.jsonl >out; is "--keep-fields exits 0" $? 0
has "kept fields follow the id as the input has them, a numeric id stays a number" out '^\{"id":7,"url":"http://x.example/a","n":3,"tags":\["a","b"\],"input_topic":"sport","missing":null,"topic":"'
has "...and are null where a record lacks them" out '^\{"id":"s2","url":null,"n":null,"tags":null,"input_topic":null,"missing":null,'
"$ND" classify --model tiny --format csv --keep-fields url,n,tags keep.jsonl >out
has "CSV: a column per kept field, strings as themselves, other values as JSON" out '^7,http://x.example/a,3,"\[""a"",""b""\]",[a-z]+,'
has "...with the field names in the header" out '^id,url,n,tags,topic,'
printf 'id\ttext\tsource\n1\tThe striker scored twice as the home side won the cup final.\tWire\n' >keep.tsv
"$ND" classify --model tiny --keep-fields source keep.tsv >out
has "TSV input: a kept column is a string, and so is its id" out '^\{"id":"1","source":"Wire",'
"$ND" classify --model tiny --keep-fields url, keep.jsonl >/dev/null 2>&1; is "an empty name in --keep-fields is a usage error" $? 2
"$ND" summarize --model tiny --keep-fields topic keep.jsonl >out
has "summarize writes no topic of its own: a kept topic keeps its name" out '^\{"id":7,"topic":"sport","summary":'
# quotations over sentences: a summary quotes each piece it takes at the ends it lacks
printf '%s\n' '{"id":"q1","text":"\"We are doing well. We will be back next year,\" the coach said after the final. The players left the ground at noon.\n\"Nobody expected this run. Not the fans, not the board, not the players themselves.\n\"It was a team effort from the first day. Every player believed,\" he added."}' >quote.jsonl
"$ND" summarize --model tiny --method lead --sentences 5 quote.jsonl >out
has "a quotation's first piece is closed, its last one opened" out '^\{"id":"q1","summary":\["\\"We are doing well\.\\"","\\"We will be back next year,\\" the coach said after the final\.",'
has "a quotation whose paragraph ends open is closed in the summary" out ',"\\"Nobody expected this run\.\\"",'
has "...and the sentence that ends it opened" out ',"\\"Not the fans, not the board, not the players themselves\.\\""\],"summary_index":\[0,1,2,3,4\]\}$'
printf '%s\n' '{"id":"q2","text":"Der Trainer war zufrieden. „Wir haben gut gespielt. Die Mannschaft hat gekämpft. Wir sind stolz auf sie. Das war nicht selbstverständlich“, sagte er nach dem Spiel."}' >quote-de.jsonl
"$ND" summarize --model tiny --method lead --sentences 5 quote-de.jsonl >out
has "a German quotation of four sentences: its pieces quoted with „ “, the ones inside it at both ends" out '^\{"id":"q2","summary":\["Der Trainer war zufrieden\.","„Wir haben gut gespielt\.“","„Die Mannschaft hat gekämpft\.“","„Wir sind stolz auf sie\.“","„Das war nicht selbstverständlich“, sagte er nach dem Spiel\."\],'
printf '%s\n' '{"id":"q3","text":"Le ministre a présenté un plan pour l’industrie.\n« C’est un premier pas. Mais il faudra aller plus loin. Les salariés attendent des actes. Pas des promesses », a-t-elle dit.\n«Nous serons vigilants sur ce point. Toujours et partout. Pour tous les salariés du pays. Sans aucune exception», a-t-elle ajouté."}' >quote-fr.jsonl
"$ND" summarize --model tiny --method lead --sentences 9 quote-fr.jsonl >out
has "French guillemets: the pieces quoted with the paragraph's own spacing" out '"« C’est un premier pas\. »","« Mais il faudra aller plus loin\. »",.*"«Nous serons vigilants sur ce point\.»","«Pour tous les salariés du pays\.»",'
# a record without "text" is read from the field scrapers and news APIs name it by (NewsAPI's
# "content", news-please's "maintext", "body"), with a note when the name changes; not when a name is asked
printf '{"id":"n1","content":"The ferry company will raise fares by eight per cent from April, blaming higher fuel costs."}\n{"id":"n2","content":"A return ticket will go up from 48 to 52 pounds next year, the company said on Monday."}\n{"id":"n3","maintext":"The council said it was disappointed and would ask the company to keep a discount for residents."}\n' >fields.jsonl
"$ND" process fields.jsonl >out 2>err; is "records with content or maintext, not text: exit 0" $? 0
is "...each read" "$(grep -c '"summary":\["The\|"summary":\["A return' out)" 3
has "...a note names the field" err "fields.jsonl:1: record 'n1': no field 'text': its 'content' is read as the text"
is "...once for a run of records with the same name" "$(grep -c 'no field' err)" 2
"$ND" process --text-field body fields.jsonl >out 2>err; is "...not when --text-field names another" $? 1
has "...whose absence is the error" out '"error":"record has no text \(field .body.\)"'
printf '{"id":"h1","headline":"Ferry fares rise","content":"The ferry company will raise fares by eight per cent from April, blaming higher fuel costs."}\n' >headline.jsonl
"$ND" clean headline.jsonl >out 2>/dev/null
has "a record without title takes its headline" out '"title":"Ferry fares rise"'
# a feed's item: its address in "link", a footer under its story
printf '{"id":"f1","title":"Port strike ends","link":"https://www.portnews.example.com.au/2024/strike","content":"<p>Dock workers returned to work on Friday after their union accepted a four-year wage agreement.</p><p>The strike had stranded container ships for two weeks.</p><p>The post <a href=\\"https://www.portnews.example.com.au/2024/strike\\">Port strike ends</a> appeared first on <a href=\\"https://www.portnews.example.com.au\\">Port News</a>.</p>"}\n' >feed.jsonl
"$ND" process feed.jsonl >out 2>/dev/null
has "a feed's link is the record's address: .au places it in oceania, surely" out '"region":"oceania","region_confidence":0\.9'
"$ND" clean feed.jsonl >out 2>/dev/null
has "...and its story is kept" out 'The strike had stranded container ships for two weeks\.'
is "...without the feed's footer ('The post ... appeared first on ...')" "$(grep -c 'appeared first' out)" 0
