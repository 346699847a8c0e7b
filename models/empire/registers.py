"""What the registers and the historians say about the empire of 1461, and how Ermu reads it.

Every figure the empire face shows is a :class:`Figure`: a value with its status —
*documented* (a source gives it), *derived* (arithmetic on documented figures and the
regime's documented rules) or *illustrative* (Ermu's choice, shown as such) — its sources
and, where Ermu had to read a source one way, a note that says so.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ..messages import Message, msg
from ..regimes.counties import BROOK_21, COUNTIES_EARLY, COUNTIES_LATE
from ..regimes.spec import Source

BROOK_33 = Source("brook-2005", "33")
THESIS_LIJIA = Source("duke-thesis-2020", "§2.2.2")
THESIS_COUNTIES = Source("duke-thesis-2020", "§2.2.1")

#: Figures published in 1461: the empire in lijia hundreds (Brook 2005, 33; thesis §2.2.2).
LI_1461 = 64_854.5
HOUSEHOLDS_PER_LI = 110  # ten jia of ten and ten leading households (Brook 2005, 33)
JIA_PER_LI = 10
WHOLE_LI = int(LI_1461)  # 64,854
#: Ermu's reading of the half li: a li of half the households (55), with five jia of eleven.
HALF_LI_HOUSEHOLDS = HOUSEHOLDS_PER_LI // 2
HOUSEHOLDS_1461 = WHOLE_LI * HOUSEHOLDS_PER_LI + HALF_LI_HOUSEHOLDS  # 7,133,995
COUNTY_CHOICES = (COUNTIES_EARLY[0], COUNTIES_LATE[0])  # 887, 1,159
YEAR = 1461


class Status(enum.StrEnum):
    DOCUMENTED = "documented"
    DERIVED = "derived"
    ILLUSTRATIVE = "illustrative"

    @property
    def mark(self) -> Message:
        return {
            Status.DOCUMENTED: msg("empire.status.documented", "documented"),
            Status.DERIVED: msg("empire.status.derived", "derived from documented figures"),
            Status.ILLUSTRATIVE: msg("empire.status.illustrative", "illustrative"),
        }[self]


@dataclass(frozen=True)
class Figure:
    """One number the face shows, with where it comes from."""

    key: str
    label: Message
    value: float
    status: Status
    sources: tuple[Source, ...] = ()
    note: Message | None = None

    def as_json(self) -> dict:
        return {"key": self.key, "label": self.label.render(), "value": self.value, "status": self.status.value,
                "sources": [str(s) for s in self.sources],
                "note": self.note.render() if self.note else None}


HALF_LI_NOTE = msg(
    "empire.half-li.note",
    "The registers counted half a li; the source does not say what it was. Ermu builds it as a li of "
    "{households} households with {jia} jia, counted as half.",
    households=HALF_LI_HOUSEHOLDS, jia=HALF_LI_HOUSEHOLDS // (HOUSEHOLDS_PER_LI // JIA_PER_LI))
SPREAD_NOTE = msg(
    "empire.spread.note",
    "How the li were spread over the counties is not in the sources: Ermu draws an uneven spread "
    "from the seed (illustrative). The total is the registers' 64,854.5 li.")
COUNTIES_NOTE = msg(
    "empire.counties.note",
    "Over 887 counties were created in the Ming's first three years and 1,159 existed by its end; "
    "the registers of 1461 fall between, so both counts bracket the magistrates of that year.")
STRUCTURE_NOTE = msg(
    "empire.structure.note",
    "Which county had which territorial structure, and how many cantons, townships and wards it had, "
    "is illustrative; the three structures themselves are documented.")


def county_sources() -> tuple[Source, ...]:
    return (BROOK_21, THESIS_COUNTIES)


def register_sources() -> tuple[Source, ...]:
    return (BROOK_33, THESIS_LIJIA)
