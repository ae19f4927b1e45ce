#!/usr/bin/python3
"""fastText's prediction throughput only, on one fold, for throughput.sh: `fasttext_throughput.py OUT FOLD ROUNDS`.

The fold's two models (topic, executor) are trained once with fasttext_baseline.py's settings and kept in
OUT/models/fasttext-FOLD-*.bin; each round then times them exactly as fasttext_baseline.py does (the test texts
repeated 10 times minus a one-text run that is mostly the model load, one thread, rates combined harmonically).
Prints one JSON line with every round's rate and their median.
"""
import json
import os
import statistics
import sys

import common
import fasttext_baseline as fb


def main(out, fold, rounds, epoch=25, lr=1.0, dim=100):
    _, train, test = next((k, tr, te) for k, tr, te in common.folds(out) if k == fold)
    models = os.path.join(out, "models")
    os.makedirs(models, exist_ok=True)
    texts = [fb.line(r[1]) for r in test]
    test_path = os.path.join(models, f"fasttext-{fold}-test.txt")
    with open(test_path, "w", encoding="utf-8") as f:
        f.write("\n".join(texts * fb.REPEAT) + "\n")
    one_path = os.path.join(models, f"fasttext-{fold}-one.txt")
    with open(one_path, "w", encoding="utf-8") as f:
        f.write(texts[0] + "\n")
    paths = []
    for t, i in common.TARGETS:
        model = os.path.join(models, f"fasttext-{fold}-{t}")
        if not os.path.exists(model + ".bin"):
            train_path = os.path.join(models, f"fasttext-{fold}-train-{t}.txt")
            ids = {}
            with open(train_path, "w", encoding="utf-8") as f:
                for r in train:
                    f.write(f"__label__{ids.setdefault(r[i], len(ids))} {fb.line(r[1])}\n")
            print(f"fasttext_throughput: training the {t} model of fold {fold} (once)", file=sys.stderr, flush=True)
            fb.run(["supervised", "-input", train_path, "-output", model, "-epoch", str(epoch), "-lr", str(lr),
                    "-dim", str(dim), "-wordNgrams", "2", "-minn", "3", "-maxn", "5", "-thread", "2", "-seed", "1"])
        paths.append(model + ".bin")
    rates, cpu_rates = [], []
    for _ in range(rounds):
        wall, cpu = [], []
        for model in paths:
            load_s, load_cpu, _ = fb.timed_predict(model, one_path)
            all_s, all_cpu, _ = fb.timed_predict(model, test_path)
            n = len(texts) * fb.REPEAT - 1
            wall.append(n / max(all_s - load_s, 1e-9))
            cpu.append(n / max(all_cpu - load_cpu, 1e-9))
        rates.append(1.0 / sum(1.0 / r for r in wall))
        cpu_rates.append(1.0 / sum(1.0 / r for r in cpu))
    print(json.dumps({"tool": f"fastText epoch={epoch} lr={lr} dim={dim}", "fold": fold, "texts": len(texts),
                      "rounds": [round(r) for r in rates], "texts_per_s": statistics.median(rates),
                      "texts_per_cpu_s": statistics.median(cpu_rates)}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
