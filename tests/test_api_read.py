"""The REST API's read endpoints over a small synthetic store: shapes, filters, pagination, errors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from lagebild.analysis.synthetic import build_store
from lagebild.api import create_app


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("api") / "events.duckdb")
    build_store(path)
    return path


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


def test_stats(client: TestClient) -> None:
    r = client.get("/api/stats")
    assert r.status_code == 200
    d = r.json()
    assert d["articles"] > 100 and d["events"] > 200 and d["first_date"] <= d["last_date"]


def test_articles_list_pagination_and_filters(client: TestClient) -> None:
    r = client.get("/api/articles", params={"limit": 10})
    d = r.json()
    assert r.status_code == 200 and len(d["items"]) == 10 and d["total"] > 100 and d["next_offset"] == 10
    published = [a["published"] for a in d["items"]]
    assert published == sorted(published, reverse=True)
    r2 = client.get("/api/articles", params={"limit": 10, "offset": 10}).json()
    assert not {a["id"] for a in d["items"]} & {a["id"] for a in r2["items"]}
    last = client.get("/api/articles", params={"limit": 10, "offset": d["total"] - 3}).json()
    assert len(last["items"]) == 3 and last["next_offset"] is None
    q = client.get("/api/articles", params={"q": "onerror"}).json()
    assert [a["id"] for a in q["items"]] == ["xss"]
    win = client.get("/api/articles", params={"since": "2024-03-01", "until": "2024-03-07"}).json()
    assert win["items"] and all("2024-03-01" <= a["published"] <= "2024-03-07" for a in win["items"])
    assert client.get("/api/articles", params={"language": "de"}).json()["total"] == 0


def test_article_detail(client: TestClient) -> None:
    r = client.get("/api/articles/xss")
    assert r.status_code == 200
    d = r.json()
    assert d["title"].startswith("<script>") and d["text"].startswith("<script>")
    ev = d["events"][0]
    for key in ("category", "source", "target", "certainty", "negated", "attributed_to", "date", "evidence"):
        assert key in ev
    assert d["text"][ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["text"]
    assert {a["name"] for a in d["actors"]} == {"Vladimir Putin", "Kim Jong-un"}


@pytest.mark.parametrize("url", ["/api/articles/nope", "/api/events/nope:1", "/api/actors/nobody"])
def test_unknown_ids_are_404(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 404
    assert "no " in r.json()["detail"] and "with id" in r.json()["detail"]


def test_events_filters(client: TestClient) -> None:
    r = client.get("/api/events", params={"dyad": "RUS,PRK", "limit": 500})
    d = r.json()
    assert r.status_code == 200 and d["total"] == len(d["items"]) > 20
    assert all({e["source"]["country"], e["target"]["country"]} == {"RUS", "PRK"} for e in d["items"])
    directed = client.get("/api/events", params={"dyad": "RUS,PRK", "directed": True, "limit": 500}).json()
    assert 0 < directed["total"] < d["total"]
    assert all(e["source"]["country"] == "RUS" for e in directed["items"])
    cats = client.get("/api/events", params={"category": "ASSAULT,SANCTION", "limit": 500}).json()
    assert cats["total"] > 0 and {e["category"] for e in cats["items"]} == {"ASSAULT", "SANCTION"}
    rep = client.get("/api/events", params={"certainty": "reported"}).json()
    assert rep["total"] > 0 and all(e["certainty"] == "reported" and e["attributed_to"] for e in rep["items"])
    actor = client.get("/api/events", params={"actor": "syn:putin", "limit": 500}).json()
    assert actor["total"] > 0 and all("syn:putin" in (e["source"]["actor_id"], e["target"]["actor_id"])
                                      for e in actor["items"])
    src = client.get("/api/events", params={"source": "IGO:NATO"}).json()
    assert src["total"] > 0 and all(e["source"]["country"] == "IGO:NATO" for e in src["items"])
    win = client.get("/api/events", params={"since": "2024-02-01", "until": "2024-02-29", "limit": 500}).json()
    assert win["total"] > 0 and all("2024-02-01" <= e["date"]["start"] <= "2024-02-29" for e in win["items"])
    txt = client.get("/api/events", params={"text": "SANCTIONS"}).json()
    assert txt["total"] > 0 and all("sanctions" in e["evidence"]["text"].lower() for e in txt["items"])
    art = client.get("/api/events", params={"article_id": "xss"}).json()
    assert [e["id"] for e in art["items"]] == ["xss:0"]
    assert client.get("/api/events", params={"article": "xss"}).json()["total"] == 1  # the CLI's name
    conf = client.get("/api/events", params={"min_confidence": 0.85, "limit": 500}).json()
    assert all(e["confidence"] >= 0.85 for e in conf["items"])
    assert client.get("/api/events", params={"negated": "true"}).json()["total"] == 0
    assert client.get("/api/events", params={"cameo": "19"}).json()["total"] > 0


def test_events_pagination_and_order(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 7, "order": "date"}).json()
    second = client.get("/api/events", params={"limit": 7, "offset": 7, "order": "date"}).json()
    assert len(first["items"]) == 7 and first["next_offset"] == 7
    dates = [e["date"]["start"] for e in first["items"] + second["items"]]
    assert dates == sorted(dates)
    newest = client.get("/api/events", params={"limit": 5}).json()["items"]
    assert [e["date"]["start"] for e in newest] == sorted((e["date"]["start"] for e in newest), reverse=True)
    one = client.get(f"/api/events/{first['items'][0]['id']}")
    assert one.status_code == 200 and one.json()["id"] == first["items"][0]["id"]


@pytest.mark.parametrize("params, needle", [
    ({"since": "2024-13-01"}, "since must be a date YYYY-MM-DD"),
    ({"until": "yesterday"}, "until must be a date YYYY-MM-DD"),
    ({"since": "2024-05-01", "until": "2024-01-01"}, "after"),
    ({"category": "PARTY"}, "unknown category"),
    ({"certainty": "sure"}, "unknown certainty"),
    ({"dyad": "RUS"}, "dyad"),
    ({"negated": "maybe"}, "negated"),
    ({"cameo": "abc"}, "cameo"),
    ({"order": "random"}, "order"),
])
def test_events_bad_filters_are_422_with_reason(client: TestClient, params: dict[str, str], needle: str) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    assert needle in str(r.json()["detail"])


@pytest.mark.parametrize("url", ["/api/events?limit=0", "/api/events?limit=100000", "/api/events?offset=-1",
                                 "/api/articles?limit=abc", "/api/events?min_confidence=2"])
def test_bad_paging_is_422(client: TestClient, url: str) -> None:
    assert client.get(url).status_code == 422


def test_actors(client: TestClient) -> None:
    d = client.get("/api/actors", params={"limit": 5}).json()
    assert len(d["items"]) == 5 and d["next_offset"] == 5
    mentions = [a["mentions"] for a in d["items"]]
    assert mentions == sorted(mentions, reverse=True)
    rus = client.get("/api/actors", params={"country": "RUS"}).json()["items"]
    assert rus and all(a["country"] == "RUS" for a in rus)
    q = client.get("/api/actors", params={"q": "putin"}).json()["items"]
    assert [a["actor_id"] for a in q] == ["syn:putin"]
    p = client.get("/api/actors/syn:putin").json()
    assert p["actor"]["name"] == "Vladimir Putin"
    assert [r["role"] for r in p["roles"]] == ["head of state"]
    assert p["activity"]["events"] > 0 and p["activity"]["partners"]
    assert p["events"] and all("syn:putin" in (e["source"]["actor_id"], e["target"]["actor_id"])
                               for e in p["events"])
    assert len(client.get("/api/actors/syn:putin", params={"events": 2}).json()["events"]) == 2


def test_dyad_series(client: TestClient) -> None:
    r = client.get("/api/dyads/RUS/PRK/series")
    d = r.json()
    assert r.status_code == 200 and d["interval"] == "week" and d["events"] > 20
    pts = d["points"]
    assert len(pts) >= 19 and sum(p["events"] for p in pts) == d["events"]
    assert all(p["period_end"] > p["period"] for p in pts)
    assert {"verbal_cooperation", "material_conflict", "goldstein_mean", "index", "conflict_share"} <= set(pts[0])
    m = client.get("/api/dyads/RUS/PRK/series", params={"interval": "month"}).json()
    assert m["events"] == d["events"] and len(m["points"]) == 5
    win = client.get("/api/dyads/RUS/PRK/series", params={"since": "2024-04-01", "until": "2024-04-30"}).json()
    assert all("2024-03-25" <= p["period"] <= "2024-04-30" for p in win["points"])
    assert client.get("/api/dyads/RUS/PRK/series", params={"directed": True}).json()["events"] < d["events"]
    none = client.get("/api/dyads/DEU/PRK/series").json()
    assert none["events"] == 0 and none["points"] == []
    bad = client.get("/api/dyads/RUS/PRK/series", params={"interval": "day"})
    assert bad.status_code == 422 and "interval" in bad.json()["detail"]
    bad = client.get("/api/dyads/RUS/PRK/series", params={"since": "01.02.2024"})
    assert bad.status_code == 422 and "YYYY-MM-DD" in bad.json()["detail"]


def test_top_dyads(client: TestClient) -> None:
    d = client.get("/api/dyads", params={"limit": 3}).json()
    assert len(d["items"]) == 3 and d["items"][0]["events"] >= d["items"][-1]["events"]


def test_network(client: TestClient) -> None:
    d = client.get("/api/network").json()
    assert d["level"] == "country"
    pairs = {(e["source"], e["target"]) for e in d["edges"]}
    assert ("RUS", "UKR") in pairs and ("DEU", "FRA") in pairs
    ids = {n["id"] for n in d["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in d["edges"])
    assert all(e["cooperative"] + e["conflictual"] == e["events"] for e in d["edges"])
    a = client.get("/api/network", params={"level": "actor", "max_edges": 5}).json()
    assert a["level"] == "actor" and len(a["edges"]) == 5
    few = client.get("/api/network", params={"min_events": 50}).json()
    assert all(e["events"] >= 50 for e in few["edges"])
    assert client.get("/api/network", params={"level": "galaxy"}).status_code == 422
    assert client.get("/api/network", params={"until": "2024-02-30"}).status_code == 422


def test_alerts(client: TestClient) -> None:
    d = client.get("/api/alerts").json()
    assert d["count"] >= 3 and d["options"]["interval"] == "week"
    al = d["alerts"][0]
    assert al["signals"] and al["event_ids"] and al["headline"]
    assert 0 < len(al["evidence"]) <= 5
    assert all(e["id"] in al["event_ids"] for e in al["evidence"])
    one = client.get("/api/alerts", params={"dyad": "RUS,PRK", "events": 0}).json()
    assert one["count"] >= 1 and all((a["a"], a["b"]) == ("PRK", "RUS") for a in one["alerts"])
    assert all(a["evidence"] == [] for a in one["alerts"])
    assert client.get("/api/alerts", params={"z": 100}).json()["count"] == 0
    assert client.get("/api/alerts", params={"limit": 1}).json()["count"] == 1
    assert client.get("/api/alerts", params={"interval": "month"}).status_code == 200
    for params in ({"since": "x"}, {"dyad": "RUS"}, {"interval": "hour"}, {"z": -1}):
        r = client.get("/api/alerts", params=params)
        assert r.status_code == 422, params


def test_openapi_and_docs_offline(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/events", "/api/actors",
                 "/api/actors/{actor_id}", "/api/dyads/{a}/{b}/series", "/api/network", "/api/alerts",
                 "/api/analyze", "/api/ingest"):
        assert path in spec["paths"], path
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/api/events" in docs.text and "cdn" not in docs.text.lower()


def test_security_headers(client: TestClient) -> None:
    r = client.get("/api/stats")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_read_only_store_refuses_writes(db: str) -> None:
    import duckdb

    app = create_app(db)
    try:
        with app.state.lagebild.pool.store() as st, pytest.raises(duckdb.Error):
            st.con.execute("DELETE FROM events")
    finally:
        app.state.lagebild.close()
