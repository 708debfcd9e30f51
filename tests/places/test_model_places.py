"""A model directory's coded places (gazetteer.tsv of `sitrep train`) join the places stage."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.gazetteer import name_key
from sitrep.learn.tables import PLACE_COLUMNS, PLACES_FILE
from sitrep.places.component import PlacesComponent
from sitrep.places.model_places import ModelGazetteer, coded_ids, model_places

from helpers import doc_with_ents as _doc

# an invented village the tiny index lacks, coded at precision 1
VILLAGE = {"location": "Qaryat Zibdiya", "admin1": "Aleppo", "admin2": "Al Bab", "admin3": "",
           "country": "Syria", "iso3": "SYR", "latitude": "36.41234", "longitude": "37.60321",
           "geo_precision": "1", "count": "3", "precision_counts": "1:3"}


def _row(**changes: str) -> dict[str, str]:
    return {**VILLAGE, **changes}


def write_model(directory: Path, rows: list[dict[str, str]]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    lines = ["# coded places", "\t".join(PLACE_COLUMNS)]
    lines += ["\t".join(row[c] for c in PLACE_COLUMNS) for row in rows]
    (directory / PLACES_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory


@pytest.fixture()
def model_dir(tmp_path) -> Path:
    return write_model(tmp_path / "model", [
        VILLAGE,
        # precision 2: an event near a town, coded to that town (its name, its point)
        _row(location="Tell Wardan", latitude="36.3", longitude="37.4", geo_precision="2"),
        # precision 3: only the region is known
        _row(location="Jabal Sinjar", latitude="36.1", longitude="37.2", geo_precision="3"),
        # a Syrian hamlet called Paris: no well-known Paris should move to Syria for it
        _row(location="Paris", latitude="36.0", longitude="37.0"),
        # the index's Manbij under another spelling, 1 km away
        _row(location="Menbij", latitude="36.5221", longitude="37.9479"),
        # an alternate name of the index's Aleppo, as the analysts write it
        _row(location="Halab", latitude="36.2012", longitude="37.1612"),
    ])


def _found(places: PlacesComponent, nlp, text: str, ents: list[tuple[str, str]]) -> dict:
    doc = _doc(nlp, text, ents)
    places(doc)
    return {p.text: p for p in doc._.toponyms}


TEXT = "Clashes broke out in Zibdiya and Qaryat Zibdiya, east of Al-Bab, in Aleppo province."
ENTS = [("Qaryat Zibdiya", "GPE"), ("Al-Bab", "GPE"), ("Aleppo", "GPE")]


def test_a_coded_village_gets_its_coordinates_with_the_model_only(blank_nlp, tiny_gazetteer, model_dir):
    without = _found(PlacesComponent(gazetteer=tiny_gazetteer), blank_nlp, TEXT, ENTS)
    assert "Qaryat Zibdiya" not in without or without["Qaryat Zibdiya"].latitude != 36.41234
    with_model = _found(PlacesComponent(gazetteer=tiny_gazetteer, model_dir=str(model_dir)),
                        blank_nlp, TEXT, ENTS)
    village = with_model["Qaryat Zibdiya"]
    assert (village.latitude, village.longitude) == (36.41234, 37.60321)
    assert (village.country_code, village.admin1) == ("SY", "Aleppo")
    assert with_model["Al-Bab"].geonameid == 174018  # the index's places stay as they were


def test_the_model_keeps_well_known_places(blank_nlp, tiny_gazetteer, model_dir):
    places = PlacesComponent(gazetteer=tiny_gazetteer, model_dir=str(model_dir))
    found = _found(places, blank_nlp, "Thousands marched in Paris, France, on Saturday.",
                   [("Paris", "GPE"), ("France", "GPE")])
    assert found["Paris"].country_code == "FR"


def test_precision_1_and_2_rows_and_spellings_of_known_places(tiny_gazetteer, model_dir):
    layer = ModelGazetteer(tiny_gazetteer, model_places(str(model_dir.resolve())))
    assert [(c.latitude, c.longitude) for c in layer.lookup_key(name_key("Tell Wardan"))] == [(36.3, 37.4)]
    assert not layer.lookup_key(name_key("Jabal Sinjar"))
    assert layer.known_keys(["qaryat zibdiya", "jabal sinjar", "alepo"]) == {"qaryat zibdiya", "alepo"}
    menbij = layer.lookup_key("menbij")
    assert [c.geonameid for c in menbij] == [167357]  # Manbij itself, as a variant name
    assert menbij[0].kind == 2 and not menbij[0].fuzzy
    assert [c.geonameid for c in layer.lookup_key("manbij")] == [167357]  # no second Manbij
    assert [c.kind for c in tiny_gazetteer.lookup_key(name_key("Halab"))] == [1]
    assert [(c.geonameid, c.kind) for c in layer.lookup_key(name_key("Halab"))] == [(170063, 2)]
    # coded by name: Aleppo written as such is no place the export coded, whatever came before
    assert coded_ids(layer, name_key("Halab")) == {170063}
    assert coded_ids(layer, name_key("Aleppo")) == set()
    assert coded_ids(tiny_gazetteer, name_key("Halab")) == set()


def test_no_file_no_layer(tmp_path, tiny_gazetteer):
    places = PlacesComponent(gazetteer=tiny_gazetteer, model_dir=str(tmp_path))
    assert model_places(str(tmp_path)) == {}
    assert places.gazetteer is tiny_gazetteer


def test_the_learned_stage_gives_the_places_stage_its_directory(blank_nlp, model_dir, monkeypatch):
    import sitrep.learn.component as learned
    import sitrep.places.component  # noqa: F401  (registers the factory)

    monkeypatch.setattr(learned, "load_cached", lambda path: None)
    blank_nlp.add_pipe("sitrep_places")
    assert blank_nlp.get_pipe("sitrep_places").model_dir is None
    learned.add_learned_stage(blank_nlp, model_dir)
    assert blank_nlp.get_pipe("sitrep_places").model_dir == str(model_dir)


def _town(gid: int, name: str, lat: float, lon: float, pop: int, admin1: str) -> dict:
    return {"geonameid": gid, "name": name, "latitude": lat, "longitude": lon, "countrycode": "SY",
            "population": pop, "admin1code": admin1, "alternatenames": []}


def test_the_coded_namesake_wins_over_a_bigger_one(blank_nlp, tmp_path):
    from helpers import COUNTRIES

    from sitrep.gazetteer import Gazetteer

    index = Gazetteer.build(tmp_path / "two.sqlite", countries={"SY": COUNTRIES["SY"]}, cities=[
        _town(9000001, "Kafr Nasih", 36.39, 37.05, 20_000, "09"),  # near Aleppo
        _town(9000002, "Kafr Nasih", 32.70, 36.20, 500, "12")])    # in Dar'a
    model = write_model(tmp_path / "model", [_row(location="Kafr Nasih", latitude="32.7012",
                                                  longitude="36.2011")])
    text, ents = "Regime forces shelled Kafr Nasih in Syria.", [("Kafr Nasih", "GPE"), ("Syria", "GPE")]
    assert _found(PlacesComponent(gazetteer=index), blank_nlp, text, ents)["Kafr Nasih"].geonameid == 9000001
    coded = _found(PlacesComponent(gazetteer=index, model_dir=str(model)), blank_nlp, text, ents)["Kafr Nasih"]
    assert coded.geonameid == 9000002 and "coded" in coded.explain


def test_a_coded_village_outside_the_areas_as_the_index_names_them(blank_nlp, tmp_path):
    from helpers import COUNTRIES

    from sitrep.gazetteer import Gazetteer

    # the index knows the village without its province, 75 km from the town named around it
    index = Gazetteer.build(tmp_path / "far.sqlite", countries={"SY": COUNTRIES["SY"]}, cities=[
        _town(9000003, "Tell Shihab", 33.30, 36.60, 300, ""),
        _town(170592, "Dar‘ā", 32.61889, 36.10213, 97969, "12") | {"alternatenames": ["Daraa"]}])
    model = write_model(tmp_path / "model", [_row(location="Tell Shihab", latitude="33.3011",
                                                  longitude="36.6012")])
    text, ents = "Regime forces shelled Tell Shihab (Daraa).", [("Tell Shihab", "GPE"), ("Daraa", "GPE")]
    alone = _found(PlacesComponent(gazetteer=index), blank_nlp, text, ents)["Tell Shihab"]
    assert "outside_context" in alone.explain and alone.latitude != 33.3  # Daraa's point at best
    coded = _found(PlacesComponent(gazetteer=index, model_dir=str(model)), blank_nlp, text, ents)["Tell Shihab"]
    assert (coded.latitude, coded.geonameid) == (33.3, 9000003) and "coded" in coded.explain
