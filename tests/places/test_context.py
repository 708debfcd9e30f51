"""Admin areas named around a place constrain it; actors' countries vote for the focus.

Hand-built Docs (spacy.blank, entities set by hand) over the embedded gazetteer, whose
namesakes (five Bohdanivkas in five oblasts, two Tripolis) are what these rules must settle.
"""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from sitrep.gazetteer import Gazetteer
from sitrep.mentions import ActorMention
from sitrep.places.component import PlacesComponent
from sitrep.places.context import contexts
from sitrep.places.finder import Span

from helpers import doc_with_ents as _doc, event_at as _event


@pytest.fixture(scope="module")
def places() -> PlacesComponent:
    return PlacesComponent(gazetteer=Gazetteer.default())


def _spans(text: str, names: list[str]) -> list[Span]:
    out, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        out.append(Span(start, start + len(name), name, name.lower(), "ner-strong"))
        pos = start + len(name)
    return out


@pytest.mark.parametrize("text, names, expected", [
    ("in Tafas (Dar'a, Dar'a) on", ["Tafas", "Dar'a", "Dar'a"], [["paren", "paren"], ["paren"], []]),
    ("near Bohdanivka, Donetsk.", ["Bohdanivka", "Donetsk"], [["comma"], []]),
    ("in Waqf in Diyala province", ["Waqf", "Diyala"], [["link"], []]),
    ("in Dighinala upazila (Khagrachhari, Chittagong)", ["Dighinala", "Khagrachhari", "Chittagong"],
     [["paren", "paren"], ["paren"], []]),
    # a list of towns names siblings, not areas around each other
    ("in Raqqa, Hasakah and Deir ez-Zor", ["Raqqa", "Hasakah", "Deir ez-Zor"], [[], [], []]),
    ("in Raqqa, Hasakah, Homs and Hama", ["Raqqa", "Hasakah", "Homs", "Hama"], [[], [], [], []]),
    ("from Aleppo to Homs", ["Aleppo", "Homs"], [[], []]),
    # two area nouns together still lead to the areas around the place
    ("in Naushera sector area (Rajouri district, J&K)", ["Naushera", "Rajouri", "J&K"],
     [["paren", "comma"], ["comma"], []]),
    ("in Aleppo city area town (Aleppo)", ["Aleppo", "Aleppo"], [[], []]),  # not any run of nouns
])
def test_contexts_read_the_words_between_places(text, names, expected):
    found = contexts(text, _spans(text, names))
    assert [[c.kind for c in links] for links in found] == expected


def _place_of_event(places, doc: Doc, trigger: str):
    event = _event(doc, trigger)
    doc._.event_mentions = [event]
    places(doc)
    return event.place


def test_namesake_outside_the_named_oblast_is_rejected(blank_nlp, places):
    # five Bohdanivkas in the index, none in Donetsk oblast: ACLED codes Donetsk, precision 2
    doc = _doc(blank_nlp, "Rebels fired mortars at positions near Bohdanivka, Donetsk.",
               [("Bohdanivka", "GPE"), ("Donetsk", "GPE")])
    place = _place_of_event(places, doc, "fired")
    assert place.admin1 == "Donetsk"
    assert place.geo_precision == 2
    bohdanivka = next(p for p in doc._.toponyms if p.text == "Bohdanivka")
    # not the namesake elsewhere: it takes Donetsk's point, inherited from its context
    assert bohdanivka.explain.get("outside_context") and bohdanivka.explain.get("inherited_context")
    assert bohdanivka.admin1 == "Donetsk" and bohdanivka.geo_precision == 2


def test_unknown_neighbourhood_takes_the_point_of_its_town(blank_nlp, places):
    doc = _doc(blank_nlp, "He was killed in the Zzyzx Heights neighborhood of Brooklyn. Police came to Qwerty Street.",
               [("Zzyzx Heights", "LOC"), ("Brooklyn", "GPE"), ("Qwerty Street", "FAC")])
    places(doc)
    found = {p.text: p for p in doc._.toponyms}
    brooklyn = found["Brooklyn"]
    assert found["Zzyzx Heights"].explain.get("inherited_context")
    assert (found["Zzyzx Heights"].latitude, found["Zzyzx Heights"].geo_precision) == (brooklyn.latitude, 2)
    # a site NER found but the index lacks lies near the last settlement named
    assert found["Qwerty Street"].explain.get("inherited_nearby")
    assert found["Qwerty Street"].longitude == brooklyn.longitude


