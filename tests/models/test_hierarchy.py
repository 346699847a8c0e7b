"""The hierarchy engine: every household in exactly one unit per level, documented leaders."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from ermu.models.hierarchy import GOVERNMENT, group
from ermu.models.population import Household, Person, Population, Setting, Sex
from ermu.models.regimes import REGIMES


@settings(max_examples=60, deadline=None)
@given(regime_id=st.sampled_from(sorted(REGIMES)), n=st.integers(1, 2500), seed=st.integers(0, 10_000),
       setting=st.sampled_from(list(Setting)))
def test_every_household_in_exactly_one_unit_per_level(regime_id, n, seed, setting):
    village = Population.generate(n, seed=seed, setting=setting)
    h = group(village, regime_id)
    covered = h.regime.scope.covers(setting)
    assert h.in_scope.all() == covered and h.excluded.shape[0] == (0 if covered else n)
    for k, level in enumerate(h.levels):
        # the CSR membership is a partition of the in-scope households
        assert sorted(level.order.tolist()) == (list(range(n)) if covered else [])
        for u in range(level.count):
            assert (level.unit_of[level.members(u)] == u).all()
        if covered:
            assert (level.unit_of >= 0).all()
            assert level.sizes.min() >= 1
            assert level.sizes.max() <= level.full_size
            assert level.partial_units <= (1 if not h.regime.partition_by_setting else len(Setting))
        if k + 1 < len(h.levels):  # units nest: a household's unit above is its unit's parent
            inside = level.unit_of >= 0
            assert (h.levels[k + 1].unit_of[inside] == level.parent[level.unit_of[inside]]).all()


def test_qing_baojia_households_50_to_59_form_one_pai():
    h = group(Population.generate(200, seed=7), "qing-baojia")
    assert h.unit_of(57) == 5
    assert h.members(0, 5).tolist() == list(range(50, 60))
    assert [lvl for lvl, _ in h.path(57)] == [0, 1, 2]
    assert h.members(1, 0).tolist() == list(range(100))
    assert sorted(h.neighbours(57).tolist()) == [50, 51, 52, 53, 54, 55, 56, 58, 59]


def test_remainder_forms_one_smaller_last_unit_at_every_level():
    h = group(Population.generate(1234, seed=1), "qing-baojia")
    assert [lv.count for lv in h.levels] == [124, 13, 2]
    assert h.levels[0].sizes[-1] == 4 and h.is_partial(0, 123) and not h.is_partial(0, 122)
    assert h.levels[1].sizes[-1] == 34 and h.levels[2].sizes[-1] == 234
    assert "smaller unit" in h.remainder_rule


def test_lijia_li_of_110_with_ten_leading_households_one_per_jia():
    village = Population.generate(330, seed=4)
    h = group(village, "qing-lijia")
    assert h.levels[1].count == 3 and h.levels[0].count == 30
    males = village.columns.adult_males
    for li in range(3):
        heads = h.levels[1].heads[li]
        members = h.members(1, li)
        assert len(members) == 110 and len(heads) == 10
        others = np.setdiff1d(members, heads)
        assert males[heads].min() >= males[others].max()  # the ten with most adult males
        for jia in np.unique(h.levels[0].unit_of[members]):
            jm = h.members(0, jia)
            assert len(jm) == 11 and len(np.intersect1d(jm, heads)) == 1  # the eleven of the division


def test_lijia_li_chang_rotates_yearly_through_the_ten():
    h = group(Population.generate(110, seed=4), "qing-lijia")
    served = [hh for _, hh in h.rotation(1, 0, years=10)]
    assert sorted(served) == sorted(h.levels[1].heads[0].tolist())
    assert [hh for _, hh in h.rotation(1, 0, years=11)][10] == served[0]


def test_lijia_jia_head_is_not_a_li_chang_household():
    h = group(Population.generate(440, seed=9), "qing-lijia")
    heads = np.concatenate(list(h.levels[1].heads.values()))
    assert not np.isin(h.leaders(0), heads).any()


def test_lijia_remainder_keeps_eleven_household_divisions():
    h = group(Population.generate(134, seed=2), "ming-lijia")  # one full li and 24 households
    assert h.levels[1].sizes.tolist() == [110, 24]
    assert len(h.levels[1].heads[1]) == 3  # ceil(24 / 11) jia, one leading household each
    assert "eleven-household" in h.remainder_rule


def test_urban_li_is_called_fang_and_kept_apart_from_rural_li():
    rural = list(Population.generate(60, seed=1))
    urban = [Household(0, (Person("Chen Da", "陳大", Sex.MALE, 40),), 1, True, "Chen", Setting.URBAN)] * 50
    h = group(Population.from_households(rural + urban), "qing-lijia")
    names = {h.levels[1].name(u).romanized for u in range(h.levels[1].count)}
    assert names == {"li", "fang"}
    for u in range(h.levels[1].count):  # no li mixes city and country
        assert len({hh.setting for hh in (h.population[i] for i in h.members(1, u))}) == 1


def test_capital_is_outside_the_sui_and_qing_baojia():
    village = Population.generate(30, seed=1, setting="capital")
    assert group(village, "sui").excluded.shape[0] == 30
    assert group(village, "qing-baojia").unit_of(3) is None


def test_rotating_leaders_change_with_the_year_and_appointed_ones_hold_one_office():
    h = group(Population.generate(100, seed=3), "ming-lijia")
    assert h.leader(0, 0, 1381) != h.leader(0, 0, 1382)
    q = group(Population.generate(1000, seed=3), "qing-baojia")
    offices = np.concatenate([q.leaders(k) for k in range(3)])
    assert len(set(offices.tolist())) == len(offices)  # nobody heads two units


def test_wang_shouren_reports_straight_to_the_government():
    h = group(Population.generate(30, seed=1), "wang-shouren")
    assert h.reporting_chain(12) == []
    h1520 = group(Population.generate(30, seed=1), "wang-shouren", year=1520)
    assert h1520.leader(0, 1) is not None and h1520.reporting_chain(12) == []


def test_graph_has_membership_and_reporting_edges():
    h = group(Population.generate(250, seed=1), "qing-baojia")
    g = h.graph()
    assert g.nodes[("unit", 0, 5)]["leader"] == h.leader(0, 5)
    assert g.has_edge(("household", 57), ("unit", 0, 5))
    chain = h.reporting_chain(57)
    first_leader = chain[0][2]
    assert g.edges[("household", 57), ("household", first_leader)]["kind"] == "reports"
    top_leader = chain[-1][2]
    assert g.edges[("household", top_leader), GOVERNMENT]["kind"] == "reports"


def test_graph_refuses_a_village_too_large_to_draw():
    h = group(Population.generate(30_000, seed=1), "sui")
    with pytest.raises(ValueError, match="too large to draw"):
        h.graph()


def test_a_million_households_group_on_arrays():
    h = group(Population.generate(1_000_000, seed=1), "qing-baojia")
    assert [lv.count for lv in h.levels] == [100_000, 10_000, 1_000]
    assert h.unit_of(999_999, 2) == 999
