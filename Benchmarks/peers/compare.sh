#!/usr/bin/env bash
# Side-by-side whole-process comparison of NearDup and its peers.
#
#   compare.sh --input FILE [--labels LABELS.json] [--neardup PATH_TO_NEARDUP]
#              [--peers datasketch,rensa,gaoya] [--repeat 3] [--format markdown]
#
# Sets up what it needs (GNU time, the peers' virtualenv) and runs compare.py
# with the virtualenv's python. `compare.sh --help` lists every option.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="$(cd "$HERE/.." && pwd)/.venv"

if [ ! -x /usr/bin/time ]; then
    echo "compare: /usr/bin/time missing; installing the 'time' package" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get install -y -q time >&2 || { $SUDO apt-get update -q >&2 && $SUDO apt-get install -y -q time >&2; }
fi

if [ ! -x "$VENV/bin/python" ]; then
    "$HERE/setup.sh" >&2
fi

exec "$VENV/bin/python" "$HERE/compare.py" "$@"
