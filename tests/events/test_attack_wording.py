"""Wordings of violence that named no event before (real English model).

Civilians slaughtered, macheted or hit by a bullet are attacked (animals slaughtered are not);
fighters captured by armed men were fought (ACLED's armed clash), a place captured changes hands.
"""
from __future__ import annotations

import pytest

from helpers import first_sub_event


pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("On 6 June 2021, ADF rebels slaughtered 10 civilians with machetes in Beni.", "Attack"),
    ("On 6 June 2021, Fulani militiamen invaded a farm in Plateau and macheted a farmer.", "Attack"),
    ("On 6 June 2021, a civilian was hit by a bullet fired by a soldier in Bamenda.", "Attack"),
    ("On 6 June 2021, herders slaughtered cattle for a feast in Jos.", "NONE"),
    ("On 6 June 2021, Turkish forces captured 3 SDF fighters near Ras al Ain.", "Armed clash"),
    ("On 6 June 2021, Al Shabaab militants captured two soldiers during an ambush near Afgoye.", "Armed clash"),
    ("On 6 June 2021, the army captured the town of Mueda from insurgents.", "Government regains territory"),
])
def test_violence_worded_otherwise(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # 'stormed' is an assault, not the weather that blocks a killing row
    ("On 6 June 2021, Taliban militants stormed a police checkpoint in Helmand, killing 4 policemen.", "Armed clash"),
    ("On 6 June 2021, gunmen stormed a village in Zamfara, killing 12 villagers.", "Attack"),
    ("On 6 June 2021, three fishermen were killed in a storm off the coast of Lagos.", "NONE"),
    ("On 6 June 2021, the army neutralised 10 terrorists in an operation in Borno.", "Armed clash"),
])
def test_storming_kills_and_the_storm_does_not(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected
