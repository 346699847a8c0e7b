"""What the empire face draws at each zoom: blocks far away, houses close up, only what is in view."""

import numpy as np
import pytest

from ermu.models.empire import Empire, EmpireError
from ermu.models.empire.view import Viewport, items_for, locate, zooms


@pytest.fixture(scope="module")
def empire():
    return Empire.build(887, scale=20)


def test_zooms_run_from_the_empire_to_a_household(empire):
    assert zooms(empire) == ("empire", "county", "li", "jia", "household")
    assert zooms(empire.with_regime("qing-baojia")) == ("empire", "county", "pao", "jia", "pai", "household")


def test_far_away_every_county_is_one_block_with_its_households(empire):
    (counties,) = items_for(empire, Viewport.whole(empire))
    assert counties.kind == "county" and len(counties) == 887
    assert counties.counts.sum() == empire.household_count
    assert counties.marks["half_li"].sum() == 1


@pytest.mark.parametrize("zoom, kind", [("county", "li"), ("li", "jia"), ("jia", "household"),
                                        ("household", "household")])
def test_each_zoom_draws_the_next_level_inside_the_view(empire, zoom, kind):
    view = Viewport.focused(empire, zoom, county=100)
    layers = items_for(empire, view)
    inner = layers[-1]
    assert inner.name == kind and 0 < len(inner) < 2000
    inside = (inner.x < view.x1) & (inner.x + inner.side > view.x0) & (inner.y < view.y1) & (inner.y + inner.side > view.y0)
    assert inside.all()
    assert [layer.depth for layer in layers] == list(range(len(layers)))  # parents drawn as context


def test_close_up_the_houses_are_those_of_the_focused_jia_with_their_heads(empire):
    h = empire.hierarchy
    start = int(empire.county_start[100])
    view = Viewport.focused(empire, "jia", county=100, household=start + 5)
    houses = items_for(empire, view)[-1]
    jia = h.unit_of(start + 5, 0)
    assert set(h.members(0, jia).tolist()) <= set(houses.ids.tolist())
    mine = np.isin(houses.ids, h.members(0, jia))
    assert houses.marks["leads-jia"][mine].sum() == 1  # this year's jiashou
    assert houses.marks["leading"][mine].sum() == 1  # the one leading household of the li in this jia


def test_a_household_sits_inside_its_jia_inside_its_li_inside_its_county(empire):
    household = int(empire.county_start[300]) + 7
    boxes = [locate(empire, household, depth) for depth in range(4)]
    for (x, y, s), (cx, cy, cs) in zip(boxes, boxes[1:]):
        assert x <= cx and y <= cy and cx + cs <= x + s + 1e-12 and cy + cs <= y + s + 1e-12


def test_an_unknown_zoom_is_refused_with_the_allowed_ones(empire):
    with pytest.raises(EmpireError, match="empire, county, li, jia, household"):
        items_for(empire, Viewport(0, 0, 1, 1, "province"))
