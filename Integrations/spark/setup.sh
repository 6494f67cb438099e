#!/usr/bin/env bash
# Installs what the Spark driver needs on a Debian machine: a Java runtime (only when no
# `java` is found) and a Python virtual environment beside this script with PySpark.
# Safe to run again: what is already there is kept, so a second run takes a second.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/.venv"
# PySpark 3.5 runs on Java 8, 11 and 17 and Python 3.8 to 3.12.
pyspark_version="3.5.8"
python="${PYTHON:-python3}"

apt_install() {
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

if ! command -v java >/dev/null 2>&1; then
    echo "Installing a Java runtime (default-jre-headless) ..." >&2
    apt_install default-jre-headless
fi

# Debian's own python3 makes environments only with python3-venv installed.
if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    echo "Installing python3-venv ..." >&2
    apt_install python3-venv
fi

# An environment left without pip by an interrupted run is made again.
if ! "$venv/bin/python" -m pip --version >/dev/null 2>&1; then
    echo "Creating the virtual environment $venv ..." >&2
    rm -rf "$venv"
    "$python" -m venv "$venv"
fi

installed="$("$venv/bin/python" -c 'import pyspark; print(pyspark.__version__)' 2>/dev/null || true)"
if [ "$installed" != "$pyspark_version" ]; then
    echo "Installing pyspark $pyspark_version into $venv ..." >&2
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pyspark==$pyspark_version"
fi
