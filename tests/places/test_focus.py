"""The focus country: which names vote for it, and how much a place abroad needs besides its
own name. Hand-built Docs over the default gazetteer."""
from __future__ import annotations

import pytest

from sitrep.gazetteer import Gazetteer
from sitrep.mentions import ActorMention
from sitrep.places.component import PlacesComponent

from helpers import doc_with_ents as _doc, event_at as _event


@pytest.fixture(scope="module")
def places() -> PlacesComponent:
    return PlacesComponent(gazetteer=Gazetteer.default())


def _actor(doc, words: str, name: str, country: str | None) -> ActorMention:
    start = doc.text.index(words)
    return ActorMention(start, start + len(words), words, name, 1 if country else 8, country)


def test_a_small_town_abroad_needs_more_than_its_own_name(blank_nlp, places):
    # Shakhta is a village in Russia only; its own name is no evidence that a Ukrainian
    # report's Shakhta lies in Russia
    doc = _doc(blank_nlp, "Ukraine said fighters shelled Shakhta.", [("Ukraine", "GPE"), ("Shakhta", "GPE")])
    places(doc)
    assert doc._.doc_country == "UA"
    assert all(p.country_code != "RU" for p in doc._.toponyms if p.text == "Shakhta")


def test_an_admin_area_shared_by_two_countries_splits_its_vote(blank_nlp, places):
    # Yemen and Saudi Arabia both have an Al Jawf province: the Houthis settle it
    text = "Houthi fighters repelled an attack in Al Jawf governorate."
    doc = _doc(blank_nlp, text, [("Al Jawf", "GPE")])
    doc._.actor_mentions = [_actor(doc, "Houthi fighters", "Houthis", "Yemen")]
    places(doc)
    assert doc._.doc_country == "YE"
    assert next(p for p in doc._.toponyms if p.text == "Al Jawf").country_code == "YE"


def test_a_demonym_inside_an_actor_name_does_not_vote(blank_nlp, places):
    # "Saudi-led coalition" names who struck, not where: the Houthis' Yemen is the focus
    text = "Houthi forces said Saudi-led coalition aircraft bombed Al Jawf governorate."
    doc = _doc(blank_nlp, text, [("Saudi", "NORP"), ("Al Jawf", "GPE")])
    doc._.actor_mentions = [_actor(doc, "Houthi forces", "Houthis", "Yemen"),
                            _actor(doc, "Saudi-led coalition", "Operation Restoring Hope", None)]
    places(doc)
    assert doc._.doc_country == "YE"
    # the same demonym outside any actor still votes ("Saudi officials said")
    doc2 = _doc(blank_nlp, "Saudi officials said aircraft bombed Al Jawf governorate.",
                [("Saudi", "NORP"), ("Al Jawf", "GPE")])
    places(doc2)
    assert doc2._.doc_country == "SA"


def test_an_admin_area_by_its_french_name_names_its_country(blank_nlp, places):
    # the index knows Cameroon's regions as West, Far North; ACLED writes Ouest, Extreme-Nord
    doc = _doc(blank_nlp, "Residents demonstrated in Bafoussam town (Mifi, Ouest).",
               [("Bafoussam", "GPE"), ("Mifi", "LOC"), ("Ouest", "LOC")])
    places(doc)
    assert doc._.doc_country == "CM"
    ouest = next(p for p in doc._.toponyms if p.text == "Ouest")
    assert ouest.country_code == "CM" and ouest.admin1 == "Ouest"
    doc2 = _doc(blank_nlp, "Fighters raided a village (Mayo-Sava, Extreme-Nord).", [("Extreme-Nord", "LOC")])
    places(doc2)
    assert doc2._.doc_country == "CM"


def test_a_place_after_in_inside_an_organisation_name_is_a_location(blank_nlp, places):
    # NER takes "Cabinet of Ministers in Kyiv" whole; "in Kyiv" still says where
    doc = _doc(blank_nlp, "Entrepreneurs protested outside the Cabinet of Ministers in Kyiv.",
               [("Cabinet of Ministers in Kyiv", "ORG")])
    places(doc)
    assert doc._.doc_country == "UA"
    assert any(p.text == "Kyiv" and p.country_code == "UA" for p in doc._.toponyms)
    # a place that only names the organisation stays no location ("Kyiv Post")
    doc2 = _doc(blank_nlp, "Reporters of the Kyiv Post protested.", [("Kyiv Post", "ORG")])
    places(doc2)
    assert doc2._.doc_country is None


