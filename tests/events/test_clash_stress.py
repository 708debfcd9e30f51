"""A stress set of the political-violence boundaries (data/clash_stress.tsv), written by hand after
the ACLED codebook before reading the rules, in ACLED-note and news-wire styles from many conflicts
(Sahel, Nigeria, Somalia, DRC, Syria, Iraq, Yemen, Afghanistan, Myanmar, the Philippines, Colombia,
Mexico, Ukraine, Kashmir): ambushes and attacks on posts (Armed clash), exchanges of fire, armed
victims on duty and off duty, attacks on civilians, remote weapons inside ground fighting and
alone (shelling, air and drone strikes, IEDs, suicide bombs, grenades), communal militias and mobs,
abductions, soldiers captured in a fight, property destruction, disrupted weapons, no-events."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from helpers import first_sub_event, stress_misses, stress_rows

pytestmark = pytest.mark.model

STRESS = Path(__file__).parent / "data" / "clash_stress.tsv"
MIN_RIGHT = 0.98      # pinned at what the rules reach (0.963 when written, 0.985 after the clash fixes)
KINDS = {"ambush", "base", "exchange", "armedvictim", "offduty", "civilian", "heavy", "captured", "shelling",
         "air", "ied", "suicide", "grenade", "communal", "mob", "abduction", "property", "disrupted", "none"}


def rows() -> list[tuple[str, str, str]]:
    return stress_rows(STRESS)


def test_the_stress_set_is_broad():
    found = rows()
    assert len(found) >= 120
    assert {kind for kind, _, _ in found} == KINDS
    counts = Counter(kind for kind, _, _ in found)
    assert counts["ambush"] >= 10 and counts["base"] >= 10 and counts["civilian"] >= 15


def test_the_rules_code_most_of_the_stress_set(events_nlp):
    share, misses = stress_misses(rows(), lambda text: first_sub_event(events_nlp, text))
    assert share >= MIN_RIGHT, misses


def test_armed_sides_are_rarely_read_as_attacks_on_civilians(events_nlp):
    """Ambushes, attacks on posts and exchanges of fire: both sides armed."""
    clashes = [text for kind, gold, text in rows() if gold == "Armed clash" and kind in ("ambush", "base", "exchange")]
    wrong = [text for text in clashes if first_sub_event(events_nlp, text) == "Attack"]
    assert len(wrong) <= 1, wrong
