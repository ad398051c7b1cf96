"""The REST API's routers (JSON under /api)."""
