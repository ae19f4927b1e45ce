#!/usr/bin/python3
"""scikit-learn baseline: TF-IDF word 1-2-grams + char 2-5-grams, LinearSVC, one model per target, on the shared folds.

Prints one JSON line: mean accuracy and macro-F1 per target, training seconds (all targets, all folds, mean per fold)
and prediction throughput (one thread, model loaded, the fold's test texts one by one).
"""
import json
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from scipy.sparse import hstack  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.svm import LinearSVC  # noqa: E402

import common  # noqa: E402


class Model:
    def __init__(self, c):
        self.word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, min_df=1,
                                    token_pattern=r"(?u)\b\w+\b")
        self.char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)
        self.c = c
        self.svms = {}

    def features(self, texts, fit=False):
        if fit:
            return hstack([self.word.fit_transform(texts), self.char.fit_transform(texts)]).tocsr()
        return hstack([self.word.transform(texts), self.char.transform(texts)]).tocsr()

    def fit(self, texts, labels):
        x = self.features(texts, fit=True)
        for target, y in labels.items():
            self.svms[target] = LinearSVC(C=self.c).fit(x, y)

    def predict(self, texts):
        x = self.features(texts)
        return {t: svm.predict(x) for t, svm in self.svms.items()}


def main(out, c):
    scores = {t: {"accuracy": [], "macro_f1": []} for t, _ in common.TARGETS}
    train_s, rates, cpu_rates = [], [], []
    for k, train, test in common.folds(out):
        model = Model(c)
        started = time.perf_counter()
        model.fit([common.clean(r[1]) for r in train], {t: [r[i] for r in train] for t, i in common.TARGETS})
        train_s.append(time.perf_counter() - started)
        texts = [r[1] for r in test]
        started, cpu = time.perf_counter(), time.process_time()
        preds = [model.predict([common.clean(t)]) for t in texts]
        rates.append(len(texts) / (time.perf_counter() - started))
        cpu_rates.append(len(texts) / (time.process_time() - cpu))
        for t, i in common.TARGETS:
            gold = [r[i] for r in test]
            pred = [p[t][0] for p in preds]
            scores[t]["accuracy"].append(common.accuracy(gold, pred))
            scores[t]["macro_f1"].append(common.macro_f1(gold, pred))
            print(f"fold {k} {t}: accuracy {scores[t]['accuracy'][-1]:.4f}, macro-F1 {scores[t]['macro_f1'][-1]:.4f}",
                  file=sys.stderr, flush=True)
    mean = lambda xs: sum(xs) / len(xs)  # noqa: E731
    result = {"tool": f"scikit-learn LinearSVC C={c}", "train_s": mean(train_s), "texts_per_s": mean(rates),
              "texts_per_cpu_s": mean(cpu_rates)}
    for t, _ in common.TARGETS:
        for m in ("accuracy", "macro_f1"):
            result[f"{t}_{m}"] = mean(scores[t][m])
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 1.0)
