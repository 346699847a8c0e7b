"""What to draw of the empire for a viewport at a zoom: aggregates far away, houses close up.

The empire is laid out as nested grids in world coordinates: counties are unit squares in
a grid; inside a county its top-level units (li, pao, tsu) fill a near-square grid; inside
each unit its smaller units; inside the smallest unit its households. Nothing is stored per
item: a zoom step finds the visible counties, expands only the visible units one depth at
a time (numpy, a few thousand rectangles at most) and hands back :class:`Layer` arrays the
face paints in one pass. The zoom names are the empire, the county, the regime's levels
from the top down, and the household.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ..messages import msg
from .model import Empire, EmpireError

PAD = 0.06  # the margin inside a cell, as a share of its side
HOUSEHOLD = "household"
EMPIRE = "empire"
COUNTY = "county"


def zooms(empire: Empire) -> tuple[str, ...]:
    """empire, county, the regime's levels from the top down, household."""
    return (EMPIRE, COUNTY, *(lv.spec.id for lv in reversed(empire.hierarchy.levels)), HOUSEHOLD)


def check_zoom(empire: Empire, zoom: str) -> str:
    allowed = zooms(empire)
    if zoom not in allowed:
        raise EmpireError(msg("empire.zoom.unknown", "There is no zoom {zoom!r} here: use one of {allowed}.",
                              zoom=zoom, allowed=", ".join(allowed)))
    return zoom


@dataclass
class Layer:
    """Rectangles of one kind to draw, as arrays (one entry per item)."""

    kind: str  # county | unit | household
    depth: int  # 0 counties, 1 top-level units, ..., the households last
    name: str  # "county", a level id, or "household"
    x: np.ndarray
    y: np.ndarray
    side: np.ndarray
    ids: np.ndarray  # county index, unit index on its level, or household id
    counts: np.ndarray  # households inside (1 for a household)
    marks: dict[str, np.ndarray] = field(default_factory=dict)  # named flags per item
    index: np.ndarray | None = None  # each item's place among its parent's children (0-based)

    def __len__(self) -> int:
        return int(self.ids.shape[0])


@dataclass(frozen=True)
class Viewport:
    """A rectangle of the world and the zoom it is seen at."""

    x0: float
    y0: float
    x1: float
    y1: float
    zoom: str

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @classmethod
    def whole(cls, empire: Empire) -> "Viewport":
        cols, rows = grid(empire.counties)
        return cls(0.0, 0.0, float(cols), float(rows), EMPIRE)

    @classmethod
    def focused(cls, empire: Empire, zoom: str, county: int = 0, household: int | None = None) -> "Viewport":
        """The viewport that shows the item at this zoom holding a household (by default the
        county's middle household), with a little of its neighbours around it."""
        check_zoom(empire, zoom)
        if zoom == EMPIRE:
            return cls.whole(empire)
        start, end = int(empire.county_start[county]), int(empire.county_start[county + 1])
        household = start + (end - start) // 2 if household is None else household
        x, y, side = locate(empire, household, zooms(empire).index(zoom) - 1)
        margin = side * 0.15
        return cls(x - margin, y - margin, x + side + margin, y + side + margin, zoom)


def grid(count: int) -> tuple[int, int]:
    cols = max(1, math.ceil(math.sqrt(count)))
    return cols, max(1, math.ceil(count / cols))


