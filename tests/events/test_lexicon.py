"""The events stage's data files: they load, name real sub-types, and cover the taxonomy."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.events import lexicon

ALL_SUB_TYPES = {
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
    "Suicide bomb", "Grenade", "Chemical weapon", "Attack", "Abduction/forced disappearance",
    "Sexual violence", "Peaceful protest", "Protest with intervention",
    "Excessive force against protesters", "Violent demonstration", "Mob violence", "Agreement",
    "Arrests", "Change to group/activity", "Disrupted weapons use",
    "Headquarters or base established", "Looting/property destruction",
    "Non-violent transfer of territory", "Other",
}


def test_taxonomy_is_acleds_six_types_and_25_sub_types():
    _, rules = lexicon.load()
    assert len(set(rules.type_of.values())) == 6
    assert set(rules.type_of) == ALL_SUB_TYPES


def test_every_sub_type_has_a_cue():
    index, rules = lexicon.load()
    cued = {row.sub_event_type for rows in index.by_first.values() for row in rows}
    cued |= set(rules.headings.values())
    assert cued == ALL_SUB_TYPES


def test_word_lists_expand_and_pos_tags_parse():
    words = lexicon.WordSet.parse("kill|force/VERB|@x", {"x": ["soldier", "Police"]})
    assert words.lemmas == {"kill", "soldier", "police"}
    assert words.tagged == {("force", "VERB")}


def test_unknown_sub_type_is_an_error(tmp_path: Path):
    bad = tmp_path / "triggers.tsv"
    bad.write_text("kaboom\tExplosions of joy\t3\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown sub-event type"):
        lexicon.load(str(bad), str(lexicon.RULES))


def test_misaligned_columns_are_an_error(tmp_path: Path):
    bad = tmp_path / "triggers.tsv"
    bad.write_text("kill\tAttack\t2\t\t\t\t\t\tflood\n", encoding="utf-8")
    with pytest.raises(ValueError, match="columns"):
        lexicon.read_triggers(bad)
