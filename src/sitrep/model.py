"""Typed records at sitrep's boundaries: articles in, events and toponyms out.

Past `records.py` everything works on these models, never on loose dicts.
"""
from __future__ import annotations

import hashlib
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

ClaimKind = Literal["killed", "injured", "abducted", "arrested"]
Qualifier = Literal["exact", "at_least", "more_than", "about", "up_to"]

# ACLED column order, as ACLED spells them (DESIGN.md, "The record").
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)


class Article(BaseModel):
    """One report as it enters the pipeline."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None

    @staticmethod
    def content_id(text: str) -> str:
        """A stable id from the text, so re-ingesting the same content adds nothing."""
        return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]

    @property
    def content_hash(self) -> str:
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()


class Evidence(BaseModel):
    """The words in the article that one field came from."""

    field: str
    start: int
    end: int
    text: str


class Claim(BaseModel):
    """One reported figure with who reported it."""

    kind: ClaimKind
    value: int
    qualifier: Qualifier = "exact"
    source: str | None = None
    evidence: Evidence | None = None


class Event(BaseModel):
    """One ACLED event, plus what ACLED's table cannot hold."""

    event_id_cnty: str | None = None
    event_date: str | None = None
    year: int | None = None
    time_precision: int | None = None
    disorder_type: str | None = None
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str | None = None
    iso: int | None = None
    region: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    source: str | None = None
    source_scale: str | None = None
    notes: str | None = None
    fatalities: int = 0
    tags: str | None = None
    timestamp: int | None = None
    # beyond ACLED
    article_id: str | None = None
    article_ids: list[str] = Field(default_factory=list)
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    claims: list[Claim] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    geonameid: int | None = None
    confidence: float | None = None
    # UCDP GED's where_prec: 1 the place, 2 within 25 km of it, 3 a district, 4 a province,
    # 5 a road, river or border, 6 the country, 7 waters or airspace
    where_prec: int | None = Field(default=None, ge=1, le=7)

    def acled_row(self) -> dict[str, object]:
        """The ACLED columns only, in ACLED's order."""
        data = self.model_dump()
        return {column: data.get(column) for column in ACLED_COLUMNS}


class Toponym(BaseModel):
    """One place name in an article, resolved (the `sitrep geoparse` contract)."""

    article_id: str | None = None
    start: int
    end: int
    text: str
    geonameid: int | None = None
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    feature_code: str | None = None


class DocumentError(BaseModel):
    """A document that failed, with the stage and the reason (the batch goes on)."""

    document: str
    stage: str
    reason: str
