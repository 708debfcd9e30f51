"""Which names count as toponyms by their role in the sentence (hand-built parsed Docs)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from sitrep.gazetteer import Gazetteer
from sitrep.places.abbreviations import expand
from sitrep.places.component import PlacesComponent
from sitrep.places.finder import Span

from helpers import doc_with_ents


@pytest.fixture()
def places(tiny_gazetteer) -> PlacesComponent:
    return PlacesComponent(gazetteer=tiny_gazetteer)


def parsed(nlp, rows: list[tuple[str, str, str, int]], ents: list[str] | None = None) -> Doc:
    """A Doc from (word, pos, dep, head index) rows, one sentence; `ents` in IOB tags."""
    words = [r[0] for r in rows]
    doc = Doc(nlp.vocab, words=words, spaces=[w not in ".," for w in words[1:]] + [False],
              pos=[r[1] for r in rows], deps=[r[2] for r in rows], heads=[r[3] for r in rows],
              sent_starts=[True] + [False] * (len(rows) - 1), ents=ents)
    return doc


def test_demonym_modifying_a_noun_is_a_toponym_but_a_language_is_not(blank_nlp, places):
    # "Turkish forces shelled it and he speaks Turkish ."
    doc = parsed(blank_nlp, [("Turkish", "ADJ", "amod", 1), ("forces", "NOUN", "nsubj", 2),
                             ("shelled", "VERB", "ROOT", 2), ("it", "PRON", "dobj", 2),
                             ("and", "CCONJ", "cc", 2), ("he", "PRON", "nsubj", 6),
                             ("speaks", "VERB", "conj", 2), ("Turkish", "PROPN", "dobj", 6),
                             (".", "PUNCT", "punct", 2)])
    places(doc)
    found = [(p.start, p.country_code) for p in doc._.toponyms]
    assert found == [(0, "TR")]


def test_demonym_in_a_list_of_modifiers(blank_nlp, places):
    # "Syrian and Turkish troops" : Turkish is a conjunct of the modifier Syrian
    doc = parsed(blank_nlp, [("Syrian", "ADJ", "amod", 3), ("and", "CCONJ", "cc", 0),
                             ("Turkish", "ADJ", "conj", 0), ("troops", "NOUN", "ROOT", 3)])
    places(doc)
    assert [p.country_code for p in doc._.toponyms] == ["SY", "TR"]


def test_capitalised_adjective_that_is_no_demonym_is_not_taken(blank_nlp, places):
    # "Paris" as an adjective modifier ("Paris fashion") only counts when it is a demonym
    doc = parsed(blank_nlp, [("Big", "ADJ", "amod", 1), ("Paris", "ADJ", "amod", 2),
                             ("fashion", "NOUN", "ROOT", 2)])
    places(doc)
    assert doc._.toponyms == []


def test_state_abbreviation_with_its_dot_is_the_state(blank_nlp, places):
    doc = doc_with_ents(blank_nlp, "It rained in Paris, Tex. on Monday.",
                        [("Paris", "GPE"), ("Tex.", "GPE")])
    places(doc)
    state = next(p for p in doc._.toponyms if p.text.startswith("Tex"))
    assert (state.name, state.feature_code, state.country_code) == ("Texas", "ADM1", "US")


def test_abbreviation_needs_its_dot_and_its_capitals(tiny_gazetteer):
    def span(text: str, word: str) -> Span:
        start = text.index(word)
        return Span(start, start + len(word), word, "tex", "ner-strong", "GPE")

    assert expand(tiny_gazetteer, span("Paris, Tex. today", "Tex."), "Paris, Tex. today")
    assert expand(tiny_gazetteer, span("Paris, Tex today", "Tex"), "Paris, Tex today") is None
    assert expand(tiny_gazetteer, span("the TEX. index", "TEX"), "the TEX. index") is None


def test_county_is_the_area_among_its_towns_not_a_town(blank_nlp, places):
    # the tiny index's Paris, Texas lies in Lamar County; no town is called Lamar
    doc = doc_with_ents(blank_nlp, "Shots were fired in Lamar County, near Paris.",
                        [("Lamar County", "GPE"), ("Paris", "GPE")])
    places(doc)
    county, town = doc._.toponyms
    assert (county.feature_code, county.admin1, county.country_code) == ("ADM2", "Texas", "US")
    assert abs(county.latitude - 33.66094) < 0.01
    assert town.feature_code.startswith("PPL")  # a town called Paris, not an area


def test_admin2_areas_group_towns_by_country_and_admin1(tiny_gazetteer):
    (lamar,) = tiny_gazetteer.admin2_areas("Lamar")
    assert (lamar.name, lamar.admin1, lamar.population) == ("Lamar", "Texas", 24782)
    assert tiny_gazetteer.admin2_areas("LAMAR") == (lamar,)  # compared as name keys
    assert tiny_gazetteer.admin2_areas("Nowhere") == ()


def test_plural_demonym_votes_for_the_focus_but_is_no_toponym(blank_nlp, places):
    doc = doc_with_ents(blank_nlp, "Syrians met in Paris.", [("Syrians", "NORP"), ("Paris", "GPE")])
    places(doc)
    assert doc._.doc_country == "SY"
    assert [p.text for p in doc._.toponyms] == ["Paris"]


@pytest.fixture(scope="module")
def namesakes(tmp_path_factory) -> PlacesComponent:
    """Harare, once called Salisbury, and the English Salisbury."""
    def city(gid, name, lat, lon, cc, pop, alts=()):
        return {"geonameid": gid, "name": name, "latitude": lat, "longitude": lon, "countrycode": cc,
                "population": pop, "admin1code": "01", "alternatenames": list(alts)}
    cities = [city(890299, "Harare", -17.82772, 31.05337, "ZW", 1542813, ["Salisbury"]),
              city(2638664, "Salisbury", 51.06931, -1.79569, "GB", 40302)]
    countries = {"ZW": {"geonameid": 878675, "name": "Zimbabwe", "iso": "ZW", "capital": "Harare",
                        "population": 14439018},
                 "GB": {"geonameid": 2635167, "name": "United Kingdom", "iso": "GB",
                        "capital": "London", "population": 66488991}}
    path = tmp_path_factory.mktemp("gaz") / "namesakes.sqlite"
    return PlacesComponent(gazetteer=Gazetteer.build(path, cities=cities, countries=countries))


def test_a_former_name_of_a_big_city_earns_no_prominence(blank_nlp, namesakes):
    doc = doc_with_ents(blank_nlp, "British police said he was poisoned in Salisbury.",
                        [("British", "NORP"), ("Salisbury", "GPE")])
    namesakes(doc)
    assert [(p.text, p.country_code) for p in doc._.toponyms][-1] == ("Salisbury", "GB")


def test_items_of_a_list_that_starts_with_a_place_are_places(blank_nlp, places):
    # "Stores in Aleppo and Manbij closed": NER calls Manbij an organisation, the list says place
    rows = [("Stores", "NOUN", "nsubj", 5), ("in", "ADP", "prep", 0), ("Aleppo", "PROPN", "pobj", 1),
            ("and", "CCONJ", "cc", 2), ("Manbij", "PROPN", "conj", 2), ("closed", "VERB", "ROOT", 5)]
    doc = parsed(blank_nlp, rows, ["O", "O", "B-GPE", "O", "B-ORG", "O"])
    places(doc)
    assert [p.text for p in doc._.toponyms] == ["Aleppo", "Manbij"]
    # no list: an organisation (Tafas, not Manbij, which as a town of the focus country within
    # 150 km of Aleppo is kept anyway)
    alone = parsed(blank_nlp, [("Tafas" if w == "Manbij" else w, p, "dep" if d == "conj" else d, h)
                               for w, p, d, h in rows], ["O", "O", "B-GPE", "O", "B-ORG", "O"])
    places(alone)
    assert [p.text for p in alone._.toponyms] == ["Aleppo"]


def test_demonym_of_an_area_is_that_area(blank_nlp, places):
    # "Texan oil firms": Texas, not the United States
    doc = parsed(blank_nlp, [("Texan", "ADJ", "amod", 2), ("oil", "NOUN", "compound", 2),
                             ("firms", "NOUN", "ROOT", 2)])
    places(doc)
    assert [(p.name, p.feature_code) for p in doc._.toponyms] == [("Texas", "ADM1")]


def test_a_resolved_name_is_the_same_place_where_it_recurs_untagged(blank_nlp, places):
    text = "Shelling hit the town of Manbij. Manbij's market and a shop of John Manbij burned."
    doc = doc_with_ents(blank_nlp, text, [("Manbij", "GPE"), ("John Manbij", "PERSON")])
    places(doc)
    found = [(p.start, p.name) for p in doc._.toponyms]
    # the possessive occurrence is the town; the person's surname is not
    assert found == [(25, "Manbij"), (33, "Manbij")]
    assert doc._.toponyms[1].explain.get("repeated") == 1.0


def test_a_word_of_a_persons_name_tagged_as_a_place_is_dropped(blank_nlp, places):
    doc = doc_with_ents(blank_nlp, "Yulia Skripal was poisoned in Aleppo. Yulia is better. Talks on March 31 failed.",
                        [("Yulia Skripal", "PERSON"), ("Aleppo", "GPE"), ("Yulia", "GPE"),
                         ("March 31", "GPE")])
    places(doc)
    assert [p.text for p in doc._.toponyms] == ["Aleppo"]


def test_an_unplaced_single_word_needs_a_place_cue(blank_nlp, places):
    doc = doc_with_ents(blank_nlp, "Dropbox said fighting in Aleppo spread near Kfarzita.",
                        [("Dropbox", "GPE"), ("Aleppo", "GPE"), ("Kfarzita", "GPE")])
    places(doc)
    # the unknown village after "near" stays a toponym (placed near Aleppo or not at all)
    assert [p.text for p in doc._.toponyms] == ["Aleppo", "Kfarzita"]


def test_an_admin1_inside_an_organisation_needs_the_articles_country(blank_nlp, places):
    abroad = doc_with_ents(blank_nlp, "Syrian officials met the Texas Group in Aleppo.",
                           [("Syrian", "NORP"), ("Texas Group", "ORG"), ("Aleppo", "GPE")])
    places(abroad)
    assert "Texas" not in [p.text for p in abroad._.toponyms]
    home = doc_with_ents(blank_nlp, "American officials met the Texas Group.",
                         [("American", "NORP"), ("Texas Group", "ORG")])
    places(home)
    assert [(p.text, p.feature_code) for p in home._.toponyms][-1] == ("Texas", "ADM1")


def test_after_in_a_name_ner_calls_a_person_may_be_a_towns_alternate_name(blank_nlp, tmp_path):
    towns = [{"geonameid": 3522164, "name": "Matías Romero Avendaño", "latitude": 16.87973,
              "longitude": -95.03924, "countrycode": "MX", "population": 18944, "admin1code": "20",
              "alternatenames": ["Matias Romero"]}]
    countries = {"MX": {"geonameid": 3996063, "name": "Mexico", "iso": "MX", "capital": "Mexico City",
                        "population": 126190788}}
    places = PlacesComponent(gazetteer=Gazetteer.build(tmp_path / "mx.sqlite", cities=towns,
                                                       countries=countries))
    cued = doc_with_ents(blank_nlp, "Migrants camped in Matias Romero.", [("Matias Romero", "PERSON")])
    places(cued)
    assert [p.name for p in cued._.toponyms] == ["Matías Romero Avendaño"]
    bare = doc_with_ents(blank_nlp, "Matias Romero said so.", [("Matias Romero", "PERSON")])
    places(bare)
    assert bare._.toponyms == []


def test_a_word_of_a_person_named_in_the_article_needs_a_place_cue(blank_nlp, places):
    text = "John Manbij scored twice. Manbij is the hero. Shelling hit the town of Manbij."
    doc = doc_with_ents(blank_nlp, text, [("John Manbij", "PERSON"), ("Manbij", "GPE"),
                                          ("Manbij", "GPE")])
    places(doc)
    assert [p.start for p in doc._.toponyms] == [text.rindex("Manbij")]


def test_a_name_known_only_as_its_towns_admin2_is_that_area(blank_nlp, tiny_gazetteer):
    # "Lamar" is no town of the index, only the county its Paris lies in: as the area the
    # name places the note in Texas (the small model tags such names PERSON)
    doc = doc_with_ents(blank_nlp, "Police raided a house in Paris, Lamar on Friday.",
                        [("Paris", "GPE"), ("Lamar", "PERSON")])
    PlacesComponent(gazetteer=tiny_gazetteer)(doc)
    found = {p.text: p for p in doc._.toponyms}
    assert found["Lamar"].feature_code == "ADM2" and found["Lamar"].country_code == "US"
    assert found["Paris"].country_code == "US"


class _OneTown:
    """A stand-in index that knows one small town, by an alternate name only."""

    def lookup_key(self, key: str):
        from sitrep.gazetteer import Candidate
        if key != "poonch":
            return ()
        return (Candidate(1, "Punch", 33.77, 74.09, "IN", "Jammu and Kashmir", None, 28_197, "PPL", kind=1),)

    def admin2_areas(self, name: str):
        return ()


def test_a_place_noun_vouches_for_a_weak_name_s_alternate_spelling():
    # "Poonch district" (tagged PERSON): the small town the index calls Punch; without a
    # cue or a place noun an alternate name of a small town is no evidence of a place
    from sitrep.places.resolve import candidates_for

    gaz = _OneTown()
    named = Span(0, 6, "Poonch", "poonch", "ner-weak", "PERSON", noun_after="district")
    bare = Span(0, 6, "Poonch", "poonch", "ner-weak", "PERSON")
    assert [c.name for c in candidates_for(gaz, named)] == ["Punch"]
    assert candidates_for(gaz, bare) == []


def test_a_town_named_with_city_competes_with_its_bare_namesakes(blank_nlp, tmp_path):
    # the index calls the Kansas town "Hays City" too; "Hays city in western Yemen" is Yemen's
    # Hays, which only the bare name finds
    towns = [{"geonameid": 4272782, "name": "Hays", "latitude": 38.879, "longitude": -99.327,
              "countrycode": "US", "population": 21092, "admin1code": "KS", "alternatenames": ["Hays City"]},
             {"geonameid": 75337, "name": "Hays", "latitude": 14.58, "longitude": 43.48,
              "countrycode": "YE", "population": 0, "admin1code": "08"}]
    countries = {"YE": {"geonameid": 69543, "name": "Yemen", "iso": "YE", "capital": "Sanaa",
                        "population": 28498687},
                 "US": {"geonameid": 6252001, "name": "United States", "iso": "US",
                        "capital": "Washington", "population": 327167434}}
    places = PlacesComponent(gazetteer=Gazetteer.build(tmp_path / "hays.sqlite", cities=towns,
                                                       countries=countries))
    doc = doc_with_ents(blank_nlp, "Houthi forces shelled Hays city in western Yemen on Friday.",
                        [("Hays city", "GPE"), ("Yemen", "GPE")])
    places(doc)
    found = {p.text: p for p in doc._.toponyms}
    assert found["Hays city"].country_code == "YE"
