"""Identity militias named after a known ethnic, caste or clan group (identity.tsv)."""
from __future__ import annotations

from helpers import event_at

from sitrep.actors.component import ActorsComponent
from sitrep.actors.table import load_aliases, load_identity


def actors(nlp, text: str, trigger: str, event_type: str, sub_event_type: str):
    doc = nlp(text)
    doc._.event_mentions = [event_at(doc, trigger, event_type, sub_event_type)]
    ActorsComponent(nlp)(doc)
    event = doc._.event_mentions[0]
    return event.actor1, event.actor2, [m.name for m in doc._.actor_mentions]


def test_identity_table_lists_groups_with_their_spellings_and_kind():
    rows = {spelling: (name, kind) for spelling, name, kind in load_identity()}
    assert rows["Afari"] == ("Afar", "Ethnic")
    assert rows["Koli"] == ("Koli", "Caste")
    phrases = {entry.alias: entry for entry in load_aliases()}
    assert phrases["Tiv militias"].name == "Tiv Ethnic Militia ({country})"
    assert phrases["Tiv militias"].inter == 4
    assert phrases["Koli caste"].name == "Koli Caste Militia ({country})"


def test_armed_members_of_a_group_are_its_ethnic_militia(blank_nlp):
    first, second, _ = actors(blank_nlp, "Tiv militias attacked the villages of Ananum in Taraba, Nigeria.",
                              "attacked", "Violence against civilians", "Attack")
    assert first.name == "Tiv Ethnic Militia ({country})" and first.inter == 4
    assert second.name == "Civilians ({country})"  # records.py fills the country


def test_other_spelling_gives_the_group_name(blank_nlp):
    first, _, _ = actors(blank_nlp, "Armed Afari gunmen shot five merchants in Bati, Ethiopia.",
                         "shot", "Violence against civilians", "Attack")
    assert first.name == "Afar Ethnic Militia ({country})"


def test_group_without_armed_word_is_no_actor(blank_nlp):
    # "a Fulani settlement", "the Afar region": the group alone is not a side
    _, _, names = actors(blank_nlp, "Gunmen attacked a Fulani settlement in the Afar region of Ethiopia.",
                         "attacked", "Violence against civilians", "Attack")
    assert not any("Ethnic" in name for name in names)


def test_table_rows_win_over_generated_phrases():
    # aliases.tsv writes "Fulani herdsmen" itself; the generated phrase must not shadow it
    matches = [entry for entry in load_aliases() if entry.alias.lower() == "fulani militia"]
    assert len(matches) == 1


def test_a_known_group_keeps_its_own_kind_whatever_word_the_report_uses(blank_nlp):
    # the report says "communal"; ACLED names the Fellata and Rizeigat militias ethnic ones
    _, _, names = actors(blank_nlp, "Fellata and Rizeigat communal militias clashed in South Darfur.",
                         "clashed", "Battles", "Armed clash")
    assert names == ["Fellata Ethnic Militia ({country})", "Rizeigat Ethnic Militia ({country})"]


def test_an_unknown_group_takes_the_reports_word(blank_nlp):
    _, _, names = actors(blank_nlp, "Zorgu and Bemba communal militias clashed in the valley.",
                         "clashed", "Battles", "Armed clash")
    assert names == ["Zorgu Communal Militia ({country})", "Bemba Communal Militia ({country})"]
