"""Storage of articles and events: SQLite by default, behind the `EventStore` interface.

    from sitrep.store import open_store
    with open_store("sitrep.db") as store:        # or open_store("postgresql://...")
        added = store.add_article(article, events)   # False: same content already stored
        for event in store.events(country="Syria", since="2016-01-01"):
            ...
"""
from __future__ import annotations

from pathlib import Path

from sitrep.store.base import (ArticleRef, EventDetail, EventFilter, EventStore, Revision, Stats,
                               StoreError)
from sitrep.store.schema import SCHEMA_VERSION
from sitrep.store.sqlite import SQLiteStore

Store = SQLiteStore  # the default backend: Store.open("sitrep.db")

__all__ = ["SCHEMA_VERSION", "ArticleRef", "EventDetail", "EventFilter", "Revision", "EventStore", "SQLiteStore", "Stats", "Store",
           "StoreError", "open_store"]


def open_store(target: str | Path = "sitrep.db", *, schema: str | None = None) -> EventStore:
    """The store at `target`: a SQLite file path (created if missing), ':memory:', or a
    PostgreSQL URL `postgresql://user:password@host:port/database` (tables in `schema`,
    default `public`)."""
    if str(target).startswith(("postgres://", "postgresql://")):
        from sitrep.store.postgres import PostgresStore  # psycopg only when asked for

        return PostgresStore.open(str(target), schema=schema)
    return SQLiteStore.open(target)
