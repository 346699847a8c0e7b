"""Names and liability rules shared by several regimes.

The collective-punishment logic first written down for the Qing baojia (Hsiao 1960) is
the template; each regime says which parts its own sources document. A rule a regime's
sources do not give is kept, so the engine can run, but marked ``documented=False`` and
shown to users as Ermu's assumption.
"""

from __future__ import annotations

from ..places import Setting
from .spec import LiabilityRules, Name, Rule, Source

THESIS = "duke-thesis-2020"

YAMEN = Name("衙門", "yámen", "yamen", "magistrate's office")
AUTHORITIES = Name("官府", "guānfǔ", "kuan-fu", "local authorities")

OUTSIDE_CAPITAL = frozenset({Setting.RURAL, Setting.SUBURBAN, Setting.URBAN})
RURAL_ONLY = frozenset({Setting.RURAL})
RURAL_AND_SUBURBAN = frozenset({Setting.RURAL, Setting.SUBURBAN})
EVERYWHERE = frozenset(Setting)


def thesis(pages: str) -> Source:
    return Source(THESIS, pages)


def policing_liability(
    collective_level: str,
    *,
    collective_sources: tuple[Source, ...],
    collective_documented: bool,
    self_report_sources: tuple[Source, ...] = (),
    unregistered_sources: tuple[Source, ...] = (),
    reward_sources: tuple[Source, ...] = (),
    leader_sources: tuple[Source, ...] = (),
    what: str = "an observed crime",
) -> LiabilityRules:
    """Liability rules on the baojia pattern; parts with no sources are marked undocumented."""
    assumed = " (Ermu's assumption, borrowed from the Qing baojia: the sources for this regime are silent)"
    return LiabilityRules(
        collective_level=collective_level,
        self_report=Rule(
            "self-report",
            "Reporting one's own wrongdoing lessens the punishment"
            + ("" if self_report_sources else assumed) + ".",
            severity=1, sources=self_report_sources, documented=bool(self_report_sources),
        ),
        reported=Rule(
            "reported",
            "An offender reported by a neighbour is punished; the neighbours who did their duty are not"
            + ("" if collective_documented else assumed) + ".",
            severity=2, sources=collective_sources, documented=collective_documented,
        ),
        concealed=Rule(
            "concealed",
            "An offence hidden from the authorities and later discovered is punished more heavily"
            + ("" if self_report_sources else assumed) + ".",
            severity=3, sources=self_report_sources, documented=bool(self_report_sources),
        ),
        neighbours_on_concealment=Rule(
            "collective",
            f"If anyone in the division fails to report {what}, every household of the division is punished"
            + ("" if collective_documented else assumed) + ".",
            severity=2, sources=collective_sources, documented=collective_documented,
        ),
        leader_silence=Rule(
            "leader-silence",
            "A unit head answers for an offence in his unit that he did not report"
            + ("" if leader_sources else assumed) + ".",
            severity=3, sources=leader_sources, documented=bool(leader_sources),
        ),
        unregistered=Rule(
            "unregistered",
            "Households missing from the register are punished severely"
            + ("" if unregistered_sources else assumed) + ".",
            severity=1, sources=unregistered_sources, documented=bool(unregistered_sources),
        ),
        reward=Rule(
            "reward",
            "Some officials rewarded model conduct, such as a prompt report.",
            severity=0, sources=reward_sources, documented=True,
        ) if reward_sources else None,
    )


def fiscal_liability(collective_level: str, *, collective_sources: tuple[Source, ...],
                     leader_sources: tuple[Source, ...], collective_documented: bool = True,
                     borrowed_from: str = "the Ming lijia") -> LiabilityRules:
    """Liability in a tithing system: households answer for their neighbours' dues.

    ``collective_documented=False`` keeps the rule (so the engine runs) but marks it as
    Ermu's assumption, borrowed from ``borrowed_from`` whose sources state it.
    """
    rules = policing_liability(
        collective_level,
        collective_sources=collective_sources,
        collective_documented=True,
        leader_sources=leader_sources,
        what="a neighbour's unpaid dues",
    )
    return LiabilityRules(
        collective_level=rules.collective_level,
        self_report=rules.self_report,
        reported=rules.reported,
        concealed=rules.concealed,
        neighbours_on_concealment=Rule(
            "collective-fiscal",
            "Households answer for their neighbours' fiscal duties as well as their own: "
            "if a default in the division is hidden, every household of the division must make it good"
            + ("" if collective_documented else
               f" (Ermu's assumption, borrowed from {borrowed_from}: the sources for this regime are silent)")
            + ".",
            severity=2, sources=collective_sources, documented=collective_documented,
        ),
        leader_silence=Rule(
            "leader-silence",
            "The tithing head gathers his division's tax records and reports them upward; "
            "one who hides a default answers for it.",
            severity=3, sources=leader_sources, documented=True,
        ),
        unregistered=rules.unregistered,
    )
