#!/usr/bin/env bash
# A/B (issue 5): an old commit's code and this tree's, back to back, each on its own copy of the same stores, so that
# neither the host's speed of the moment nor a store's drift decides the comparison.
#   flock -o /work/cpu.lock bench/server/ab.sh MODE OLD_COMMIT SQLITE_DB [PG_CLUSTER_DIR]
#   MODE ingest:  run.sh's ingest only (prints the ingest rate and CPU lines)
#   MODE reads:   run.sh's wrk pages only, PAGES (default 'full-text'), DURATION (default 10s)
#   MODE both:    the ingest, then the pages on the store that ingest left (what a search costs after an ingest)
#   AB_BACKENDS=postgres …  one backend only (default: SQLite, and PostgreSQL when PG_CLUSTER_DIR is given)
# SQLITE_DB: a seeded 1M bench.db (bench/server/run.sh); PG_CLUSTER_DIR: a directory holding a seeded cluster's data/
# (a PGDIR of run.sh). Both are copied, never written. The old code must read the stores' schema version (copy stores
# made before its newest migration); a migration the new code runs lands on its copy only.
# Results: bench/out/ab-MODE/{old,new}/summary.txt; prints the lines of both.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
mode=${1:?mode: ingest, reads or both}; old=${2:?old commit}; sqlite_db=${3:?seeded SQLite bench.db}; pg_src=${4:-}
case $mode in ingest|reads|both) ;; *) echo "unknown mode $mode (ingest, reads or both)" >&2; exit 2 ;; esac
out=$root/bench/out/ab-$mode
tree=$(mktemp -d /tmp/otklik-ab.XXXXXX)
trap 'rm -rf "$tree" /var/tmp/otklik-ab-old-pg /var/tmp/otklik-ab-new-pg' EXIT
chmod 755 "$tree"  # PostgreSQL's tools run as postgres from the old tree
git archive "$old" | tar -x -C "$tree"
# The old tree's run.sh builds its own CLI; shared data resolves as ../shared from it.
[ -e "$(dirname "$tree")/shared" ] || ln -s "$(dirname "$root")/shared" "$(dirname "$tree")/shared"
rm -rf "$out"; mkdir -p "$out/old" "$out/new"
for side in old new; do cp "$sqlite_db" "$out/$side/bench.db"; done
if [ -n "$pg_src" ]; then for side in old new; do cp -a "$pg_src" /var/tmp/otklik-ab-$side-pg; done; fi
run() { # side dir backend what(ingest|reads)
  local pg=() what=()
  [ "$3" = postgres ] && pg=(PGDIR=/var/tmp/otklik-ab-$1-pg)
  if [ "$4" = ingest ]; then what=(INGEST_ONLY=1); else what=(SKIP_INGEST=1 SKIP_TIMED=1 "PAGES=${PAGES:-full-text}"); fi
  (cd "$2" && env BACKENDS="$3" REUSE=1 "${what[@]}" DURATION="${DURATION:-10s}" OUT="$out/$1" "${pg[@]}" PORT=5671 PGPORT=5672 bench/server/run.sh >/dev/null)
}
backends=sqlite; [ -n "$pg_src" ] && backends="sqlite postgres"
backends=${AB_BACKENDS:-$backends}
for backend in $backends; do
  for side in old new; do
    dir=$root; [ $side = old ] && dir=$tree
    [ "$mode" = reads ] || run $side "$dir" "$backend" ingest
    [ "$mode" = ingest ] || run $side "$dir" "$backend" reads
  done
done
for side in old new; do
  echo "== $side"
  grep -E '^(sqlite|postgres) ' "$out/$side/summary.txt" | grep -E 'ingest (batch|CPU per)| c[0-9]+ |search index' || true
done
