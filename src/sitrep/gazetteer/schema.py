"""The index file's tables, shared by the embedded build and the GeoNames/ACLED builds.

  places(geonameid, name, latitude, longitude, country_code, admin1, admin2, population,
         feature_code, admin1_code, admin2_code, source)
  names(key, skel, geonameid, kind)        exact-key fast path (B-tree on key, skel)
  names_fts(names)                         FTS5, rowid = geonameid, every key of the place
  places_rtree(id, min_lat, max_lat, min_lon, max_lon)   R*Tree, id = geonameid
  meta(k, v)                               version, sources

`source` says where a place came from: embedded, geonames, acled.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

PLACE_COLUMNS = ("geonameid", "name", "latitude", "longitude", "country_code", "admin1", "admin2",
                 "population", "feature_code", "admin1_code", "admin2_code", "source")
_INSERT_PLACE = (f"INSERT OR REPLACE INTO places({', '.join(PLACE_COLUMNS)}) "
                 f"VALUES ({','.join('?' * len(PLACE_COLUMNS))})")


def create(path: Path) -> sqlite3.Connection:
    """A new, empty index file at `path` (an existing file is replaced)."""
    if path.exists():
        path.unlink()
    con = sqlite3.connect(path)
    # the file is written once and renamed into place: no journal needed
    con.executescript("""
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;
        PRAGMA temp_store=FILE;
        CREATE TABLE places(geonameid INTEGER PRIMARY KEY, name TEXT, latitude REAL,
            longitude REAL, country_code TEXT, admin1 TEXT, admin2 TEXT, population INTEGER,
            feature_code TEXT, admin1_code TEXT, admin2_code TEXT, source TEXT);
        CREATE TABLE names(key TEXT, skel TEXT, geonameid INTEGER, kind INTEGER);
        CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
    """)
    return con


def insert_places(con: sqlite3.Connection, rows: Iterable[tuple]) -> None:
    """Rows of PLACE_COLUMNS; shorter rows (the embedded build's 9 columns) are padded."""
    width = len(PLACE_COLUMNS)
    con.executemany(_INSERT_PLACE, (row + (None,) * (width - len(row)) if len(row) < width
                                    else row for row in rows))


def insert_names(con: sqlite3.Connection, rows: Iterable[tuple]) -> None:
    con.executemany("INSERT INTO names VALUES (?,?,?,?)", rows)


def dedupe_names(con: sqlite3.Connection) -> None:
    """One row per (key, place) with its best kind; sorted by key so lookups read few pages."""
    con.executescript("""
        CREATE TABLE names_sorted AS SELECT key, skel, geonameid, min(kind) AS kind
            FROM names GROUP BY key, geonameid ORDER BY key;
        DROP TABLE names;
        ALTER TABLE names_sorted RENAME TO names;
    """)


def finish(con: sqlite3.Connection, meta: dict[str, str]) -> None:
    """Indexes, full-text and spatial tables, metadata; then compact the file."""
    con.executescript("""
        CREATE INDEX names_key ON names(key);
        CREATE INDEX names_skel ON names(skel) WHERE skel != '';
        CREATE INDEX names_gid ON names(geonameid);
        CREATE INDEX places_feature ON places(feature_code, country_code);
        -- contentless and detail=none: the smallest FTS5 index that answers token and
        -- prefix queries; rowid is the geonameid, so hits join straight to places
        CREATE VIRTUAL TABLE names_fts USING fts5(names, content='', detail=none,
                                                  columnsize=0, prefix='2 3');
        INSERT INTO names_fts(rowid, names)
            SELECT geonameid, group_concat(key, ' ') FROM names GROUP BY geonameid;
        CREATE VIRTUAL TABLE places_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon);
        INSERT INTO places_rtree SELECT geonameid, latitude, latitude, longitude, longitude
            FROM places WHERE latitude IS NOT NULL AND longitude IS NOT NULL;
    """)
    con.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", sorted(meta.items()))
    con.commit()
    con.execute("VACUUM")
    con.close()
