"""The event coder: for each clause, trigger -> arguments -> framing -> date and place."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from ..document import (
    ActorMention,
    ActorRef,
    Document,
    Event,
    EventDate,
    EventLocation,
    Evidence,
    PlaceMention,
    Sentence,
    TimeExpr,
    Token,
)
from ..lexicon.load import LangLexicon
from ..ontology.tables import Ontology
from .arguments import Arg, clause_args, is_passive
from .clauses import Clause, split_clauses
from .triggers import Hit, find_triggers
from .words import WordLists

# categories whose events are coded without a recipient ("Demonstranten protestierten")
_NO_RECIPIENT_OK = frozenset({"PROTEST", "MOBILIZE", "RETREAT"})
# events whose sub/infinitive clause states what is alleged or denied, not a further event
_CONTENT_CATEGORIES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN"})
_SOURCE_PREPS_DEFAULT = ("von", "by", "from")
_TARGET_PREPS_DEFAULT = ("gegen", "nach", "mit", "an", "zu", "against", "with", "to", "on", "at")
_NON_ARG_PREPS = frozenset({"laut", "zufolge", "according", "citing", "in", "im", "bei", "während", "seit",
                            "für", "über", "unter", "trotz", "wegen", "durch", "during", "since", "for",
                            "over", "under", "despite", "of", "auf", "vor", "zwischen", "between", "about"})


@dataclass
class Frame:
    """How a governing clause frames what follows (reported, assessed, planned) and by whom."""

    certainty: str | None = None
    attributed: ActorMention | None = None
    subject: ActorMention | None = None


@dataclass
class SentenceState:
    frame: Frame = field(default_factory=Frame)
    last_subject: ActorMention | None = None
    date: TimeExpr | None = None
    events: list[Event] = field(default_factory=list)


class EventCoder:
    def __init__(self, lexicon: LangLexicon, ontology: Ontology, words: WordLists, *,
                 one_sided: bool = False, intent: dict[str, tuple[str, str]] | None = None) -> None:
        self.intent = intent if intent is not None else load_intent_table()
        # one-sided events (a named source, no recipient in the text): reliable in SVO English,
        # not in German, where a single actor may as well be the object (measured on the dev gold)
        self.one_sided = one_sided
        self._done: list[Event] = []
        self.lex = lexicon
        self.ont = ontology
        self.words = words

    # ---- document level ----------------------------------------------------------------
    def code(self, doc: Document) -> list[Event]:
        events: list[Event] = []
        self._done = events
        prev_frame = Frame()
        prev_date: TimeExpr | None = None
        prev_section = -2
        for sent in doc.sentences:
            if sent.section != prev_section:
                prev_date = None if not _same_block(doc, prev_section, sent.section) else prev_date
                prev_section = sent.section
            st = SentenceState()
            continues = self._continues_report(doc, sent)
            if continues and prev_frame.attributed is not None:
                st.frame = Frame(prev_frame.certainty, prev_frame.attributed, None)
            own_time = self._sentence_time(doc, sent)
            st.date = own_time if own_time is not None else prev_date
            self._code_sentence(doc, sent, st)
            events.extend(st.events)
            if st.frame.attributed is not None:
                prev_frame = st.frame
            elif not continues:
                prev_frame = Frame()
            if own_time is not None and own_time.start_date is not None:
                prev_date = own_time
        return events

    def _continues_report(self, doc: Document, sent: Sentence) -> bool:
        cues = self.words.kinds.get("konjunktiv", frozenset()) | self.words.kinds.get("continuation", frozenset())
        return any(t.text.lower() in cues for t in doc.tokens[sent.token_start:sent.token_end])

    def _sentence_time(self, doc: Document, sent: Sentence) -> TimeExpr | None:
        """The first resolved time expression of the sentence."""
        for t in doc.times:
            if sent.start <= t.start < sent.end and t.start_date is not None:
                return t
        return None

    # ---- sentence level ----------------------------------------------------------------
    def _code_sentence(self, doc: Document, sent: Sentence, st: SentenceState) -> None:
        toks = doc.tokens
        clauses = split_clauses(doc, sent, self.words)
        sent_actors = [m for m in doc.actors if sent.start <= m.start < sent.end]
        main_subject: ActorMention | None = None
        governing = Frame(st.frame.certainty, st.frame.attributed)
        prev_clause_events: list[Event] = []
        for ci, cl in enumerate(clauses):
            args = clause_args(doc, cl.a, cl.b, sent_actors)
            # attribution inside the clause: "laut KCNA", "KCNA zufolge"
            attrib = next((x.mention for x in args if x.prep in ("laut", "zufolge", "according")), None)
            hits = find_triggers(toks, cl.a, cl.b, self.lex)
            governs = self._governing_frame(doc, cl, args)
            demand = self._reported_demand(doc, sent, cl, args, governing)
            if demand is not None:
                st.events.append(demand)
                prev_clause_events = [demand]
                continue
            if not hits:
                clone = self._ellipsis(doc, cl, args, prev_clause_events)
                if clone is not None:
                    st.events.append(clone)
                if governs is not None:
                    governing = governs
                subj = _subject(args)
                if subj is not None and cl.kind == "main":
                    main_subject = subj
                continue
            if prev_clause_events and prev_clause_events[-1].target is None and \
                    prev_clause_events[-1].category in ("THREATEN", "REQUEST"):
                # "drohte mit der härtesten Reaktion, sollten kurdische Kämpfer der YPG …": the threat
                # is directed at the actor of its condition or content
                first = next((x.mention for x in args if x.mention.country and x.prep is None), None)
                ev0 = prev_clause_events[-1]
                if first is not None and ev0.source is not None and first.country != ev0.source.country:
                    ev0.target = first.ref()
            clause_events: list[Event] = []
            if cl.kind in ("sub", "inf") and any(e.category in _CONTENT_CATEGORIES for e in prev_clause_events):
                # "warf Warschau vor, die Kontakte einzufrieren": the content of an accusation or
                # denial is not itself an event
                continue
            if self.words.has("conditional_v1", toks[cl.a].text.lower()) and prev_clause_events:
                continue  # "…, sollten sie sich nicht zurückziehen": the condition of a threat
            if hits[0].rank == 3:
                hits = hits[:1]
            for hit in hits[:2]:
                ev = self._event(doc, sent, cl, hit, args, attrib, governing, main_subject, st, ci)
                if ev is not None:
                    clause_events.append(ev)
            if governs is not None:
                governing = governs
            subj = _subject(args)
            if subj is not None and cl.kind == "main":
                main_subject = subj
            elif clause_events and clause_events[0].source is not None and cl.kind == "main":
                main_subject = _mention_for(sent_actors, clause_events[0].source)
            st.events.extend(clause_events)
            prev_clause_events = clause_events or prev_clause_events
        if governing.attributed is not None:
            st.frame = governing

    def _governing_frame(self, doc: Document, cl: Clause, args: list[Arg]) -> Frame | None:
        """A main clause with a reporting, assessing or planning verb frames the clauses after it."""
        toks = doc.tokens
        kind = None
        for i in range(cl.a, cl.b):
            lem = toks[i].lemma.lower()
            if self.words.has("govern_assessed", lem):
                kind = "assessed"
            elif self.words.has("govern_planned", lem) and kind is None:
                kind = "planned"
            elif self.words.has("govern_reported", lem) and kind is None:
                kind = "reported"
        if kind is None:
            return None
        subj = _subject(args)
        if subj is not None and subj.role in ("analysts", "experts"):
            kind = "assessed"
        return Frame(kind, subj if kind != "planned" else None, subj)

    def _ellipsis(self, doc: Document, cl: Clause, args: list[Arg], prev: list[Event]) -> Event | None:
        """'…, Putin aber noch nicht': the previous clause's event, negated, for another actor."""
        toks = doc.tokens
        if not prev or cl.b - cl.a > 6:
            return None
        if not any(self.words.has("negation", toks[i].text.lower()) for i in range(cl.a, cl.b)):
            return None
        if any(toks[i].pos in ("VERB", "AUX") for i in range(cl.a, cl.b)):
            return None
        subj = _subject(args)
        if subj is None:
            return None
        base = prev[0]
        ev = Event(id="", category=base.category, evidence=_evidence(doc, cl, base.evidence.trigger),
                   mode=base.mode, context=list(base.context), cameo=base.cameo, quad_class=base.quad_class,
                   goldstein=base.goldstein, source=subj.ref(), target=base.target, negated=True,
                   certainty="asserted", date=EventDate(), confidence=0.5)
        ev.id = _event_id(doc, ev)
        return ev

    # ---- one event ---------------------------------------------------------------------
    def _event(self, doc: Document, sent: Sentence, cl: Clause, hit: Hit, args: list[Arg],
               attrib: ActorMention | None, governing: Frame, main_subject: ActorMention | None,
               st: SentenceState, ci: int) -> Event | None:
        trig = hit.trigger
        toks = doc.tokens
        cand = [x for x in args if x.mention is not attrib and x.mention.country]
        carried = st.last_subject or main_subject
        if cl.kind == "inf":
            # the controller of a zu-infinitive: the subject of the clause just before it
            carried = main_subject or governing.subject or st.last_subject
        v1 = toks[cl.a].pos in ("VERB", "AUX") and cl.kind == "main"
        pron = self._pronoun_before_args(doc, cl, cand)
        if pron is not None:
            src, tgt = self._roles(doc, cl, hit, cand, subject=pron)
        elif cl.kind in ("inf", "coord") and carried is not None and not self._own_subject(doc, cl, cand):
            src, tgt = self._roles(doc, cl, hit, cand, subject=carried)
        elif v1 and carried is not None and _subject(cand) is None:
            src, tgt = self._roles(doc, cl, hit, cand, subject=carried)
        else:
            src, tgt = self._roles(doc, cl, hit, cand)
        symmetric = trig.symmetric
        if tgt is None:
            tgt = self._place_target(doc, cl, hit, src)
        # "zwischen X und Y"
        betw = [x for x in cand if x.prep in ("zwischen", "between")]
        if len(betw) >= 2 and trig.symmetric and (src is None or src in (betw[0].mention, betw[1].mention)):
            src, tgt = betw[0].mention, betw[1].mention
            symmetric = True
        if src is None:
            src = self._pronoun_subject(doc, cl, sent)
        if betw and tgt is None and (src is None or not _same(betw[0].mention, src)):
            tgt = betw[0].mention
        # subject carried into coordinated / infinitive clauses
        if src is None and cl.kind in ("coord", "inf") and carried is not None:
            src = carried
        # pronoun / impersonal subjects
        if src is None:
            src = self._pronoun_subject(doc, cl, sent)
        # plural anaphora and reciprocals: "die beiden Präsidenten", "einander", "der beiden Länder"
        pair = self._pair_reference(doc, cl, sent, st.events + self._done)
        if pair is not None:
            if src is None and tgt is None:
                src, tgt = pair
                symmetric = True
            elif src is not None and tgt is None:
                tgt = pair[1] if _same(pair[0], src) else pair[0]
        if src is not None and tgt is not None and _same(src, tgt):
            tgt = None
        if src is None and tgt is None and hit.rank <= 1 and symmetric:
            cpair = self._context_pair(st.events + self._done)
            if cpair is not None:
                src, tgt = cpair
                symmetric = symmetric or trig.symmetric
        if src is None and tgt is None:
            return None
        if hit.trigger.pos == "NOUN" and (src is None or tgt is None) and pair is None:
            if not (src is not None and trig.preps("tgt") == () and trig.category in ("PROTEST", "MOBILIZE")):
                return None
        one_sided_ok = self.one_sided and hit.rank <= 1 and cl.kind in ("main", "coord") and \
            self._named(src or tgt)
        if src is None and not one_sided_ok:
            return None
        if src is not None and tgt is not None and src.country == tgt.country and (
                src.sector == tgt.sector or None in (src.sector, tgt.sector)):
            return None  # "Russland unterstützt … Russland": no dyad
        if tgt is None and trig.category not in _NO_RECIPIENT_OK and not one_sided_ok:
            return None
        if tgt is None and any(self.words.has(k, toks[hit.tok].lemma.lower())
                               for k in ("govern_planned", "govern_reported", "govern_assessed")):
            return None  # "hatte angekündigt, …": the framing verb, not an event of its own
        negated = self._negated(doc, cl, hit)
        certainty, attributed = self._certainty(doc, cl, hit, attrib, governing, src)
        date = self._date(doc, cl, sent, st)
        if certainty == "asserted" and date.start and doc.published and date.start > doc.published:
            certainty = "planned"
        location = self._location(doc, cl, src, tgt)
        category = trig.category
        code = trig.cameo or self.ont.default_cameo.get(category)
        cinfo = self.ont.code(code)
        mode = trig.mode or (cinfo.plover_mode if cinfo else None)
        ctx = trig.context or (cinfo.plover_context if cinfo else None)
        if certainty in ("planned", "hypothetical") and category in self.intent and not negated:
            # PLOVER: "the coder should always return the single event category" (AGREE, THREATEN)
            category, code = self.intent[category]
            mode = None
        conf = 0.45 + 0.15 * (src is not None) + 0.15 * (tgt is not None) + 0.1 * (hit.rank <= 1)
        trig_tok = toks[hit.tok]
        ev = Event(
            id="", category=category, evidence=_evidence(doc, cl, trig_tok.text, trig_tok.start, trig_tok.end),
            mode=mode, context=[ctx] if ctx else [], cameo=code,
            quad_class=self.ont.quad_class(category, code), goldstein=self.ont.goldstein(code),
            source=src.ref() if src else None, target=tgt.ref() if tgt else None, negated=negated,
            certainty=certainty, attributed_to=attributed.ref() if attributed else None, date=date,
            location=location, confidence=round(min(conf, 0.95), 2), symmetric=symmetric)
        ev.id = _event_id(doc, ev)
        if src is not None:
            st.last_subject = src
        return ev

    @staticmethod
    def _named(m: ActorMention | None) -> bool:
        """A named actor (a person, a state by name, an organisation) — not an adjective or a bare role."""
        return m is not None and m.country is not None and m.confidence >= 0.6

    def _own_subject(self, doc: Document, cl: Clause, cand: list[Arg]) -> bool:
        """Does a coordinated clause have its own finite verb and subject ('und Z empfing ihn')?"""
        toks = doc.tokens
        if cl.kind == "inf":
            return False
        finite = [i for i in range(cl.a, cl.b) if toks[i].pos in ("VERB", "AUX") and
                  toks[i].text.lower() != toks[i].lemma.lower() and not toks[i].text.startswith("ge")]
        return bool(finite) and any(x.prep is None and not x.genitive and x.index < finite[0] for x in cand)

    def _roles(self, doc: Document, cl: Clause, hit: Hit, cand: list[Arg],
               subject: ActorMention | None = None) -> tuple[ActorMention | None, ActorMention | None]:
        src, tgt = self._roles_inner(doc, cl, hit, cand, subject)
        if tgt is None:
            gen = next((x.mention for x in cand if x.genitive and x.mention is not src), None)
            if gen is not None and not (src is not None and _same(gen, src)):
                tgt = gen
        return src, tgt

    def _roles_inner(self, doc: Document, cl: Clause, hit: Hit, cand: list[Arg],
                     subject: ActorMention | None) -> tuple[ActorMention | None, ActorMention | None]:
        trig = hit.trigger
        toks = doc.tokens
        bare = [x for x in cand if x.prep is None and not x.genitive]
        if subject is not None:
            bare = [Arg(subject, None, -1)] + [x for x in bare if x.mention is not subject]
        if bare:
            # "Die Afrikanische Union (AU) …": a repeat of the subject is no object
            head = bare[0].mention
            bare = [bare[0]] + [x for x in bare[1:] if not _same(x.mention, head)]
        passive = is_passive(toks, cl.a, cl.b, hit.tok, self.words)
        tgt_preps = trig.preps("tgt") or ()
        src_preps = trig.preps("src") or ()
        src: ActorMention | None = None
        tgt: ActorMention | None = None
        # nouns: "Einladung des Machthabers Kim" (src:gen), "Lieferungen aus Russland" (src:aus)
        if trig.pos == "NOUN" or hit.rank == 3:
            after = [x for x in cand if x.index > hit.tok]
            gen = next((x for x in after if x.genitive), None)
            if gen is not None:
                if trig.has("tgt:gen"):
                    tgt = gen.mention
                else:
                    src = gen.mention
            gen_von = "von" if trig.has("src:gen") else "durch"
            for x in cand:
                if src is None and (x.prep in src_preps or x.prep in ("durch", gen_von)):
                    src = x.mention
                elif tgt is None and x.prep in (tgt_preps or _TARGET_PREPS_DEFAULT):
                    tgt = x.mention
        if self.words.lang == "en":
            before = [x for x in bare if x.index < hit.tok]
            after_b = [x for x in bare if x.index > hit.tok]
            subj = before[-1] if before else None
            # "Jordan and Britain have agreed": the first of coordinated subjects
            k = len(before) - 1
            while k > 0 and any(toks[j].text.lower() in ("and", "und") for j in range(before[k - 1].index, before[k].index)) \
                    and before[k].index - before[k - 1].index <= 4:
                k -= 1
            if before:
                subj = before[k]
                if k + 1 < len(before) and after_b == [] and (trig.symmetric or trig.category in (
                        "AGREE", "CONSULT", "COOPERATE")):
                    after_b = [before[k + 1]]
            obj = after_b[0] if after_b else None
        else:
            subj = bare[0] if bare else None
            rest = bare[1:]
            # "Washington und Seoul bestreiten": coordinated co-subjects are not an object
            if rest and not trig.symmetric and rest[0].index > 0 and subj is not None and subj.index >= 0 and \
                    any(toks[i].text.lower() in ("und", "and") for i in range(subj.index, rest[0].index)) and \
                    rest[0].index - subj.index <= 4:
                rest = rest[1:]
            obj = rest[0] if rest else None
        if passive:
            by = next((x for x in cand if x.prep in _SOURCE_PREPS_DEFAULT), None)
            if by is not None:
                src = src or by.mention
                tgt = tgt or (subj.mention if subj else None)
            else:
                tgt = tgt or (subj.mention if subj else None)
                other = next((x for x in cand if x is not subj and x.prep not in _NON_ARG_PREPS), None)
                src = src or (other.mention if other else None)
            return src, tgt
        if trig.has("recipient_subj"):
            frm = next((x for x in cand if x.prep in (src_preps or ("aus", "von", "from"))), None)
            return (frm.mention if frm else None), (subj.mention if subj else None)
        if src is None and subj is not None:
            src = subj.mention
        if tgt is None:
            pp = next((x for x in cand if x.prep in tgt_preps), None) if tgt_preps else None
            if pp is not None:
                tgt = pp.mention
            elif obj is not None and obj.mention is not src:
                tgt = obj.mention
            else:
                pp = next((x for x in cand if x.prep in _TARGET_PREPS_DEFAULT and x.mention is not src), None)
                tgt = pp.mention if pp else None
        # "X und Y trafen sich": two coordinated subjects of a symmetric event
        if trig.symmetric and tgt is None and len(bare) >= 2:
            tgt = bare[1].mention
        return src, tgt

    def _reported_demand(self, doc: Document, sent: Sentence, cl: Clause, args: list[Arg],
                         governing: Frame) -> Event | None:
        """'Russland sagte, der Sudan müsse den Hubschrauber zurückgeben': the speaker demands of the
        subject — a REQUEST, whatever the content clause's verb."""
        if governing.certainty != "reported" or governing.subject is None or cl.kind not in ("sub", "main"):
            return None
        toks = doc.tokens
        if not any(self.words.has("obligation", toks[i].text.lower()) for i in range(cl.a, cl.b)):
            return None
        if is_passive(toks, cl.a, cl.b, cl.b - 1, self.words):
            return None
        speaker = governing.subject
        subj = _subject([x for x in args if x.mention.country])
        if subj is None or not speaker.country or subj.country == speaker.country:
            return None
        code = "100"
        ev = Event(id="", category="REQUEST", evidence=_evidence(doc, cl, None), mode=None, context=[],
                   cameo=code, quad_class=self.ont.quad_class("REQUEST", code), goldstein=self.ont.goldstein(code),
                   source=speaker.ref(), target=subj.ref(), certainty="asserted", date=EventDate(), confidence=0.6)
        ev.id = _event_id(doc, ev)
        return ev

    def _place_target(self, doc: Document, cl: Clause, hit: Hit, src: ActorMention | None) -> ActorMention | None:
        """'Besuch in Moskau', 'reist nach Peking': the state whose capital or territory is the destination."""
        preps = {p for p in hit.trigger.preps("tgt") if p in ("in", "nach", "to", "into")}
        if not preps:
            return None
        toks = doc.tokens
        for p in doc.places:
            if not (cl.start <= p.start < cl.end) or p.kind not in ("capital", "country", "city") or not p.country:
                continue
            i = next((k for k in range(cl.a, cl.b) if toks[k].start == p.start), None)
            if i is None or i == cl.a:
                continue
            prev = toks[i - 1].text.lower()
            if prev in preps or prev in ("im", "ins") and "in" in preps:
                if src is not None and src.country == p.country:
                    continue
                return ActorMention(p.text, p.start, p.end, f"state:{p.country}", p.name, "state", p.country,
                                    "GOV" if p.kind == "capital" else None, None, "place", confidence=0.8)
        return None

    def _pronoun_before_args(self, doc: Document, cl: Clause, cand: list[Arg]) -> ActorMention | None:
        """'Zudem warf er Polen … vor': a subject pronoun before the first bare actor is the source."""
        toks = doc.tokens
        first_bare = min((x.index for x in cand if x.prep is None and not x.genitive), default=cl.b)
        for i in range(cl.a, min(first_bare, cl.a + 4)):
            low = toks[i].text.lower()
            if self.words.has("pronoun_subject", low) and low not in ("it", "they"):
                prior = [m for m in doc.actors if m.end <= toks[i].start and m.type == "person" and m.country]
                return prior[-1] if prior else None
            if low == "es" and i == cl.a and self._done:
                last = self._done[-1].source
                if last is not None and last.type != "person" and last.end <= toks[i].start:
                    return _as_mention(last)
        return None

    def _pronoun_subject(self, doc: Document, cl: Clause, sent: Sentence) -> ActorMention | None:
        toks = doc.tokens
        for i in range(cl.a, min(cl.b, cl.a + 6)):
            low = toks[i].text.lower()
            if self.words.has("pronoun_subject", low):
                prior = [m for m in doc.actors if m.end <= toks[i].start and m.type == "person"]
                return prior[-1] if prior else None
            if self.words.has("impersonal", low):
                # "in Südkorea zeigt man sich beunruhigt": the place stands for its people/government
                loc = [m for m in doc.actors if cl.start <= m.start < toks[i].start and m.type == "state"]
                return loc[0] if loc else None
        return None

    def _pair_marker(self, toks: list[Token], i: int, end: int) -> bool:
        """'einander', or 'die beiden Länder/Präsidenten' (not 'beiden Verdächtigen')."""
        low = toks[i].text.lower()
        if self.words.has("reciprocal", low):
            return True
        return self.words.has("plural_anaphor", low) and i + 1 < end and \
            self.words.has("pair_noun", toks[i + 1].text.lower())

    def _context_pair(self, prior: list[Event]) -> tuple[ActorMention, ActorMention] | None:
        for ev in reversed(prior):
            if ev.source is not None and ev.target is not None and ev.source.country and \
                    ev.target.country and ev.source.country != ev.target.country:
                return _as_mention(ev.source), _as_mention(ev.target)
        return None

    def _pair_reference(self, doc: Document, cl: Clause, sent: Sentence,
                        prior: list[Event]) -> tuple[ActorMention, ActorMention] | None:
        toks = doc.tokens
        marker_pos = next((toks[i].start for i in range(cl.a, cl.b) if self._pair_marker(toks, i, cl.b)), None)
        if marker_pos is None:
            return None
        named = [m for m in doc.actors if m.end <= marker_pos and m.country and
                 m.type in ("person", "state") and m.confidence >= 0.8]
        # 1. two states named earlier in the same sentence ("zwischen den beiden Staaten")
        here: list[ActorMention] = []
        for m in named:
            if m.start >= sent.start and not any(h.country == m.country for h in here):
                here.append(m)
        if len(here) >= 2:
            return here[0], here[1]
        # 2. the dyad of the last event, unless this sentence names someone else
        ctx = self._context_pair(prior)
        if ctx is not None and all(h.country in (ctx[0].country, ctx[1].country) for h in here):
            return ctx
        # 3. the two most recent states or people named
        seen: list[ActorMention] = []
        for m in reversed(named):
            if not any(s.country == m.country for s in seen):
                seen.append(m)
            if len(seen) == 2:
                return seen[1], seen[0]
        return ctx

    def _negated(self, doc: Document, cl: Clause, hit: Hit) -> bool:
        toks = doc.tokens
        for i in range(cl.a, cl.b):
            low = toks[i].text.lower()
            if not self.words.has("negation", low) and not low.endswith("n't"):
                continue
            # traps: "nicht nur", "schloss … nicht aus" (ausschließen), "nicht zuletzt"
            nxt = toks[i + 1].text.lower() if i + 1 < cl.b else ""
            if nxt in ("nur", "zuletzt", "only", "least") or (self.lex.cue("negation_trap", f"{low} {nxt}")):
                continue
            if toks[hit.tok].lemma.startswith("ausschließen") or toks[hit.tok].lemma == "ausschließen":
                continue
            # a negation that only applies to a following noun other than the trigger
            if low.startswith("kein") and i + 1 < cl.b and hit.tok not in range(i, i + 4) and \
                    toks[hit.tok].pos != "VERB":
                continue
            return True
        return False

    def _certainty(self, doc: Document, cl: Clause, hit: Hit, attrib: ActorMention | None, governing: Frame,
                   src: ActorMention | None) -> tuple[str, ActorMention | None]:
        toks = doc.tokens
        words = [toks[i].text.lower() for i in range(cl.a, cl.b)]
        lemmas = [toks[i].lemma.lower() for i in range(cl.a, cl.b)]
        if any(self.words.has("hypothetical", w) for w in words):
            return "hypothetical", attrib or governing.attributed
        if cl.kind not in ("sub", "inf", "coord") or governing.certainty is None:
            if any(self.words.has("alleged", w) for w in words) and governing.attributed is None:
                return "alleged", attrib
        if attrib is not None:
            return "reported", attrib
        if governing.certainty is not None and (cl.kind in ("sub", "inf", "coord", "rel") or
                                                governing.attributed is not None):
            who = governing.attributed
            if who is not None and src is not None and _same(who, src):
                who = None
                if governing.certainty == "reported":
                    return "asserted", None
            return governing.certainty, who
        if any(self.words.has("assessed_adv", w) for w in words):
            return "assessed", None
        if any(self.words.has("planned_modal", w) or self.words.has("planned_word", w) for w in words) or any(
                self.words.has("govern_planned", lem) for lem in lemmas):
            return "planned", None
        if hit.rank == 3 and hit.tok - 3 >= cl.a and any(
                self.words.has("before_prep", toks[j].text.lower()) for j in range(hit.tok - 3, hit.tok)):
            return "planned", None  # "kurz vor dem Besuch": the visit is still to come
        if self.words.lang == "de" and any(self.words.has("future_aux", w) for w in words) and \
                not is_passive(toks, cl.a, cl.b, hit.tok, self.words):
            last = toks[cl.b - 1]
            if last.pos == "VERB" and last.text.lower() == last.lemma.lower():
                return "planned", None
        if self.words.lang == "en" and any(w in ("will", "shall") for w in words):
            return "planned", None
        return "asserted", None

    def _date(self, doc: Document, cl: Clause, sent: Sentence, st: SentenceState) -> EventDate:
        in_clause = [t for t in doc.times if cl.start <= t.start < cl.end]
        resolved = [t for t in in_clause if t.start_date is not None]
        if resolved:
            t = resolved[0]
            return EventDate(t.start_date, t.end_date, t.precision, t.text)
        own = self._sentence_time(doc, sent)
        if own is not None and not in_clause:
            return EventDate(own.start_date, own.end_date, own.precision, own.text)
        if in_clause and in_clause[0].start_date is None and not self._past(doc, sent):
            return EventDate(text=in_clause[0].text)  # "vor kurzem", unresolved: no date
        # an earlier date of the same paragraph carries into past-tense narration ("damals")
        if st.date is not None and st.date.start_date is not None and self._past(doc, sent):
            return EventDate(st.date.start_date, st.date.end_date, st.date.precision, st.date.text)
        return EventDate(text=in_clause[0].text if in_clause else None)

    def _past(self, doc: Document, sent: Sentence) -> bool:
        return any(self.words.has("past_aux", t.text.lower()) for t in doc.sentence_tokens(sent))

    def _location(self, doc: Document, cl: Clause, src: ActorMention | None,
                  tgt: ActorMention | None) -> EventLocation | None:
        places: list[PlaceMention] = [p for p in doc.places if cl.start <= p.start < cl.end]
        for p in places:
            if p.kind in ("country",) and ((src and p.start == src.start) or (tgt and p.start == tgt.start)):
                continue
            return EventLocation(p.name or p.text, p.country, p.lat, p.lon, p.text, p.start, p.end)
        return None


