"""How evidence and effects look: a symbol, a colour and words, so colour is never alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from ermu.models.credit import Evidence

from ..charts.citations import cite, short_citation
from ..style import CINNABAR, ILLUSTRATIVE_MARK, JADE, SLATE


@dataclass(frozen=True)
class Mark:
    symbol: str
    colour: str
    words: str

    def text(self) -> str:
        return f"{self.symbol} {self.words}"


#: Each evidence level as the user sees it ("documented / reported / contested popular claim").
EVIDENCE: dict[Evidence, Mark] = {
    Evidence.OFFICIAL: Mark("●", JADE, "documented"),
    Evidence.REPORTED: Mark("◐", "#8a6d1f", "reported"),
    Evidence.CONTESTED: Mark("⚠", CINNABAR, "contested popular claim"),
}
ILLUSTRATIVE = Mark("◇", SLATE, ILLUSTRATIVE_MARK.split(" ", 1)[1])
BENEFIT = Mark("+", JADE, "benefit")
RESTRICTION = Mark("−", CINNABAR, "restriction")


def evidence_mark(evidence: Evidence | str) -> Mark:
    return EVIDENCE[Evidence(evidence)]


__all__ = ["BENEFIT", "EVIDENCE", "ILLUSTRATIVE", "RESTRICTION", "Mark", "cite", "evidence_mark",
           "short_citation"]
