#!/usr/bin/env bash
# Regenerates Data/report.png, the README's picture of `neardup report`: the report of
# Data/archive with cluster 6 (the Reuters story and its reprints) open, as headless
# Chromium draws it at 1280x1600. Needs chromium (scripts/setup.sh installs it).
# NEARDUP names the neardup executable to use; by default the release build, built first.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${NEARDUP:-}" ]; then
    swift build -c release
    NEARDUP=.build/release/neardup
fi
command -v chromium >/dev/null 2>&1 || { echo "chromium is missing: run scripts/setup.sh" >&2; exit 1; }

folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT
"$NEARDUP" report Data/archive --output "$folder/archive.html"

# Chromium's sandbox does not run as root.
sandbox=()
[ "$(id -u)" -ne 0 ] || sandbox=(--no-sandbox)
chromium --headless "${sandbox[@]}" --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$folder/profile" --virtual-time-budget=5000 --window-size=1280,1600 \
    --screenshot="$PWD/Data/report.png" "file://$folder/archive.html#cluster=6" 2>/dev/null
echo "wrote Data/report.png" >&2
