#!/usr/bin/env bash
# Checks the Spark driver against `neardup cluster`: on the same corpus, with any number of
# partitions, `cat OUT/part-*` must be byte for byte what `neardup cluster` writes; bad
# records and duplicate ids must stop it or be skipped as they are by `neardup cluster`.
# Also runs the driver's unit tests. Builds nothing: it needs setup.sh's environment and a
# neardup binary with the `stage` commands.
#
# Usage: Integrations/spark/test.sh [NEARDUP]   (default: the repository's .build/release/neardup)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repository="$(cd "$here/../.." && pwd)"
neardup="${1:-${NEARDUP:-$repository/.build/release/neardup}}"
python="$here/.venv/bin/python"
driver="$here/neardup-spark"

if [ ! -x "$python" ]; then
    echo "no Python environment: run $here/setup.sh first" >&2
    exit 2
fi
if ! "$neardup" stage --help >/dev/null 2>&1; then
    echo "$neardup: not a neardup binary with the stage commands (swift build -c release)" >&2
    exit 2
fi
neardup="$(cd "$(dirname "$neardup")" && pwd)/$(basename "$neardup")"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

pass() { passed=$((passed + 1)); echo "ok: $1"; }
fail() { failed=$((failed + 1)); echo "FAILED: $1"; }

# Every id of the corpus exactly once in the output, and nothing else.
same_ids() {
    "$python" - "$1" "$2" <<'EOF'
import collections, json, sys
corpus = collections.Counter(json.loads(line)["id"] for line in open(sys.argv[1], encoding="utf-8") if line.strip())
output = collections.Counter(json.loads(line)["id"] for line in open(sys.argv[2], encoding="utf-8"))
sys.exit(0 if corpus == output and set(output.values()) <= {1} else 1)
EOF
}

# spark NAME [driver arguments...]: runs the driver into $work/NAME and joins its part
# files into $work/NAME.jsonl; standard error goes to $work/NAME.err. Returns its status.
spark() {
    local name="$1"
    shift
    local status=0
    "$driver" --master 'local[2]' --neardup "$neardup" "$@" --output "$work/$name" 2>"$work/$name.err" || status=$?
    if [ "$status" -eq 0 ]; then cat "$work/$name"/part-* >"$work/$name.jsonl"; fi
    return "$status"
}

# compare NAME REFERENCE CORPUS: byte for byte, as sorted lines, and the ids.
compare() {
    local name="$1" reference="$2" corpus="$3"
    if cmp -s "$work/$name.jsonl" "$reference"; then pass "$name: byte-identical to neardup cluster"; else fail "$name: differs from neardup cluster"; fi
    if cmp -s <(sort "$work/$name.jsonl") <(sort "$reference"); then pass "$name: the same lines"; else fail "$name: not the same lines"; fi
    if same_ids "$corpus" "$work/$name.jsonl"; then pass "$name: every id once"; else fail "$name: ids missing or repeated"; fi
}

echo "== unit tests"
if (cd "$here" && "$python" -m unittest test_driver test_components 2>&1); then
    pass "unit tests"
else
    fail "unit tests"
fi

echo "== news corpus, 3000 documents"
"$neardup" synth --documents 3000 --seed 3 --output "$work/T.jsonl" --labels "$work/T.labels.json" >/dev/null 2>&1
"$neardup" cluster "$work/T.jsonl" --output "$work/ref.jsonl" 2>/dev/null
for partitions in 1 3 8; do
    start=$SECONDS
    if spark "p$partitions" --partitions "$partitions" "$work/T.jsonl"; then
        echo "   --partitions $partitions: $((SECONDS - start)) s"
        compare "p$partitions" "$work/ref.jsonl" "$work/T.jsonl"
    else
        fail "p$partitions: the driver failed: $(tail -n 3 "$work/p$partitions.err")"
    fi
done

echo "== the same corpus as two inputs, the second gzip-compressed"
head -n 1700 "$work/T.jsonl" >"$work/T-first.jsonl"
tail -n +1701 "$work/T.jsonl" | gzip -c >"$work/T-rest.jsonl.gz"
if spark two-inputs --partitions 2 "$work/T-first.jsonl" "$work/T-rest.jsonl.gz"; then
    compare two-inputs "$work/ref.jsonl" "$work/T.jsonl"
