# The main job on the test corpus with a model trained on the test corpus.
. "$(dirname "$0")/lib.sh"
tiny_model
check "a tiny model was trained" test -f tiny/manifest
"$ND" process --model tiny "$DATA/articles.jsonl" >out.jsonl 2>err; is "process exits 0" $? 0
check "process writes nothing on stderr" test ! -s err
same "process output is as expected" out.jsonl "$EXPECTED/process.jsonl"
"$ND" process --model tiny --format tsv "$DATA/articles.jsonl" >out.tsv; same "TSV output is as expected" out.tsv "$EXPECTED/process.tsv"
"$ND" classify --model tiny "$DATA/articles.jsonl" >c.jsonl; same "classify output is as expected" c.jsonl "$EXPECTED/classify.jsonl"
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
