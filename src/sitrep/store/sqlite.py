"""SQLite store, the embedded default: one file, WAL mode, one transaction per article."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timezone
from pathlib import Path

from pydantic import TypeAdapter

from sitrep.model import ACLED_COLUMNS, Article, Claim, Event, Evidence
from sitrep.store.base import EventFilter, EventStore, Stats, StoreError
from sitrep.store.schema import MIGRATIONS, SCHEMA_VERSION

_EXTRA_COLUMNS = ("fatalities_low", "fatalities_high", "geonameid", "confidence")
_EVENT_COLUMNS = (*ACLED_COLUMNS, *_EXTRA_COLUMNS)
_CLAIMS = TypeAdapter(list[Claim])
_EVIDENCE = TypeAdapter(list[Evidence])
_INSERT_EVENT = (
    "INSERT INTO events (article_id, position, "
    + ", ".join(f'"{c}"' for c in _EVENT_COLUMNS) + ", claims, evidence) VALUES ("
    + ", ".join("?" * (len(_EVENT_COLUMNS) + 4)) + ")"
)
_SELECT_EVENTS = (
    "SELECT e.article_id, " + ", ".join(f'e."{c}"' for c in _EVENT_COLUMNS)
    + ", e.claims, e.evidence, (SELECT json_group_array(article_id) FROM "
      "(SELECT article_id FROM event_sources s WHERE s.event_id = e.id ORDER BY s.rowid)) "
      "AS article_ids FROM events e JOIN articles a ON a.id = e.article_id"
)


class SQLiteStore(EventStore):
    """Articles and events in one SQLite file.

        with SQLiteStore.open("sitrep.db") as store:
            store.add_article(article, events)
            for event in store.events(country="Syria"):
                ...
    """

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, path: str | Path = "sitrep.db", timeout: float = 30.0) -> SQLiteStore:
        """Open (creating and migrating if needed) the store at `path`."""
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a transaction is
        # exactly one article and nothing is committed behind our back
        db = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
        try:
            db.execute("PRAGMA foreign_keys = ON")
            if str(path) != ":memory:":
                db.execute("PRAGMA journal_mode = WAL")  # readers do not block the writer
                db.execute("PRAGMA synchronous = NORMAL")  # safe with WAL, much faster
            _migrate(db)
        except Exception:
            db.close()
            raise
        return cls(db, str(path))

    # --- writing ------------------------------------------------------------------------

    def add_article(self, article: Article, events: Sequence[Event]) -> bool:
        db = self._db
        db.execute("BEGIN IMMEDIATE")  # take the write lock now: the duplicate check holds
        try:
            if db.execute("SELECT 1 FROM articles WHERE content_hash = ?",
                          (article.content_hash,)).fetchone():
                db.execute("ROLLBACK")
                return False
            if db.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
                raise StoreError(f"article {article.id!r}: another text is already stored under "
                                 "this id (give the new version its own id)")
            db.execute(
                "INSERT INTO articles (id, content_hash, text, title, url, source, published, "
                "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (article.id, article.content_hash, article.text, article.title, article.url,
                 article.source, article.published.isoformat() if article.published else None,
                 datetime.now(timezone.utc).isoformat(timespec="seconds")))
            for position, event in enumerate(events):
                self._insert_event(article.id, position, event)
            db.execute("COMMIT")
            return True
        except sqlite3.Error as why:
            db.execute("ROLLBACK")
            raise StoreError(f"article {article.id!r}: {why}") from why
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def _insert_event(self, article_id: str, position: int, event: Event) -> None:
        values = [getattr(event, c) for c in _EVENT_COLUMNS]
        claims = _CLAIMS.dump_json(event.claims).decode()
        evidence = _EVIDENCE.dump_json(event.evidence).decode()
        cursor = self._db.execute(_INSERT_EVENT, (article_id, position, *values, claims, evidence))
        event_id = cursor.lastrowid
        sources = dict.fromkeys([article_id, *event.article_ids])  # ordered, unique
        self._db.executemany("INSERT INTO event_sources (event_id, article_id) VALUES (?, ?)",
                             [(event_id, source) for source in sources])
        self._db.executemany(
            "INSERT INTO claims (event_id, position, kind, value, qualifier, source, "
            "evidence_start, evidence_end, evidence_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(event_id, n, c.kind, c.value, c.qualifier, c.source,
              c.evidence.start if c.evidence else None, c.evidence.end if c.evidence else None,
              c.evidence.text if c.evidence else None) for n, c in enumerate(event.claims)])

    # --- reading ------------------------------------------------------------------------

    def select(self, where: EventFilter) -> Iterator[Event]:
        clauses, params = _where(where)
        sql = _SELECT_EVENTS + (" WHERE " + " AND ".join(clauses) if clauses else "")
        sql += " ORDER BY a.rowid, e.position"
        if where.limit is not None:
            sql += f" LIMIT {int(where.limit)}"
        for row in self._db.execute(sql, params):
            yield _event(row)

    def articles(self) -> Iterator[Article]:
        for row in self._db.execute("SELECT id, text, published, title, url, source FROM articles "
                                    "ORDER BY rowid"):
            yield _article(row)

    def get_article(self, article_id: str) -> Article | None:
        row = self._db.execute("SELECT id, text, published, title, url, source FROM articles "
                               "WHERE id = ?", (article_id,)).fetchone()
        return _article(row) if row else None

    def counts(self) -> Stats:
        one = lambda sql: self._db.execute(sql).fetchone()[0]  # noqa: E731
        grouped = lambda sql: {key: n for key, n in self._db.execute(sql)}  # noqa: E731
        return Stats(
            articles=one("SELECT count(*) FROM articles"),
            events=one("SELECT count(*) FROM events"),
            fatalities=one("SELECT coalesce(sum(fatalities), 0) FROM events"),
            by_country=grouped("SELECT coalesce(country, 'unknown'), count(*) AS n FROM events "
                               "GROUP BY 1 ORDER BY n DESC, 1"),
            by_event_type=grouped("SELECT event_type, count(*) AS n FROM events "
                                  "GROUP BY 1 ORDER BY n DESC, 1"),
            by_month=grouped("SELECT coalesce(substr(event_date, 1, 7), 'unknown'), count(*) "
                             "FROM events GROUP BY 1 ORDER BY 1"),
        )

    @property
    def schema_version(self) -> int:
        return self._db.execute("SELECT max(version) FROM schema_version").fetchone()[0]

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SQLiteStore:
        return self


def _migrate(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
               "description TEXT NOT NULL, applied_at TEXT NOT NULL)")
    db.execute("BEGIN IMMEDIATE")  # a second process opening the file waits, then sees our work
    try:
        current = db.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
        if current > SCHEMA_VERSION:
            raise StoreError(f"store schema version {current} is newer than this sitrep "
                             f"({SCHEMA_VERSION}): upgrade sitrep")
        for version, description, statements in MIGRATIONS:
            if version <= current:
                continue
            for statement in statements:
                db.execute(statement)
            db.execute("INSERT INTO schema_version VALUES (?, ?, ?)",
                       (version, description, datetime.now(timezone.utc).isoformat(timespec="seconds")))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def _where(where: EventFilter) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    for column in ("event_type", "sub_event_type"):
        if getattr(where, column) is not None:
            clauses.append(f"e.{column} = ?")
            params.append(getattr(where, column))
    if where.country is not None:
        clauses.append("e.country = ? COLLATE NOCASE")
        params.append(where.country)
    if where.article_id is not None:
        clauses.append("e.id IN (SELECT event_id FROM event_sources WHERE article_id = ?)")
        params.append(where.article_id)
    # event_date is ISO text, so text comparison is date order
    if where.since is not None:
        clauses.append("e.event_date >= ?")
        params.append(where.since.isoformat())
    if where.until is not None:
        clauses.append("substr(e.event_date, 1, 10) <= ?")
        params.append(where.until.isoformat())
    return clauses, params


def _event(row: tuple) -> Event:
    article_id, *values = row
    scalars = dict(zip(_EVENT_COLUMNS, values[:len(_EVENT_COLUMNS)]))
    claims, evidence, article_ids = values[len(_EVENT_COLUMNS):]
    return Event(**scalars, article_id=article_id, article_ids=json.loads(article_ids),
                 claims=_CLAIMS.validate_json(claims), evidence=_EVIDENCE.validate_json(evidence))


def _article(row: tuple) -> Article:
    article_id, text, published, title, url, source = row
    return Article(id=article_id, text=text, title=title, url=url, source=source,
                   published=date.fromisoformat(published) if published else None)
