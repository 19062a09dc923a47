# The shipped default model on the project's sample corpus (the README's first command).
. "$(dirname "$0")/lib.sh"
"$ND" process "$ROOT/datasets/sample.jsonl.gz" >out 2>err; is "process on the sample: exit 0" $? 0
is "one line per sample article" "$(wc -l <out)" "$(gzip -dc "$ROOT/datasets/sample.jsonl.gz" | wc -l)"
check "every line has a topic, a region and a summary" test "$(grep -c '"topic":.*"region":.*"summary":\[' out)" -eq "$(wc -l <out)"
"$ND" eval "$ROOT/datasets/sample.jsonl.gz" >ev
acc=$(sed -n 's/^region: .* accuracy \([0-9.]*\)%.*/\1/p' ev)
check "region accuracy on the sample >= 88% ($acc%)" awk -v a="$acc" 'BEGIN { exit !(a >= 88) }'
"$ND" process "$ROOT/datasets/sample.jsonl.gz" | grep -F '"id":"sample-23"' >clutter
check "no site chrome in the summary of a cluttered page" test -z "$(grep -Ei 'share this|source link|articles: |rights reserved|www\.' clutter)"
"$ND" info >out; has "info on the default model" out "^task region: 7 labels"
"$ND" summarize --ratio 1 --mmr 0 "$DATA/clutter.jsonl" >all 2>err; is "summarize the clutter corpus: exit 0" $? 0
check "no chrome in any summary of the clutter corpus" test -z "$(grep -Ei 'share|source link|cookie|articles:|copyright|rights reserved|views|comments|subscribe|follow us|www\.|https?:|about the author|read more|related|posted|published|updated|by maria|city lede|valley times|global brief|example daily' all)"
is "every story sentence is kept (24, headlines aside)" "$(grep -o '[.!?]","\|[.!?]"\]' all | wc -l)" 24
"$ND" process --explain "$DATA/clutter.jsonl" >/dev/null 2>err
has "--explain names what was removed and why" err "clutter.jsonl:1: record 'c1': removed site-name: City Lede"
has "--explain: bios" err "record 'c4': removed author-bio: Sam Lee has written about football"
