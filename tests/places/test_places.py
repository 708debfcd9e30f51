"""Places stage on hand-built Docs (spacy.blank, entities set by hand, tiny gazetteer)."""
from __future__ import annotations

import pytest

from sitrep.places.component import PlacesComponent
from sitrep.places.countries import country_by_code, country_by_name

from helpers import doc_with_ents as _doc, event_at as _event


@pytest.fixture()
def places(tiny_gazetteer) -> PlacesComponent:
    return PlacesComponent(gazetteer=tiny_gazetteer)


def test_country_focus_picks_the_syrian_place(blank_nlp, places):
    doc = _doc(blank_nlp, "Syrian forces shelled Paris, a village near Aleppo.",
               [("Syrian", "NORP"), ("Paris", "GPE"), ("Aleppo", "GPE")])
    places(doc)
    assert doc._.doc_country == "SY"
    names = {p.text: p for p in doc._.toponyms}
    assert names["Syrian"].explain.get("demonym") == 1.0
    assert names["Aleppo"].country_code == "SY"
    assert "focus" in names["Aleppo"].explain


def test_weak_ner_labels_and_missed_names(blank_nlp, places):
    # the small model tags villages PERSON and Aleppo NORP; Manbij is missed altogether
    doc = _doc(blank_nlp, "Fighting hit Al-Bab, located in Aleppo province. Reinforcements massed near Manbij.",
               [("Al-Bab", "PERSON"), ("Aleppo", "NORP")])
    places(doc)
    found = {p.text: p for p in doc._.toponyms}
    assert found["Al-Bab"].geonameid == 174018
    assert found["Aleppo"].feature_code == "ADM1"  # "province" follows
    assert found["Manbij"].explain.get("source_matcher") == 1.0


def test_event_gets_most_specific_place_of_its_sentence(blank_nlp, places):
    doc = _doc(blank_nlp, "In Syria, clashes broke out in Al-Bab. Later, calm returned.",
               [("Syria", "GPE"), ("Al-Bab", "GPE")])
    doc._.event_mentions = [_event(doc, "clashes"), _event(doc, "calm")]
    places(doc)
    first, second = doc._.event_mentions
    assert first.place.name == "Al Bāb" and first.place.geo_precision == 1
    assert second.place.name == "Al Bāb"  # nearest preceding toponym


def test_document_fallback_is_country_precision_3(blank_nlp, places):
    doc = _doc(blank_nlp, "Syrian forces said clashes broke out.", [("Syrian", "NORP")])
    doc._.event_mentions = [_event(doc, "clashes")]
    places(doc)
    place = doc._.event_mentions[0].place
    assert place.country_code == "SY" and place.geo_precision == 3


def test_near_northern_and_between(blank_nlp, places):
    doc = _doc(blank_nlp, "Airstrikes hit between the Kweyris air base and Al-Bab. "
               "Clashes erupted in northern Aleppo. Shelling near Manbij.",
               [("Kweyris", "PERSON"), ("Al-Bab", "PERSON"), ("Aleppo", "NORP"), ("Manbij", "GPE")])
    doc._.event_mentions = [_event(doc, "Airstrikes"), _event(doc, "Clashes"), _event(doc, "Shelling")]
    places(doc)
    strike, clash, shelling = (e.place for e in doc._.event_mentions)
    assert strike.geo_precision == 2 and strike.name == "Al Bāb"
    assert 36.18 < strike.latitude < 36.38  # midpoint of the air base and the town
    assert clash.name == "Aleppo" and clash.geo_precision == 2
    assert shelling.name == "Manbij" and shelling.geo_precision == 2


def test_acled_note_parenthesis_gives_admin_context(blank_nlp, places):
    doc = _doc(blank_nlp, "On 9 May 2020, regime forces shelled Tafas (Dar'a, Dar'a).",
               [("Tafas", "GPE"), ("Dar'a", "GPE"), ("Dar'a", "GPE")])
    doc._.event_mentions = [_event(doc, "shelled")]
    places(doc)
    place = doc._.event_mentions[0].place
    assert place.text == "Tafas" and place.country_code == "SY"
    hints = [p for p in doc._.toponyms if p.explain.get("admin_hint")]
    assert len(hints) == 2


