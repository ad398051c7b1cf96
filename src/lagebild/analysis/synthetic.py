"""A small synthetic, already analysed corpus for demos, tests and benchmarks.

The articles are invented (actor ids carry a ``syn:`` prefix). Over ``weeks`` weeks they tell:
steady Germany–France cooperation; steady Russia–Ukraine conflict with one escalation; US–China
relations turning conflictual; Russia–North Korea cooperation surging at the end; NATO warnings
towards Russia; US aid to Ukraine. Deterministic for a given ``seed``.

    >>> docs = synthetic_documents(weeks=20)
    >>> store.ingest_documents(docs)
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ..document import (
    ActorMention,
    Document,
    Event,
    EventDate,
    Evidence,
    Sentence,
    TimeExpr,
)


@dataclass(frozen=True)
class _Actor:
    actor_id: str
    name: str
    type: str
    country: str
    sector: str
    role: str | None
    text: str


ACTORS: Mapping[str, tuple[_Actor, ...]] = MappingProxyType({
    "RUS": (_Actor("syn:putin", "Vladimir Putin", "person", "RUS", "GOV", "head of state",
                   "Russian President Vladimir Putin"),
            _Actor("syn:lavrov", "Sergey Lavrov", "person", "RUS", "GOV", "foreign minister",
                   "Foreign Minister Sergey Lavrov"),
            _Actor("syn:rus", "Russia", "state", "RUS", "GOV", None, "Moscow")),
    "PRK": (_Actor("syn:kim", "Kim Jong-un", "person", "PRK", "GOV", "head of state", "Kim Jong-un"),
            _Actor("syn:prk", "North Korea", "state", "PRK", "GOV", None, "Pyongyang")),
    "USA": (_Actor("syn:biden", "Joe Biden", "person", "USA", "GOV", "head of state", "President Joe Biden"),
            _Actor("syn:blinken", "Antony Blinken", "person", "USA", "GOV", "foreign minister",
                   "Secretary of State Antony Blinken"),
            _Actor("syn:usa", "United States", "state", "USA", "GOV", None, "Washington")),
    "CHN": (_Actor("syn:xi", "Xi Jinping", "person", "CHN", "GOV", "head of state", "Xi Jinping"),
            _Actor("syn:chn", "China", "state", "CHN", "GOV", None, "Beijing")),
    "UKR": (_Actor("syn:zelensky", "Volodymyr Zelensky", "person", "UKR", "GOV", "head of state",
                   "Ukrainian President Volodymyr Zelensky"),
            _Actor("syn:ukr", "Ukraine", "state", "UKR", "GOV", None, "Kyiv")),
    "DEU": (_Actor("syn:scholz", "Olaf Scholz", "person", "DEU", "GOV", "head of government",
                   "Chancellor Olaf Scholz"),
            _Actor("syn:deu", "Germany", "state", "DEU", "GOV", None, "Berlin")),
    "FRA": (_Actor("syn:macron", "Emmanuel Macron", "person", "FRA", "GOV", "head of state",
                   "French President Emmanuel Macron"),
            _Actor("syn:fra", "France", "state", "FRA", "GOV", None, "Paris")),
    "IGO:NATO": (_Actor("syn:nato", "NATO", "organisation", "IGO:NATO", "GOV", None, "NATO"),),
})
MEDIA: Mapping[str, _Actor] = MappingProxyType({
    "PRK": _Actor("syn:kcna", "Korean Central News Agency", "organisation", "PRK", "JRN", None, "KCNA"),
    "RUS": _Actor("syn:tass", "TASS", "organisation", "RUS", "JRN", None, "TASS"),
    "CHN": _Actor("syn:xinhua", "Xinhua", "organisation", "CHN", "JRN", None, "Xinhua"),
})
SOURCES = ("Example Daily", "Lagebild Wire", "Morning Courier")

# category: (cameo, quad class, goldstein, sentence with {s} {t} {day}, trigger word)
TEMPLATES: Mapping[str, tuple[tuple[str, int, float, str, str], ...]] = MappingProxyType({
    "CONSULT": (("040", 1, 1.0, "{s} held talks with {t} on {day}.", "talks"),
                ("042", 1, 1.9, "{s} travelled to meet {t} on {day}.", "travelled"),),
    "AGREE": (("036", 1, 4.0, "{s} said on {day} it was ready to negotiate with {t}.", "negotiate"),),
    "SUPPORT": (("051", 1, 3.4, "{s} praised {t} on {day} for its support.", "praised"),
                ("057", 1, 8.0, "{s} signed a cooperation treaty with {t} on {day}.", "signed"),),
    "COOPERATE": (("061", 2, 6.4, "{s} expanded trade with {t} on {day}.", "expanded"),),
    "AID": (("070", 2, 7.0, "{s} delivered aid to {t} on {day}.", "delivered"),),
    "ACCUSE": (("112", 3, -2.0, "{s} accused {t} on {day} of violating the agreement.", "accused"),),
    "REJECT": (("120", 3, -4.0, "{s} rejected a proposal by {t} on {day}.", "rejected"),),
    "THREATEN": (("130", 3, -4.4, "{s} threatened {t} with consequences on {day}.", "threatened"),),
    "SANCTION": (("163", 4, -8.0, "{s} imposed new sanctions on {t} on {day}.", "sanctions"),),
    "MOBILIZE": (("152", 4, -7.2, "{s} raised the alert level of its forces facing {t} on {day}.",
                  "alert"),),
    "ASSAULT": (("190", 4, -10.0, "{s} attacked positions of {t} on {day}.", "attacked"),),
})
COOP = ("CONSULT", "AGREE", "SUPPORT", "COOPERATE")
CONFLICT = ("ACCUSE", "REJECT", "THREATEN", "SANCTION")


def _plan(week: int, weeks: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """(source country, target country, category) of the week's events."""
    ev: list[tuple[str, str, str]] = []

    def add(a: str, b: str, cats: tuple[str, ...], n: int) -> None:
        for _ in range(n):
            s, t = (a, b) if rng.random() < 0.6 else (b, a)
            ev.append((s, t, rng.choice(cats)))

    add("DEU", "FRA", COOP, 2)
    if week == weeks - 6:
        add("RUS", "UKR", ("ASSAULT",), 14)
    add("RUS", "UKR", ("ASSAULT", "ASSAULT", "ACCUSE", "THREATEN", "REJECT"), 2 + (week % 2))
    if week >= weeks - 6:
        add("USA", "CHN", ("SANCTION", "ACCUSE", "THREATEN", "REJECT"), 4)
    else:
        add("USA", "CHN", ("CONSULT", "COOPERATE", "CONSULT", "AGREE", "ACCUSE"), 2)
    if week >= weeks - 4:
        add("RUS", "PRK", ("AGREE", "COOPERATE", "CONSULT", "AID", "SUPPORT"), 7)
    elif rng.random() < 0.6:
        add("RUS", "PRK", ("CONSULT", "SUPPORT"), 1)
    if rng.random() < 0.5:
        ev.append(("IGO:NATO", "RUS", rng.choice(("ACCUSE", "MOBILIZE"))))
    ev.append(("USA", "UKR", "AID"))
    return ev


