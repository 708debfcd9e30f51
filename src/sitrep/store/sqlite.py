"""SQLite store, the embedded default: one file, WAL mode, one transaction per article."""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sitrep.store.sql import SQLStore


class SQLiteStore(SQLStore):
    """Articles and events in one SQLite file.

        with SQLiteStore.open("sitrep.db") as store:
            store.add_article(article, events)
            for event in store.events(country="Syria"):
                ...
    """

    dialect = "sqlite"
    errors = (sqlite3.Error,)
    article_order = "rowid"

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
            store = cls(db, str(path))
            store._migrate()
        except Exception:
            db.close()
            raise
        return store

    def _run(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self._db.execute(sql, params)

    def _begin(self) -> None:
        # IMMEDIATE takes the write lock now: a second process waits, then sees our work
        self._db.execute("BEGIN IMMEDIATE")

    def _indexed(self, index: str) -> str:
        return f"INDEXED BY {index}"

    def _in_transaction(self) -> bool:
        return self._db.in_transaction

    def close(self) -> None:
        # keeps the planner's statistics fresh, so filters pick their indexes as the store grows
        self._db.execute("PRAGMA optimize")
        self._db.close()

    def __enter__(self) -> SQLiteStore:
        return self
