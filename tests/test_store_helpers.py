"""Helpers for the ingest, store, export and Dask tests (this module holds no tests).

``build_toy_pipeline`` is the real pipeline plus a small deterministic event stage (country names
in one sentence -> an event), so store and distributed tests get events without depending on the
real event coder. Worker processes import it as ``test_store_helpers:build_toy_pipeline``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import random
import re
from pathlib import Path

import pytest

from lagebild.config import Config, load_config
from lagebild.document import (
    ActorMention,
    ActorRef,
    Document,
    Event,
    EventDate,
    EventLocation,
    Evidence,
)
from lagebild.pipeline import Pipeline

TESTS_DIR = Path(__file__).resolve().parent
SHARED = (TESTS_DIR.parent / ".." / "shared").resolve()
GNAD = SHARED / "corpora" / "gnad-de.jsonl"
SEED = SHARED / "seed" / "article.txt"
GDELT_DIR = SHARED / "reference" / "gdelt"
TOY_FACTORY = "test_store_helpers:build_toy_pipeline"

COUNTRIES = {
    "Russland": ("RUS", "Russia"), "Österreich": ("AUT", "Austria"), "Deutschland": ("DEU", "Germany"),
    "USA": ("USA", "United States"), "China": ("CHN", "China"), "Ukraine": ("UKR", "Ukraine"),
    "Türkei": ("TUR", "Turkey"), "Frankreich": ("FRA", "France"), "Griechenland": ("GRC", "Greece"),
    "Italien": ("ITA", "Italy"), "EU": ("IGO:EU", "European Union"), "Nordkorea": ("PRK", "North Korea"),
    "Syrien": ("SYR", "Syria"), "Ungarn": ("HUN", "Hungary"), "Großbritannien": ("GBR", "United Kingdom"),
    "Israel": ("ISR", "Israel"), "Iran": ("IRN", "Iran"), "Südkorea": ("KOR", "South Korea"),
}
_COUNTRY_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, COUNTRIES), key=len, reverse=True)) + r")\b")
_RULES = (  # (pattern, category, cameo, symmetric)
    (re.compile(r"kritisier|verurteil", re.I), "ACCUSE", "111", False),
    (re.compile(r"Sanktion", re.I), "SANCTION", "163", False),
    (re.compile(r"Angriff|angegriffen|bombardier", re.I), "ASSAULT", "190", False),
    (re.compile(r"Abkommen|vereinbart|unterzeichn", re.I), "AGREE", "057", False),
)


def need_shared(path: Path = SHARED) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not present (../shared is absent in a fresh clone)")
    return path


class ToyEventStage:
    """Each sentence naming two or more countries yields one event between the first two."""

    name = "toy_events"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("events", "actors")

    def __call__(self, doc: Document) -> Document:
        events: list[Event] = []
        for sent in doc.sentences:
            text = doc.text[sent.start:sent.end]
            found: list[tuple[str, int, int]] = []
            for m in _COUNTRY_RE.finditer(text):
                s, e = sent.start + m.start(), sent.start + m.end()
                code, name = COUNTRIES[m.group(1)]
                doc.actors.append(ActorMention(m.group(1), s, e, f"country:{code}", name, "state", code, None,
                                               None, "kb"))
                if code not in [f[0] for f in found]:
                    found.append((code, s, e))
            if len(found) < 2:
                continue
            category, cameo, symmetric = "CONSULT", "040", True
            for pat, cat, code, sym in _RULES:
                if pat.search(text):
                    category, cameo, symmetric = cat, code, sym
                    break
            (c1, s1, e1), (c2, s2, e2) = found[0], found[1]
            date = EventDate(doc.published, doc.published, "day", None) if doc.published else EventDate()
            events.append(Event(
                id=f"t{len(events) + 1}", category=category, cameo=cameo, symmetric=symmetric,
                evidence=Evidence(text, sent.start, sent.end, None),
                source=ActorRef(doc.text[s1:e1], s1, e1, f"country:{c1}", None, c1, None, "state"),
                target=ActorRef(doc.text[s2:e2], s2, e2, f"country:{c2}", None, c2, None, "state"),
                date=date, confidence=0.6))
        doc.events = events
        return doc


TOY_STAGES = ("structure", "tokenize", "sentences")


def build_toy_pipeline(config: Config) -> Pipeline:
    """A fixed, fast pipeline: the core text stages plus the toy event stage (independent of the
    stages other components add to the default configuration)."""
    nlp = Pipeline.from_config(dataclasses.replace(config, stages=TOY_STAGES))
    nlp.add_stage(ToyEventStage())
    return nlp


@functools.lru_cache(maxsize=1)
def _text_pipeline() -> Pipeline:
    return Pipeline.from_config(load_config(overrides={"stages": list(TOY_STAGES)}))


_WORDS = (
    "Regierung Minister Gespräche Woche Montag Dienstag Mittwoch Donnerstag Freitag Treffen Grenze Handel "
    "Vertrag Zölle Energie Gas Öl Strom Flüchtlinge Hilfe Armee Soldaten Truppen Parlament Wahl Opposition "
    "Präsident Kanzlerin Botschafter Delegation Hauptstadt Region Wirtschaft Finanzen Banken Kredit Schulden "
    "Reform Gesetz Gericht Urteil Polizei Sicherheit Konferenz Gipfel Erklärung Forderung Sanktionen Embargo "
    "Exporte Importe Waffen Raketen Manöver Übung Hafen Flughafen Bahn Straße Brücke Bau Investition Projekt "
    "Studie Bericht Zeitung Agentur Sprecher Quellen Beobachter Experten Analysten Kritik Lob Zustimmung "
    "Ablehnung Streit Einigung Kompromiss Verhandlungen Runde Termin Besuch Reise Flug Empfang Abendessen "
    "Presse Fernsehen Radio Internet Daten Netz Angriff Schutz Abwehr Kontrolle Aufsicht Behörde Amt Stadt "
    "Land Dorf Küste Insel Berg Fluss See Winter Sommer Herbst Frühling Jahr Monat Tag Nacht Morgen Abend "
    "neue alte große kleine wichtige schwierige lange kurze offene geheime gemeinsame getrennte erste letzte"
).split()
_VERBS = ("trafen sich zu Gesprächen über", "kritisierte die Haltung zu", "vereinbarten ein Abkommen über",
          "sprachen am Rande der Konferenz über", "berieten über")


def synthetic_records(n: int, seed: int = 7) -> list[dict[str, object]]:
    """German-like articles written for the tests (random sentences naming two countries each),
    distinct enough never to be near duplicates of each other."""
    rng = random.Random(seed)
    names = sorted(COUNTRIES)
    out: list[dict[str, object]] = []
    for i in range(n):
        sents = []
        for _ in range(rng.randint(4, 8)):
            a, b = rng.sample(names, 2)
            filler = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 16)))
            sents.append(f"{a} und {b} {rng.choice(_VERBS)} {filler}.")
        title = " ".join(rng.choice(_WORDS) for _ in range(5)).capitalize()
        out.append({"id": f"syn-{i}", "text": title + "\n" + " ".join(sents), "language": "de"})
    return out


def corpus_file(n: int, out: Path) -> Path:
    """The first ``n`` articles of ../shared's gnad-de.jsonl, or, without ../shared, ``n`` synthetic ones."""
    if GNAD.exists():
        return first_lines(GNAD, n, out)
    return write_jsonl(out, synthetic_records(n))


