"""Dyad time series and the dyad ranking, on hand-made event points and the synthetic corpus."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from lagebild.analysis import AnalysisOptions, EventPoint, dyad_series, point_from_event, top_dyads
from lagebild.analysis.base import cc_index, default_category_quad, period_end, period_start, periods
from lagebild.analysis.synthetic import synthetic_documents

D = dt.date


def pt(i: int, day: dt.date, s: str, t: str, quad: int, gold: float, *, cat: str = "CONSULT",
       certainty: str = "asserted", negated: bool = False, article: str | None = None) -> EventPoint:
    return EventPoint(id=f"e{i}", article_id=article or f"a{i}", day=day, category=cat, quad_class=quad,
                      goldstein=gold, source_country=s, target_country=t, source_id=f"id:{s}",
                      source_name=f"Name {s}", target_id=f"id:{t}", target_name=f"Name {t}",
                      certainty=certainty, negated=negated)


@pytest.fixture(scope="module")
def synthetic_points() -> list[EventPoint]:
    cq = default_category_quad()
    out = []
    for d in synthetic_documents(weeks=20):
        for e in d.events:
            p = point_from_event(e, article_id=d.id, published=d.published, category_quad=cq)
            assert p is not None
            out.append(p)
    return out


def test_periods_week_and_month() -> None:
    assert period_start(D(2024, 3, 7), "week") == D(2024, 3, 4)  # a Thursday -> Monday
    assert period_end(D(2024, 3, 4), "week") == D(2024, 3, 10)
    assert period_start(D(2024, 2, 29), "month") == D(2024, 2, 1)
    assert period_end(D(2024, 2, 1), "month") == D(2024, 2, 29)
    assert period_end(D(2024, 12, 1), "month") == D(2024, 12, 31)
    assert periods(D(2024, 1, 31), D(2024, 3, 1), "month") == [D(2024, 1, 1), D(2024, 2, 1), D(2024, 3, 1)]
    assert len(periods(D(2024, 1, 1), D(2024, 1, 28), "week")) == 4
    with pytest.raises(ValueError, match="interval"):
        period_start(D(2024, 1, 1), "day")


def test_cc_index() -> None:
    assert cc_index([3, 0, 0, 0]) == 1.0
    assert cc_index([0, 0, 0, 2]) == -1.0
    assert cc_index([0, 0, 0, 0]) is None
    # material acts weigh twice: 1 verbal coop vs 1 material conflict -> (1 - 2) / 3
    assert cc_index([1, 0, 0, 1]) == round(-1 / 3, 4)


def test_series_counts_quads_goldstein_and_fills_gaps() -> None:
    pts = [pt(1, D(2024, 1, 2), "RUS", "PRK", 1, 2.0), pt(2, D(2024, 1, 3), "PRK", "RUS", 2, 6.0),
           pt(3, D(2024, 1, 17), "RUS", "PRK", 4, -8.0), pt(4, D(2024, 1, 17), "RUS", "USA", 3, -2.0)]
    s = dyad_series(pts, "RUS", "PRK", interval="week")
    assert [p.period for p in s.points] == [D(2024, 1, 1), D(2024, 1, 8), D(2024, 1, 15)]
    first, gap, last = s.points
    assert (first.events, first.quads, first.goldstein_mean, first.index) == (2, (1, 1, 0, 0), 4.0, 1.0)
    assert (first.a_to_b, first.b_to_a) == (1, 1)
    assert gap.events == 0 and gap.goldstein_mean is None and gap.index is None
    assert last.quads == (0, 0, 0, 1) and last.conflict_share == 1.0
    assert s.total is not None and s.total.events == 3 and s.events == 3
    assert s.event_ids == ("e1", "e2", "e3")
    assert s.categories == {"CONSULT": 3}
    json.dumps(s.to_dict())  # JSON-ready


def test_series_directed_names_ids_and_month() -> None:
    pts = [pt(1, D(2024, 1, 2), "RUS", "PRK", 1, 2.0), pt(2, D(2024, 2, 3), "PRK", "RUS", 1, 2.0)]
    assert dyad_series(pts, "RUS", "PRK", directed=True).events == 1
    assert dyad_series(pts, "prk", "rus").events == 2  # case-insensitive, undirected
    assert dyad_series(pts, "id:RUS", "Name PRK").events == 2  # actor ids and names match too
    m = dyad_series(pts, "RUS", "PRK", interval="month")
    assert [p.period for p in m.points] == [D(2024, 1, 1), D(2024, 2, 1)]
    with pytest.raises(ValueError):
        dyad_series(pts, "RUS", "PRK", interval="year")


def test_series_since_until_frame_the_periods() -> None:
    pts = [pt(1, D(2024, 1, 10), "RUS", "PRK", 1, 2.0), pt(2, D(2024, 3, 10), "RUS", "PRK", 1, 2.0)]
    s = dyad_series(pts, "RUS", "PRK", interval="month", since=D(2023, 12, 1), until=D(2024, 2, 29))
    assert [p.period for p in s.points] == [D(2023, 12, 1), D(2024, 1, 1), D(2024, 2, 1)]
    assert s.events == 1
    empty = dyad_series(pts, "DEU", "FRA")
    assert empty.points == () and empty.total is None and empty.to_dict()["events"] == 0


def test_options_leave_out_negated_hypothetical_domestic() -> None:
    pts = [pt(1, D(2024, 1, 2), "RUS", "PRK", 1, 2.0),
           pt(2, D(2024, 1, 2), "RUS", "PRK", 1, 2.0, negated=True),
           pt(3, D(2024, 1, 2), "RUS", "PRK", 1, 2.0, certainty="hypothetical"),
           pt(4, D(2024, 1, 2), "RUS", "RUS", 4, -5.0)]
    assert dyad_series(pts, "RUS", "PRK").events == 1
    both = AnalysisOptions(include_negated=True, exclude_certainty=())
    assert dyad_series(pts, "RUS", "PRK", options=both).events == 3
    assert dyad_series(pts, "RUS", "RUS").events == 0
    assert dyad_series(pts, "RUS", "RUS", options=AnalysisOptions(include_domestic=True)).events == 1


def test_top_dyads_on_synthetic(synthetic_points: list[EventPoint]) -> None:
    top = top_dyads(synthetic_points, limit=10)
    keys = [(d.a, d.b) for d in top]
    assert ("RUS", "UKR") in keys and ("DEU", "FRA") in keys and ("PRK", "RUS") in keys
    assert [d.events for d in top] == sorted((d.events for d in top), reverse=True)
    by = {(d.a, d.b): d for d in top}
    assert by[("RUS", "UKR")].index == -1.0
    assert by[("DEU", "FRA")].index == 1.0
    # US–China turned conflictual at the end of the period
    chn_usa = by[("CHN", "USA")]
    assert chn_usa.trend is not None and chn_usa.trend < 0
    assert chn_usa.a_to_b + chn_usa.b_to_a == chn_usa.events
    assert len(top_dyads(synthetic_points, limit=2)) == 2
    json.dumps([d.to_dict() for d in top])


def test_synthetic_series_shows_the_surge(synthetic_points: list[EventPoint]) -> None:
    s = dyad_series(synthetic_points, "RUS", "PRK", interval="week")
    counts = [p.events for p in s.points]
    assert max(counts[:-4]) <= 2 and min(counts[-4:]) >= 5
    assert all(p.index in (None, 1.0) for p in s.points)


def test_point_day_uses_publication_date_for_vague_event_dates() -> None:
    from lagebild.document import ActorRef, Event, EventDate, Evidence

    ev = Event(id="x", category="ACCUSE", evidence=Evidence("t", 0, 1),
               source=ActorRef("a", 0, 1, country="USA"), target=ActorRef("b", 0, 1, country="CHN"),
               date=EventDate(D(2014, 1, 1), D(2014, 12, 31), "year"))
    p = point_from_event(ev, article_id="a", published=D(2024, 5, 1), category_quad={"ACCUSE": 3})
    assert p is not None and p.day == D(2024, 5, 1) and p.quad_class == 3
    ev.date = EventDate(D(2024, 4, 29), D(2024, 4, 29), "day")
    p = point_from_event(ev, article_id="a", published=D(2024, 5, 1), category_quad={})
    assert p is not None and p.day == D(2024, 4, 29)
    ev.date = EventDate()
    assert point_from_event(ev, article_id="a", published=None, category_quad={}) is None
