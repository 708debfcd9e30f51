"""Resolution across sentences (component._absorb): a later sentence's strongest cue decides."""
from __future__ import annotations

from helpers import sub_events


def test_fire_answered_later_makes_the_shelling_a_clash_whatever_cue_comes_first(blank_nlp):
    # the second sentence's first clash cue ("bursts of fire") is weak; its strongest ("in both
    # directions") says the fire was exchanged
    text = ("Rebels fired mortars at army positions near the village. "
            "Monitors counted bursts of fire in both directions of the frontline.")
    lemmas = {"fired": "fire", "mortars": "mortar", "positions": "position", "bursts": "burst",
              "directions": "direction"}
    found = sub_events(blank_nlp, text, lemmas)
    assert found[0] == "Armed clash"


def test_forces_responding_to_shelling_are_in_a_clash(blank_nlp):
    lemmas = {"responded": "respond", "shelling": "shelling"}
    found = sub_events(blank_nlp, "Government forces responded to rebel shelling near the front.", lemmas)
    assert found == ["Armed clash"]


def test_kidnapped_and_killed_is_the_killing(blank_nlp):
    lemmas = {"abducted": "abduct", "stabbed": "stab", "killed": "kill"}

    def found(text: str) -> list[str]:
        return sub_events(blank_nlp, text, lemmas)

    assert found("Gunmen abducted a man and stabbed him to death near the market.")[0] == "Attack"
    assert found("Gunmen abducted a man near the market.") == ["Abduction/forced disappearance"]
