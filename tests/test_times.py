"""Time expressions: finding them in German and English text and normalising them against the
publication date. Most tests use a Monday publication date, 2024-01-22."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from lagebild.document import Document, TimeExpr
from lagebild.pipeline import Pipeline, check_order
from lagebild.stages.times import TimesStage, make_times
from lagebild.temporal import Spec, TimeFinder, load_lexicon, resolve
from lagebild.temporal.normalise import easter

PUB = "2024-01-22"   # a Monday
D = dt.date


@pytest.fixture(scope="module")
def stage(nlp: Pipeline) -> TimesStage:
    return make_times(nlp.config, nlp.resources)


@pytest.fixture(scope="module")
def finder(stage: TimesStage) -> TimeFinder:
    return stage.finder


def _times(nlp: Pipeline, stage: TimesStage, text: str, lang: str = "de",
           published: str | None = PUB) -> list[TimeExpr]:
    doc = stage(nlp.analyze(text, published=published, language=lang))
    for t in doc.times:
        assert doc.text[t.start:t.end] == t.text
    return doc.times


def _one(nlp: Pipeline, stage: TimesStage, text: str, lang: str = "de", published: str | None = PUB,
         ) -> TimeExpr:
    times = _times(nlp, stage, text, lang, published)
    assert len(times) == 1, [t.text for t in times]
    return times[0]


def _is(t: TimeExpr, text: str, start: dt.date | None, end: dt.date | None, precision: str) -> None:
    assert (t.text, t.start_date, t.end_date, t.precision) == (text, start, end, precision)


# --- the stage -----------------------------------------------------------------------------------

def test_stage_declares_name_requirements_and_assignments(stage: TimesStage) -> None:
    assert (stage.name, stage.requires, stage.assigns) == ("times", ("tokens", "sentences"), ("times",))


def test_stage_runs_after_tokens_and_sentences(nlp: Pipeline, stage: TimesStage) -> None:
    check_order([*nlp.stages, stage])


def test_seed_article_times_are_found_and_normalised(nlp: Pipeline, stage: TimesStage, seed_text: str) -> None:
    got = {t.text: t for t in _times(nlp, stage, seed_text)}
    _is(got["am Sonntag"], "am Sonntag", D(2024, 1, 21), D(2024, 1, 21), "day")
    _is(got["Vergangene Woche"], "Vergangene Woche", D(2024, 1, 15), D(2024, 1, 21), "week")
    _is(got["im September 2023"], "im September 2023", D(2023, 9, 1), D(2023, 9, 30), "month")
    _is(got["Anfang Jänner"], "Anfang Jänner", D(2024, 1, 1), D(2024, 1, 10), "month")
    _is(got["Erst vor kurzem"], "Erst vor kurzem", None, None, "unknown")
    assert "damals" in got


def test_offsets_point_into_the_document_text(nlp: Pipeline, stage: TimesStage) -> None:
    text = "Titel\nDer Minister sagte am Sonntag, er werde Anfang Jänner reisen."
    doc = stage(nlp.analyze(text, published=PUB, language="de"))
    assert [(t.start, t.end) for t in doc.times] == [(text.index("am Sonntag"), text.index("am Sonntag") + 10),
                                                    (text.index("Anfang"), text.index("Anfang") + 13)]


# --- German weekdays and tense ---------------------------------------------------------------------

def test_weekday_resolves_to_previous_occurrence_before_publication(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Putin hat am Sonntag die Einladung angenommen."),
        "am Sonntag", D(2024, 1, 21), D(2024, 1, 21), "day")


def test_weekday_in_future_clause_resolves_to_next_occurrence(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Putin wird am Sonntag nach Peking reisen."),
        "am Sonntag", D(2024, 1, 28), D(2024, 1, 28), "day")
    _is(_one(nlp, stage, "Scholz will am Freitag mit Macron sprechen."),
        "am Freitag", D(2024, 1, 26), D(2024, 1, 26), "day")


def test_weekday_with_soll_and_perfect_infinitive_is_past(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Russland soll am Samstag Raketen eingesetzt haben."),
        "am Samstag", D(2024, 1, 20), D(2024, 1, 20), "day")


def test_tense_is_read_from_the_expressions_own_clause(nlp: Pipeline, stage: TimesStage) -> None:
    times = _times(nlp, stage, "Er sagte am Sonntag, er werde am Freitag nach Paris reisen.")
    assert [(t.text, t.start_date) for t in times] == [("am Sonntag", D(2024, 1, 21)),
                                                       ("am Freitag", D(2024, 1, 26))]


def test_weekday_equal_to_publication_weekday_is_the_publication_day(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Die Regierung hat am Montag den Plan vorgestellt."),
        "am Montag", D(2024, 1, 22), D(2024, 1, 22), "day")


def test_weekday_with_part_of_day_compound(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Am Dienstagabend kam es zu Explosionen."),
        "Am Dienstagabend", D(2024, 1, 16), D(2024, 1, 16), "day")


def test_future_weekday_naechsten_montag_is_the_following_week(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Er reist nächsten Montag nach Paris."),
        "nächsten Montag", D(2024, 1, 29), D(2024, 1, 29), "day")
    _is(_one(nlp, stage, "Am kommenden Montag beginnt der Gipfel."),
        "Am kommenden Montag", D(2024, 1, 29), D(2024, 1, 29), "day")


def test_vergangenen_weekday_is_strictly_before_publication(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Am vergangenen Montag traf er Xi."),
        "Am vergangenen Montag", D(2024, 1, 15), D(2024, 1, 15), "day")


def test_weekday_of_a_relative_week(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Am Freitag kommender Woche wird gewählt."),
        "Am Freitag kommender Woche", D(2024, 2, 2), D(2024, 2, 2), "day")


def test_night_to_a_weekday_is_that_weekday(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "In der Nacht zum Sonntag griff Russland Kiew an."),
        "In der Nacht zum Sonntag", D(2024, 1, 21), D(2024, 1, 21), "day")


def test_weekday_names_in_titles_are_not_dates(nlp: Pipeline, stage: TimesStage) -> None:
    assert _times(nlp, stage, "Das berichtete die Welt am Sonntag. Der Schwarze Freitag kam.") == []
    assert _times(nlp, stage, "Bloody Sunday was remembered. The Sunday Times reported it.", "en") == []


def test_weekday_range_in_past_clause_lies_before_publication(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Von Montag bis Mittwoch wurde gestreikt."),
        "Von Montag bis Mittwoch", D(2024, 1, 15), D(2024, 1, 17), "day")


# --- German weeks, months, seasons ------------------------------------------------------------------

def test_vergangene_woche_is_the_previous_iso_week(nlp: Pipeline, stage: TimesStage) -> None:
    for text, expr in (("Vergangene Woche hat sie Russland besucht.", "Vergangene Woche"),
                       ("Letzte Woche gab es Proteste.", "Letzte Woche"),
                       ("In der vergangenen Woche gab es Proteste.", "In der vergangenen Woche")):
        _is(_one(nlp, stage, text), expr, D(2024, 1, 15), D(2024, 1, 21), "week")


def test_diese_und_naechste_woche(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Diese Woche tagt der Rat."), "Diese Woche", D(2024, 1, 22), D(2024, 1, 28), "week")
    _is(_one(nlp, stage, "Nächste Woche reist er."), "Nächste Woche", D(2024, 1, 29), D(2024, 2, 4), "week")
    _is(_one(nlp, stage, "Kommende Woche soll entschieden werden."),
        "Kommende Woche", D(2024, 1, 29), D(2024, 2, 4), "week")


def test_mitte_der_woche_in_past_clause_is_the_previous_week(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Mitte der Woche wurde verhandelt."),
        "Mitte der Woche", D(2024, 1, 16), D(2024, 1, 18), "week")


def test_am_wochenende_is_the_nearest_weekend(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Am Wochenende gab es Proteste."),
        "Am Wochenende", D(2024, 1, 20), D(2024, 1, 21), "week")


def test_month_parts_anfang_mitte_ende(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Kirby äußerte Anfang Jänner Sorgen."),
        "Anfang Jänner", D(2024, 1, 1), D(2024, 1, 10), "month")
    _is(_one(nlp, stage, "Mitte Januar wurde verhandelt."), "Mitte Januar", D(2024, 1, 11), D(2024, 1, 20), "month")
    _is(_one(nlp, stage, "Ende Februar wurde verhandelt."), "Ende Februar", D(2023, 2, 21), D(2023, 2, 28), "month")
    _is(_one(nlp, stage, "Ende Feber 2024 wird verhandelt."), "Ende Feber 2024", D(2024, 2, 21), D(2024, 2, 29), "month")


def test_austrian_jaenner_is_january(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Im Jänner 2023 wurde gewählt."), "Im Jänner 2023", D(2023, 1, 1), D(2023, 1, 31), "month")


def test_month_with_year(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Putin und Kim trafen sich zuletzt im September 2023 in Wostotschny."),
        "im September 2023", D(2023, 9, 1), D(2023, 9, 30), "month")


def test_month_without_year_is_the_latest_past_one_unless_future(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Im September traf er Xi."), "Im September", D(2023, 9, 1), D(2023, 9, 30), "month")
    _is(_one(nlp, stage, "Im September wird er Xi treffen."), "Im September", D(2024, 9, 1), D(2024, 9, 30), "month")


def test_month_of_the_previous_year(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Im April vergangenen Jahres kam er."),
        "Im April vergangenen Jahres", D(2023, 4, 1), D(2023, 4, 30), "month")


def test_seasons_with_and_without_year(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Im Frühjahr 2023 begann die Offensive."),
        "Im Frühjahr 2023", D(2023, 3, 1), D(2023, 5, 31), "month")
    _is(_one(nlp, stage, "Im Sommer wurde gekämpft."), "Im Sommer", D(2023, 6, 1), D(2023, 8, 31), "month")
    _is(_one(nlp, stage, "Im Herbst wird gewählt."), "Im Herbst", D(2024, 9, 1), D(2024, 11, 30), "month")
    _is(_one(nlp, stage, "Im Winter 2022/23 fror Europa."),
        "Im Winter 2022/23", D(2022, 12, 1), D(2023, 2, 28), "month")


# --- German days and dates ----------------------------------------------------------------------

def test_day_and_month_dates(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Am 5. März 2024 wird unterzeichnet."), "Am 5. März 2024", D(2024, 3, 5), D(2024, 3, 5), "day")
    _is(_one(nlp, stage, "Das Abkommen vom 05.03.2024 gilt."), "vom 05.03.2024", D(2024, 3, 5), D(2024, 3, 5), "day")
    _is(_one(nlp, stage, "Am 5.3. war Wahl."), "Am 5.3.", D(2023, 3, 5), D(2023, 3, 5), "day")
    _is(_one(nlp, stage, "Am 5. März unterzeichneten sie."), "Am 5. März", D(2023, 3, 5), D(2023, 3, 5), "day")
    _is(_one(nlp, stage, "Die Konferenz, 5. März 2024, Wien."), "5. März 2024", D(2024, 3, 5), D(2024, 3, 5), "day")


def test_day_month_without_tense_takes_the_nearest_year(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Die Wahl am 5. März."), "am 5. März", D(2024, 3, 5), D(2024, 3, 5), "day")


def test_date_ranges_share_month_and_year(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Vom 5. bis 7. März 2024 tagt der Gipfel."),
        "Vom 5. bis 7. März 2024", D(2024, 3, 5), D(2024, 3, 7), "day")
    _is(_one(nlp, stage, "Vom 28. Februar bis 2. März 2024 dauerte die Reise."),
        "Vom 28. Februar bis 2. März 2024", D(2024, 2, 28), D(2024, 3, 2), "day")


def test_weekday_before_a_full_date_is_one_expression(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Am Sonntag, dem 21. Januar 2024, wurde gewählt."),
        "Am Sonntag, dem 21. Januar 2024", D(2024, 1, 21), D(2024, 1, 21), "day")


def test_impossible_day_is_not_read_but_the_month_is(nlp: Pipeline, stage: TimesStage) -> None:
    assert [(t.text, t.precision) for t in _times(nlp, stage, "Am 31. Februar 2024 geschah nichts.")] == [
        ("Februar 2024", "month")]


def test_gestern_vorgestern_heute_morgen(nlp: Pipeline, stage: TimesStage) -> None:
    times = _times(nlp, stage, "Gestern sagte er, vorgestern schwieg er, heute redet er und morgen reist er ab.")
    assert [(t.text, t.start_date, t.precision) for t in times] == [
        ("Gestern", D(2024, 1, 21), "day"), ("vorgestern", D(2024, 1, 20), "day"),
        ("heute", D(2024, 1, 22), "day"), ("morgen", D(2024, 1, 23), "day")]


def test_am_morgen_is_the_morning_not_tomorrow(nlp: Pipeline, stage: TimesStage) -> None:
    assert _times(nlp, stage, "Am Morgen gab es Alarm. Es war ein kalter Morgen.") == []
    _is(_one(nlp, stage, "Heute Morgen gab es Alarm."), "Heute Morgen", D(2024, 1, 22), D(2024, 1, 22), "day")
    _is(_one(nlp, stage, "Morgen beginnt der Gipfel."), "Morgen", D(2024, 1, 23), D(2024, 1, 23), "day")


def test_vor_n_units_ago(nlp: Pipeline, stage: TimesStage) -> None:
    times = _times(nlp, stage, "Vor zwei Wochen, vor drei Tagen, vor einem Monat und vor einem Jahr wurde gewählt.")
    assert [(t.text, t.start_date, t.end_date, t.precision) for t in times] == [
        ("Vor zwei Wochen", D(2024, 1, 8), D(2024, 1, 14), "week"),
        ("vor drei Tagen", D(2024, 1, 19), D(2024, 1, 19), "day"),
        ("vor einem Monat", D(2023, 12, 1), D(2023, 12, 31), "month"),
        ("vor einem Jahr", D(2023, 1, 1), D(2023, 12, 31), "year")]


def test_last_n_units_is_a_range_up_to_publication(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "In den vergangenen zwei Wochen starben 300 Menschen."),
        "In den vergangenen zwei Wochen", D(2024, 1, 8), D(2024, 1, 22), "week")
    _is(_one(nlp, stage, "In den letzten 24 Stunden gab es Angriffe."),
        "In den letzten 24 Stunden", D(2024, 1, 21), D(2024, 1, 22), "day")


# --- German years ----------------------------------------------------------------------------------

def test_year_after_a_preposition_or_jahr(nlp: Pipeline, stage: TimesStage) -> None:
    times = _times(nlp, stage, "Seit 2022 herrscht Krieg. Im Jahr 2023 wurde gewählt. Bis 2030 soll es klappen.")
    assert [(t.text, t.start_date, t.end_date, t.precision) for t in times] == [
        ("Seit 2022", D(2022, 1, 1), D(2022, 12, 31), "year"),
        ("Im Jahr 2023", D(2023, 1, 1), D(2023, 12, 31), "year"),
        ("Bis 2030", D(2030, 1, 1), D(2030, 12, 31), "year")]


def test_year_parts_ende_anfang(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Ende 2023 kam die Wende."), "Ende 2023", D(2023, 9, 1), D(2023, 12, 31), "year")
    _is(_one(nlp, stage, "Anfang vergangenen Jahres kam die Wende."),
        "Anfang vergangenen Jahres", D(2023, 1, 1), D(2023, 4, 30), "year")


def test_numbers_that_count_are_not_years(nlp: Pipeline, stage: TimesStage) -> None:
    text = "Rund 2000 Menschen flohen. Mehr als 2000 verletzte Soldaten. 1950 Polizisten und 2000 Euro."
    assert _times(nlp, stage, text) == []


def test_bare_year_where_it_cannot_be_a_count(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Die Kommunisten übernahmen 1949 die Macht."), "1949", D(1949, 1, 1), D(1949, 12, 31), "year")


def test_bare_years_can_be_switched_off(nlp: Pipeline) -> None:
    finder = TimeFinder(load_lexicon(), bare_years=False)
    doc = nlp.analyze("Die Kommunisten übernahmen 1949 die Macht.", published=PUB, language="de")
    assert finder.find(doc) == []


def test_year_ranges_and_decades(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Zwischen 1993 und 2006 war er Präsident."),
        "Zwischen 1993 und 2006", D(1993, 1, 1), D(2006, 12, 31), "year")
    _is(_one(nlp, stage, "In den 80er Jahren war alles anders."),
        "In den 80er Jahren", D(1980, 1, 1), D(1989, 12, 31), "year")
    assert [t.text for t in _times(nlp, stage, "Er gewann nach 2009 und 2013 Gold.")] == ["nach 2009"]


def test_relative_years_and_quarters(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Heuer gab es Wahlen."), "Heuer", D(2024, 1, 1), D(2024, 12, 31), "year")
    _is(_one(nlp, stage, "Im Vorjahr gab es Wahlen."), "Im Vorjahr", D(2023, 1, 1), D(2023, 12, 31), "year")
    _is(_one(nlp, stage, "Im ersten Quartal 2024 wuchs die Wirtschaft."),
        "Im ersten Quartal 2024", D(2024, 1, 1), D(2024, 3, 31), "month")
    _is(_one(nlp, stage, "Seit Jahresbeginn wurde verhandelt."),
        "Seit Jahresbeginn", D(2024, 1, 1), D(2024, 4, 30), "year")


def test_holidays_fixed_and_easter_based(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "An Weihnachten gab es Angriffe."), "An Weihnachten", D(2023, 12, 24), D(2023, 12, 26), "day")
    _is(_one(nlp, stage, "Zu Ostern 2024 kam er."), "Zu Ostern 2024", D(2024, 3, 31), D(2024, 4, 1), "day")
    assert easter(2025) == D(2025, 4, 20)


# --- vague expressions ------------------------------------------------------------------------------

def test_recent_past_expressions_keep_no_dates(nlp: Pipeline, stage: TimesStage, finder: TimeFinder) -> None:
    for text, expr in (("Erst vor kurzem hatte er das gesagt.", "Erst vor kurzem"),
                       ("Kürzlich hatte er das gesagt.", "Kürzlich"), ("Jüngst wurde bekannt, dass.", "Jüngst")):
        t = _one(nlp, stage, text)
        _is(t, expr, None, None, "unknown")
        assert not t.unresolved
        assert finder.classify(t, "de") == "recent"


def test_damals_is_anaphoric_without_dates(nlp: Pipeline, stage: TimesStage, finder: TimeFinder) -> None:
    t = _one(nlp, stage, "Damals war alles anders.")
    _is(t, "Damals", None, None, "unknown")
    assert finder.classify(t, "de") == "anaphoric"


def test_present_and_duration_words_are_classified(nlp: Pipeline, stage: TimesStage, finder: TimeFinder) -> None:
    times = _times(nlp, stage, "Derzeit wird verhandelt. Seit Jahren gibt es Streit. In den kommenden Tagen regnet es.")
    assert [finder.classify(t, "de") for t in times] == ["present", "duration", "future"]


def test_zuletzt_before_a_date_yields_only_the_date(nlp: Pipeline, stage: TimesStage) -> None:
    assert [t.text for t in _times(nlp, stage, "Sie trafen sich zuletzt im September 2023.")] == ["im September 2023"]


def test_words_inside_other_words_are_not_times(nlp: Pipeline, stage: TimesStage) -> None:
    text = "Er kann jederzeit kommen. Andreas Scheuer sprach beim Wahlsonntag in der ZDF-Heute-Show."
    assert _times(nlp, stage, text) == []


# --- without a publication date ---------------------------------------------------------------------

def test_relative_expressions_without_publication_date_are_unresolved(nlp: Pipeline, stage: TimesStage) -> None:
    times = _times(nlp, stage, "Am Sonntag und gestern wurde im September verhandelt. Kürzlich auch.",
                   published=None)
    assert [t.text for t in times] == ["Am Sonntag", "gestern", "im September", "Kürzlich"]
    for t in times:
        assert t.unresolved and t.start_date is None and t.end_date is None
    assert [t.precision for t in times] == ["day", "day", "month", "unknown"]


def test_absolute_expressions_resolve_without_publication_date(nlp: Pipeline, stage: TimesStage) -> None:
    t = _one(nlp, stage, "Im September 2023 trafen sie sich.", published=None)
    _is(t, "Im September 2023", D(2023, 9, 1), D(2023, 9, 30), "month")
    assert not t.unresolved


def test_resolve_without_publication_date_never_guesses() -> None:
    r = resolve(Spec("weekday", weekday=7), None, "past")
    assert r is not None and r.unresolved and r.start is None and r.end is None


# --- English ------------------------------------------------------------------------------------

def test_english_weekdays_past_and_future(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Putin met Xi on Sunday.", "en"), "on Sunday", D(2024, 1, 21), D(2024, 1, 21), "day")
    _is(_one(nlp, stage, "Putin will travel to Beijing on Sunday.", "en"),
        "on Sunday", D(2024, 1, 28), D(2024, 1, 28), "day")
    _is(_one(nlp, stage, "He said on Sunday he will travel.", "en"), "on Sunday", D(2024, 1, 21), D(2024, 1, 21), "day")
    _is(_one(nlp, stage, "He arrived on Tuesday night.", "en"), "on Tuesday night", D(2024, 1, 16), D(2024, 1, 16), "day")


def test_english_weeks(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Protests took place last week.", "en"), "last week", D(2024, 1, 15), D(2024, 1, 21), "week")
    _is(_one(nlp, stage, "Talks resume next week.", "en"), "next week", D(2024, 1, 29), D(2024, 2, 4), "week")
    _is(_one(nlp, stage, "This week the council meets.", "en"), "This week", D(2024, 1, 22), D(2024, 1, 28), "week")


def test_english_month_parts(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Talks were held in early January.", "en"),
        "in early January", D(2024, 1, 1), D(2024, 1, 10), "month")
    _is(_one(nlp, stage, "Talks were held in mid-December.", "en"),
        "in mid-December", D(2023, 12, 11), D(2023, 12, 20), "month")
    _is(_one(nlp, stage, "Talks were held in late January.", "en"),
        "in late January", D(2024, 1, 21), D(2024, 1, 31), "month")


def test_english_months_and_dates(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "In September 2023 they met.", "en"),
        "In September 2023", D(2023, 9, 1), D(2023, 9, 30), "month")
    _is(_one(nlp, stage, "They signed on March 5.", "en"), "on March 5", D(2023, 3, 5), D(2023, 3, 5), "day")
    _is(_one(nlp, stage, "The deal of March 5, 2024 holds.", "en"),
        "March 5, 2024", D(2024, 3, 5), D(2024, 3, 5), "day")
    _is(_one(nlp, stage, "It began on 5 March 2024.", "en"), "on 5 March 2024", D(2024, 3, 5), D(2024, 3, 5), "day")


def test_english_may_as_name_or_verb_is_not_a_month(nlp: Pipeline, stage: TimesStage) -> None:
    assert _times(nlp, stage, "Theresa May said so. A speech by May. Talks may fail.", "en") == []
    _is(_one(nlp, stage, "In May the talks failed.", "en"), "In May", D(2023, 5, 1), D(2023, 5, 31), "month")


def test_english_relative_days(nlp: Pipeline, stage: TimesStage) -> None:
    times = _times(nlp, stage, "Yesterday he spoke, today he travels and tomorrow he leaves.", "en")
    assert [(t.text, t.start_date) for t in times] == [
        ("Yesterday", D(2024, 1, 21)), ("today", D(2024, 1, 22)), ("tomorrow", D(2024, 1, 23))]


def test_english_ago(nlp: Pipeline, stage: TimesStage) -> None:
    times = _times(nlp, stage, "Two weeks ago, three days ago and a year ago things were different.", "en")
    assert [(t.text, t.start_date, t.end_date, t.precision) for t in times] == [
        ("Two weeks ago", D(2024, 1, 8), D(2024, 1, 14), "week"),
        ("three days ago", D(2024, 1, 19), D(2024, 1, 19), "day"),
        ("a year ago", D(2023, 1, 1), D(2023, 12, 31), "year")]


def test_english_last_month_last_year_in_year(nlp: Pipeline, stage: TimesStage) -> None:
    times = _times(nlp, stage, "Prices rose last month. Elections were held last year. In 2023 the war went on.", "en")
    assert [(t.text, t.start_date, t.end_date, t.precision) for t in times] == [
        ("last month", D(2023, 12, 1), D(2023, 12, 31), "month"),
        ("last year", D(2023, 1, 1), D(2023, 12, 31), "year"),
        ("In 2023", D(2023, 1, 1), D(2023, 12, 31), "year")]


def test_english_recently_and_at_the_time(nlp: Pipeline, stage: TimesStage, finder: TimeFinder) -> None:
    times = _times(nlp, stage, "Recently he said so. At the time nobody knew.", "en")
    assert [(t.text, t.precision, t.start_date) for t in times] == [("Recently", "unknown", None),
                                                                    ("At the time", "unknown", None)]
    assert [finder.classify(t, "en") for t in times] == ["recent", "anaphoric"]


def test_english_earlier_this_month_and_weekend(nlp: Pipeline, stage: TimesStage) -> None:
    _is(_one(nlp, stage, "Earlier this month he resigned.", "en"),
        "Earlier this month", D(2024, 1, 1), D(2024, 1, 22), "month")
    _is(_one(nlp, stage, "Over the weekend troops advanced.", "en"),
        "Over the weekend", D(2024, 1, 20), D(2024, 1, 21), "week")


def test_english_unresolved_without_publication_date(nlp: Pipeline, stage: TimesStage) -> None:
    t = _one(nlp, stage, "Protests took place last week.", "en", published=None)
    assert t.unresolved and t.start_date is None and t.precision == "week"


# --- data and speed ---------------------------------------------------------------------------------

def test_lexicon_loads_both_languages() -> None:
    lex = load_lexicon()
    assert lex["de"].months["jänner"] == 1 and lex["de"].months["feber"] == 2
    assert lex["en"].weekdays["sunday"] == 7
    assert lex["de"].stem_value("direction", "vergangenen") == "past"


def test_sentences_without_trigger_words_are_skipped_quickly(nlp: Pipeline, stage: TimesStage) -> None:
    text = " ".join(["Die Minister sprachen lange über die Lage in der Region und die Folgen."] * 150)
    doc = nlp.analyze(text, published=PUB, language="de")
    t0 = time.perf_counter()
    stage(doc)
    assert doc.times == [] and time.perf_counter() - t0 < 0.5


def test_document_without_sentences_is_searched_whole(finder: TimeFinder) -> None:
    doc = Document(text="Am Sonntag wurde gewählt.", published=D(2024, 1, 22), language="de")
    assert [(t.text, t.start_date) for t in finder.find(doc)] == [("Am Sonntag", D(2024, 1, 21))]
