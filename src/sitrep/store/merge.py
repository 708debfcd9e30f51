"""Merging repeated reports of one event, whatever the backend.

A new article's event is the same event as a stored one when all of these agree:

- type: the same sub-event type, or the same event type where one side is the generic
  sub-type of it (`GENERIC_SUB_TYPES`: "Armed clash", "Attack", ...), since a vaguer
  report ("fighting", "attack") of a specific event is common;
- country: equal when both are known;
- place: within a radius set by the coarser geo_precision (`RADIUS_KM`: 1 -> 10 km,
  2 -> 25 km, 3 -> 100 km), or the same admin1 when either is precision 3; without
  coordinates on one side, the same location name; two places of precision 1-2 with different
  names only within `SAME_POINT_KM` (spellings of one place), as ACLED splits by village;
- date: within a window set by the coarser time_precision (`WINDOW_DAYS`: 1 -> the same
  day, as ACLED splits a two-day battle into two events; 2 -> 7 days), or the same month
  when either is precision 3;
- actors: each side shares a word of its normalised names (country names, brackets and
  generic words such as "forces" or "unidentified" removed) or is missing on one event,
  and associated actors, when both name them, share a word too;
  the two sides may come in either order, since ACLED's actor1 is not always the attacker.
  When either report is coarse (geo_precision 3 or time_precision 3) at least one actor
  must be named on both: a vague report must not absorb every event of a region or month.

The store asks `candidate_window` for an indexed date range and bounding box, reads the
candidates, and asks `best_match` which one (if any) to merge into; `merge_events` then
gives the revised event and a list of what changed.
"""
from __future__ import annotations

import calendar
import math
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Union

from sitrep.geo import distance_km
from sitrep.model import Claim, Event

RADIUS_KM = {1: 10.0, 2: 25.0, 3: 100.0}
# precision 3 means "the same month"; a day-exact date merges only on that day: with +-1 day,
# 16.0% of distinct ACLED events would merge wrongly, with 0 days 6.2% (scripts/measure_merge.py)
WINDOW_DAYS = {1: 0, 2: 7}
MAX_RADIUS_KM = max(RADIUS_KM.values())
SAME_POINT_KM = 2.0  # two precise places with different names: only spellings of one point
MAX_WINDOW_DAYS = max(WINDOW_DAYS.values())
# the sub-type a vague report gets for its event type; a specific sub-type refines it
GENERIC_SUB_TYPES = {"Armed clash", "Attack", "Peaceful protest", "Violent demonstration",
                     "Other"}
# words that say nothing about which group it is
_ACTOR_STOPWORDS = {"of", "the", "and", "in", "de", "al", "forces", "force", "group", "groups",
                    "armed", "unidentified", "unknown", "gunmen", "militants", "men"}
_WORD = re.compile(r"[^\W\d_]+")
_BRACKETS = re.compile(r"\([^)]*\)")


@dataclass(frozen=True)
class Window:
    """Where to look for candidates: indexed ranges, and names the store compares lower-cased."""

    date_from: str
    date_to: str
    bbox: tuple[float, float, float, float] | None  # min_lat, max_lat, min_lon, max_lon
    location: str | None
    admin1: str | None


@dataclass
class Candidate:
    """A stored event as matching reads it: a few columns, no validation (it is hot)."""

    event_type: str
    sub_event_type: str
    actor1: str | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    country: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    event_date: str | None = None
    time_precision: int | None = None


MATCH_COLUMNS = tuple(Candidate.__dataclass_fields__)
Matchable = Union[Event, Candidate]


@dataclass
class Report:
    """What one report said about a stored event (one `event_sources` row)."""

    article_id: str
    outlet: str | None = None
    fatalities: int | None = None
    published: str | date | None = None
    claims: list[Claim] = field(default_factory=list)


def _day(event: Matchable) -> date | None:
    try:
        return date.fromisoformat((event.event_date or "")[:10])
    except ValueError:
        return None


def _month_bounds(day: date) -> tuple[date, date]:
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


def candidate_window(event: Event) -> Window | None:
    """The ranges that hold every stored event `event` could match; None: never merged."""
    day = _day(event)
    has_point = event.latitude is not None and event.longitude is not None
    if day is None or not (has_point or event.location or event.admin1):
        return None  # no time or no place: too little to call two reports one event
    first, last = _month_bounds(day)
    spread = timedelta(days=MAX_WINDOW_DAYS)
    bbox: tuple[float, float, float, float] | None
    if has_point:
        dlat = MAX_RADIUS_KM / 111.0
        coslat = max(math.cos(math.radians(event.latitude)), 0.01)  # type: ignore[arg-type]
        dlon = min(MAX_RADIUS_KM / (111.32 * coslat), 180.0)
        bbox = (event.latitude - dlat, event.latitude + dlat,  # type: ignore[operator]
                event.longitude - dlon, event.longitude + dlon)  # type: ignore[operator]
    else:
        bbox = None  # only the name lookups can find it
    return Window(date_from=min(day - spread, first).isoformat(),
                  date_to=max(day + spread, last).isoformat(),
                  bbox=bbox, location=(event.location or "").strip() or None,
                  admin1=(event.admin1 or "").strip() or None)


