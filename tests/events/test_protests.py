"""The protest family: live fire on a gathered crowd is excessive force."""
from __future__ import annotations

from helpers import sub_events


def subs(nlp, text: str, lemmas: dict[str, str]) -> list[str]:
    return sub_events(nlp, text, lemmas)


def test_live_rounds_fired_at_a_gathered_crowd_are_excessive_force(blank_nlp):
    lemmas = {"fired": "fire", "rounds": "round", "gathered": "gather", "killing": "kill"}
    text = "Police fired live rounds at supporters gathered in the square, killing two."
    assert subs(blank_nlp, text, lemmas)[0] == "Excessive force against protesters"
    # live rounds at a patrol are not fired on a crowd
    assert "Excessive force against protesters" not in subs(
        blank_nlp, "Rebels fired live rounds at a patrol in the square, killing two.", lemmas)
