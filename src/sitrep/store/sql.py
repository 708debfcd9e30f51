"""What the SQLite and PostgreSQL stores share: the SQL, written once with `?` placeholders.

A backend says how to connect, begin a write transaction and run a statement; everything
else (writing an article with merging, filters, event detail, stats) lives here.
"""
from __future__ import annotations

import json
import time
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Any

from pydantic import TypeAdapter

from sitrep.model import ACLED_COLUMNS, Article, Claim, Event, Evidence
from sitrep.store import merge
from sitrep.store.base import (ArticleRef, EventDetail, EventFilter, EventStore, Revision, Stats,
                               StoreError)
from sitrep.store.schema import MIGRATIONS, SCHEMA_VERSION, Dialect, statements_for

_EXTRA_COLUMNS = ("fatalities_low", "fatalities_high", "geonameid", "confidence", "where_prec")
EVENT_COLUMNS = (*ACLED_COLUMNS, *_EXTRA_COLUMNS)
_CLAIMS = TypeAdapter(list[Claim])
_EVIDENCE = TypeAdapter(list[Evidence])
_INSERT_EVENT = (
    "INSERT INTO events (article_id, position, "
    + ", ".join(f'"{c}"' for c in EVENT_COLUMNS) + ", claims, evidence) VALUES ("
    + ", ".join("?" * (len(EVENT_COLUMNS) + 4)) + ") RETURNING id"
)
_UPDATE_EVENT = ("UPDATE events SET " + ", ".join(f'"{c}" = ?' for c in EVENT_COLUMNS)
                 + ", claims = ? WHERE id = ?")
_SELECT_EVENTS = ("SELECT e.id, e.article_id, " + ", ".join(f'e."{c}"' for c in EVENT_COLUMNS)
                  + ", e.claims, e.evidence FROM events e")
_ARTICLE_COLUMNS = "id, text, published, title, url, source"
_TEXT_COLUMNS = ("notes", "location", "admin1", "admin2", "admin3", "actor1", "actor2",
                 "assoc_actor_1", "assoc_actor_2")
_CHUNK = 500  # rows read at once when streaming events


