# Help goes to stdout with exit 0; usage errors to stderr with exit 2.
. "$(dirname "$0")/lib.sh"
"$ND" --help >out 2>err; is "--help exits 0" $? 0
has "--help lists the commands" out "process +topic \+ region \+ summary"
check "--help writes nothing on stderr" test ! -s err
"$ND" >out 2>err; is "no command: exit 2" $? 2
check "no command: usage on stderr" grep -q usage err
check "no command: nothing on stdout" test ! -s out
"$ND" frobnicate >out 2>err; is "unknown command: exit 2" $? 2
has "unknown command is named" err "'frobnicate' is not a command"
for c in process classify summarize train eval info; do
    "$ND" $c --help >out 2>err; is "$c --help exits 0" $? 0
    has "$c --help shows usage" out "^usage: newsdesk $c"
done
"$ND" help train >out; has "help CMD is CMD --help" out "^usage: newsdesk train"
"$ND" process --frob x >out 2>err; is "unknown option: exit 2" $? 2
has "unknown option is named" err "unknown or incomplete option '--frob'"
for c in train eval info; do   # every command names it as given, a long one without its value
    "$ND" $c --frob=1 x >out 2>err; is "$c: unknown option: exit 2" $? 2
    has "...named" err "unknown or incomplete option '--frob'"
done
"$ND" train --min-df >out 2>err; has "an option without its value is named" err "unknown or incomplete option '--min-df'"
"$ND" process -qZ x >out 2>err; has "an unknown short one among others is named alone" err "unknown or incomplete option '-Z'"
"$ND" process --sentences 0 x >out 2>err; is "bad --sentences: exit 2" $? 2
has "bad value is named" err "--sentences wants a number"
"$ND" summarize --sentences 2 --ratio 0.5 x >out 2>err; is "two length options: exit 2" $? 2
has "both length options are named" err "--sentences and --ratio both set the summary's length"
"$ND" summarize --words 40 --words 60 "$DATA/articles.jsonl" >out 2>err; is "the same length option twice: the last wins" $? 0
"$ND" process --threads lots x 2>err; is "bad --threads: exit 2" $? 2
"$ND" train >out 2>err; is "train without -o: exit 2" $? 2
has "train says what is missing" err "missing -o DIR"
"$ND" --version >out; has "--version names the libraries" out "^newsdesk [0-9.]+ \(zlib .*utf8proc .*libsvm .*cJSON"
"$ND" process --model /nonexistent "$DATA/articles.jsonl" >out 2>err; is "missing model: exit 1" $? 1
has "missing model: a clear message" err "cannot load model '/nonexistent'"
# options may follow the files (GNU style); after "--" everything is a file
"$ND" classify --format tsv "$DATA/articles.jsonl" >before 2>/dev/null
"$ND" classify "$DATA/articles.jsonl" --format tsv >after 2>/dev/null; is "options after the files: exit 0" $? 0
same "options after the files mean the same" before after
"$ND" classify -- --format >out 2>err; is "after --, '--format' is a file name: exit 1" $? 1
has "after --, the missing file is reported" err "'--format'|--format: "
