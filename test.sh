#!/usr/bin/env bash
# Runs every test. Installs what the tests need (PostgreSQL, nats-server, Chromium, the text baselines)
# from Debian's packages when missing, then `dotnet test`. The same script runs on CI (.ci/run) and on a laptop.
set -euo pipefail
cd "$(dirname "$0")"

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
# The web workspace's browser tests drive Debian's Chromium through Playwright (never `playwright install`).
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: missing ${need[*]}; install them (apt-get install -y ${need[*]}) or run as root" >&2
    exit 2
  fi
  echo "test.sh: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
  # The Debian package starts a cluster of its own; the tests start throwaway ones and do not need it.
  command -v pg_ctlcluster >/dev/null 2>&1 && pg_lsclusters -h 2>/dev/null | while read -r ver name _; do
    pg_ctlcluster "$ver" "$name" stop >/dev/null 2>&1 || true
  done
fi

dotnet test Otklik.slnx --nologo "$@"