def test_admin_names_the_index_spells_otherwise(blank_nlp, places):
    # "J&K" and "Saladin province" are how notes write Kashmir and Salah ad Din
    doc = _doc(blank_nlp, "Forces exchanged fire at Kirni sector area (Poonch district, J&K).", [])
    places(doc)
    assert doc._.doc_country == "IN"
    doc2 = _doc(blank_nlp, "Gunmen attacked a house in Saladin province.", [("Saladin", "GPE")])
    places(doc2)
    assert doc2._.doc_country == "IQ"
    # ACLED's Suqutra and Almargeb are the index's Soqatra and Al Marqab
    doc3 = _doc(blank_nlp, "Saudi aircraft flew over the camps (Hidaybu, Suqutra).", [])
    places(doc3)
    assert doc3._.doc_country == "YE"
    doc4 = _doc(blank_nlp, "Shells fell in Garabulli (Almargeb).", [("Garabulli", "GPE")])
    places(doc4)
    assert doc4._.doc_country == "LY"
    # ACLED's Indian state initials: TS Telangana, TN Tamil Nadu, HP Himachal Pradesh
    for state in ("TS", "TN", "HP"):
        doc5 = _doc(blank_nlp, f"Workers held a protest in Damaracherla village (Nalgoda, {state}).", [])
        places(doc5)
        assert doc5._.doc_country == "IN"
        assert [(p.country_code, p.feature_code) for p in doc5._.toponyms if p.text == state] \
            == [("IN", "ADM1")]


def test_a_name_of_the_focus_country_s_admin2_area_is_that_area(blank_nlp, places):
    # the small index has no Laguna in the Philippines, only its towns whose admin2 (province)
    # is Laguna: the province, not Laguna, California
    doc = _doc(blank_nlp, "Philippine police said the Philippines will deploy troops in Laguna.",
               [("Philippines", "GPE"), ("Laguna", "GPE")])
    places(doc)
    assert doc._.doc_country == "PH"
    laguna = next(p for p in doc._.toponyms if p.text == "Laguna")
    assert laguna.country_code == "PH" and laguna.feature_code == "ADM2"
    # a name with a town of its own in the focus country stays that town
    doc2 = _doc(blank_nlp, "The United States said storms hit Laguna.",
                [("United States", "GPE"), ("Laguna", "GPE")])
    places(doc2)
    assert next(p for p in doc2._.toponyms if p.text == "Laguna").feature_code.startswith("PPL")


def test_a_shared_name_votes_by_the_size_of_each_country_s_namesake():
    # Dundalk is a town of 43,000 in Ireland and 64,000 in Maryland but a hamlet in Ontario:
    # Ontario's hamlet gets a sliver of its vote, not a third
    from sitrep.gazetteer import Candidate
    from sitrep.places.finder import Span
    from sitrep.places.focus import span_votes

    def town(cc: str, pop: int) -> Candidate:
        return Candidate(1, "Dundalk", 0.0, 0.0, cc, None, None, pop, "PPL")

    votes = span_votes(Span(0, 7, "Dundalk", "dundalk", "ner-strong", "GPE"),
                       [town("US", 63_597), town("IE", 43_112), town("CA", 2_803)])
    assert abs(sum(votes.values()) - 1.0) < 1e-9
    assert votes["IE"] > 0.4 and votes["CA"] < 0.15


def test_small_namesakes_together_outvote_one_demonym(blank_nlp, places):
    # a Japanese student in an Irish story: Dundalk and Dundrum are mostly Irish names
    text = "Gardai said a Japanese student was attacked in Dundalk and treated in Dundrum."
    doc = _doc(blank_nlp, text, [("Japanese", "NORP"), ("Dundalk", "GPE"), ("Dundrum", "GPE")])
    places(doc)
    assert doc._.doc_country == "IE"
    assert next(p for p in doc._.toponyms if p.text == "Dundalk").country_code == "IE"


