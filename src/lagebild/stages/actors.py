"""Actor recognition and resolution against the knowledge base, on the article's date.

Matches of KB forms are composed into actors:
  state + role + name     "Russlands Präsident Wladimir Putin", "die nordkoreanische Außenministerin Choe Son-hui"
  compound modifier       "ein Kreml-Sprecher", "US-Präsident Biden"
  role + genitive chain   "Der Sprecher des Nationalen Sicherheitsrats des Weißen Hauses …, John Kirby"
                          "Analysten der US-Denkfabrik CSIS"
  role without a name     resolved to the holder on the date ("der russische Präsident" 2010 = Medvedev)
  role + unknown name     a person the KB does not know gets the state of the role
  short forms             "Kim" after "Kim Jong-un" (within the article)
A capital after a locative preposition ("in Moskau") is a place, not a government.
"""

from __future__ import annotations

import re

import simplemma

from ..config import Config
from ..document import ActorMention, Document
from ..kb.matcher import Match, Matcher
from ..kb.model import Entity, Form, KnowledgeBase, canonical_role
from ..resources import Resources

LOCATIVE = re.compile(r"(?:\b(?:in|nach|aus|im|bei|vor|über|durch|from|in|to|at|near)\s+)$", re.I)
_GAP_ADJ = re.compile(r"^\s+(?:[a-zäöüß][\w-]*\s+)?$")  # one optional lower-case word (adjective)
_GAP_SPACE = re.compile(r"^[\s,]*$")
_GEN_DE = re.compile(r"^\s+(?:des|der|von|vom)\s+(?:(?:[A-ZÄÖÜ][\w-]*|[a-zäöü][\w-]*(?:en|er|es))\s+){0,3}$")
_GEN_EN = re.compile(r"^\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}$")
_LOC_TAIL = re.compile(r"^\s+(?:in|aus)\s+(?:den|der|dem)?\s*$")
_NAME_TOKEN = re.compile(r"[A-ZÄÖÜ][a-zäöüßéèáíóúñç']+(?:-[A-Za-zäöü][a-zäöüß']*)?")
_AGE = re.compile(r"^\s*\(\d{1,3}\)")
_STOP_NAMES = frozenset({"Der", "Die", "Das", "Ein", "Eine", "The", "Am", "Im", "In", "Auch", "Nach", "Laut"})


