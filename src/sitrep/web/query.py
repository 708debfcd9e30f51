"""Query parameters of `GET /events` -> the store's EventFilter, validated at the boundary."""
from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from sitrep.model import Event
from sitrep.store import EventFilter, EventStore

MAX_LIMIT = 10_000  # one page; a full export goes through `sitrep export`, not the web

BBox = tuple[float, float, float, float]


def parse_bbox(value: str) -> BBox:
    """"minlon,minlat,maxlon,maxlat" -> floats, checked (no antimeridian wrap)."""
    parts = value.split(",")
    if len(parts) != 4:
        raise ValueError("bbox must be minlon,minlat,maxlon,maxlat (4 numbers)")
    try:
        minlon, minlat, maxlon, maxlat = (float(p) for p in parts)
    except ValueError:
        raise ValueError("bbox values must be numbers") from None
    if not all(math.isfinite(v) for v in (minlon, minlat, maxlon, maxlat)):
        raise ValueError("bbox values must be finite")
    if not (-180 <= minlon <= maxlon <= 180):
        raise ValueError("bbox longitudes must satisfy -180 <= minlon <= maxlon <= 180")
    if not (-90 <= minlat <= maxlat <= 90):
        raise ValueError("bbox latitudes must satisfy -90 <= minlat <= maxlat <= 90")
    return minlon, minlat, maxlon, maxlat


class EventQuery(BaseModel):
    """ACLED-style filters; they combine with AND. Unknown parameters are refused (422)."""

    model_config = ConfigDict(extra="forbid")  # a misspelt filter must not silently match all

    event_date_from: date | None = Field(None, description="event_date on or after (YYYY-MM-DD)")
    event_date_to: date | None = Field(None, description="event_date on or before (YYYY-MM-DD)")
    country: str | None = Field(None, max_length=200, description="country name, case-insensitive")
    admin1: str | None = Field(None, max_length=200)
    event_type: str | None = Field(None, max_length=200)
    sub_event_type: str | None = Field(None, max_length=200)
    actor: str | None = Field(None, max_length=200, description="actor1/actor2 (or associated) contains")
    bbox: str | None = Field(None, description="minlon,minlat,maxlon,maxlat",
                             examples=["35.5,32.0,42.5,37.5"])
    fatalities_min: int | None = Field(None, ge=0)
    q: str | None = Field(None, max_length=200, description="free text over notes, actors, places")
    limit: int = Field(100, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=10_000_000)
    format: Literal["json", "csv", "geojson"] = "json"

    @field_validator("bbox")
    @classmethod
    def _bbox(cls, value: str | None) -> str | None:
        if value is not None:
            parse_bbox(value)
        return value

    @field_validator("country", "admin1", "event_type", "sub_event_type", "actor", "q")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        # an emptied form field means "any", as in ACLED's export tool
        return value.strip() or None if value is not None else None

    @model_validator(mode="after")
    def _date_order(self) -> EventQuery:
        if self.event_date_from and self.event_date_to and self.event_date_from > self.event_date_to:
            raise ValueError("event_date_from is after event_date_to")
        return self

    @property
    def box(self) -> BBox | None:
        return parse_bbox(self.bbox) if self.bbox else None


_FILTERS = ("event_date_from", "event_date_to", "country", "admin1", "event_type",
            "sub_event_type", "actor", "fatalities_min", "q")


def to_filter(query: EventQuery, *, paged: bool = True) -> EventFilter:
    """The store's filter for `query` (limit/offset only when `paged`)."""
    values: dict[str, object] = {name: getattr(query, name) for name in _FILTERS}
    values["bbox"] = query.box
    if paged:
        values["limit"], values["offset"] = query.limit, query.offset
    return EventFilter(**{k: v for k, v in values.items() if v is not None})


def page(store: EventStore, query: EventQuery) -> tuple[int, list[Event]]:
    """(total matching, the events of the requested page)."""
    where = to_filter(query)
    total = store.count(to_filter(query, paged=False))
    return total, list(store.select(where))


def all_matching(store: EventStore, query: EventQuery) -> Iterator[Event]:
    """Every matching event, unpaged (for aggregates such as the timeline)."""
    return store.select(to_filter(query, paged=False))
