"""The schema as numbered migrations; `schema_version` records which ran.

Never edit a released migration: add the next number. Each migration is a list of
statements run in one transaction together with its `schema_version` row. Statements are
written in SQLite's dialect and translated for PostgreSQL by `statements_for`, so both
backends hold the same tables; a statement that cannot be translated is a dict by dialect.
"""
from __future__ import annotations

import re
from typing import Literal, Union

Dialect = Literal["sqlite", "postgres"]
Statement = Union[str, dict[str, str]]

from sitrep.model import ACLED_COLUMNS

# ACLED columns with their SQLite types (names as ACLED spells them; all nullable but the
# two the model requires, so a partial coding is still stored)
_INTEGER = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
            "timestamp"}
_REAL = {"latitude", "longitude"}
_NOT_NULL = {"event_type", "sub_event_type"}
_CHECKS = {
    "latitude": "CHECK (latitude BETWEEN -90 AND 90)",
    "longitude": "CHECK (longitude BETWEEN -180 AND 180)",
    "fatalities": "NOT NULL DEFAULT 0 CHECK (fatalities >= 0)",
}


def _acled_column(name: str) -> str:
    kind = "INTEGER" if name in _INTEGER or name == "fatalities" else "REAL" if name in _REAL else "TEXT"
    extra = _CHECKS.get(name, "NOT NULL" if name in _NOT_NULL else "")
    return f'"{name}" {kind} {extra}'.rstrip()


_V1_EVENTS = (
    "CREATE TABLE events (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,\n"
    "  position INTEGER NOT NULL,\n  "
    + ",\n  ".join(_acled_column(name) for name in ACLED_COLUMNS) + ",\n"
    "  fatalities_low INTEGER CHECK (fatalities_low >= 0),\n"
    "  fatalities_high INTEGER CHECK (fatalities_high >= 0),\n"
    "  geonameid INTEGER,\n"
    "  confidence REAL,\n"
    "  claims TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(claims)),\n"
    "  evidence TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(evidence)),\n"
    "  UNIQUE (article_id, position)\n"
    ")"
)

MIGRATIONS: list[tuple[int, str, list[Statement]]] = [
    (1, "articles, events, event_sources, claims", [
        """CREATE TABLE articles (
          id TEXT PRIMARY KEY,
          content_hash TEXT NOT NULL UNIQUE,
          text TEXT NOT NULL,
          title TEXT,
          url TEXT,
          source TEXT,
          published TEXT,
          ingested_at TEXT NOT NULL
        )""",
        _V1_EVENTS,
        # event <-> article: one row per report of the event (merging adds rows here);
        # no foreign key on article_id, so a merged event may cite reports kept elsewhere
        """CREATE TABLE event_sources (
          event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
          article_id TEXT NOT NULL,
          PRIMARY KEY (event_id, article_id)
        )""",
        # one row per reported figure, for SQL over claims; events.claims holds the same
        # claims as JSON and is what `events()` reads back
        """CREATE TABLE claims (
          id INTEGER PRIMARY KEY,
          event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('killed', 'injured', 'abducted', 'arrested')),
          value INTEGER NOT NULL CHECK (value >= 0),
          qualifier TEXT NOT NULL
            CHECK (qualifier IN ('exact', 'at_least', 'more_than', 'about', 'up_to')),
          source TEXT,
          evidence_start INTEGER,
          evidence_end INTEGER,
          evidence_text TEXT
        )""",
        "CREATE INDEX events_article ON events(article_id)",
        "CREATE INDEX events_country ON events(country)",
        "CREATE INDEX events_type ON events(event_type, sub_event_type)",
        "CREATE INDEX events_date ON events(event_date)",
        "CREATE INDEX event_sources_article ON event_sources(article_id)",
        "CREATE INDEX claims_event ON claims(event_id)",
    ]),
    (2, "merging of repeated reports: source order and tolls, claim articles, revisions", [
        # the order in which reports joined the event (SQLite's rowid does not exist in
        # PostgreSQL), and what each report said: its outlet and toll for this event
        "ALTER TABLE event_sources ADD COLUMN seq INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE event_sources ADD COLUMN outlet TEXT",
        "ALTER TABLE event_sources ADD COLUMN fatalities INTEGER",
        "UPDATE event_sources SET fatalities = (SELECT e.fatalities FROM events e "
        "WHERE e.id = event_sources.event_id AND e.article_id = event_sources.article_id)",
        # which report a claim came from: a later report of the same outlet supersedes it
        "ALTER TABLE claims ADD COLUMN article_id TEXT",
        "UPDATE claims SET article_id = (SELECT e.article_id FROM events e "
        "WHERE e.id = claims.event_id)",
        """CREATE TABLE event_revisions (
          id INTEGER PRIMARY KEY,
          event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
          number INTEGER NOT NULL,
          timestamp INTEGER,
          fatalities INTEGER NOT NULL,
          fatalities_low INTEGER,
          fatalities_high INTEGER,
          changes TEXT NOT NULL DEFAULT '[]',
          article_id TEXT,
          UNIQUE (event_id, number)
        )""",
        "INSERT INTO event_revisions (event_id, number, timestamp, fatalities, fatalities_low, "
        "fatalities_high, changes, article_id) SELECT id, 1, timestamp, fatalities, "
        "fatalities_low, fatalities_high, '[\"created\"]', article_id FROM events",
        # candidate lookup for merging: a date range, then a bounding box read off the index
        "CREATE INDEX events_when_where ON events(event_date, latitude, longitude)",
        "CREATE INDEX events_id_cnty ON events(event_id_cnty)",
        "CREATE INDEX claims_article ON claims(event_id, article_id)",
        # ingestion order of articles: SQLite has rowid, PostgreSQL needs a column
        {"sqlite": "SELECT 1",
         "postgres": "ALTER TABLE articles ADD COLUMN seq BIGINT GENERATED BY DEFAULT AS IDENTITY"},
    ]),
    (3, "indexes for merge candidates by place name and by region", [
        "CREATE INDEX events_place_when ON events(lower(location), event_date)",
        "CREATE INDEX events_region_when ON events(lower(admin1), geo_precision, event_date)",
    ]),
    (4, "index for the country filter of the API", [
        "CREATE INDEX events_country_when ON events(lower(country), event_date)",
    ]),
    (5, "UCDP's where_prec beside ACLED's geo_precision", [
        "ALTER TABLE events ADD COLUMN where_prec INTEGER CHECK (where_prec BETWEEN 1 AND 7)",
    ]),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]

_POSTGRES = [
    (re.compile(r"\bid INTEGER PRIMARY KEY\b"), "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
    (re.compile(r"\bevent_id INTEGER\b"), "event_id BIGINT"),
    (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),
    (re.compile(r"json_valid\((\w+)\)"), r"(\1::jsonb IS NOT NULL)"),
]


def statements_for(statements: list[Statement], dialect: Dialect) -> list[str]:
    """The statements of one migration in `dialect`."""
    out = []
    for statement in statements:
        if isinstance(statement, dict):
            out.append(statement[dialect])
            continue
        if dialect == "postgres":
            for pattern, replacement in _POSTGRES:
                statement = pattern.sub(replacement, statement)
        out.append(statement)
    return out
