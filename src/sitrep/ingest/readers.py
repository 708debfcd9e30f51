"""One reader per input kind; each yields `Article | DocumentError` and never raises.

Ids: a file's path for one-document files (what the user gave, so errors and `article_id`
point back at it), the record's `id` for JSONL, the entry id or link for feeds.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from sitrep.ingest.text import IngestError, check_text, decode, mb, parse_published
from sitrep.model import Article, DocumentError

Result = Article | DocumentError


def error(document: str, reason: str) -> DocumentError:
    return DocumentError(document=document, stage="ingest", reason=reason)


def _article(document: str, text: str, published: date | None, check_language: bool,
             **fields: Any) -> Result:
    try:
        check_text(text, check_language)
    except IngestError as why:
        return error(document, str(why))
    return Article(text=text, published=published, **fields)


# --- plain text -------------------------------------------------------------------------

def read_text(data: bytes, name: str, published: date | None, check_language: bool = True,
              named: bool = True) -> Result:
    """One .txt document; its date can only come from the caller.

    The id is `name` (the file path) when `named`, else the content id (stdin has no name).
    """
    try:
        text = decode(data)
    except IngestError as why:
        return error(name, str(why))
    return _article(name, text, published, check_language,
                    id=name if named else Article.content_id(text))


# --- HTML -------------------------------------------------------------------------------

def read_html(data: bytes, name: str, published: date | None, check_language: bool = True,
              named: bool = True) -> Result:
    """Main text and metadata of one web page (trafilatura); the page's own date wins."""
    import trafilatura  # slow import: only when HTML is read

    try:
        decode(data)  # rules out empty and binary; trafilatura does its own charset sniffing
    except IngestError as why:
        return error(name, str(why))
    try:
        doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                          include_tables=False)
    except Exception as why:  # noqa: BLE001 - a parser crash is this document's problem only
        return error(name, f"HTML extraction failed: {type(why).__name__}: {why}")
    if doc is None or not (doc.text or "").strip():
        return error(name, "no main text found in the HTML")
    try:
        page_date = parse_published(doc.date)
    except IngestError:
        page_date = None  # an unparseable page date falls back to the caller's
    article_id = name if named else doc.url or Article.content_id(doc.text)
    return _article(name, doc.text, page_date or published, check_language, id=article_id,
                    title=doc.title or None, url=doc.url or None,
                    source=doc.sitename or doc.hostname or None)


# --- JSON Lines (the batch contract) ----------------------------------------------------

class JsonlRecord(BaseModel):
    """One line of the batch contract (DESIGN.md); extra keys (gold annotations) are ignored."""

    model_config = ConfigDict(extra="ignore")

    id: str | None = None
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value

    @field_validator("published", mode="before")
    @classmethod
    def _published(cls, value: object) -> date | None:
        try:
            return parse_published(value)
        except IngestError as why:
            raise ValueError(str(why)) from None


def _validation_reason(why: ValidationError) -> str:
    parts = []
    for item in why.errors():
        where = ".".join(str(p) for p in item["loc"]) or "record"
        message = item["msg"].removeprefix("Value error, ")
        parts.append(f"{where}: {message}")
    return "; ".join(parts)


def _skip_rest_of_line(stream: IO[bytes]) -> None:
    while True:
        chunk = stream.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def read_jsonl(stream: IO[bytes], name: str, published: date | None, check_language: bool = True,
               max_bytes: int = 10 * 1024 * 1024) -> Iterator[Result]:
    """One article per line, streamed: a bad line is reported as `file:line` and skipped."""
    lineno = 0
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            return
        lineno += 1
        where = f"{name}:{lineno}"
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            _skip_rest_of_line(stream)  # never hold an oversized line in memory
            yield error(where, f"line is over the {mb(max_bytes)} limit for one document")
            continue
        if not raw.strip():
            continue
        try:
            line = decode(raw)
            value = json.loads(line)
        except IngestError as why:
            yield error(where, str(why))
            continue
        except json.JSONDecodeError as why:
            yield error(where, f"invalid JSON: {why.msg} at column {why.colno}")
            continue
        if not isinstance(value, dict):
            yield error(where, f"expected a JSON object, got {type(value).__name__}")
            continue
        try:
            record = JsonlRecord.model_validate(value)
        except ValidationError as why:
            yield error(where, _validation_reason(why))
            continue
        article_id = record.id or Article.content_id(record.text)
        yield _article(f"{where} ({article_id})", record.text, record.published or published,
                       check_language, id=article_id, title=record.title, url=record.url,
                       source=record.source)


# --- RSS / Atom -------------------------------------------------------------------------

def _html_to_text(markup: str) -> str:
    if "<" not in markup:
        return markup.strip()
    import lxml.html

    try:
        return lxml.html.fromstring(markup).text_content().strip()
    except Exception:  # noqa: BLE001 - malformed fragment: keep the raw text rather than lose it
        return markup.strip()


def _entry_date(entry: Any) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")  # UTC struct_time
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None


def read_feed(data: bytes, name: str, published: date | None, check_language: bool = True) -> Iterator[Result]:
    """One article per feed entry: title + content (or summary), the entry's date and link."""
    import feedparser

    if not data.strip():
        yield error(name, "empty file")
        return
    feed = feedparser.parse(data)
    if not feed.entries:
        why = feed.get("bozo_exception")
        yield error(name, f"not a valid feed: {why}" if why else "feed has no entries")
        return
    outlet = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, 1):
        content = entry.get("content") or []
        body = _html_to_text(content[0].get("value", "") if content else entry.get("summary", ""))
        title = _html_to_text(entry.get("title", "")) or None
        text = "\n\n".join(part for part in (title, body) if part)
        link = entry.get("link") or None
        document = f"{name}#{number}"
        if not text.strip():
            yield error(document, "feed entry has no title or text")
            continue
        yield _article(document, text, _entry_date(entry) or published, check_language,
                       id=entry.get("id") or link or Article.content_id(text), title=title,
                       url=link, source=outlet)
