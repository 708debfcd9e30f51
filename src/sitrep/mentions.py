"""What the pipeline stages write on a Doc: the contract between stages.

Every stage is a spaCy component; it reads and writes these `Doc._` attributes:

  doc._.article_id      str | None                 set by nlp.py before the pipeline runs
  doc._.published       datetime.date | None       set by nlp.py before the pipeline runs
  doc._.event_mentions  list[EventMention]         events stage (creates); later stages fill fields
  doc._.actor_mentions  list[ActorMention]         actors stage
  doc._.toponyms        list[PlaceMention]         places stage (every toponym, resolved or not)
  doc._.date_mentions   list[DateMention]          dates stage
  doc._.claims          list[ClaimMention]         casualties stage
  doc._.doc_country     str | None                 places stage: ISO2 of the document's focus

All offsets are character offsets into `doc.text`, so they become evidence spans directly.
Mentions are plain dataclasses (cheap, mutable while stages fill them); `records.py` turns
them into pydantic `Event`s.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc


@dataclass
class ActorMention:
    start: int
    end: int
    text: str
    name: str                  # canonical ACLED-style name; may hold "{country}" to fill later
    inter: int                 # ACLED inter code 1-8
    country: str | None = None  # country name the actor belongs to, when known
    key: str | None = None      # alias-table entry id, for de-duplication


@dataclass
class PlaceMention:
    start: int
    end: int
    text: str
    geonameid: int | None = None
    name: str | None = None
    country: str | None = None      # country name ("Syria")
    country_code: str | None = None  # ISO2 ("SY")
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    feature_code: str | None = None
    geo_precision: int = 1          # ACLED 1-3, after modifiers like "northern", "near"
    where_prec: int | None = None   # UCDP 1-7 (see model.Event.where_prec)
    score: float = 0.0
    explain: dict[str, float] = field(default_factory=dict)


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    date: date
    time_precision: int  # ACLED 1 day, 2 week/span, 3 month


@dataclass
class ClaimMention:
    start: int
    end: int
    text: str
    kind: str           # killed | injured | abducted | arrested
    value: int
    qualifier: str = "exact"
    source: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    who: str | None = None  # the victims' words, e.g. "family members of security forces"


@dataclass
class EventMention:
    """One event found in the text; later stages fill actors, place, date and claims."""

    start: int            # trigger span
    end: int
    text: str
    sent_start: int       # the clause/sentence the event was read from
    sent_end: int
    event_type: str
    sub_event_type: str
    score: float = 1.0
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    assoc_actor_1: list[ActorMention] = field(default_factory=list)
    assoc_actor_2: list[ActorMention] = field(default_factory=list)
    place: PlaceMention | None = None
    date: DateMention | None = None
    claims: list[ClaimMention] = field(default_factory=list)


_EXTENSIONS: dict[str, object] = {
    "article_id": None,
    "published": None,
    "doc_country": None,
}
_LIST_EXTENSIONS = ("event_mentions", "actor_mentions", "toponyms", "date_mentions", "claims")


def register_extensions() -> None:
    """Register the Doc attributes above (idempotent)."""
    for name, default in _EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in _LIST_EXTENSIONS:
        if not Doc.has_extension(name):
            # a getter-free default list would be shared between Docs: create per Doc
            Doc.set_extension(name, default=None)


def mentions(doc: Doc, name: str) -> list:
    """The list stored under `doc._.<name>`, created empty on first use."""
    value = getattr(doc._, name)
    if value is None:
        value = []
        setattr(doc._, name, value)
    return value


register_extensions()
