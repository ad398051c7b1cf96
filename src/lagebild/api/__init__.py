"""The REST API (FastAPI) and the dashboard it serves: ``create_app(db_path, ...)``."""

from .app import create_app

__all__ = ["create_app"]
