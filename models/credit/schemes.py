"""The three kinds of scheme, as data with provenance: commercial, pilot and national.

- ``commercial``: a Sesame-style score from 350 to 950, updated monthly, opt-in, with
  benefits at documented thresholds and no punishments (kostka-2019, pp. 5-6;
  timofeeva-2020, p. 106).
- ``pilot``: the letter grades and thresholds as the paper presents them (vochelet-2020):
  praise at 1,050 or more, restrictions at 849 or below, the blacklist below 549. The paper
  ties them to no particular scheme and neither source says which scheme used them; the id
  stays ``pilot`` for saved files. The paper's own range (350-950) cannot hold these numbers
  (see :mod:`.disagreements`), so the scheme runs on an explicit, *illustrative* base of
  1,000 points and range of 0-1,300 (:mod:`.parameters`); only the three thresholds are the
  paper's. Running them as a mandatory local scheme is Ermu's modelling choice.
- ``national``: no single score; entries on the Credit China lists and the joint
  punishments they set off (:mod:`.lists`, :mod:`.joint`).

Use :func:`get_scheme` (parameters change the pilot's range and grades) and
:meth:`Scheme.standing` / :meth:`Scheme.standing_for_lists`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_
from . import tables
from .effects import Category, Comparison, Effect, FallsOn, Granted, Kind, Standing, Threshold
from .evidence import Claim, Evidence, paper, src, thesis
from .joint import EFFECTS, RESTRICTIONS, joint_edges
from .lists import LISTS
from .parameters import DEFAULT_PARAMETERS, CreditParameters
from ..messages import ErmuError, Phrase, msg

SCHEME_IDS = ("commercial", "pilot", "national")


class SchemeError(ErmuError, ValueError):
    """A score or scheme the model cannot use; the message is for people."""


@dataclass(frozen=True)
class SchemeWord:
    """A scheme inside an error: its id in English ("the pilot scheme"), its title in Chinese."""

    id: str
    title: str

    def render(self, translator=None) -> str:
        from ..language import is_chinese

        return Phrase(self.title).render(translator) if is_chinese() else self.id

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class Scheme:
    id: str
    title: str
    summary: str  # one sentence in our words
    has_score: bool
    minimum: int | None
    maximum: int | None
    range_documented: bool
    mandatory: bool
    rewards_only: bool
    thresholds: tuple[Threshold, ...] = ()
    grades: tuple[tuple[str, int], ...] = ()  # (letter, lowest score), best first
    claims: tuple[Claim, ...] = ()  # what the sources say about this kind of scheme
    illustrative: tuple[str, ...] = ()  # what in this scheme is Ermu's, in words

    def check_score(self, score: int) -> int:
        if not self.has_score:
            raise SchemeError(msg("credit.scheme.no-score", "The {scheme} scheme keeps lists, not a score: "
                                  "give a behaviour stream instead.", scheme=SchemeWord(self.id, self.title)))
        if isinstance(score, bool) or not isinstance(score, int):
            raise SchemeError(msg("credit.scheme.score-not-whole", "A score must be a whole number, not {score}.",
                                  score=repr(score)))
        if not self.minimum <= score <= self.maximum:  # type: ignore[operator]
            raise SchemeError(msg("credit.scheme.score-outside", "Score {score} is outside the {scheme} scheme's "
                                  "range: use {low} to {high}.", score=score, scheme=SchemeWord(self.id, self.title),
                                  low=self.minimum,
                                  high=self.maximum))
        return score

    def clamp(self, score: int) -> int:
        return max(self.minimum, min(self.maximum, score))  # type: ignore[type-var]

    def grade(self, score: int) -> str | None:
        for letter, lowest in self.grades:
            if score >= lowest:
                return letter
        return None

    def standing(self, score: int) -> Standing:
        """Benefits, restrictions and list entries at ``score`` (commercial and pilot)."""
        self.check_score(score)
        benefits: list[Granted] = []
        restrictions: list[Granted] = []
        lists: list[str] = []
        for t in self.thresholds:
            if not t.holds(score):
                continue
            for effect in t.effects:
                (benefits if effect.kind is Kind.BENEFIT else restrictions).append(Granted(effect, t))
            lists.extend(x for x in t.lists if x not in lists)
        return Standing(self.id, score, self.grade(score) if self.grades else None, tuple(lists),
                        tuple(benefits), tuple(restrictions))

    def standing_for_lists(self, list_ids) -> Standing:
        """Benefits and restrictions set off by entries on ``list_ids`` (national)."""
        benefits: list[Granted] = []
        restrictions: list[Granted] = []
        seen: set[str] = set()
        ordered = sorted(set(list_ids), key=lambda i: -LISTS[i].severity if i in LISTS else 0)
        for list_id in ordered:
            for edge in joint_edges(list_id):
                if edge.effect in seen:
                    continue
                seen.add(edge.effect)
                effect = EFFECTS[edge.effect]
                granted = Granted(effect, None, list_id, edge.documented)
                (benefits if effect.kind is Kind.BENEFIT else restrictions).append(granted)
        return Standing(self.id, None, None, tuple(ordered), tuple(benefits), tuple(restrictions))


def _benefit(id: str, text: str, claim: Claim, category: Category = Category.REWARD) -> Effect:
    return Effect(id, text, Kind.BENEFIT, category, claim)


def _commercial() -> Scheme:
    thresholds = []
    for row in tables.load("sesame_thresholds"):
        comparison = Comparison.ABOVE if row["comparison"] == "above" else Comparison.AT_LEAST
        claim = Claim(row["benefit"] + ".", (src(row["source"], row["page"]), thesis("section 4.2")))
        thresholds.append(Threshold(int(row["score"]), comparison,
                                    (_benefit(row["benefit_id"], row["benefit"], claim),)))
    return Scheme(
        "commercial", N_("Commercial score (Sesame-style)"),
        N_("An opt-in score from 350 to 950, updated every month, that unlocks perks and never punishes."),
        True, 350, 950, True, False, True, tuple(thresholds), (), (
            Claim("Sesame Credit scores users from 350 to 950 and updates the score once a month.",
                  (src("kostka-2019", 5), thesis("section 4.2"))),
            Claim("It weighs five things: credit history, behaviour (such as purchases and donations), "
                  "debts and assets, personal information and social relationships; the weights are "
                  "not published.", (src("kostka-2019", 6), thesis("section 4.2"))),
            Claim("Tencent Credit also runs from 350 to 950, over five categories: material "
                  "circumstances, security, social connections, law-abidance and consumer behaviour.",
                  (src("timofeeva-2020", 106), thesis("section 4.1"))),
            Claim("Commercial schemes are opt-in and give only benefits, never punishments.",
                  (src("kostka-2019", 6), thesis("section 4.4"))),
            Claim("Only eight companies hold a licence to run such scores, on condition that they "
                  "share their data with the state.", (src("liang-2018", 423), thesis("section 4.1"))),
        ), ("the starting score", "the points each behaviour is worth"))


def _pilot(params: CreditParameters) -> Scheme:
    contested = Evidence.CONTESTED
    source = (src("ma-2018"), paper())
    praise = _benefit("model-citizen", "praised publicly as a model citizen", Claim(
        "People scoring 1,050 or more are held up as model citizens.", source, contested))
    perks_claim = Claim("Government schemes reward good standing with cheaper healthcare, easier "
                        "public services, tax cuts, cheaper public transport and lower loan rates; "
                        "the sources tie none of these to a score.",
                        (src("kostka-2019", 6), thesis("section 4.4")))
    perks = tuple(_benefit(i, t, perks_claim) for i, t in (
        ("cheaper-healthcare", "cheaper healthcare"),
        ("easier-public-services", "easier access to public services"),
        ("tax-reduction", "tax reductions"),
        ("cheaper-transport", "cheaper public transport"),
        ("lower-loan-rates", "lower loan rates"),
    ))
    restricted = tuple(Effect(e.id, e.text, e.kind, e.category,
                              Claim(e.claim.text, e.claim.sources + source, contested), e.falls_on, e.agency)
                       for e in (RESTRICTIONS[i] for i in ("flight-ban", "rail-ban", "slow-internet",
                                                           "public-job-ban", "private-school-ban")))
    shamed = Effect("shamed-publicly", "shamed publicly as a bad citizen", Kind.RESTRICTION, Category.SOCIAL,
                    Claim("Below 549 people are put on a blacklist and shamed in public.",
                          (src("credit-china-nd"), paper()), contested), FallsOn.SELF, "credit-china")
    checks = Effect("regular-checks", "regular checks by the authorities", Kind.RESTRICTION,
                    Category.ADMINISTRATIVE, Claim("Below 549 people also face regular checks by the "
                                                   "authorities.", (src("credit-china-nd"), paper()),
                                                   contested))
    thresholds = (
        Threshold(1050, Comparison.AT_LEAST, (praise,), ("red-list",)),
        Threshold(1050, Comparison.AT_LEAST, perks, (), documented=False),
        Threshold(849, Comparison.AT_MOST, restricted),
        Threshold(549, Comparison.BELOW, (shamed, checks), ("blacklist",)),
    )
    return Scheme(
        "pilot", N_("Graded score as in the paper (A+++ to D)"),
        N_("A score turned into letter grades as the paper presents it, with praise at the top and "
           "restrictions and the blacklist at the bottom; the sources do not say which scheme used it."),
        True, params.pilot_min, params.pilot_max, False, True, False, thresholds, params.pilot_grades, (
            Claim("Forty-three local governments ran pilot schemes by 2018, the first from 1991; "
                  "everyone living there takes part.", (src("kostka-2019", 2), src("kostka-2019", 4),
                                                        thesis("section 3.2"))),
            Claim("The NDRC and the People's Bank of China chose twelve of them as model cities, "
                  "among them Rongcheng, Weihai, Suqian, Hangzhou, Wenzhou and Xiamen.",
                  (src("kostka-2019", 5), thesis("section 3.2"))),
            Claim("A score is turned into letter grades from A+++ to D; 1,050 or more earns praise as a "
                  "model citizen, 849 or below brings restrictions, and below 549 the blacklist, public "
                  "shaming and regular checks.", (src("mistreanu-2018"), src("ma-2018"),
                                                   src("credit-china-nd"), paper()), contested),
            Claim("The paper ties these grades and thresholds to no particular scheme, and neither "
                  "source says which scheme, local or national, used them.", (paper(), thesis())),
        ), ("running the grades as a mandatory local scheme", "the base score of 1,000 and the range 0–1,300 (the paper gives 350–950, which cannot "
            "hold its own thresholds)", "the grade bands between the paper's thresholds",
            "the benefits other than praise at 1,050", "treating the 1,050 praise as a red-list entry",
            "the points each behaviour is worth"))


def _national() -> Scheme:
    return Scheme(
        "national", N_("National system (lists and joint punishment)"),
        N_("No single score: people are named on a red list or on one of three negative lists, and "
           "every agency that receives the entry applies its own reward or restriction."),
        False, None, None, True, True, False, (), (), (
            Claim("The 2014 State Council outline plans the system for 2014–2020 in four parts: "
                  "social trust, judicial trust, government trust and commercial credit.",
                  (src("state-council-2014"), src("dai-2020", 40), thesis("section 3.3")), Evidence.OFFICIAL),
            Claim("Credit China publishes one red list and three negative lists, from the blacklist "
                  "through the special attention list to the administrative punishment list.",
                  (src("engelmann-2019", 72), thesis("section 3.4")), Evidence.OFFICIAL),
            Claim("Restrictions fall into administrative, market and social kinds.",
                  (src("liang-2018", 433), thesis("section 3.4"))),
        ), ("which restrictions the special attention list sets off", "the agency names",
            "how long an entry lasts", "the volunteer hours that earn a red-list entry"))


def get_scheme(scheme_id: str, params: CreditParameters = DEFAULT_PARAMETERS) -> Scheme:
    """One scheme by id: ``commercial``, ``pilot`` or ``national``."""
    if scheme_id == "commercial":
        return _commercial()
    if scheme_id == "pilot":
        return _pilot(params)
    if scheme_id == "national":
        return _national()
    raise SchemeError(msg("credit.scheme.unknown", "Unknown scheme {scheme}: use one of {known}.",
                          scheme=repr(scheme_id), known=", ".join(SCHEME_IDS)))


def schemes(params: CreditParameters = DEFAULT_PARAMETERS) -> dict[str, Scheme]:
    return {i: get_scheme(i, params) for i in SCHEME_IDS}


__all__ = ["SCHEME_IDS", "Scheme", "SchemeError", "get_scheme", "schemes"]
