"""Event coding: clauses, triggers, arguments, framing (negation, certainty, attribution),
dates and places, and the in-document merge of repeated events."""
