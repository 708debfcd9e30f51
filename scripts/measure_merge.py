"""False merges on real coded data: `python scripts/measure_merge.py [GOLD.jsonl]`.

Every ACLED row in the gold file is a distinct event by ACLED's rules, so each goes in as
its own article: whatever merges is a false merge. Prints how many, by the reason the rows
were close (same day or next day, precision), with a few examples.
"""
from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

from sitrep.model import Article, Event
from sitrep.store import open_store

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "acled-2020.jsonl"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD
    store = open_store(Path(tempfile.mkdtemp()) / "measure.db")
    rows = 0
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        for n, row in enumerate(record.get("events", [])):
            fields = {k: v for k, v in row.items() if k in Event.model_fields}
            event = Event(**fields, event_id_cnty=row.get("event_id") or f"{record['id']}#{n}")
            article = Article(id=f"{record['id']}#{n}", text=f"{record['text']}#{n}",
                              source=row.get("source"))
            store.add_article(article, [event])
            rows += 1
    merged = [e for e in store.events() if len(e.article_ids) > 1]
    kept = store.count(__import__("sitrep.store", fromlist=["EventFilter"]).EventFilter())
    print(f"{rows} ACLED rows -> {kept} events: {rows - kept} false merges "
          f"({(rows - kept) / max(rows, 1):.1%}) into {len(merged)} events")
    why = Counter((e.geo_precision, e.time_precision) for e in merged)
    print("merged events by (geo_precision, time_precision):", dict(why.most_common()))
    for e in merged[:5]:
        print(" ", e.event_id_cnty, e.event_date, e.sub_event_type, e.location, e.article_ids)


if __name__ == "__main__":
    main()
