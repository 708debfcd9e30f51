"""Which toponyms name the admin areas around another: "Miango (Bassa, Plateau)",
"Bohdanivka, Donetsk", "Waqf in Diyala province", "Amchide, in Kolofata subdivision".

Such a context says where the place must lie. ACLED notes always write it; news often does
("Al-Bab, located in Aleppo province"). The words allowed between a place and its context are in
data/cues.json ("context_nouns", "context_links").
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from sitrep.places.finder import Span, cues


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
    noun = rf"(?:(?:{nouns})\b\s*)?"
    # "Tafas (", "Bassa LGA, ", "Dighinala upazila (", "Waqf in ", "Amchide, in the "
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
