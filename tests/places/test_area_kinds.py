"""Admin areas that GeoNames names with a kind word ("Province du Loroum") meet the bare name
reports and ACLED write ("Loroum"); the kind words live in gazetteer/data/admin_kinds.tsv."""
from __future__ import annotations

import pytest

from sitrep.gazetteer import Gazetteer
from sitrep.gazetteer.normalize import area_key, bare_area_name


@pytest.mark.parametrize("written, bare", [
    ("Province du Loroum", "Loroum"),
    ("Province de l'Oudalan", "Oudalan"),
    ("Province de l\u2019Oudalan", "Oudalan"),
    ("Province de la Tapoa", "Tapoa"),
    ("Municipio Libertador", "Libertador"),
    ("Politischer Bezirk Wien", "Wien"),
])
def test_the_kind_word_and_its_joiner_are_dropped(written, bare):
    assert bare_area_name(written) == bare
    assert area_key(written) == area_key(bare)


@pytest.mark.parametrize("name", ["Kadiogo", "Santa Cruz", "Province", "Provinces of the North", "Cantonment"])
def test_names_without_a_kind_word_are_kept(name):
    assert bare_area_name(name) == name


def test_an_area_written_with_its_kind_word_is_found_by_its_bare_name():
    areas = Gazetteer.default().admin2_areas("Oudalan")
    assert areas and areas[0].country_code == "BF"
    assert areas[0].name == "Oudalan"  # as ACLED writes it, not "Province de l'Oudalan"


def test_a_town_in_brackets_after_its_province_goes_to_that_country(nlp):
    doc = nlp("On 5 May 2020, unidentified gunmen killed four civilians in Koumbri (Loroum, Nord).")
    place = doc._.event_mentions[0].place
    assert place.country_code == "BF"
    assert place.admin2 == "Loroum"
