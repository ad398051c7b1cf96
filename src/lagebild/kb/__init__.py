"""The actor knowledge base: data files, loading, matching and resolution."""

from .load import load_kb
from .model import Entity, KnowledgeBase, Role

__all__ = ["Entity", "KnowledgeBase", "Role", "load_kb"]