def test_site_takes_the_point_of_the_place_it_is_named_after(blank_nlp, places):
    doc = _doc(blank_nlp, "Researchers at Colorado Qwerty University said so.",
               [("Colorado Qwerty University", "ORG")])
    places(doc)
    site = next(p for p in doc._.toponyms if p.text == "Colorado Qwerty University")
    assert site.explain.get("inherited_name") and site.admin1 == "Colorado"


def test_unknown_sea_or_region_is_not_given_a_town(blank_nlp, places):
    doc = _doc(blank_nlp, "Storms hit Brooklyn. Warm water in the Qwertyan Deep persists.",
               [("Brooklyn", "GPE"), ("Qwertyan Deep", "LOC")])
    places(doc)
    deep = next(p for p in doc._.toponyms if p.text == "Qwertyan Deep")
    assert deep.latitude is None


def test_place_inside_its_parenthesised_admin_areas_wins(blank_nlp, places):
    # Volta Redonda lies in Rio de Janeiro state; the event is coded to it, not to Rio
    doc = _doc(blank_nlp, "On 7 May, in Volta Redonda (Volta Redonda, Rio de Janeiro), police clashed with gunmen.",
               [("Volta Redonda", "GPE"), ("Volta Redonda", "GPE"), ("Rio de Janeiro", "GPE")])
    place = _place_of_event(places, doc, "clashed")
    assert place.name == "Volta Redonda" and place.geo_precision == 1
    assert "in_context" in place.explain


def test_skeleton_match_must_still_look_like_the_name(blank_nlp, places):
    # Kwadon has the skeleton of Kaduna; the note says it lies in Gombe
    doc = _doc(blank_nlp, "Patients demonstrated in Kwadon (Yamaltu/Deba LGA, Gombe) over conditions.",
               [("Kwadon", "GPE"), ("Gombe", "GPE")])
    place = _place_of_event(places, doc, "demonstrated")
    assert place.name != "Kaduna"
    assert place.admin1 == "Gombe"


def test_actor_countries_vote_for_the_focus(blank_nlp, places):
    text = "GNA forces shelled positions in Tripoli."
    doc = _doc(blank_nlp, text, [("Tripoli", "GPE")])
    doc._.actor_mentions = [ActorMention(0, 3, "GNA", "Military Forces of Libya", 1, "Libya")]
    place = _place_of_event(places, doc, "shelled")
    assert doc._.doc_country == "LY"
    assert place.country_code == "LY"
    # without the actor, Tripoli's namesakes leave the focus to population alone
    doc2 = _doc(blank_nlp, text, [("Tripoli", "GPE")])
    doc2._.actor_mentions = [ActorMention(0, 3, "Lebanese Army", "Military Forces of Lebanon", 1, "Lebanon")]
    assert _place_of_event(places, doc2, "shelled").country_code == "LB"


def test_acronyms_are_not_alternate_names_of_towns(blank_nlp, places):
    # "GNA" is an alternate name of Guna (India) in GeoNames
    doc = _doc(blank_nlp, "Clashes between GNA and LNA forces were reported.", [])
    places(doc)
    assert all(p.name != "Guna" for p in doc._.toponyms)


def test_a_name_inside_an_actor_is_not_a_location(blank_nlp, places):
    doc = _doc(blank_nlp, "A battalion defected from the Hadi government.", [("Hadi", "LOC")])
    start = doc.text.index("Hadi government")
    doc._.actor_mentions = [ActorMention(start, start + 15, "Hadi government",
                                         "Military Forces of Yemen (2012-)", 1, "Yemen")]
    places(doc)
    assert all(p.latitude is None for p in doc._.toponyms if p.text == "Hadi")


def test_direction_word_before_a_country_still_names_it(blank_nlp, places):
    doc = _doc(blank_nlp, "Turkish jets struck PKK targets in Northern Iraq.", [("Northern Iraq", "GPE")])
    places(doc)
    assert doc._.doc_country == "IQ"


def test_a_place_people_come_from_is_not_where_the_event_is(blank_nlp, places):
    doc = _doc(blank_nlp, "Police clashed with fighters from Deir ez-Zor in the town of Jarablus.",
               [("Deir ez-Zor", "GPE"), ("Jarablus", "GPE")])
    assert _place_of_event(places, doc, "clashed").name.startswith("Jar")


def test_a_world_city_beats_a_small_namesake_in_the_focus_country(blank_nlp, places):
    # the article is about the US (Texas), but Rome alone is 64 times bigger than any US Rome
    doc = _doc(blank_nlp, "Officials in Texas said the pilgrims flew to Rome on Friday.",
               [("Texas", "GPE"), ("Rome", "GPE")])
    places(doc)
    rome = next(p for p in doc._.toponyms if p.text == "Rome")
    assert rome.country_code == "IT" and rome.explain.get("prominent")


