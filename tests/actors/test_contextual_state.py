"""Words that name one conflict's state forces ("the regime": Syria's) only where the report
is about that conflict."""
from __future__ import annotations

from helpers import event_at

from sitrep.actors.component import ActorsComponent


def names(nlp, text: str) -> list[str]:
    doc = nlp(text)
    doc._.event_mentions = [event_at(doc, "shelled", "Explosions/Remote violence",
                                     "Shelling/artillery/missile attack")]
    ActorsComponent(nlp)(doc)
    return [m.name for m in doc._.actor_mentions]


def test_regime_in_a_syria_report_is_syrias_forces(blank_nlp):
    assert names(blank_nlp, "Regime forces shelled Kafranbel in Idleb, Syria.") == ["Military Forces of Syria (2000-)"]


def test_regime_elsewhere_is_that_countrys_forces(blank_nlp):
    # the report names Azerbaijan twice: the regime is not Syria's
    found = names(blank_nlp, "In Baku, Azerbaijan, regime forces shelled a house of an Azerbaijan activist.")
    assert found == ["Military Forces of {country}"]


def test_regime_without_any_country_keeps_the_alias_country(blank_nlp):
    assert names(blank_nlp, "Regime forces shelled Kafranbel.") == ["Military Forces of Syria (2000-)"]


def test_separatists_are_naf_only_in_ukraine(blank_nlp):
    assert names(blank_nlp, "Separatists shelled Avdiivka, Ukraine.") == ["NAF: United Armed Forces of Novorossiya"]
    assert names(blank_nlp, "Separatists shelled a checkpoint near Bamenda, Cameroon.") == ["Rebel Group ({country})"]


def test_cultists_take_the_event_country(blank_nlp):
    assert names(blank_nlp, "Cultists shelled a bar in Accra, Ghana.") == ["Unidentified Cult Militia ({country})"]
