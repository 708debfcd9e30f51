"""The SQLite schema as numbered migrations; `schema_version` records which ran.

Never edit a released migration: add the next number. Each migration is a list of
statements run in one transaction together with its `schema_version` row.
"""
from __future__ import annotations

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

MIGRATIONS: list[tuple[int, str, list[str]]] = [
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
]

SCHEMA_VERSION = MIGRATIONS[-1][0]
