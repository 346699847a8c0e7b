"""What the source audit of issue 12 found, pinned: each wrong fact stays fixed.

Every test here names what a reader of the app would have seen before the fix.
"""

import re

import pytest

from ermu.models.content import bibliography, glossary, lesson, lessons
from ermu.models.credit.disagreements import get_disagreement
from ermu.models.credit.facts import OUTLINE_PARTS_CLAIM
from ermu.models.credit.schemes import get_scheme
from ermu.models.dating import ASSUMED_MARK
from ermu.models.regimes import REGIMES, get_regime
from ermu.models.population import Setting


def _quiz_text(lesson_id: str) -> str:
    return " ".join(str(q) for q in lesson(lesson_id).questions)


def test_wang_shouren_cards_end_in_1520_as_the_thesis_says():
    assert get_regime("wang-shouren").end_year == 1520
    assert "1521" not in get_regime("wang-shouren").years_label()


def test_wang_shouren_punishment_rule_is_marked_as_ermus_assumption():
    rules = get_regime("wang-shouren").liability
    assert not rules.neighbours_on_concealment.documented
    assert not rules.reported.documented
    assert "assumption" in rules.neighbours_on_concealment.text
    quiz = _quiz_text("ming-baojia")
    assert quiz.count("assumption") >= 2 and "assumed rule" in quiz


def test_the_kuan_tzu_is_dated_to_the_seventh_century_bc_not_undated():
    roots = lesson("roots")
    assert "seventh century BC" in roots.body and "do not say when either text" not in roots.body
    assert -700 <= roots.start_year <= -601 and roots.start_note
    assert roots.years_label().endswith(ASSUMED_MARK)
    assert "seventh century BC" in _quiz_text("roots")
    assert "not given in our sources" not in _quiz_text("roots")


def test_qing_lijia_no_longer_cites_brook_on_the_ming_lijia():
    spec = get_regime("qing-lijia")
    rule = spec.liability.neighbours_on_concealment
    assert all(s.key != "brook-2005" for s in rule.sources)
    assert not rule.documented and "assumption" in rule.text


def test_the_four_parts_of_the_outline_cite_dai_page_40_not_song():
    cited = {(s.key, s.pages) for s in OUTLINE_PARTS_CLAIM.sources}
    assert ("dai-2020", "40") in cited and all(k != "song-2019" for k, _ in cited)
    national = get_scheme("national")
    outline = next(c for c in national.claims if "four parts" in c.text)
    assert all(s.key != "song-2019" for s in outline.sources)
    assert any((s.key, s.pages) == ("dai-2020", "40") for s in outline.sources)


def test_the_big_brother_reading_is_the_thesis_own_with_its_qualifier():
    body = lesson("social-credit").body
    assert "although that still plays a significant role" in body
    sentence = body[body.index("Big Brother") - 200: body.index("significant role") + 60]
    assert "liang-2018, p. 427" not in sentence and "@duke-thesis-2020" in sentence


def test_the_1991_pilots_cite_page_4():
    body = lesson("introduction").body
    assert re.search(r"1991 \[@kostka-2019, p\. 4\]", body)


def test_the_thesis_is_named_by_title_university_and_year_not_an_author():
    thesis = bibliography()["duke-thesis-2020"]
    assert thesis.authors == ()
    citation = thesis.citation()
    assert citation.startswith(thesis.title) and "2020" in citation and "Duke University" in citation
    assert "Barrios" not in citation and "Anonymous" not in citation


def test_song_baojia_was_quickly_adopted_not_within_a_year():
    spec = get_regime("song-baojia")
    assert "quickly adopted" in spec.scope.text.lower()
    assert "empire within a year" not in spec.place + spec.scope.text


def test_the_papers_grades_are_not_called_a_local_pilot_scale():
    pilot = get_scheme("pilot")
    assert "pilot" not in pilot.title.lower()
    assert any("no particular scheme" in c.text for c in pilot.claims)
    note = get_disagreement("score-range").note
    assert "press reports" not in note and "neither source says which scheme" in note


def test_horsley_is_cited_only_for_rural_areas_the_system_has_barely_reached():
    claims = [c for c in get_disagreement("one-score").claims if any(s.key == "horsley-2018" for s in c.sources)]
    assert claims and all("rural" in c.text and "does not exist" not in c.text for c in claims)


def test_rongcheng_is_only_a_model_city():
    assert "starting score" not in glossary()["rongcheng"].definition


