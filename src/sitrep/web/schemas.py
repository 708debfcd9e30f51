"""Request and response bodies of the REST API (pydantic at the boundary)."""
from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from sitrep.model import Article, Event

MAX_TEXT = 1_000_000  # characters; a news report is far shorter


class ArticleIn(BaseModel):
    """An article to ingest (the JSONL batch contract of DESIGN.md)."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, min_length=1, max_length=300, pattern=r"^\S(.*\S)?$",
                           description="defaults to a content id (sha1:...)")
    text: str = Field(..., min_length=1, max_length=MAX_TEXT)
    published: date | None = None
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=300)

    def to_article(self) -> Article:
        return Article(id=self.id or Article.content_id(self.text), text=self.text,
                       published=self.published, title=self.title, url=self.url,
                       source=self.source)


class Ingested(BaseModel):
    article_id: str
    added: bool  # False: the same text was already stored, nothing written
    events: list[Event]


class TimelineDay(BaseModel):
    date: str
    events: int
    fatalities: int


class UiConfig(BaseModel):
    tiles: str | None  # base-map URL template; None: the shipped country outlines only
    attribution: str
