"""REST API over a real SQLite file: filters, pagination, formats, errors, auth."""
from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient

from sitrep.model import ACLED_COLUMNS
from sitrep.web import create_app


def ids(client: TestClient, **params: object) -> list[str]:
    response = client.get("/events", params={"limit": 1000, **params})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["events"]) == int(response.headers["x-total-count"])
    return [e["event_id_cnty"] for e in body["events"]]


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code and body["error"]["message"]
    return body["error"]


# --- filters ------------------------------------------------------------------------------

def test_no_filter_lists_every_event(client: TestClient) -> None:
    assert len(ids(client)) == 34


@pytest.mark.parametrize(("params", "expected"), [
    ({"country": "syria"}, ["SYR1"]),  # case-insensitive
    ({"country": "Iraq", "admin1": "Basra"}, ["IRQ2"]),
    ({"event_type": "Protests"}, ["IRQ1", "IRQ2"]),
    ({"sub_event_type": "Attack"}, ["SYR1", "NIG1"]),
    ({"event_date_from": "2019-10-02"}, ["IRQ2"]),
    ({"event_date_from": "2016-01-01", "event_date_to": "2016-02-28"}, ["SYR1", "NIG1"]),
    ({"fatalities_min": 100}, ["SYR1"]),
    ({"bbox": "35.5,32,42.5,37.5"}, ["SYR1"]),  # Syria's box: Iraq's Baghdad is outside
    ({"actor": "Civilians (Syria)"}, ["SYR1"]),
    ({"q": "Al-Baghaliyeh"}, ["SYR1"]),
    ({"country": "Nigeria", "fatalities_min": 3, "event_date_to": "2016-03-12"},
     ["NIG1", "NIG103", "NIG107", "NIG111"]),
])
def test_filters(client: TestClient, params: dict, expected: list[str]) -> None:
    assert sorted(ids(client, **params)) == sorted(expected)


def test_actor_matches_either_side(client: TestClient) -> None:
    found = ids(client, actor="Boko Haram")
    assert "NIG1" in found and "NIG100" in found and len(found) == 31


def test_empty_filter_values_mean_any(client: TestClient) -> None:
    assert len(ids(client, country="", actor=" ")) == 34


# --- pagination ---------------------------------------------------------------------------

def test_pages_are_disjoint_and_cover_all(client: TestClient) -> None:
    seen: list[str] = []
    for offset in range(0, 40, 10):
        response = client.get("/events", params={"country": "Nigeria", "limit": 10, "offset": offset})
        body = response.json()
        assert body["total"] == 31 and body["limit"] == 10 and body["offset"] == offset
        assert response.headers["x-total-count"] == "31"
        seen += [e["event_id_cnty"] for e in body["events"]]
    assert len(seen) == len(set(seen)) == 31


def test_page_past_the_end_is_empty(client: TestClient) -> None:
    body = client.get("/events", params={"offset": 500}).json()
    assert body["total"] == 34 and body["events"] == []


# --- formats ------------------------------------------------------------------------------