def sub_types_compatible(a: Matchable, b: Matchable) -> bool:
    if a.sub_event_type == b.sub_event_type:
        return True
    return a.event_type == b.event_type and (a.sub_event_type in GENERIC_SUB_TYPES
                                             or b.sub_event_type in GENERIC_SUB_TYPES)


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.strip().lower() == b.strip().lower())


def places_compatible(a: Matchable, b: Matchable) -> float | None:
    """The distance in km (0 when matched by name) if the places agree, else None."""
    if a.country and b.country and not _same(a.country, b.country):
        return None
    coarse = max(a.geo_precision or 2, b.geo_precision or 2)
    if coarse >= 3 and _same(a.admin1, b.admin1):
        return 0.0
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        km = distance_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
        if coarse <= 2 and a.location and b.location and not _same(a.location, b.location):
            # two named places are two events (ACLED splits by village, also when coded
            # "near" one at precision 2), unless the names
            # are spellings of one point ("Bghailiye", "Al-Baghaliyeh")
            return km if km <= SAME_POINT_KM else None
        return km if km <= RADIUS_KM.get(coarse, MAX_RADIUS_KM) else None
    return 0.0 if _same(a.location, b.location) else None


def dates_compatible(a: Matchable, b: Matchable) -> int | None:
    """The distance in days if the dates agree, else None."""
    day_a, day_b = _day(a), _day(b)
    if day_a is None or day_b is None:
        return None
    days = abs((day_a - day_b).days)
    if max(a.time_precision or 1, b.time_precision or 1) >= 3:
        return days if (day_a.year, day_a.month) == (day_b.year, day_b.month) else None
    window = WINDOW_DAYS.get(max(a.time_precision or 1, b.time_precision or 1), MAX_WINDOW_DAYS)
    return days if days <= window else None


def _country_words(*events: Matchable) -> set[str]:
    return {w for e in events for w in _WORD.findall((e.country or "").lower())}


def actor_words(name: str | None, ignore: set[str] = frozenset()) -> set[str]:  # type: ignore[assignment]
    """The words that identify a group: no brackets, country names or generic words."""
    words = _WORD.findall(_BRACKETS.sub(" ", (name or "").lower()))
    return {w for w in words if w not in _ACTOR_STOPWORDS and w not in ignore and len(w) > 1}


def _side(actor: str | None, assoc: str | None, ignore: set[str]) -> list[set[str]]:
    names = [actor, *((assoc or "").split(";"))]
    return [words for words in (actor_words(n, ignore) for n in names) if words]


def _sides_agree(a: list[set[str]], b: list[set[str]]) -> bool:
    if not a or not b:
        return True  # one report does not name this side
    if len(a) > 1 and len(b) > 1 and not any(x & y for x in a[1:] for y in b[1:]):
        return False  # both name who was with the main actor, and they differ
    return any(x & y for x in a for y in b)


def actors_compatible(a: Matchable, b: Matchable) -> bool:
    ignore = _country_words(a, b)
    a1, a2 = _side(a.actor1, a.assoc_actor_1, ignore), _side(a.actor2, a.assoc_actor_2, ignore)
    b1, b2 = _side(b.actor1, b.assoc_actor_1, ignore), _side(b.actor2, b.assoc_actor_2, ignore)
    return ((_sides_agree(a1, b1) and _sides_agree(a2, b2))
            or (_sides_agree(a1, b2) and _sides_agree(a2, b1)))


def actors_overlap(a: Matchable, b: Matchable) -> bool:
    """Some actor named on both (not merely missing on one)."""
    ignore = _country_words(a, b)
    words_a = [w for side in ((a.actor1, a.assoc_actor_1), (a.actor2, a.assoc_actor_2))
               for w in _side(*side, ignore)]
    words_b = [w for side in ((b.actor1, b.assoc_actor_1), (b.actor2, b.assoc_actor_2))
               for w in _side(*side, ignore)]
    return any(x & y for x in words_a for y in words_b)


def match_score(new: Matchable, stored: Matchable) -> tuple[int, int, float] | None:
    """How close two reports are (lower is closer), or None if they are different events."""
    if not sub_types_compatible(new, stored):
        return None
    km = places_compatible(new, stored)
    if km is None:
        return None
    days = dates_compatible(new, stored)
    if days is None or not actors_compatible(new, stored):
        return None
    coarse = max(new.geo_precision or 2, stored.geo_precision or 2, new.time_precision or 1,
                 stored.time_precision or 1) >= 3
    if coarse and not actors_overlap(new, stored):
        return None  # a region-wide or month-wide report needs a named actor in common
    return (0 if new.sub_event_type == stored.sub_event_type else 1, days, km)