def test_possessive_splits_a_name_and_marks_a_firm(blank_nlp, places):
    doc = _doc(blank_nlp, "Shells hit a village in Burma's Sagaing Region. Gunmen broke into the Denny's restaurant.",
               [("Burma's Sagaing Region", "GPE"), ("Denny", "ORG")])
    places(doc)
    found = {p.text: p for p in doc._.toponyms}
    assert found["Burma"].country_code == "MM" and found["Sagaing"].country_code == "MM"
    assert "Denny" not in found  # Denny, Scotland is no restaurant chain


def test_a_name_with_the_arabic_article_is_not_an_english_town(blank_nlp, places):
    doc = _doc(blank_nlp, "Missiles targeted a building in Al-Ba'ath city.", [("Al-Ba'ath", "GPE")])
    places(doc)
    assert all(p.country_code != "GB" for p in doc._.toponyms)


def test_township_is_a_generic_word_after_the_name(blank_nlp, places):
    doc = _doc(blank_nlp, "Residents of three villages in Shwebo Township fled.", [("Shwebo Township", "GPE")])
    places(doc)
    assert doc._.toponyms[0].country_code == "MM"


def test_a_town_named_inside_an_organisation_is_a_settlement_sites_lie_near(blank_nlp, places):
    # "the Brooklyn Bar Association": Brooklyn is named only inside a name, yet it is where
    # the story is; the street after it lies there
    doc = _doc(blank_nlp, "Members of the Brooklyn Bar Association marched down Qwerty Street.",
               [("Brooklyn Bar Association", "ORG"), ("Qwerty Street", "FAC")])
    places(doc)
    found = {p.text: p for p in doc._.toponyms}
    assert found["Brooklyn"].explain.get("source_embedded")
    assert found["Qwerty Street"].explain.get("inherited_nearby")
    assert found["Qwerty Street"].latitude == found["Brooklyn"].latitude


def test_a_town_ner_calls_a_person_is_kept_near_the_article_s_places(blank_nlp, places):
    # the small model tags small towns PERSON; one of the focus country close to another
    # place of the article is that town, with no cue word needed
    text = "Protesters marched in Edmonton. Volunteers from Leduc joined them."
    doc = _doc(blank_nlp, text, [("Edmonton", "GPE"), ("Leduc", "PERSON")])
    places(doc)
    leduc = next(p for p in doc._.toponyms if p.text == "Leduc")
    assert leduc.country_code == "CA" and "near_other" in leduc.explain
    # without a place nearby, a person's name stays a person's
    doc2 = _doc(blank_nlp, "Volunteers from Leduc joined them.", [("Leduc", "PERSON")])
    places(doc2)
    assert all(p.latitude is None for p in doc2._.toponyms if p.text == "Leduc")


def test_a_town_no_ner_label_marks_is_kept_near_the_article_s_places(blank_nlp, places):
    # the phrase matcher's capitalised names need a strong cue or a big town, or, as here,
    # a town of the focus country close to another place of the article
    doc = _doc(blank_nlp, "Protesters marched in Edmonton, and residents of Leduc joined them.",
               [("Edmonton", "GPE")])
    places(doc)
    leduc = next(p for p in doc._.toponyms if p.text == "Leduc")
    assert leduc.explain.get("source_matcher") and leduc.country_code == "CA"
    doc2 = _doc(blank_nlp, "Protesters marched, and residents of Leduc joined them.", [])
    places(doc2)
    assert all(p.latitude is None for p in doc2._.toponyms if p.text == "Leduc")


def test_a_namesake_across_the_border_from_a_context_town_is_not_beside_it():
    from sitrep.gazetteer import Candidate
    from sitrep.places.context import Region
    # "Zap (Amadiya)": the context is Iraq's Amadiya; a Turkish town 30 km off is not held
    amadiya = Candidate(1, "Amadiya", 37.09, 43.49, "IQ", "Dahuk", None, 5000, "PPL", 0)
    region = Region()
    region.add(Span(5, 12, "Amadiya", "amadiya", "ner-strong"), [amadiya], None)
    turkish = Candidate(2, "Andac", 37.30, 43.60, "TR", "Hakkari", None, 2000, "PPL", 0)
    iraqi = Candidate(3, "Zap", 37.20, 43.60, "IQ", "Ninawa", None, 1000, "PPL", 0)
    assert region.holds(turkish) == 0.0
    assert region.holds(iraqi) == 0.6
