#!/usr/bin/env bash
# Ratings at national scale from a generator: 100,000 accounts, 1M and 10M case facts (cases streamed, never held).
# Prints time and peak working set for each, so memory vs the number of cases can be read side by side.
# Storage-backed runs (SQLite, PostgreSQL cursors) come once the store of issue 2 is merged.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build -c Release -v q --nologo -clp:ErrorsOnly >&2
dll=bin/Release/net10.0/RatingsBench.dll
for cases in ${CASES:-1000000 10000000}; do
  dotnet "$dll" --cases "$cases" --accounts "${ACCOUNTS:-100000}" --bodies "${BODIES:-20000}" --replicates "${REPLICATES:-50}"
done
