"""The REST API and the dashboard: a thin FastAPI layer over `sitrep.store` and `sitrep.api`.

    from sitrep.web import create_app
    app = create_app("sitrep.db", token="secret")   # uvicorn.run(app)

Reads need no token; `POST /articles` needs `Authorization: Bearer <token>` (the argument,
else $SITREP_API_TOKEN; with neither, posting is disabled). Every error has one JSON shape
(see `errors.py`). The dashboard and /docs load nothing from outside the package.
"""
from __future__ import annotations

import io
import os
import secrets
import threading
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, Query, Response
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel

from sitrep.export import write_events
from sitrep.model import Article, DocumentError, Event
from sitrep.store import EventDetail, EventStore, Stats, StoreError, open_store
from sitrep.web.errors import ApiError, ErrorResponse, install_error_handlers
from sitrep.web.query import EventQuery, all_matching, page, to_filter
from sitrep.web.schemas import ArticleIn, Ingested, TimelineDay, UiConfig

# the timeline reads every matching event (the store has no per-day aggregate yet), so it
# stops where that gets slow: 12,000 events took 2-10 s on a busy 2-core machine
TIMELINE_MAX = 10_000
STATIC = Path(str(resources.files("sitrep.web").joinpath("static")))
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse} for code in (400, 401, 403, 404, 409, 422, 500)}
# HTTPBearer puts the scheme in the OpenAPI schema (/docs gets an Authorize button);
# auto_error=False so that its refusals come out in our error shape
_BEARER = HTTPBearer(auto_error=False, description="the server's SITREP_API_TOKEN")


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    events: list[Event]


