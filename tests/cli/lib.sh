# Helpers for the CLI cases: each check prints one TAP line.
# A case runs in a scratch directory ($T) with $ND the program under test.
set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ND="$ROOT/${ND_BUILD:-build}/newsdesk"
DATA="$ROOT/tests/data"
EXPECTED="$ROOT/tests/cli/expected"
SHARED="$ROOT/../shared/datasets"
[ -d "$SHARED" ] || SHARED="$ROOT/datasets/public"   # as datasets/fetch leaves it
T=$(mktemp -d /tmp/nd-cli-XXXXXX)
trap 'rm -rf "$T"' EXIT
cd "$T"

check() {   # DESCRIPTION COMMAND...: ok when the command succeeds
    local d=$1
    shift
    if "$@"; then echo "ok - $d"; else echo "not ok - $d"; fi
}
same() {    # DESCRIPTION FILE_A FILE_B: ok when identical, else show the diff
    if cmp -s "$2" "$3"; then echo "ok - $1"; else echo "not ok - $1"; diff "$2" "$3" | head -10 | sed 's/^/#   /'; fi
}
is() {      # DESCRIPTION GOT WANT
    if [ "$2" = "$3" ]; then echo "ok - $1"; else echo "not ok - $1"; echo "#   got  '$2'"; echo "#   want '$3'"; fi
}
has() {     # DESCRIPTION FILE PATTERN (grep -E)
    if grep -Eq -- "$3" "$2"; then echo "ok - $1"; else echo "not ok - $1"; echo "#   no /$3/ in:"; head -5 "$2" | sed 's/^/#   /'; fi
}
skip() {    # REASON
    echo "ok - skipped # SKIP $1"
}
# A small model trained on the test corpus (seconds), for exact outputs.
tiny_model() {
    [ -d "$T/tiny" ] || "$ND" train -q --min-df 1 --folds 2 -o "$T/tiny" "$DATA/tiny-train.jsonl" >/dev/null
}
