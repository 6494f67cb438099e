#!/usr/bin/env bash
# Create the peers' virtualenv at Benchmarks/.venv and install the peer
# libraries from PyPI: datasketch, rensa, gaoya (optional) and numpy.
# Idempotent: packages already importable in the venv are skipped.
#
# Usage: Benchmarks/peers/setup.sh [--python PYTHON]
set -u

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="$(cd "$HERE/.." && pwd)/.venv"
PY="${PYTHON:-python3}"
if [ "${1:-}" = "--python" ] && [ -n "${2:-}" ]; then PY="$2"; fi

if [ ! -x "$VENV/bin/python" ]; then
    echo "setup: creating virtualenv at $VENV"
    "$PY" -m venv "$VENV" || { echo "setup: python -m venv failed (on Debian: apt-get install python3-venv)" >&2; exit 1; }
fi
VPY="$VENV/bin/python"

# name on PyPI : module to import : required?
PEERS="numpy:numpy:yes datasketch:datasketch:yes rensa:rensa:yes gaoya:gaoya:no"

status=0
for entry in $PEERS; do
    pkg="${entry%%:*}"; rest="${entry#*:}"; mod="${rest%%:*}"; required="${rest#*:}"
    if "$VPY" -c "import $mod" >/dev/null 2>&1; then
        echo "setup: $pkg already installed, skipping"
        continue
    fi
    echo "setup: installing $pkg"
    # --only-binary for gaoya: a source build needs a Rust toolchain; we want the wheel or nothing.
    extra=""
    [ "$pkg" = "gaoya" ] && extra="--only-binary=:all:"
    if "$VPY" -m pip install --disable-pip-version-check -q $extra "$pkg"; then
        if ! "$VPY" -c "import $mod" >/dev/null 2>&1; then
            echo "setup: WARNING: $pkg installed but 'import $mod' fails"
            [ "$required" = "yes" ] && status=1
        fi
    else
        if [ "$required" = "yes" ]; then
            echo "setup: ERROR: could not install $pkg" >&2
            status=1
        else
            pyver="$("$VPY" -c 'import sys,platform;print("%d.%d/%s" % (sys.version_info[0], sys.version_info[1], platform.machine()))')"
            echo "setup: NOTE: no installable wheel for $pkg on Python $pyver; carrying on without it (compare runs skip it)"
        fi
    fi
done

echo "setup: installed versions:"
"$VPY" - <<'PY'
import importlib.metadata as md
for name in ("datasketch", "rensa", "gaoya", "numpy"):
    try:
        print(f"  {name} {md.version(name)}")
    except md.PackageNotFoundError:
        print(f"  {name} (not installed)")
PY
exit $status