def _cells(count: np.ndarray, index: np.ndarray, x: np.ndarray, y: np.ndarray, side: np.ndarray):
    """Child ``index`` of ``count`` children inside a parent cell: its square."""
    cols = np.ceil(np.sqrt(np.maximum(count, 1))).astype(np.int64)
    inner = side * (1 - 2 * PAD)
    cell = inner / cols
    return x + side * PAD + (index % cols) * cell, y + side * PAD + (index // cols) * cell, cell


class _Tree:
    """Children ranges of every depth, built once per empire (a few arrays)."""

    def __init__(self, empire: Empire) -> None:
        h = empire.hierarchy
        self.levels = h.levels
        self.top = len(h.levels) - 1
        unit_of_top = h.levels[self.top].unit_of
        starts = empire.county_start
        first = unit_of_top[starts[:-1]].astype(np.int64)
        self.county_units = np.append(first, h.levels[self.top].count)  # top units of county c: [c, c+1)
        self.child_start: dict[int, np.ndarray] = {}
        for k in range(1, len(h.levels)):
            parent = h.levels[k - 1].parent
            self.child_start[k] = np.searchsorted(parent, np.arange(h.levels[k].count + 1))

    def children(self, depth: int, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(first child, child count) of items at a depth (0 counties, then levels top down)."""
        if depth == 0:
            return self.county_units[ids], self.county_units[ids + 1] - self.county_units[ids]
        level = self.top - (depth - 1)
        if level == 0:
            offsets = self.levels[0].offsets
            return offsets[ids], offsets[ids + 1] - offsets[ids]
        starts = self.child_start[level]
        return starts[ids], starts[ids + 1] - starts[ids]


def tree_of(empire: Empire) -> _Tree:
    """The empire's children ranges, made on the first zoom and kept with the empire."""
    tree = empire.__dict__.get("_view_tree")
    if tree is None:
        tree = empire.__dict__["_view_tree"] = _Tree(empire)
    return tree


def locate(empire: Empire, household: int, depth: int) -> tuple[float, float, float]:
    """The square of the item at a depth that holds a household (depth 0: its county)."""
    tree = tree_of(empire)
    cols, _ = grid(empire.counties)
    county = empire.county_of(household)
    x, y, side = float(county % cols), float(county // cols), 1.0
    ids = np.array([county])
    for d in range(depth):
        first, count = tree.children(d, ids)
        if d < tree.top + 1:
            level = tree.top - d
            unit = int(empire.hierarchy.levels[level].unit_of[household])
            index = unit - int(first[0])
            ids = np.array([unit])
        else:
            members = empire.hierarchy.levels[0].order[first[0]:first[0] + count[0]]
            index = int(np.flatnonzero(members == household)[0])
        cx, cy, cs = _cells(count, np.array([index]), np.array([x]), np.array([y]), np.array([side]))
        x, y, side = float(cx[0]), float(cy[0]), float(cs[0])
    return x, y, side


def items_for(empire: Empire, view: Viewport) -> list[Layer]:
    """The layers to draw: the items at the view's depth inside it, with their parents as context."""
    zoom = check_zoom(empire, view.zoom)
    tree = tree_of(empire)
    depth = min(zooms(empire).index(zoom), tree.top + 2)
    cols, _ = grid(empire.counties)
    counties = np.arange(empire.counties)
    x = (counties % cols).astype(np.float64)
    y = (counties // cols).astype(np.float64)
    side = np.ones(empire.counties)
    ids = counties
    index = counties
    layers = []
    for d in range(depth + 1):
        keep = (x < view.x1) & (x + side > view.x0) & (y < view.y1) & (y + side > view.y0)
        x, y, side, ids, index = x[keep], y[keep], side[keep], ids[keep], index[keep]
        layer = _layer(empire, tree, d, x, y, side, ids)
        layer.index = index
        if d == 1:  # the county's territorial overlay: which canton (the top tier) each unit is in
            layer.marks["canton"] = _cantons(empire, ids)
        layers.append(layer)
        if d == depth:
            break
        first, count = tree.children(d, ids)
        parent_index = np.repeat(np.arange(ids.shape[0]), count)
        offsets = np.zeros(ids.shape[0] + 1, dtype=np.int64)
        np.cumsum(count, out=offsets[1:])
        index = np.arange(offsets[-1]) - offsets[:-1][parent_index]
        x, y, side = _cells(count[parent_index], index, x[parent_index], y[parent_index], side[parent_index])
        child = first[parent_index] + index
        if d == tree.top + 1:  # children are households, taken in their unit's order
            child = empire.hierarchy.levels[0].order[child].astype(np.int64)
        ids = child
    return layers


def _cantons(empire: Empire, units: np.ndarray) -> np.ndarray:
    """The canton (illustrative division of the county's top tier) of each top-level unit."""
    out = np.zeros(units.shape[0], dtype=np.int32)
    if units.size == 0:
        return out
    households = empire.hierarchy.levels[-1].order[empire.hierarchy.levels[-1].offsets[units]]
    counties = np.searchsorted(empire.county_start, households, side="right") - 1
    for county in np.unique(counties).tolist():
        tiers = empire.territory(county)
        starts = tiers[0][1]
        mine = counties == county
        out[mine] = np.searchsorted(starts, units[mine], side="right") - 1
    return out


def _layer(empire: Empire, tree: _Tree, depth: int, x, y, side, ids) -> Layer:
    h = empire.hierarchy
    if depth == 0:
        return Layer("county", 0, COUNTY, x, y, side, ids, empire.households_per_county[ids],
                     {"structure": empire.structure_of[ids],
                      "half_li": ids == empire.counties - 1})
    if depth <= tree.top + 1:
        level = tree.top - (depth - 1)
        lv = h.levels[level]
        marks = {"partial": lv.sizes[ids] < lv.full_size}
        if level == tree.top:
            half_county, half_first = empire.half_li
            marks["half_li"] = lv.unit_of[half_first] == ids if lv.heads else np.zeros(ids.shape[0], bool)
        return Layer("unit", depth, lv.spec.id, x, y, side, ids, lv.sizes[ids], marks)
    marks = {}
    for k, lv in enumerate(h.levels):
        units = lv.unit_of[ids]
        marks[f"leads-{lv.spec.id}"] = h.leaders(k)[units] == ids
        if lv.heads and ids.size:  # the li's leading households, who take turns as its head
            pool = np.concatenate([lv.heads[int(u)] for u in np.unique(units)])
            marks["leading"] = np.isin(ids, pool)
    return Layer("household", depth, HOUSEHOLD, x, y, side, ids, np.ones(ids.shape[0], dtype=np.int64), marks)


#: The smallest side, in pixels, at which an item of a depth is worth drawing as itself.
MIN_ITEM_PIXELS = 22.0


def typical_sides(empire: Empire) -> list[float]:
    """The side of a typical item at each depth (counties first), in world units."""
    cached = empire.__dict__.get("_typical_sides")
    if cached is None:
        middle = int(empire.county_start[empire.counties // 2])
        tree = tree_of(empire)
        cached = [locate(empire, middle, d)[2] for d in range(tree.top + 3)]
        empire.__dict__["_typical_sides"] = cached
    return cached


def zoom_for(empire: Empire, pixels_per_unit: float) -> str:
    """The deepest zoom whose items are still big enough to see at this scale."""
    names = zooms(empire)
    sides = typical_sides(empire)
    depth = 0
    for d, side in enumerate(sides):
        if side * pixels_per_unit >= MIN_ITEM_PIXELS:
            depth = d
    if depth == len(sides) - 1 and sides[-1] * pixels_per_unit >= 12 * MIN_ITEM_PIXELS:
        return names[-1]  # one house fills the view: the household and its people
    return names[depth]
