"""One sense per discourse: a name the article resolved once is the same place where it recurs.

The small model tags "Nenagh" as a place in one sentence and misses it in "A Nenagh councillor",
"Douma's fall" or "US-based"; the text itself says these are the place already resolved.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from sitrep.gazetteer import Candidate
from sitrep.mentions import PlaceMention
from sitrep.places.finder import Span

# a resolved mention counts as a model for its other occurrences unless it was only found inside
# an organisation's name, taken from an earlier place, or is a demonym ("the Irish" stays people)
BIG = 5 / 7  # the population score of a place of 100,000 (resolve.WEIGHTS: log10(pop) / 7)
_NOT_MODELS = ("source_embedded", "inherited_nearby", "inherited_name", "inherited_context", "demonym")


def _sure(place: PlaceMention) -> bool:
    """Resolved by the place's own name (or a variant, or as a country), or a big place by an
    alternate name: a village's alternate name ("Salah") may well be a person's."""
    parts = place.explain
    return bool(parts.get("main_name") or parts.get("variant") or parts.get("country")
                or parts.get("natural") or parts.get("population", 0) >= BIG)


def _persons(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of names of people of more than one word: "Benjamin Franklin"."""
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]


def repeated_mentions(doc: Doc, text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """New mentions for the untagged occurrences of resolved names, copies of their first
    resolution (explain "repeated")."""
    models: dict[str, PlaceMention] = {}
    for place in places:
        if place.latitude is None or not place.text[:1].isupper() or len(place.text) < 2 \
                or (len(place.text) == 2 and not place.text.isupper()) \
                or any(place.explain.get(k) for k in _NOT_MODELS) or not _sure(place):
            continue
        models.setdefault(place.text, place)
    if not models:
        return []
    names = sorted(models, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.\-])(?:%s)(?![\w])" % "|".join(map(re.escape, names)))
    taken = [(p.start, p.end) for p in places] + _persons(doc)
    out: list[PlaceMention] = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        model = models[match.group()]
        out.append(replace(model, start=start, end=end, explain={**model.explain, "repeated": 1.0}))
        taken.append((start, end))
    return out


def _town(cand: Candidate) -> bool:
    return cand.feature_code.startswith("PPL") and not cand.is_demonym


def one_sense(spans: Sequence[Span], results: list[tuple[Candidate | None, dict]]
              ) -> list[tuple[Candidate | None, dict]]:
    """One place per name per article: "Parkland, Florida" early on, then "Parkland" alone
    beside a mention of Washington, is still the Florida town. Every resolved mention of a
    name takes the town of its best-supported mention (highest total); a town and a province
    of one name ("Deir ez-Zor province", "Deir ez-Zor city") stay apart."""
    best: dict[str, tuple[Candidate, dict]] = {}
    for span, (cand, parts) in zip(spans, results):
        if cand is not None and _town(cand) and (
                span.key not in best or parts.get("total", 0.0) > best[span.key][1].get("total", 0.0)):
            best[span.key] = (cand, parts)
    out = []
    for span, (cand, parts) in zip(spans, results):
        lead = best.get(span.key)
        if cand is not None and lead is not None and lead[0] != cand and _town(cand) and _town(lead[0]):
            cand, parts = lead[0], {**lead[1], "same_name": 1.0}
        out.append((cand, parts))
    return out
