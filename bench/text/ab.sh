#!/usr/bin/env bash
# Otklik's prediction throughput, this checkout against an older commit's src/, on the same kept fold model, the runs
# interleaved (ALT alternations, each `throughput=ROUNDS`), so that the machine's load falls on both alike:
#   bench/text/ab.sh OLD_COMMIT            (builds the old side into out/ab-old without the lock), then
#   flock -o /work/cpu.lock env SKIP_BUILD=1 bench/text/ab.sh OLD_COMMIT
# Needs out/models/otklik-0.model (throughput.sh writes it). Predictions are the same on both sides (golden test).
set -euo pipefail
cd "$(dirname "$0")"
old=$1
if [ -z "${SKIP_BUILD:-}" ]; then
    rm -rf out/ab-old && mkdir -p out/ab-old
    git archive HEAD bench Directory.Build.props Directory.Packages.props .editorconfig global.json 2>/dev/null | tar -x -C out/ab-old \
        || git archive HEAD bench Directory.Build.props Directory.Packages.props .editorconfig | tar -x -C out/ab-old
    git archive "$old" src | tar -x -C out/ab-old
    sed -i '/LowerCase/d' out/ab-old/bench/text/Otklik.Bench.Text/Diagnostics.cs
    dotnet build out/ab-old/bench/text/Otklik.Bench.Text -c Release -v q --nologo -clp:ErrorsOnly >&2
    dotnet build Otklik.Bench.Text -c Release -v q --nologo -clp:ErrorsOnly >&2
    exit 0
fi
echo "uptime before: $(uptime)"
for i in $(seq "${ALT:-3}"); do
    for side in old new; do
        dll=Otklik.Bench.Text/bin/Release/net10.0/Otklik.Bench.Text.dll
        [ $side = old ] && dll=out/ab-old/bench/text/$dll
        echo "$side $(dotnet "$dll" out/folds "throughput=${ROUNDS:-5}" fold=0 models=out/models)"
    done
done
echo "uptime after: $(uptime)"
