"""An event's place outside the focus country that nothing but its own name supports is a
namesake; the event stays in the focus country (assign.stray_abroad)."""
from __future__ import annotations

import spacy

from sitrep.mentions import EventMention, PlaceMention
from sitrep.places.assign import assign_places, stray_abroad


def _town(text: str, start: int, cc: str, **terms: float) -> PlaceMention:
    return PlaceMention(start=start, end=start + len(text), text=text, name=text, country_code=cc,
                        latitude=1.0, longitude=1.0, feature_code="PPL", geo_precision=1,
                        explain={"population": 0.66, "total": 1.4, **terms})


def test_a_town_abroad_with_no_other_support_is_stray():
    assert stray_abroad(_town("Kirni", 0, "US"), "IN")


def test_a_town_of_the_focus_or_one_the_article_supports_is_no_stray():
    assert not stray_abroad(_town("Kirni", 0, "IN"), "IN")
    assert not stray_abroad(_town("Kirni", 0, "US"), None)
    # its country is named elsewhere in the article, or it dwarfs its namesakes
    assert not stray_abroad(_town("Idlib", 0, "SY", doc_country=0.7), "TR")
    assert not stray_abroad(_town("Freetown", 0, "SL", prominent=2.0), "HU")
    # inside the admin area the text names around it
    assert not stray_abroad(_town("Tafas", 0, "SY", in_context=2.5), "JO")
    # a little prominence, or mere nearness to a context town, is not enough
    assert stray_abroad(_town("Moro", 0, "PK", prominent=0.4), "BR")
    assert stray_abroad(_town("Andac", 0, "TR", in_context=1.5), "IQ")


def test_capitals_areas_and_inherited_places_are_never_stray():
    capital = _town("Amman", 0, "JO")
    capital.feature_code = "PPLC"
    area = _town("Samar", 0, "UA")
    area.feature_code = "ADM1"
    inherited = _town("Wadi X", 0, "NO")
    inherited.explain = {"inherited_context": 1.0}
    assert not any(stray_abroad(p, "PH") for p in (capital, area, inherited))


def test_an_event_skips_a_stray_town_for_a_place_of_the_focus_country():
    nlp = spacy.blank("en")
    text = "Troops exchanged fire in Kirni sector, Poonch."
    doc = nlp(text)
    doc._.doc_country = "IN"
    stray = _town("Kirni", text.index("Kirni"), "US")
    home = _town("Poonch", text.index("Poonch"), "IN", focus=1.6)
    start = text.index("exchanged")
    event = EventMention(start, start + 9, "exchanged", 0, len(text), "Battles", "Armed clash")
    assign_places(doc, [event], [stray, home], None)
    assert event.place.country_code == "IN" and event.place.text == "Poonch"
    # with no other place, the stray town still gives way to the focus country
    event2 = EventMention(start, start + 9, "exchanged", 0, len(text), "Battles", "Armed clash")
    fallback = PlaceMention(0, 0, "", name="India", country_code="IN", latitude=22.0,
                            longitude=79.0, feature_code="PCLI")
    assign_places(doc, [event2], [stray], fallback)
    assert event2.place.country_code == "IN" and event2.place.geo_precision == 3


def test_a_town_is_prominent_only_under_its_own_spelling():
    from sitrep.gazetteer import Candidate
    from sitrep.places.resolve import prominence

    moro = Candidate(1170013, "Moro", 26.7, 68.0, "PK", "Sindh", None, 120_000, "PPL")
    namesake = Candidate(2, "Moro", 1.0, 1.0, "ES", None, None, 900, "PPL")
    assert prominence([moro, namesake], "Moro")[0] is moro
    # "Morro" (a hill in Brazil) reaches Moro only with doubled letters folded
    assert prominence([moro, namesake], "Morro") == (None, 0.0)
    assert prominence([moro, namesake])[0] is moro    # no text given: spelling unchecked
