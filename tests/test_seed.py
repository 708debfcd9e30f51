"""Integration: the seed report against its hand coding (../shared/seed/), with the real model.

The seed is one report among many; these checks are the acceptance floor, and the same code is
scored on reports it never saw by `sitrep eval` and benchmarks/gate.py.
"""
from __future__ import annotations

import json
import math

import pytest

import sitrep

pytestmark = pytest.mark.model


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def seed(shared_dir):
    text = (shared_dir / "seed" / "deir-ez-zor-2016.txt").read_text(encoding="utf-8")
    gold = json.loads((shared_dir / "seed" / "deir-ez-zor-2016.gold.json").read_text(encoding="utf-8"))
    events = sitrep.extract(text, published=gold["published"], nlp=None)
    return text, gold, events


def matching(events, gold_event):
    """Extracted events of the gold event's sub-type (and date, where gold has one)."""
    found = [e for e in events if e.sub_event_type == gold_event["sub_event_type"]]
    if gold_event.get("event_date"):
        found = [e for e in found if e.event_date == gold_event["event_date"]]
    return found


def test_seed_yields_the_seven_hand_coded_events(seed):
    _, gold, events = seed
    assert len(events) == len(gold["events"]) == 7
    for gold_event in gold["events"]:
        assert matching(events, gold_event), f"no {gold_event['sub_event_type']} on {gold_event.get('event_date')}"


def test_seed_places_within_25_km(seed):
    _, gold, events = seed
    for gold_event in gold["events"]:
        if "latitude" not in gold_event:
            continue
        candidates = [e for e in matching(events, gold_event) if e.latitude is not None]
        best = min(km((e.latitude, e.longitude), (gold_event["latitude"], gold_event["longitude"]))
                   for e in candidates)
        assert best <= 25, f"{gold_event['sub_event_type']} at {gold_event['location']}: {best:.0f} km off"


def test_seed_figures_attach_to_the_right_events(seed):
    _, _, events = seed
    by_type = {e.sub_event_type: e for e in events}
    attack = by_type["Attack"]
    assert attack.fatalities == 85
    assert {135, 300} <= {c.value for c in attack.claims if c.kind == "killed"}
    assert attack.fatalities_high == 300
    assert by_type["Non-state actor overtakes territory"].fatalities == 92
    abduction = by_type["Abduction/forced disappearance"]
    assert any(c.kind == "abducted" and c.value == 400 and c.qualifier == "at_least" for c in abduction.claims)
    clashes = {e.location: e for e in events if e.sub_event_type == "Armed clash"}
    assert sorted(e.fatalities for e in clashes.values()) == [16, 20]
    sdf = next(e for e in clashes.values() if e.fatalities == 20)
    assert any(c.qualifier == "more_than" and c.value == 20 for c in sdf.claims)


def test_seed_actors_and_evidence(seed):
    text, _, events = seed
    by_type = {e.sub_event_type: e for e in events}
    assert by_type["Attack"].actor1.startswith("Islamic State")
    assert by_type["Attack"].actor2 == "Civilians (Syria)"
    strikes = {e.actor1 for e in events if e.sub_event_type == "Air/drone strike"}
    assert any("Russia" in a for a in strikes) and any("United States" in a for a in strikes)
    for event in events:
        for span in event.evidence:
            assert text[span.start:span.end] == span.text
    # the Prime Minister's condemnation is a statement, not an event
    condemned = text.index("condemned")
    assert not any(e.start <= condemned < e.end for ev in events for e in ev.evidence
                   if e.field == "event_type")