def test_a_small_namesake_far_from_the_article_s_places_is_dropped(blank_nlp, places):
    # New Orleans' Washington Square is no town in the index; Philadelphia's Washington Square
    # (13,000 people, 1,700 km away) is a namesake, even when NER is sure it is a place and
    # the name comes twice (a repeat, or the "Washington" inside it, vouches for nothing)
    text = ("Musicians played across New Orleans, from Metairie to Chalmette. "
            "Crowds gathered in Washington Square. Later, Washington Square emptied.")
    doc = _doc(blank_nlp, text, [("New Orleans", "GPE"), ("Metairie", "GPE"), ("Chalmette", "GPE"),
                                 ("Washington Square", "FAC"), ("Washington Square", "FAC")])
    places(doc)
    squares = [p for p in doc._.toponyms if p.text == "Washington Square"]
    assert len(squares) == 2
    assert all(p.explain.get("stray") and p.name != "Washington Square" for p in squares)
    # nor is it named after the "Washington" inside it (Washington, D.C.), which is no
    # settlement of the story either: it lies near the last town named before it
    assert all(p.explain.get("inherited_nearby") and p.latitude < 31 for p in squares)
    # a big place far from the others stays: a city of a million is no namesake
    doc2 = _doc(blank_nlp, "Musicians from New Orleans and Metairie toured Philadelphia.",
                [("New Orleans", "GPE"), ("Metairie", "GPE"), ("Philadelphia", "GPE")])
    places(doc2)
    assert next(p for p in doc2._.toponyms if p.text == "Philadelphia").latitude > 39



@pytest.mark.parametrize("text, names, country", [
    # Kwal, Bassa and Plateau are all also US names; only Nigeria has Kwal inside Bassa, Plateau
    ("Gunmen attacked Kwal (Bassa, Plateau).", ["Kwal", "Bassa", "Plateau"], "NG"),
    # the Philippines' Santa Ana is bigger; El Salvador's lies in its Santa Ana department
    ("Residents protested in Santa Ana (Santa Ana).", ["Santa Ana"], "SV"),
])
def test_a_place_inside_the_areas_named_around_it_votes_for_their_country(
        blank_nlp, places, text, names, country):
    doc = _doc(blank_nlp, text, [(name, "GPE") for name in names])
    places(doc)
    assert doc._.doc_country == country
    assert doc._.toponyms[0].country_code == country


def test_a_town_beside_its_own_name_fits_only_by_an_admin_area(places):
    # "Colon (Colon)": every country with a town called Colon would fit by the town itself;
    # only those with an admin area of the name holding a Colon vote
    from sitrep.places.context import contexts
    from sitrep.places.finder import Span
    from sitrep.places.focus import chain_votes
    text = "Residents protested in Colon (Colon)."
    spans = [Span(23, 28, "Colon", "colon", "ner-strong"), Span(30, 35, "Colon", "colon", "ner-strong")]
    cands = [list(places.gazetteer.lookup_key("colon")) for _ in spans]
    votes = chain_votes(spans, cands, contexts(text, spans))
    from sitrep.gazetteer.normalize import area_key
    with_admin = {c.country_code for c in cands[0] if c.feature_code.startswith("ADM") or c.is_admin1
                  or area_key(c.admin2 or "") == "colon"}  # Argentina's Colon in "Departamento de Colon"
    towns_only = {c.country_code for c in cands[0]} - with_admin
    assert votes and set(votes) <= with_admin and towns_only


def test_a_name_spelled_otherwise_votes_by_its_skeleton_when_nothing_else_does(blank_nlp, places):
    # the index spells it Nasiriyah; with no other name, its skeleton still says Iraq, and
    # the event falls back to the country rather than to none
    doc = _doc(blank_nlp, "Hundreds of protesters gathered in Nassriya city.", [("Nassriya", "GPE")])
    doc._.event_mentions = [_event(doc, "gathered", "Protests", "Peaceful protest")]
    places(doc)
    assert doc._.doc_country == "IQ"
    assert doc._.event_mentions[0].place.country_code == "IQ"


def test_a_skeleton_guess_never_overrides_a_name_that_votes(blank_nlp, places):
    doc = _doc(blank_nlp, "Protesters gathered in Nassriya near Aleppo.", [("Nassriya", "GPE"), ("Aleppo", "GPE")])
    places(doc)
    assert doc._.doc_country == "SY"


