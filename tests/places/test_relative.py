"""Relative places ("20 km east of X", "the X-Y road") and UCDP's where_prec."""
from __future__ import annotations

import pytest

from sitrep.geo import distance_km
from sitrep.mentions import PlaceMention
from sitrep.places.component import PlacesComponent
from sitrep.places.relative import destination, offset_before, where_precision

from helpers import doc_with_ents, event_at


@pytest.mark.parametrize("text, expected", [
    ("clashes 20 km east of Idlib", (20.0, 90)),
    ("an IED 15 kilometres to the north-west of Idlib", (15.0, 315)),
    ("a camp 10 miles south of the town of Idlib", (16.1, 180)),
    ("shelling 5 km from Idlib", (5.0, None)),
    ("an attack in Idlib", None),
])
def test_offset_phrases(text, expected):
    start = text.index("Idlib")
    found = offset_before(text, PlaceMention(start, start + 5, "Idlib"))
    assert (None if found is None else (round(found[0], 1), found[1])) == expected


def test_destination_moves_along_the_bearing():
    lat, lon = destination(35.93, 36.63, 20, 90)
    assert abs(lat - 35.93) < 0.01 and lon > 36.63
    assert distance_km(35.93, 36.63, lat, lon) == pytest.approx(20, abs=0.1)


def test_offset_keeps_the_acled_point_and_estimates_the_real_one(blank_nlp, tiny_gazetteer):
    doc = doc_with_ents(blank_nlp, "Gunmen attacked a convoy 20 km east of Aleppo.", [("Aleppo", "GPE")])
    doc._.event_mentions = [event_at(doc, "attacked")]
    PlacesComponent(gazetteer=tiny_gazetteer)(doc)
    place = doc._.event_mentions[0].place
    assert place.name == "Aleppo" and place.geo_precision == 2 and place.where_prec == 2
    assert distance_km(place.latitude, place.longitude,
                       place.explain["offset_lat"], place.explain["offset_lon"]) == pytest.approx(20, abs=0.2)


def test_road_between_two_close_towns_is_their_midpoint(blank_nlp, tiny_gazetteer):
    # Al-Bab and Aleppo are 40 km apart; Aleppo and Damascus 300 km (no midpoint for those)
    doc = doc_with_ents(blank_nlp, "An IED hit a bus on the Aleppo-Al-Bab road. Later a truck burned on the Aleppo-Damascus highway.",
                        [("Aleppo", "GPE"), ("Al-Bab", "GPE"), ("Aleppo", "GPE"), ("Damascus", "GPE")])
    doc._.event_mentions = [event_at(doc, "hit"), event_at(doc, "burned")]
    PlacesComponent(gazetteer=tiny_gazetteer)(doc)
    road, highway = (e.place for e in doc._.event_mentions)
    assert road.explain.get("road") and road.where_prec == 5 and road.geo_precision == 2
    assert 36.20 < road.latitude < 36.38
    assert not highway.explain.get("road")


@pytest.mark.parametrize("feature_code, precision, explain, expected", [
    ("PPL", 1, {}, 1),
    ("PPL", 2, {}, 2),
    ("PPL", 2, {"offset_km": 40.0}, 3),
    ("PPL", 2, {"admin_hint": 1.0}, 3),
    ("ADM1", 3, {}, 4),
    ("PCLI", 3, {}, 6),
    ("OCN", 3, {}, 7),
    ("STM", 3, {}, 5),
])
def test_where_prec(feature_code, precision, explain, expected):
    place = PlaceMention(0, 1, "x", latitude=1.0, longitude=1.0, feature_code=feature_code,
                         geo_precision=precision, explain=explain)
    assert where_precision(place) == expected
