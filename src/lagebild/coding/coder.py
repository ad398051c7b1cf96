"""The event coder: for each clause, trigger -> arguments -> framing -> date and place.

Argument finding lives in ``roles.py``, negation/certainty/dates in ``framing.py``.
"""

from __future__ import annotations

from ..document import ActorMention, Document, Event, EventDate, Sentence, TimeExpr, Token
from ..lexicon.load import LangLexicon, Trigger
from ..ontology.tables import Ontology
from .arguments import Arg, clause_args, is_passive
from .clauses import Clause, split_clauses
from .common import (
    CONTENT_CATEGORIES,
    NO_RECIPIENT_OK,
    SPEECH_ACTS,
    Frame,
    SentenceState,
    as_mention,
    event_id,
    evidence_for,
    load_intent_table,
    mention_for,
    same_actor,
    subject_of,
)
from .framing import FramingMixin
from .roles import RoleMixin
from .triggers import Hit, find_triggers
from .words import WordLists


class EventCoder(RoleMixin, FramingMixin):
    def __init__(self, lexicon: LangLexicon, ontology: Ontology, words: WordLists, *,
                 one_sided: bool = False, intent: dict[str, tuple[str, str]] | None = None) -> None:
        self.intent = intent if intent is not None else load_intent_table()
        # one-sided events (a named source, no recipient in the text): reliable in SVO English,
        # not in German, where a single actor may as well be the object (measured on the dev gold)
        self.one_sided = one_sided
        self.lex = lexicon
        self.characterize = Trigger("bezeichnen", "VERB", "ACCUSE", "disapprove", None, "111", frozenset())
        self.ont = ontology
        self.words = words

    # ---- document level ----------------------------------------------------------------
    def code(self, doc: Document) -> list[Event]:
        events: list[Event] = []
        prev_frame = Frame()
        prev_date: TimeExpr | None = None
        prev_section = -2
        for sent in doc.sentences:
            if sent.section != prev_section:
                prev_date = None  # dates carry only within a paragraph
                prev_section = sent.section
            st = SentenceState(done=events)
            continues = self._continues_report(doc, sent)
            if continues and prev_frame.attributed is not None:
                st.frame = Frame(prev_frame.certainty, prev_frame.attributed, None)
            own_time = self._sentence_time(doc, sent)
            st.date = own_time if own_time is not None else prev_date
            self._code_sentence(doc, sent, st)
            events.extend(st.events)
            speech = next((e for e in st.events if e.category in SPEECH_ACTS and e.source is not None), None)
            if st.frame.attributed is not None:
                prev_frame = st.frame
            elif speech is not None and speech.source is not None:
                # "Es warf Seoul vor, … . Südkorea müsse sich entschuldigen": reported speech goes on
                src_m = as_mention(speech.source)
                prev_frame = Frame("reported", src_m, src_m)
            elif not continues:
                prev_frame = Frame()
            if own_time is not None and own_time.start_date is not None:
                prev_date = own_time
        return events

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
            hits = self._characterizations(toks, cl, find_triggers(toks, cl.a, cl.b, self.lex))
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
                subj = subject_of(args)
                if subj is not None and cl.kind == "main":
                    main_subject = subj
                continue
            if prev_clause_events and prev_clause_events[-1].target is None and \
                    prev_clause_events[-1].category in ("THREATEN", "REQUEST"):
                # "drohte mit der härtesten Reaktion, sollten kurdische Kämpfer der YPG …": the threat
                # is directed at the actor of its condition or content
                first = next((x.mention for x in args if x.mention.country and x.prep in (
                    None, "in", "gegen", "against", "auf", "on")), None)
                ev0 = prev_clause_events[-1]
                if first is not None and ev0.source is not None and first.country != ev0.source.country:
                    ev0.target = first.ref()
            clause_events: list[Event] = []
            if cl.kind in ("sub", "inf") and any(e.category in CONTENT_CATEGORIES for e in prev_clause_events):
                # "warf Warschau vor, die Kontakte einzufrieren": the content of an accusation or
                # denial is not itself an event
                continue
            if self.words.has("conditional_v1", toks[cl.a].text.lower()) and prev_clause_events:
                continue  # "…, sollten sie sich nicht zurückziehen": the condition of a threat
            if hits[0].rank == 3:
                hits = hits[:1]
            content_verb = next((h for h in hits if h.rank <= 1 and h.trigger.category in CONTENT_CATEGORIES), None)
            if content_verb is not None:
                # "Iran denied supplying weapons", "accused Russia of violating the treaty": what is
                # denied or alleged after the verb is not an event of its own
                hits = [h for h in hits if h is content_verb or h.tok < content_verb.tok]
            for hit in hits[:2]:
                ev = self._event(doc, sent, cl, hit, args, attrib, governing, main_subject, st, ci)
                if ev is not None:
                    clause_events.append(ev)
            if governs is not None:
                governing = governs
            subj = subject_of(args)
            if subj is not None and cl.kind == "main":
                main_subject = subj
            elif clause_events and clause_events[0].source is not None and cl.kind == "main":
                main_subject = mention_for(sent_actors, clause_events[0].source)
            st.events.extend(clause_events)
            prev_clause_events = clause_events or prev_clause_events
        if not self.one_sided:
            st.events = [e for e in st.events if e.target is not None or e.category not in ("THREATEN", "REQUEST")
                         or e.category in NO_RECIPIENT_OK]
        if governing.attributed is not None:
            st.frame = governing

    def _characterizations(self, toks: list[Token], cl: Clause, hits: list[Hit]) -> list[Hit]:
        """'bezeichnete die Behandlung als Völkermord', 'called it genocide': a conflict noun in a
        predicate is what the speaker calls something — an accusation, not an event that happened."""
        verb = next((i for i in range(cl.a, cl.b) if self.words.has("characterize", toks[i].lemma.lower())), None)
        out: list[Hit] = []
        for h in hits:
            charge = h.rank == 3 and (self.ont.category_quad.get(h.trigger.category) or 0) >= 3 and any(
                self.words.has("predicative", toks[j].text.lower()) for j in range(max(cl.a, h.tok - 3), h.tok))
            if not charge:
                out.append(h)  # "Gewehre als Willkommensgeschenke": a cooperative noun is what was given
            elif verb is not None and not any(o.tok == verb for o in out):
                out.insert(0, Hit(self.characterize, verb, (verb,)))
        return out

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
        subj = subject_of(args)
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
        subj = subject_of(args)
        if subj is None:
            return None
        base = prev[0]
        ev = Event(id="", category=base.category, evidence=evidence_for(doc, cl, base.evidence.trigger),
                   mode=base.mode, context=list(base.context), cameo=base.cameo, quad_class=base.quad_class,
                   goldstein=base.goldstein, source=subj.ref(), target=base.target, negated=True,
                   certainty="asserted", date=EventDate(), confidence=0.5)
        ev.id = event_id(doc, ev)
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
        pron = self._pronoun_before_args(doc, cl, cand, st)
        if pron is not None:
            src, tgt = self._roles(doc, cl, hit, cand, subject=pron)
        elif cl.kind in ("inf", "coord") and carried is not None and not self._own_subject(doc, cl, cand):
            src, tgt = self._roles(doc, cl, hit, cand, subject=carried)
        elif v1 and carried is not None and subject_of(cand) is None:
            src, tgt = self._roles(doc, cl, hit, cand, subject=carried)
        else:
            src, tgt = self._roles(doc, cl, hit, cand)
        symmetric = trig.symmetric
        if tgt is None:
            tgt = self._place_target(doc, cl, hit, src)
        if tgt is None and trig.category in ("ASSAULT", "COERCE"):
            tgt = self._territory_target(doc, cl, cand, src)
        # "zwischen X und Y"
        betw = [x for x in cand if x.prep in ("zwischen", "between")]
        if len(betw) >= 2 and trig.symmetric and (src is None or src in (betw[0].mention, betw[1].mention)):
            src, tgt = betw[0].mention, betw[1].mention
            symmetric = True
        if src is None:
            src = self._pronoun_subject(doc, cl)
        if betw and tgt is None and (src is None or not same_actor(betw[0].mention, src)):
            tgt = betw[0].mention
        # subject carried into coordinated / infinitive clauses
        if src is None and cl.kind in ("coord", "inf") and carried is not None:
            src = carried
        # pronoun / impersonal subjects
        if src is None:
            src = self._pronoun_subject(doc, cl)
        # plural anaphora and reciprocals: "die beiden Präsidenten", "einander", "der beiden Länder"
        pair = self._pair_reference(doc, cl, sent, st.prior())
        if pair is not None:
            if src is None and tgt is None:
                src, tgt = pair
                symmetric = True
            elif src is not None and tgt is None:
                tgt = pair[1] if same_actor(pair[0], src) else pair[0]
        if src is not None and tgt is not None and same_actor(src, tgt):
            tgt = None
        if src is None and tgt is None and hit.rank <= 1 and symmetric:
            cpair = self._context_pair(st.prior())
            if cpair is not None:
                src, tgt = cpair
                symmetric = symmetric or trig.symmetric
        if src is None and tgt is None:
            return None
        if hit.trigger.pos == "NOUN" and (src is None or tgt is None) and pair is None:
            if not (src is not None and trig.preps("tgt") == () and trig.category in ("PROTEST", "MOBILIZE")):
                return None
        one_sided_ok = self.one_sided and hit.rank <= 2 and cl.kind in ("main", "coord") and \
            self._named(src or tgt)
        if src is None and not one_sided_ok:
            return None
        if src is not None and tgt is not None and src.country == tgt.country and (
                src.sector == tgt.sector or None in (src.sector, tgt.sector)):
            if not one_sided_ok:
                return None  # "Russland unterstützt … Russland": no dyad
            tgt = None  # "Akayev agreed to resign without returning to Kyrgyzstan": no recipient named
        show_of_force = trig.category == "ASSAULT" and trig.mode == "aerial" and tgt is None and cl.kind == "main"
        # a threat or demand may name its addressee in the next clause ("drohte …, sollten die Kämpfer …"):
        # kept for now, dropped at the end of the sentence if still without one
        pending = trig.category in ("THREATEN", "REQUEST") and cl.kind == "main"
        if tgt is None and trig.category not in NO_RECIPIENT_OK and not one_sided_ok and not show_of_force \
                and not pending:
            return None
        lem = toks[hit.tok].lemma.lower()
        if tgt is None and not self.words.has("commissive", lem) and any(
                self.words.has(k, lem) for k in ("govern_planned", "govern_reported", "govern_assessed")):
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
        if show_of_force:
            # a missile fired at no one named: a weapons test or show of force (PLOVER MOBILIZE)
            category, code, mode = "MOBILIZE", "150", "weapons"
        if certainty in ("planned", "hypothetical") and category in self.intent and not negated:
            # PLOVER: "the coder should always return the single event category" (AGREE, THREATEN)
            category, code = self.intent[category]
            mode = None
        conf = 0.45 + 0.15 * (src is not None) + 0.15 * (tgt is not None) + 0.1 * (hit.rank <= 1)
        trig_tok = toks[hit.tok]
        ev = Event(
            id="", category=category, evidence=evidence_for(doc, cl, trig_tok.text, trig_tok.start, trig_tok.end),
            mode=mode, context=[ctx] if ctx else [], cameo=code,
            quad_class=self.ont.quad_class(category, code), goldstein=self.ont.goldstein(code),
            source=src.ref() if src else None, target=tgt.ref() if tgt else None, negated=negated,
            certainty=certainty, attributed_to=attributed.ref() if attributed else None, date=date,
            location=location, confidence=round(min(conf, 0.95), 2), symmetric=symmetric)
        ev.id = event_id(doc, ev)
        if src is not None:
            st.last_subject = src
        return ev

    def _reported_demand(self, doc: Document, sent: Sentence, cl: Clause, args: list[Arg],
                         governing: Frame) -> Event | None:
        """'Russland sagte, der Sudan müsse den Hubschrauber zurückgeben': the speaker demands of the
        subject — a REQUEST, whatever the content clause's verb."""
        speaker = governing.subject or governing.attributed
        if governing.certainty != "reported" or speaker is None or cl.kind not in ("sub", "main"):
            return None
        toks = doc.tokens
        if not any(self.words.has("obligation", toks[i].text.lower()) for i in range(cl.a, cl.b)):
            return None
        if is_passive(toks, cl.a, cl.b, cl.b - 1, self.words):
            return None
        subj = subject_of([x for x in args if x.mention.country])
        if subj is None or not speaker.country or subj.country == speaker.country:
            return None
        code = "100"
        ev = Event(id="", category="REQUEST", evidence=evidence_for(doc, cl, None), mode=None, context=[],
                   cameo=code, quad_class=self.ont.quad_class("REQUEST", code), goldstein=self.ont.goldstein(code),
                   source=speaker.ref(), target=subj.ref(), certainty="asserted", date=EventDate(), confidence=0.6)
        ev.id = event_id(doc, ev)
        return ev

