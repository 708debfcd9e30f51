"""PostgreSQL store: the same tables, migrations and behaviour as SQLite, for a shared server.

    with PostgresStore.open("postgresql://sitrep:sitrep@localhost/sitrep") as store:
        store.add_article(article, events)

Needs psycopg 3 (`pip install "psycopg[binary]"`). Writers take one advisory lock per
transaction, so concurrent ingests serialise like SQLite's single writer and the merge of a
repeated report always sees the events written before it.
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sitrep.store.base import StoreError
from sitrep.store.sql import SQLStore

try:
    import psycopg
    from psycopg import sql as pgsql
    from psycopg.pq import TransactionStatus
except ImportError:  # pragma: no cover - reported when a postgresql:// store is opened
    psycopg = None  # type: ignore[assignment]

_WRITE_LOCK = 0x517E9 << 32  # pg_advisory_xact_lock key: "sitrep writes" + the schema
_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


@lru_cache(maxsize=256)
def _dialect(sql: str) -> str:
    """`?` placeholders -> psycopg's `%s` (a literal % doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresStore(SQLStore):
    """Articles and events in a PostgreSQL database (optionally in one schema of it)."""

    dialect = "postgres"
    errors = (psycopg.Error,) if psycopg is not None else ()
    article_order = "seq"

    def __init__(self, connection: Any, dsn: str, schema: str | None = None) -> None:
        self._db = connection
        self.path = dsn
        # advisory locks are per database: stores in other schemas must not wait on ours
        self._lock_key = _WRITE_LOCK + zlib.crc32((schema or "public").encode())

    @classmethod
    def open(cls, dsn: str, schema: str | None = None, timeout: float = 10.0) -> PostgresStore:
        """Connect (creating and migrating the tables if needed) to the database at `dsn`.

        `schema` keeps the tables in that schema (created if missing) instead of `public`.
        """
        if psycopg is None:
            raise StoreError('a postgresql:// store needs psycopg 3: pip install "psycopg[binary]"')
        try:
            # autocommit: we issue BEGIN/COMMIT ourselves, one transaction per article
            db = psycopg.connect(dsn, autocommit=True, connect_timeout=int(timeout))
        except psycopg.OperationalError as why:
            raise StoreError(f"cannot connect to PostgreSQL at {_redact(dsn)}: {why}") from why
        try:
            if schema is not None:
                if not _SCHEMA_NAME.match(schema):
                    raise StoreError(f"schema name {schema!r}: use lower-case letters, digits, _")
                db.execute(pgsql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(pgsql.Identifier(schema)))
                db.execute(pgsql.SQL("SET search_path TO {}").format(pgsql.Identifier(schema)))
            store = cls(db, dsn, schema)
            store._migrate()
        except Exception:
            db.close()
            raise
        return store

    def _run(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._db.execute(_dialect(sql), tuple(params) if params else None)

    def _begin(self) -> None:
        self._db.execute("BEGIN")
        self._db.execute("SELECT pg_advisory_xact_lock(%s)", (self._lock_key,))

    def _in_transaction(self) -> bool:
        return self._db.info.transaction_status != TransactionStatus.IDLE

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> PostgresStore:
        return self


def _redact(dsn: str) -> str:
    """The DSN without its password, for error messages."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", dsn)
