"""REST API and map dashboard over the event store.

    sitrep.web.serve("sitrep.db", port=8000)          # what `sitrep serve` runs
    uvicorn --factory sitrep.web:app_from_env          # SITREP_DB, SITREP_API_TOKEN
"""
from __future__ import annotations

import os

from fastapi import FastAPI

from sitrep.web.app import create_app

__all__ = ["app_from_env", "create_app", "serve"]


def app_from_env() -> FastAPI:
    """The app for `uvicorn --factory`: store from $SITREP_DB (default sitrep.db)."""
    return create_app(os.environ.get("SITREP_DB", "sitrep.db"))


def serve(db: str = "sitrep.db", host: str = "127.0.0.1", port: int = 8000,
          token: str | None = None, tiles: str | None = None) -> None:
    """Run the API and dashboard with uvicorn until interrupted (localhost by default)."""
    import uvicorn

    uvicorn.run(create_app(db, token, tiles=tiles), host=host, port=port, log_level="info")
