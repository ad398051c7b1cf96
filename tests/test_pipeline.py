"""Pipeline construction, requirement checks, error policy and batch behaviour."""

from __future__ import annotations

import pytest

from lagebild.config import load_config
from lagebild.document import Document
from lagebild.errors import ConfigError, InputError, PipelineError
from lagebild.pipeline import Pipeline


def test_unknown_stage_is_rejected_when_building() -> None:
    with pytest.raises(PipelineError, match="unknown stage"):
        Pipeline.from_config(load_config(overrides={"stages": ["structure", "nope"]}))


def test_stage_order_is_checked_when_building() -> None:
    with pytest.raises(PipelineError, match="requires"):
        Pipeline.from_config(load_config(overrides={"stages": ["lemmatize", "tokenize"]}))


def test_invalid_error_policy_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        load_config(overrides={"error_policy": "ignore"})


def test_user_config_file_overrides_only_what_it_sets(tmp_path) -> None:
    f = tmp_path / "c.toml"
    f.write_text('[input]\ndefault_language = "en"\n', encoding="utf-8")
    cfg = load_config(f)
    assert cfg.default_language == "en"
    assert cfg.error_policy == "raise" and "tokenize" in cfg.stages


def test_stage_returning_something_else_fails_clearly(nlp: Pipeline) -> None:
    class Bad:
        name, requires, assigns = "bad", ("tokens",), ()

        def __call__(self, doc: Document) -> Document:
            return None  # type: ignore[return-value]

    p = Pipeline(list(nlp.stages), nlp.config, nlp.resources)
    p.add_stage(Bad())
    with pytest.raises(PipelineError, match="returned NoneType"):
        p.analyze("Ein Satz.")


def test_added_stage_with_unmet_requirement_is_rejected(nlp: Pipeline) -> None:
    class Needy:
        name, requires, assigns = "needy", ("parse_tree",), ()

        def __call__(self, doc: Document) -> Document:
            return doc

    p = Pipeline(list(nlp.stages), nlp.config, nlp.resources)
    with pytest.raises(PipelineError, match="parse_tree"):
        p.add_stage(Needy())


@pytest.mark.parametrize("bad, reason", [
    ("", "empty"), ("   \n ", "empty"), (b"\x00\x01\x02binary", "binary"), ("x" * 2_000_001, "too long"),
])
def test_bad_input_gives_a_clear_error(nlp: Pipeline, bad, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        nlp.analyze(bad)


def test_invalid_utf8_falls_back_to_cp1252(nlp: Pipeline) -> None:
    doc = nlp.analyze("Österreichs Kanzler reiste nach Wien.".encode("cp1252"))
    assert doc.text.startswith("Österreichs")


def test_twenty_megabyte_text_in_a_batch_is_reported_and_the_batch_goes_on(nlp: Pipeline) -> None:
    recs = [{"id": "a", "text": "Ein Satz."}, {"id": "huge", "text": "Wort " * 4_000_000},
            {"id": "b", "text": b"\xff\xfe\x00\x00"}, {"id": "c"}, {"id": "d", "text": "Noch ein Satz."}]
    out = list(nlp.pipe(recs, error_policy="report"))
    assert [d.id for d in out] == ["a", "huge", "b", "c", "d"]
    assert [bool(d.error) for d in out] == [False, True, True, True, False]
    assert "too long" in (out[1].error or "")


def test_raise_policy_propagates_errors(nlp: Pipeline) -> None:
    with pytest.raises(InputError):
        list(nlp.pipe([{"id": "x", "text": ""}], error_policy="raise"))


def test_language_is_detected_when_not_given(nlp: Pipeline) -> None:
    assert nlp.analyze("The minister said that the talks were over and the troops left.").language == "en"
    assert nlp.analyze("Der Minister sagte, dass die Gespräche vorbei sind und die Truppen abziehen.").language == "de"


def test_invalid_publication_date_is_a_clear_input_error(nlp: Pipeline) -> None:
    with pytest.raises(InputError, match="publication date"):
        nlp.analyze("Ein Satz.", published="2024-13-01")
