"""The people around the table: who they are and where they stand.

Participants come from a sample village (:meth:`Population.generate`): the heads of the
first households, then other adults, so that every member has a name in pinyin and in
characters and no two members share a name. A teacher may also seat given people.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Sequence

from ..messages import msg
from ..population import Person, Population, Sex
from .parameters import STATE_MAX, CriticismError, SessionParameters

MIN_PARTICIPANTS = 2
MAX_PARTICIPANTS = 60
MIN_AGE = 16  # members are adults: the heads and grown members of households


@dataclass(frozen=True)
class Member:
    index: int  # the seat at the table, 0-based; also the actor id in the trace
    name: str  # pinyin, family name first
    hanzi: str
    sex: Sex
    age: int
    household: int | None = None  # the household of the sample village, when generated

    @property
    def label(self) -> str:
        return f"{self.name} ({self.hanzi})" if self.hanzi else self.name


@dataclass
class MemberState:
    """A member's illustrative state (0-100 each) and what happened to him."""

    standing: float
    suspicion: float
    fear: float
    times_criticised: int = 0
    times_criticising: int = 0
    times_silent: int = 0
    times_singled_out: int = 0
    sincere_admissions: int = 0

    def change(self, *, standing: float = 0.0, suspicion: float = 0.0, fear: float = 0.0) -> dict:
        """Apply changes, kept within 0-100; return what really changed (for the trace)."""
        before = (self.standing, self.suspicion, self.fear)
        self.standing = _clamp(self.standing + standing)
        self.suspicion = _clamp(self.suspicion + suspicion)
        self.fear = _clamp(self.fear + fear)
        after = (self.standing, self.suspicion, self.fear)
        names = ("standing", "suspicion", "fear")
        return {n: round(a - b, 3) for n, a, b in zip(names, after, before) if a != b}

    def snapshot(self) -> dict[str, float]:
        return {"standing": round(self.standing, 1), "suspicion": round(self.suspicion, 1),
                "fear": round(self.fear, 1)}


def _clamp(value: float) -> float:
    return min(STATE_MAX, max(0.0, float(value)))


def check_participants(n: object) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        try:
            n = int(str(n))
        except ValueError:
            raise CriticismError(msg("criticism.error.participants-number",
                                      "Participants must be a whole number, not {n!r}.", n=n)) from None
    if not MIN_PARTICIPANTS <= n <= MAX_PARTICIPANTS:
        raise CriticismError(msg("criticism.error.participants-range",
                                 "A session needs {low} to {high} participants, not {n}.",
                                 low=MIN_PARTICIPANTS, high=MAX_PARTICIPANTS, n=n))
    return n


def members_from_village(n: int, seed: int = 0) -> list[Member]:
    """n adults with distinct names from a sample village: household heads first."""
    n = check_participants(n)
    village = Population.generate(max(2 * n, 8), seed=seed)
    chosen: list[Member] = []
    seen: set[str] = set()
    for rank in range(2):  # first the heads, then the other adults
        for household in village:
            people = household.members[:1] if rank == 0 else household.members[1:]
            for person in people:
                if len(chosen) == n:
                    return chosen
                if person.age >= MIN_AGE and person.name not in seen:
                    seen.add(person.name)
                    chosen.append(Member(len(chosen), person.name, person.hanzi, person.sex,
                                         person.age, household.id))
    # a tiny village of repeated names: number the rest rather than fail
    while len(chosen) < n:
        k = len(chosen)
        chosen.append(Member(k, f"Comrade {k + 1}", "", Sex.MALE, 30))
    return chosen


def members_from_people(people: Sequence[Person]) -> list[Member]:
    check_participants(len(people))
    return [Member(i, p.name, p.hanzi, p.sex, p.age) for i, p in enumerate(people)]


def starting_states(count: int, params: SessionParameters, rng: random.Random) -> list[MemberState]:
    """Each member's starting state: the parameters, varied by the seed (illustrative)."""
    spread = params.start_spread

    def vary(value: float) -> float:
        return _clamp(round(value + rng.uniform(-spread, spread), 1))

    return [MemberState(vary(params.start_standing), vary(params.start_suspicion),
                        vary(params.start_fear)) for _ in range(count)]