def test_csv_is_acled_columns(client: TestClient) -> None:
    response = client.get("/events", params={"format": "csv", "country": "Iraq"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.headers["x-total-count"] == "2"
    rows = list(csv.reader(io.StringIO(response.text)))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert [r[0] for r in rows[1:]] == ["IRQ1", "IRQ2"]


def test_geojson(client: TestClient) -> None:
    response = client.get("/events", params={"format": "geojson", "country": "Iraq"})
    assert response.headers["content-type"].startswith("application/geo+json")
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    first, second = collection["features"]
    assert first["geometry"] == {"type": "Point", "coordinates": [44.4, 33.34]}
    assert second["geometry"] is None  # no coordinates: kept, not dropped
    assert first["properties"]["event_id_cnty"] == "IRQ1"


# --- one event, one article, aggregates ------------------------------------------------------

def test_event_detail_has_claims_evidence_sources_revisions(client: TestClient) -> None:
    response = client.get("/events/SYR1")
    assert response.status_code == 200, response.text
    detail = response.json()
    event = detail["event"]
    assert [(c["source"], c["value"]) for c in event["claims"]] == [("SOHR", 135), ("SANA", 300)]
    assert {e["field"] for e in event["evidence"]} == {"actor1", "location", "event_date"}
    assert [s["article_id"] for s in detail["sources"]] == ["deir"]
    assert detail["sources"][0]["title"] == "Massacre in Deir ez-Zor"
    assert [r["number"] for r in detail["revisions"]] == [1]


def test_article(client: TestClient) -> None:
    article = client.get("/articles/deir").json()
    assert article["id"] == "deir" and article["text"].startswith("Activists")
    assert article["published"] == "2016-01-18"


def test_timeline_counts_per_day(client: TestClient) -> None:
    days = client.get("/timeline", params={"country": "Nigeria", "event_date_to": "2016-03-02"}).json()
    assert days == [{"date": "2016-02-01", "events": 1, "fatalities": 12},
                    {"date": "2016-03-01", "events": 1, "fatalities": 0},
                    {"date": "2016-03-02", "events": 1, "fatalities": 1}]


def test_timeline_refuses_too_many_events(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import sitrep.web.app

    monkeypatch.setattr(sitrep.web.app, "TIMELINE_MAX", 10)
    error = assert_error(client.get("/timeline"), 422, "too_many_events")
    assert error["details"] == {"matches": 34, "max": 10}
    assert client.get("/timeline", params={"country": "Iraq"}).status_code == 200


def test_stats(client: TestClient) -> None:
    stats = client.get("/stats").json()
    assert stats["events"] == 34 and stats["by_country"]["Nigeria"] == 31


# --- errors: one shape --------------------------------------------------------------------

@pytest.mark.parametrize("params", [
    {"event_date_from": "2016-13-01"}, {"event_date_to": "yesterday"},
    {"event_date_from": "2016-02-01", "event_date_to": "2016-01-01"},
    {"bbox": "1,2,3"}, {"bbox": "a,b,c,d"}, {"bbox": "10,0,5,1"}, {"bbox": "0,-91,1,1"},
    {"bbox": "nan,0,1,1"}, {"limit": 0}, {"limit": 10_001}, {"limit": "ten"}, {"offset": -1},
    {"fatalities_min": -1}, {"format": "xml"}, {"contry": "Syria"}, {"q": "x" * 201},
])
def test_bad_query_is_422_in_error_shape(client: TestClient, params: dict) -> None:
    error = assert_error(client.get("/events", params=params), 422, "invalid_input")
    assert error["details"] and "loc" in error["details"][0]


def test_not_found_shapes(client: TestClient) -> None:
    assert "NOPE" in assert_error(client.get("/events/NOPE"), 404, "not_found")["message"]
    assert_error(client.get("/articles/nope"), 404, "not_found")
    assert_error(client.get("/no/such/route"), 404, "not_found")
    assert_error(client.delete("/events"), 405, "method_not_allowed")


# --- writing ------------------------------------------------------------------------------

def test_post_needs_a_bearer_token(client: TestClient) -> None:
    body = {"text": "Gunmen killed 3 people in Maiduguri on Monday."}
    missing = client.post("/articles", json=body)
    assert_error(missing, 401, "unauthorized")
    assert missing.headers["www-authenticate"] == "Bearer"
    assert_error(client.post("/articles", json=body, headers={"Authorization": "Basic abc"}),
                 401, "unauthorized")
    assert_error(client.post("/articles", json=body, headers={"Authorization": "Bearer wrong"}),
                 403, "forbidden")


def test_post_disabled_without_a_configured_token(db, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITREP_API_TOKEN", raising=False)
    client = TestClient(create_app(str(db), token=None))
    error = assert_error(client.post("/articles", json={"text": "x"},
                                     headers={"Authorization": "Bearer anything"}), 403, "forbidden")
    assert "SITREP_API_TOKEN" in error["message"]


def test_token_from_environment(db, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_API_TOKEN", "from-env")
    client = TestClient(create_app(str(db)))
    assert_error(client.post("/articles", json={"text": ""}, headers={"Authorization": "Bearer from-env"}),
                 422, "invalid_input")  # past auth, stopped by validation


@pytest.mark.parametrize("body", [
    {}, {"text": ""}, {"text": 5}, {"text": "ok", "published": "2016-02-30"},
    {"text": "ok", "id": " padded"}, {"text": "ok", "extra": 1},
])
def test_post_validates_the_body(client: TestClient, body: dict, samples) -> None:
    auth = {"Authorization": f"Bearer {samples.token}"}
    assert_error(client.post("/articles", json=body, headers=auth), 422, "invalid_input")


def test_post_malformed_json_is_422(client: TestClient, samples) -> None:
    response = client.post("/articles", content=b"{not json", headers={
        "Authorization": f"Bearer {samples.token}", "Content-Type": "application/json"})
    assert_error(response, 422, "invalid_input")


@pytest.mark.model
def test_post_runs_the_pipeline_and_stores(client: TestClient, samples) -> None:
    auth = {"Authorization": f"Bearer {samples.token}"}
    # a place and day no stored event has, so the store adds an event rather than merging
    text = "Boko Haram fighters killed 9 villagers in Damboa, Borno state, on Monday, police said."
    body = {"id": "post:1", "text": text, "published": "2020-05-05", "title": "Damboa attack",
            "source": "Test Wire"}
    response = client.post("/articles", json=body, headers=auth)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["article_id"] == "post:1" and created["added"] is True
    assert created["events"] and all(e["article_id"] == "post:1" for e in created["events"])
    assert client.get("/articles/post:1").json()["title"] == "Damboa attack"
    assert client.get("/events", params={"limit": 1000}).json()["total"] == 34 + len(created["events"])
    stored = client.get(f"/events/{created['events'][0]['event_id_cnty']}").json()
    assert [s["article_id"] for s in stored["sources"]] == ["post:1"]
    again = client.post("/articles", json=body, headers=auth)  # same text: nothing new
    assert again.status_code == 200 and again.json()["added"] is False
    clash = client.post("/articles", json={**body, "text": text + " Updated."}, headers=auth)
    assert_error(clash, 409, "conflict")


# --- docs and pages -----------------------------------------------------------------------

def test_openapi_and_offline_docs(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/events", "/events/{event_id}", "/articles", "/articles/{article_id}"} <= set(schema["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', docs.text) + re.findall(r"url: '([^']+)'", docs.text)
    assert assets and all(a.startswith("/") for a in assets), assets  # nothing from a CDN
    for asset in assets:
        assert client.get(asset).status_code == 200, asset


def test_pages_load_only_packaged_assets(client: TestClient) -> None:
    for page in ("/", "/event?id=SYR1"):
        response = client.get(page)
        assert response.status_code == 200
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assets = re.findall(r'(?:src|href)="([^"]+)"', response.text)
        assert all(a.startswith("/") for a in assets), assets
        for asset in assets:
            assert client.get(asset).status_code == 200, asset
    assert client.get("/static/vendor/world-atlas/countries-110m.json").json()["type"] == "Topology"


def test_tiles_setting_reaches_the_page_and_csp(db, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_TILES", "https://{s}.tiles.example.org/{z}/{x}/{y}.png")
    client = TestClient(create_app(str(db)))
    assert client.get("/ui/config").json()["tiles"].startswith("https://{s}.tiles.example.org")
    assert "https://*.tiles.example.org" in client.get("/").headers["content-security-policy"]
