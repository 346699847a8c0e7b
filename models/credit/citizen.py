"""A citizen of the credit model: one person of a generated household, with their family.

Ermu's village generator (:meth:`Population.generate`) makes households of people; a
:class:`Citizen` picks one of them and knows the rest of the household, so that effects
that fall on family members (a parent's listing keeping children out of private schools)
land on real people of the same village.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..messages import msg
from ..population import Household, Person, Population
from .texts import CreditError


def member_id(household_id: int, member: int) -> str:
    """The id of one person everywhere in the credit model: ``"12:0"`` (household 12, member 0)."""
    return f"{household_id}:{member}"


def parse_member_id(text: str) -> tuple[int, int]:
    household, _, member = str(text).partition(":")
    try:
        return int(household), int(member)
    except ValueError:
        raise CreditError(msg("credit.person.bad-id", "{text} is not a person id: write household:member, "
                              "e.g. 12:0.", text=repr(text))) from None


@dataclass(frozen=True)
class Citizen:
    household: Household
    member: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.member < self.household.size:
            raise CreditError(msg("credit.person.no-member", "Household {household} has members 0 to {last}, "
                                  "not {member}.", household=self.household.id, last=self.household.size - 1,
                                  member=self.member))

    @classmethod
    def from_population(cls, population: Population, household_id: int = 0, member: int = 0) -> "Citizen":
        """The ``member``-th person of household ``household_id`` (the head is member 0)."""
        return cls(population[household_id], member)

    @classmethod
    def sample(cls, seed: int = 0, households: int = 20, household_id: int | None = None) -> "Citizen":
        """A citizen of a generated village; by default the head of the first household with children."""
        population = Population.generate(households, seed=seed)
        if household_id is not None:
            return cls.from_population(population, household_id)
        for household in population:
            if any(p.age < 18 for p in household.members[1:]):
                return cls(household, 0)
        return cls(population[0], 0)

    @property
    def person(self) -> Person:
        return self.household.members[self.member]

    @property
    def id(self) -> str:
        return member_id(self.household.id, self.member)

    @property
    def name(self) -> str:
        return self.person.name

    def family(self) -> list[tuple[str, Person]]:
        """The other members of the household, with their ids."""
        return [(member_id(self.household.id, i), p) for i, p in enumerate(self.household.members)
                if i != self.member]

    def children(self, child_age: int = 18) -> list[tuple[str, Person]]:
        """Household members younger than ``child_age`` (whose schooling a listing can touch)."""
        return [(i, p) for i, p in self.family() if p.age < child_age]

    def label(self) -> str:
        from ..i18n import _

        return _("{name} ({hanzi}, {age}) of household {n}").format(
            name=self.person.name, hanzi=self.person.hanzi, age=self.person.age, n=self.household.id)


__all__ = ["Citizen", "member_id", "parse_member_id"]
