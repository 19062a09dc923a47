# Bad input never stops the run and never vanishes: one output line per record.
. "$(dirname "$0")/lib.sh"
tiny_model
"$ND" process --model tiny "$DATA/bad.jsonl" >out 2>err; is "bad records: exit 1" $? 1
is "six records, six lines" "$(wc -l <out)" 6
has "not JSON: an error line with the id found" out '^\{"id":"b2","error":"not a JSON object'
has "no text: an error line" out '^\{"id":"b3","error":"record has no text'
has "a JSON array: an error line named FILE:LINE" out '^\{"id":"[^"]*bad.jsonl:7","error":"not a JSON object"\}$'
has "good records are processed" out '^\{"id":"b1","topic"'
has "invalid UTF-8 is repaired, not fatal" out '^\{"id":"b4","topic"'
has "stderr names file:line and id (b2)" err "bad.jsonl:2: record 'b2': not a JSON object"
has "stderr names file:line and id (b3)" err "bad.jsonl:3: record 'b3': record has no text"
has "stderr warns about bytes that are not UTF-8" err "bad.jsonl:5: record 'b4': read 2 bytes that are not UTF-8 as Windows-1252"
has "stderr counts the failures" err "3 of 6 records failed"
"$ND" process --model tiny -q "$DATA/bad.jsonl" >q 2>qerr
check "-q: no per-record messages" test "$(grep -c "record '" qerr)" -eq 0
has "-q: the count is still printed" qerr "3 of 6 records failed"

yes '{"id":"r","text":"Shares rose in Tokyo as exporters gained. The yen fell."}' | head -3000 | gzip -c >full.gz
head -c $(( $(stat -c %s full.gz) / 2 )) full.gz >cut.gz
"$ND" process --model tiny cut.gz >out 2>err; is "truncated gzip: exit 1" $? 1
has "truncated gzip: the last line is an error" <(tail -1 out) '"error":"input truncated'
check "truncated gzip: the records before the cut are there" test "$(grep -c '"topic"' out)" -gt 100
has "truncated gzip: stderr says so" err "cut.gz:[0-9]+: .*truncated"
# a bad checksum in the trailer: every record decoded before it is kept, then an error line
cp full.gz crc.gz && printf '\0\0\0\0' | dd of=crc.gz bs=1 seek=$(( $(stat -c %s full.gz) - 8 )) conv=notrunc 2>/dev/null
"$ND" classify --model tiny crc.gz >out 2>err; is "a bad gzip checksum: exit 1" $? 1
is "...all 3000 records are there" "$(grep -c '"topic"' out)" 3000
has "...then one error line, named by the file" <(tail -1 out) '^\{"id":"crc.gz:3001","error":"corrupt gzip data \(incorrect data check\); records after line 3000 are lost"\}$'
cat full.gz full.gz >two.gz
"$ND" classify --model tiny two.gz >out 2>err; is "two gzip members: both read" "$(grep -c '"topic"' out)" 6000
rm -f crc.gz two.gz

: >empty.jsonl
"$ND" process --model tiny empty.jsonl "$DATA/articles.jsonl" missing.jsonl >out 2>err; is "empty and missing inputs: exit 1" $? 1
is "empty + 3 + missing = 5 lines" "$(wc -l <out)" 5
has "empty input is an error line" <(head -1 out) '"error":"empty input"'
has "a missing file is an error line" <(tail -1 out) '^\{"id":"missing.jsonl","error":"cannot open: No such file'
has "the good file in between is processed" out '"id":"a3","topic"'

# A 200 MB line is rejected without being read whole: run under a 300 MB address-space limit.
if [ -n "${ND_ASAN:-}" ]; then
    skip "memory limit test under the sanitizer build (its shadow memory needs the address space)"
