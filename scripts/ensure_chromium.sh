#!/usr/bin/env bash
# Make sure Debian's chromium is installed at /usr/bin/chromium, for the browser tests in
# tests/web (Playwright drives it; `playwright install` is never run). Idempotent: installs
# the Debian package only when the browser is missing.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [[ ! -x "$CHROMIUM" ]]; then
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "ensure_chromium: no $CHROMIUM and not root: install the 'chromium' package" \
         "(the browser tests will be skipped)" >&2
    exit 1
  fi
  echo "ensure_chromium: installing the chromium package" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  if [[ ! -x "$CHROMIUM" ]]; then
    echo "ensure_chromium: chromium installed but no $CHROMIUM found" >&2
    exit 1
  fi
fi
echo "Chromium: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
