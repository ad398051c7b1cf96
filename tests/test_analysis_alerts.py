"""Shift detection: the statistics and the alerts found in the synthetic corpus."""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest

from lagebild.analysis import AlertOptions, EventPoint, detect_alerts, point_from_event
from lagebild.analysis.alerts import binomial_sf, z_from_p
from lagebild.analysis.base import default_category_quad
from lagebild.analysis.synthetic import synthetic_documents

D = dt.date
START = D(2024, 1, 1)
WEEKS = 20


@pytest.fixture(scope="module")
def points() -> list[EventPoint]:
    cq = default_category_quad()
    out = []
    for d in synthetic_documents(weeks=WEEKS, start=START):
        for e in d.events:
            p = point_from_event(e, article_id=d.id, published=d.published, category_quad=cq)
            assert p is not None
            out.append(p)
    return out


def week(n: int) -> dt.date:
    return START + dt.timedelta(days=7 * n)


def test_binomial_tail() -> None:
    assert binomial_sf(0, 10, 0.3) == 1.0
    # P(X >= 1) = 1 - (1 - p)^n
    assert math.isclose(binomial_sf(1, 10, 0.3), 1 - 0.7 ** 10, rel_tol=1e-12)
    # P(X >= 9 | n=10, p=0.5) = 11 / 1024
    assert math.isclose(binomial_sf(9, 10, 0.5), 11 / 1024, rel_tol=1e-12)
    tiny = binomial_sf(200, 200, 0.01)
    assert 0 < tiny < 1e-300 or tiny == 0.0
    assert 0 < binomial_sf(60, 200, 0.05) < 1e-15  # accurate far in the tail, not 0 from 1 - cdf
    assert binomial_sf(11, 10, 0.5) == 0.0 and binomial_sf(3, 10, 0.0) == 0.0 and binomial_sf(3, 10, 1.0) == 1.0


def test_z_from_p() -> None:
    assert math.isclose(z_from_p(0.5), 0.0, abs_tol=1e-9)
    assert math.isclose(z_from_p(0.001), 3.0902, abs_tol=1e-3)
    assert z_from_p(0.0) > 30


def test_alerts_find_the_three_stories(points: list[EventPoint]) -> None:
    rep = detect_alerts(points)
    found = {(a.a, a.b) for a in rep.alerts}
    assert ("PRK", "RUS") in found  # cooperation surge at the end
    assert ("CHN", "USA") in found  # turn to conflict
    assert ("RUS", "UKR") in found  # one escalation week
    assert ("DEU", "FRA") not in found  # steady cooperation: no alert
    assert ("UKR", "USA") not in found
    prk = [a for a in rep.alerts if (a.a, a.b) == ("PRK", "RUS")]
    assert min(a.period for a in prk) == week(WEEKS - 4)
    assert all(any(s.kind == "volume" and s.direction == "up" for s in a.signals) for a in prk)
    assert all("cooperative" in a.headline for a in prk)
    chn = [a for a in rep.alerts if (a.a, a.b) == ("CHN", "USA")]
    assert min(a.period for a in chn) == week(WEEKS - 6)
    assert all(a.tone == "conflict" for a in chn)
    kinds = {s.kind for a in chn for s in a.signals}
    assert {"conflict_share", "goldstein"} <= kinds
    rus = [a for a in rep.alerts if (a.a, a.b) == ("RUS", "UKR")]
    assert [a.period for a in rus] == [week(WEEKS - 6)]


def test_alert_events_are_the_dyads_events_of_that_period(points: list[EventPoint]) -> None:
    by_id = {p.id: p for p in points}
    rep = detect_alerts(points)
    for al in rep.alerts:
        assert al.event_ids and len(al.event_ids) == al.current.events
        for eid in al.event_ids:
            p = by_id[eid]
            assert {p.source_country, p.target_country} == {al.a, al.b}
            assert al.period <= p.day <= al.period_end
        assert al.score >= rep.options.z_threshold
        assert al.severity in ("medium", "high")
    # newest first
    assert [a.period for a in rep.alerts] == sorted((a.period for a in rep.alerts), reverse=True)
    d = rep.to_dict()
    json.dumps(d)
    assert d["count"] == len(rep.alerts) and d["alerts"][0]["signals"][0]["description"]


