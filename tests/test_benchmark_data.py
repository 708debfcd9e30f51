"""The team's news-snippet sets (benchmarks/data/news_snippets*.jsonl, news_actors.jsonl) are well-formed: each
event's type is the one its sub-event type belongs to, every sub-event type is covered, ids are
unique, and no-event snippets hold no event. A malformed line would silently skew a benchmark."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from sitrep.events.lexicon import read_rules

DATA = Path(__file__).resolve().parents[1] / "benchmarks" / "data"
SETS = sorted(DATA.glob("news_snippets*.jsonl")) + [DATA / "news_actors.jsonl"]


def test_the_snippet_sets_are_there():
    assert all(p.is_file() for p in SETS)
    assert {p.name for p in SETS} >= {"news_snippets.jsonl", "news_snippets_dev.jsonl", "news_actors.jsonl"}


@pytest.mark.parametrize("path", SETS, ids=[p.name for p in SETS])
def test_a_snippet_set_is_well_formed(path: Path):
    taxonomy = read_rules().raw["taxonomy"]
    type_of = {sub: kind for kind, subs in taxonomy.items() for sub in subs}
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len({r["id"] for r in records}) == len(records)
    covered: Counter[str] = Counter()
    for record in records:
        assert record["text"].strip(), record["id"]
        if record["category"].startswith("no-event"):
            assert record["events"] == [], record["id"]
            continue
        (event,) = record["events"]
        assert event["sub_event_type"] == record["category"], record["id"]
        assert type_of[event["sub_event_type"]] == event["event_type"], record["id"]
        covered[event["sub_event_type"]] += 1
    assert set(covered) == set(type_of)


def test_the_actor_set_codes_actors_with_consistent_inter_codes():
    """news_actors.jsonl is scored on actor1/inter1: an actor2 has an inter2 in 1-8, no actor2 has 0."""
    records = [json.loads(line) for line in (DATA / "news_actors.jsonl").read_text(encoding="utf-8").splitlines()
               if line.strip()]
    events = [e for r in records for e in r["events"]]
    assert len(events) >= 150
    for event in events:
        assert event["actor1"].strip() and event["inter1"] in range(1, 9), event
        assert (event["inter2"] in range(1, 9)) == bool(event.get("actor2")), event


def test_the_snippet_benchmark_answers_help_without_scoring_a_held_out_set(capsys):
    """`news_snippets.py --help` once ran the held-out set; an unknown flag now only prints usage."""
    import sys

    sys.path.insert(0, str(DATA.parent))
    import news_snippets

    assert news_snippets.main(["--help"]) == 0
    assert news_snippets.main(["--secnd"]) == 2
    out = capsys.readouterr().out
    assert "--second" in out and "| system |" not in out
