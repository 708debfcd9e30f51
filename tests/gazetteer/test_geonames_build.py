"""Building the index from GeoNames dumps in GeoNames' own format (tests/fixtures/geonames)."""
from __future__ import annotations

import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from helpers import CITIES, COUNTRIES
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.gazetteer import Gazetteer
from sitrep.gazetteer.geonames import DumpError, collect
from sitrep.gazetteer.sources import build_from_sources

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "geonames"
quiet = lambda _message: None  # noqa: E731


@pytest.fixture(scope="module")
def dump_only(tmp_path_factory) -> Gazetteer:
    path = tmp_path_factory.mktemp("gn") / "sy.sqlite"
    build_from_sources(path, [FIXTURES], embedded=False, progress=quiet)
    return Gazetteer(path)


def test_feature_codes_admin_names_and_population_are_kept(dump_only):
    tafas = dump_only.lookup("Tafas", "SY")[0]
    assert (tafas.name, tafas.feature_code, tafas.population) == ("Ţafas", "PPL", 31249)
    # admin names come from admin1CodesASCII/admin2Codes, without "Governorate"/"District"
    assert (tafas.admin1, tafas.admin2) == ("Daraa", "Daraa")
    codes = {c.feature_code for c in dump_only.lookup("Aleppo", "SY")}
    assert codes == {"ADM1", "PPLA"}
    assert dump_only.lookup("Damascus")[0].feature_code in ("PPLC", "ADM1")
    assert any(c.feature_code == "PPLX" for c in dump_only.lookup("Al Hamidiyah"))
    assert dump_only.country("SY").name == "Syria"


def test_admin_areas_are_named_as_their_places_name_them(dump_only):
    # "X in Aleppo province": the ADM1 place's name equals the admin1 of the places in it
    region = [c for c in dump_only.lookup("Aleppo Governorate") if c.is_admin1][0]
    assert region.name == "Aleppo" == dump_only.lookup("Al-Bab", "SY")[0].admin1
    district = [c for c in dump_only.lookup("Izra") if c.feature_code == "ADM2"][0]
    assert district.admin2 == "Izra" and district.admin1 == "Daraa"


def test_alternate_names_from_both_files(dump_only):
    # the row's own alternatenames column
    assert dump_only.lookup("Al-Baghaliyeh", fuzzy=False)[0].geonameid == 11102010
    assert dump_only.lookup("Bughayliyah", fuzzy=False)[0].geonameid == 11102010
    # alternateNamesV2: a name, not links, IATA codes or other scripts
    assert dump_only.lookup("Bghailiye", fuzzy=False)[0].geonameid == 11102010
    assert dump_only.lookup("Mhassan", fuzzy=False)[0].name == "Muḩassan"
    assert not dump_only.lookup("ALP", fuzzy=False)
    con = sqlite3.connect(dump_only.path)
    assert not con.execute("SELECT 1 FROM names WHERE geonameid = 99999999").fetchall()
    # one row per (key, place), however many files named it
    dupes = con.execute("SELECT count(*) FROM (SELECT key, geonameid FROM names "
                        "GROUP BY key, geonameid HAVING count(*) > 1)").fetchone()[0]
    assert dupes == 0


def test_feature_classes_filter(dump_only, tmp_path):
    assert not dump_only.lookup("Euphrates", fuzzy=False)  # H: water, left out by default
    assert dump_only.lookup("Kuweires Airbase")[0].feature_code == "AIRB"
    path = tmp_path / "h.sqlite"
    build_from_sources(path, [FIXTURES], embedded=False, feature_classes="H", progress=quiet)
    water = Gazetteer(path)
    assert water.lookup("Euphrates")[0].feature_code == "STM"
    assert not water.lookup("Tafas", fuzzy=False)


