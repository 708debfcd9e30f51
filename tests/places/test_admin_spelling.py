"""The admin1 of places is spelt as the text spells the area (component.written_admin1)."""
from __future__ import annotations

from sitrep.mentions import PlaceMention
from sitrep.places.component import written_admin1


def _place(text: str, name: str, code: str, admin1: str, **explain: float) -> PlaceMention:
    return PlaceMention(start=0, end=len(text), text=text, name=name, country_code="SY",
                        admin1=admin1, latitude=35.9, longitude=36.6, feature_code=code,
                        explain=dict(explain))


def test_the_text_s_spelling_of_an_area_names_the_admin1_of_its_places():
    village = _place("Sfuhen", "Sfuhen", "PPL", "Idlib")
    city = _place("Idleb", "Idlib", "PPL", "Idlib")  # the town that names the province
    event_place = _place("Sfuhen", "Sfuhen", "PPL", "Idlib")
    written_admin1([village, city], [event_place])
    assert village.admin1 == city.admin1 == event_place.admin1 == "Idleb"


def test_other_names_abbreviations_and_inherited_mentions_keep_the_index_name():
    for mention in (_place("Halab", "Aleppo", "PPL", "Aleppo"),          # another name
                    _place("ALP", "Aleppo", "ADM1", "Aleppo"),           # an abbreviation
                    _place("Aleppe", "Aleppo", "ADM1", "Aleppo", inherited_from=3.0)):
        town = _place("Manbij", "Manbij", "PPL", "Aleppo")
        written_admin1([mention, town])
        assert town.admin1 == "Aleppo"
