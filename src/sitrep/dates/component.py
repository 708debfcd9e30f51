"""Dates stage: date expressions resolved against publication, and a date for every event.

Reads `doc._.published` and `doc._.event_mentions`; writes `doc._.date_mentions` and
`EventMention.date`. The words it knows (months, weekdays, relative expressions, ACLED's
bracketed qualifiers) live in `words.json`; the rules are in `resolve.py`.

An event takes the date in its own sentence (the one nearest its trigger), else the nearest
date before it, else the article's dominant date (precision at least 2 when that date is carried
over several paragraphs); an undated report with a known publication
date is dated to publication with precision 2, as ACLED coders date undated news near the report.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.dates.resolve import FoundDate, find_dates
from sitrep.mentions import DateMention, EventMention, mentions


def _to_mention(found: FoundDate) -> DateMention:
    return DateMention(start=found.start, end=found.end, text=found.text, date=found.date,
                       time_precision=found.precision)


def dominant_date(dates: list[DateMention]) -> DateMention | None:
    """The date the article mentions most often (the first such mention on ties)."""
    if not dates:
        return None
    counts = Counter((d.date, d.time_precision) for d in dates)
    best = max(counts.values())
    return next(d for d in dates if counts[(d.date, d.time_precision)] == best)


def _distance(found: DateMention, event: EventMention) -> float:
    """How far a date in the event's sentence is from its trigger. A date before the trigger, and
    most of all one opening the sentence ("On 9 May 2020, ..."), governs the main clause; one after
    it is often a subordinate detail ("... his body was found on 8 May")."""
    if found.start < event.end and found.end > event.start:
        return 0.0
    if found.end <= event.start:
        gap = (event.start - found.end) * 0.5
        return gap * 0.5 if found.start - event.sent_start < 25 else gap
    return float(found.start - event.end)


CARRY_PARAGRAPHS = 3  # paragraph breaks after which a carried-over date gets precision 2


def _paragraph_breaks(text: str) -> int:
    return len(re.findall(r"\n\s*", text))


def _weakened(found: DateMention) -> DateMention:
    return DateMention(start=found.start, end=found.end, text=found.text, date=found.date,
                       time_precision=max(found.time_precision, 2))


def date_for(event: EventMention, dates: list[DateMention], dominant: DateMention | None,
             published_fallback: DateMention | None, text: str = "") -> DateMention | None:
    """The date an event takes: own sentence, else nearest before, else dominant, else publication."""
    inside = [d for d in dates if event.sent_start <= d.start and d.end <= event.sent_end]
    if inside:
        return min(inside, key=lambda d: _distance(d, event))
    before = [d for d in dates if d.end <= event.start]
    if before:
        # a date carried over several paragraphs only places the event near it (news paragraphs
        # are short: the one or two after a date usually continue its story)
        if _paragraph_breaks(text[before[-1].end:event.start]) >= CARRY_PARAGRAPHS:
            return _weakened(before[-1])
        return before[-1]
    if dominant is not None:
        return _weakened(dominant) if _paragraph_breaks(text[:event.start]) >= CARRY_PARAGRAPHS else dominant
    return published_fallback


_WIRE_DATELINE = re.compile(r"\s*(?:\([A-Z][\w .&-]{1,30}\)\s*[-–—.:]*|[-–—]{1,2}\s)")


def is_dateline(text: str, found: DateMention, published: date | None) -> bool:
    """A byline or wire dateline ("By The Irrawaddy 3 June 2022", "Bogota, Apr 30 (EFE).-"): the
    day the report was filed, not the day of an event."""
    if published is not None and abs((found.date - published).days) > 2:
        return False
    if not any(ch.isdigit() for ch in found.text):
        return False  # bylines carry calendar dates, not "Saturday"
    line_start = text.rfind("\n", 0, found.start) + 1
    line_end = text.find("\n", found.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if len(line.split()) - len(found.text.split()) <= 6 and not line.rstrip().endswith((".", "!", "?")):
        return True
    return bool(_WIRE_DATELINE.match(text, found.end)) and found.start - line_start < 40


class DatesComponent:
    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        text = doc.text  # built from the tokens on every access: read it once
        found = [_to_mention(f) for f in find_dates(text, published)]
        doc._.date_mentions = found
        # every date mention is listed; bylines and datelines date no event
        dates = [d for d in found if not is_dateline(text, d, published)]
        fallback = None
        if published is not None:
            fallback = DateMention(start=0, end=0, text="", date=published, time_precision=2)
        dominant = dominant_date(dates)
        for event in mentions(doc, "event_mentions"):
            if event.date is None:
                event.date = date_for(event, dates, dominant, fallback, text)
        return doc


@Language.factory(
    "sitrep_dates",
    assigns=["doc._.date_mentions"],
    requires=["doc._.event_mentions"],
)
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent()
