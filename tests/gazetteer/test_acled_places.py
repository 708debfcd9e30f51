"""`gazetteer build --from-acled`: coded locations fill in villages GeoNames lacks."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.gazetteer import Gazetteer
from sitrep.gazetteer.acled import acled_places
from sitrep.gazetteer.sources import build_from_sources

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "geonames"
HEADER_2020 = ("data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,"
               "event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,"
               "interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,"
               "geo_precision,source,source_scale,notes,fatalities,timestamp,iso3").split(",")
HEADER_2023 = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
               "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,"
               "civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,"
               "longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
               ).split(",")


def _row(n, location, lat, lon, precision, country="Syria", iso3="SYR", admin1="Daraa",
         admin2="Daraa", admin3="Muzayrib"):
    return {"data_id": n, "iso": 760, "event_id_cnty": f"SYR{n}", "event_date": "2020-03-01",
            "year": 2020, "time_precision": 1, "event_type": "Battles",
            "sub_event_type": "Armed clash", "actor1": "Military Forces of Syria (2000-)",
            "inter1": 1, "interaction": 12, "region": "Middle East", "country": country,
            "admin1": admin1, "admin2": admin2, "admin3": admin3, "location": location,
            "latitude": lat, "longitude": lon, "geo_precision": precision,
            "source": "SOHR", "notes": f"On 1 March 2020, clashes in {location}.",
            "fatalities": 0, "iso3": iso3}


def _write(path: Path, header: list[str], rows: list[dict]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture()
def export(tmp_path) -> Path:
    return _write(tmp_path / "acled.csv", HEADER_2020, [
        _row(1, "Tal Shihab", 32.6921, 35.9745, 1),
        _row(2, "Tal Shihab", 32.6921, 35.9745, 1),
        _row(3, "Tal Shihab", 32.7000, 35.9900, 1),      # outvoted coordinates
        _row(4, "Bughayliyah", 35.3150, 40.0600, 1, admin1="Deir ez-Zor",
             admin2="Deir ez-Zor", admin3="Deir ez-Zor"),  # GeoNames knows it as Al Baghaliyah
        _row(5, "Kafr Nabudah", 35.4400, 36.4000, 2),    # precision 2: a nearby town's point
        _row(6, "Atlantis Village", 10.0, 10.0, 1, country="Atlantis", iso3="ATL"),
    ])


def test_precision_one_locations_with_their_most_coded_point(export):
    places, unknown = acled_places(export)
    assert [p.location for p in places] == ["Tal Shihab", "Bughayliyah"]
    tal = places[0]
    assert (tal.country_code, tal.latitude, tal.longitude, tal.events) == ("SY", 32.6921, 35.9745, 2)
    assert (tal.admin1, tal.admin2, tal.admin3) == ("Daraa", "Daraa", "Muzayrib")
    assert unknown == 1


def test_new_villages_and_variants_of_known_places(export, tmp_path):
    path = tmp_path / "acled.sqlite"
    report = build_from_sources(path, [FIXTURES], [export], embedded=False, progress=lambda m: None)
    gaz = Gazetteer(path)
    tal = gaz.lookup("Tal Shihab", "SY")[0]
    assert (tal.geonameid < 0, tal.feature_code, tal.admin1) == (True, "PPL", "Daraa")
    assert (tal.latitude, tal.longitude) == (32.6921, 35.9745)
    # within 5 km of GeoNames' Al Baghaliyah with the same skeleton: a name of that place
    assert gaz.lookup("Bughayliyah", fuzzy=False)[0].geonameid == 11102010
    assert not gaz.lookup("Kafr Nabudah", fuzzy=False)
    assert (report.acled_new, report.acled_variants) == (1, 1)
    assert report.places == {"acled": 1, "geonames": 43}
    assert gaz.near(32.6921, 35.9745, 0.5)[0][0].name == "Tal Shihab"


def test_post_2023_export_and_cli(tmp_path):
    rows = [_row(1, "Bani Hushaysh", 15.4460, 44.3600, 1, country="Yemen", iso3="",
                 admin1="Sanaa", admin2="Bani Hushaysh", admin3="")]
    rows[0]["inter1"] = "State forces"
    export = _write(tmp_path / "acled-2024.csv", HEADER_2023, rows)
    out = tmp_path / "only-acled.sqlite"
    result = CliRunner().invoke(app, ["gazetteer", "build", "--from-acled", str(export),
                                      "--no-embedded", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 new places" in result.stderr
    place = Gazetteer(out).lookup("Bani Hushaysh")[0]
    assert (place.country_code, place.admin1) == ("YE", "Sanaa")  # ISO2 found by country name


def test_not_an_acled_export_is_named(tmp_path):
    bad = tmp_path / "events.csv"
    bad.write_text("foo,bar\n1,2\n")
    result = CliRunner().invoke(app, ["gazetteer", "build", "--from-acled", str(bad),
                                      "--no-embedded", "--out", str(tmp_path / "x.sqlite")])
    assert result.exit_code == 1
    assert "events.csv: not an ACLED export" in result.stderr
    assert not (tmp_path / "x.sqlite").exists()