def test_countries_have_acled_regions():
    assert country_by_code("SY").region == "Middle East"
    assert country_by_code("ng").region == "Western Africa"
    assert country_by_name("Ivory Coast").iso2 == "CI"
    assert country_by_name("DRC").iso2 == "CD"


@pytest.mark.model
def test_seed_report_with_the_real_model():
    from sitrep.nlp import build_pipeline

    nlp = build_pipeline(stages=["places"])
    text = ("Reports have emerged from Syria that the Islamic State has abducted civilians from "
            "the village of Bghailiye. The human rights group additionally reported fights "
            "between the Islamic State and Syrian forces in Al-Bab, located in Aleppo province.")
    doc = nlp(text)
    assert doc._.doc_country == "SY"
    names = {p.text: p.name for p in doc._.toponyms if p.latitude is not None}
    assert names["Bghailiye"] == "Al Baghaliyah"
    assert names["Al-Bab"] == "Al Bāb"


def test_entity_with_comma_is_split(blank_nlp, places):
    doc = _doc(blank_nlp, "Protesters gathered in Aleppo, Syria on Friday.", [("Aleppo, Syria", "GPE")])
    places(doc)
    assert [(p.text, p.feature_code) for p in doc._.toponyms] == [("Aleppo", "PPL"), ("Syria", "PCLI")]


def test_component_declares_what_it_writes(blank_nlp, tiny_gazetteer):
    import sitrep.places.component  # noqa: F401 - registers the factory

    blank_nlp.add_pipe("sitrep_places")
    meta = blank_nlp.get_pipe_meta("sitrep_places")
    assert set(meta.assigns) == {"doc._.toponyms", "doc._.doc_country"}
    assert meta.requires == ["doc._.event_mentions", "doc._.actor_mentions"]


def test_country_names_follow_acled_spelling():
    assert country_by_code("CD").name == "Democratic Republic of Congo"
    assert country_by_code("PS").name == "Palestine"
    # GeoNames' spelling still finds the country
    assert country_by_name("Democratic Republic of the Congo").iso2 == "CD"


def test_one_place_per_name_per_article(tiny_gazetteer):
    # "Paris, Texas" early on (in context, a high total), then "Paris" alone where the focus
    # country says France: the second mention is still the Texan town
    from sitrep.places.finder import Span
    from sitrep.places.repeats import one_sense

    texas, france = tiny_gazetteer.lookup_key("paris")[1], tiny_gazetteer.lookup_key("paris")[0]
    assert (texas.country_code, france.country_code) == ("US", "FR")
    spans = [Span(11, 16, "Paris", "paris", "ner-strong"), Span(60, 65, "Paris", "paris", "ner-strong"),
             Span(70, 76, "France", "france", "ner-strong")]
    country = tiny_gazetteer.lookup_key("france")[0]
    results = [(texas, {"in_context": 2.5, "total": 6.7}), (france, {"focus": 1.6, "total": 5.6}),
               (country, {"total": 4.7})]
    out = one_sense(spans, results)
    assert out[0][0] == texas and out[1][0] == texas and out[1][1]["same_name"] == 1.0
    assert out[2][0] == country


def test_an_event_whose_clause_names_no_place_takes_the_next_place_named(blank_nlp, places):
    # the events stage may bound an event by its clause: "3 soldiers were killed," is followed
    # by the place the note is about, not by nothing (the country)
    from sitrep.mentions import EventMention

    text = "In 2020, 3 soldiers were killed, and 1 was wounded, in an attack on a base in Al-Bab."
    doc = _doc(blank_nlp, text, [("Al-Bab", "GPE")])
    start = text.index("killed")
    doc._.event_mentions = [EventMention(start, start + 6, "killed", 0, text.index(", and"),
                                         "Battles", "Armed clash")]
    places(doc)
    assert doc._.event_mentions[0].place.name == "Al Bāb"
