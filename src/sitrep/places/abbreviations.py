"""Written abbreviations of states and provinces ("Calif.", "B.C.", "Ga."), data/abbreviations.tsv.

The small index knows "Va." only as an alternate name of a Belgian village; news writes US
states, Canadian provinces and Australian states this way after a town ("Haymarket, Va.").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from sitrep.gazetteer import Candidate, Gazetteer, name_key
from sitrep.gazetteer.build import KIND_VARIANT
from sitrep.places.finder import Span, data_rows


@dataclass(frozen=True)
class Abbreviation:
    letters: str           # as written, without dots and spaces: "Calif", "BC"
    name: str              # the full name as the index spells it
    country: str
    feature: str           # ADM1, or PPLC for "D.C."
    after_comma: bool      # also an English word ("Man.", "Miss."): only right after a comma


def _letters(written: str) -> str:
    return re.sub(r"[^A-Za-z]", "", written)


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, Abbreviation]:
    """Name key of each abbreviation -> what it stands for."""
    table: dict[str, Abbreviation] = {}
    for short, name, country, feature, flag in data_rows("abbreviations.tsv", 5):
        table[name_key(short)] = Abbreviation(_letters(short), name, country, feature or "ADM1",
                                              flag == "comma")
    return table


def expand(gaz: Gazetteer, span: Span, text: str) -> list[Candidate] | None:
    """The place an abbreviation written in `text` stands for, as a variant-name candidate;
    None when the span is no abbreviation: other capitals ("TASS" is not "Tas.") or no dot."""
    entry = abbreviations().get(span.key)
    if entry is None or _letters(span.text) != entry.letters:
        return None
    written = re.match(r"[A-Za-z. ]*", text[span.start:span.end + 1]).group().rstrip()
    if not written.endswith("."):
        return None
    if entry.after_comma and not text[:span.start].rstrip().endswith(","):
        return None
    found = [c for c in gaz.lookup_key(name_key(entry.name)) if c.kind == 0
             and c.country_code == entry.country and c.feature_code == entry.feature]
    return [replace(found[0], kind=KIND_VARIANT)] if found else None
