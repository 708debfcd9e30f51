"""Give each EventMention its place and ACLED geo_precision.

The most specific toponym in the event's sentence, else the nearest one before it, else the
document's focus country (precision 3). Precision per ACLED: 1 the place itself; 2 "near X",
"outskirts of X", "northern X" for a town, "between X and Y" (midpoint); 3 only a region,
province or country is known ("northern Aleppo province").
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from sitrep.mentions import EventMention, PlaceMention
from sitrep.places.finder import cues
from sitrep.places.relative import roads, where_precision
from sitrep.places.focus import WEIGHTS

# continents, regions and natural features: an event there is known to the region only
REGION_CODES = {"CONT", "RGN", "OCN", "SEA", "GULF", "LK", "DSRT", "MTS", "STM", "DLTA"}
_WORD = re.compile(r"[A-Za-z\-]+")


def specificity(place: PlaceMention) -> int:
    """1 a settlement or site, 2 an admin1 area, 3 a country."""
    code = place.feature_code or ""
    if code.startswith("PCL") or code in REGION_CODES:
        return 3
    if code.startswith("ADM"):
        return 2
    return 1


def base_precision(text: str, place: PlaceMention) -> int:
    """ACLED geo_precision of a toponym from its feature class and the words before it."""
    level = specificity(place)
    if level > 1:
        return 3
    table = cues()
    before = _WORD.findall(text[max(0, place.start - 40):place.start].lower())[-3:]
    if before and before[-1] in table["direction_adjectives"]:
        return 2
    if any(word in table["near_words"] for word in before):
        return 2
    after = _WORD.findall(text[place.end:place.end + 25].lower())[:2]
    if after and after[0] in ("neighbourhood", "neighborhood", "suburb", "outskirts", "countryside"):
        return 2
    return 1


def between(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """'between X and Y': one place at the midpoint, named after the larger one, precision 2."""
    out: list[PlaceMention] = []
    for a, b in zip(places, places[1:]):
        if a.latitude is None or b.latitude is None or a.country_code != b.country_code:
            continue
        lead = text[max(0, a.start - 30):a.start].lower()
        gap = text[a.end:b.start].lower()
        if "between" in lead and re.fullmatch(r"[\w\s\-]{0,25}\band\s+(the\s+)?", gap):
            if specificity(a) > 1 or specificity(b) > 1:
                continue
            named = b if a.explain.get("population", 0) <= b.explain.get("population", 0) else a
            out.append(replace(named, start=a.start, end=b.end, text=text[a.start:b.end],
                               latitude=round((a.latitude + b.latitude) / 2, 5),
                               longitude=round((a.longitude + b.longitude) / 2, 5),
                               geo_precision=2, where_prec=2,
                               explain={**named.explain, "between": 1.0}))
    return out


PROMINENT = 1.0  # WEIGHTS["prominent"] * eminence: 10 times bigger than any namesake


def stray_abroad(place: PlaceMention, focus: str | None) -> bool:
    """A town outside the focus country that nothing but its own name puts there: no other
    name of the article votes for its country, and it is no capital, first-level area or
    town far bigger than its namesakes, nor inside an admin area the text names around it.
    It is a namesake of a place of the focus country the index lacks (Kirni, Kashmir: not
    Kearny, New Jersey), so it names no event location."""
    if not focus or not place.country_code or place.country_code == focus:
        return False
    terms = place.explain
    if "total" not in terms or specificity(place) > 1 or place.feature_code == "PPLC":
        return False  # inherited from another place, or an area or capital
    return not (terms.get("doc_country") or terms.get("prominent", 0.0) >= PROMINENT
                or terms.get("in_context", 0.0) >= WEIGHTS["in_context"])


def _eligible(place: PlaceMention, focus: str | None = None) -> bool:
    # demonyms ("Syrian forces") and places inside organisation names ("Aleppo Media
    # Center") name no event location; parenthetical admin hints only as a last resort
    return (place.latitude is not None and not place.explain.get("demonym")
            and not place.explain.get("source_embedded") and not stray_abroad(place, focus))


def _word_before(text: str, place: PlaceMention) -> str:
    words = _WORD.findall(text[max(0, place.start - 20):place.start].lower())
    return words[-1] if words else ""


def choose(event: EventMention, places: list[PlaceMention], spans: list[PlaceMention],
           text: str = "", focus: str | None = None) -> PlaceMention | None:
    """The event's place among resolved toponyms (spans: 'between' places, preferred)."""
    in_sentence = [p for p in spans + places
                   if event.sent_start <= p.start < event.sent_end and _eligible(p, focus)]
    if in_sentence:
        def rank(p: PlaceMention) -> tuple:
            inherited = "inherited_from" in p.explain
            origin = _word_before(text, p) in cues()["origin_words"]  # "fighters from Deir ez-Zor"
            return (p not in spans, bool(p.explain.get("admin_hint")), inherited, origin, specificity(p),
                    abs(p.start - event.start))
        return _as_event_place(min(in_sentence, key=rank))
    before = [p for p in places if p.start < event.sent_start and _eligible(p, focus)]
    if before:
        specific = [p for p in before if specificity(p) == 1 and not p.explain.get("admin_hint")]
        return _as_event_place((specific or before)[-1])
    # "3 soldiers were killed, ... in the Zakhil area of PD3, Kunduz city": the event's clause
    # names no place, the sentence or the note does later on
    after = [p for p in places if p.start >= event.sent_end and _eligible(p, focus)]
    if after:
        specific = [p for p in after if specificity(p) == 1 and not p.explain.get("admin_hint")]
        return _as_event_place((specific or after)[0])
    return None


def _as_event_place(place: PlaceMention) -> PlaceMention:
    """An admin hint stands in for a village the index lacks: ACLED precision 2 at best."""
    if place.explain.get("admin_hint") and place.geo_precision == 1:
        return replace(place, geo_precision=2, where_prec=where_precision(place))
    return place


def assign_places(doc: Doc, events: list[EventMention], places: list[PlaceMention],
                  fallback: PlaceMention | None) -> None:
    text = doc.text
    spans = between(text, places) + roads(text, places)
    for event in events:
        place = choose(event, places, spans, text, doc._.doc_country)
        if place is None and fallback is not None:
            place = replace(fallback, geo_precision=3, where_prec=6)
        event.place = replace(place) if place is not None else None
