#!/usr/bin/env bash
# Ingest A/B: bench/server/ab.sh ingest (its header says how). Kept for the commands quoted in bench/README.md.
#   flock -o /work/cpu.lock bench/server/ab-ingest.sh OLD_COMMIT SQLITE_DB [PG_CLUSTER_DIR]
exec "$(dirname "$0")/ab.sh" ingest "$@"
