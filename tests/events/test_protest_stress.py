"""A stress set of demonstrations written by hand after the ACLED codebook (data/protest_stress.tsv):
peaceful protests about violence, with police present, strikes, vigils, sit-ins, blockades and
burnt effigies; protests dispersed; violent demonstrations; excessive force; mob violence; and
protests only announced, suspended or called off (no event). Not fitted to any gold note."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from helpers import first_sub_event, stress_misses, stress_rows

pytestmark = pytest.mark.model

STRESS = Path(__file__).parent / "data" / "protest_stress.tsv"
MIN_RIGHT = 0.95      # pinned at what the rules reach; raise it when they improve
KINDS = {"subject", "police", "forms", "road", "effigy", "intervention", "violent", "excessive", "mob", "none"}


def rows() -> list[tuple[str, str, str]]:
    return stress_rows(STRESS)


def test_the_stress_set_is_broad():
    found = rows()
    assert len(found) >= 150
    assert {kind for kind, _, _ in found} == KINDS
    assert Counter(kind for kind, _, _ in found)["subject"] >= 40   # protests about violence


def test_the_rules_code_most_of_the_stress_set(events_nlp):
    share, misses = stress_misses(rows(), lambda text: first_sub_event(events_nlp, text))
    assert share >= MIN_RIGHT, misses


def test_peaceful_protests_about_violence_are_rarely_read_as_riots(events_nlp):
    """The error this set was written for: a protest's grievance read as the crowd's act."""
    peaceful = [text for kind, gold, text in rows() if gold == "Peaceful protest"]
    riots = [text for text in peaceful
             if first_sub_event(events_nlp, text) in ("Violent demonstration", "Mob violence")]
    assert len(riots) <= 2, riots