class _Stores:
    """One store connection per worker thread: sqlite3 connections are not shared across
    threads, and opening one per request would re-run the migration check every time."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._local = threading.local()

    def get(self) -> EventStore:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.db)
        return store


def _csp(tiles: str | None) -> str:
    # scripts only from our own files: an inline script or on* handler smuggled into the
    # page by article text would not run even if escaping failed
    img = "'self' data:"
    if tiles:
        parts = urlsplit(tiles)
        host = parts.netloc.replace("{s}", "*")
        img += f" {parts.scheme}://{host}" if "{" not in host else f" {parts.scheme}:"
    return (f"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            f"img-src {img}; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            f"frame-ancestors 'none'")


def create_app(db: str, token: str | None = None, *, tiles: str | None = None) -> FastAPI:
    """The sitrep web app over the SQLite store at `db`.

    `token` (else $SITREP_API_TOKEN) guards `POST /articles`; `tiles` (else $SITREP_TILES)
    is a base-map URL template such as https://tile.openstreetmap.org/{z}/{x}/{y}.png;
    without it the dashboard draws the country outlines shipped in the package.
    """
    token = token or os.environ.get("SITREP_API_TOKEN") or None
    tiles = tiles or os.environ.get("SITREP_TILES") or None
    attribution = os.environ.get("SITREP_TILES_ATTRIBUTION", "")
    stores = _Stores(db)
    nlp_lock = threading.Lock()  # one spaCy pipeline, one document at a time
    security = {"Content-Security-Policy": _csp(tiles), "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "no-referrer"}

    app = FastAPI(title="sitrep", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Conflict events coded after ACLED, with claims and evidence.",
                  responses=_ERRORS)
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def require_token(credentials: Annotated[HTTPAuthorizationCredentials | None,
                                             Depends(_BEARER)]) -> None:
        if token is None:
            raise ApiError(403, "posting is disabled: the server has no API token "
                                "(set SITREP_API_TOKEN)")
        if credentials is None or not credentials.credentials.strip():
            raise ApiError(401, "missing bearer token: send 'Authorization: Bearer <token>'",
                           headers={"WWW-Authenticate": "Bearer"})
        if not secrets.compare_digest(credentials.credentials.strip().encode(), token.encode()):
            raise ApiError(403, "wrong token")

    # --- pages ---------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers=security)

    @app.get("/event", include_in_schema=False)
    def event_page() -> FileResponse:
        return FileResponse(STATIC / "event.html", headers=security)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        # FastAPI's page with the Swagger UI files shipped in the package, not a CDN
        return get_swagger_ui_html(openapi_url="/openapi.json", title="sitrep API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png")

    @app.get("/ui/config", response_model=UiConfig, tags=["dashboard"])
    def ui_config() -> UiConfig:
        """Base-map settings for the dashboard."""
        return UiConfig(tiles=tiles, attribution=attribution)

    # --- reading -------------------------------------------------------------------------

    @app.get("/events", response_model=EventPage, tags=["events"],
             responses={200: {"content": {"text/csv": {}, "application/geo+json": {}},
                              "description": "a page of events; total in X-Total-Count"}})
    def list_events(query: Annotated[EventQuery, Query()]) -> Response:
        """Events matching ACLED-style filters, a page at a time (`total` counts all matches).

        `format=csv` gives exactly ACLED's columns; `format=geojson` a FeatureCollection.
        """
        total, events = page(stores.get(), query)
        headers = {"X-Total-Count": str(total)}
        if query.format == "json":
            body = EventPage(total=total, limit=query.limit, offset=query.offset, events=events)
            return Response(body.model_dump_json(), media_type="application/json", headers=headers)
        out = io.StringIO()
        if query.format == "csv":
            write_events(events, "acled-csv", out)
            return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
        write_events(events, "geojson", out)
        return Response(out.getvalue(), media_type="application/geo+json", headers=headers)

    @app.get("/events/{event_id:path}", response_model=EventDetail, tags=["events"])
    def get_event(event_id: str) -> EventDetail:
        """One event with its claims, evidence spans, source articles and revisions."""
        detail = stores.get().get_event(event_id)
        if detail is None:
            raise ApiError(404, f"no event {event_id!r}")
        return detail

    @app.get("/articles/{article_id:path}", response_model=Article, tags=["articles"])
    def get_article(article_id: str) -> Article:
        """One stored article, with its full text."""
        article = stores.get().get_article(article_id)
        if article is None:
            raise ApiError(404, f"no article {article_id!r}")
        return article

    @app.get("/stats", response_model=Stats, tags=["events"])
    def stats() -> Stats:
        """Counts of articles and events, by country, event type and month."""
        return stores.get().counts()

    @app.get("/timeline", response_model=list[TimelineDay], tags=["events"])
    def timeline(query: Annotated[EventQuery, Query()]) -> list[TimelineDay]:
        """Events and fatalities per day over every event matching the filters (not paged).

        Refused (422, `too_many_events`) past TIMELINE_MAX matches: it reads every event.
        """
        store = stores.get()
        matches = store.count(to_filter(query, paged=False))
        if matches > TIMELINE_MAX:
            raise ApiError(422, f"{matches:,} events match: the timeline covers at most "
                                f"{TIMELINE_MAX:,}, narrow the filters", code="too_many_events",
                           details={"matches": matches, "max": TIMELINE_MAX})
        days: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for event in all_matching(store, query):
            if event.event_date:
                day = days[event.event_date[:10]]
                day[0] += 1
                day[1] += event.fatalities
        return [TimelineDay(date=d, events=n, fatalities=f) for d, (n, f) in sorted(days.items())]

    # --- writing -------------------------------------------------------------------------

    @app.post("/articles", status_code=201, response_model=Ingested, tags=["articles"],
              dependencies=[Depends(require_token)],
              responses={200: {"model": Ingested, "description": "same text already stored"}})
    def post_article(body: ArticleIn, response: Response) -> Ingested:
        """Extract the events of one article and store both (needs the bearer token)."""
        from sitrep.api import run_safely  # loads spaCy: only when something is posted

        article = body.to_article()
        with nlp_lock:
            result = next(run_safely([article]))
        if isinstance(result, DocumentError):
            raise ApiError(422, f"extraction failed in stage {result.stage}: {result.reason}",
                           code="extraction_failed", details=result.model_dump())
        _, events = result
        try:
            added = stores.get().add_article(article, events)
        except StoreError as why:
            raise ApiError(409, str(why)) from why
        if not added:
            response.status_code = 200
        return Ingested(article_id=article.id, added=added, events=events if added else [])

    return app
