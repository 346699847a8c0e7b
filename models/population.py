"""Households and the people in them, and a seeded generator of sample villages.

A population is stored as columns (numpy arrays: one entry per household) so that the
hierarchy engine can group millions of households quickly. The people in a generated
household are made on demand from the village seed and the household's id, so a village
of a million households costs a few arrays, not five million objects, and the same seed
always gives the same people.

Households are numbered 0..N-1 in geographic order: neighbours have neighbouring ids.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np

from .messages import msg
from .names import FAMILY_NAMES, GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE
from .places import PopulationError, Setting

#: The most households one population may hold. At about 40 bytes of columns each this
#: is 400 MB: beyond it we refuse with a clear message rather than exhaust memory.
MAX_HOUSEHOLDS = 10_000_000
MAX_MEMBERS = 60
MAX_AGE = 120
ADULT_AGE = 16  # illustrative: the age from which a male counts as an adult in our villages


class Sex(enum.StrEnum):
    MALE = "m"
    FEMALE = "f"


@dataclass(frozen=True, slots=True)
class Person:
    name: str  # in pinyin, family name first: "Wang Er"
    hanzi: str  # in characters: "王二"
    sex: Sex
    age: int

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise PopulationError(msg("population.error.no-name", "a person needs a name"))
        if not 0 <= self.age <= MAX_AGE:
            raise PopulationError(msg("population.error.age", "age {age} of {name}: must be between 0 and {most}",
                                       age=self.age, name=self.name, most=MAX_AGE))

    @property
    def is_adult_male(self) -> bool:
        return self.sex is Sex.MALE and self.age >= ADULT_AGE


@dataclass(frozen=True, slots=True)
class Household:
    """One household. Its head is the first member."""

    id: int
    members: tuple[Person, ...]
    adult_males: int  # tax-paying adult males (ding), as the registers counted them
    registered: bool = True
    family: str = ""  # the family (clan) name in pinyin
    setting: Setting = Setting.RURAL

    def __post_init__(self) -> None:
        if self.id < 0:
            raise PopulationError(msg("population.error.id", "household id {id}: must be 0 or more", id=self.id))
        if not self.members:
            raise PopulationError(msg("population.error.no-members",
                                       "household {id}: must have at least one member (its head)", id=self.id))
        if len(self.members) > MAX_MEMBERS:
            raise PopulationError(msg("population.error.too-many-members", "household {id}: at most {most} members",
                                       id=self.id, most=MAX_MEMBERS))
        if not 0 <= self.adult_males <= len(self.members):
            raise PopulationError(msg("population.error.adult-males",
                                      "household {id}: adult males must be between 0 and its {n} members",
                                      id=self.id, n=len(self.members)))

    @property
    def head(self) -> Person:
        return self.members[0]

    @property
    def size(self) -> int:
        return len(self.members)

    def label(self) -> str:
        return f"Household {self.id} ({self.head.name})"


class Columns:
    """The per-household facts the engine groups by, one array entry per household.

    A column is either given (an array) or made on first use by a maker (a generated
    village draws each column from its own random stream, so a column nobody asks for is
    never drawn and the order in which columns are asked for changes nothing).
    """

    __slots__ = ("_values", "_makers", "_length")

    def __init__(self, setting=None, registered=None, adult_males=None, size=None, family=None, *,
                 makers: dict[str, Callable[["Columns"], np.ndarray]] | None = None,
                 length: int | None = None) -> None:
        given = {"setting": setting, "registered": registered, "adult_males": adult_males,
                 "size": size, "family": family}
        self._values = {k: v for k, v in given.items() if v is not None}
        self._makers = dict(makers or {})
        missing = [f for f in _FIELDS if f not in self._values and f not in self._makers]
        if missing:
            raise TypeError(f"columns without values or makers: {', '.join(missing)}")
        if length is None:
            length = int(next(iter(self._values.values())).shape[0]) if self._values else 0
        self._length = int(length)

    def _get(self, name: str) -> np.ndarray:
        value = self._values.get(name)
        if value is None:
            value = self._makers[name](self)
            self._values[name] = value
        return value

    setting = property(lambda self: self._get("setting"), doc="int8, a Setting value")
    registered = property(lambda self: self._get("registered"), doc="bool")
    adult_males = property(lambda self: self._get("adult_males"), doc="int16")
    size = property(lambda self: self._get("size"), doc="int16")
    family = property(lambda self: self._get("family"), doc="int16, an index into FAMILY_NAMES")

    def is_made(self, name: str) -> bool:
        """Has this column been drawn (or given) yet? Lets callers and tests see laziness."""
        return name in self._values

    def __len__(self) -> int:
        return self._length


def check_count(n: object, *, limit: int = MAX_HOUSEHOLDS) -> int:
    """Return n as a household count, or raise PopulationError saying what is allowed."""
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)):
        try:
            n = int(str(n))
        except ValueError:
            raise PopulationError(msg("population.error.count-number", "households must be a whole number, not {n!r}",
                                       n=n)) from None
    n = int(n)
    if n < 1:
        raise PopulationError(msg("population.error.count-positive", "households must be a positive whole number, not {n}",
                                   n=n))
    if n > limit:
        raise PopulationError(msg("population.error.count-limit",
                                   "{n} households is more than this machine allows ({limit} at most)",
                                   n=f"{n:,}", limit=f"{limit:,}"))
    return n


class Population(Sequence[Household]):
    """An ordered village of households: columns for the engine, households on demand."""

    def __init__(self, columns: Columns, *, seed: int | None = None,
                 households: Sequence[Household] | None = None,
                 origin: np.ndarray | None = None, edited: dict[int, Household] | None = None) -> None:
        self.columns = columns
        self.seed = seed
        # Position -> household given explicitly (a built village, or an edit of a generated one).
        self._explicit: dict[int, Household] = (
            dict(enumerate(households)) if households is not None else dict(edited or {}))
        # Position -> index in the generated village whose people it has (edits shift positions).
        self._origin = origin
        self._cache: dict[int, Household] = {}

    # -- building ---------------------------------------------------------------------
    @classmethod
    def generate(cls, n: int, seed: int = 0, setting: Setting | str = Setting.RURAL,
                 unregistered_share: float = 0.03, *, limit: int = MAX_HOUSEHOLDS) -> "Population":
        """A sample village of n households in geographic order, the same for the same seed.

        Household sizes, adult males and the share of unregistered households are
        illustrative (not from the sources): sizes 1-9 around five, families clustered
        along the road as neighbours often were kin.
        """
        n = check_count(n, limit=limit)
        setting = Setting.parse(setting)
        if not 0.0 <= unregistered_share <= 1.0:
            raise PopulationError(msg("population.error.unregistered", "the unregistered share must be between 0 and 1"))
        seed_value = int(seed or 0)
        setting_value = int(setting)
        makers = {
            "setting": lambda c: np.full(n, setting_value, dtype=np.int8),
            "size": lambda c: _draw(SIZE_TABLE, _uniform16(seed_value, _SIZE, n)),
            "adult_males": lambda c: _draw(ADULT_MALES_TABLE, _uniform16(seed_value, _MALES, n), c.size),
            "registered": lambda c: _uniform16(seed_value, _REGISTERED, n) >= round(unregistered_share * 65536),
            "family": lambda c: _families(seed_value, n),
        }
        return cls(Columns(makers=makers, length=n), seed=seed)

    @classmethod
    def from_households(cls, households: Iterable[Household]) -> "Population":
        """A population of given households, renumbered 0..N-1 in the order given."""
        items = [replace(h, id=i) if h.id != i else h for i, h in enumerate(households)]
        family_index = {name: i for i, (name, _) in enumerate(FAMILY_NAMES)}
        columns = Columns(
            setting=np.array([int(h.setting) for h in items], dtype=np.int8),
            registered=np.array([h.registered for h in items], dtype=bool),
            adult_males=np.array([h.adult_males for h in items], dtype=np.int16),
            size=np.array([h.size for h in items], dtype=np.int16),
            family=np.array([family_index.get(h.family, -1) for h in items], dtype=np.int16),
        )
        return cls(columns, households=items)

    @classmethod
    def empty(cls) -> "Population":
        return cls.from_households([])

    # -- sequence protocol ------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.columns)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        i = int(index)
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(f"there is no household {index}: the village has households 0 to {len(self) - 1}")
        hh = self._explicit.get(i)
        if hh is not None:
            return hh if hh.id == i else replace(hh, id=i)
        hh = self._cache.get(i)
        if hh is None:
            hh = self._make_household(i, i if self._origin is None else int(self._origin[i]))
            self._cache[i] = hh
        return hh

    def __iter__(self) -> Iterator[Household]:
        for i in range(len(self)):
            yield self[i]

    # -- derived facts ----------------------------------------------------------------
    def given_households(self) -> list[tuple[int, Household]]:
        """(position, household) for those given explicitly (built, loaded or edited): the only
        ones whose names did not come from Ermu's own tables, so the only ones to check."""
        return sorted(self._explicit.items())

    @property
    def people_count(self) -> int:
        return int(self.columns.size.sum(dtype=np.int64))

    def people_in(self, household_ids: Iterable[int]) -> int:
        ids = np.fromiter(household_ids, dtype=np.int64)
        return int(self.columns.size[ids].sum(dtype=np.int64)) if ids.size else 0

    # -- edits (each returns a new population; the builder's undo keeps the old one) ---
    # Columns are copied (numpy, milliseconds for 100,000 households); generated households
    # keep their people through ``origin``; only edited households are stored as objects.
    def households(self) -> list[Household]:
        return list(self)

    def _origin_array(self) -> np.ndarray:
        n = len(self)
        if self._origin is not None:
            return self._origin
        return np.arange(n, dtype=np.int64) if self._explicit.keys() != set(range(n)) or n == 0 else np.full(n, -1)

    def with_household(self, index: int, household: Household) -> "Population":
        index = self._index(index)
        columns = _columns_with(self.columns, index, household, insert=False)
        edited = dict(self._explicit)
        edited[index] = replace(household, id=index)
        return Population(columns, seed=self.seed, origin=self._origin_array().copy(), edited=edited)

    def inserted(self, index: int, household: Household) -> "Population":
        if not 0 <= index <= len(self):
            raise IndexError(f"cannot insert at {index}: use 0 to {len(self)}")
        columns = _columns_with(self.columns, index, household, insert=True)
        edited = {(k + 1 if k >= index else k): v for k, v in self._explicit.items()}
        edited[index] = replace(household, id=index)
        origin = np.insert(self._origin_array(), index, -1)
        return Population(columns, seed=self.seed, origin=origin, edited=edited)

    def without(self, index: int) -> "Population":
        index = self._index(index)
        c = self.columns
        columns = Columns(*(np.delete(getattr(c, f), index) for f in _FIELDS))
        edited = {(k - 1 if k > index else k): v for k, v in self._explicit.items() if k != index}
        origin = np.delete(self._origin_array(), index)
        return Population(columns, seed=self.seed, origin=origin, edited=edited)

    def slice(self, start: int, stop: int) -> "Population":
        """Households start..stop-1 as a village of their own (ids from 0), with the same people."""
        if not 0 <= start < stop <= len(self):
            raise IndexError(f"cannot take households {start} to {stop - 1}: the village has 0 to {len(self) - 1}")
        parent = self.columns
        makers = {f: (lambda c, f=f: getattr(parent, f)[start:stop]) for f in _FIELDS}
        origin = self._origin[start:stop] if self._origin is not None else np.arange(start, stop, dtype=np.int64)
        edited = {k - start: v for k, v in self._explicit.items() if start <= k < stop}
        return Population(Columns(makers=makers, length=stop - start), seed=self.seed, origin=origin, edited=edited)

    def _index(self, index: int) -> int:
        if not 0 <= index < len(self):
            raise IndexError(f"there is no household {index}: the village has households 0 to {len(self) - 1}")
        return index

    # -- people made on demand ----------------------------------------------------------
    def _make_household(self, i: int, origin: int) -> Household:
        c = self.columns
        rng = np.random.default_rng([self.seed or 0, origin, 0x45524D55])
        size = int(c.size[i])
        males = int(c.adult_males[i])
        fam_index = int(c.family[i])
        family, family_hanzi = FAMILY_NAMES[fam_index] if fam_index >= 0 else ("Li", "李")
        members: list[Person] = []
        for k in range(size):
            if k < males:
                sex, age = Sex.MALE, int(rng.integers(ADULT_AGE, 66)) if k else int(rng.integers(25, 66))
            else:
                sex = Sex.FEMALE if (k == males or rng.random() < 0.55) else Sex.MALE
                adult = k == 0 or rng.random() < 0.45
                if sex is Sex.MALE and not adult:
                    age = int(rng.integers(0, ADULT_AGE))
                elif sex is Sex.MALE:  # an adult male beyond the count is an old man, exempt
                    age = int(rng.integers(66, 85))
                else:
                    age = int(rng.integers(16, 70)) if adult else int(rng.integers(0, 16))
            pool = GIVEN_NAMES_MALE if sex is Sex.MALE else GIVEN_NAMES_FEMALE
            given, given_hanzi = pool[int(rng.integers(0, len(pool)))]
            members.append(Person(f"{family} {given}", family_hanzi + given_hanzi, sex, age))
        return Household(
            id=i,
            members=tuple(members),
            adult_males=males,
            registered=bool(c.registered[i]),
            family=family,
            setting=Setting(int(c.setting[i])),
        )


