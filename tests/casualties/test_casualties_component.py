"""The casualties stage on hand-built Docs: claims, sources, and the event each belongs to."""
from __future__ import annotations

from datetime import date

import pytest

import sitrep.casualties.component  # noqa: F401  (registers the factory)
from helpers import event_at
from sitrep.mentions import mentions
from sitrep.records import reconcile


def make(nlp, text: str, events: list[tuple[str, str, str]]):
    """events: (trigger, event_type, sub_event_type); the trigger's first occurrence."""
    doc = nlp(text)
    doc._.published = date(2020, 5, 11)
    doc._.event_mentions = [event_at(doc, trigger, event_type, sub_type)
                            for trigger, event_type, sub_type in events]
    return nlp.get_pipe("sitrep_casualties")(doc)


@pytest.fixture()
def nlp(blank_nlp):
    blank_nlp.add_pipe("sitrep_casualties")
    return blank_nlp


CLASH = ("Battles", "Armed clash")
ATTACK = ("Violence against civilians", "Attack")
ABDUCTION = ("Violence against civilians", "Abduction/forced disappearance")
PROTEST = ("Protests", "Peaceful protest")


def test_every_figure_is_a_claim_with_offsets(nlp):
    text = "Clashes killed 16 jihadists and wounded 4 soldiers."
    doc = make(nlp, text, [("Clashes", *CLASH)])
    claims = doc._.claims
    assert [(c.kind, c.value) for c in claims] == [("killed", 16), ("injured", 4)]
    assert all(text[c.start:c.end] == c.text for c in claims)
    assert mentions(doc, "event_mentions")[0].claims == claims


def test_claims_go_to_the_event_whose_type_fits(nlp):
    text = ("Gunmen attacked the village and abducted 30 residents. "
            "Troops then clashed with the gunmen. Eight civilians were killed and 12 militants died.")
    doc = make(nlp, text, [("attacked", *ATTACK), ("abducted", *ABDUCTION), ("clashed", *CLASH)])
    attack, abduction, clash = mentions(doc, "event_mentions")
    assert [(c.kind, c.value) for c in abduction.claims] == [("abducted", 30)]
    assert [c.value for c in attack.claims] == [8]
    assert [c.value for c in clash.claims] == [12]


def test_figures_for_different_victims_add_up(nlp):
    text = "Forty GNA soldiers and eight LNA soldiers were reportedly killed during the clash."
    doc = make(nlp, text, [("clash", *CLASH)])
    assert reconcile(mentions(doc, "event_mentions")[0].claims)[0] == 48


def test_repeated_figure_is_counted_once(nlp):
    text = ("Shelling killed 300 people in the town, SANA reported. "
            "“They massacred around 300 civilians,” it said. At least 300 died, it added.")
    doc = make(nlp, text, [("Shelling", "Explosions/Remote violence", "Shelling/artillery/missile attack")])
    claims = mentions(doc, "event_mentions")[0].claims
    assert {c.source for c in claims} == {"SANA"}
    assert reconcile(claims)[0] == 300


def test_sources_disagree_acled_takes_the_lowest(nlp):
    text = "Activists claim the attack killed 135, but SANA reported 300 dead."
    doc = make(nlp, text, [("attack", *ATTACK)])
    claims = mentions(doc, "event_mentions")[0].claims
    assert [(c.value, c.source) for c in claims] == [(135, "Activists"), (300, "SANA")]
    assert reconcile(claims) == (135, 135, 300)


def test_source_carries_over_to_unattributed_sentences(nlp):
    text = ("The Syrian Observatory for Human Rights said the group killed 50 soldiers. "
            "The group lost 42 militants.")
    doc = make(nlp, text, [("killed", *CLASH)])
    assert [c.source for c in doc._.claims] == ["Syrian Observatory for Human Rights"] * 2
    assert reconcile(mentions(doc, "event_mentions")[0].claims)[0] == 92


def test_acled_coder_total_supersedes(nlp):
    text = ("On 8 May 2020, 6 Taliban militants were killed and 5 were wounded in Chora district. "
            "Fatalities are split across 2 events (3).")
    doc = make(nlp, text, [("killed", *CLASH)])
    assert reconcile(mentions(doc, "event_mentions")[0].claims)[0] == 3
    assert len([c for c in doc._.claims if c.kind == "killed"]) == 2  # both kept on the Doc


def test_split_without_a_figure_divides_the_toll(nlp):
    text = "Two UNAFEC members were killed across two days of clashes. Fatalities coded across 2 events."
    doc = make(nlp, text, [("clashes", *CLASH)])
    assert reconcile(mentions(doc, "event_mentions")[0].claims)[0] == 1


def test_peaceful_protest_has_no_deaths_of_its_own(nlp):
    text = "Residents protested after a gendarme shot and killed a taxi driver."
    doc = make(nlp, text, [("protested", *PROTEST)])
    assert [c.value for c in doc._.claims] == [1]
    assert mentions(doc, "event_mentions")[0].claims == []


def test_running_totals_are_background(nlp):
    text = "Two women were killed in the camp. The number of murders has risen to 19 since early 2022, which left 20 people dead."
    doc = make(nlp, text, [("killed", *ATTACK)])
    assert reconcile(mentions(doc, "event_mentions")[0].claims)[0] == 2


def test_seed_report(nlp, shared_dir):
    """The seed's figures land on the seed's events (triggers given by hand here)."""
    text = (shared_dir / "seed" / "deir-ez-zor-2016.txt").read_text(encoding="utf-8")
    doc = make(nlp, text, [("abducted", *ABDUCTION), ("beheading", *ATTACK),
                           ("captured", "Battles", "Non-state actor overtakes territory"),
                           ("fights", *CLASH)])
    abduction, attack, takeover, clash = mentions(doc, "event_mentions")
    assert reconcile(attack.claims)[0] == 85
    assert {c.source for c in attack.claims} >= {"Activists", "SANA", "Syrian Observatory for Human Rights"}
    assert reconcile(takeover.claims)[0] == 92
    assert [(c.kind, c.value) for c in abduction.claims][0] == ("abducted", 400)
    assert reconcile(clash.claims)[0] == 16 + 20 or reconcile(clash.claims)[0] in (16, 20)
    twenty = next(c for c in doc._.claims if c.value == 20)
    assert (twenty.qualifier, twenty.source) == ("more_than", "SDF spokesman Habun Osman")


def test_no_events_still_lists_claims(nlp):
    doc = make(nlp, "At least 5 people were killed.", [])
    assert [(c.value, c.qualifier) for c in doc._.claims] == [(5, "at_least")]


@pytest.mark.model
def test_with_the_real_model():
    from sitrep.nlp import build_pipeline

    nlp = build_pipeline(stages=["dates", "casualties"])
    doc = nlp.make_doc("On Saturday, the army said it killed 16 jihadists near Al-Bab.\nTwo soldiers died.")
    doc._.published = date(2016, 1, 18)
    for _, component in nlp.pipeline:
        doc = component(doc)
    assert [(c.kind, c.value, c.source) for c in doc._.claims] == [
        ("killed", 16, "army"), ("killed", 2, "army")]
    assert [(d.text, d.date) for d in doc._.date_mentions] == [("Saturday", date(2016, 1, 16))]