class ActorsStage:
    name = "actors"
    requires = ("tokens", "sentences")
    assigns = ("actors",)

    def __init__(self, kb: KnowledgeBase, matcher: Matcher) -> None:
        self.kb = kb
        self.matcher = matcher

    def __call__(self, doc: Document) -> Document:
        lang = doc.language or "de"
        text = doc.text
        matches = self.matcher.find(text, lang)
        actors: list[ActorMention] = []
        i = 0
        while i < len(matches):
            m = matches[i]
            used, mention = self._compose(doc, matches, i, lang)
            if mention is not None:
                actors.append(mention)
            i += max(used, 1)
            del m
        actors = [a for a in actors if a.end > a.start]
        actors.extend(_context_people(doc.text, actors, lang))
        actors.extend(self._short_forms(doc, actors))
        actors.sort(key=lambda a: a.start)
        _definite_agents(doc.text, actors)
        doc.actors = actors
        return doc

    # ---- composition -------------------------------------------------------------------
    def _compose(self, doc: Document, ms: list[Match], i: int, lang: str) -> tuple[int, ActorMention | None]:
        text = doc.text
        m = ms[i]
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        state_form = m.first("country", "adjective", "prefix", "seat", "capital", "organisation")
        # [state] + agent
        if state_form and m.first("agent") is None and nxt is not None and nxt.first("agent"):
            gap = text[m.end:nxt.start]
            if (m.modifier and gap == "-") or (not m.modifier and _GAP_ADJ.match(gap) and
                                               state_form.kind in ("country", "adjective", "seat", "organisation")):
                if state_form.kind != "country" or _genitive_like(text[m.start:m.end], lang):
                    used, mention = self._agent(doc, ms, i + 1, lang, state_form, m.start)
                    return used + 1, mention
        if m.first("agent") and not m.first("person", "organisation", "country"):
            return self._agent(doc, ms, i, lang, None, m.start)
        form = m.first("person", "organisation", "country", "seat", "capital", "adjective", "demonym", "prefix")
        if form is None:
            return 1, None
        if form.kind == "capital" and LOCATIVE.search(text[max(0, m.start - 12):m.start]):
            return 1, None
        mention = self._simple(doc, m, form)
        if m.modifier:
            # "NATO-Mitglied", "US-Drohnenangriff": the first part of a compound names a participant
            # only loosely; the event coder uses it as a genitive, never as subject or object
            head = re.match(r"-([\w-]+)", doc.text[m.end:m.end + 40])
            if head and head.group(1).split("-")[-1] in _NON_PARTICIPANT_HEADS:
                return 1, None
            mention.method = "modifier"
        return 1, mention

    def _simple(self, doc: Document, m: Match, form: Form) -> ActorMention:
        span = doc.text[m.start:m.end]
        if form.kind == "person" and form.entity_id:
            return self._person(doc, self.kb.entities[form.entity_id], span, m.start, m.end, "kb")
        if form.kind == "organisation" and form.entity_id:
            ent = self.kb.entities[form.entity_id]
            return ActorMention(span, m.start, m.end, ent.id, ent.name, ent.type, ent.country, ent.sector,
                                ent.kind, "kb")
        ent_id = form.entity_id
        name = self.kb.country_name(form.code)
        sector = form.sector if form.kind in ("seat", "capital", "demonym") else None
        conf = 0.6 if form.kind in ("adjective", "demonym") else 1.0
        atype = "group" if form.kind == "demonym" else "state"
        return ActorMention(span, m.start, m.end, ent_id, name, atype, form.code, sector, None, "kb",
                            confidence=conf)

    def _agent(self, doc: Document, ms: list[Match], j: int, lang: str, state: Form | None,
               start: int) -> tuple[int, ActorMention | None]:
        """An agent match at ms[j], optionally preceded by a state form; returns (#matches used, actor)."""
        text = doc.text
        ag = ms[j].first("agent")
        assert ag is not None
        role = canonical_role(ag.role or "")
        sector = ag.sector
        country = state.code if state else None
        if state is not None and state.kind == "organisation" and state.entity_id:
            org = self.kb.entities[state.entity_id]
            country = org.country
        end = ms[j].end
        used = 1
        k = j + 1
        gen = _GEN_DE if lang == "de" else _GEN_EN
        # apposition: "die staatliche Nachrichtenagentur KCNA" -> the organisation itself
        if k < len(ms) and ms[k].first("organisation") and text[end:ms[k].start] == " " and state is None:
            of = ms[k].first("organisation")
            assert of is not None and of.entity_id
            org = self.kb.entities[of.entity_id]
            return used + 1, ActorMention(text[start:ms[k].end], start, ms[k].end, org.id, org.name, org.type,
                                          org.country, org.sector, org.kind, "kb")
        # genitive chain: "des Nationalen Sicherheitsrats des Weißen Hauses", "der US-Denkfabrik CSIS"
        while k < len(ms) and gen.match(text[end:ms[k].start]):
            f = ms[k].first("organisation", "seat", "country", "capital", "prefix", "person", "adjective")
            if f is None:
                break
            if f.kind == "adjective":
                # "der Unterhändler der kolumbianischen Regierung"
                if k + 1 < len(ms) and ms[k + 1].first("agent") and _GAP_ADJ.match(text[ms[k].end:ms[k + 1].start]):
                    country = country or f.code
                    end = ms[k + 1].end
                    used += 2
                    k += 2
                    continue
                break
            if f.kind == "person":
                # "der Regierung von Präsidentin Park": the state of the person named
                if f.entity_id and country is None:
                    p_ent = self.kb.entities[f.entity_id]
                    r = p_ent.role_on(doc.published) or p_ent.latest_role()
                    country = r.country if r else p_ent.country
                break
            if ms[k].modifier and k + 1 < len(ms) and ms[k + 1].start == ms[k].end + 1 and ms[k + 1].first("agent"):
                # "der US-Denkfabrik (CSIS)": the modifier names the state, the compound head is a role
                country = country or f.code
                end = ms[k + 1].end
                used += 2
                k += 2
                if k < len(ms) and ms[k].first("organisation") and text[end:ms[k].start] == " ":
                    of = ms[k].first("organisation")
                    assert of is not None and of.entity_id
                    org = self.kb.entities[of.entity_id]
                    country = org.country or country
                    if role in ("analysts", "experts") and org.sector:
                        sector = org.sector
                    end = ms[k].end
                    used += 1
                    k += 1
                continue
            if f.kind == "organisation" and f.entity_id:
                org = self.kb.entities[f.entity_id]
                country = country or org.country
                if role in ("analysts", "experts") and org.sector:
                    sector = org.sector
            else:
                country = country or f.code
            end = ms[k].end
            used += 1
            k += 1
            # "… des Weißen Hauses in den USA"
            if k < len(ms) and _LOC_TAIL.match(text[end:ms[k].start]) and ms[k].first("country"):
                end = ms[k].end
                used += 1
                k += 1
        # "das Außenministerium in Moskau", "die Regierung in Kiew"
        if country is None and role in _SEATED_ROLES and k < len(ms) and _IN_PLACE.match(text[end:ms[k].start]) and \
                ms[k].first("capital", "country") and not ms[k].modifier:
            cf = ms[k].first("capital", "country")
            assert cf is not None
            country = cf.code
            end = ms[k].end
            used += 1
            k += 1
        # a following name: KB person, or unknown capitalised name tokens
        if k < len(ms) and ms[k].first("person") and _GAP_SPACE.match(text[end:ms[k].start]) \
                and ms[k].start - end <= 2:
            pf = ms[k].first("person")
            assert pf is not None and pf.entity_id
            person = self.kb.entities[pf.entity_id]
            name_end = ms[k].end
            mention = self._person(doc, person, text[start:name_end], start, name_end, "kb",
                                   fallback_role=role, fallback_country=country)
            return used + 1, mention
        unknown = _unknown_name(text, end) if ag.number == "sg" else None
        if unknown is not None:
            u0, u1 = unknown
            name = text[u0:u1]
            return used, ActorMention(text[start:u1], start, u1, f"new:{_slug(name)}", name, "person", country,
                                      sector, role, "context", confidence=0.7)
        if ag.number == "sg" and country and role:
            holder = self.kb.role_holder(role, country, doc.published)
            if holder is not None:
                m = self._person(doc, holder, text[start:end], start, end, "role", fallback_country=country)
                m.confidence = 0.8
                return used, m
        atype = "group" if ag.agent_type == "group" else "agent"
        return used, ActorMention(text[start:end], start, end, None, None, atype, country, sector, role, "role",
                                  ag.number, confidence=0.7 if country else 0.4)

    def _person(self, doc: Document, person: Entity, span: str, start: int, end: int, method: str,
                fallback_role: str | None = None, fallback_country: str | None = None) -> ActorMention:
        r = person.role_on(doc.published, prefer=fallback_country)
        if r is not None:
            return ActorMention(span, start, end, person.id, person.name, "person", r.country, r.sector,
                                r.role, method)
        latest = person.latest_role()
        country = fallback_country or (latest.country if latest else person.country)
        sector = latest.sector if latest else person.sector
        if latest and latest.end and doc.published and latest.end < doc.published:
            sector = "ELI"
        return ActorMention(span, start, end, person.id, person.name, "person", country, sector,
                            fallback_role or (latest.role if latest else None), method, confidence=0.8)

    # ---- within-article short forms ----------------------------------------------------
    def _short_forms(self, doc: Document, actors: list[ActorMention]) -> list[ActorMention]:
        parts: dict[str, ActorMention] = {}
        for a in actors:
            if a.type != "person" or not a.name:
                continue
            names = set(a.text.split()) | set((a.name or "").split())
            for p in names:
                p = p.strip(",.()")
                if len(p) >= 3 and p[0].isupper() and p not in _STOP_NAMES:
                    parts.setdefault(p, a)
        if not parts:
            return []
        covered = [(a.start, a.end) for a in actors]
        out = []
        for t in doc.tokens:
            ref = parts.get(t.text)
            if ref is None or t.start < ref.start:
                continue
            if any(s <= t.start < e for s, e in covered):
                continue
            out.append(ActorMention(t.text, t.start, t.end, ref.actor_id, ref.name, ref.type, ref.country,
                                    ref.sector, ref.role, "coref", confidence=0.8))
        return out


