"""The standalone HTML situation report: ``build_report(store)`` / ``write_report(db, out)``."""

from .report import ReportOptions, ReportSummary, build_report, write_report

__all__ = ["ReportOptions", "ReportSummary", "build_report", "write_report"]
