"""An event known only to a province lies at the province's seat (places/seats.py)."""
from __future__ import annotations

from sitrep.mentions import PlaceMention
from sitrep.places.seats import at_seat


def _area(text: str, name: str, start: int, lat: float, lon: float) -> PlaceMention:
    return PlaceMention(start=start, end=start + len(name), text=name, name=name,
                        country_code="SY", admin1=name, latitude=lat, longitude=lon,
                        feature_code="ADM1", geo_precision=3, explain={"total": 5.0})


def test_a_province_named_as_the_place_moves_to_its_town_of_the_same_name(tiny_gazetteer):
    text = "Shelling hit Aleppo province."
    place = at_seat(tiny_gazetteer, _area(text, "Aleppo", 13, 36.0, 37.5), text)
    assert (place.latitude, place.longitude) == (36.20124, 37.16117)  # Aleppo city
    assert place.name == "Aleppo" and place.geo_precision == 3 and place.feature_code == "ADM1"


def test_without_a_namesake_town_the_seat_is_the_most_populous_town(tiny_gazetteer):
    text = "Protests spread across Dimashq governorate."
    place = at_seat(tiny_gazetteer, _area(text, "Dimashq", 23, 33.3, 36.6), text)
    assert (place.latitude, place.longitude) == (33.5102, 36.29128)  # Damascus


def test_a_province_named_around_an_unknown_village_keeps_its_middle(tiny_gazetteer):
    # the village may lie anywhere in the province: only a town of the province's own name
    # would be a better guess than its middle
    text = "Gunmen attacked Harran village (Al Kiswah, Dimashq)."
    place = at_seat(tiny_gazetteer, _area(text, "Dimashq", text.index("Dimashq"), 33.3, 36.6), text)
    assert (place.latitude, place.longitude) == (33.3, 36.6)
    text = "Gunmen attacked Harran, Dimashq."
    place = at_seat(tiny_gazetteer, _area(text, "Dimashq", text.index("Dimashq"), 33.3, 36.6), text)
    assert (place.latitude, place.longitude) == (33.3, 36.6)


def test_towns_and_countries_stay_where_they_are(tiny_gazetteer):
    town = PlaceMention(start=0, end=6, text="Manbij", name="Manbij", country_code="SY",
                        admin1="Aleppo", latitude=36.5, longitude=37.9, feature_code="PPL")
    assert at_seat(tiny_gazetteer, town, "Manbij") is town
