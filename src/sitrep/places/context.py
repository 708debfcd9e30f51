"""Which toponyms name the admin areas around another: "Miango (Bassa, Plateau)",
"Bohdanivka, Donetsk", "Waqf in Diyala province", "Amchide, in Kolofata subdivision".

Such a context says where the place must lie. ACLED notes always write it; news often does
("Al-Bab, located in Aleppo province"). The words allowed between a place and its context are in
data/cues.json ("context_nouns", "context_links"). `regions` gathers, for each place, the areas
its contexts name (a Region), which the resolver holds its candidates against.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from sitrep.gazetteer import Candidate, name_key
from sitrep.gazetteer.normalize import area_key
from sitrep.geo import distance_km
from sitrep.places.admin_names import index_names
from sitrep.places.finder import Span, cues

CONTEXT_KM = 60             # a place this close to a context town counts as inside its area


@dataclass(frozen=True)
class Context:
    """Span `index` names an area around another span; `kind` is how the text says so."""

    index: int
    kind: str          # paren | comma | link


@lru_cache(maxsize=1)
def _gap_patterns() -> tuple[re.Pattern, re.Pattern]:
    table = cues()
    nouns = "|".join(sorted((re.escape(n) for n in table["context_nouns"]), key=len, reverse=True))
    links = "|".join(sorted((re.escape(n) for n in table["context_links"]), key=len, reverse=True))
    noun = rf"(?:(?:{nouns})\b\s*){{0,2}}"
    # "Tafas (", "Bassa LGA, ", "Dighinala upazila (", "Waqf in ", "Amchide, in the ",
    # "Naushera sector area (": two area nouns may stand together
    paren_or_comma = re.compile(rf"\s*{noun}(?P<sep>\(|,)\s*(?:(?:{links})\s+)?(?:the\s+)?$", re.I)
    link = re.compile(rf"\s*{noun},?\s*(?:{links})\s+(?:the\s+)?$", re.I)
    return paren_or_comma, link


_LIST_AFTER = re.compile(r"\s*(?:,\s*)?(?:and|or|&)\s", re.I)
_COMMA = re.compile(r"\s*,\s*")


def _in_list(text: str, spans: Sequence[Span], j: int) -> bool:
    """Whether span j belongs to a list of names ("A, B, C and D")."""
    while j < len(spans):
        if _LIST_AFTER.match(text, spans[j].end):
            return True
        if j + 1 < len(spans) and _COMMA.fullmatch(text[spans[j].end:spans[j + 1].start]):
            j += 1
            continue
        return False
    return False


def contexts(text: str, spans: Sequence[Span]) -> list[list[Context]]:
    """For each span, the later spans that name the areas around it, nearest first.

    Chains: in "X (A2, A1)" both A2 and A1 are X's context. A comma alone is weak: in a list
    ("Raqqa, Hasakah and Deir ez-Zor") the next name is a sibling, so a comma context must not
    be followed by "and"/"or".
    """
    paren_or_comma, link = _gap_patterns()
    out: list[list[Context]] = [[] for _ in spans]
    for i, span in enumerate(spans):
        prev_end = span.end
        # "(Dar'a, Dar'a)": inside brackets a comma chains admin areas as the bracket does
        depth_paren = text.rfind("(", 0, span.start) > text.rfind(")", 0, span.start)
        for j in range(i + 1, min(len(spans), i + 6)):
            if spans[j].start < prev_end:
                continue  # a name inside this one ("Washington" in "Washington University")
            gap = text[prev_end:spans[j].start]
            if len(gap) > 40:
                break
            if depth_paren and re.fullmatch(r"\s*,\s*", gap):
                kind = "paren"
            else:
                m = paren_or_comma.fullmatch(gap)
                if m:
                    kind = "paren" if m.group("sep") == "(" else "comma"
                    depth_paren = kind == "paren"
                elif link.fullmatch(gap):
                    kind = "link"
                else:
                    break
            if kind == "comma" and _in_list(text, spans, j):
                break
            out[i].append(Context(j, kind))
            prev_end = spans[j].end
    return out


class Region:
    """The areas a place's context names: admin names per country and towns' points."""

    def __init__(self) -> None:
        self.admin1: set[tuple[str, str]] = set()
        self.admin2: set[tuple[str, str]] = set()
        self.points: list[tuple[int, float, float, str]] = []
        self.names: set[str] = set()
        self.firm = False  # an admin area or a country: a place outside it is a namesake

    def add(self, span: Span, options: Sequence[Candidate], focus: str | None) -> None:
        for cand in options:
            if cand.fuzzy or cand.is_demonym or (focus and cand.country_code != focus):
                continue
            code = cand.country_code or ""
            if cand.is_country:
                self.admin1.add((code, "*"))
                self.firm = True
            elif cand.is_admin1 or cand.feature_code == "ADM1":
                self.admin1.add((code, name_key(cand.name)))
                if cand.admin1:  # its name in the index's admin naming ("Al Qasrayn")
                    self.admin1.add((code, area_key(cand.admin1)))
                for indexed in index_names(cand.name, code):  # "Ouest": West, as its towns say
                    self.admin1.add((code, name_key(indexed)))
                self.firm = True
            elif cand.feature_code.startswith("ADM"):
                self.admin2.add((code, name_key(cand.name)))
                self.firm = True
            else:
                self.points.append((cand.geonameid, cand.latitude, cand.longitude, code))
                # districts are often named after their town: "Dighinala upazila"
                self.admin2.add((code, span.key))
                self.admin1.add((code, span.key))
        self.names.add(span.key)

    def __bool__(self) -> bool:
        return bool(self.admin1 or self.admin2 or self.points)

    def holds(self, cand: Candidate) -> float:
        """1.0 inside a named admin area, 0.6 beside a named town, 0.0 outside."""
        code = cand.country_code or ""
        if (code, "*") in self.admin1:
            return 1.0
        if cand.admin1 and (code, area_key(cand.admin1)) in self.admin1:
            return 1.0
        if cand.admin2 and (code, area_key(cand.admin2)) in self.admin2:
            return 1.0
        # "Kasserine (Ezzouhour, Kasserine)": a town names its own district
        # a namesake across a border from the context town is not beside it ("Zap (Amadiya)":
        # Iraq's, not Turkey's Andac 30 km off)
        near = any(gid == cand.geonameid or (cc == code and distance_km(
            cand.latitude, cand.longitude, la, lo) <= CONTEXT_KM) for gid, la, lo, cc in self.points)
        return 0.6 if near else 0.0


def regions(spans: Sequence[Span], cands: Sequence[list[Candidate]], focus: str | None,
            links_of: Sequence[Sequence[Context]]) -> list[Region | None]:
    """Each span's context region, when the text names the areas around it."""
    out: list[Region | None] = []
    for i, links in enumerate(links_of):
        region = Region()
        for link in links:
            region.add(spans[link.index], cands[link.index], focus)
        # a comma context binds only when it names an admin area ("Bohdanivka, Donetsk")
        if region and (region.firm or any(link.kind != "comma" for link in links)):
            out.append(region)
        else:
            out.append(None)
    return out
