# Output does not depend on threads or batch size.
. "$(dirname "$0")/lib.sh"
tiny_model
for i in $(seq 1 40); do cat "$DATA/articles.jsonl" "$DATA/bad.jsonl"; done >mix.jsonl
"$ND" process --model tiny --threads 1 --batch 256 mix.jsonl >ref 2>/dev/null
for t in 1 2 4; do
    for b in 1 7 256; do
        "$ND" process --model tiny --threads $t --batch $b mix.jsonl >out 2>/dev/null
        same "--threads $t --batch $b gives the same bytes" out ref
    done
done
is "one line per record" "$(wc -l <ref)" $((40 * 9))
