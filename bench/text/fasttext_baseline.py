#!/usr/bin/python3
"""fastText baseline (`fasttext supervised`, word bigrams, char n-grams 3-5) on the shared folds, one model per target.

Throughput is measured with the model loaded: the time to predict the test texts repeated REPEAT times minus the time
to predict one text (which is mostly loading the model), one thread. Prints one JSON line like sklearn_baseline.py.
"""
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

import common

REPEAT = 10
WORD = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def line(text):
    return " ".join(WORD.findall(common.clean(text)))


def run(args):
    subprocess.run(["fasttext", *args], check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_predict(model, path):
    """Wall and CPU seconds of one `fasttext predict` run (fastText predicts on one thread), and its output lines."""
    started, cpu = time.perf_counter(), children_cpu()
    out = subprocess.run(["fasttext", "predict", model, path, "1"], check=True, stdout=subprocess.PIPE).stdout
    return time.perf_counter() - started, children_cpu() - cpu, out.decode("utf-8").splitlines()


def main(out, epoch, lr, dim):
    scores = {t: {"accuracy": [], "macro_f1": []} for t, _ in common.TARGETS}
    train_s, rates, cpu_rates = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for k, train, test in list(common.folds(out))[: int(os.environ.get("NFOLDS", "5"))]:
            texts = [line(r[1]) for r in test]
            test_path = os.path.join(tmp, "test.txt")
            with open(test_path, "w", encoding="utf-8") as f:
                f.write("\n".join(texts * REPEAT) + "\n")
            one_path = os.path.join(tmp, "one.txt")
            with open(one_path, "w", encoding="utf-8") as f:
                f.write(texts[0] + "\n")
            fold_train, fold_rate, fold_cpu_rate = 0.0, [], []
            for t, i in common.TARGETS:
                ids = {}
                train_path = os.path.join(tmp, f"train-{t}.txt")
                with open(train_path, "w", encoding="utf-8") as f:
                    for r in train:
                        f.write(f"__label__{ids.setdefault(r[i], len(ids))} {line(r[1])}\n")
                names = {f"__label__{v}": n for n, v in ids.items()}
                model = os.path.join(tmp, f"model-{t}")
                started = time.perf_counter()
                run(["supervised", "-input", train_path, "-output", model, "-epoch", str(epoch), "-lr", str(lr),
                     "-dim", str(dim), "-wordNgrams", "2", "-minn", "3", "-maxn", "5", "-thread", "2", "-seed", "1"])
                fold_train += time.perf_counter() - started
                load_s, load_cpu, _ = timed_predict(model + ".bin", one_path)
                all_s, all_cpu, lines = timed_predict(model + ".bin", test_path)
                fold_rate.append((len(texts) * REPEAT - 1) / max(all_s - load_s, 1e-9))
                fold_cpu_rate.append((len(texts) * REPEAT - 1) / max(all_cpu - load_cpu, 1e-9))
                pred = [names.get(p.strip(), "") for p in lines[: len(texts)]]
                gold = [r[i] for r in test]
                scores[t]["accuracy"].append(common.accuracy(gold, pred))
                scores[t]["macro_f1"].append(common.macro_f1(gold, pred))
            train_s.append(fold_train)
            print(json.dumps({"fold": k, "train_s": fold_train, **{f"{t}_{m}": scores[t][m][-1] for t, _ in common.TARGETS
                                                                  for m in ("accuracy", "macro_f1")}}), file=sys.stderr, flush=True)
            # Two models answer for one text: the rate of doing both is the harmonic combination.
            rates.append(1.0 / sum(1.0 / r for r in fold_rate))
            cpu_rates.append(1.0 / sum(1.0 / r for r in fold_cpu_rate))
    mean = lambda xs: sum(xs) / len(xs)  # noqa: E731
    result = {"tool": f"fastText epoch={epoch} lr={lr} dim={dim}", "train_s": mean(train_s), "texts_per_s": mean(rates),
              "texts_per_cpu_s": mean(cpu_rates)}
    for t, _ in common.TARGETS:
        for m in ("accuracy", "macro_f1"):
            result[f"{t}_{m}"] = mean(scores[t][m])
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 100)
