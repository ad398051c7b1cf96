"""Event ontologies: PLOVER categories, modes and contexts; CAMEO codes, Goldstein, quad class."""

from .tables import CameoCode, Ontology, load_ontology

__all__ = ["CameoCode", "Ontology", "load_ontology"]
