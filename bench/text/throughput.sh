#!/usr/bin/env bash
# Prediction throughput only: Otklik against fastText on the same test texts of one fold (fold 0 unless FOLD=k),
# one thread, models loaded, ROUNDS rounds each (default 5), medians and their ratio. Both models are trained once and
# kept in out/models (delete it after a change to training). A few minutes instead of run.sh's ~9. Run it as
#   flock -o /work/cpu.lock bench/text/throughput.sh
# Prints load before and after, and each tool's peak memory and CPU time (/usr/bin/time -v).
set -euo pipefail
cd "$(dirname "$0")"
out=out
fold=${FOLD:-0}
rounds=${ROUNDS:-5}
mkdir -p "$out/results"
[ -f "$out/folds/$fold/test.csv" ] || /usr/bin/python3 make_folds.py ../../../shared/data/appeals/kursk-train.csv "$out"
dotnet build Otklik.Bench.Text -c Release -v q --nologo -clp:ErrorsOnly >&2
echo "uptime before: $(uptime)"
/usr/bin/time -v -o "$out/results/tp-fasttext.time" /usr/bin/python3 fasttext_throughput.py "$out" "$fold" "$rounds" > "$out/results/tp-fasttext.json"
/usr/bin/time -v -o "$out/results/tp-otklik.time" dotnet Otklik.Bench.Text/bin/Release/net10.0/Otklik.Bench.Text.dll "$out/folds" \
    "throughput=$rounds" "fold=$fold" "models=$out/models" > "$out/results/tp-otklik.json"
echo "uptime after: $(uptime)"
/usr/bin/python3 - "$out/results" <<'PY'
import json, os, re, sys
res = sys.argv[1]
rows = {}
for name in ("fasttext", "otklik"):
    with open(os.path.join(res, f"tp-{name}.json"), encoding="utf-8") as f:
        r = json.loads(f.read().strip().splitlines()[-1])
    with open(os.path.join(res, f"tp-{name}.time"), encoding="utf-8") as f:
        t = f.read()
    r["peak_mb"] = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
    r["cpu_s"] = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", t))
    rows[name] = r
    print(f"{r['tool']}: fold {r['fold']}, {r['texts']} texts, rounds {r['rounds']}, median {r['texts_per_s']:,.0f} texts/s wall "
          f"({r['texts_per_cpu_s']:,.0f} by CPU time); process peak {r['peak_mb']:.0f} MB, {r['cpu_s']:.1f} s CPU")
print(f"ratio Otklik / fastText: {rows['otklik']['texts_per_s'] / rows['fasttext']['texts_per_s']:.2f}x wall, "
      f"{rows['otklik']['texts_per_cpu_s'] / rows['fasttext']['texts_per_cpu_s']:.2f}x by CPU time")
PY
