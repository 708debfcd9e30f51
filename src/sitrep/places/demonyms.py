"""Demonyms of areas inside a country ("English", "Catalan", "Texan"): data/area_demonyms.tsv.

The index maps "English" to the United Kingdom; GeoNames-coded news means England.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from sitrep.gazetteer import Candidate, Gazetteer, name_key
from sitrep.gazetteer.build import KIND_DEMONYM
from sitrep.places.finder import data_rows


@lru_cache(maxsize=1)
def area_demonyms() -> dict[str, list[tuple[str, str]]]:
    """Name key of a demonym -> (area name, country ISO2) of each area it may stand for."""
    table: dict[str, list[tuple[str, str]]] = {}
    for demonym, area, country in data_rows("area_demonyms.tsv", 3):
        table.setdefault(name_key(demonym), []).append((area, country))
    return table


def area_candidates(gaz: Gazetteer, key: str) -> list[Candidate]:
    """The ADM1 areas a demonym stands for, as demonym candidates (empty when it is none)."""
    found = []
    for area, country in area_demonyms().get(key, ()):
        match = next((c for c in gaz.lookup_key(name_key(area)) if c.kind == 0
                      and c.is_admin1 and c.country_code == country), None)
        if match is not None:
            found.append(replace(match, kind=KIND_DEMONYM))
    return found