# -- the generator's draws ------------------------------------------------------------------
# Each column has its own random stream ([seed, column tag]), so columns can be drawn
# lazily and in any order. A draw is one 16-bit integer per household looked up in a table
# of 65,536 entries that holds the distribution (quantised to 1/65,536), which is a few
# milliseconds for seven million households instead of a second of Poisson and binomial
# sampling. The distributions are illustrative (not from the sources).
_SIZE, _MALES, _REGISTERED, _FAMILY_STARTS, _FAMILY_NAMES = 1, 2, 3, 4, 5
_LEVELS = 65536
MAX_GENERATED_SIZE = 9


def _size_pmf() -> list[float]:
    """Sizes 1-9 around five: one plus a Poisson(4), the tail folded into nine."""
    pois = [math.exp(-4.0) * 4.0 ** k / math.factorial(k) for k in range(MAX_GENERATED_SIZE - 1)]
    return [0.0] + pois + [1.0 - sum(pois)]


def _adult_males_pmf(size: int) -> list[float]:
    """Adult males in a household of this size: a binomial share, plus a usually adult head."""
    out = [0.0] * (MAX_GENERATED_SIZE + 1)
    for b in range(size + 1):
        pb = math.comb(size, b) * 0.32 ** b * 0.68 ** (size - b)
        out[min(size, b)] += pb * 0.15
        out[min(size, b + 1)] += pb * 0.85
    return out


