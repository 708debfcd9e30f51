"""sitrep.evaluate and the independent reference agree within 0.01 on every figure."""
from __future__ import annotations

import random

import pytest
import reference
import synthetic

from sitrep.evaluate import score_events, score_toponyms
from sitrep.evaluate.splits import read_gold
from sitrep.model import Event, Toponym

TOLERANCE = 0.01


def assert_agree(ours: dict, theirs: dict) -> None:
    assert ours.keys() == theirs.keys()
    for key, value in theirs.items():
        if key == "fields_on_matched":
            assert value.keys() == ours[key].keys()
            for name, (accuracy, n) in value.items():
                assert ours[key][name][1] == n, name
                assert ours[key][name][0] == pytest.approx(accuracy, abs=TOLERANCE), name
        elif value is None:
            assert ours[key] is None, key
        else:
            assert ours[key] == pytest.approx(value, abs=TOLERANCE), key


def as_event(fields: dict) -> Event:
    # gold's claims are in the gold format, not the model's
    return Event(**{k: v for k, v in fields.items() if k not in ("claims", "evidence")})


def event_case(records: list[dict], seed: int):
    """(records, our input as Event models, the reference's input as the same events' dicts)."""
    rng = random.Random(seed)
    predicted = [[as_event(e) for e in synthetic.perturb_events(r, rng)] for r in records]
    as_dicts = [[e.model_dump() for e in events] for events in predicted]
    return predicted, as_dicts


@pytest.fixture(scope="module")
def acled_dev(shared_dir) -> list[dict]:
    return list(read_gold(shared_dir / "gold" / "acled-2020.jsonl", "dev"))


@pytest.mark.parametrize("seed", [1, 2])
def test_acled_dev_perturbed(acled_dev, seed):
    predicted, as_dicts = event_case(acled_dev, seed)
    ours = score_events(zip(acled_dev, predicted)).figures()
    theirs = reference.event_figures(list(zip(acled_dev, as_dicts)))
    assert_agree(ours, theirs)
    # the perturbations must exercise the rules, not leave every figure at 0 or 1
    assert 0.5 < theirs["event_recall"] < 0.95
    assert 0.3 < theirs["fields_on_matched"]["location_25km"][0] < 0.95


@pytest.mark.parametrize("name", ["seed", "ucdp-aec-sample"])
def test_small_sets_perturbed(shared_dir, name):
    records = list(read_gold(shared_dir / "gold" / f"{name}.jsonl"))
    for seed in range(5):
        predicted, as_dicts = event_case(records, seed)
        assert_agree(score_events(zip(records, predicted)).figures(),
                     reference.event_figures(list(zip(records, as_dicts))))


def test_gold_against_itself(acled_dev):
    """Gold as its own prediction pairs everything; every field is right."""
    predicted = [[as_event(e) for e in r["events"]] for r in acled_dev[:500]]
    figures = score_events(zip(acled_dev[:500], predicted)).figures()
    assert figures["event_f1"] == 1.0
    assert figures["primary_sub_event_weighted_f1"] == 1.0
    fields = figures["fields_on_matched"]
    assert all(acc == 1.0 for name, (acc, n) in fields.items() if n and not name.startswith("actor"))
    # "Militia (Pro-Government)" has no words left once brackets and "militia" go, and an empty
    # word set never matches (not even itself): the only misses gold makes against itself
    assert fields["actor1"][0] > 0.99 and fields["actors_any_order"][0] > 0.99


def test_nothing_extracted(acled_dev):
    ours = score_events((r, []) for r in acled_dev[:200]).figures()
    assert_agree(ours, reference.event_figures([(r, []) for r in acled_dev[:200]]))
    assert ours["event_recall"] == 0.0 and ours["detect_recall"] == 0.0


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_geowebnews_perturbed(shared_dir, seed):
    records = list(read_gold(shared_dir / "gold" / "geowebnews.jsonl"))
    rng = random.Random(seed)
    as_dicts = [synthetic.perturb_toponyms(r, rng) for r in records]
    predicted = [[Toponym(**t) for t in items] for items in as_dicts]
    ours = score_toponyms(zip(records, predicted)).figures()
    theirs = reference.toponym_figures(list(zip(records, as_dicts)))
    assert_agree(ours, theirs)
    assert 0.4 < theirs["acc161_of_detected"] < 0.95
