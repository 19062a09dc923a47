# The man page documents every command and every option that --help lists, and renders cleanly.
. "$(dirname "$0")/lib.sh"
MAN="$ROOT/src/cli/newsdesk.1"
# the page spells options with escaped hyphens (\-\-text\-field): compare unescaped
sed 's/\\-/-/g' "$MAN" >page
for c in process classify summarize clean train eval info; do
    has "the man page has '$c'" page "^\.B $c( |$)"
    "$ND" $c --help | grep -oE -- '--[a-z][a-z-]*' | sort -u >opts
    missing=$(while read -r o; do grep -qE -- "$o([^a-z-]|\$)" page || echo "$o"; done <opts | tr '\n' ' ')
    is "every option of '$c --help' is in the man page" "$missing" ""
done
if command -v groff >/dev/null; then
    groff -man -Tutf8 -ww -z "$MAN" 2>warnings
    check "groff renders it without warnings" test ! -s warnings
else
    skip "groff is not installed"
fi
