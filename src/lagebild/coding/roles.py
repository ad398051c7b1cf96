"""Finding an event's source and target: clause order, passive, prepositions, genitives,
pronouns, plural anaphora ("die beiden Präsidenten") and destinations ("Besuch in Moskau")."""

from __future__ import annotations

from ..document import ActorMention, Document, Event, Sentence, Token
from ..lexicon.load import LangLexicon
from .arguments import Arg, is_passive
from .clauses import Clause
from .common import (
    SentenceState,
    as_mention,
    same_actor,
)
from .triggers import Hit
from .words import WordLists


class RoleMixin:
    words: WordLists
    lex: LangLexicon

    def _prep(self, kind: str, prep: str | None) -> bool:
        return prep is not None and self.words.has(kind, prep)

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
            gens = [x.mention for x in cand if x.genitive and x.mention is not src]
            # a genitive proper ("Angebot der China …") before a compound modifier ("NATO-Mitglied")
            gen = next((m for m in gens if m.method != "modifier"), gens[0] if gens else None)
            if gen is not None and not (src is not None and same_actor(gen, src)):
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
            bare = [bare[0]] + [x for x in bare[1:] if not same_actor(x.mention, head)]
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
                elif tgt is None and (x.prep in tgt_preps if tgt_preps else self._prep("target_prep", x.prep)):
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
            by = next((x for x in cand if self._prep("source_prep", x.prep)), None)
            if by is not None:
                src = src or by.mention
                tgt = tgt or (subj.mention if subj else None)
            else:
                tgt = tgt or (subj.mention if subj else None)
                other = next((x for x in cand if x is not subj and not self._prep("non_arg_prep", x.prep)), None)
                src = src or (other.mention if other else None)
            return src, tgt
        if trig.has("recipient_subj"):
            # "Scholz empfing den Präsidenten" (src:obj), "Nordkorea bekam Lieferungen aus Russland"
            frm = obj if trig.has("src:obj") and obj is not None else \
                next((x for x in cand if x.prep in (src_preps or ("aus", "von", "from"))), None)
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
                pp = next((x for x in cand if self._prep("target_prep", x.prep) and x.mention is not src), None)
                tgt = pp.mention if pp else None
        # "X und Y trafen sich": two coordinated subjects of a symmetric event
        if trig.symmetric and tgt is None and len(bare) >= 2:
            tgt = bare[1].mention
        return src, tgt

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

    def _territory_target(self, doc: Document, cl: Clause, cand: list[Arg],
                          src: ActorMention | None) -> ActorMention | None:
        """'griff Ziele im Libanon an', 'nahmen die Stadt Awdijiwka ein': an attack or seizure on a
        territory is directed at the state it belongs to."""
        for x in cand:
            if x.prep in ("in", "im") and x.mention.type == "state" and x.mention.country and \
                    (src is None or x.mention.country != src.country):
                return x.mention
        for p in doc.places:
            if cl.start <= p.start < cl.end and p.country and (src is None or p.country != src.country) \
                    and p.kind in ("city", "capital", "region", "site", "country"):
                return ActorMention(p.text, p.start, p.end, f"state:{p.country}", p.name, "state", p.country,
                                    None, None, "place", confidence=0.7)
        return None

    def _pronoun_before_args(self, doc: Document, cl: Clause, cand: list[Arg],
                             st: SentenceState) -> ActorMention | None:
        """'Zudem warf er Polen … vor': a subject pronoun before the first bare actor is the source."""
        toks = doc.tokens
        first_bare = min((x.index for x in cand if x.prep is None and not x.genitive), default=cl.b)
        for i in range(cl.a, min(first_bare, cl.a + 4)):
            low = toks[i].text.lower()
            if self.words.has("pronoun_subject", low) and low not in ("it", "they"):
                prior = [m for m in doc.actors if m.end <= toks[i].start and m.type == "person" and m.country]
                return prior[-1] if prior else None
            if low == "es" and i == cl.a and st.done:
                last = st.done[-1].source
                if last is not None and last.type != "person" and last.end <= toks[i].start:
                    return as_mention(last)
        return None

    def _pronoun_subject(self, doc: Document, cl: Clause) -> ActorMention | None:
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
                return as_mention(ev.source), as_mention(ev.target)
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
