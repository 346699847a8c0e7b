"""Each regime's documented sizes, leaders and scope, and that every fact has a source."""

import pytest

from ermu.models.content import bibliography
from ermu.models.population import Setting
from ermu.models.regimes import REGIMES, Selection, get_regime

DOCUMENTED = {
    # regime: [(level id, size, households in a full unit)], sources say so
    "sui": [("pao", 5, 5), ("lu", 5, 25), ("tsu", 4, 100)],
    "song-baojia": [("bao", 10, 10)],
    "ming-lijia": [("jia", 10, 10), ("li", 10, 110)],
    "ming-baojia": [("jia", 10, 10), ("bao", 10, 100)],
    "wang-shouren": [("card", 10, 10)],
    "ming-xiangyue": [("yue", 100, 100)],
    "qing-baojia": [("pai", 10, 10), ("jia", 10, 100), ("pao", 10, 1000)],
    "qing-lijia": [("jia", 10, 10), ("li", 10, 110)],
}


def test_every_regime_of_the_design_is_there():
    assert set(REGIMES) == set(DOCUMENTED)


@pytest.mark.parametrize("regime_id", sorted(DOCUMENTED))
def test_documented_sizes(regime_id):
    regime = get_regime(regime_id)
    assert [(lv.id, lv.size, regime.households_per_unit(i)) for i, lv in enumerate(regime.levels)] == \
        DOCUMENTED[regime_id]


@pytest.mark.parametrize("regime_id", sorted(DOCUMENTED))
def test_every_source_key_resolves_to_the_bibliography(regime_id):
    keys = bibliography()
    missing = get_regime(regime_id).all_sources() - set(keys)
    assert not missing, f"{regime_id} cites keys missing from the bibliography: {missing}"


@pytest.mark.parametrize("regime_id", sorted(DOCUMENTED))
def test_every_level_and_rule_documented_or_marked(regime_id):
    regime = get_regime(regime_id)
    for level in regime.levels:
        assert level.sources, f"{regime_id}.{level.id} has no source for its size"
        for leader in level.leaders:
            assert leader.sources or not leader.selection_documented
    rules = regime.liability
    for rule in (rules.self_report, rules.reported, rules.concealed, rules.neighbours_on_concealment,
                 rules.leader_silence):
        assert rule.sources or not rule.documented, f"{regime_id}: rule {rule.id} claims a source it lacks"
        assert rule.documented or "assumption" in rule.text


def test_names_show_characters_pinyin_and_romanization():
    qing = get_regime("qing-baojia")
    assert qing.levels[0].name.display() == "牌 pái (pai)"
    assert get_regime("ming-lijia").levels[0].name.display() == "甲 jiǎ (chia)"
    assert qing.levels[2].name.display() == "保 bǎo (pao)"


def test_scopes_follow_the_sources():
    assert not get_regime("sui").scope.covers(Setting.CAPITAL)
    assert get_regime("sui").scope.covers(Setting.URBAN)
    qing = get_regime("qing-baojia").scope
    assert qing.covers(Setting.RURAL) and not qing.covers(Setting.URBAN) and not qing.covers(Setting.CAPITAL)


def test_dates():
    assert get_regime("sui").start_year == 589
    assert get_regime("song-baojia").start_year == 1070
    assert get_regime("ming-lijia").start_year == 1381
    assert get_regime("ming-baojia").start_year == 1548 and not get_regime("ming-baojia").mandatory
    assert (get_regime("wang-shouren").start_year, get_regime("wang-shouren").end_year) == (1517, 1520)
    assert get_regime("qing-baojia").start_year == 1644
    assert get_regime("qing-lijia").start_year == 1648


def test_leader_rules():
    lijia = get_regime("qing-lijia")
    assert lijia.levels[1].leader(1648).selection is Selection.MOST_ADULT_MALES
    assert lijia.levels[1].head_households == 10
    assert get_regime("ming-lijia").levels[0].leader(1400).selection is Selection.ROTATING
    wang = get_regime("wang-shouren").levels[0]
    assert wang.leader(1518).selection is Selection.ROTATING and not wang.leader(1518).reports
    assert wang.leader(1520).selection is Selection.APPOINTED and not wang.leader(1520).reports


def test_unit_names_change_with_the_setting():
    li = get_regime("qing-lijia").levels[1]
    assert li.name_for(Setting.URBAN).romanized == "fang"
    assert li.name_for(Setting.SUBURBAN).romanized == "hsiang"
    assert li.name_for(Setting.RURAL).romanized == "li"


def test_unknown_regime_and_level_say_what_is_allowed():
    with pytest.raises(ValueError, match="use one of sui, song-baojia"):
        get_regime("tang")
    with pytest.raises(ValueError, match="use one of pai, jia, pao"):
        get_regime("qing-baojia").level("li")
    assert get_regime("qing-baojia").level("jia") == 1 and get_regime("qing-baojia").level("PAO") == 2


def test_ming_county_structures_beside_the_regimes():
    from ermu.models.regimes.counties import STRUCTURES

    tiers = {s.id: [t.english for t in s.tiers] for s in STRUCTURES}
    assert tiers == {
        "standard": ["county", "canton", "township", "ward"],
        "abbreviated": ["county", "canton", "ward"],
        "elaborated": ["county", "canton", "subcanton", "township", "ward"],
    }
    assert "Zhejiang" in STRUCTURES[2].where and "Fujian" in STRUCTURES[0].where
    assert all(s.sources[0].key == "brook-2005" for s in STRUCTURES)
