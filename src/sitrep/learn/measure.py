"""Rules alone, classifier alone, and the two combined, on gold articles with one event.

Report on split="test" with a model trained by `train_from_acled(holdout="country")`:

    python -m sitrep.learn.measure ../shared/gold/acled-2020.jsonl models/acled test

To tune thresholds, do not use "dev" with that model (it was trained on the dev notes and is
overconfident there): use articles the model never saw, e.g. news coded after the ACLED rules.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence

from sklearn.metrics import accuracy_score, f1_score

from sitrep.evaluate.splits import Split, read_gold
from sitrep.learn.component import USER_DATA_KEY, add_learned_stage

GRID = ((0.6, 0.8), (0.75, 0.9), (0.85, 0.95), (0.95, 0.99))


def _figures(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    return {"accuracy": round(accuracy_score(gold, predicted), 4),
            "weighted_f1": round(f1_score(gold, predicted, average="weighted", zero_division=0), 4),
            "none": sum(label == "NONE" for label in predicted)}


def compare(gold_path: str, model_dir: str, split: Split = "dev",
            grid: Iterable[tuple[float, float]] = GRID, nlp=None) -> dict[str, dict]:  # noqa: ANN001
    """Primary sub-event (first mention, "NONE" if none) over one-event articles of `split`."""
    from sitrep.nlp import build_pipeline

    records = [r for r in read_gold(gold_path, split) if len(r.get("events") or []) == 1]
    texts = [r["text"] for r in records]
    gold = [r["events"][0].get("sub_event_type") or "NONE" for r in records]
    nlp = nlp or build_pipeline(stages=("events",))
    docs = list(nlp.pipe(texts, batch_size=64))

    def first(doc) -> str:  # noqa: ANN001
        return doc._.event_mentions[0].sub_event_type if doc._.event_mentions else "NONE"

    results = {"rules": _figures(gold, [first(doc) for doc in docs])}
    learned = add_learned_stage(nlp, model_dir)
    results["classifier"] = _figures(gold, [p[0] for p in learned.model.predict(texts)])
    saved = [list(doc._.event_mentions or []) for doc in docs]
    for relabel, add in grid:
        learned.relabel_threshold, learned.add_threshold = relabel, add
        predicted = []
        for doc, mentions in zip(docs, saved):
            copy = doc.copy()
            copy._.event_mentions = [type(m)(**vars(m)) for m in mentions]  # fresh, same fields
            copy.user_data.pop(USER_DATA_KEY, None)
            predicted.append(first(learned(copy)))
        results[f"rules+learned {relabel}/{add}"] = _figures(gold, predicted)
    nlp.remove_pipe("sitrep_learned")
    return results


if __name__ == "__main__":
    path, model, which = sys.argv[1], sys.argv[2], (sys.argv[3] if len(sys.argv) > 3 else "dev")
    for name, figures in compare(path, model, which).items():
        print(f"{name:28s} {figures}")
