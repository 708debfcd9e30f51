"""Measure the dates and casualties stages on gold (not a test; run by hand):

    python tests/casualties/measure.py [dev|test|all] [--show N]

ACLED notes with one gold event: one EventMention over the first sentence (the gold event's
type), then event_date / time_precision / fatalities compared with gold. UCDP-AEC articles:
whether the chosen figure lies in gold's fatalities_low..high. Gold is read from ../shared at
run time, never copied.
"""
from __future__ import annotations

import sys
from collections import Counter
from datetime import date
from pathlib import Path

import spacy

import sitrep.casualties.component  # noqa: F401  (registers the factories)
import sitrep.dates.component  # noqa: F401
from sitrep.evaluate.splits import read_gold
from sitrep.mentions import EventMention, register_extensions
from sitrep.records import reconcile

GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "gold"


def pipeline() -> spacy.Language:
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("sitrep_dates")
    nlp.add_pipe("sitrep_casualties")
    return nlp


def run(nlp: spacy.Language, record: dict) -> EventMention:
    gold = record["events"][0]
    doc = nlp.make_doc(record["text"])
    doc._.published = date.fromisoformat(record["published"]) if record.get("published") else None
    doc = nlp.get_pipe("sentencizer")(doc)
    first = next(doc.sents)
    doc._.event_mentions = [EventMention(first.start_char, first.end_char, first.text, first.start_char,
                                         first.end_char, gold.get("event_type") or "Battles",
                                         gold.get("sub_event_type") or "Armed clash")]
    for name in ("sitrep_dates", "sitrep_casualties"):
        doc = nlp.get_pipe(name)(doc)
    return doc._.event_mentions[0]


def acled(split: str, show: int) -> None:
    nlp = pipeline()
    score: Counter[str] = Counter()
    misses: list[str] = []
    for record in read_gold(GOLD / "acled-2020.jsonl", split):
        if len(record["events"]) != 1:
            continue
        gold = record["events"][0]
        event = run(nlp, record)
        fatalities = reconcile(event.claims)[0]
        score["n"] += 1
        got_date = event.date.date.isoformat() if event.date else None
        score["date"] += got_date == gold["event_date"]
        score["precision"] += (event.date.time_precision if event.date else None) == gold["time_precision"]
        ok = fatalities == gold["fatalities"]
        score["fatalities"] += ok
        score["fatal_pos"] += gold["fatalities"] > 0
        score["fatal_pos_ok"] += ok and gold["fatalities"] > 0
        if not ok:
            misses.append(f"gold {gold['fatalities']} got {fatalities} {[(c.value, c.source, c.who) for c in event.claims]}\n   {record['text'][:400]}")
    n = score["n"]
    print(f"acled-2020 {split}: {n} single-event notes")
    print(f"  event_date accuracy      {score['date'] / n:.3f}")
    print(f"  time_precision accuracy  {score['precision'] / n:.3f}")
    print(f"  fatalities exact         {score['fatalities'] / n:.3f}"
          f"  (gold > 0: {score['fatal_pos_ok']}/{score['fatal_pos']} = {score['fatal_pos_ok'] / max(1, score['fatal_pos']):.3f})")
    for line in misses[:show]:
        print(" ", line)


def ucdp() -> None:
    nlp = pipeline()
    inside = total = dated = 0
    for record in read_gold(GOLD / "ucdp-aec-sample.jsonl"):
        gold = record["events"][0]
        event = run(nlp, record)
        fatalities, low, high = reconcile(event.claims)
        total += 1
        hit = gold["fatalities_low"] <= fatalities <= gold["fatalities_high"]
        inside += hit
        got_date = event.date.date.isoformat() if event.date else None
        dated += got_date == gold["event_date"]
        print(f"  {record['id']}: gold {gold['fatalities_low']}-{gold['fatalities_high']} got {fatalities} "
              f"({low}-{high}) {'ok' if hit else 'MISS'}; date gold {gold['event_date']} got {got_date}")
    print(f"ucdp-aec: fatalities within gold low..high {inside}/{total}; event_date {dated}/{total}")


if __name__ == "__main__":
    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    acled(split, show)
    ucdp()
