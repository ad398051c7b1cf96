"""How the text frames an event: negation, certainty, attribution, date and place."""

from __future__ import annotations

from ..document import ActorMention, Document, EventDate, EventLocation, PlaceMention, Sentence, TimeExpr
from ..lexicon.load import LangLexicon
from .arguments import is_passive
from .clauses import Clause
from .common import Frame, SentenceState, same_actor
from .triggers import Hit
from .words import WordLists


class FramingMixin:
    words: WordLists
    lex: LangLexicon

    def _negated(self, doc: Document, cl: Clause, hit: Hit) -> bool:
        toks = doc.tokens
        words = [toks[i].text.lower() for i in range(cl.a, cl.b)]
        # traps from the lexicon: "nicht nur", "(schloss …) nicht aus", "not only", "no less than"
        traps = self.lex.phrase_spans("negation_trap", words)
        for i in range(cl.a, cl.b):
            low = words[i - cl.a]
            if not self.words.has("negation", low) and not low.endswith("n't"):
                continue
            if any(a <= i - cl.a < b for a, b in traps):
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
        # the trigger's own lemma does not frame it ("approved the bid" is no plan)
        lemmas = [toks[i].lemma.lower() for i in range(cl.a, cl.b) if i not in hit.toks]
        phrase = self.lex.phrase_spans  # multi-word cues from the lexicon ("Berichten zufolge", "is said to")
        if any(self.words.has("hypothetical", w) for w in words) or phrase("hypothetical", words):
            return "hypothetical", attrib or governing.attributed
        if cl.kind not in ("sub", "inf", "coord") or governing.certainty is None:
            if (any(self.words.has("alleged", w) for w in words) or phrase("alleged", words)) \
                    and governing.attributed is None:
                return "alleged", attrib
        if attrib is not None:
            return "reported", attrib
        if governing.certainty is not None and (cl.kind in ("sub", "inf", "coord", "rel") or
                                                governing.attributed is not None):
            who = governing.attributed
            if who is not None and src is not None and same_actor(who, src):
                who = None
                if governing.certainty == "reported":
                    return "asserted", None
            return governing.certainty, who
        if any(self.words.has("assessed_adv", w) for w in words) or phrase("assessed", words):
            return "assessed", None
        if any(self.words.has("planned_modal", w) or self.words.has("planned_word", w) for w in words) or any(
                self.words.has("govern_planned", lem) for lem in lemmas) or phrase("planned", words):
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


    def _sentence_time(self, doc: Document, sent: Sentence) -> TimeExpr | None:
        """The first resolved time expression of the sentence."""
        for t in doc.times:
            if sent.start <= t.start < sent.end and t.start_date is not None:
                return t
        return None

    # ---- sentence level ----------------------------------------------------------------
    def _continues_report(self, doc: Document, sent: Sentence) -> bool:
        cues = self.words.kinds.get("konjunktiv", frozenset()) | self.words.kinds.get("continuation", frozenset())
        return any(t.text.lower() in cues for t in doc.tokens[sent.token_start:sent.token_end])
