# The bars of the shipped settings on the public corpora beside the checkout.
. "$(dirname "$0")/lib.sh"
if [ ! -f "$SHARED/bbc/train.jsonl.gz" ]; then
    skip "no corpora in ../shared/datasets or datasets/public (datasets/fetch): the corpus checks did not run"
    exit 0
fi
"$ND" train -q -o bbc "$SHARED/bbc/train.jsonl.gz" >/dev/null; is "train on bbc: exit 0" $? 0
"$ND" eval --model bbc "$SHARED/bbc/test.jsonl.gz" >ev
acc=$(sed -n 's/^topic: .* accuracy \([0-9.]*\)%.*/\1/p' ev)
check "bbc topic accuracy >= 98.6% ($acc%)" awk -v a="$acc" 'BEGIN { exit !(a >= 98.6) }'
"$ND" eval "$SHARED/cnndm/validation.jsonl.gz" >ev
acc=$(sed -n 's/^region: .* accuracy \([0-9.]*\)%.*/\1/p' ev)
check "default model: cnndm region accuracy >= 80% ($acc%)" awk -v a="$acc" 'BEGIN { exit !(a >= 80) }'
