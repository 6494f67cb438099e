#!/usr/bin/env bash
# Installs the system packages NearDup builds against (Debian/Ubuntu), when missing:
# libxxhash-dev (XXH3), zlib1g-dev (gzip input), libxml2-dev (HTML pages),
# libsqlite3-dev (the archive index) and pkg-config; and chromium, the headless browser
# the tests open `neardup report`'s HTML in. Safe to run again.
set -euo pipefail

missing=()
dpkg -s libxxhash-dev >/dev/null 2>&1 || missing+=(libxxhash-dev)
dpkg -s zlib1g-dev >/dev/null 2>&1 || missing+=(zlib1g-dev)
dpkg -s libxml2-dev >/dev/null 2>&1 || missing+=(libxml2-dev)
dpkg -s libsqlite3-dev >/dev/null 2>&1 || missing+=(libsqlite3-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)

if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} ..." >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
