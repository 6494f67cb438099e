#!/usr/bin/env bash
# Usage: Fuzz/run.sh TARGET SECONDS
#   TARGET: FuzzJSONRecord | FuzzCSV | FuzzNormalizer | FuzzHTML
# Builds the harnesses (if needed) with the fuzzer and address sanitizers and runs one
# of them for SECONDS. The committed seed corpus is copied into a temporary working
# corpus, so Fuzz/Corpus is never grown; crash, timeout and leak inputs go to Fuzz/crashes/.
set -euo pipefail

target=${1:?usage: run.sh TARGET SECONDS}
seconds=${2:?usage: run.sh TARGET SECONDS}
here=$(cd "$(dirname "$0")" && pwd)

case "$target" in
    FuzzJSONRecord) kind=jsonl ;;
    FuzzCSV) kind=csv ;;
    FuzzNormalizer) kind=text ;;
    FuzzHTML) kind=html ;;
    *) echo "unknown target: $target" >&2; exit 2 ;;
esac

cd "$here"
swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
    --scratch-path .build-fuzz --product "$target" 2>&1 | grep -v "Cannot export local symbol" >&2 || true
binary="$here/.build-fuzz/debug/$target"
[[ -x "$binary" ]] || { echo "build failed: $binary missing" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/neardup-fuzz-$target.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp "$here/Corpus/$kind/"* "$work/"
mkdir -p "$here/crashes"
log="$work.log"

# Swift's backtracer would otherwise compete with AddressSanitizer's report.
export SWIFT_BACKTRACE=enable=no
set +e
"$binary" "$work" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$here/crashes/$target-" -print_final_stats=1 \
    2>&1 | tee "$log" | grep -E "^#[0-9]+.*(pulse|DONE|INITED)|ERROR|Fatal error|SUMMARY|Test unit written" >&2
status=${PIPESTATUS[0]}
set -e

echo "--- $target: final stats ---"
grep -E "^#[0-9]+" "$log" | tail -1
grep -E "^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)" "$log" || true
if grep -qE "Test unit written|ERROR: libFuzzer|ERROR: AddressSanitizer|Fatal error" "$log"; then
    echo "FINDING: see $log and $here/crashes/"
else
    echo "no crash, hang or invariant failure found"
fi
exit "$status"
