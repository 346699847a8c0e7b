"""The short lines spoken in a session, in Ermu's own words.

One plain sentence per step, the kind a screen reader can read and a pupil can follow:
who speaks, to whom, about which fault. The charges come from :data:`CHARGES`. Each line is
a :class:`~ermu.models.messages.Message`, so that a transcript is said again in another
language; members are :class:`~ermu.models.names.PersonName` (characters in Chinese).
"""

from __future__ import annotations

from ..messages import Message, Phrase, msg
from ..names import PersonName
from .members import Member
from .parameters import CHAIR


def _who(member: Member) -> PersonName:
    return PersonName(member.name, member.hanzi)


def self_criticism(member: Member, charge: str, sincere: bool, singled_out: bool) -> Message:
    who, fault = _who(member), Phrase(charge)
    if sincere and singled_out:
        return msg("criticism.self.sincere.singled", "Comrade {who} accepts the group's verdict, admits {charge} "
                   "and asks for help to correct it.", who=who, charge=fault)
    if sincere:
        return msg("criticism.self.sincere", "Comrade {who} admits {charge} and promises to study and do better.",
                   who=who, charge=fault)
    if singled_out:
        return msg("criticism.self.minimal.singled", "Comrade {who} concedes only a little {charge} and falls quiet.",
                   who=who, charge=fault)
    return msg("criticism.self.minimal", "Comrade {who} mentions a touch of {charge}, briefly.", who=who, charge=fault)


def criticism(critic: Member, target: Member, charge: str, harsh: bool, collective: bool) -> Message:
    params = {"critic": _who(critic), "target": _who(target), "charge": Phrase(charge)}
    if harsh and collective:
        return msg("criticism.harsh.collective",
                   "Comrade {critic} joins the attack: {target} shows {charge} and must own it.", **params)
    if harsh:
        return msg("criticism.harsh", "Comrade {critic} denounces the {charge} of {target}.", **params)
    if collective:
        return msg("criticism.mild.collective", "Comrade {critic} adds that {target} has not yet overcome {charge}.",
                   **params)
    return msg("criticism.mild", "Comrade {critic} gently reminds {target} of {charge}.", **params)


def silence(member: Member, about: Member, collective: bool) -> Message:
    if collective:
        return msg("criticism.silent.collective", "Comrade {who} says nothing against {about}; the chair takes note.",
                   who=_who(member), about=_who(about))
    return msg("criticism.silent", "Comrade {who} stays silent.", who=_who(member))


def single_out(target: Member, charge: str, chosen_by_rule: bool) -> Message:
    params = {"chair": CHAIR.said("english"), "who": _who(target), "charge": Phrase(charge)}
    if chosen_by_rule:
        return msg("criticism.single-out.rule", "The {chair} names Comrade {who} as the most suspect member: "
                   "the whole group will criticise {who} for {charge}.", **params)
    return msg("criticism.single-out", "The {chair} names Comrade {who}: the whole group will criticise {who} "
               "for {charge}.", **params)


def open_round(round_number: int) -> Message:
    return msg("criticism.open", "Round {n}: the {chair} opens the session and asks everyone to speak.",
               n=round_number, chair=CHAIR.said("english"))


def publish(round_number: int, audience: int) -> Message:
    return msg("criticism.publish", "The unit's paper prints the record of round {n}, beside a self-criticism "
               "of the Party committee; about {audience} readers see it.", n=round_number, audience=f"{audience:,}")