# roles located by their seat: "das Außenministerium in Moskau", "der Botschafter in Wien" (not "Truppen in Syrien")
_SEATED_ROLES = frozenset({"government", "officials", "parliament", "court", "leader"})
_IN_PLACE = re.compile(r"^\s+(?:in|aus|of|in)\s+$")
# roles of institutions (anaphora resolve to a state) versus roles of people (to a person)
_INSTITUTION_ROLES = frozenset({"government", "military", "leader", "police", "parliament", "army", "troops",
                                "soldiers", "security forces", "navy", "air force", "intelligence", "court",
                                "officials"})
# compound heads after a state or organisation that never make it a participant ("US-Dollar")
_NON_PARTICIPANT_HEADS = frozenset({"Dollar", "Cent", "Pfund", "Euro", "Rubel", "Franken", "Yuan", "Won"})
_ARMED_ROLES = frozenset({"rebels", "militants", "terrorists"})
_DEFINITE = re.compile(r"\b(?:der|die|das|des|dem|den|the)\s+(?:[a-zäöüß][\w-]*\s+){0,2}$", re.I)


def _definite_agents(text: str, actors: list[ActorMention]) -> None:
    """'der Diplomat', 'der Minister' without a state: the person last mentioned in that role."""
    last_person: ActorMention | None = None
    by_role: dict[str, ActorMention] = {}
    last_state: ActorMention | None = None
    last_armed: ActorMention | None = None
    for a in actors:
        if a.country and a.country.startswith("NSA:"):
            last_armed = a
        if a.type == "person" and a.country:
            last_person = a
            if a.role:
                by_role[a.role] = a
            continue
        if a.role in _ARMED_ROLES and a.country is None and last_armed is not None:
            # "die Rebellen" after "die Huthi-Rebellen"
            a.actor_id, a.name, a.country, a.sector = last_armed.actor_id, last_armed.name, last_armed.country, "REB"
            a.method, a.confidence = "coref", 0.6
            continue
        if a.type == "state" and a.country and a.confidence >= 0.8:
            last_state = a
            continue
        if a.country is not None or not _DEFINITE.search(text[max(0, a.start - 30):a.start]):
            continue
        if re.search(r"\b(?:beiden|beide|both|two)\s+$", text[max(0, a.start - 12):a.start], re.I):
            continue  # "die beiden Präsidenten": a group, not the last person
        if a.role in _INSTITUTION_ROLES and last_state is not None and a.start - last_state.end < 600:
            # "das Militär des international isolierten Landes", "das kommunistische Regime"
            a.country, a.method, a.confidence = last_state.country, "coref", 0.6
            continue
        if a.type == "agent" and a.number == "sg" and last_person is not None:
            # "der Botschafter": the last person named in that role, else the last person named
            ref = by_role.get(a.role or "", last_person)
            a.actor_id, a.name, a.country = ref.actor_id, ref.name, ref.country
            a.type, a.sector, a.method, a.confidence = "person", ref.sector, "coref", 0.6


