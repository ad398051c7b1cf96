"""Event coding: triggers, arguments, negation, certainty, attribution, merge (German and English)."""

from __future__ import annotations

import pytest

from lagebild.document import Document
from lagebild.pipeline import Pipeline


def _events(nlp: Pipeline, text: str, lang: str = "de", published: str = "2024-03-12") -> Document:
    return nlp.analyze(text, language=lang, published=published)


def _one(doc: Document, category: str):
    evs = [e for e in doc.events if e.category == category]
    assert evs, f"no {category} event in {[(e.category, e.evidence.text) for e in doc.events]}"
    return evs[0]


def test_visit_with_accusative_object(nlp: Pipeline) -> None:
    ev = _one(_events(nlp, "Der französische Außenminister hat am Montag Japan besucht."), "CONSULT")
    assert (ev.source.country, ev.target.country) == ("FRA", "JPN")
    assert ev.certainty == "asserted" and not ev.negated


def test_negated_signing_is_negated(nlp: Pipeline) -> None:
    doc = _events(nlp, "Indien und Pakistan trafen sich in Genf. Ein Abkommen wurde nicht unterzeichnet.")
    ev = next(e for e in doc.events if e.cameo == "057")
    assert ev.negated
    assert {ev.source.country, ev.target.country} == {"IND", "PAK"}


def test_soll_makes_an_event_alleged(nlp: Pipeline) -> None:
    ev = _one(_events(nlp, "Der Iran soll Drohnen gegen die Ukraine eingesetzt haben."), "ASSAULT")
    assert ev.certainty == "alleged"
    assert (ev.source.country, ev.target.country) == ("IRN", "UKR")


def test_laut_gives_reported_and_attribution(nlp: Pipeline) -> None:
    doc = _events(nlp, "Chinas Präsident hat laut der Nachrichtenagentur Xinhua Brasilien besucht.")
    ev = _one(doc, "CONSULT")
    assert ev.certainty == "reported"
    assert ev.attributed_to is not None and "Xinhua" in ev.attributed_to.text


def test_symmetric_meeting_of_two_subjects(nlp: Pipeline) -> None:
    ev = _one(_events(nlp, "Frankreich und Italien trafen sich in Rom."), "CONSULT")
    assert {ev.source.country, ev.target.country} == {"FRA", "ITA"}
    assert ev.symmetric


def test_headline_and_body_become_one_event(nlp: Pipeline) -> None:
    text = ("Diplomatie\nJapans Außenminister besucht Indien\n"
            "Der japanische Außenminister hat am Montag Indien besucht. Die Gespräche dauerten lange.\n")
    doc = _events(nlp, text)
    visits = [e for e in doc.events if e.category == "CONSULT"]
    assert len(visits) == 1
    assert visits[0].mentions, "the headline should be kept as a further mention"


def test_evidence_offsets_give_back_their_text(nlp: Pipeline) -> None:
    doc = _events(nlp, "Russland soll Raketen gegen die Ukraine eingesetzt haben. Polen kritisierte Russland.")
    assert doc.events
    for e in doc.events:
        assert doc.text[e.evidence.start:e.evidence.end] == e.evidence.text
        if e.source:
            assert doc.text[e.source.start:e.source.end] == e.source.text


def test_events_carry_ontology_codes(nlp: Pipeline) -> None:
    ev = _one(_events(nlp, "Polen kritisierte Russland scharf."), "ACCUSE")
    assert ev.cameo and ev.quad_class == 3 and ev.goldstein is not None and ev.goldstein < 0


@pytest.mark.parametrize("text, category, pair", [
    ("Russia attacked Ukraine on Monday.", "ASSAULT", ("RUS", "UKR")),
    ("France criticized Iran over its nuclear program.", "ACCUSE", ("FRA", "IRN")),
    ("The Japanese prime minister visited India.", "CONSULT", ("JPN", "IND")),
])
def test_english_events(nlp: Pipeline, text: str, category: str, pair: tuple[str, str]) -> None:
    ev = _one(_events(nlp, text, "en"), category)
    assert (ev.source.country, ev.target.country) == pair


def test_english_negation(nlp: Pipeline) -> None:
    ev = _one(_events(nlp, "Germany did not sign the agreement with Brazil.", "en"), "AGREE")
    assert ev.negated


def test_what_is_denied_is_not_coded_as_happening(nlp: Pipeline) -> None:
    doc = _events(nlp, "Iran denied supplying weapons to the Houthis.", "en")
    assert [e.category for e in doc.events] == ["REJECT"]


def test_attack_on_a_territory_targets_its_state(nlp: Pipeline) -> None:
    ev = _one(_events(nlp, "Israel griff am Montag Ziele im Libanon an."), "ASSAULT")
    assert (ev.source.country, ev.target.country) == ("ISR", "LBN")


def test_missile_fired_at_no_one_is_a_show_of_force(nlp: Pipeline) -> None:
    ev = _one(_events(nlp, "Nordkorea feuerte erneut eine ballistische Rakete ab."), "MOBILIZE")
    assert ev.source.country == "PRK" and ev.target is None


def test_host_receives_the_visitor(nlp: Pipeline) -> None:
    ev = _one(_events(nlp, "Bundeskanzler Scholz empfing den französischen Präsidenten in Berlin."), "CONSULT")
    assert (ev.source.country, ev.target.country) == ("FRA", "DEU")


def test_intended_aid_is_coded_as_agree(nlp: Pipeline) -> None:
    ev = _one(_events(nlp, "Germany will send additional air defense systems to Ukraine.", "en"), "AGREE")
    assert ev.certainty == "planned" and (ev.source.country, ev.target.country) == ("DEU", "UKR")


def test_reported_demand_becomes_a_request(nlp: Pipeline) -> None:
    ev = _one(_events(nlp, "Russia said on Tuesday that Sudan must return the helicopter.", "en"), "REQUEST")
    assert (ev.source.country, ev.target.country) == ("RUS", "SDN")


def test_coding_keeps_no_state_between_documents_in_threads(nlp: Pipeline) -> None:
    from concurrent.futures import ThreadPoolExecutor

    texts = ["Putin und Kim Jong Un trafen sich in Wladiwostok. Die beiden Präsidenten tauschten Geschenke aus.",
             "Frankreich kritisierte den Iran. Die beiden Länder unterzeichneten kein Abkommen.",
             "Japan besuchte Indien. Beide Staaten vereinbarten eine engere Zusammenarbeit."] * 6

    def code(t: str) -> list[tuple]:
        return [(e.category, e.source and e.source.country, e.target and e.target.country)
                for e in _events(nlp, t).events]

    alone = [code(t) for t in texts]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(code, texts))
    assert together == alone
