"""The offences an incident can be about, and the duty each one breaks.

Each regime lists the offences it polices (a fiscal register does not hunt bandits);
the incident engine refuses an offence the chosen regime does not know.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .i18n import N_
from .messages import ErmuError, msg


class UnknownOffence(ErmuError, ValueError):
    """An offence id Ermu does not know; the message is for people."""


class Duty(enum.StrEnum):
    POLICING = "policing"  # report crimes and suspicious people
    REGISTRATION = "registration"  # keep every household and person on the register
    FISCAL = "fiscal"  # pay taxes and render service
    POLITICAL = "political"  # no dissent against the ruler or the Party


@dataclass(frozen=True)
class Offence:
    id: str
    label: str  # "theft"
    verb: str  # "steals" — for narration: "Household 57 steals"
    duty: Duty


OFFENCES: dict[str, Offence] = {
    o.id: o
    for o in (
        Offence("theft", N_("theft"), N_("commits a theft"), Duty.POLICING),
        Offence("banditry", N_("banditry"), N_("joins a band of robbers"), Duty.POLICING),
        Offence("harbouring-stranger", N_("harbouring an unregistered stranger"),
                N_("shelters an unregistered stranger"), Duty.REGISTRATION),
        Offence("tax-default", N_("tax default"), N_("fails to pay its tax"), Duty.FISCAL),
        Offence("failing-to-register", N_("failing to register"),
                N_("hides members from the register"), Duty.REGISTRATION),
        Offence("dissent", N_("dissent"), N_("speaks against the ruler"), Duty.POLITICAL),
    )
}


def get_offence(offence_id: str) -> Offence:
    try:
        return OFFENCES[offence_id]
    except KeyError:
        allowed = ", ".join(OFFENCES)
        raise UnknownOffence(msg("offence.error.unknown", "unknown offence {offence!r}: use one of {allowed}",
                                 offence=offence_id, allowed=allowed)) from None