# people the KB does not know, found from context: "Grzegorz Schetyna (58)", "sagte Igor Konaschenkow"
_NAME = r"[A-ZÄÖÜ][a-zäöüßéèáíóúñçćčšž'-]+(?:\s+(?:von|van|de|al|el|bin)\s+)?(?:\s+[A-ZÄÖÜ][a-zäöüßéèáíóúñçćčšž'-]+){1,2}"
_AGE_NAME = re.compile(rf"\b({_NAME})\s+\(\d{{1,3}}\)")
_SAID_NAME = re.compile(rf"\b(?:sagte|erklärte|betonte|sagt|erklärt|teilte|said|says|told)\s+({_NAME})\b")


def _context_people(text: str, actors: list[ActorMention], lang: str) -> list[ActorMention]:
    taken = [(a.start, a.end) for a in actors]
    out: list[ActorMention] = []
    for rx in (_AGE_NAME, _SAID_NAME):
        for m in rx.finditer(text):
            s, e = m.span(1)
            name = m.group(1)
            words = name.split()
            if any(s < te and ts < e for ts, te in taken) or any(w in _STOP_NAMES for w in words):
                continue
            if any(simplemma.is_known(w, lang=lang) and not w.endswith(("ow", "ski", "ić")) for w in words):
                continue  # ordinary nouns are no names ("sagte Regierungssprecher Müller" stays with its role)
            out.append(ActorMention(name, s, e, f"new:{_slug(name)}", name, "person", None, None, None,
                                    "context", confidence=0.5))
            taken.append((s, e))
    return out


def _genitive_like(span: str, lang: str) -> bool:
    """'Russlands Präsident' composes; 'Russland Präsident' (no genitive) does not, in German."""
    return lang != "de" or span.endswith("s") or span.isupper()


def _unknown_name(text: str, pos: int) -> tuple[int, int] | None:
    """Two or three capitalised unknown words right after a role: a person's name."""
    m = re.match(r"\s+", text[pos:])
    if not m or "\n" in m.group(0):
        return None
    p = pos + m.end()
    words: list[tuple[int, int]] = []
    while len(words) < 3:
        w = _NAME_TOKEN.match(text, p)
        if not w:
            break
        word = w.group(0)
        if word in _STOP_NAMES or (simplemma.is_known(word, lang="de") and "-" not in word and len(words) == 0
                                   and simplemma.lemmatize(word, lang="de") != word):
            break
        words.append((w.start(), w.end()))
        sp = re.match(r" ", text[w.end():])
        if not sp:
            break
        p = w.end() + 1
    if len(words) < 2:
        return None
    return words[0][0], words[-1][1]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def make_actors(config: Config, res: Resources) -> ActorsStage:
    return ActorsStage(res.kb, res.matcher)
