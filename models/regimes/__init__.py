"""The historical regimes, one module each, as declarative specs.

Adding a regime means adding one module with a ``SPEC`` and listing it here (and a lesson).
"""

from __future__ import annotations

from . import (ming_baojia, ming_lijia, ming_xiangyue, qing_baojia, qing_lijia, song_baojia, sui,
               wang_shouren)
from .spec import (LeaderSpec, LevelSpec, LiabilityRules, Name, Obligation, RegimeSpec, Rule, Scope,
                   Selection, Source)
from ..messages import ErmuError, msg

REGIMES: dict[str, RegimeSpec] = {
    module.SPEC.id: module.SPEC
    for module in (sui, song_baojia, ming_lijia, ming_baojia, wang_shouren, ming_xiangyue,
                   qing_baojia, qing_lijia)
}


class UnknownRegime(ErmuError, ValueError):
    pass


def get_regime(regime_id: str) -> RegimeSpec:
    try:
        return REGIMES[regime_id]
    except KeyError:
        allowed = ", ".join(REGIMES)
        raise UnknownRegime(msg("regime.error.unknown", "unknown regime {regime!r}: use one of {allowed}",
                                regime=regime_id, allowed=allowed)) from None


__all__ = [
    "REGIMES", "LeaderSpec", "LevelSpec", "LiabilityRules", "Name", "Obligation", "RegimeSpec",
    "Rule", "Scope", "Selection", "Source", "UnknownRegime", "get_regime",
]
