"""Structure, tokens, sentences, lemmas, compounds and separable verbs."""

from __future__ import annotations

from lagebild.pipeline import Pipeline
from lagebild.stages.structure import find_sections


def _toks(nlp: Pipeline, text: str, lang: str = "de"):
    return nlp.analyze(text, language=lang).tokens


def test_structure_recognises_kicker_headline_lead_subheading_and_paragraphs(seed_like: str) -> None:
    kinds = [s.kind for s in find_sections(seed_like)]
    assert kinds == ["kicker", "headline", "lead", "paragraph", "subheading", "paragraph"]


def test_headline_becomes_title_when_none_given(nlp: Pipeline, seed_like: str) -> None:
    assert nlp.analyze(seed_like).title == "Ministerin nimmt Einladung nach Wien an"


def test_single_line_text_is_one_paragraph() -> None:
    assert [s.kind for s in find_sections("Ein Satz. Noch ein Satz.")] == ["paragraph"]


def test_hyphenated_names_and_compounds_stay_whole(nlp: Pipeline) -> None:
    words = [t.text for t in _toks(nlp, "Kim Jong-un traf einen Kreml-Sprecher und die US-Denkfabrik CSIS.")]
    assert "Jong-un" in words and "Kreml-Sprecher" in words and "US-Denkfabrik" in words


def test_abbreviations_and_ordinals_keep_their_dot(nlp: Pipeline) -> None:
    words = [t.text for t in _toks(nlp, "Laut Dr. Huber kam u. a. Nr. 5 am 21. Jänner z. B. nach Wien.")]
    for w in ("Dr.", "u.", "a.", "Nr.", "21.", "z.", "B."):
        assert w in words


def test_sentences_do_not_split_after_abbreviations(nlp: Pipeline) -> None:
    doc = nlp.analyze("Laut Dr. Huber kam er z. B. am 21. Jänner. Dann ging er.")
    assert [doc.text[s.start:s.end] for s in doc.sentences] == [
        "Laut Dr. Huber kam er z. B. am 21. Jänner.", "Dann ging er."]


def test_sentences_never_cross_headings(nlp: Pipeline, seed_like: str) -> None:
    doc = nlp.analyze(seed_like)
    texts = [doc.text[s.start:s.end] for s in doc.sentences]
    assert texts[0] == "Annäherung zweier Staaten"
    assert texts[1] == "Ministerin nimmt Einladung nach Wien an"
    assert "Hintergrund der Reise" in texts


def test_quote_and_ellipsis_handling(nlp: Pipeline) -> None:
    doc = nlp.analyze('Er sagte: "Wir kommen." Dann schwieg er... und ging. Neuer Satz.')
    texts = [doc.text[s.start:s.end] for s in doc.sentences]
    assert texts == ['Er sagte: "Wir kommen."', "Dann schwieg er... und ging.", "Neuer Satz."]


def test_lemmas_for_inflected_forms(nlp: Pipeline) -> None:
    toks = {t.text: t for t in _toks(nlp, "Die nordkoreanischen Diplomaten trafen Vertreter Russlands.")}
    assert toks["nordkoreanischen"].lemma == "nordkoreanisch"
    assert toks["trafen"].lemma == "treffen"
    assert toks["Russlands"].lemma == "Russland"


def test_separable_verbs_are_joined(nlp: Pipeline) -> None:
    toks = {t.text: t for t in _toks(nlp, "Putin nimmt die Einladung an. Der Minister trat gestern zurück.")}
    assert toks["nimmt"].lemma == "annehmen"
    assert toks["trat"].lemma == "zurücktreten"
    assert toks["an"].pos == "PART"


def test_compound_heads_are_available(nlp: Pipeline) -> None:
    toks = {t.text: t for t in _toks(nlp, "Es gab Waffenlieferungen und Willkommensgeschenke.")}
    assert toks["Waffenlieferungen"].head == "Lieferung"
    assert toks["Willkommensgeschenke"].head == "Geschenk"


def test_elliptic_compounds_are_expanded(nlp: Pipeline) -> None:
    toks = {t.text: t for t in _toks(nlp, "Sie bekamen Technologie-, Lebensmittel- und Energielieferungen.")}
    assert toks["Technologie-"].expanded == "Technologielieferungen"
    assert toks["Lebensmittel-"].expanded == "Lebensmittellieferungen"
    assert toks["Technologie-"].head == "Lieferung"


def test_english_tokens_and_lemmas(nlp: Pipeline) -> None:
    doc = nlp.analyze("The U.S. officials met Mr. Lavrov on Monday. They signed agreements.", language="en")
    texts = [doc.text[s.start:s.end] for s in doc.sentences]
    assert texts == ["The U.S. officials met Mr. Lavrov on Monday.", "They signed agreements."]
    toks = {t.text: t for t in doc.tokens}
    assert toks["signed"].lemma == "sign"
    assert toks["agreements"].lemma == "agreement"


def test_token_offsets_give_back_their_text(nlp: Pipeline, seed_like: str) -> None:
    doc = nlp.analyze(seed_like)
    assert all(doc.text[t.start:t.end] == t.text for t in doc.tokens)
    assert all(doc.text[s.start:s.end].strip() for s in doc.sentences)
