"""Every content file is valid: sources resolve, links resolve, presets run, predictions hold."""

import re

import pytest

from ermu.models.content import ALLOWED_SCHEMES, CITATION, bibliography, glossary, lessons, question_preset
from ermu.models.incident_setup import fit_incident, play_preset
from ermu.models.predict import engine_answer
from ermu.models.regimes import REGIMES, get_regime

LESSONS = lessons()
IDS = [lesson.id for lesson in LESSONS]
PATH = ["introduction", "roots", "sui", "song-baojia", "ming-counties", "ming-lijia", "ming-baojia",
        "ming-xiangyue", "qing-baojia", "qing-lijia", "criticism", "social-credit", "commercial-credit",
        "public-opinion", "why-the-system", "who-approves", "over-the-years", "then-and-now"]
PATH.insert(PATH.index("ming-lijia") + 1, "empire")  # the empire of 1461 follows the Ming lijia
VIEWS = {"sandbox", "criticism", "credit", "charts", "years", "empire"}


def test_the_lesson_path_runs_from_589_to_today_in_order():
    assert IDS == PATH
    assert [lesson.order for lesson in LESSONS] == list(range(1, len(PATH) + 1))
    for lesson in LESSONS:
        assert lesson.filename == f"{lesson.order:02d}-{lesson.id}.md"


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_front_matter_and_length(lesson):
    assert lesson.title and lesson.era and lesson.objectives
    assert 400 <= lesson.words <= 900, f"{lesson.id} has {lesson.words} words"
    if lesson.regime:
        assert lesson.regime in REGIMES


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_every_citation_resolves_and_is_listed(lesson):
    works = bibliography()
    cited = lesson.cited_keys()
    assert cited, f"{lesson.id} cites nothing"
    assert cited <= set(lesson.sources), f"{lesson.id} cites keys missing from its front matter"
    assert set(lesson.sources) <= set(works), f"unknown keys {set(lesson.sources) - set(works)}"


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_links_use_only_safe_schemes_and_resolve(lesson):
    terms = glossary()
    for scheme, target in lesson.links():
        assert scheme in ALLOWED_SCHEMES
        if scheme == "glossary":
            assert target in terms, f"{lesson.id}: glossary term {target!r} is missing"
        if scheme == "lesson":
            assert target in IDS
        if scheme == "source":
            assert target in bibliography()
    assert not re.search(r"\]\((https?|file|ftp|javascript):", lesson.body, re.I)
    assert not re.search(r"<\s*(script|iframe|img|a)\b", lesson.body, re.I), "raw HTML is not allowed"


@pytest.mark.parametrize("lesson", [lesson for lesson in LESSONS if lesson.preset], ids=lambda l: l.id)
def test_try_it_presets_run(lesson):
    preset = lesson.preset
    assert preset.view in VIEWS
    if preset.view == "years":  # the years face's preset makes an experiment the model accepts
        from ermu.models.years.experiment import Experiment

        assert Experiment.from_preset(preset).regimes
        return
    if preset.view != "sandbox":
        return
    result = play_preset(preset)
    assert result.trace.steps
    if preset.has_incident:  # the lesson's own incident plays as written, nothing refitted
        assert fit_incident(get_regime(preset.regime), preset.incident, preset.households).notes == ()


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_two_to_four_questions_each_with_explaining_feedback(lesson):
    assert 2 <= len(lesson.questions) <= 4, f"{lesson.id} has {len(lesson.questions)} questions"
    works = bibliography()
    for q in lesson.questions:
        assert q["kind"] in {"choice", "order", "predict"}
        assert len(q["feedback"].split()) >= 8, "feedback must explain, not just say right or wrong"
        assert set(q.get("sources", [])) <= set(works)
        if q["kind"] == "choice":
            assert len(q["choices"]) >= 2 and 0 <= q["answer"] < len(q["choices"])
        if q["kind"] == "order":
            assert len(q["items"]) >= 3 and len(set(q["items"])) == len(q["items"])


PREDICTIONS = [(lesson.id, i, q) for lesson in LESSONS for i, q in enumerate(lesson.questions)
               if q["kind"] == "predict" and q.get("model", "incident") == "incident"]
YEARS_PREDICTIONS = [(lesson.id, i, q) for lesson in LESSONS for i, q in enumerate(lesson.questions)
                     if q["kind"] == "predict" and q.get("model") == "years"]


@pytest.mark.parametrize("lesson_id, index, question", PREDICTIONS,
                         ids=[f"{lid}-{i}" for lid, i, _ in PREDICTIONS])
def test_predict_answers_match_the_engine(lesson_id, index, question):
    preset = question_preset(question)
    assert engine_answer(preset, question.get("measure", "liable_households")) == question["answer"]
    if preset.view != "empire":  # the shared answer is the incident's outcome itself
        result = play_preset(preset)
        assert getattr(result.outcome, question.get("measure", "liable_households")) == question["answer"]


@pytest.mark.parametrize("lesson_id, index, question", YEARS_PREDICTIONS,
                         ids=[f"{lid}-{i}" for lid, i, _ in YEARS_PREDICTIONS])
def test_years_predictions_match_the_years_model(lesson_id, index, question):
    """A predict question answered by a village over the years: the model picks the choice."""
    from ermu.models.years.questions import answer

    assert 2 <= len(question["choices"]) and 0 <= question["answer"] < len(question["choices"])
    result = answer(question["years"])
    assert result.index == question["answer"], result.explanation.render()


def test_there_are_years_predictions():
    assert len(YEARS_PREDICTIONS) >= 2


def test_there_are_questions_of_every_kind():
    kinds = {q["kind"] for lesson in LESSONS for q in lesson.questions}
    assert kinds == {"choice", "order", "predict"}


def test_glossary_terms_have_characters_pinyin_and_sources():
    works = bibliography()
    for term in glossary().values():
        assert term.hanzi and term.pinyin and term.definition
        assert set(term.sources) <= set(works), term.id


def test_bibliography_includes_the_two_seed_texts_and_the_historians():
    works = bibliography()
    for key in ("duke-thesis-2020", "vochelet-2020", "hsiao-1960", "brook-2005", "qu-1988", "chu-1983"):
        assert key in works
    assert works["hsiao-1960"].year == 1960 and "Rural China" in works["hsiao-1960"].title


def test_citation_syntax_is_what_the_readme_promises():
    assert CITATION.findall("as shown [@hsiao-1960, p. 45] and [@brook-2005]") == [("hsiao-1960", "p. 45"),
                                                                                   ("brook-2005", "")]


def test_works_no_seed_text_cites_say_why_they_are_here():
    seeds = {"duke-thesis-2020", "vochelet-2020"}
    background = [w for w in bibliography().values() if not w.cited_in and w.key not in seeds]
    assert {w.key for w in background} >= {"heckathorn-1988", "heckathorn-1990", "bandyopadhyay-2010", "huck-2007"}
    for work in background:
        assert "background reading" in work.note and "not from the seed texts" in work.note, work.key


def test_kiosk_short_forms_are_short_and_the_years_lesson_has_one():
    for lesson in LESSONS:
        assert len(lesson.kiosk.split()) <= 60, lesson.id
    years = next(lesson for lesson in LESSONS if lesson.id == "over-the-years")
    assert years.kiosk and "illustrative" in years.kiosk
