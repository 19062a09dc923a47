# The bars of the shipped settings on the public corpora beside the checkout.
. "$(dirname "$0")/lib.sh"
if [ ! -f "$SHARED/bbc/train.jsonl.gz" ]; then
    skip "no corpora in ../shared/datasets or datasets/public (datasets/fetch): the corpus checks did not run"
    exit 0
fi
"$ND" train -q -o bbc "$SHARED/bbc/train.jsonl.gz" >/dev/null; is "train on bbc: exit 0" $? 0
"$ND" eval --model bbc "$SHARED/bbc/test.jsonl.gz" >ev
acc=$(sed -n 's/^topic: .* accuracy \([0-9.]*\)%.*/\1/p' ev); acc_bbc=$acc
check "bbc topic accuracy >= 98.6% ($acc%)" awk -v a="$acc" 'BEGIN { exit !(a >= 98.6) }'
"$ND" eval "$SHARED/cnndm/validation.jsonl.gz" >ev
acc=$(sed -n 's/^region: .* accuracy \([0-9.]*\)%.*/\1/p' ev)
check "default model: cnndm region accuracy >= 80% ($acc%)" awk -v a="$acc" 'BEGIN { exit !(a >= 80) }'
"$ND" eval --format json --model bbc "$SHARED/bbc/test.jsonl.gz" >ev.json
json_acc=$(sed -n 's/.*"topic":{"documents":427,"correct":[0-9]*,"accuracy":\([0-9.]*\),.*/\1/p' ev.json)
check "eval --format json on bbc: the same accuracy as the text report ($json_acc)" awk -v a="$acc_bbc" -v j="$json_acc" 'BEGIN { exit !(j != "" && sprintf("%.2f", 100 * j) == a) }'
has "...and ROUGE" ev.json '"summaries":\{"records":427,"sentences":3,"method":"learned","highlights":false,"mmr":0.3,"rouge1":\{"precision":0\.[0-9]+,"recall":0\.[0-9]+,"f1":0\.[0-9]+\}'
if command -v python3 >/dev/null; then
    check "...as valid JSON" python3 -c 'import json, sys; json.load(open(sys.argv[1]))' ev.json
fi