def _table(pmf: list[float]) -> np.ndarray:
    """A 65,536-entry lookup table: a uniform 16-bit draw indexes a value of the pmf."""
    edges = np.cumsum(np.asarray(pmf, dtype=np.float64))
    edges = np.round(edges / edges[-1] * _LEVELS)
    return np.searchsorted(edges, np.arange(_LEVELS), side="right").astype(np.int16)


SIZE_TABLE = _table(_size_pmf())
ADULT_MALES_TABLE = np.stack([_table(_adult_males_pmf(max(1, s))) for s in range(MAX_GENERATED_SIZE + 1)])


def _uniform16(seed: int, tag: int, n: int) -> np.ndarray:
    return np.random.default_rng([seed, tag]).integers(0, _LEVELS, n, dtype=np.uint16)


def _draw(table: np.ndarray, u: np.ndarray, row: np.ndarray | None = None) -> np.ndarray:
    if row is None:
        return table[u]
    index = row.astype(np.int32)
    index <<= 16
    index |= u
    return table.ravel()[index]


def _families(seed: int, n: int) -> np.ndarray:
    """Families come in runs along the road: a new family starts with probability 0.35."""
    starts = _uniform16(seed, _FAMILY_STARTS, n) < round(0.35 * _LEVELS)
    starts[0] = True
    run = np.cumsum(starts, dtype=np.int32)
    run -= 1
    names = np.random.default_rng([seed, _FAMILY_NAMES]).integers(0, len(FAMILY_NAMES), int(run[-1]) + 1,
                                                                  dtype=np.int16)
    return names[run]


_FIELDS = ("setting", "registered", "adult_males", "size", "family")


def _columns_with(c: Columns, index: int, household: Household, *, insert: bool) -> Columns:
    family_index = {name: i for i, (name, _) in enumerate(FAMILY_NAMES)}
    values = {"setting": int(household.setting), "registered": household.registered,
              "adult_males": household.adult_males, "size": household.size,
              "family": family_index.get(household.family, -1)}
    arrays = {}
    for f in _FIELDS:
        column = getattr(c, f)
        if insert:
            arrays[f] = np.insert(column, index, values[f])
        else:
            arrays[f] = column.copy()
            arrays[f][index] = values[f]
    return Columns(**arrays)


__all__ = [
    "ADULT_AGE", "MAX_HOUSEHOLDS", "Columns", "Household", "Person", "Population",
    "PopulationError", "Setting", "Sex", "check_count",
]