def test_search_prefixes_and_near(dump_only):
    assert [c.name for c in dump_only.search("deir zo")][:1] == ["Deir ez-Zor"]
    assert 11102010 in {c.geonameid for c in dump_only.search("baghal", "SY")}
    assert dump_only.search('"; DROP TABLE places') == []  # FTS syntax stays literal
    near = dump_only.near(32.7374, 36.0673, 8.0, feature_prefix="PPL")
    assert [c.name for c, _ in near][:3] == ["Ţafas", "Al Muzayrīb", "Al Yādūdah"]
    assert all(d <= 8.0 for _, d in near) and near[0][1] < 0.1
    assert not dump_only.near(0.0, 0.0, 50)


def test_zip_dump_reads_like_the_text_one(tmp_path, dump_only):
    with zipfile.ZipFile(tmp_path / "SY.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(FIXTURES / "SY.txt", "SY.txt")
        archive.writestr("readme.txt", "not data\tat all")
    for name in ("admin1CodesASCII.txt", "admin2Codes.txt"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / "countryInfo.txt").write_text("# not a table we read\n")
    files = collect([tmp_path])
    assert [p.name for p in files.geonames] == ["SY.zip"]
    assert [p.name for p in files.skipped] == ["countryInfo.txt"]
    report = build_from_sources(tmp_path / "z.sqlite", [tmp_path], embedded=False, progress=quiet)
    assert report.places == {"geonames": 43} and report.bad_lines == 0
    zipped = Gazetteer(tmp_path / "z.sqlite")
    assert zipped.lookup("Tafas", "SY") == dump_only.lookup("Tafas", "SY")


def _broken_dump(tmp_path: Path) -> Path:
    lines = (FIXTURES / "SY.txt").read_text(encoding="utf-8").splitlines()
    lines.insert(3, "12345\tTruncated row")
    lines.insert(7, "\t".join(["777", "Bad Coords", "Bad Coords", "", "north", "36.1"] + [""] * 13))
    path = tmp_path / "SY.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_malformed_lines_are_skipped_and_named(tmp_path):
    dump = _broken_dump(tmp_path)
    messages: list[str] = []
    report = build_from_sources(tmp_path / "ok.sqlite", [dump], embedded=False,
                                progress=messages.append)
    assert report.bad_lines == 2
    assert report.problems[0] == f"{dump}:4: expected 19 tab-separated columns, found 2"
    assert report.problems[1].startswith(f"{dump}:8: bad coordinates")
    assert any(m.startswith(f"skipped {dump}:4") for m in messages)
    assert report.places["geonames"] == 43  # the good rows all went in


def test_strict_build_fails_naming_the_line_and_writes_nothing(tmp_path):
    dump = _broken_dump(tmp_path)
    target = tmp_path / "strict.sqlite"
    with pytest.raises(DumpError, match=r"SY\.txt:4: expected 19"):
        build_from_sources(target, [dump], embedded=False, strict=True, progress=quiet)
    assert not target.exists() and not list(tmp_path.glob("strict.sqlite.tmp*"))


def test_unusable_inputs_are_named(tmp_path):
    with pytest.raises(DumpError, match="no such file"):
        collect([tmp_path / "missing.zip"])
    (tmp_path / "admin1CodesASCII.txt").write_text("SY.09\tAleppo\tAleppo\t1\n")
    with pytest.raises(DumpError, match="no GeoNames table"):
        collect([tmp_path])
    (tmp_path / "SY.zip").write_bytes(b"not a zip")
    with pytest.raises(DumpError, match=r"SY\.zip: not a zip file"):
        build_from_sources(tmp_path / "x.sqlite", [tmp_path], embedded=False, progress=quiet)


def test_merged_with_the_embedded_index(tmp_path):
    path = tmp_path / "merged.sqlite"
    report = build_from_sources(path, [FIXTURES], progress=quiet, cities=CITIES,
                                countries=COUNTRIES)
    gaz = Gazetteer(path)
    # the dump's row replaced the embedded one of the same geonameid: real feature code
    aleppo = [c for c in gaz.lookup("Aleppo", "SY") if c.feature_code.startswith("PPL")]
    assert [(c.geonameid, c.feature_code) for c in aleppo] == [(170063, "PPLA")]
    # the embedded stand-in ADM1 for Syria gave way to GeoNames' ADM1 rows
    regions = [c for c in gaz.lookup("Aleppo", "SY") if c.is_admin1]
    assert [c.geonameid for c in regions] == [170062]
    # the rest of the world, demonyms and the analysts' variants stay
    assert {c.country_code for c in gaz.lookup("Paris")} == {"FR", "US"}
    assert gaz.lookup("Syrian")[0].is_demonym
    assert any(c.is_admin1 for c in gaz.lookup("Ankara"))  # embedded ADM1 outside SY stays
    assert report.places["embedded"] > 0 and report.places["geonames"] == 43
    assert gaz.meta()["sources"].startswith("embedded; ")


def test_cli_build_from_geonames(tmp_path):
    out = tmp_path / "cli.sqlite"
    result = CliRunner().invoke(app, ["gazetteer", "build", "--geonames", str(FIXTURES / "SY.txt"),
                                      "--no-embedded", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "43 places (43 geonames)" in result.stderr
    assert f"SITREP_GAZETTEER={out}" in result.stderr
    tafas = Gazetteer(out).lookup("Tafas")[0]
    # no admin code files given: admin names come from the dump's own ADM1/ADM2 rows
    assert (tafas.admin1, tafas.admin2) == ("Daraa", "Daraa")
    bad = CliRunner().invoke(app, ["gazetteer", "build", "--geonames", str(tmp_path / "nope")])
    assert bad.exit_code == 1 and "nope: no such file" in bad.stderr


def test_sitrep_gazetteer_env_selects_a_built_index(dump_only, monkeypatch):
    from sitrep.gazetteer import query

    monkeypatch.setenv("SITREP_GAZETTEER", str(dump_only.path))
    query._default.cache_clear()
    try:
        assert Gazetteer.default().path == dump_only.path
        assert Gazetteer.default().lookup("Bughayliyah", fuzzy=False)[0].geonameid == 11102010
        monkeypatch.setenv("SITREP_GAZETTEER", str(dump_only.path) + ".missing")
        query._default.cache_clear()
        with pytest.raises(FileNotFoundError, match="SITREP_GAZETTEER=.*missing"):
            Gazetteer.default()
    finally:
        query._default.cache_clear()  # later tests get the ordinary default index back


def test_near_across_the_antimeridian(tmp_path):
    lines = [
        "\t".join(["1", "Eastside", "Eastside", "", "-17.0", "179.95", "P", "PPL", "FJ", "",
                   "", "", "", "", "100", "", "", "Pacific/Fiji", "2024-01-01"]),
        "\t".join(["2", "Westside", "Westside", "", "-17.0", "-179.95", "P", "PPL", "FJ", "",
                   "", "", "", "", "100", "", "", "Pacific/Fiji", "2024-01-01"]),
    ]
    (tmp_path / "FJ.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    build_from_sources(tmp_path / "fj.sqlite", [tmp_path / "FJ.txt"], embedded=False,
                       progress=quiet)
    near = Gazetteer(tmp_path / "fj.sqlite").near(-17.0, 179.99, 20)
    assert [c.name for c, _ in near] == ["Eastside", "Westside"]
    assert 4 < near[0][1] < 5 and 6 < near[1][1] < 7


def test_search_puts_the_exact_name_before_bigger_prefix_matches(tmp_path):
    path = tmp_path / "m.sqlite"
    build_from_sources(path, [FIXTURES], progress=quiet, cities=CITIES, countries=COUNTRIES)
    gaz = Gazetteer(path)
    found = gaz.search("Bab", limit=5)
    assert found[0].name in ("Al Bāb", "Báb", "Al Bab")  # exact key "bab" first
    assert {c.name for c in found[:3]} >= {"Al Bāb", "Báb"}
    assert any(c.name == "Al Baghālīyah" for c in gaz.search("Bagh", "SY"))
