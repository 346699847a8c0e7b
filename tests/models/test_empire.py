"""The empire of 1461: the registers' counts, one unit per household per level, incidents anywhere."""

import json

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from ermu.models.cli import main
from ermu.models.empire import COUNTY_CHOICES, HOUSEHOLDS_1461, Empire, EmpireError, Status
from ermu.models.empire.numbers import (compare_heads, figures, heads_needed, play_incident, report,
                                        unit_counts)
from ermu.models.hierarchy import group
from ermu.models.population import Population
from ermu.models.regimes import REGIMES


@pytest.fixture(scope="module")
def empire():
    return Empire.build(887)


def assert_partition(e: Empire) -> None:
    """Every household in exactly one unit per level, and no unit reaching across a county border."""
    h, n = e.hierarchy, e.household_count
    for k, lv in enumerate(h.levels):
        assert (lv.unit_of >= 0).all()
        assert lv.order.shape[0] == n and (np.bincount(lv.order, minlength=n) == 1).all()
        assert (lv.unit_of[lv.order] == np.repeat(np.arange(lv.count), lv.sizes)).all()
        first = np.searchsorted(e.county_start, lv.order[lv.offsets[:-1]], side="right")
        last = np.searchsorted(e.county_start, lv.order[lv.offsets[1:] - 1], side="right")
        assert (first == last).all(), "a unit crosses a county border"
        if k + 1 < len(h.levels):
            assert (h.levels[k + 1].unit_of == lv.parent[lv.unit_of]).all()


def test_the_counts_match_the_registers_of_1461(empire):
    assert empire.household_count == HOUSEHOLDS_1461 == 7_133_995
    assert empire.registered_li == 64_854.5
    jia, li = empire.hierarchy.levels
    assert li.count == 64_855 and jia.count == 648_545  # 64,854 whole li and the half li
    assert li.partial_units == 1 and jia.partial_units == 0  # the half li keeps jia of eleven
    county, first = empire.half_li
    half = li.unit_of[first]
    assert county == empire.counties - 1 and li.sizes[half] == 55 and len(li.heads[half]) == 5
    assert int(empire.li_per_county.sum()) == 64_854 and (empire.li_per_county >= 1).all()
    assert (empire.households_per_county % 110 == 0).sum() == empire.counties - 1


def test_every_household_in_exactly_one_unit_per_level_at_full_scale(empire):
    assert_partition(empire)


@settings(max_examples=12, deadline=None)
@given(counties=st.sampled_from(COUNTY_CHOICES), regime=st.sampled_from(sorted(REGIMES)),
       scale=st.integers(40, 400), seed=st.integers(0, 10_000))
def test_every_household_in_exactly_one_unit_per_level_at_small_scale(counties, regime, scale, seed):
    e = Empire.build(counties, regime, seed, scale=scale)
    assert_partition(e)
    assert [lv.count for lv in e.hierarchy.levels] == unit_counts(e.regime, e.households_per_county)


def test_heads_by_arithmetic_are_the_units_the_engine_builds(empire):
    assert [lv.units for lv in heads_needed("ming-lijia", empire.households_per_county)] == [648_545, 64_855]
    rows = {r["regime"]: r for r in compare_heads(empire)}
    assert rows["ming-lijia"]["heads"] == 713_400
    assert rows["sui"]["heads"] > rows["qing-baojia"]["heads"] > rows["ming-lijia"]["heads"]
    qing = empire.with_regime("qing-baojia")
    assert [lv.count for lv in qing.hierarchy.levels] == [lv["units"] for lv in rows["qing-baojia"]["levels"]]


def test_households_per_magistrate_is_about_six_to_eight_thousand(empire):
    values = {f.key: f for f in figures(empire)}
    assert values["households-per-magistrate"].value == round(7_133_995 / 887) == 8043
    assert values["households-per-magistrate"].status is Status.DERIVED
    assert values["counties"].status is Status.DOCUMENTED and values["counties"].sources
    assert values["largest-county"].status is Status.ILLUSTRATIVE
    later = Empire.build(1159, scale=200)
    assert round(7_133_995 / later.counties) == 6155


@settings(max_examples=15, deadline=None)
@given(county=st.integers(0, 886), where=st.floats(0, 0.999))
def test_an_incident_anywhere_travels_the_chain_the_regime_prescribes(empire, county, where):
    start, end = int(empire.county_start[county]), int(empire.county_start[county + 1])
    household = start + int(where * (end - start))
    inc = play_incident(empire, county, household)
    h = empire.hierarchy
    assert [lvl for lvl, _, _ in inc.chain] == [0, 1]  # jiashou, then lizhang
    for level, unit, leader in inc.chain:  # the part played agrees with the whole empire
        assert unit == h.unit_of(household, level) and leader == h.leader(level, unit)
    assert inc.steps_to_magistrate == 3 and inc.part_size <= 110
    assert inc.result.outcome.reached_government


@pytest.mark.parametrize("regime, levels", [("qing-baojia", [0, 1, 2]), ("sui", [0, 1, 2])])
def test_other_regimes_have_their_own_chain_in_the_same_counties(regime, levels):
    e = Empire.build(1159, regime, scale=100)
    inc = play_incident(e, 7)
    assert [lvl for lvl, _, _ in inc.chain] == levels and inc.steps_to_magistrate == 4
    assert inc.result.trace.steps[0].narration.startswith(f"Household {inc.household} ")


def test_a_part_of_a_village_keeps_its_people():
    village = Population.generate(500, seed=3)
    part = village.slice(220, 330)
    assert len(part) == 110 and part[0].members == village[220].members
    assert (part.columns.adult_males == village.columns.adult_males[220:330]).all()
    assert group(part, "ming-lijia").levels[1].count == 1


def test_bad_requests_are_refused_with_a_sentence(empire):
    with pytest.raises(EmpireError, match="887 or 1159 counties"):
        Empire.build(900)
    with pytest.raises(EmpireError, match="no county 888: the empire has counties 1 to 887"):
        play_incident(empire, 887)
    with pytest.raises(EmpireError, match="not in county 4"):
        play_incident(empire, 3, household=0)


def test_cli_empire_json_reports_documented_and_illustrative_numbers(capsys):
    assert main(["empire", "--counties", "1159", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["households"] == 7_133_995 and data["counties"] == 1159
    statuses = {f["key"]: f["status"] for f in data["figures"]}
    assert statuses["li"] == "documented" and statuses["largest-county"] == "illustrative"
    assert data["incident"]["steps_to_magistrate"] == 3 and data["answering"]["households"] == 11
    assert [r["regime"] for r in data["compare"]] == ["ming-lijia", "qing-baojia", "sui"]


@pytest.mark.parametrize("argv, message", [(["empire", "--counties", "12"], "887 or 1159"),
                                           (["empire", "--regime", "moon"], "unknown regime"),
                                           (["empire", "--county", "0"], "no county 0"),
                                           (["empire", "--county", "888"], "counties 1 to 887")])
def test_cli_empire_bad_input_exits_2_with_one_line(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_report_names_the_county_structure_as_illustrative(empire):
    data = report(empire, 10)
    assert data["county"]["structure"] in {"standard", "abbreviated", "elaborated"}
    assert "illustrative" in data["county"]["note"]
