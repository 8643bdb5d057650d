#!/usr/bin/env bash
# Make sure a PostgreSQL server's binaries (initdb, pg_ctl) are installed, for the tests in
# tests/postgres (they start their own throw-away server). Idempotent: installs the Debian
# package only when no server binaries are found. Prints the directory holding them.
set -euo pipefail

find_bindir() {
  local initdb
  for initdb in /usr/lib/postgresql/*/bin/initdb; do
    if [[ -x "$initdb" && -x "$(dirname "$initdb")/pg_ctl" ]]; then
      dirname "$initdb"
    fi
  done | sort -V | tail -n 1
}

bindir="$(find_bindir)"
if [[ -z "$bindir" ]]; then
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "ensure_postgres: no PostgreSQL server found and not root: install the" \
         "'postgresql' package" >&2
    exit 1
  fi
  echo "ensure_postgres: installing the postgresql package" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bindir="$(find_bindir)"
  if [[ -z "$bindir" ]]; then
    echo "ensure_postgres: postgresql installed but no initdb/pg_ctl found" >&2
    exit 1
  fi
fi
echo "PostgreSQL server binaries: $bindir"
