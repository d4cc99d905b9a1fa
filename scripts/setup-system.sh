#!/bin/sh
# Install the system packages nss-autofill's dry run and tests need, when missing:
# a Chromium, a Japanese font (otherwise kanji render as boxes), Xvfb for headed tests and faketime
# (the tests run their date-dependent part with the clock two years ahead).
# As root it installs them with apt-get; otherwise it prints the exact command to run.
# It never runs `playwright install` (browser downloads are not reachable here).
set -eu

missing=""
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1 \
   && ! command -v google-chrome >/dev/null 2>&1; then
    missing="$missing chromium"
fi
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=ja 2>/dev/null | head -n 1)" ]; then
    missing="$missing fonts-ipafont-gothic"
fi
command -v xvfb-run >/dev/null 2>&1 || missing="$missing xvfb"
command -v xauth >/dev/null 2>&1 || missing="$missing xauth"
# the tests run the date-dependent ones with the machine's clock two years ahead
command -v faketime >/dev/null 2>&1 || missing="$missing faketime"

if [ -z "$missing" ]; then
    echo "system packages: chromium, Japanese font, Xvfb, faketime present" >&2
    exit 0
fi

cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing:$missing" >&2
    sh -c "$cmd"
else
    echo "missing system packages:$missing" >&2
    echo "run as root / root で実行してください:" >&2
    echo "  sudo sh -c '$cmd'" >&2
    exit 1
fi
