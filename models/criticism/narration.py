"""The short lines spoken in a session, in Ermu's own words.

One plain sentence per step, the kind a screen reader can read and a pupil can follow:
who speaks, to whom, about which fault. The charges come from :data:`CHARGES`.
"""

from __future__ import annotations

from .members import Member
from .parameters import CHAIR


def _comrade(member: Member) -> str:
    return f"Comrade {member.name}"


def self_criticism(member: Member, charge: str, sincere: bool, singled_out: bool) -> str:
    if sincere and singled_out:
        return (f"{_comrade(member)} accepts the group's verdict, admits {charge} "
                "and asks for help to correct it.")
    if sincere:
        return f"{_comrade(member)} admits {charge} and promises to study and do better."
    if singled_out:
        return f"{_comrade(member)} concedes only a little {charge} and falls quiet."
    return f"{_comrade(member)} mentions a touch of {charge}, briefly."


def criticism(critic: Member, target: Member, charge: str, harsh: bool, collective: bool) -> str:
    if harsh and collective:
        return f"{_comrade(critic)} joins the attack: {target.name} shows {charge} and must own it."
    if harsh:
        return f"{_comrade(critic)} denounces the {charge} of {target.name}."
    if collective:
        return f"{_comrade(critic)} adds that {target.name} has not yet overcome {charge}."
    return f"{_comrade(critic)} gently reminds {target.name} of {charge}."


def silence(member: Member, about: Member, collective: bool) -> str:
    if collective:
        return f"{_comrade(member)} says nothing against {about.name}; the chair takes note."
    return f"{_comrade(member)} stays silent."


def single_out(target: Member, charge: str, chosen_by_rule: bool) -> str:
    why = " as the most suspect member" if chosen_by_rule else ""
    return (f"The {CHAIR.english} names {_comrade(target)}{why}: the whole group will "
            f"criticise {target.name} for {charge}.")


def open_round(round_number: int) -> str:
    return f"Round {round_number}: the {CHAIR.english} opens the session and asks everyone to speak."


def publish(round_number: int, audience: int) -> str:
    return (f"The unit's paper prints the record of round {round_number}, beside a self-criticism "
            f"of the Party committee; about {audience:,} readers see it.")