def test_an_area_word_one_country_uses_votes_for_it():
    from sitrep.places.focus import noun_votes

    assert noun_votes("in Kubwa (Abuja LGA, FCT)") == {"NG": 1.0}
    assert noun_votes("in Dighinala upazila of Khagrachhari") == {"BD": 1.0}
    assert noun_votes("in Jhelum tehsil") == {"IN": 0.5, "PK": 0.5}
    assert noun_votes("the elegant Legacy hotel") == {}          # a word's inside is no area word


@pytest.mark.parametrize("text, name, country", [
    ("Gunmen killed two farmers in Bassa LGA.", "Bassa", "NG"),       # not Finland's Bassa
    ("Gunmen attacked farmers in San Jose barangay.", "San Jose", "PH"),  # not California's
])
def test_an_area_word_settles_the_country_of_a_name_many_share(blank_nlp, places, monkeypatch,
                                                               text, name, country):
    from sitrep.places import focus

    found = []
    for weight in (0.0, 1.0):
        monkeypatch.setitem(focus.WEIGHTS, "country_noun", weight)
        doc = _doc(blank_nlp, text, [(name, "GPE")])
        places(doc)
        found.append(doc._.doc_country)
    assert found[0] != country and found[1] == country


def test_the_saudi_led_coalition_implies_yemen(nlp):
    # aliases.tsv: the coalition's operation is Yemen's war; "Saudi" alone would vote Saudi Arabia
    from sitrep.api import extract

    text = ("On 7 May 2020, 2 Saudi-led coalition airstrikes reportedly targeted Al Raboah frontline "
            "along the Yemeni-Saudi border. No fatalities nor injuries reported.")
    events = extract(text, published="2020-05-08", nlp=nlp)
    assert events and events[0].country == "Yemen"


def test_a_small_town_named_as_the_area_around_a_place_votes():
    # "Abr Badr area (Tuban, Lahij)": NER is unsure of Lahij (a town of some 30,000), yet as the
    # area around a place it is a place, and its country outvotes Indonesia's bigger Tuban
    from sitrep.gazetteer import Candidate
    from sitrep.places.context import Context
    from sitrep.places.finder import Span
    from sitrep.places.focus import focus_country, span_votes

    text = "the main road of Abr Badr area (Tuban, Lahij)"
    spans = [Span(text.index(n), text.index(n) + len(n), n, n.lower(), "ner-weak", "PERSON")
             for n in ("Abr Badr", "Tuban", "Lahij")]
    # (Tuban is also a Philippine village: a name many countries share splits its vote)
    cands = [[], [Candidate(1, "Tuban", -6.9, 112.05, "ID", "East Java", None, 76_242, "PPL", kind=0),
                  Candidate(3, "Tuban", 6.77, 125.3, "PH", "Davao", None, 5_194, "PPL", kind=0)],
             [Candidate(2, "Lahij", 13.06, 44.88, "YE", "Lahij", None, 30_000, "PPL", kind=0)]]
    assert span_votes(spans[2], cands[2]) == {}
    assert span_votes(spans[2], cands[2], as_context=True) == {"YE": 1.0}
    links = [[Context(1, "paren"), Context(2, "paren")], [Context(2, "paren")], []]
    assert focus_country(spans, cands, links_of=links)[0] == "YE"
    assert focus_country(spans, cands)[0] == "ID"


def test_a_name_votes_less_for_a_place_it_is_only_an_alternate_name_of():
    # Ponce: Puerto Rico's town by its own name, against a larger Havana district that lists
    # "Ponce" among its alternate names
    from sitrep.gazetteer import Candidate
    from sitrep.places.finder import Span
    from sitrep.places.focus import span_votes
    town = Candidate(4566880, "Ponce", 18.01, -66.62, "PR", "Ponce", None, 137_491, "PPL", 0)
    district = Candidate(3568342, "Arroyo Naranjo", 23.04, -82.38, "CU", "La Habana", None, 210_053, "PPL", 1)
    votes = span_votes(Span(0, 5, "Ponce", "ponce", "ner-strong"), [district, town])
    assert votes["PR"] > votes["CU"] > 0
    from dataclasses import replace
    both_main = span_votes(Span(0, 5, "Ponce", "ponce", "ner-strong"), [replace(district, kind=0), town])
    assert both_main["CU"] > both_main["PR"]  # by its own name the larger place would win
