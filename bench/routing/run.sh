#!/usr/bin/env bash
# Router vs text model, 5-fold cross-validation (seed 17) on ../shared/data/appeals/kursk-train.csv.
# Run it under the shared lock: flock /work/cpu.lock bench/routing/run.sh   (it does not take the lock itself)
#   1. trains the text model on each training fold (about 20 s a fold), routes the held-out fold with a table derived
#      from the training folds only, prints text model alone vs router (accuracy and top-3), and writes the
#      out-of-fold predictions to bench/routing/out/oof.jsonl;
#   2. routes again from those predictions with no training: the variants, including the weights chosen per fold by
#      an inner cross-validation of the training folds.
# Wall time, CPU time and peak memory of each step follow it (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p bench/routing/out
dotnet build src/Otklik.Cli -c Release -v q --nologo -clp:ErrorsOnly >&2
cli=src/Otklik.Cli/bin/Release/net10.0/Otklik.Cli.dll
uptime
/usr/bin/time -f "step 1: wall %e s, CPU %U+%S s, peak RSS %M KB" \
  dotnet "$cli" route --eval --with-model --save-predictions bench/routing/out/oof.jsonl
/usr/bin/time -f "step 2: wall %e s, CPU %U+%S s, peak RSS %M KB" \
  dotnet "$cli" route --eval --predictions bench/routing/out/oof.jsonl
