#!/usr/bin/env bash
# Make sure redis-server is installed, for the tests that start their own throw-away Redis
# (rate limits shared across processes, Rasa's lock store). Idempotent: installs the Debian
# package only when no redis-server is found. Prints the binary's path.
set -euo pipefail

server="$(command -v redis-server || true)"
if [[ -z "$server" ]]; then
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "ensure_redis: no redis-server found and not root: install the 'redis-server'" \
         "package" >&2
    exit 1
  fi
  echo "ensure_redis: installing the redis-server package" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    redis-server >/dev/null
  # Debian starts a system-wide server on port 6379 when it installs the package; the
  # tests start their own, so the system's stays as the administrator leaves it.
  server="$(command -v redis-server || true)"
  if [[ -z "$server" ]]; then
    echo "ensure_redis: redis-server installed but not found on PATH" >&2
    exit 1
  fi
fi
echo "redis-server: $server"
