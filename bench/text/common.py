"""Shared by the baseline scripts: fold files, the light clean-up every tool gets, and the metrics."""
import csv
import html
import os
import re

TAG = re.compile(r"<[^>]{0,2000}>")
TARGETS = (("topic", 2), ("executor", 3))


def clean(text):
    """The same light clean-up for both baselines: tags out, entities decoded, lower case, ё→е."""
    return " ".join(html.unescape(TAG.sub(" ", text)).replace("\xa0", " ").split()).lower().replace("ё", "е")


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def folds(out):
    root = os.path.join(out, "folds")
    for k in sorted(os.listdir(root), key=int):
        d = os.path.join(root, k)
        yield int(k), read(os.path.join(d, "train.csv")), read(os.path.join(d, "test.csv"))


def macro_f1(gold, pred):
    """Macro-F1 over the labels seen in gold or predictions (scikit-learn's default), as Otklik computes it."""
    labels = set(gold) | set(pred)
    total = 0.0
    for c in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        total += 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)
    return total / len(labels)


def accuracy(gold, pred):
    return sum(1 for g, p in zip(gold, pred) if g == p) / len(gold)