def test_every_sui_division_has_a_cheng_the_pao_included():
    assert "each division" in glossary()["zheng"].definition and "pao" in glossary()["zheng"].definition
    assert all(level.leaders for level in get_regime("sui").levels)
    assert "accounts of the Sui differ" not in lesson("sui").body


def test_the_suburban_li_has_one_character_everywhere_and_the_sources_give_none():
    term = glossary()["xiang-suburban"]
    for regime_id in ("ming-lijia", "qing-lijia"):
        li = get_regime(regime_id).levels[1]
        assert li.name_for(Setting.SUBURBAN).hanzi == term.hanzi
        assert "no characters" in li.name_for(Setting.SUBURBAN).english
    assert "no characters" in term.definition


@pytest.mark.parametrize("where", ["ming-lijia", "ming-xiangyue"])
def test_the_lijia_is_taxes_and_census_not_labour_service(where):
    assert "labour service" not in lesson(where).body
    assert "labour" not in " ".join(o.text for o in get_regime("ming-lijia").obligations)
    assert "labour" not in glossary()["lijia"].definition


def test_no_smaller_additions_the_sources_do_not_make():
    assert "protected market" not in lesson("commercial-credit").body
    assert "daughters" not in lesson("ming-lijia").body
    assert "unpaid, risky" not in _quiz_text("ming-lijia")
    song_quiz = lesson("song-baojia").questions
    self_report = next(q for q in song_quiz if q.get("preset", {}).get("response") == "self-report")
    assert "brook-2005" not in self_report["sources"] and "assumption" in self_report["feedback"]
    terms = glossary()
    assert "Guan Zhong" not in terms["guanzi"].definition
    assert "Yangming" not in terms["wang-shouren"].definition + " ".join(terms["wang-shouren"].romanizations)
    assert "soldiers" not in terms["tun"].definition and "lijia hundred" not in terms["tu"].definition


def test_assumed_dates_carry_the_mark_and_say_why():
    assumed = {"sui": "end", "song-baojia": "end", "ming-xiangyue": "start", "qing-baojia": "end",
               "qing-lijia": "end"}
    for regime_id, which in assumed.items():
        spec = get_regime(regime_id)
        note = spec.start_note if which == "start" else spec.end_note
        assert note and ASSUMED_MARK in spec.years_label(), regime_id
    for spec in REGIMES.values():
        if spec.id not in assumed:
            assert ASSUMED_MARK not in spec.years_label(), spec.id


def test_home_and_the_lesson_path_agree_on_every_regime_year():
    for item in lessons():
        if not item.regime:
            continue
        spec = get_regime(item.regime)
        if item.end_year is not None and spec.end_year is not None:
            assert (item.end_year, bool(item.end_note)) == (spec.end_year, bool(spec.end_note)), item.id
        if item.start_year == spec.start_year:
            assert bool(item.start_note) == bool(spec.start_note), item.id
    assert lesson("qing-baojia").end_year == get_regime("qing-baojia").end_year == 1900


def test_every_lesson_year_the_sources_do_not_give_is_marked():
    marked = {item.id for item in lessons() if ASSUMED_MARK in item.years_label()}
    assert {"roots", "ming-xiangyue", "qing-baojia", "qing-lijia", "criticism"} <= marked
    for item in lessons():
        assert (ASSUMED_MARK in item.years_label()) == bool(item.date_notes()), item.id


@pytest.mark.parametrize("term_id, not_in_the_sources", [
    ("pai", "placard"), ("hongwu", "Zhu Yuanzhang"), ("lishu", "shuli"), ("she", "Yuan village"),
    ("sui-wendi", "Founding"), ("zhouli", "idealised"), ("sacred-edict", "his son"),
    ("shunzhi", "1661"), ("zu", "clan"), ("ndrc", "economic planning"), ("yamen", "residence"),
])
def test_glossary_says_only_what_the_sources_say(term_id, not_in_the_sources):
    term = glossary()[term_id]
    assert not_in_the_sources not in term.definition + " ".join(term.romanizations)


def test_the_two_lizhang_rules_are_kept_apart():
    definition = glossary()["lizhang"].definition
    assert "Ming" in definition and "Qing" in definition and "one each year" in definition
    assert "a one-year turn is Ermu's assumption" in get_regime("ming-lijia").levels[1].leaders[0].duty
