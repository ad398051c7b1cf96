"""Actor recognition and resolution: compositions, dates, context, short forms, capitals."""

from __future__ import annotations

from lagebild.document import ActorMention
from lagebild.pipeline import Pipeline


def _actors(nlp: Pipeline, text: str, published: str = "2024-01-22", lang: str = "de") -> list[ActorMention]:
    return nlp.analyze(text, published=published, language=lang).actors


def _covering(actors: list[ActorMention], text: str, phrase: str) -> ActorMention:
    i = text.index(phrase)
    hit = [a for a in actors if a.start <= i and i + len(phrase) <= a.end]
    assert hit, f"{phrase!r} not covered by {[(a.text, a.country) for a in actors]}"
    return hit[0]


def test_state_role_and_name_compose_into_one_person(nlp: Pipeline) -> None:
    text = "Russlands Präsident Wladimir Putin reiste ab."
    a = _covering(_actors(nlp, text), text, "Russlands Präsident Wladimir Putin")
    assert (a.name, a.country, a.sector, a.type) == ("Vladimir Putin", "RUS", "GOV", "person")


def test_role_without_name_resolves_to_the_holder_on_the_date(nlp: Pipeline) -> None:
    text = "Der russische Präsident reiste ab."
    early = _covering(_actors(nlp, text, "2010-06-01"), text, "russische Präsident")
    late = _covering(_actors(nlp, text, "2024-01-22"), text, "russische Präsident")
    assert early.country == late.country == "RUS"
    assert early.name != late.name


def test_compound_modifier_gives_the_role_its_state(nlp: Pipeline) -> None:
    text = "Das sagte ein Kreml-Sprecher."
    a = _covering(_actors(nlp, text), text, "Kreml-Sprecher")
    assert (a.country, a.sector, a.role) == ("RUS", "GOV", "spokesperson")


def test_analysts_of_a_think_tank_take_its_state_and_sector(nlp: Pipeline) -> None:
    text = "Das glauben Analysten der US-Denkfabrik CSIS."
    a = _covering(_actors(nlp, text), text, "Analysten der US-Denkfabrik CSIS")
    assert (a.country, a.sector) == ("USA", "EDU")


def test_capital_after_locative_is_a_place_not_a_government(nlp: Pipeline) -> None:
    doc = nlp.analyze("Moskau erklärte, die Gespräche in Peking seien beendet.", language="de")
    texts = {a.text: a for a in doc.actors}
    assert texts["Moskau"].country == "RUS" and texts["Moskau"].sector == "GOV"
    assert "Peking" not in texts
    assert any(p.text == "Peking" and p.country == "CHN" for p in doc.places)


def test_short_form_after_full_name_is_the_same_person(nlp: Pipeline) -> None:
    text = "Kim Jong Un empfing Gäste. Später sprach Kim lange."
    actors = _actors(nlp, text)
    later = [a for a in actors if a.text == "Kim"]
    assert later and later[0].country == "PRK" and later[0].method == "coref"


def test_unknown_person_with_a_role_gets_the_role_state(nlp: Pipeline) -> None:
    text = "Die polnische Außenministerin Hanna Nowakowska kritisierte das."
    a = _covering(_actors(nlp, text), text, "Hanna Nowakowska")
    assert (a.type, a.country, a.role) == ("person", "POL", "foreign minister")


def test_definite_role_refers_back_to_the_person(nlp: Pipeline) -> None:
    text = "Der französische Außenminister Jean-Noël Barrot traf Kollegen. Der Minister sagte danach wenig."
    actors = _actors(nlp, text)
    later = [a for a in actors if a.text == "Minister"]
    assert later and later[0].country == "FRA"


def test_english_actors(nlp: Pipeline) -> None:
    text = "Russian President Vladimir Putin met a White House spokesman."
    actors = _actors(nlp, text, lang="en")
    assert _covering(actors, text, "Vladimir Putin").country == "RUS"
    assert _covering(actors, text, "White House").country == "USA"