def _doc(doc_id: str, published: dt.date, items: list[tuple[str, str, str]], rng: random.Random,
         source: str) -> Document:
    parts: list[str] = []
    pos = 0
    actors: list[ActorMention] = []
    times: list[TimeExpr] = []
    events: list[Event] = []
    sentences: list[Sentence] = []
    for n, (sc, tc, cat) in enumerate(items):
        cameo, quad, gold, tmpl, trig = rng.choice(TEMPLATES[cat])
        s_act, t_act = rng.choice(ACTORS[sc]), rng.choice(ACTORS[tc])
        day = published - dt.timedelta(days=rng.choice((0, 0, 1)))
        day_text = day.strftime("%A")
        certainty, attr = "asserted", None
        prefix = ""
        media = MEDIA.get(sc) or MEDIA.get(tc)
        if media is not None and rng.random() < 0.3:
            prefix, certainty, attr = f"According to {media.text}, ", "reported", media
        elif rng.random() < 0.08:
            prefix, certainty = "Unconfirmed reports say that ", "alleged"
        s_text = s_act.text
        sent = prefix + tmpl.format(s="\x00S", t="\x00T", day="\x00D")
        # resolve the placeholders left to right, keeping offsets
        out = ""
        spans: dict[str, tuple[int, int]] = {}
        i = 0
        while i < len(sent):
            if sent[i] == "\x00":
                key, rep = sent[i + 1], {"S": s_text, "T": t_act.text, "D": day_text}[sent[i + 1]]
                spans[key] = (pos + len(out), pos + len(out) + len(rep))
                out += rep
                i += 2
            else:
                out += sent[i]
                i += 1
        start, end = pos, pos + len(out)
        sentences.append(Sentence(start, end, 0, 0))
        ss, se = spans["S"]
        ts, te = spans["T"]
        ds, de = spans["D"]
        s_ment = ActorMention(s_text, ss, se, s_act.actor_id, s_act.name, s_act.type, s_act.country,
                              s_act.sector, s_act.role)
        t_ment = ActorMention(t_act.text, ts, te, t_act.actor_id, t_act.name, t_act.type, t_act.country,
                              t_act.sector, t_act.role)
        actors += [s_ment, t_ment]
        attr_ref = None
        if attr is not None:
            a_start = start + len("According to ")
            a_ment = ActorMention(attr.text, a_start, a_start + len(attr.text), attr.actor_id, attr.name,
                                  attr.type, attr.country, attr.sector, attr.role)
            actors.append(a_ment)
            attr_ref = a_ment.ref()
        times.append(TimeExpr(day_text, ds, de, day, day, "day"))
        t_off = out.find(trig)
        trig_start = start + t_off if t_off >= 0 else None
        events.append(Event(
            id=f"{doc_id}:{n}", category=cat, cameo=cameo, quad_class=quad, goldstein=gold,
            evidence=Evidence(out, start, end, trig, trig_start,
                              trig_start + len(trig) if trig_start is not None else None),
            source=s_ment.ref(), target=t_ment.ref(), certainty=certainty, attributed_to=attr_ref,
            date=EventDate(day, day, "day", day_text), confidence=round(0.6 + 0.3 * rng.random(), 2)))
        parts.append(out)
        pos = end + 1
    # the reference keeps generated texts apart for the store's duplicate detection
    text = " ".join(parts) + f" (Ref. {doc_id}, {published.isoformat()}.)"
    first = items[0]
    title = f"{ACTORS[first[0]][0].name} and {ACTORS[first[1]][0].name}: {first[2].lower()}"
    return Document(text=text, id=doc_id, title=title, published=published, language="en",
                    url=f"https://news.example.org/{doc_id}", source=source, sentences=sentences,
                    actors=actors, times=times, events=events,
                    processed=["synthetic"])