def test_alert_filters(points: list[EventPoint]) -> None:
    rep = detect_alerts(points, dyad=("rus", "prk"))
    assert rep.alerts and {(a.a, a.b) for a in rep.alerts} == {("PRK", "RUS")}
    late = detect_alerts(points, since=week(WEEKS - 3))
    assert late.alerts and all(a.period >= week(WEEKS - 3) for a in late.alerts)
    assert len(detect_alerts(points, limit=2).alerts) == 2
    # until cuts the data: the last four weeks' surge is not seen
    early = detect_alerts(points, until=week(WEEKS - 5) - dt.timedelta(days=1))
    assert ("PRK", "RUS") not in {(a.a, a.b) for a in early.alerts}
    strict = detect_alerts(points, AlertOptions(z_threshold=50))
    assert strict.alerts == ()


def background(weeks: int, start: dt.date = D(2023, 11, 6)) -> list[EventPoint]:
    """Steady news about other dyads: two events a week."""
    return [EventPoint(f"bg{w}-{j}", f"bg{w}", start + dt.timedelta(days=7 * w), "CONSULT", 1, 1.0, "DEU", "FRA")
            for w in range(weeks) for j in range(2)]


def test_volume_is_relative_to_all_news() -> None:
    burst = [EventPoint(f"e{i}", f"a{i}", D(2024, 1, 9), "ASSAULT", 4, -10.0, "RUS", "UKR") for i in range(9)]
    # a burst with no other news in the baseline: nothing to compare with
    assert detect_alerts(burst, data_start=D(2023, 11, 1)).alerts == ()
    # against steady other news, the same burst is a shift
    rep = detect_alerts(burst + background(12))
    assert [(a.a, a.b, a.period) for a in rep.alerts] == [("RUS", "UKR", D(2024, 1, 8))]
    sig = rep.alerts[0].signals[0]
    assert sig.kind == "volume" and sig.count == 9 and sig.observed == 9 / 11
    assert "9 events" in sig.description
    # when all news grows alike (a bigger batch), no dyad stands out
    doubled = background(12) + [EventPoint(f"x{j}", "x", D(2024, 1, 9), "CONSULT", 1, 1.0, "DEU", "FRA")
                                for j in range(30)]
    assert detect_alerts(doubled).alerts == ()
    # one article telling all nine events is not yet a trend
    single = [EventPoint(f"e{i}", "one", D(2024, 1, 9), "ASSAULT", 4, -10.0, "RUS", "UKR") for i in range(9)]
    assert detect_alerts(single + background(12)).alerts == ()
    assert len(detect_alerts(single + background(12), AlertOptions(min_articles=1)).alerts) == 1


def test_baseline_needs_enough_history() -> None:
    # a burst in the second week of observation has too short a baseline
    pts = background(2, D(2024, 1, 1)) + [
        EventPoint(f"e{i}", f"a{i}", D(2024, 1, 9), "ASSAULT", 4, -10.0, "RUS", "UKR") for i in range(9)]
    assert detect_alerts(pts).alerts == ()


def test_monthly_alerts_and_options_validation(points: list[EventPoint]) -> None:
    rep = detect_alerts(points, AlertOptions(interval="month", min_baseline_periods=2, baseline_periods=4))
    assert all(a.period.day == 1 for a in rep.alerts)
    with pytest.raises(ValueError):
        AlertOptions(interval="day").validate()
    with pytest.raises(ValueError):
        AlertOptions(baseline_periods=2, min_baseline_periods=3).validate()
    assert detect_alerts([]).alerts == ()
