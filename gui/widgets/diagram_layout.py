"""Where the diagram puts things: nested boxes for units, a grid of houses in each.

Pure arithmetic over the hierarchy's arrays (no Qt), so it is cheap to test and to time.
Small villages (up to :data:`DETAIL_LIMIT` households) get a position per household;
larger ones are summarised as blocks: one per unit of the lowest level that has at most
:data:`BLOCK_LIMIT` units, or, when even the top level has more, one per run of
consecutive top units. Never more than a few thousand items.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ermu.models.i18n import _
from ermu.models.language import is_chinese

from ermu.models.hierarchy import Hierarchy

DETAIL_LIMIT = 1_000
BLOCK_LIMIT = 2_000
CELL = 22.0  # one household
PAD = 6.0
LABEL = 16.0
GAP = 8.0
BLOCK = 26.0


@dataclass
class Box:
    level: int
    unit: int
    x: float
    y: float
    w: float
    h: float
    label: str
    partial: bool
    count: int = 0  # households inside (blocks)
    last: int = -1  # the last unit a block stands for (blocks of several units)


def box_label(h: Hierarchy, level: int, first: int, last: int = -1) -> str:
    """A unit's label in the current language: "甲 jiǎ 3" in Chinese, "甲 chia 3" in English;
    a block of several units: "甲 3–9" / "chia 3–9". Drawn again when the language changes."""
    name = h.levels[level].name(first)
    if last < 0 or last == first:
        return f"{_(name.hanzi)} {name.pinyin if is_chinese() else name.romanized} {first + 1}"
    if is_chinese():
        return f"{_(name.hanzi)} {first + 1}–{last + 1}"
    return f"{name.romanized} {first + 1}–{last + 1}"


@dataclass
class Layout:
    mode: str  # "households" | "blocks"
    boxes: list[Box] = field(default_factory=list)  # unit frames (households mode) or blocks
    households: dict[int, tuple[float, float]] = field(default_factory=dict)  # centre of each house
    excluded: dict[int, tuple[float, float]] = field(default_factory=dict)
    block_level: int = 0
    bucket: int = 1  # units per block in blocks mode
    width: float = 0.0
    height: float = 0.0
    excluded_frame: tuple[float, float, float, float] | None = None
    box_index: dict[tuple[int, int], int] = field(default_factory=dict)  # (level, unit) → index in boxes

    def box_of(self, level: int, unit: int) -> Box | None:
        index = self.box_index.get((level, unit))
        return None if index is None else self.boxes[index]


def rows_within(parent: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """For each child its row under its parent, and the children count of each parent."""
    order = np.argsort(parent, kind="stable")
    counts = np.bincount(parent, minlength=count)
    starts = np.zeros(count, dtype=np.int64)
    if count > 1:
        np.cumsum(counts[:-1], out=starts[1:])
    rows = np.empty(parent.shape[0], dtype=np.int64)
    rows[order] = np.arange(order.shape[0]) - starts[parent[order]]
    return rows, counts


def _grid_columns(n: int, aspect: float = 2.0) -> int:
    return max(1, min(n, math.ceil(math.sqrt(n * aspect))))


def layout(h: Hierarchy, width_hint: float = 1100.0, aspect: float | None = None) -> Layout:
    """Place the village; with ``aspect`` (viewport width / height) the columns of the top
    units are chosen so the drawing has about that shape, leaving no empty bands."""
    if h.household_count <= DETAIL_LIMIT:
        return _households(h, width_hint, aspect)
    return _blocks(h, width_hint, aspect)


def columns_for_aspect(count: int, cell_w: float, cell_h: float, aspect: float, extra_h: float = 0.0) -> int:
    """How many columns of ``count`` cells give a drawing closest to ``aspect`` (w / h)."""
    best, best_cols = math.inf, 1
    for cols in range(1, max(1, count) + 1):
        rows = math.ceil(count / cols)
        ratio = (cols * cell_w) / max(1e-6, rows * cell_h + extra_h)
        score = abs(math.log(ratio / aspect))
        if score < best:
            best, best_cols = score, cols
    return best_cols


def _households(h: Hierarchy, width_hint: float, aspect: float | None = None) -> Layout:
    out = Layout("households")
    nlevels = len(h.levels)
    if nlevels == 0 or h.levels[0].count == 0:
        _place_excluded(h, out, 0.0, width_hint)
        return out
    # boxes per parent on every level, and each child's row within its parent
    per = [max(1, int(h.levels[0].sizes.max()))]
    rows = [None]
    for k in range(1, nlevels):
        r, counts = rows_within(h.levels[k - 1].parent, h.levels[k].count)
        rows.append(r)
        per.append(max(1, int(counts.max())))
    cols = [_grid_columns(per[0], 2.5 if per[0] <= 12 else 1.6)]
    for k in range(1, nlevels):
        cw, ch = _sizes(per, cols)[-1]
        cols.append(_grid_columns(per[k], 1.2 if cw > ch else 2.0))
    top = nlevels - 1
    if aspect:
        cols, top_cols = _shape_for(h.levels[top].count, per, cols, aspect)
    sizes = _sizes(per, cols)
    tw, th = sizes[top]
    if not aspect:
        top_cols = max(1, min(h.levels[top].count, int((width_hint + GAP) // (tw + GAP)) or 1))
    origin: dict[tuple[int, int], tuple[float, float]] = {}
    for u in range(h.levels[top].count):
        origin[(top, u)] = ((u % top_cols) * (tw + GAP), (u // top_cols) * (th + GAP))
    for k in range(top, -1, -1):
        w, hh = sizes[k]
        lv = h.levels[k]
        for u in range(lv.count):
            x, y = origin[(k, u)]
            out.box_index[(k, u)] = len(out.boxes)
            out.boxes.append(Box(k, u, x, y, w, hh, box_label(h, k, u), h.is_partial(k, u)))
            if k > 0:
                cw, ch = sizes[k - 1]
                children = np.flatnonzero(h.levels[k - 1].parent == u)
                for child in children:
                    row = int(rows[k][child])
                    origin[(k - 1, int(child))] = (x + PAD + (row % cols[k]) * (cw + GAP),
                                                   y + LABEL + PAD + (row // cols[k]) * (ch + GAP))
            else:
                for row, household in enumerate(lv.members(u)):
                    out.households[int(household)] = (x + PAD + (row % cols[0] + 0.5) * CELL,
                                                      y + LABEL + PAD + (row // cols[0] + 0.5) * CELL)
    rows_used = math.ceil(h.levels[top].count / top_cols)
    out.width = top_cols * (tw + GAP) - GAP
    out.height = rows_used * (th + GAP) - GAP
    _place_excluded(h, out, out.height + 3 * GAP, max(out.width, 400.0))
    return out


def _sizes(per: list[int], cols: list[int]) -> list[tuple[float, float]]:
    """The size of a full box on each level, given how many columns each level's grid has."""
    sizes = [(cols[0] * CELL + 2 * PAD, math.ceil(per[0] / cols[0]) * CELL + 2 * PAD + LABEL)]
    for k in range(1, len(cols)):
        cw, ch = sizes[-1]
        sizes.append((cols[k] * (cw + GAP) - GAP + 2 * PAD,
                      math.ceil(per[k] / cols[k]) * (ch + GAP) - GAP + 2 * PAD + LABEL))
    return sizes


