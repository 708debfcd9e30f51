"""ACLED notes say how they code an actor: "pro-STC forces (coded as Security Belt forces)",
"anti-Houthi forces, coded as pro-Hadi forces". The phrase before "coded as" is where the actor
acts in the sentence; the phrase after it is the actor's name.
"""
from __future__ import annotations

from dataclasses import replace

from sitrep.actors.find import Found

# what may sit between the described phrase and "coded as", and between "as" and the name
_BEFORE = {"(", ",", "[", "-", "–"}
_FILLERS = {"the", "a", "an", "by", "default", "being"}


def _coded_as_at(doc, end: int) -> int | None:
    """Token index just after "coded as" when it follows token `end` ("X (coded as ..."), else None."""
    i = end
    # the rest of the phrase, absorbed into the actor ("pro-STC forces (coded as ..."), but
    # not a coordinated one ("pro-Hadi forces and affiliates (coded as ...": the affiliates)
    while i < min(end + 2, len(doc)) and doc[i].is_alpha and doc[i].is_lower \
            and doc[i].lower_ not in ("coded", "and", "or"):
        i += 1
    start = i
    while i < len(doc) and doc[i].text in _BEFORE:
        i += 1
    if i == start or i + 1 >= len(doc) or doc[i].lower_ != "coded" or doc[i + 1].lower_ != "as":
        return None
    i += 2
    while i < len(doc) and doc[i].lower_ in _FILLERS:
        i += 1
    return i


def apply_coded_as(found: list[Found]) -> list[Found]:
    """The described actor takes the name it is coded as; the coded name is no second actor."""
    out: list[Found] = []
    skip: set[int] = set()
    for index, item in enumerate(found):
        if index in skip:
            continue
        at = _coded_as_at(item.span.doc, item.span.end)
        target = found[index + 1] if index + 1 < len(found) else None
        if at is None or target is None or target.span.start != at:
            out.append(item)
            continue
        mention = replace(target.mention, start=item.mention.start, end=item.mention.end,
                          text=item.mention.text,
                          country=target.mention.country or item.mention.country)
        out.append(Found(mention, item.span, target.alias, item.speaker))
        skip.add(index + 1)
    return out
