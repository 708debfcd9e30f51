"""Date expressions in text, resolved against the publication date (no spaCy needed here).

`find_dates(text, published)` returns every date expression it can resolve, as
`FoundDate(start, end, text, date, precision)`. Rules (ACLED codebook, "Date"):
- never after publication: a day without a year takes the latest year that keeps it on or
  before publication; an explicit date after publication is a plan, not an event, and is dropped;
- a weekday means the most recent one on or before publication ("on Saturday");
- spans ("between 1 and 3 May", "last week") are coded to their middle, precision 2;
  a month alone ("in May", "earlier this month") to the 15th, precision 3;
- without a publication date, relative expressions stay unresolved; a day and month without a
  year borrow the year of the latest full date written in the same text, never today's year.
"""
from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from sitrep.patterns import alternation

WORDS_FILE = Path(__file__).with_name("words.json")


@dataclass
class FoundDate:
    start: int
    end: int
    text: str
    date: date
    precision: int


@dataclass(frozen=True)
class _Words:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, tuple[object, int]]
    same_day_is_publication: bool
    markers2: tuple[str, ...]
    markers3: tuple[str, ...]
    around: tuple[str, ...]
    reported: tuple[str, ...]


@dataclass(frozen=True)
class _Patterns:
    words: _Words
    range_dm: re.Pattern[str]
    range_md: re.Pattern[str]
    day_month: re.Pattern[str]
    month_day: re.Pattern[str]
    month_year: re.Pattern[str]
    bare_month: re.Pattern[str]
    weekday: re.Pattern[str]
    relative: re.Pattern[str]
    iso: re.Pattern[str]
    bracket: re.Pattern[str]


@lru_cache(maxsize=4)
def patterns(path: str = str(WORDS_FILE)) -> _Patterns:
    """Compiled once per process (per words file)."""
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    words = _Words(
        months=raw["months"], weekdays=raw["weekdays"],
        relative={k: (v[0], int(v[1])) for k, v in raw["relative_days"].items()},
        same_day_is_publication=bool(raw.get("weekday_same_day_is_publication", True)),
        markers2=tuple(raw["span_markers"]["precision_2"]),
        markers3=tuple(raw["span_markers"]["precision_3"]),
        around=tuple(raw["around_words"]), reported=tuple(raw["reported_words"]),
    )
    month = rf"(?P<month>{alternation(list(words.months))})\.?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:19|20)\d\d)"
    dash = r"\s*(?:-|–|—|to|and|until|till)\s*"
    month1 = rf"(?P<month1>{alternation(list(words.months))})\.?"
    flags = re.IGNORECASE
    return _Patterns(
        words=words,
        range_dm=re.compile(
            rf"\b(?:(?:between|from)\s+)?(?P<day1>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+{month1})?"
            rf"{dash}{day}(?:\s+of)?\s+{month}(?:,?\s+{year})?\b", flags),
        range_md=re.compile(
            rf"\b(?:(?:between|from)\s+)?{month}\s+(?P<day1>[0-3]?\d)(?:st|nd|rd|th)?{dash}"
            rf"{day}(?:,?\s+{year})?\b", flags),
        day_month=re.compile(rf"\b{day}(?:\s+of)?\s+{month}(?:,?\s+{year})?\b", flags),
        month_day=re.compile(rf"\b{month}\s+{day}(?!\d)(?:,?\s+{year})?\b(?!\s*(?:%|km|mile))", flags),
        month_year=re.compile(rf"\b(?:(?:early|late|mid-?|the end of|the beginning of)\s+)?"
                              rf"{month},?\s+{year}\b", flags),
        bare_month=re.compile(rf"\b(?:in|during|early|late|mid-?|earlier in|throughout)\s+"
                              rf"{month}\b(?!\s+\d)", flags),
        weekday=re.compile(rf"\b(?:(?P<mod>last|this|past|early|late)\s+)?"
                           rf"(?P<wd>{alternation(list(words.weekdays))})\b"
                           rf"(?:\s+(?:morning|afternoon|evening|night))?", flags),
        relative=re.compile(rf"\b(?:{alternation(list(words.relative))})\b", flags),
        iso=re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
        bracket=re.compile(r"\s*\(([^()]{1,60})\)"),
    )


def _capitalised(text: str, start: int) -> bool:
    # "may", "march", "sun" are ordinary words in lower case; month names in news are capitalised
    return text[start:start + 1].isupper()


def _safe_date(year: int, month: int, day: int) -> date | None:
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def _with_year(month: int, day: int, year: int | None, ref: date | None) -> date | None:
    """The date itself, or without a year the latest one on or before `ref`."""
    if year is not None:
        return _safe_date(year, month, day)
    if ref is None:
        return None
    this_year = _safe_date(ref.year, month, day)
    if this_year is not None and 0 < (this_year - ref).days <= 90:
        return None  # a few weeks after publication: a plan or a deadline, not last year's event
    for candidate_year in (ref.year, ref.year - 1):
        found = _safe_date(candidate_year, month, day)
        if found is not None and found <= ref:
            return found
    return None


def _middle(first: date, last: date) -> date:
    return first + (last - first) // 2


def _span_precision(first: date, last: date) -> int:
    # a span within about a week is ACLED precision 2; longer ones only fix the month
    return 2 if (last - first).days <= 8 else 3