def _shape_for(top_count: int, per: list[int], cols: list[int], aspect: float) -> tuple[list[int], int]:
    """Columns for the two highest levels and the top row that come closest to ``aspect``."""
    top = len(cols) - 1
    best = (math.inf, cols, 1)
    levels = [k for k in (top, top - 1) if k >= 1]
    choices = [range(1, min(per[k], 16) + 1) for k in levels]  # bounded: wide grids are never best
    for first in choices[0] if choices else [None]:
        for second in (choices[1] if len(choices) > 1 else [None]):
            trial = list(cols)
            if first is not None:
                trial[levels[0]] = first
            if second is not None:
                trial[levels[1]] = second
            tw, th = _sizes(per, trial)[top]
            top_cols = columns_for_aspect(top_count, tw + GAP, th + GAP, aspect, 60.0)
            rows = math.ceil(top_count / top_cols)
            ratio = (top_cols * (tw + GAP)) / (rows * (th + GAP) + 60.0)
            score = abs(math.log(ratio / aspect))
            if score < best[0] - 1e-9:
                best = (score, trial, top_cols)
    return best[1], best[2]


def _place_excluded(h: Hierarchy, out: Layout, top: float, width: float) -> None:
    excluded = h.excluded
    if not excluded.size:
        return
    cols = max(1, int((width - 2 * PAD) // CELL))
    shown = excluded[: DETAIL_LIMIT]
    for i, household in enumerate(shown):
        out.excluded[int(household)] = (PAD + (i % cols + 0.5) * CELL, top + LABEL + PAD + (i // cols + 0.5) * CELL)
    height = LABEL + 2 * PAD + math.ceil(shown.shape[0] / cols) * CELL
    out.excluded_frame = (0.0, top, width, height)
    out.width = max(out.width, width)
    out.height = top + height


def _blocks(h: Hierarchy, width_hint: float, aspect: float | None = None) -> Layout:
    out = Layout("blocks")
    nlevels = len(h.levels)
    if nlevels == 0:
        return out
    level = next((k for k in range(nlevels) if h.levels[k].count <= BLOCK_LIMIT), nlevels - 1)
    count = h.levels[level].count
    bucket = max(1, math.ceil(count / BLOCK_LIMIT))
    blocks = math.ceil(count / bucket) if count else 0
    out.block_level, out.bucket = level, bucket
    if aspect and blocks:
        cols = max(1, min(blocks, math.ceil(math.sqrt(blocks * aspect))))
    else:
        cols = max(1, int((width_hint + GAP / 2) // (BLOCK + GAP / 2)))
    lv = h.levels[level]
    sizes = lv.sizes
    counts = np.add.reduceat(sizes, np.arange(0, count, bucket)) if count else sizes
    for b in range(blocks):
        first = b * bucket
        last = min(count, first + bucket) - 1
        label = box_label(h, level, first, last)
        partial = bucket == 1 and h.is_partial(level, first)
        out.box_index[(level, first)] = len(out.boxes)
        out.boxes.append(Box(level, first, (b % cols) * (BLOCK + GAP / 2), (b // cols) * (BLOCK + GAP / 2),
                             BLOCK, BLOCK, label, partial, int(counts[b]), last))
    out.width = min(blocks, cols) * (BLOCK + GAP / 2)
    out.height = math.ceil(blocks / cols) * (BLOCK + GAP / 2) if blocks else 0.0
    if h.excluded.size:
        out.excluded_frame = (0.0, out.height + 2 * GAP, max(out.width, 400.0), LABEL + 2 * PAD + CELL)
        out.height = out.excluded_frame[1] + out.excluded_frame[3]
    return out


def short_count(n: int) -> str:
    """A count that fits in a block: 87, 1.2k, 34k, 1.5M."""
    if n < 1000:
        return str(n)
    if n < 10_000:
        return f"{n / 1000:.1f}k"
    if n < 1_000_000:
        return f"{n // 1000}k"
    return f"{n / 1_000_000:.1f}M"


def block_of(h: Hierarchy, lay: Layout, household: int) -> int | None:
    """The block (index into ``lay.boxes``) holding a household in blocks mode."""
    unit = int(h.levels[lay.block_level].unit_of[household]) if h.levels else -1
    return None if unit < 0 else unit // lay.bucket
