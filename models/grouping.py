"""The array work behind ``hierarchy.group``: linear passes, no sort of the whole village.

Households fill units in geographic order, so in a nested regime (pai, jia, pao) the
households sorted by unit *are* the households in order: one array serves every level,
and unit sizes follow from arithmetic. A lijia li is a block of 110 consecutive
households; inside it the ten leading households are found by counting adult males
(a histogram per li, not a sort), and the eleven-household jia are laid out by
arithmetic on positions. Seven million households group in a few tenths of a second.

Every function here takes and returns plain numpy arrays; ``hierarchy`` wraps them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

#: Household ids in the units' order: 32 bits hold the ten million households Ermu allows.
ORDER_DTYPE = np.int32


@dataclass
class Segment:
    """Households grouped together: a run ``start:stop`` or, when scattered, explicit ids."""

    start: int
    stop: int
    ids: np.ndarray | None = None  # None: the households start..stop-1

    @property
    def count(self) -> int:
        return self.stop - self.start if self.ids is None else int(self.ids.shape[0])

    @property
    def where(self) -> slice | np.ndarray:
        return slice(self.start, self.stop) if self.ids is None else self.ids

    def households(self) -> np.ndarray:
        if self.ids is None:
            return np.arange(self.start, self.stop, dtype=ORDER_DTYPE)
        return self.ids.astype(ORDER_DTYPE, copy=False)


@dataclass
class LevelParts:
    """What one level gathers over the segments, in unit order."""

    order: list[np.ndarray] = field(default_factory=list)
    sizes: list[np.ndarray] = field(default_factory=list)
    parent: list[np.ndarray] = field(default_factory=list)
    head_households: list[np.ndarray] = field(default_factory=list)
    head_counts: list[np.ndarray] = field(default_factory=list)
    count: int = 0


def segments(settings: np.ndarray, in_scope: np.ndarray, by_setting: bool, setting_values) -> list[Segment]:
    """The runs of households that group separately (one per setting when the regime says so)."""
    n = int(settings.shape[0])
    if n == 0:
        return []
    first = settings[0]
    if not (settings != first).any():  # one setting throughout: one run, or nothing in scope
        return [Segment(0, n)] if bool(in_scope[0]) else []
    if by_setting:
        found = [np.flatnonzero(in_scope & (settings == int(s))) for s in setting_values]
    else:
        found = [np.flatnonzero(in_scope)]
    out = []
    for ids in found:
        if ids.size:
            contiguous = int(ids[-1]) - int(ids[0]) + 1 == ids.shape[0]
            out.append(Segment(int(ids[0]), int(ids[-1]) + 1, None if contiguous else ids))
    return out


def split(found: list[Segment], breaks: np.ndarray | None) -> list[Segment]:
    """Cut the runs where a new territory begins (a county): no unit straddles a break."""
    if breaks is None or breaks.size == 0:
        return found
    out = []
    for segment in found:
        if segment.ids is None:
            inner = breaks[(breaks > segment.start) & (breaks < segment.stop)]
            edges = [segment.start, *inner.tolist(), segment.stop]
            out.extend(Segment(a, b) for a, b in zip(edges[:-1], edges[1:]))
        else:
            cuts = np.searchsorted(segment.ids, breaks)
            cuts = np.unique(cuts[(cuts > 0) & (cuts < segment.ids.shape[0])])
            for part in np.split(segment.ids, cuts):
                out.append(Segment(int(part[0]), int(part[-1]) + 1, part))
    return out


def unit_sizes(count: int, per_unit: int) -> np.ndarray:
    """Sizes of consecutive units of ``per_unit`` over ``count`` items, the last one smaller."""
    full, rest = divmod(count, per_unit)
    sizes = np.full(full + (1 if rest else 0), per_unit, dtype=np.int64)
    if rest:
        sizes[-1] = rest
    return sizes


def nested(segment: Segment, households_per_unit: list[int], sizes: list[int], unit_of: list[np.ndarray],
           parts: list[LevelParts]) -> None:
    """Consecutive units of fixed size on every level; the last one may be smaller."""
    c = segment.count
    position = np.arange(c, dtype=np.int32)
    for k, per_unit in enumerate(households_per_unit):
        if segment.ids is None:  # straight into the level's array
            local = np.floor_divide(position, per_unit, out=unit_of[k][segment.start:segment.stop])
        else:
            local = position // per_unit
        local += parts[k].count
        if segment.ids is not None:
            unit_of[k][segment.ids] = local
    order = segment.households()
    for k, per_unit in enumerate(households_per_unit):
        part = parts[k]
        part.order.append(order)
        part.sizes.append(unit_sizes(c, per_unit))
        n_units = part.sizes[-1].shape[0]
        if k + 1 < len(households_per_unit):
            part.parent.append(np.arange(n_units, dtype=np.int32) // sizes[k + 1] + parts[k + 1].count)
    for k in range(len(households_per_unit)):
        parts[k].count += parts[k].sizes[-1].shape[0]


def top_by_males(males: np.ndarray, k: int) -> np.ndarray:
    """Per row, the k positions with most adult males (ties: the lower position), as a mask.

    A partial sort per row finds the k-th largest count (the threshold); a running count
    among the households at the threshold breaks the ties by position.
    """
    width = males.shape[1]
    threshold = np.partition(males, width - k, axis=1)[:, width - k][:, None]
    above = males > threshold
    need = k - np.count_nonzero(above, axis=1)[:, None]
    equal = males == threshold
    rank = np.cumsum(equal, axis=1, dtype=np.int16 if width > 127 else np.int8)
    equal &= rank <= need
    above |= equal
    return above


def lijia(segment: Segment, males_all: np.ndarray, jia_size: int, n_heads: int, unit_of: list[np.ndarray],
          parts: list[LevelParts]) -> None:
    """Li of 110: the ten with most adult males lead in turn, the rest form ten jia of ten.

    Each leading household joins one jia (the k-th by position joins the k-th jia), so every
    household sits in exactly one jia of eleven, as the Qing rule counts them.
    """
    per_division = jia_size + 1
    per_li = n_heads * per_division
    if per_li > 127:
        raise NotImplementedError("a li of more than 127 households")
    c = segment.count
    ids = segment.households()
    males = males_all[segment.where]
    full = c // per_li
    jia_base, li_base = parts[0].count, parts[1].count
    contiguous = segment.ids is None
    jia_local = unit_of[0][segment.start:segment.stop] if contiguous else np.empty(c, dtype=np.int32)
    jia_order = np.empty(c, dtype=ORDER_DTYPE)
    head_households = []
    if full:
        m = males[: full * per_li].reshape(full, per_li)
        is_head = top_by_males(m, n_heads)
        heads_upto = np.cumsum(is_head, axis=1, dtype=np.int8)  # leading households at or before
        rank = np.arange(per_li, dtype=np.int8) - heads_upto  # ordinary households: 0..99 in the li
        jia = rank // np.int8(jia_size)
        np.copyto(jia, heads_upto - np.int8(1), where=is_head)  # the k-th leading household: jia k
        # where each household stands in its jia of eleven (ordered by position): jia j holds
        # its leading household and the ordinary households ranked 10j..10j+9
        dest = rank % np.int8(jia_size)
        dest += heads_upto > jia  # the jia's leading household comes before it
        dest += jia * np.int8(per_division)
        head_pos = np.nonzero(is_head)[1].reshape(full, n_heads)
        j = np.arange(n_heads)
        head_dest = j * per_division + np.clip(head_pos - j * per_division, 0, jia_size)
        np.put_along_axis(dest, head_pos, head_dest.astype(np.int8), axis=1)
        scatter = dest.astype(np.int32)
        scatter += (np.arange(full, dtype=np.int32) * per_li)[:, None]
        jia_order[scatter.ravel()] = ids[: full * per_li]
        del scatter, dest, rank, heads_upto
        rows = jia_local[: full * per_li].reshape(full, per_li)
        np.add(jia, (np.arange(full, dtype=np.int32) * n_heads + jia_base)[:, None], out=rows, casting="unsafe")
        head_households.append((head_pos + (np.arange(full) * per_li)[:, None]).ravel())
    jia_sizes = [np.full(full * n_heads, per_division, dtype=np.int64)]
    head_counts = [np.full(full, n_heads, dtype=np.int64)]
    li_of_jia = [np.repeat(np.arange(full, dtype=np.int32), n_heads)]
    if c > full * per_li:  # the last, smaller li keeps the eleven-household divisions
        block = np.arange(full * per_li, c)
        k = min(n_heads, -(-block.shape[0] // per_division))
        order = np.lexsort((block, -males[block].astype(np.int64)))
        head_pos = np.sort(block[order[:k]])
        ordinary = np.setdiff1d(block, head_pos, assume_unique=True)
        local = np.empty(block.shape[0], dtype=np.int32)
        local[ordinary - full * per_li] = np.minimum(np.arange(ordinary.shape[0]) // jia_size, k - 1)
        local[head_pos - full * per_li] = np.arange(k)
        jia_local[block] = local + full * n_heads + jia_base
        jia_order[block] = ids[block[np.argsort(local, kind="stable")]]
        jia_sizes.append(np.bincount(local, minlength=k).astype(np.int64))
        head_counts.append(np.array([k], dtype=np.int64))
        head_households.append(head_pos)
        li_of_jia.append(np.full(k, full, dtype=np.int32))
    if not contiguous:
        unit_of[0][segment.ids] = jia_local
    if contiguous:  # write the li straight into the level's array
        target = unit_of[1][segment.start:segment.stop]
        target[: full * per_li].reshape(full, per_li)[:] = (np.arange(full, dtype=np.int32) + li_base)[:, None]
        target[full * per_li:] = full + li_base
    else:
        li_rows = np.arange(c, dtype=np.int32) // per_li
        li_rows += li_base
        unit_of[1][segment.ids] = li_rows
    jia_sizes_all = np.concatenate(jia_sizes)
    parts[0].order.append(jia_order)
    parts[0].sizes.append(jia_sizes_all)
    parts[0].parent.append(np.concatenate(li_of_jia) + li_base)
    parts[1].order.append(ids)
    parts[1].sizes.append(unit_sizes(c, per_li))
    parts[1].head_households.append(ids[np.concatenate(head_households)].astype(np.int64) if head_households
                                    else np.empty(0, dtype=np.int64))
    parts[1].head_counts.append(np.concatenate(head_counts))
    parts[0].count += int(jia_sizes_all.shape[0])
    parts[1].count += int(parts[1].sizes[-1].shape[0])


def join(parts: list[np.ndarray], dtype) -> np.ndarray:
    if not parts:
        return np.empty(0, dtype=dtype)
    if len(parts) == 1:
        return parts[0].astype(dtype, copy=False)
    return np.concatenate(parts).astype(dtype, copy=False)
