#!/usr/bin/python3
"""Out-of-fold predictions of a plain TF-IDF + logistic-regression baseline, for `otklik route --eval --predictions`.

A stand-in for the real text classifier (issue 3, Otklik.Text) so the router's model combination can be measured now:
    /usr/bin/python3 bench/routing/oof_baseline.py ../shared/data/appeals/kursk-train.csv /tmp/oof.jsonl
    ./otklik route --eval --predictions /tmp/oof.jsonl
Needs python3-sklearn (Debian). Each appeal is predicted by a model that never saw it (5-fold cross_val_predict).
"""
import csv, html, json, re, sys

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline, make_union


def clean(text):
    text = html.unescape(re.sub(r"<[^>]*>", " ", text)).lower().replace("ё", "е")
    return re.sub(r"\s+", " ", text).strip()


def oof(texts, labels, folds=5, seed=17):
    model = make_pipeline(
        make_union(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=40000),
                   TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=3, sublinear_tf=True, max_features=60000)),
        # Logistic loss by SGD: probabilities like logistic regression's at a fraction of lbfgs's time on 161 classes.
        SGDClassifier(loss="log_loss", alpha=2e-5, max_iter=30, tol=None, random_state=seed))
    # Classes with a single example cannot be stratified; KFold-like behaviour via StratifiedKFold warns but works.
    cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    proba = cross_val_predict(model, texts, labels, cv=cv, method="predict_proba")
    classes = sorted(set(labels))
    return [[(classes[j], float(row[j])) for j in row.argsort()[::-1][:10]] for row in proba]


def main(src, dst):
    rows = list(csv.reader(open(src, encoding="utf-8")))
    texts = [clean(r[1]) for r in rows]
    executors = oof(texts, [r[3] for r in rows])
    topics = oof(texts, [r[2] for r in rows])
    with open(dst, "w", encoding="utf-8") as out:
        for r, e, t in zip(rows, executors, topics):
            out.write(json.dumps({"id": r[0],
                                  "executors": [{"label": l, "p": round(p, 4)} for l, p in e],
                                  "topics": [{"label": l, "p": round(p, 4)} for l, p in t]}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    import warnings
    warnings.filterwarnings("ignore")
    main(sys.argv[1], sys.argv[2])