def best_match(new: Event, candidates: Sequence[Matchable]) -> int | None:
    """The index of the candidate `new` reports again, or None."""
    scored = [(score, i) for i, c in enumerate(candidates)
              if (score := match_score(new, c)) is not None]
    return min(scored)[1] if scored else None


def reconcile_reports(reports: list[Report]) -> tuple[int, int | None, int | None]:
    """(fatalities, low, high) over every report of an event.

    `sitrep.records.reconcile` semantics: one source's figures for different victims add up,
    different sources are alternatives and the most conservative is coded. Across reports,
    a source's latest report supersedes its earlier ones (running tolls rise). A report
    without killed claims counts its event's `fatalities`, attributed to its outlet.
    """
    from sitrep.mentions import ClaimMention
    from sitrep.records import reconcile

    order = sorted(range(len(reports)), key=lambda i: (str(reports[i].published or ""), i))
    latest: dict[str, list[ClaimMention]] = {}
    for i in order:
        report = reports[i]
        figures: dict[str, list[ClaimMention]] = {}
        killed = [c for c in report.claims if c.kind == "killed"]
        if not killed and report.fatalities:
            killed = [Claim(kind="killed", value=report.fatalities, source=report.outlet)]
        for claim in killed:
            key = (claim.source or report.outlet or report.article_id).strip().lower()
            figures.setdefault(key, []).append(ClaimMention(
                start=0, end=0, text="", kind="killed", value=claim.value,
                qualifier=claim.qualifier, source=key))
        latest.update(figures)  # this report's figures replace the same source's older ones
    return reconcile(c for claims in latest.values() for c in claims)


_PLACE_FIELDS = ("location", "admin1", "admin2", "admin3", "latitude", "longitude",
                 "geo_precision", "geonameid")
_DATE_FIELDS = ("event_date", "year", "time_precision")
_ACTOR_FIELDS = (("actor1", "inter1", "assoc_actor_1"), ("actor2", "inter2", "assoc_actor_2"))


def merge_events(stored: Event, new: Event, reports: list[Report],
                 article_id: str) -> tuple[Event, list[str]]:
    """The stored event revised by a new report of it, and what changed (for the history).

    The stored event keeps its id and its wording; the new report adds its claims and
    outlet, refines a generic sub-type or a coarse place or date, fills missing actors,
    and the toll is reconciled over every report.
    """
    data = stored.model_dump()
    changes = [f"report added: {article_id}"]

    def change(name: str, value: object) -> None:
        if data[name] != value:
            changes.append(f"{name}: {data[name]} -> {value}")
            data[name] = value

    if stored.sub_event_type in GENERIC_SUB_TYPES and new.sub_event_type not in GENERIC_SUB_TYPES:
        change("sub_event_type", new.sub_event_type)
    if new.latitude is not None and ((new.geo_precision or 3) < (stored.geo_precision or 3)
                                     or stored.latitude is None):
        for name in _PLACE_FIELDS:
            change(name, getattr(new, name))
    if new.event_date and (new.time_precision or 3) < (stored.time_precision or 3):
        for name in _DATE_FIELDS:
            change(name, getattr(new, name))
    for actor, inter, assoc in _ACTOR_FIELDS:
        if not data[actor] and getattr(new, actor):
            for name in (actor, inter, assoc):
                change(name, getattr(new, name))
    if (data["inter1"], data["inter2"]) != (stored.inter1, stored.inter2):
        codes = sorted(c for c in (data["inter1"], data["inter2"]) if c)
        change("interaction", codes[0] * 10 + (codes[1] if len(codes) > 1 else 0) if codes else None)
    outlets = [o.strip() for o in (stored.source or "").split(";") if o.strip()]
    for outlet in (new.source or "").split(";"):
        if outlet.strip() and outlet.strip().lower() not in {o.lower() for o in outlets}:
            outlets.append(outlet.strip())
    change("source", "; ".join(outlets) or None)
    fatalities, low, high = reconcile_reports(reports)
    change("fatalities", fatalities)
    change("fatalities_low", low)
    change("fatalities_high", high)
    if new.confidence is not None and (stored.confidence or 0) < new.confidence:
        data["confidence"] = new.confidence
    # the timestamp says "revised": it must move even when two reports land in one second
    data["timestamp"] = max(int(time.time()), (stored.timestamp or 0) + 1)
    data["claims"] = [*stored.claims, *new.claims]
    data["article_ids"] = [*stored.article_ids, article_id]
    merged = Event.model_validate(data)
    # notes sitrep wrote are rewritten (they cite every source's toll); a coder's are kept
    from sitrep.records import write_notes

    if stored.notes and stored.notes == write_notes(stored):
        merged.notes = write_notes(merged)
    return merged, changes
