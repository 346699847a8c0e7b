"""How evidence and effects look: a symbol, a colour and words, so colour is never alone.
"""

from __future__ import annotations

from ermu.models.i18n import N_, pgettext
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
        return f"{self.symbol} {pgettext('evidence', self.words)}"


#: Each evidence level as the user sees it ("documented / reported / contested popular claim").
EVIDENCE: dict[Evidence, Mark] = {
    Evidence.OFFICIAL: Mark("●", JADE, N_("documented")),
    Evidence.REPORTED: Mark("◐", "#8a6d1f", N_("reported")),
    Evidence.CONTESTED: Mark("⚠", CINNABAR, N_("contested popular claim")),
}
ILLUSTRATIVE = Mark("◇", SLATE, ILLUSTRATIVE_MARK.split(" ", 1)[1])
BENEFIT = Mark("+", JADE, N_("benefit"))
RESTRICTION = Mark("−", CINNABAR, N_("restriction"))


def _extracted() -> None:  # never called: gives Babel the marks' words in their context
    pgettext("evidence", "documented"), pgettext("evidence", "reported")
    pgettext("evidence", "contested popular claim"), pgettext("evidence", "illustrative")
    pgettext("evidence", "benefit"), pgettext("evidence", "restriction")


def evidence_mark(evidence: Evidence | str) -> Mark:
    return EVIDENCE[Evidence(evidence)]


def said(claim, limit: int = 2) -> str:
    """What the seed text says for a claim's numbers, from the provenance register, as quotations
    ('' when the claim states no number the register holds)."""
    from ermu.models.provenance import number_key, numbers_in, provenance_for

    values = tuple(numbers_in(claim.text))
    if not values:
        return ""
    wanted = {number_key(v) for v in values}
    found = [fact for source in claim.sources for fact in provenance_for(source.key, source.pages, values=values)]
    overlap = {id(f): len(wanted & {number_key(v) for v in f.values}) for f in found}
    best = max(overlap.values(), default=0)
    quotes = list(dict.fromkeys(f.locator for f in found if overlap[id(f)] == best))
    return " · ".join(f"“{q}”" for q in quotes[:limit])


__all__ = ["BENEFIT", "EVIDENCE", "ILLUSTRATIVE", "RESTRICTION", "Mark", "cite", "evidence_mark", "said",
           "short_citation"]