class SQLStore(EventStore):
    """The EventStore over a DB-API connection; subclasses supply the dialect."""

    dialect: Dialect
    errors: tuple[type[BaseException], ...] = ()
    article_order = "rowid"  # the column that gives ingestion order of articles

    # --- what a backend supplies ------------------------------------------------------

    def _run(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Execute one statement written with `?` placeholders; return the cursor."""
        raise NotImplementedError

    def _begin(self) -> None:
        """Start a write transaction that excludes other writers until commit."""
        raise NotImplementedError

    def _in_transaction(self) -> bool:
        raise NotImplementedError

    def _migrate(self) -> None:
        """Run the migrations this store lacks, in one transaction (see `migrate`)."""
        self._begin()  # under the write lock: two processes opening a new store take turns
        try:
            self._run("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                      "description TEXT NOT NULL, applied_at TEXT NOT NULL)")
            current = self._run("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
            if current > SCHEMA_VERSION:
                raise StoreError(f"store schema version {current} is newer than this sitrep "
                                 f"({SCHEMA_VERSION}): upgrade sitrep")
            for version, description, statements in MIGRATIONS:
                if version <= current:
                    continue
                for statement in statements_for(statements, self.dialect):
                    self._run(statement)
                self._run("INSERT INTO schema_version VALUES (?, ?, ?)",
                          (version, description, _now_iso()))
            self._run("COMMIT")
        except BaseException:
            self._run("ROLLBACK")
            raise

    # --- writing ------------------------------------------------------------------------

    def add_article(self, article: Article, events: Sequence[Event]) -> bool:
        self._begin()  # take the write lock now: the duplicate check and the merge hold
        try:
            if self._run("SELECT 1 FROM articles WHERE content_hash = ?",
                         (article.content_hash,)).fetchone():
                self._run("ROLLBACK")
                return False
            if self._run("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
                raise StoreError(f"article {article.id!r}: another text is already stored under "
                                 "this id (give the new version its own id)")
            self._run(
                "INSERT INTO articles (id, content_hash, text, title, url, source, published, "
                "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (article.id, article.content_hash, article.text, article.title, article.url,
                 article.source, article.published.isoformat() if article.published else None,
                 _now_iso()))
            taken: set[int] = set()  # stored events this article already merged into
            for position, event in enumerate(events):
                match = self._find_match(article, event, taken)
                if match is None:
                    self._insert_event(article.id, position, event)
                else:
                    taken.add(match[0])
                    self._merge_event(article, event, *match)
            self._run("COMMIT")
            return True
        except self.errors as why:
            self._rollback()
            raise StoreError(f"article {article.id!r}: {why}") from why
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        if self._in_transaction():
            self._run("ROLLBACK")

    def _insert_event(self, article_id: str, position: int, event: Event) -> None:
        if event.timestamp is None:  # ACLED's timestamp: when the row was last written
            event = event.model_copy(update={"timestamp": now_timestamp()})
        values = [getattr(event, c) for c in EVENT_COLUMNS]
        claims = _CLAIMS.dump_json(event.claims).decode()
        evidence = _EVIDENCE.dump_json(event.evidence).decode()
        event_id = self._run(_INSERT_EVENT, (article_id, position, *values, claims,
                                             evidence)).fetchone()[0]
        sources = dict.fromkeys([article_id, *event.article_ids])  # ordered, unique
        for seq, source in enumerate(sources):
            own = source == article_id  # the toll and outlet are this report's only
            self._run("INSERT INTO event_sources (event_id, article_id, seq, outlet, fatalities) "
                      "VALUES (?, ?, ?, ?, ?)",
                      (event_id, source, seq, event.source if own else None,
                       event.fatalities if own else None))
        self._insert_claims(event_id, article_id, event.claims, 0)
        self._add_revision(event_id, event, ["created"], article_id)

    def _insert_claims(self, event_id: int, article_id: str, claims: Sequence[Claim],
                       first: int) -> None:
        for n, c in enumerate(claims, start=first):
            self._run(
                "INSERT INTO claims (event_id, position, kind, value, qualifier, source, "
                "evidence_start, evidence_end, evidence_text, article_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (event_id, n, c.kind, c.value, c.qualifier, c.source,
                 c.evidence.start if c.evidence else None, c.evidence.end if c.evidence else None,
                 c.evidence.text if c.evidence else None, article_id))

    def _add_revision(self, event_id: int, event: Event, changes: list[str],
                      article_id: str) -> None:
        number = self._run("SELECT coalesce(max(number), 0) + 1 FROM event_revisions "
                           "WHERE event_id = ?", (event_id,)).fetchone()[0]
        self._run("INSERT INTO event_revisions (event_id, number, timestamp, fatalities, "
                  "fatalities_low, fatalities_high, changes, article_id) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  (event_id, number, event.timestamp, event.fatalities, event.fatalities_low,
                   event.fatalities_high, json.dumps(changes), article_id))

    # --- merging ------------------------------------------------------------------------

    def _find_match(self, article: Article, event: Event,
                    taken: set[int]) -> tuple[int, Event] | None:
        """The stored event that `event` reports again, if any (see merge.py)."""
        window = merge.candidate_window(event)
        if window is None:
            return None
        # three indexed lookups instead of one OR (which no index serves): a bounding box
        # read off (event_date, latitude, longitude), the same place name, and the same
        # admin1 for events coded to a region (geo_precision 3)
        dates = (window.date_from, window.date_to)
        region = "" if (event.geo_precision or 2) >= 3 else " AND e.geo_precision = 3"
        lookups = [
            ("events_when_where", "e.event_date BETWEEN ? AND ? AND e.latitude BETWEEN ? AND ?"
             " AND e.longitude BETWEEN ? AND ?", (*dates, *window.bbox) if window.bbox else None),
            ("events_place_when", "lower(e.location) = lower(?) AND e.event_date BETWEEN ? AND ?",
             (window.location, *dates) if window.location else None),
            # a precise report matches by admin1 only the events coded to the region
            ("events_region_when",
             f"lower(e.admin1) = lower(?){region} AND e.event_date BETWEEN ? AND ?",
             (window.admin1, *dates) if window.admin1 else None),
        ]
        ids: set[int] = set()
        for index, clause, params in lookups:
            if params is not None:
                ids.update(row[0] for row in self._run(
                    f"SELECT e.id FROM events e {self._indexed(index)} WHERE {clause}"
                    " AND e.event_type = ?", (*params, event.event_type)).fetchall())
        ids -= taken
        if not ids:
            return None
        ids -= {row[0] for row in self._run(  # events this article already reports
            "SELECT event_id FROM event_sources WHERE article_id = ?", (article.id,)).fetchall()}
        candidates = self._light_events(sorted(ids))
        best = merge.best_match(event, [stored for _, stored in candidates])
        if best is None:
            return None
        event_id = candidates[best][0]
        row = self._run(_SELECT_EVENTS + " WHERE e.id = ?", (event_id,)).fetchone()
        return event_id, _event(row, self._sources([event_id]).get(event_id, []))

    def _indexed(self, index: str) -> str:
        """An index hint where the dialect has one (SQLite has no statistics by default)."""
        return ""

    def _light_events(self, event_ids: list[int]) -> list[tuple[int, merge.Candidate]]:
        """Just what matching reads, unvalidated: candidates can number hundreds."""
        found = []
        for start in range(0, len(event_ids), _CHUNK):
            chunk = event_ids[start:start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            columns = ", ".join(f"e.{c}" for c in merge.MATCH_COLUMNS)
            cursor = self._run(f"SELECT e.id, {columns} FROM events e WHERE e.id IN ({marks})",
                               chunk)
            found += [(row[0], merge.Candidate(*row[1:])) for row in cursor.fetchall()]
        return found

    def _merge_event(self, article: Article, event: Event, event_id: int, stored: Event) -> None:
        seq = self._run("SELECT coalesce(max(seq), -1) + 1 FROM event_sources WHERE event_id = ?",
                        (event_id,)).fetchone()[0]
        self._run("INSERT INTO event_sources (event_id, article_id, seq, outlet, fatalities) "
                  "VALUES (?, ?, ?, ?, ?)",
                  (event_id, article.id, seq, event.source or article.source, event.fatalities))
        first = self._run("SELECT coalesce(max(position), -1) + 1 FROM claims WHERE event_id = ?",
                          (event_id,)).fetchone()[0]
        self._insert_claims(event_id, article.id, event.claims, first)
        reports = self._reports(event_id)
        merged, changes = merge.merge_events(stored, event, reports, article.id)
        values = [getattr(merged, c) for c in EVENT_COLUMNS]
        self._run(_UPDATE_EVENT, (*values, _CLAIMS.dump_json(merged.claims).decode(), event_id))
        self._add_revision(event_id, merged, changes, article.id)

    def _reports(self, event_id: int) -> list[merge.Report]:
        """What each report of the event said, oldest first (for reconciling the toll)."""
        reports = []
        rows = self._run(
            "SELECT s.article_id, s.outlet, s.fatalities, a.published FROM event_sources s "
            "LEFT JOIN articles a ON a.id = s.article_id WHERE s.event_id = ? ORDER BY s.seq",
            (event_id,)).fetchall()
        claims: dict[str, list[Claim]] = {}
        for article_id, kind, value, qualifier, source in self._run(
                "SELECT article_id, kind, value, qualifier, source FROM claims "
                "WHERE event_id = ? ORDER BY position", (event_id,)):
            claims.setdefault(article_id, []).append(
                Claim(kind=kind, value=value, qualifier=qualifier, source=source))
        for article_id, outlet, fatalities, published in rows:
            reports.append(merge.Report(article_id=article_id, outlet=outlet,
                                        fatalities=fatalities, published=published,
                                        claims=claims.get(article_id, [])))
        return reports

    # --- reading ------------------------------------------------------------------------

    def select(self, where: EventFilter) -> Iterator[Event]:
        clauses, params = _where(where)
        sql = _SELECT_EVENTS + (" WHERE " + " AND ".join(clauses) if clauses else "")
        sql += " ORDER BY e.id"  # ids grow with ingestion, and with position in an article
        if where.limit is not None:
            sql += f" LIMIT {int(where.limit)}"
        if where.offset:
            sql += (" LIMIT -1" if where.limit is None and self.dialect == "sqlite" else "")
            sql += f" OFFSET {int(where.offset)}"
        cursor = self._run(sql, params)
        while rows := cursor.fetchmany(_CHUNK):
            sources = self._sources([row[0] for row in rows])
            for row in rows:
                yield _event(row, sources.get(row[0], []))

    def _sources(self, event_ids: list[int]) -> dict[int, list[str]]:
        marks = ", ".join("?" * len(event_ids))
        found: dict[int, list[str]] = {}
        for event_id, article_id in self._run(
                f"SELECT event_id, article_id FROM event_sources WHERE event_id IN ({marks}) "
                "ORDER BY event_id, seq", event_ids).fetchall():
            found.setdefault(event_id, []).append(article_id)
        return found

    def count(self, where: EventFilter) -> int:
        clauses, params = _where(where)
        sql = "SELECT count(*) FROM events e" + (" WHERE " + " AND ".join(clauses) if clauses else "")
        return self._run(sql, params).fetchone()[0]

    def get_event(self, event_id_cnty: str) -> EventDetail | None:
        row = self._run(_SELECT_EVENTS + " WHERE e.event_id_cnty = ? ORDER BY e.id LIMIT 1",
                        (event_id_cnty,)).fetchone()
        if row is None:
            return None
        event_id = row[0]
        sources = [
            ArticleRef(article_id=article_id, title=title, url=url, source=source or outlet,
                       published=_date(published))
            for article_id, title, url, source, outlet, published in self._run(
                "SELECT s.article_id, a.title, a.url, a.source, s.outlet, a.published "
                "FROM event_sources s LEFT JOIN articles a ON a.id = s.article_id "
                "WHERE s.event_id = ? ORDER BY s.seq", (event_id,)).fetchall()]
        revisions = [
            Revision(number=number, timestamp=stamp, fatalities=fatalities, fatalities_low=low,
                     fatalities_high=high, changes=json.loads(changes), article_id=article_id)
            for number, stamp, fatalities, low, high, changes, article_id in self._run(
                "SELECT number, timestamp, fatalities, fatalities_low, fatalities_high, changes, "
                "article_id FROM event_revisions WHERE event_id = ? ORDER BY number",
                (event_id,)).fetchall()]
        event = _event(row, [source.article_id for source in sources])
        return EventDetail(event=event, sources=sources, revisions=revisions)

    def articles(self) -> Iterator[Article]:
        cursor = self._run(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY {self.article_order}")
        while rows := cursor.fetchmany(_CHUNK):
            yield from (_article(row) for row in rows)

    def get_article(self, article_id: str) -> Article | None:
        row = self._run(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?",
                        (article_id,)).fetchone()
        return _article(row) if row else None

    def counts(self) -> Stats:
        one = lambda sql: self._run(sql).fetchone()[0]  # noqa: E731
        grouped = lambda sql: {key: n for key, n in self._run(sql).fetchall()}  # noqa: E731
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
        return self._run("SELECT max(version) FROM schema_version").fetchone()[0]


def _now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def now_timestamp() -> int:
    return int(time.time())


def _like(text: str) -> str:
    """A LIKE pattern for `text` as a substring (its own % and _ taken literally)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _where(where: EventFilter) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    params: list[object] = []

    def add(clause: str, *values: object) -> None:
        clauses.append(clause)
        params.extend(values)

    for column in ("event_type", "sub_event_type"):
        if getattr(where, column) is not None:
            add(f"e.{column} = ?", getattr(where, column))
    for column in ("country", "admin1"):
        if getattr(where, column) is not None:
            # lower() on both sides in SQL: SQLite's lower() folds ASCII only, like its index
            add(f"lower(e.{column}) = lower(?)", getattr(where, column))
    if where.article_id is not None:
        add("e.id IN (SELECT event_id FROM event_sources WHERE article_id = ?)", where.article_id)
    # event_date is ISO text, so text comparison is date order
    for start in (where.since, where.event_date_from):
        if start is not None:
            add("e.event_date >= ?", start.isoformat())
    for end in (where.until, where.event_date_to):
        if end is not None:
            # "before the next day" keeps the index usable (substr() on the column would not)
            add("e.event_date < ?", (end + timedelta(days=1)).isoformat())
    if where.actor:
        pattern = _like(where.actor)
        add("(" + " OR ".join(f"lower(e.{c}) LIKE lower(?) ESCAPE '\\'" for c in
                              ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")) + ")",
            *[pattern] * 4)
    if where.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = where.bbox
        add("e.latitude BETWEEN ? AND ? AND e.longitude BETWEEN ? AND ?",
            min_lat, max_lat, min_lon, max_lon)
    if where.fatalities_min is not None:
        add("e.fatalities >= ?", where.fatalities_min)
    for word in (where.q or "").split():
        text = " || ' ' || ".join(f"coalesce(lower(e.{c}), '')" for c in _TEXT_COLUMNS)
        add(f"({text}) LIKE lower(?) ESCAPE '\\'", _like(word))
    return clauses, params


def _date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _event(row: Sequence[Any], article_ids: list[str] | None = None) -> Event:
    _, article_id, *values = row
    scalars = dict(zip(EVENT_COLUMNS, values[:len(EVENT_COLUMNS)]))
    claims, evidence = values[len(EVENT_COLUMNS):]
    return Event(**scalars, article_id=article_id,
                 article_ids=article_ids if article_ids is not None else [article_id],
                 claims=_CLAIMS.validate_json(claims), evidence=_EVIDENCE.validate_json(evidence))


def _article(row: Sequence[Any]) -> Article:
    article_id, text, published, title, url, source = row
    return Article(id=article_id, text=text, title=title, url=url, source=source,
                   published=_date(published))
