"""The store interface: what the CLI, the REST API and the dashboard may ask of any backend.

SQLite is the embedded default (`sitrep.store.sqlite`); a PostgreSQL backend and the merging
of repeated reports of one event (issue 6) slot in behind this interface: merging changes
what `add_article` does with an event that matches a stored one (link the article in
`event_sources` instead of inserting a copy), not how callers use the store.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from datetime import date
from types import TracebackType

from pydantic import BaseModel, ConfigDict, Field

from sitrep.model import Article, Event


class StoreError(RuntimeError):
    """A write the store refused; the message names the article and the reason."""


class EventFilter(BaseModel):
    """Which events to read; every field is optional and they combine with AND."""

    model_config = ConfigDict(extra="forbid")  # a misspelt filter must not silently match all

    country: str | None = None  # matched case-insensitively
    admin1: str | None = None  # matched case-insensitively
    event_type: str | None = None
    sub_event_type: str | None = None
    since: date | None = None  # event_date on or after
    until: date | None = None  # event_date on or before
    event_date_from: date | None = None  # the REST API's names for since/until
    event_date_to: date | None = None
    actor: str | None = None  # case-insensitive substring of actor1/actor2/assoc_actor_1/2
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    fatalities_min: int | None = Field(default=None, ge=0)
    q: str | None = None  # every word must occur in notes, location, admin1-3 or actors
    article_id: str | None = None
    limit: int | None = Field(default=None, ge=0)
    offset: int | None = Field(default=None, ge=0)


class ArticleRef(BaseModel):
    """One report of an event, as the event detail lists it."""

    article_id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None


class Revision(BaseModel):
    """One change of a stored event: its creation (number 1) or a merged later report."""

    number: int
    timestamp: int | None = None  # the event's `timestamp` after this revision
    fatalities: int
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    changes: list[str] = Field(default_factory=list)  # e.g. "fatalities: 10 -> 25"
    article_id: str | None = None  # the report that caused it


class EventDetail(BaseModel):
    """An event with every report merged into it and its revision history."""

    event: Event
    sources: list[ArticleRef]
    revisions: list[Revision]


class Stats(BaseModel):
    """Counts for `sitrep stats` and the dashboard."""

    articles: int
    events: int
    fatalities: int
    by_country: dict[str, int]
    by_event_type: dict[str, int]
    by_month: dict[str, int]  # "YYYY-MM" -> events; undated events under "unknown"


class EventStore(ABC):
    """Articles and their events; one transaction per article."""

    @abstractmethod
    def add_article(self, article: Article, events: Sequence[Event]) -> bool:
        """Store an article with its events, all or nothing.

        False (and nothing written) if an article with the same content is already stored.
        Raises StoreError if a record is refused; nothing of the article is written then.
        """

    def events(self, country: str | None = None, event_type: str | None = None,
               since: date | str | None = None, until: date | str | None = None, *,
               sub_event_type: str | None = None, article_id: str | None = None,
               limit: int | None = None) -> Iterator[Event]:
        """Stored events in ingestion order (primary event of each article first).

        Each comes back with `article_id` and `article_ids` as stored. `since`/`until` are
        inclusive ISO dates; a bad date raises pydantic's ValidationError.
        """
        where = EventFilter(country=country, event_type=event_type, since=since,  # type: ignore[arg-type]
                            until=until, sub_event_type=sub_event_type, article_id=article_id,
                            limit=limit)
        return self.select(where)

    @abstractmethod
    def select(self, where: EventFilter) -> Iterator[Event]:
        """Stored events matching a filter (the REST API can build one from query parameters)."""

    @abstractmethod
    def count(self, where: EventFilter) -> int:
        """How many events match `where` (its limit and offset are ignored)."""

    @abstractmethod
    def get_event(self, event_id_cnty: str) -> EventDetail | None:
        """One event by `event_id_cnty` with its sources and revisions; None if unknown."""

    @abstractmethod
    def articles(self) -> Iterator[Article]:
        """Stored articles in ingestion order."""

    @abstractmethod
    def get_article(self, article_id: str) -> Article | None:
        """One stored article by id."""

    @abstractmethod
    def counts(self) -> Stats:
        """Counts of articles and events, by country, event type and month."""

    def stats(self) -> dict[str, object]:
        """`counts()` as plain JSON-ready data."""
        return self.counts().model_dump()

    @abstractmethod
    def close(self) -> None:
        """Release the connection."""

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()
