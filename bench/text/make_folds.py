#!/usr/bin/python3
"""Writes the 5 cross-validation folds of kursk-train.csv (fixed seed) as files, so every tool sees identical splits.

out/folds/k/{train,test}.csv are in the Kursk format (no header; id, text, topic, executor, group), read by all three tools.
"""
import csv
import os
import random
import sys

SEED = 20221
K = 5


def main(data, out):
    with open(data, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    order = list(range(len(rows)))
    random.Random(SEED).shuffle(order)
    for k in range(K):
        test = set(order[k::K])
        d = os.path.join(out, "folds", str(k))
        os.makedirs(d, exist_ok=True)
        for name, keep in (("train", lambda i: i not in test), ("test", lambda i: i in test)):
            with open(os.path.join(d, name + ".csv"), "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                for i in range(len(rows)):
                    if keep(i):
                        w.writerow(rows[i])
    print(f"wrote {K} folds of {len(rows)} rows to {out}/folds (seed {SEED})")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
