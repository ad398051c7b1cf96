"""Analyses over stored events: dyad time series, the actor network, shift alerts.

All are pure functions over :class:`EventPoint` sequences (``load_points(store)`` reads them),
returning frozen dataclasses with ``to_dict()``.
"""

from .alerts import Alert, AlertOptions, AlertReport, AlertSignal, detect_alerts
from .base import AnalysisOptions, EventPoint, load_points, point_from_event
from .dyads import DyadSeries, DyadSummary, SeriesPoint, dyad_series, top_dyads
from .network import ActorNetwork, NetworkEdge, NetworkNode, build_network

__all__ = ["ActorNetwork", "Alert", "AlertOptions", "AlertReport", "AlertSignal", "AnalysisOptions",
           "DyadSeries", "DyadSummary", "EventPoint", "NetworkEdge", "NetworkNode", "SeriesPoint",
           "build_network", "detect_alerts", "dyad_series", "load_points", "point_from_event", "top_dyads"]
