"""First-level areas by the names ACLED notes and local news give them (data/admin1_names.tsv):
"Ouest" is Cameroon's West region as well as Haiti's Ouest department."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from sitrep.gazetteer import Candidate, Gazetteer, name_key
from sitrep.gazetteer.build import KIND_VARIANT
from sitrep.places.finder import data_rows


@lru_cache(maxsize=1)
def admin_names() -> dict[str, list[tuple[str, str, str]]]:
    """Name key of a written name -> (written name, index name, country ISO2) of each area."""
    table: dict[str, list[tuple[str, str, str]]] = {}
    for written, indexed, country in data_rows("admin1_names.tsv", 3):
        table.setdefault(name_key(written), []).append((written, indexed, country))
    return table


def admin_candidates(gaz: Gazetteer, key: str) -> list[Candidate]:
    """The ADM1 areas a written name stands for, named as written (index_names gives the name
    the towns inside them carry as admin1)."""
    found = []
    for written, indexed, country in admin_names().get(key, ()):
        match = next((c for c in gaz.lookup_key(name_key(indexed))
                      if c.is_admin1 and c.country_code == country), None)
        if match is not None:
            found.append(replace(match, name=written, admin1=written, kind=KIND_VARIANT))
    return found


def index_names(written: str, country: str) -> list[str]:
    """The index's names of an area written so in a country ("Ouest", CM -> ["West"])."""
    return [indexed for _, indexed, code in admin_names().get(name_key(written), ()) if code == country]
