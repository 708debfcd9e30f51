"""Who reported a figure (no spaCy)."""
from __future__ import annotations

from sitrep.casualties.attribution import Attribution, SourceTracker, clause_of, find_attributions


def names(sentence: str) -> list[tuple[str, bool]]:
    return [(a.name, a.anaphoric) for a in find_attributions(sentence)]


def test_named_sources_before_the_verb():
    assert names("State news outlet SANA’s version of events asserted the group killed 300 people.") == [("SANA", False)]
    assert names("London-based Syrian Observatory for Human Rights concluded that 50 died.") == [
        ("Syrian Observatory for Human Rights", False)]
    assert names("Activists on the ground claim the attacks killed 135.") == [("Activists", False)]


def test_according_to_and_aliases():
    assert names("According to SOHR sources, two women were found dead.") == [
        ("Syrian Observatory for Human Rights", False)]


def test_attribution_after_a_quote():
    assert names("“ISIS abducted at least 400 civilians,” stated the group.") == [("the group", True)]
    assert names("“Twenty were killed,” he added.") == [("he", True)]
    assert names("“Fierce clashes broke out,” announced SDF spokesman Habun Osman.") == [
        ("SDF spokesman Habun Osman", False)]
    assert names("Soldiers detained villagers on Monday, said a villager.") == [("villager", False)]


def test_clause_after_verb_is_not_a_source():
    assert names("The minister said security forces killed 91 rebels.") == [("minister", True)]


def test_two_sources_in_two_clauses():
    sentence = "Activists claim the attacks killed 135, but SANA reported 300 dead."
    first = clause_of(sentence, sentence.index("135"))
    second = clause_of(sentence, sentence.index("300"))
    assert first != second
    found = find_attributions(sentence)
    assert [a.name for a in found if first[0] <= a.start < first[1]] == ["Activists"]
    assert [a.name for a in found if second[0] <= a.start < second[1]] == ["SANA"]


def test_anaphora_resolves_to_the_source_named_before():
    tracker = SourceTracker()
    tracker.note("Syrian Observatory for Human Rights", False)
    tracker.note("SANA", False)
    assert tracker.resolve(Attribution(0, 2, "it", True)) == "SANA"
    assert tracker.resolve(Attribution(0, 18, "human rights group", True)) == "Syrian Observatory for Human Rights"
