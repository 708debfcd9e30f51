"""Measure the places stage on the gold sets (read at run time, never copied).

    python -m sitrep.places.measure [--gold ../shared/gold] [--split dev|test|all]

GeoWebNews: toponym recall, precision, Acc@161 (rules in gold/README.md). ACLED notes: share of
articles whose first event place (or first usable toponym) lies within 25 km of gold event 0.
Also reports the places stage's time against the spaCy parse time.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from sitrep.evaluate.splits import read_gold
from sitrep.geo import distance_km
from sitrep.mentions import PlaceMention
from sitrep.nlp import build_pipeline
from sitrep.places.assign import _eligible, specificity
from sitrep.places.component import PlacesComponent


def _parse(texts: list[str]):
    """(docs, parse seconds, places seconds): the places stage timed on its own."""
    nlp = build_pipeline(stages=[])
    places = PlacesComponent()
    places.gazetteer  # open the index before timing
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    parse = time.perf_counter() - start
    start = time.perf_counter()
    docs = [places(doc) for doc in docs]
    return docs, parse, time.perf_counter() - start


def geowebnews(path: Path, split: str) -> dict[str, float]:
    records = list(read_gold(path, split))
    docs, parse, geo = _parse([r["text"] for r in records])
    gold_n = found = within = extracted = overlapping = 0
    for record, doc in zip(records, docs):
        tops = doc._.toponyms or []
        gold = record["toponyms"]
        gold_n += len(gold)
        extracted += len(tops)
        overlapping += sum(any(t.start < g["end"] and g["start"] < t.end for g in gold) for t in tops)
        for g in gold:
            hit = next((t for t in tops if t.latitude is not None
                        and t.start < g["end"] and g["start"] < t.end), None)
            if hit is None:
                continue
            found += 1
            if distance_km(hit.latitude, hit.longitude, g["latitude"], g["longitude"]) <= 161:
                within += 1
    return {"articles": len(records), "gold": gold_n, "recall": found / gold_n,
            "precision": overlapping / max(1, extracted), "acc161_gold": within / gold_n,
            "acc161_found": within / max(1, found), "parse_s": parse, "places_s": geo}


def first_place(doc) -> PlaceMention | None:
    events = doc._.event_mentions or []
    if events and events[0].place is not None:
        return events[0].place
    usable = [t for t in doc._.toponyms or [] if _eligible(t)]
    specific = [t for t in usable if specificity(t) == 1 and not t.explain.get("admin_hint")]
    hinted = [t for t in usable if specificity(t) == 1]
    return (specific or hinted or usable or [None])[0]


def acled(path: Path, split: str, limit: int | None = None) -> dict[str, float]:
    records = [r for r in read_gold(path, split)
               if r.get("events") and r["events"][0].get("latitude") is not None]
    records = records[:limit] if limit else records
    docs, parse, geo = _parse([r["text"] for r in records])
    near = country = 0
    for record, doc in zip(records, docs):
        gold = record["events"][0]
        place = first_place(doc)
        if place is not None and place.latitude is not None:
            if distance_km(place.latitude, place.longitude, gold["latitude"], gold["longitude"]) <= 25:
                near += 1
        code = place.country if place else None
        if code and gold.get("country") and code.lower() == gold["country"].lower():
            country += 1
    n = max(1, len(records))
    return {"articles": len(records), "within25km": near / n, "country": country / n,
            "parse_s": parse, "places_s": geo}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", default="/work/shared/gold")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--only", choices=["geowebnews", "acled"], default=None)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    gold = Path(args.gold)
    if args.only in (None, "geowebnews"):
        print("geowebnews", args.split, _fmt(geowebnews(gold / "geowebnews.jsonl", args.split)))
    if args.only in (None, "acled"):
        print("acled-2020", args.split, _fmt(acled(gold / "acled-2020.jsonl", args.split, args.limit)))


def _fmt(result: dict[str, float]) -> str:
    return " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in result.items())


if __name__ == "__main__":
    main()