def first_lines(path: Path, n: int, out: Path) -> Path:
    with path.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    return out


SEED_LIKE = (
    "Annäherung zweier Atommächte\n"
    "Putin nimmt Einladung nach Nordkorea an\n"
    "Das enge Verhältnis zwischen Russland und Nordkorea sorgt international für Beunruhigung.\n"
    "Russlands Präsident Wladimir Putin hat am Sonntag eine Einladung des nordkoreanischen Machthabers "
    "Kim Jong-un laut der staatlichen Nachrichtenagentur KCNA dankend angenommen.\n"
    "Putin und Kim Jong-un trafen sich zuletzt im September 2023 im ostrussischen Weltraumbahnhof "
    "Wostotschny.\n"
)


def _span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    i = text.index(needle, after)
    return i, i + len(needle)


def _sentence(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    start = max(text.rfind("\n", 0, i), text.rfind(". ", 0, i) + 1) + 1
    end = text.find("\n", i)
    return start, (end if end >= 0 else len(text))


def seed_document(text: str | None = None, *, id: str = "seed", published: str = "2024-01-22",
                  url: str | None = "https://example.org/seed") -> Document:
    """The seed (or a seed-like text) analysed by the real pipeline, with events written by hand."""
    text = text if text is not None else (SEED.read_text(encoding="utf-8") if SEED.exists() else SEED_LIKE)
    doc = _text_pipeline().analyze(text, id=id, published=published)
    doc.url = url
    ps, pe = _span(text, "Wladimir Putin")
    ks, ke = _span(text, "Kim Jong-un", ps)
    putin = ActorRef(text[ps:pe], ps, pe, "Q7747", "Vladimir Putin", "RUS", "GOV", "person")
    kim = ActorRef(text[ks:ke], ks, ke, "Q56226", "Kim Jong-un", "PRK", "GOV", "person")
    kcna_s, kcna_e = _span(text, "KCNA")
    kcna = ActorRef("KCNA", kcna_s, kcna_e, "Q707445", "Korean Central News Agency", "PRK", "JRN", "organisation")
    es, ee = _sentence(text, "dankend angenommen")
    ts, te = _span(text, "angenommen", es)
    hs, he = _span(text, "Putin nimmt Einladung nach Nordkorea an")
    agree = Event(
        id="e1", category="AGREE", cameo="036", quad_class=1, goldstein=4.0, context=["diplomatic"],
        evidence=Evidence(text[es:ee], es, ee, "angenommen", ts, te), source=putin, target=kim,
        certainty="reported", attributed_to=kcna,
        date=EventDate(dt.date(2024, 1, 21), dt.date(2024, 1, 21), "day", "am Sonntag"),
        confidence=0.8, mentions=[Evidence(text[hs:he], hs, he, "nimmt an")])
    ms, me = _sentence(text, "trafen sich zuletzt")
    ws, we = _span(text, "Wostotschny", ms)
    meet = Event(
        id="e2", category="CONSULT", mode="visit", cameo="042", quad_class=1, goldstein=1.9,
        evidence=Evidence(text[ms:me], ms, me, "trafen sich"), source=putin, target=kim, symmetric=True,
        date=EventDate(dt.date(2023, 9, 1), dt.date(2023, 9, 30), "month", "im September 2023"),
        location=EventLocation("Vostochny Cosmodrome", "RUS", 51.88, 128.33, text[ws:we], ws, we),
        confidence=0.7)
    doc.actors = [ActorMention(putin.text, ps, pe, "Q7747", "Vladimir Putin", "person", "RUS", "GOV",
                               "President of Russia"),
                  ActorMention(kim.text, ks, ke, "Q56226", "Kim Jong-un", "person", "PRK", "GOV",
                               "Supreme Leader of North Korea")]
    doc.events = [agree, meet]
    return doc


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path
