"""Hand-built articles and events for the store tests (no NLP involved)."""
from __future__ import annotations

from datetime import date
from itertools import count

from pathlib import Path

import pytest

from sitrep.model import Article, Claim, Event
from sitrep.store import EventStore, open_store

_ids = count(1)


def article(article_id: str | None = None, source: str = "Example", published: str = "2014-04-15",
            text: str | None = None, title: str | None = None) -> Article:
    n = next(_ids)
    article_id = article_id or f"a{n}"
    return Article(id=article_id, text=text or f"Report {article_id} #{n}.", source=source,
                   published=date.fromisoformat(published), title=title or f"Title {article_id}",
                   url=f"https://example.org/{article_id}")


def killed(value: int, source: str | None = None, qualifier: str = "exact") -> Claim:
    return Claim(kind="killed", value=value, source=source, qualifier=qualifier)  # type: ignore[arg-type]


def event(**fields: object) -> Event:
    """An abduction in Chibok (Borno, Nigeria) unless told otherwise."""
    base: dict[str, object] = dict(
        event_id_cnty=f"NGA{next(_ids)}", event_date="2014-04-14", year=2014, time_precision=1,
        disorder_type="Political violence", event_type="Violence against civilians",
        sub_event_type="Abduction/forced disappearance",
        actor1="Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", inter1=2,
        actor2="Civilians (Nigeria)", inter2=7, interaction=27, iso=566, region="Western Africa",
        country="Nigeria", admin1="Borno", admin2="Chibok", location="Chibok",
        latitude=10.8667, longitude=12.8456, geo_precision=1, source="Example",
        notes="Boko Haram abducted schoolgirls in Chibok.", fatalities=0, timestamp=1397520000)
    base.update(fields)
    return Event(**base)  # type: ignore[arg-type]


def open_backend(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> EventStore:
    if backend == "sqlite":
        return open_store(tmp_path / "sitrep.db")
    # pg_dsn fails the test, with the reason, when the server is unreachable
    return open_store(request.getfixturevalue("pg_dsn"), schema=request.getfixturevalue("pg_schema"))
