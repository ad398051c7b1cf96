"""Cross-article aggregation: events of the same category, dyad and date window become one
aggregated event with GDELT's NumMentions / NumSources / NumArticles.

Dyad: each side is its country and sector (``RUS/GOV``), else its actor id, else its text; for
symmetric events (both sides act: meetings, cooperation) the two sides are sorted. Date window:
fixed bins of ``window_days`` days over the event date (the article's publication date when the
event is undated); undated events of undated articles stay per article. Negated events are kept
apart from affirmed ones. Each member event keeps its own evidence (``aggregate_members``).
"""

from __future__ import annotations

from typing import Any

_ACTOR_CODE = """CASE
    WHEN {p}_country IS NOT NULL OR {p}_sector IS NOT NULL
        THEN coalesce({p}_country, '') || '/' || coalesce({p}_sector, '')
    WHEN {p}_actor_id IS NOT NULL THEN {p}_actor_id
    WHEN {p}_text IS NOT NULL THEN lower({p}_text)
    ELSE '' END"""

_KEYED = f"""
WITH base AS (
    SELECT e.id, e.gid, e.article_id, e.category, e.cameo, e.quad_class, e.goldstein, e.negated,
           e.n_mentions, e.is_symmetric, e.source_country, e.target_country,
           coalesce(e.date_start, e.published) AS d,
           coalesce(e.date_end, e.date_start, e.published) AS d_end,
           {_ACTOR_CODE.format(p="e.source")} AS s0,
           {_ACTOR_CODE.format(p="e.target")} AS t0,
           coalesce(a.source, regexp_extract(a.url, '^[A-Za-z]+://([^/]+)', 1), 'article:' || a.id) AS outlet,
           a.url
    FROM events e JOIN articles a ON a.id = e.article_id
),
keyed AS (
    SELECT *,
           CASE WHEN is_symmetric AND s0 > t0 THEN t0 ELSE s0 END AS scode,
           CASE WHEN is_symmetric AND s0 > t0 THEN s0 ELSE t0 END AS tcode,
           CASE WHEN d IS NULL THEN 'article:' || article_id
                ELSE 'bin:' || CAST(floor(datediff('day', DATE '1970-01-01', d) / ?) AS BIGINT) END AS dkey
    FROM base
),
clustered AS (
    SELECT *, substr(md5(category || '|' || CAST(negated AS VARCHAR) || '|' || scode || '|' || tcode || '|'
                         || dkey), 1, 16) AS cluster_id
    FROM keyed
)
"""


def rebuild_aggregates(con: Any, window_days: int = 1) -> int:
    """Recompute ``aggregates`` and ``aggregate_members`` in one transaction; returns the count."""
    if window_days < 1:
        raise ValueError("window_days must be at least 1")
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM aggregate_members")
        con.execute("DELETE FROM aggregates")
        con.execute(_KEYED + """
            INSERT INTO aggregate_members (cluster_id, event_id, article_id)
            SELECT cluster_id, id, article_id FROM clustered""", [window_days])
        con.execute(_KEYED + """
            INSERT INTO aggregates
            SELECT cluster_id,
                   any_value(category), arg_min(cameo, gid), arg_min(quad_class, gid), arg_min(goldstein, gid),
                   any_value(scode), any_value(tcode), arg_min(source_country, gid),
                   arg_min(target_country, gid), any_value(negated), min(d), max(d_end),
                   CAST(sum(n_mentions) AS INTEGER), CAST(count(DISTINCT outlet) AS INTEGER),
                   CAST(count(DISTINCT article_id) AS INTEGER), CAST(count(*) AS INTEGER),
                   arg_min(id, gid), arg_min(article_id, gid), arg_min(url, gid), ?
            FROM clustered GROUP BY cluster_id""", [window_days, window_days])
        n = con.execute("SELECT count(*) FROM aggregates").fetchall()[0][0]
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return int(n)
