#!/usr/bin/python3
"""Prints the benchmark table from out/results: one row per tool, plus Otklik's calibration and coverage figures."""
import json
import os
import re
import sys


def peak_mb(path):
    with open(path, encoding="utf-8") as f:
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", f.read())
    return int(m.group(1)) / 1024 if m else float("nan")


def main(results):
    rows = []
    for name in ("fasttext", "sklearn", "otklik"):
        path = os.path.join(results, name + ".json")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            r = json.loads(f.read().strip().splitlines()[-1])
        r["peak_mb"] = peak_mb(os.path.join(results, name + ".time"))
        rows.append(r)
    print("| tool | topic acc | topic macro-F1 | executor acc | executor macro-F1 | train s/fold | texts/s (wall) | texts/s (CPU) | peak MB |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['tool']} | {r['topic_accuracy']:.4f} | {r['topic_macro_f1']:.4f} | {r['executor_accuracy']:.4f} | "
              f"{r['executor_macro_f1']:.4f} | {r['train_s']:.1f} | {r['texts_per_s']:.0f} | {r.get('texts_per_cpu_s', float('nan')):.0f} | {r['peak_mb']:.0f} |")
    for r in rows:
        if "texts_per_s_cold" in r:
            print(f"\n{r['tool']}: {r['texts_per_s_cold']:.0f} texts/s (wall) from a cold load, no warm-up texts (every word new)")

    calibration = os.path.join(results, "otklik-calibration.json")
    if os.path.exists(calibration):
        with open(calibration, encoding="utf-8") as f:
            heads = json.load(f)
        print()
        print("Otklik, pooled test predictions of the 5 folds: ECE (10 bins) and reliability (confidence bin: mean confidence / accuracy, n)")
        for head, m in heads.items():
            bins = ", ".join(f"{b['Lower']:.1f}: {b['MeanConfidence']:.2f}/{b['Accuracy']:.2f} n={b['Count']}" for b in m["Reliability"] if b["Count"])
            print(f"- {head}: ECE {m['ExpectedCalibrationError']:.4f}; {bins}")
        print()
        print("| threshold | " + " | ".join(f"{h} coverage / accuracy" for h in heads) + " |")
        print("|---|" + "---|" * len(heads))
        for i, point in enumerate(next(iter(heads.values()))["Coverage"]):
            cells = [f"{m['Coverage'][i]['Coverage']:.1%} / {m['Coverage'][i]['Accuracy']:.3f}" for m in heads.values()]
            print(f"| {point['Threshold']:.1f} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "out/results")
