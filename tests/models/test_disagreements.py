"""Every disagreement inside the sources is listed, with both sides, and surfaced where its numbers appear."""

import pytest

from ermu.models.content import bibliography, lesson
from ermu.models.credit import DISAGREEMENTS, tables
from ermu.models.credit.disagreements_found import FRESH, NAMED
from ermu.models.regimes import get_regime

NAMED_IN_THE_ISSUE = {"rail-bans", "every-user-changed", "sum-over-100", "ming-baojia-nationwide"}


def _text_of(place: str) -> str:
    kind, _, name = place.partition(":")
    if kind == "lesson":
        return lesson(name).body
    if kind == "table":
        return tables.TABLES[name].note
    if kind == "regime":
        return " ".join(get_regime(name).notes)
    raise AssertionError(f"unknown kind of place {place!r}")


def test_the_disagreements_the_issue_names_are_listed():
    assert {d.id for d in NAMED} == NAMED_IN_THE_ISSUE
    assert NAMED_IN_THE_ISSUE <= {d.id for d in DISAGREEMENTS}


def test_the_fresh_audit_found_more_and_all_are_in_the_list():
    assert len(FRESH) >= 12
    assert {d.id for d in FRESH} <= {d.id for d in DISAGREEMENTS}
    assert len({d.id for d in DISAGREEMENTS}) == len(DISAGREEMENTS), "ids must be unique"


@pytest.mark.parametrize("d", DISAGREEMENTS, ids=lambda d: d.id)
def test_each_shows_two_sides_with_sources_and_a_reading(d):
    works = bibliography()
    assert len(d.claims) >= 2 and d.note and d.topic.endswith("?")
    for claim in d.claims:
        assert {s.key for s in claim.sources} <= set(works), claim.text


def test_every_disagreement_since_the_audit_says_where_it_is_surfaced():
    later = DISAGREEMENTS[[d.id for d in DISAGREEMENTS].index("song-date"):]
    assert all(d.shown_in and d.cue for d in later)


@pytest.mark.parametrize("d", [d for d in DISAGREEMENTS if d.shown_in], ids=lambda d: d.id)
def test_each_is_surfaced_where_its_numbers_appear(d):
    for place in d.shown_in:
        assert d.cue in _text_of(place), f"{place} does not surface {d.id!r} (expected {d.cue!r})"


def test_the_figure_5_8_row_really_sums_past_100():
    row = next(r for r in tables.load("behaviour_change_by_scheme") if r["scheme_id"] == "commercial-only")
    assert round(float(row["changed_pct"]) + float(row["unchanged_pct"]), 1) == 100.1


def test_the_5_9_percent_who_did_not_change_is_in_the_figures():
    total = next(r for r in tables.load("behaviour_change_by_scheme") if r["scheme_id"] == "total")
    assert total["unchanged_pct"] == "5.9"
