"""Score the actors on tests/actors/data/actor_stress.tsv (hand-written texts, gold sides by the
codebook) with the whole pipeline: python tests/actors/stress.py [-v]."""
from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sitrep.evaluate.compare import same_actor
from sitrep.model import Article, Event

STRESS = Path(__file__).resolve().parent / "data" / "actor_stress.tsv"


@dataclass(frozen=True)
class Case:
    actor1: str
    actor2: str
    event_type: str
    text: str


@dataclass(frozen=True)
class Scored:
    case: Case
    actor1: str | None
    actor2: str | None
    event_type: str | None

    @property
    def actor1_ok(self) -> bool:
        return same_actor(self.case.actor1, self.actor1)

    @property
    def any_order_ok(self) -> bool:
        got = (self.actor1, self.actor2)
        return all(any(same_actor(g, p) for p in got) for g in (self.case.actor1, self.case.actor2) if g)


def read_cases(path: Path = STRESS) -> list[Case]:
    with path.open(encoding="utf-8", newline="") as f:
        return [Case(r["actor1"], r["actor2"], r["event_type"], r["text"])
                for r in csv.DictReader(f, delimiter="\t")]


def _chosen(case: Case, events: list[Event]) -> Event | None:
    """The event of the gold type if one was found (the event stage is not under test), else the primary."""
    same_type = [e for e in events if e.event_type == case.event_type]
    return (same_type or events or [None])[0]


def score(cases: list[Case], nlp=None) -> list[Scored]:  # noqa: ANN001
    from sitrep.api import extract_batch

    articles = [Article(id=f"s{i}", text=c.text, published=date(2021, 6, 1)) for i, c in enumerate(cases)]
    out = []
    for case, (_, events) in zip(cases, extract_batch(articles, nlp=nlp)):
        event = _chosen(case, events)
        out.append(Scored(case, event.actor1 if event else None, event.actor2 if event else None,
                          event.event_type if event else None))
    return out


def main() -> None:
    scored = score(read_cases())
    n = len(scored)
    for s in scored:
        if "-v" in sys.argv and not (s.actor1_ok and s.any_order_ok):
            print(f"--- {s.case.text}\n  gold {s.case.actor1} | {s.case.actor2}  [{s.case.event_type}]"
                  f"\n  got  {s.actor1} | {s.actor2}  [{s.event_type}]")
    print(f"{n} cases: actor1 {sum(s.actor1_ok for s in scored) / n:.3f}, "
          f"any_order {sum(s.any_order_ok for s in scored) / n:.3f}")


if __name__ == "__main__":
    main()