def _relative(key: object, precision: int, pub: date) -> date:
    if isinstance(key, int):
        return pub + timedelta(days=key)
    monday = pub - timedelta(days=pub.weekday())
    if key == "this_week":
        return _middle(monday, pub)
    if key == "last_week":
        return monday - timedelta(days=5)  # Wednesday of the previous week
    if key == "weekend":
        return pub - timedelta(days=(pub.weekday() - 5) % 7)
    if key == "this_month":
        return min(pub.replace(day=15), pub)
    if key == "last_month":
        previous = pub.replace(day=1) - timedelta(days=1)
        return previous.replace(day=15)
    raise ValueError(f"unknown relative key {key!r} in words.json")


def _latest_year(text: str, pats: _Patterns) -> int | None:
    """The year of the latest full date written in the text: the anchor when no publication."""
    years = [int(m.group("year")) for m in pats.day_month.finditer(text) if m.group("year")]
    years += [int(m.group("year")) for m in pats.month_day.finditer(text) if m.group("year")]
    return max(years) if years else None


def _candidates(text: str, pub: date | None, pats: _Patterns) -> list[FoundDate]:
    words = pats.words
    found: list[FoundDate] = []
    anchor = pub
    if anchor is None:
        year = _latest_year(text, pats)
        anchor = date(year, 12, 31) if year else None

    def add(m: re.Match[str], when: date | None, precision: int) -> None:
        if when is not None and (pub is None or when <= pub):
            found.append(FoundDate(m.start(), m.end(), m.group(0), when, precision))

    def year_of(m: re.Match[str]) -> int | None:
        return int(m.group("year")) if m.groupdict().get("year") else None

    for pat in (pats.range_dm, pats.range_md):
        for m in pat.finditer(text):
            if not _capitalised(text, m.start("month")):
                continue
            month = words.months[m.group("month").lower()]
            month1 = words.months[m.group("month1").lower()] if m.groupdict().get("month1") else month
            last = _with_year(month, int(m.group("day")), year_of(m), anchor)
            if last is None:
                continue
            first = _with_year(month1, int(m.group("day1")), last.year, None)
            if first is not None and first > last:
                first = _with_year(month1, int(m.group("day1")), last.year - 1, None)
            if first is None or (last - first).days > 62:
                continue
            add(m, _middle(first, last), _span_precision(first, last))
    for pat in (pats.day_month, pats.month_day):
        for m in pat.finditer(text):
            if _capitalised(text, m.start("month")):
                when = _with_year(words.months[m.group("month").lower()], int(m.group("day")),
                                  year_of(m), anchor)
                add(m, when, 1)
    for m in pats.iso.finditer(text):
        add(m, _safe_date(int(m.group("year")), int(m.group("m")), int(m.group("d"))), 1)
    for m in pats.month_year.finditer(text):
        if _capitalised(text, m.start("month")):
            when = date(int(m.group("year")), words.months[m.group("month").lower()], 15)
            add(m, min(when, pub) if pub and when.replace(day=1) <= pub else when, 3)
    for m in pats.bare_month.finditer(text):
        if _capitalised(text, m.start("month")):
            when = _with_year(words.months[m.group("month").lower()], 15, None, anchor)
            if when is None and anchor is not None:  # publication early in the named month
                when = anchor.replace(month=words.months[m.group("month").lower()], day=1)
                when = anchor if when <= anchor else None
            add(m, when, 3)
    if pub is not None:
        for m in pats.weekday.finditer(text):
            if not _capitalised(text, m.start("wd")):
                continue
            back = (pub.weekday() - words.weekdays[m.group("wd").lower()]) % 7
            if back == 0 and (m.group("mod") or "").lower() in ("last", "past"):
                back = 7
            elif back == 0 and not words.same_day_is_publication:
                back = 7
            add(m, pub - timedelta(days=back), 1)
        for m in pats.relative.finditer(text):
            key, precision = words.relative[m.group(0).lower()]
            add(m, _relative(key, precision, pub), precision)
    return found


def _non_overlapping(found: list[FoundDate]) -> list[FoundDate]:
    """Longest expression wins where two overlap ("Friday, 27 May" keeps the explicit date)."""
    kept: list[FoundDate] = []
    for cand in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda f: f.start)


def _adjust(text: str, found: FoundDate, pats: _Patterns, later: list[FoundDate]) -> FoundDate:
    """ACLED note qualifiers: "Around 6 May", "As reported on", "(as reported)", "(midweek)"."""
    words = pats.words
    before = text[max(0, found.start - 30):found.start].lower()
    before = re.sub(r"\s+", " ", before)
    precision = found.precision
    if any(before.endswith(w + " ") for w in words.around + words.reported):
        precision = max(precision, 2)
    if re.search(r"\b(?:since|until|till|before|by)\s+(?:the\s+)?$", before):
        precision = max(precision, 2)
    bracket = pats.bracket.match(text, found.end)
    end = found.end
    if bracket:
        inner = bracket.group(1).lower().strip()
        inner_dates = [f for f in later if bracket.start(1) <= f.start < bracket.end(1)]
        if any(inner.startswith(w) for w in words.markers3):
            precision, end = 3, bracket.end()
        elif any(inner.startswith(w) for w in words.markers2):
            precision, end = max(precision, 2), bracket.end()
        elif inner_dates:
            precision, end = max(precision, inner_dates[0].precision), bracket.end()
            for inner_date in inner_dates:
                later.remove(inner_date)
    return FoundDate(found.start, end, text[found.start:end], found.date, precision)


def find_dates(text: str, published: date | None, words_file: str = str(WORDS_FILE)) -> list[FoundDate]:
    """Every resolvable date expression in `text`, in text order."""
    pats = patterns(words_file)
    found = _non_overlapping(_candidates(text, published, pats))
    result: list[FoundDate] = []
    while found:
        current = found.pop(0)
        result.append(_adjust(text, current, pats, found))
    return result