def synthetic_documents(*, weeks: int = 20, start: dt.date = dt.date(2024, 1, 1), seed: int = 7,
                        per_article: int = 3, scale: int = 1) -> list[Document]:
    """Analysed documents over ``weeks`` weeks from the Monday on/before ``start``.

    ``scale`` repeats each week's plan (with fresh random choices) to make a larger corpus.
    """
    rng = random.Random(seed)
    monday = start - dt.timedelta(days=start.weekday())
    docs: list[Document] = []
    for w in range(weeks):
        for rep in range(scale):
            plan = _plan(w, weeks, rng)
            by_dyad: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
            for item in plan:
                by_dyad.setdefault(tuple(sorted(item[:2])), []).append(item)  # type: ignore[arg-type]
            for k, (pair, items) in enumerate(sorted(by_dyad.items())):
                for j in range(0, len(items), per_article):
                    pub = monday + dt.timedelta(days=7 * w + rng.randrange(1, 7))
                    doc_id = f"syn-w{w:02d}-r{rep}-{pair[0]}-{pair[1]}-{j // per_article}".replace(":", "_")
                    docs.append(_doc(doc_id, pub, items[j:j + per_article], rng, SOURCES[(w + k) % 3]))
    return docs


XSS_TITLE = "<script>alert(1)</script> Putin <img src=x onerror=alert(1)>"
XSS_TEXT = ("<script>alert(1)</script> Putin met Kim Jong-un <img src=x onerror=alert(1)> on Monday. "
            "Pyongyang welcomed the visit & called it \"historic\".")


def xss_document(published: dt.date = dt.date(2024, 3, 4)) -> Document:
    """An article whose title, text, source and url carry script injections (for escaping tests)."""
    text = XSS_TEXT
    s_start = text.index("Putin")
    t_start = text.index("Kim Jong-un")
    d_start = text.index("Monday")
    first_end = text.index(".") + 1
    putin = ActorMention("Putin", s_start, s_start + 5, "syn:putin", "Vladimir Putin", "person", "RUS",
                         "GOV", "head of state")
    kim = ActorMention("Kim Jong-un", t_start, t_start + 11, "syn:kim", "Kim Jong-un", "person", "PRK",
                       "GOV", "head of state")
    ev = Event(id="xss:0", category="CONSULT", cameo="040", quad_class=1, goldstein=1.0,
               evidence=Evidence(text[:first_end], 0, first_end, "met", text.index("met"),
                                 text.index("met") + 3),
               source=putin.ref(), target=kim.ref(), certainty="asserted",
               date=EventDate(published, published, "day", "Monday"), confidence=0.9)
    return Document(text=text, id="xss", title=XSS_TITLE, published=published, language="en",
                    url="javascript:alert(1)", source="<script>alert('src')</script>",
                    sentences=[Sentence(0, first_end, 0, 0), Sentence(first_end + 1, len(text), 0, 0)],
                    actors=[putin, kim], times=[TimeExpr("Monday", d_start, d_start + 6, published,
                                                         published, "day")],
                    events=[ev], processed=["synthetic"])


def build_store(path: str, *, weeks: int = 20, seed: int = 7, scale: int = 1, xss: bool = True,
                start: dt.date = dt.date(2024, 1, 1)) -> int:
    """Write the synthetic corpus (and the script-injection article) into a store; returns its events."""
    from ..store import EventStore

    docs = synthetic_documents(weeks=weeks, seed=seed, scale=scale, start=start)
    if xss:
        docs.append(xss_document())
    with EventStore(path) as st:
        res = st.ingest_documents(docs)
        st.refresh_aggregates()
    return res.events