else
    fail "two-inputs: the driver failed: $(tail -n 3 "$work/two-inputs.err")"
fi

echo "== web pages, 1500 documents, with dates, and every hub's candidates verified in blocks of 3"
"$neardup" synth --html --documents 1500 --seed 5 --output "$work/H.jsonl" --labels "$work/H.labels.json" >/dev/null 2>&1
"$neardup" cluster --date-field date "$work/H.jsonl" --output "$work/refH.jsonl" 2>/dev/null
if spark pages --stats --partitions 4 --block-candidates 3 --date-field date "$work/H.jsonl"; then
    grep -q "verified in parts" "$work/pages.err" || fail "pages: no hub was verified in parts"
    compare pages "$work/refH.jsonl" "$work/H.jsonl"
else
    fail "pages: the driver failed: $(tail -n 3 "$work/pages.err")"
fi

echo "== a broken record"
bad="$work/bad.jsonl"
{ head -n 200 "$work/T.jsonl"; echo '{"id": "broken", "text": "no end'; sed -n '201,400p' "$work/T.jsonl"; } >"$bad"
if spark bad "$bad"; then
    fail "bad: the driver accepted a broken record"
elif grep -q "$bad:201:" "$work/bad.err"; then
    pass "bad: stopped, naming $bad:201"
else
    fail "bad: the message does not name FILE:LINE: $(tail -n 3 "$work/bad.err")"
fi
"$neardup" cluster --skip-invalid "$bad" --output "$work/refbad.jsonl" 2>/dev/null
if spark bad-skipped --skip-invalid "$bad"; then
    if grep -qx "skipped 1 invalid record" "$work/bad-skipped.err"; then pass "bad-skipped: reported"; else fail "bad-skipped: no 'skipped 1 invalid record'"; fi
    if cmp -s "$work/bad-skipped.jsonl" "$work/refbad.jsonl"; then pass "bad-skipped: byte-identical to neardup cluster --skip-invalid"; else fail "bad-skipped: differs"; fi
else
    fail "bad-skipped: the driver failed: $(tail -n 3 "$work/bad-skipped.err")"
fi

echo "== duplicate ids"
dup="$work/dup.jsonl"
{ head -n 300 "$work/T.jsonl"; sed -n '5p' "$work/T.jsonl"; sed -n '301,350p' "$work/T.jsonl"; } >"$dup"
expected="$("$neardup" cluster "$dup" 2>&1 >/dev/null || true)"
if spark dup "$dup"; then
    fail "dup: the driver accepted a duplicate id"
elif [ "$(tail -n 1 "$work/dup.err")" = "neardup-spark: ${expected#neardup: }" ]; then
    pass "dup: stopped with neardup cluster's message"
else
    fail "dup: expected '${expected#neardup: }', got '$(tail -n 1 "$work/dup.err")'"
fi
"$neardup" cluster --dedupe-ids "$dup" --output "$work/refdup.jsonl" 2>/dev/null
if spark dup-skipped --dedupe-ids "$dup"; then
    if grep -qx "skipped 1 duplicate-id record" "$work/dup-skipped.err"; then pass "dup-skipped: reported"; else fail "dup-skipped: no 'skipped 1 duplicate-id record'"; fi
    if cmp -s "$work/dup-skipped.jsonl" "$work/refdup.jsonl"; then pass "dup-skipped: byte-identical to neardup cluster --dedupe-ids"; else fail "dup-skipped: differs"; fi
else
    fail "dup-skipped: the driver failed: $(tail -n 3 "$work/dup-skipped.err")"
fi

echo "== an output folder that holds an input"
mkdir -p "$work/inside"
cp "$dup" "$work/inside/in.jsonl"
if "$driver" --master 'local[1]' --neardup "$neardup" --overwrite "$work/inside/in.jsonl" --output "$work/inside" 2>"$work/inside.err"; then
    fail "inside: the driver replaced a folder holding its input"
elif grep -q "holds the input" "$work/inside.err" && [ -f "$work/inside/in.jsonl" ]; then
    pass "inside: refused, the input kept"
else
    fail "inside: $(tail -n 1 "$work/inside.err")"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
