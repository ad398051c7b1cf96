"""POST /api/analyze (the real pipeline), POST /api/ingest (token), request size limits, app options."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lagebild.analysis.synthetic import build_store
from lagebild.api import create_app
from lagebild.errors import StoreError

TOKEN = "test-token-123"
TEXT = ("Putin nimmt Einladung nach Pjöngjang an\n"
        "Der russische Präsident Wladimir Putin hat am Sonntag eine Einladung von Kim Jong-un angenommen.")


@pytest.fixture()
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "events.duckdb")
    build_store(path, weeks=8)
    return path


@pytest.fixture()
def ro_client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db, max_body=5000)) as c:
        yield c


@pytest.fixture()
def rw_client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db, allow_ingest=True, ingest_token=TOKEN, max_body=200_000)) as c:
        yield c


def test_analyze_returns_the_contract(ro_client: TestClient) -> None:
    r = ro_client.post("/api/analyze", json={"text": TEXT, "id": "seed", "published": "2024-01-22",
                                             "language": "de", "title": "Putin"})
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["id"] == "seed" and d["language"] == "de" and d["published"] == "2024-01-22"
    for key in ("actors", "places", "times", "events", "text"):
        assert isinstance(d[key], list | str)
    assert d["text"] == TEXT
    assert "tokens" not in d
    assert "tokens" in ro_client.post("/api/analyze", json={"text": TEXT, "tokens": True}).json()


def test_analyze_builds_one_pipeline_per_app(db: str) -> None:
    app = create_app(db)
    with TestClient(app) as c:
        c.post("/api/analyze", json={"text": "Eins."})
        nlp = app.state.lagebild.pipeline()
        c.post("/api/analyze", json={"text": "Zwei."})
        assert app.state.lagebild.pipeline() is nlp
    other = create_app(db)
    try:
        assert other.state.lagebild.pipeline() is not nlp
    finally:
        other.state.lagebild.close()


@pytest.mark.parametrize("body, needle", [
    ({"text": TEXT, "published": "22.01.2024"}, ""),
    ({"text": TEXT, "language": "fr"}, "language"),
    ({"text": ""}, ""),
    ({"title": "no text"}, "text"),
])
def test_analyze_bad_input_is_422(ro_client: TestClient, body: dict[str, str], needle: str) -> None:
    r = ro_client.post("/api/analyze", json=body)
    assert r.status_code == 422
    assert needle in str(r.json()["detail"])


def test_analyze_body_limit(ro_client: TestClient) -> None:
    r = ro_client.post("/api/analyze", json={"text": "x " * 5000})
    assert r.status_code == 413
    assert "too large" in r.json()["detail"] and "5000" in r.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while reading
        yield b'{"text": "'
        for _ in range(100):
            yield b"y" * 100
        yield b'"}'

    r = ro_client.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    r = ro_client.post("/api/analyze", content=b"{}", headers={"content-length": "abc",
                                                               "content-type": "application/json"})
    assert r.status_code == 400


def test_ingest_disabled_on_read_only_server(ro_client: TestClient) -> None:
    r = ro_client.post("/api/ingest", json={"articles": [{"text": TEXT}]},
                       headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403 and "disabled" in r.json()["detail"]


def test_ingest_needs_the_token(rw_client: TestClient) -> None:
    body = {"articles": [{"text": TEXT}]}
    r = rw_client.post("/api/ingest", json=body)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert "token" in r.json()["detail"]
    r = rw_client.post("/api/ingest", json=body, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 403 and "not valid" in r.json()["detail"]
    r = rw_client.post("/api/ingest", json=body, headers={"X-Lagebild-Token": "wrong"})
    assert r.status_code == 403
    # the token is checked before the body is looked at
    assert rw_client.post("/api/ingest", json={"bad": 1}).status_code == 401


def test_ingest_stores_and_refreshes(rw_client: TestClient) -> None:
    before = rw_client.get("/api/stats").json()["articles"]
    rw_client.get("/api/network")  # fill the analysis cache
    body = {"articles": [{"id": "new-1", "text": TEXT, "published": "2024-01-22", "language": "de"},
                         {"id": "new-2", "text": "Second article. " + TEXT, "published": "2024-01-23"},
                         {"id": "bad", "text": ""}]}
    r = rw_client.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["new"] == 2 and [e["id"] for e in d["errors"]] == ["bad"]
    assert rw_client.get("/api/stats").json()["articles"] == before + 2
    assert rw_client.get("/api/articles/new-1").json()["text"] == TEXT
    again = rw_client.post("/api/ingest", json=body, headers={"X-Lagebild-Token": TOKEN}).json()
    assert again["new"] == 0 and again["unchanged"] >= 2
    assert rw_client.app.state.lagebild.generation == 2  # type: ignore[attr-defined]
    r = rw_client.post("/api/ingest", json={"articles": [{"text": "z" * 300_000}]},
                       headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 413


def test_create_app_options(tmp_path: Path, db: str) -> None:
    with pytest.raises(StoreError):
        create_app(str(tmp_path / "missing.duckdb"))
    with pytest.raises(ValueError, match="token"):
        create_app(db, allow_ingest=True)
    with pytest.raises(ValueError):
        create_app(db, max_body=0)
    api_only = create_app(db, web=False)
    with TestClient(api_only) as c:
        assert c.get("/").status_code == 404 and c.get("/api/stats").status_code == 200
    # ingest on a fresh file creates the store
    fresh = str(tmp_path / "fresh.duckdb")
    with TestClient(create_app(fresh, allow_ingest=True, ingest_token=TOKEN)) as c:
        assert c.get("/api/stats").json()["articles"] == 0
        assert c.get("/").status_code == 200
        assert c.get("/network").status_code == 200
        assert c.get("/alerts").status_code == 200
