"""The population: households in geographic order, reproducible from a seed."""

import pytest
from hypothesis import given, settings, strategies as st

from ermu.models.population import (Household, Person, Population, PopulationError, Setting, Sex,
                                    check_count)


def test_same_seed_same_village_and_different_seed_different_village():
    a, b, c = Population.generate(300, seed=5), Population.generate(300, seed=5), Population.generate(300, seed=6)
    assert [h.members for h in a] == [h.members for h in b]
    assert [h.members for h in a] != [h.members for h in c]


def test_households_are_numbered_in_order_with_plausible_people():
    village = Population.generate(200, seed=1)
    assert [h.id for h in village] == list(range(200))
    for h in village:
        assert 1 <= h.size <= 9
        assert h.adult_males == sum(p.is_adult_male for p in h.members[: h.adult_males])
        assert all(" " in p.name and p.hanzi for p in h.members)
        assert h.head.age >= 16
        assert h.family == h.head.name.split()[0]


def test_neighbours_are_often_kin():
    village = Population.generate(1000, seed=2)
    same = sum(village[i].family == village[i + 1].family for i in range(999))
    assert same > 500  # families come in runs along the road


def test_some_households_are_unregistered():
    village = Population.generate(2000, seed=3)
    unregistered = sum(not h.registered for h in village)
    assert 20 < unregistered < 150


@pytest.mark.parametrize("bad", [0, -3, "abc", 1.5, True, 10_000_001])
def test_bad_counts_are_refused_with_a_sentence(bad):
    with pytest.raises(PopulationError, match="households"):
        check_count(bad)


def test_unknown_setting_names_the_allowed_ones():
    with pytest.raises(PopulationError, match="rural, suburban, urban, capital"):
        Setting.parse("moon")


def test_a_person_with_an_impossible_age_is_refused():
    with pytest.raises(PopulationError, match="between 0 and 120"):
        Person("Wang Er", "王二", Sex.MALE, 130)


def test_editing_returns_a_new_village_and_keeps_the_old():
    village = Population.generate(20, seed=1)
    head = Person("Zhou Da", "周大", Sex.MALE, 40)
    new = village.inserted(5, Household(0, (head,), adult_males=1, family="Zhou"))
    assert len(new) == 21 and len(village) == 20
    assert new[5].head.name == "Zhou Da" and new[5].id == 5
    assert new[6].members == village[5].members and new[6].id == 6
    assert len(new.without(5)) == 20
    assert new.without(5)[5].members == village[5].members


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 400), seed=st.integers(0, 2**31), setting=st.sampled_from(list(Setting)))
def test_columns_agree_with_households(n, seed, setting):
    village = Population.generate(n, seed=seed, setting=setting)
    rebuilt = Population.from_households(list(village))
    assert (rebuilt.columns.size == village.columns.size).all()
    assert (rebuilt.columns.adult_males == village.columns.adult_males).all()
    assert (rebuilt.columns.registered == village.columns.registered).all()
    assert all(h.setting is setting for h in village)


def test_editing_a_large_generated_village_keeps_everyone_and_stays_cheap():
    import time

    village = Population.generate(100_000, seed=4)
    newcomer = Household(0, (Person("Zhou Da", "周大", Sex.MALE, 40),), adult_males=1, family="Zhou")
    start = time.perf_counter()
    edited = village.inserted(10, newcomer).without(50_000).with_household(3, newcomer)
    elapsed = time.perf_counter() - start
    assert elapsed < 5  # generous; it was 24 s when every household was built as an object
    assert len(edited) == 100_000
    assert edited[10].head.name == "Zhou Da" and edited[3].head.name == "Zhou Da"
    assert edited[11].members == village[10].members and edited[11].id == 11  # people kept after a shift
    assert edited[50_000].members == village[50_000].members  # 49,999 shifted up by one, then 50,000 removed
    assert edited[99_999].members == village[99_999].members
    assert int(edited.columns.size[10]) == 1 and edited.columns.family[10] >= 0


def test_built_villages_remember_family_names():
    village = Population.from_households(Population.generate(5, seed=1))
    assert (village.columns.family >= 0).all()
