# make install to a PREFIX: the program finds its model from anywhere, a program of one's own
# links with pkg-config and loads the model, and make uninstall leaves no file (own build dir).
. "$(dirname "$0")/lib.sh"
if ! command -v pkg-config >/dev/null; then
    skip "pkg-config is not installed"
    exit 0
fi
P="$T/prefix"
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES MOREFLAGS LDFLAGS OPT CFLAGS BUILD   # a plain build, whatever make asan passed down
make -s -C "$ROOT" -j2 BUILD="$T/build" PREFIX="$P" install >make.log 2>&1; is "make install PREFIX=... exits 0" $? 0
for f in bin/newsdesk share/man/man1/newsdesk.1 lib/libnewsdesk.a include/newsdesk.h lib/pkgconfig/newsdesk.pc \
         share/newsdesk/models/default/manifest share/newsdesk/gazetteer.tsv; do
    check "installs $f" test -f "$P/$f"
done
printf '{"id":"a","text":"The striker scored twice as the home side won the cup final in front of a full stadium."}\n' >one.jsonl
(cd / && env -u NEWSDESK_MODEL "$P/bin/newsdesk" classify "$T/one.jsonl") >out 2>err
has "the installed program finds its model from any directory" out '^\{"id":"a","topic":"sport"'
export PKG_CONFIG_PATH="$P/lib/pkgconfig"
is "pkg-config names the installed model directory" "$(pkg-config --variable=modeldir newsdesk)" "$P/share/newsdesk/models/default"
${CC:-cc} -std=c11 -o use-library "$ROOT/tests/install/use-library.c" $(pkg-config --cflags --libs newsdesk) 2>cc.log; rc=$?; sed "s/^/#   /" cc.log | head -5; (exit $rc)
is "a program of one's own builds with pkg-config --cflags --libs newsdesk" $? 0
./use-library "$(pkg-config --variable=modeldir newsdesk)" >out 2>err
has "...and loads the installed model and classifies" out '^one sport$'
make -s -C "$ROOT" BUILD="$T/build" PREFIX="$P" uninstall >/dev/null 2>&1; is "make uninstall exits 0" $? 0
is "make uninstall leaves no file" "$(find "$P" -type f | wc -l)" 0
make -s -C "$ROOT" -j2 BUILD="$T/build" PREFIX=/opt/nd DESTDIR="$T/stage" install >make.log 2>&1
check "DESTDIR stages under DESTDIR/PREFIX" test -f "$T/stage/opt/nd/bin/newsdesk" -a -f "$T/stage/opt/nd/lib/pkgconfig/newsdesk.pc"
has "the compiled-in data directory follows PREFIX" "$T/build/gen/datadir.h" '"/opt/nd/share/newsdesk"'
make -s -C "$ROOT" BUILD="$T/build" PREFIX=/opt/nd DESTDIR="$T/stage" uninstall >/dev/null 2>&1
is "and make uninstall with the same DESTDIR removes it all" "$(find "$T/stage" -type f | wc -l)" 0
