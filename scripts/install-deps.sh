#!/usr/bin/env bash
# Installs GLPK's C library and headers (Debian's libglpk-dev) when they are missing.
# glpk-utils (glpsol) is installed too: tests read exported MPS files back with it.
set -euo pipefail
missing=()
dpkg -s libglpk-dev >/dev/null 2>&1 || missing+=(libglpk-dev)
dpkg -s liblemon-dev >/dev/null 2>&1 || missing+=(liblemon-dev)
dpkg -s zlib1g-dev >/dev/null 2>&1 || missing+=(zlib1g-dev)    # zlib's headers: the workbook's zip writer
command -v glpsol >/dev/null 2>&1 || missing+=(glpk-utils)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)  # headless, for the report test (RedeployReportTests)
command -v python3 >/dev/null 2>&1 || missing+=(python3)     # with openpyxl (below), for the workbook test
python3 -m pip --version >/dev/null 2>&1 || missing+=(python3-pip)
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "installing ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
# openpyxl from PyPI: an independent reader of the plan workbook (PlanWorkbookTests; skipped
# without it). Debian 12 and later refuse pip outside a venv unless told otherwise.
if ! python3 -c "import openpyxl" >/dev/null 2>&1; then
    echo "installing openpyxl"
    python3 -m pip install --quiet --user openpyxl 2>/dev/null \
        || python3 -m pip install --quiet --user --break-system-packages openpyxl \
        || echo "openpyxl could not be installed: the workbook test will be skipped" >&2
fi
