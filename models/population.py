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
from dataclasses import dataclass, replace
from typing import Iterable, Iterator, Sequence

import numpy as np

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
            raise PopulationError("a person needs a name")
        if not 0 <= self.age <= MAX_AGE:
            raise PopulationError(f"age {self.age} of {self.name}: must be between 0 and {MAX_AGE}")

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
            raise PopulationError(f"household id {self.id}: must be 0 or more")
        if not self.members:
            raise PopulationError(f"household {self.id}: must have at least one member (its head)")
        if len(self.members) > MAX_MEMBERS:
            raise PopulationError(f"household {self.id}: at most {MAX_MEMBERS} members")
        if not 0 <= self.adult_males <= len(self.members):
            raise PopulationError(
                f"household {self.id}: adult males must be between 0 and its {len(self.members)} members"
            )

    @property
    def head(self) -> Person:
        return self.members[0]

    @property
    def size(self) -> int:
        return len(self.members)

    def label(self) -> str:
        return f"Household {self.id} ({self.head.name})"


@dataclass(frozen=True)
class Columns:
    """The per-household facts the engine groups by, one array entry per household."""

    setting: np.ndarray  # int8, a Setting value
    registered: np.ndarray  # bool
    adult_males: np.ndarray  # int16
    size: np.ndarray  # int16
    family: np.ndarray  # int16, an index into FAMILY_NAMES

    def __len__(self) -> int:
        return int(self.setting.shape[0])


def check_count(n: object, *, limit: int = MAX_HOUSEHOLDS) -> int:
    """Return n as a household count, or raise PopulationError saying what is allowed."""
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)):
        try:
            n = int(str(n))
        except ValueError:
            raise PopulationError(f"households must be a whole number, not {n!r}") from None
    n = int(n)
    if n < 1:
        raise PopulationError(f"households must be a positive whole number, not {n}")
    if n > limit:
        raise PopulationError(f"{n:,} households is more than this machine allows ({limit:,} at most)")
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
            raise PopulationError("the unregistered share must be between 0 and 1")
        rng = np.random.default_rng(seed)
        size = np.clip(rng.poisson(4.0, n) + 1, 1, 9).astype(np.int16)
        # adult males: at least the head is usually one; never more than the household size
        adult_males = np.minimum(size, rng.binomial(size, 0.32) + (rng.random(n) < 0.85)).astype(np.int16)
        registered = rng.random(n) >= unregistered_share
        # families come in runs along the road: a new family starts with probability 0.35
        starts = rng.random(n) < 0.35
        starts[0] = True
        run_family = rng.integers(0, len(FAMILY_NAMES), int(starts.sum()))
        family = run_family[np.cumsum(starts) - 1].astype(np.int16)
        columns = Columns(
            setting=np.full(n, int(setting), dtype=np.int8),
            registered=registered,
            adult_males=adult_males,
            size=size,
            family=family,
        )
        return cls(columns, seed=seed)

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
