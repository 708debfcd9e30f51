"""Measure the actors stage on ACLED gold notes (not a test; run as a script).

    python tests/actors/measure_gold.py [dev|test] [--events]

Over single-event articles: actor1 "same actor" accuracy (gold/README.md rule), inter1
accuracy and both actors in any order. Without --events the event mention is an oracle: gold
type and sub-type, the first sentence, its root as trigger (isolates the actors stage).
"""
from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from sitrep.evaluate.splits import read_gold
from sitrep.mentions import EventMention, mentions
from sitrep.nlp import build_pipeline

GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold" / "acled-2020.jsonl"
_STOP = {"of", "the", "forces", "and", "militia", "group"}


def _words(name: str) -> set[str]:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\([^)]*\)", " ", text)
    return set(re.findall(r"[a-z0-9]+", text)) - _STOP


def same_actor(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) >= 0.6 * min(len(wa), len(wb))


def oracle_event(doc, gold: dict) -> EventMention:
    sent = next(iter(doc.sents))
    root = sent.root
    return EventMention(root.idx, root.idx + len(root.text), root.text, sent.start_char,
                        sent.end_char, gold["event_type"], gold["sub_event_type"])


def _parsed(nlp, records: list[dict], split: str):
    """Parses cached under /tmp (the parse dominates the run time; the stage is what changes)."""
    import hashlib
    import tempfile

    from spacy.tokens import DocBin

    key = hashlib.sha1("".join(r["id"] for r in records).encode()).hexdigest()[:10]
    path = Path(tempfile.gettempdir()) / f"sitrep-actors-{split}-{key}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(r["text"] for r in records))
    DocBin(attrs=["ORTH", "TAG", "POS", "LEMMA", "DEP", "HEAD", "SENT_START", "ENT_IOB", "ENT_TYPE"],
           docs=docs).to_disk(path)
    return docs


def main() -> None:
    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    use_events = "--events" in sys.argv
    verbose = "-v" in sys.argv
    nlp = build_pipeline(stages=["events", "actors"] if use_events else [])
    from sitrep.actors.component import ActorsComponent
    component = ActorsComponent(nlp)
    records = [r for r in read_gold(GOLD, split) if len(r["events"]) == 1]
    docs = _parsed(nlp, records, split) if not use_events else nlp.pipe(r["text"] for r in records)
    counts: Counter[str] = Counter()
    errors: Counter[tuple[str, str]] = Counter()
    for record, doc in zip(records, docs):
        gold = record["events"][0]
        if not use_events:
            doc._.event_mentions = [oracle_event(doc, gold)]
            doc._.actor_mentions = []
            component(doc)
        events = mentions(doc, "event_mentions")
        counts["n"] += 1
        if not events:
            continue
        event = events[0]
        # records.py fills "{country}" from the event's country: use gold's here
        fill = gold.get("country") or ""
        a1 = event.actor1.name.replace("{country}", fill) if event.actor1 else None
        a2 = event.actor2.name.replace("{country}", fill) if event.actor2 else None
        ok1 = same_actor(gold["actor1"], a1)
        counts["actor1"] += ok1
        counts["inter1"] += (event.actor1.inter if event.actor1 else None) == gold.get("inter1")
        wanted = [g for g in (gold.get("actor1"), gold.get("actor2")) if g]
        counts["any_order"] += all(same_actor(g, a1) or same_actor(g, a2) for g in wanted)
        if not ok1:
            errors[(re.sub(r"\s*\(.*", "", gold["actor1"]), re.sub(r"\s*\(.*", "", a1 or "-"))] += 1
            if verbose:
                print(f"--- {record['text'][:300]}\n  gold {gold['actor1']} | {gold.get('actor2')}"
                      f"\n  got  {a1} | {a2}")
    n = counts["n"]
    print(f"{split}: {n} single-event articles")
    for key in ("actor1", "inter1", "any_order"):
        print(f"  {key:10s} {counts[key] / n:.3f}")
    for (gold_name, got), count in errors.most_common(25):
        print(f"  {count:4d}  gold {gold_name!r:45s} got {got!r}")


if __name__ == "__main__":
    main()