else
    ( printf '{"id":"huge","text":"'; head -c 200000000 /dev/zero | tr '\0' 'a'; printf '"}\n'; head -1 "$DATA/articles.jsonl" ) >huge.jsonl
    ( ulimit -v 300000; "$ND" process --model tiny --threads 2 huge.jsonl >out 2>err ); is "huge record: exit 1" $? 1
    has "huge record: an error line with its id" <(head -1 out) '^\{"id":"huge","error":"record of 2000000[0-9]{2} bytes exceeds the limit of 4194304 bytes"\}$'
    has "the record after it is processed" <(tail -1 out) '^\{"id":"a1","topic"'
    rm -f huge.jsonl
    # the batch's slots come as records do: the largest --batch costs nothing for three records
    ( ulimit -v 400000; "$ND" process --model tiny --threads 2 --batch 1048576 "$DATA/articles.jsonl" >out 2>err )
    is "--batch 1048576 on three records under a 400 MB limit: exit 0" $? 0
    is "...and three lines" "$(wc -l <out)" 3
fi
"$ND" process --model tiny --max-record 100 "$DATA/articles.jsonl" >out 2>err
is "--max-record: all three over a 100-byte limit" "$(grep -c 'exceeds the limit of 100 bytes' out)" 3
printf '{"id":"evil\\nnewsdesk: forged","text":""}\n' | "$ND" process --model tiny >out 2>err
is "a control character in an id cannot forge a diagnostic line" "$(grep -c '^newsdesk: forged' err)" 0
has "it is shown as '?'" err "record 'evil\?newsdesk: forged': record has no text"
# A text file in Windows-1252 (Latin-1 with curly quotes): its words come through whole.
printf 'Caf\xe9 owners in S\xe3o Paulo\n\nThe caf\xe9 owners said prices rose as coffee \x93shortages\x94 hit Brazil\x92s growers.\n' >latin1.txt
"$ND" summarize --model tiny latin1.txt >out 2>err
has "Windows-1252 text: accents and curly quotes kept" out 'The café owners said prices rose as coffee “shortages” hit Brazil’s growers\.'
has "and a warning counts the bytes" err "latin1.txt': read 6 bytes that are not UTF-8 as Windows-1252"
rm -f latin1.txt
# HTML character references left in scraped text are decoded.
printf '{"id":"e1","title":"Q&amp;A: the communiqu&#233;","text":"The EU&#8217;s leaders signed the communiqu&eacute; on Monday &mdash; after talks in Brussels. Officials said AT&amp;T was not involved."}\n' >ent.jsonl
"$ND" summarize --model tiny ent.jsonl >out 2>err
has "references decoded in the text" out 'The EU’s leaders signed the communiqué on Monday — after talks in Brussels\.'
has "and an '&' that is text stays" out 'AT&T was not involved'
rm -f ent.jsonl
# Markup left in a scraped text: tags go, paragraphs stay apart, an advertisement between them is clutter.
printf '{"id":"m1","text":"<p>The <b>central bank</b> raised its main rate to 7%% on Tuesday, the third rise this year.</p><p>ADVERTISEMENT</p><p>Officials said more rises may follow if prices keep climbing.</p>"}\n' >markup.jsonl
"$ND" summarize --model tiny --explain markup.jsonl >out 2>err
has "tags removed from the summary" out '"summary":\["The central bank raised its main rate to 7% on Tuesday, the third rise this year\.","Officials said more rises may follow if prices keep climbing\."\]'
has "the advertisement between paragraphs is removed as clutter" err "removed advertisement: ADVERTISEMENT"
rm -f markup.jsonl
# A headline much longer than its story: every title word is a term twice over (itself and '^word'), a bigram too.
printf '{"id":"long-title","title":"%s","text":"Markets fell."}\n' "$(for i in $(seq 60); do printf 'Word%s Shares ' $i; done)" >title.jsonl
"$ND" process --model tiny title.jsonl >out 2>err; is "a long title over a short text: exit 0" $? 0
has "and its line" out '^\{"id":"long-title","topic"'
rm -f title.jsonl
# A whole saved page as a text file: its <title> (without the site's name) is the title, the markup goes.
"$ND" summarize --model tiny "$DATA/page.html" >out 2>err
has "the page's story is the summary" out '"summary":\["The harbour reopened on Tuesday after three days of storms had closed it to all shipping\.","Fishing crews said they had lost a week of catches and asked the council for help\."\]'
check "no markup and no script in it" test "$(grep -c '<\|tracking' out)" -eq 0
# A UTF-8 byte order mark (spreadsheets write one) is no part of the header, the first record or the title.
printf '\xef\xbb\xbfid\ttitle\ttext\nt1\tPort to double\tThe port will double its capacity by 2027, officials said.\n' >bom.tsv
"$ND" summarize --model tiny bom.tsv >out 2>err
has "TSV after a byte order mark: the id column is found" out '^\{"id":"t1",'
printf '\xef\xbb\xbf{"id":"j1","text":"The port will double its capacity by 2027, officials said."}\n' >bom.jsonl
"$ND" summarize --model tiny bom.jsonl >out 2>err
has "JSON Lines after a byte order mark" out '^\{"id":"j1",'
rm -f bom.tsv bom.jsonl
# UTF-16 (by its byte order mark, either order) is read as UTF-8, across blocks of the input and with pairs cut between them.
for i in $(seq 4000); do printf '{"id":"u%d","text":"The port of Lagos \xf0\x9f\x9a\xa2 will double its capacity, officials said on day %d."}\n' $i $i; done >u8.jsonl
iconv -f utf-8 -t utf-16le u8.jsonl | { printf '\xff\xfe'; cat; } >u16le.jsonl
iconv -f utf-8 -t utf-16be u8.jsonl | { printf '\xfe\xff'; cat; } >u16be.jsonl
"$ND" summarize --model tiny u8.jsonl >out8 2>/dev/null
"$ND" summarize --model tiny u16le.jsonl >outle 2>errle
"$ND" summarize --model tiny u16be.jsonl >outbe 2>/dev/null
check "UTF-16LE gives what the same text in UTF-8 gives" cmp -s out8 outle
check "UTF-16BE too" cmp -s out8 outbe
is "4,000 records" "$(wc -l <outle)" 4000
# the first 256 KiB read after the mark end inside a surrogate pair: 18 bytes of '{"id":"xy', then 4-byte pairs
{ printf '{"id":"xy'; printf '\xf0\x9f\x9a\xa2%.0s' $(seq 70000); printf '","text":"The port will double its capacity."}\n'; } >pair8.jsonl
iconv -f utf-8 -t utf-16le pair8.jsonl | { printf '\xff\xfe'; cat; } >pair16.jsonl
"$ND" summarize --model tiny pair8.jsonl >out8 2>/dev/null
"$ND" summarize --model tiny pair16.jsonl >out16 2>/dev/null
check "a surrogate pair cut between two reads is joined again" cmp -s out8 out16
rm -f pair8.jsonl pair16.jsonl out8 out16
printf '\xff\xfe' >bom16.txt
"$ND" summarize --model tiny bom16.txt >out 2>err
has "a UTF-16 byte order mark alone is an empty input" out '"error":"empty input"'
rm -f u8.jsonl u16le.jsonl u16be.jsonl out8 outle outbe errle bom16.txt
"$ND" summarize --model tiny "$DATA/utf16le.txt" >out 2>err
has "a UTF-16 text file: its title line and its story" out '"summary":\["The harbour at São Tomé reopened on Tuesday 🚢 after three days of storms\."\]'
# A NUL byte inside a text (raw, or \u0000 in JSON) would end the C string there: the text after it
# would be lost unseen. It is read as a space, with a warning, in every format.
printf '{"id":"z1","text":"Rates rose.\\u0000 The words after the escape are kept."}\n{"id":"z2","text":"Rates rose.\000 The words after the raw byte are kept."}\n{"id":"z3","text":"A backslash and u0000 as text: \\\\u0000 stays."}\n' >nul.jsonl
"$ND" summarize --model tiny nul.jsonl >out 2>err; is "NUL in JSON: exit 0" $? 0
has "JSON \\u0000: the text after it is summarised" out '"id":"z1".*"The words after the escape are kept\."'
has "JSON raw NUL: the text after it is summarised" out '"id":"z2".*"The words after the raw byte are kept\."'
has "an escaped backslash before u0000 is text" out '"id":"z3".*u0000 stays'
has "a warning counts the NUL bytes" err "nul.jsonl:1: record 'z1': read 1 NUL byte as space$"
is "no warning for a backslash that is text" "$(grep -c "'z3'" err)" 0
printf 'id\ttext\nz4\tRates rose.\000 The words after the byte are kept.\n' >nul.tsv
"$ND" summarize --model tiny nul.tsv >out 2>err
has "TSV: the text after a NUL is summarised" out '"The words after the byte are kept\."'
has "TSV: the warning names file:line" err "nul.tsv:2: record 'z4': read 1 NUL byte as space$"
printf 'A headline\n\nRates rose.\000\000 The words after the bytes are kept.\n' >nul.txt
"$ND" summarize --model tiny nul.txt >out 2>err
has "text file: the text after NUL bytes is summarised" out '"The words after the bytes are kept\."'
has "text file: the warning counts both" err "record 'nul.txt': read 2 NUL bytes as spaces$"
rm -f nul.jsonl nul.tsv nul.txt
# UTF-8 once read as Windows-1252 and saved again ("fÃ¼r"): mended, with a warning; sound text is not touched
printf '{"id":"m1","text":"Die Stadt plant f\xc3\x83\xc2\xbcr 2025 einen Hafen. It\xc3\xa2\xe2\x82\xac\xe2\x84\xa2s big news."}\n{"id":"m2","text":"Die Stra\xc3\x9fe in S\xc3\xa3o Paulo \xc2\xbbist gro\xc3\x9f\xc2\xab."}\n' >moji.jsonl
"$ND" clean moji.jsonl >out 2>err; is "mojibake: exit 0" $? 0
has "mojibake: the text is mended" out '"id":"m1".*"Die Stadt plant für 2025 einen Hafen. It’s big news."'
has "mojibake: a warning counts the characters" err "moji.jsonl:1: record 'm1': mended 2 characters of UTF-8 once read as Windows-1252"
has "sound text: as it was" out '"id":"m2".*"Die Straße in São Paulo »ist groß«."'
is "sound text: no warning" "$(grep -c "'m2'" err)" 0
rm -f moji.jsonl
# A saved page that is not UTF-8, in the encoding its meta tag declares (Windows-1251, Shift_JIS): read in it
mkdir -p charset
printf '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>\xcf\xee\xf0\xf2 \xf1\xed\xee\xe2\xe0 \xee\xf2\xea\xf0\xfb\xf2</title></head><body><p>\xcf\xee\xf0\xf2 \xf1\xed\xee\xe2\xe0 \xee\xf2\xea\xf0\xfb\xeb\xf1\xff \xe2\xee \xe2\xf2\xee\xf0\xed\xe8\xea \xef\xee\xf1\xeb\xe5 \xf2\xf0\xb8\xf5 \xe4\xed\xe5\xe9 \xf8\xf2\xee\xf0\xec\xee\xe2, \xea\xee\xf2\xee\xf0\xfb\xe5 \xe7\xe0\xea\xf0\xfb\xeb\xe8 \xe5\xe3\xee \xe4\xeb\xff \xe2\xf1\xe5\xf5 \xf1\xf3\xe4\xee\xe2.</p><p>\xd0\xfb\xe1\xe0\xea\xe8 \xf1\xea\xe0\xe7\xe0\xeb\xe8, \xf7\xf2\xee \xef\xee\xf2\xe5\xf0\xff\xeb\xe8 \xed\xe5\xe4\xe5\xeb\xfe \xf3\xeb\xee\xe2\xe0, \xe8 \xef\xee\xef\xf0\xee\xf1\xe8\xeb\xe8 \xe3\xee\xf0\xee\xe4\xf1\xea\xee\xe9 \xf1\xee\xe2\xe5\xf2 \xee \xef\xee\xec\xee\xf9\xe8.</p></body></html>' >charset/ru.html
printf '<html><head><meta charset="Shift_JIS"><title>\x8d`\x82\xaa\x8d\xc4\x8aJ</title></head><body><p>\x8eO\x93\xfa\x8a\xd4\x82\xcc\x97\x92\x82\xc5\x95\xc2\x8d\xbd\x82\xb3\x82\xea\x82\xc4\x82\xa2\x82\xbd\x8d`\x82\xaa\x89\xce\x97j\x93\xfa\x82\xc9\x8d\xc4\x8aJ\x82\xb5\x82\xbd\x81B</p><p>\x8b\x99\x8et\x82\xbd\x82\xbf\x82\xcd\x88\xea\x8fT\x8a\xd4\x95\xaa\x82\xcc\x8b\x99\x82\xf0\x8e\xb8\x82\xc1\x82\xbd\x82\xc6\x98b\x82\xb5\x82\xbd\x81B</p></body></html>' >charset/ja.html
# an archive's scripts come first and name their own encoding; the page's meta element names the page's
printf '<html><head><script src="/static/archive.js" charset="utf-8"></script><!-- META CHARSET MODULE --><meta charset="ISO-8859-2"><title>Pomoc s\xb1siedzka</title></head><body><p>Mieszka\xf1cy zebrali pieni\xb1dze na now\xb1 \xb6wietlic\xea dla dzieci z osiedla.</p></body></html>' >charset/pl.html
"$ND" clean charset >out 2>err; is "declared encodings: exit 0" $? 0
has "a page's meta element names its encoding, a script's charset only the script's" out '"title":"Pomoc sąsiedzka","text":"Mieszkańcy zebrali pieniądze na nową świetlicę dla dzieci z osiedla.'
has "a Windows-1251 page reads as Russian" out '"title":"Порт снова открыт","text":"Порт снова открылся во вторник после трёх дней штормов, которые закрыли его для всех судов.'
has "a Shift_JIS page reads as Japanese" out '"title":"港が再開","text":"三日間の嵐で閉鎖されていた港が火曜日に再開した。'
has "a warning names the encoding" err "ru.html': not UTF-8: read as windows-1251, the encoding the page declares$"
# The same page as a scraper that decoded it as Latin-1 stores it in JSON (Python's requests, when the
# server names no encoding): its bytes taken back and read in the encoding it declares
python3 -c 'import json,sys; print(json.dumps({"id": "lat", "text": open("charset/ru.html", "rb").read().decode("latin-1")}))' >lat.jsonl
"$ND" clean lat.jsonl >out 2>err
has "a Latin-1-decoded Windows-1251 page reads as Russian" out '"title":"Порт снова открыт","text":"Порт снова открылся во вторник'
has "and the warning names the encoding" err "lat.jsonl:1: record 'lat': not UTF-8: read as windows-1251, the encoding the page declares$"
# ...and its title, which the scraper took from the page the same way, with it
python3 -c 'import json; b = open("charset/ru.html", "rb").read(); print(json.dumps({"id": "lat", "title": b[b.index(b"<title>") + 7:b.index(b"</title>")].decode("latin-1"), "text": b.decode("latin-1")}))' >lat.jsonl
"$ND" clean lat.jsonl >out 2>err
has "a Latin-1-decoded title field reads as Russian too" out '"title":"Порт снова открыт","text":"Порт снова открылся'
rm -f lat.jsonl
rm -rf charset
# directory walks: links back up the tree and FIFOs end in an error line each, and the run ends
mkdir -p walk/sub && cp "$DATA"/texts/* walk/ && ln -s .. walk/sub/up && ln -s . walk/self && mkfifo walk/pipe
timeout 20 "$ND" classify --model tiny walk >out 2>err; is "a walk with link loops and a FIFO: exit 1, not a hang" $? 1
is "one line per file, one per skipped entry" "$(wc -l <out)" 5
has "a link back up the walk is skipped" out '^\{"id":"walk/sub/up","error":"directory already walked \(reached again through a link\): skipped"\}$'
has "so is a link to the directory itself" err "record 'walk/self': directory already walked"
has "a FIFO in a walk is skipped" out '^\{"id":"walk/pipe","error":"not a regular file \(a FIFO\): skipped"\}$'
timeout 20 "$ND" classify --model tiny walk walk >out 2>/dev/null
is "a directory given twice is walked twice" "$(grep -c '"topic"' out)" 4
mkfifo lonely
timeout 20 "$ND" classify --model tiny lonely >out 2>/dev/null; is "a FIFO given by name without a writer: exit 1, not a hang" $? 1
has "...it is an empty input" out '^\{"id":"lonely","error":"empty input"\}$'
"$ND" classify --model tiny <(cat "$DATA/articles.jsonl") >out; is "a pipe given by name (process substitution) is read" "$(wc -l <out)" 3
rm -rf walk lonely
# half a UTF-16 surrogate pair in a JSON escape (Python writes them for broken text): U+FFFD, a warning, the record kept
printf '{"id":"u1","text":"Rates rose \\ud800 sharply on Monday. Traders were surprised."}\n' >half.jsonl
"$ND" summarize --model tiny half.jsonl >out 2>err; is "half a surrogate pair: exit 0" $? 0
has "...read as U+FFFD" out "\"Rates rose $(printf '\357\277\275') sharply on Monday\\."
has "...with a warning" err "record 'u1': read 1 escape of half a UTF-16 pair as U\\+FFFD$"
rm -f half.jsonl
# a binary file met as one article (an executable in a walked directory) is refused, not classified
head -c 4096 "$ND" >prog.bin
"$ND" classify --model tiny prog.bin >out 2>err; is "a binary file: exit 1" $? 1
has "...an error line" out '^\{"id":"prog.bin","error":"not a text file \(binary data\): skipped"\}$'
rm -f prog.bin
# nesting deeper than cJSON reads: said so, and the next record is read
{ printf '{"id":"deep","x":'; printf '[%.0s' $(seq 1100); printf ']%.0s' $(seq 1100); printf ',"text":"t"}\n'; head -1 "$DATA/articles.jsonl"; } >deep.jsonl
"$ND" classify --model tiny deep.jsonl >out 2>err; is "too deep: exit 1" $? 1
has "...the error says why" out '^\{"id":"deep","error":"not read: nested 1000 levels deep or more \(column [0-9]+\)"\}$'
has "...and the next record is read" out '^\{"id":"a1","topic"'
rm -f deep.jsonl
# markdown with a line of 200,000 unpaired brackets, an address with no end, 30,000 unclosed links:
# read in bounded looks (each once cost a scan to the line's end: over a minute for this record)
python3 -c "
import json
t = '[a](http://x) [b](http://y)\n' + '[' * 200000 + '\n[a](' + 'x' * 200000 + '\n' + '[a](/x ' * 30000 + '\n'
print(json.dumps({'id': 'brackets', 'text': t}))" >brackets.jsonl
timeout 60 "$ND" clean brackets.jsonl >out 2>err; is "pathological markdown: exit 0, not a minute's work" $? 0
has "...its story written" out '^\{"id":"brackets","title"'
rm -f brackets.jsonl
# 100,000 dates alone above a story, as a post's meta reads them: in one pass (a run of meta lines
# was once looked at again from each of its lines: minutes for this record)
python3 -c "
import json
t = 'Why fares rise\n' + '\n'.join('Monday, %d November 2024' % (i % 28 + 1) for i in range(100000))
print(json.dumps({'id': 'dates', 'text': t + '\nThe council voted on Tuesday night to add bike lanes along the street.'}))" >dates.jsonl
timeout 60 "$ND" clean dates.jsonl >out 2>err; is "100,000 dates above a story: exit 0, not minutes' work" $? 0
has "...its story written" out 'add bike lanes along the street'
rm -f dates.jsonl
