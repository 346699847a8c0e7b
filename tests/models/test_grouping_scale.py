"""Generating and grouping at scale: lazy columns, linear passes that agree with a plain sort."""

import numpy as np
from hypothesis import given, settings, strategies as st

from ermu.models.grouping import top_by_males
from ermu.models.hierarchy import group
from ermu.models.population import Population


def test_a_column_nobody_reads_is_never_drawn_and_order_of_reading_changes_nothing():
    a, b = Population.generate(5000, seed=9), Population.generate(5000, seed=9)
    group(a, "qing-baojia")
    assert not a.columns.is_made("family") and not a.columns.is_made("registered")
    fam_first = b.columns.family.copy()
    assert (a.columns.family == fam_first).all() and (a.columns.size == b.columns.size).all()


def test_the_generated_distributions_stay_what_the_docstring_says():
    village = Population.generate(200_000, seed=1)
    size, males = village.columns.size, village.columns.adult_males
    assert size.min() == 1 and size.max() == 9 and 4.8 < size.mean() < 5.2  # one plus a Poisson(4), capped
    assert (males <= size).all() and 2.2 < males.mean() < 2.6
    assert 0.02 < 1 - village.columns.registered.mean() < 0.04  # about 3 % unregistered


@settings(max_examples=60, deadline=None)
@given(rows=st.integers(1, 30), width=st.sampled_from([11, 55, 110]), top=st.integers(0, 9),
       k=st.integers(1, 10), seed=st.integers(0, 2**31))
def test_the_leading_households_are_those_a_sort_would_pick(rows, width, top, k, seed):
    males = np.random.default_rng(seed).integers(0, top + 1, (rows, width)).astype(np.int16)  # many ties
    k = min(k, width)
    mask = top_by_males(males, k)
    key = -males.astype(np.int64) * width + np.arange(width)  # most adult males, then lowest position
    expected = np.zeros_like(mask)
    np.put_along_axis(expected, np.argsort(key, axis=1)[:, :k], True, axis=1)
    assert (mask == expected).all()
