#!/usr/bin/env bash
# Installs GLPK's C library and headers (Debian's libglpk-dev) when they are missing.
# glpk-utils (glpsol) is installed too: tests read exported MPS files back with it.
set -euo pipefail
missing=()
dpkg -s libglpk-dev >/dev/null 2>&1 || missing+=(libglpk-dev)
dpkg -s liblemon-dev >/dev/null 2>&1 || missing+=(liblemon-dev)
command -v glpsol >/dev/null 2>&1 || missing+=(glpk-utils)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)  # headless, for the report test (RedeployReportTests)
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "installing ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