def load_intent_table() -> dict[str, tuple[str, str]]:
    from ..tsv import package_data, read_tsv

    return {r["category"]: (r["intent_category"], r["cameo"])
            for _, r in read_tsv(package_data("coding", "data", "intent.tsv"),
                                 required=("category", "intent_category", "cameo"))}


def _subject(args: list[Arg]) -> ActorMention | None:
    bare = [x for x in args if x.prep is None and not x.genitive]
    return bare[0].mention if bare else None


def _same(a: ActorMention | ActorRef, b: ActorMention | ActorRef) -> bool:
    if a.actor_id and b.actor_id:
        return a.actor_id == b.actor_id
    return a.start == b.start and a.end == b.end


def _as_mention(ref: ActorRef) -> ActorMention:
    return ActorMention(ref.text, ref.start, ref.end, ref.actor_id, ref.name, ref.type, ref.country, ref.sector,
                        None, "context")


def _mention_for(actors: list[ActorMention], ref: ActorRef) -> ActorMention | None:
    return next((m for m in actors if m.start == ref.start and m.end == ref.end), None)


def _evidence(doc: Document, cl: Clause, trigger: str | None, ts: int | None = None,
              te: int | None = None) -> Evidence:
    return Evidence(doc.text[cl.start:cl.end], cl.start, cl.end, trigger, ts, te)


def _event_id(doc: Document, ev: Event) -> str:
    key = f"{doc.id}|{ev.evidence.start}|{ev.evidence.end}|{ev.category}|{ev.evidence.trigger_start}|" \
          f"{ev.source.start if ev.source else ''}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _same_block(doc: Document, a: int, b: int) -> bool:
    """Two sections belong to one block of text (paragraphs carry dates only within themselves)."""
    return a == b


def published_or_none(doc: Document) -> dt.date | None:
    return doc.published
