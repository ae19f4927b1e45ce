#!/usr/bin/env bash
# Text classifier benchmark: fastText, scikit-learn and Otklik on the same 5 folds of kursk-train.csv (fixed seed,
# fold files written once so all three see identical splits). Prints one table; results stay in bench/text/out/results.
# Baseline settings are the best of their CV grids (see README.md here); override with SK_C, FT_EPOCH, FT_LR.
set -euo pipefail
cd "$(dirname "$0")"
out=out
mkdir -p "$out/results"
/usr/bin/python3 make_folds.py ../../../shared/data/appeals/kursk-train.csv "$out"
dotnet build Otklik.Bench.Text -c Release -v q --nologo -clp:ErrorsOnly >&2

run() {
  local name=$1
  shift
  echo "bench/text: running $name" >&2
  /usr/bin/time -v -o "$out/results/$name.time" "$@" > "$out/results/$name.json"
}

[ -n "${SKIP_BASELINES:-}" ] || run sklearn /usr/bin/python3 sklearn_baseline.py "$out" "${SK_C:-1}"
[ -n "${SKIP_BASELINES:-}" ] || run fasttext /usr/bin/python3 fasttext_baseline.py "$out" "${FT_EPOCH:-25}" "${FT_LR:-1.0}"
run otklik dotnet Otklik.Bench.Text/bin/Release/net10.0/Otklik.Bench.Text.dll "$out/folds" "calibration=$out/results/otklik-calibration.json"
/usr/bin/python3 table.py "$out/results"
