"""Where the sources disagree, shown side by side instead of smoothed over.

Each :class:`Disagreement` holds two or more claims that cannot all be right (or that
count different things under one name), each with its sources, and a note in our words
on what a learner should take from it. The GUI lists them beside the schemes.
"""

from __future__ import annotations

from .disagreements_found import FOUND
from ..messages import msg
from .evidence import Claim, Disagreement, Evidence, paper, src, thesis
from .texts import CreditError

KNOWN: tuple[Disagreement, ...] = (
    Disagreement(
        "score-range", "How far does the score go?",
        (Claim("The paper gives the social credit score a range of 350 to 950 points.", (paper(),)),
         Claim("The same paper praises people with 1,050 points or more as model citizens.",
               (src("ma-2018"), paper()), Evidence.CONTESTED),
         Claim("350 to 950 is the range of Sesame Credit and of Tencent Credit, two commercial scores.",
               (src("kostka-2019", 5), src("timofeeva-2020", 106), thesis("sections 4.1–4.2")))),
        "A score capped at 950 cannot reach 1,050, so the paper's figures cannot all describe one "
        "scheme. The range matches the commercial scores; the paper ties the grades and thresholds "
        "to no scheme, and neither source says which scheme used them. Ermu keeps them apart: "
        "commercial runs 350–950, the paper's graded score uses the thresholds on an illustrative "
        "base of 1,000."),
    Disagreement(
        "one-score", "Is there one national score?",
        (Claim("The paper describes one system that rates every citizen with a score and a grade "
               "from A+++ to D.", (src("mistreanu-2018"), paper()), Evidence.CONTESTED),
         Claim("The national system publishes names on a red list and three negative lists; a single "
               "number is a feature of Sesame Credit, which uses it instead of lists.",
               (src("engelmann-2019", 72), src("kostka-2019", 5), thesis("sections 3.4, 4.2"))),
         Claim("The paper itself notes that many features of the system have barely reached rural "
               "areas yet.", (src("horsley-2018"), paper()))),
        "Scores exist in commercial schemes and some local pilots; the national system as the "
        "sources describe it works with lists and joint punishment."),
    Disagreement(
        "who-runs-it", "Who builds the score?",
        (Claim("The paper says the system is being built by the largest tech firms, Alibaba and Baidu.",
               (src("chen-2017", 360), paper())),
         Claim("The thesis separates the two: eight licensed firms run their own opt-in scores and "
               "share data with the state, which runs the lists.",
               (src("liang-2018", 423), src("kostka-2019", 6), thesis("chapter 4")))),
        "Firms supply data and technology; the sources agree on that. Whether their scores *are* "
        "the state's system is where they part."),
    Disagreement(
        "pilot-count", "How many local pilots?",
        (Claim("Forty-three local governments run pilot schemes.", (src("kostka-2019", 2), thesis("section 3.2"))),
         Claim("Forty-three percent of survey respondents lived in one of 42 localities with a local "
               "scheme.", (src("kostka-2018", 11), thesis("section 5.1.1")))),
        "Two studies by the same author, a year apart, count 43 and 42: counts of a changing set."),
    Disagreement(
        "agencies", "How many agencies feed the system?",
        (Claim("The NCISP draws on 42 central agencies, 32 local governments and 50 market actors.",
               (src("liang-2018", 426),)),
         Claim("Credit China links data from 37 government agencies.", (src("ramadan-2018", 6),)),
         Claim("Over fifty agencies work together on the system; the NDRC alone works with 39.",
               (src("liang-2018", 429),)),
         Claim("Over 400 organisations contribute data.", (thesis("chapter 3"),))),
        "The numbers count different things (one platform, one website, partners, all contributors) "
        "at different dates; none is 'the' number of agencies."),
    Disagreement(
        "tencent-users", "How many people use Tencent's scheme?",
        (Claim("Tencent has over 850 million users.", (src("jiang-2018", 385), thesis("section 4.1"))),
         Claim("Tencent Credit had an estimated 820 million individuals in 2018.",
               (src("liang-2018", 423), thesis("Table 4.1")))),
        "One figure counts the company's users, the other its credit platform's; neither counts "
        "people who opted in to a score."),
    Disagreement(
        "strong-approval", "How many strongly approve?",
        (Claim("Over 64 % of respondents strongly approve of credit schemes in general.",
               (src("kostka-2019b", 1571), paper())),
         Claim("48.89 % of all respondents strongly approve; 64.07 % is the share among people taking "
               "part in a government pilot.", (src("kostka-2018", 13), thesis("Figure 5.4")))),
        "The same survey read two ways: the paper quotes the figure for one group as if it were "
        "everyone's."),
    Disagreement(
        "data-trust", "Whom do people trust with their data?",
        (Claim("The thesis reports that 77 % trust the local government with their data and 48 % "
               "provincial governments.", (src("kostka-2018", 22), thesis("section 5.1.1"))),
         Claim("In the same paragraph it says trust falls as authorities get more local, and that "
               "people trust the central government most.", (src("kostka-2018", 22), thesis("section 5.1.1")))),
        "Both cannot hold; the 77 % most likely belongs to the central government. Check the "
        "original survey before quoting it."),
    Disagreement(
        "friend-effect", "Does unfriending people with low scores raise your own?",
        (Claim("Unfriending people with low scores is said to earn points, and befriending high "
               "scorers to help.", (thesis("section 3.4"),), Evidence.CONTESTED),
         Claim("Sesame Credit counts 'social relationships' but publishes no weights, so users cannot "
               "tell which behaviour counts.", (src("kostka-2019", 6), thesis("section 4.2"))),
         Claim("17.4 % of participants say they unfriended people to protect their score — which "
               "shows what people believe, not what the algorithm does.",
               (src("kostka-2019", 14), thesis("Figure 5.9")))),
        "No official rule documents a friend effect. Ermu offers it only as an optional rule, off by "
        "default and labelled contested."),
)

#: Puzzles of the historical sources that the lessons already discussed, now in the list too.
HISTORY: tuple[Disagreement, ...] = (
    Disagreement(
        "song-date", "When did Wang An-shih's baojia begin: 1070 or 1076?",
        (Claim("Wang An-shih introduced the baojia in 1070.", (src("hsiao-1960", 27), thesis("section 2.1"))),
         Claim("Wang An-shih's first baojia system was established in 1076.",
               (src("brook-2005", 36), thesis("section 2.2.3")))),
        "Two historians, two dates, repeated without comment; a reform in stages would explain both. "
        "Ermu starts the Song baojia at 1070 and says the year is uncertain.",
        ("lesson:song-baojia", "regime:song-baojia"), "1076"),
    Disagreement(
        "li-size", "How big was a Ming li: 110 households or a hundred jia?",
        (Claim("Each li was 'a group of one hundred jia'.", (src("brook-2005", 33), thesis("section 2.2.2"))),
         Claim("Ten jia of ten households and ten leading households: 110 households to a li.",
               (src("brook-2005", 33), src("hsiao-1960", 32), thesis("sections 2.2.2, 2.3.2")))),
        "A hundred jia would be a thousand households; the rest of the account gives 110, as Ermu builds it.",
        ("lesson:ming-lijia", "regime:ming-lijia"), "one hundred jia"),
    Disagreement(
        "placard-name", "What was the tithing placard called?",
        (Claim("Each Ming tithing had a placard called pao that rotated among its households.",
               (src("brook-2005", 36), thesis("section 2.2.3"))),
         Claim("Pao (bao) is also the name of the watch of ten tithings above it.",
               (src("brook-2005", 36), thesis("section 2.2.3")))),
        "One word for two things; the placard is usually pai. Ermu names it pai and says why.",
        ("lesson:ming-baojia", "regime:ming-baojia"), "placard"),
    Disagreement(
        "lichang-choice", "Were the Qing li-chang elected, or did they take turns?",
        (Claim("The heads of the ten leading households were to be elected li-chang.",
               (src("hsiao-1960", 32), thesis("section 2.3.2"))),
         Claim("Each of the ten households took its turn providing the li-chang every year.",
               (src("qu-1988", 135), thesis("section 2.3.2")))),
        "Both can hold if all ten were chosen once and then served in yearly turns; the sources do not say so.",
        ("lesson:qing-lijia",), "elected"),
)

#: Every disagreement: those shown before the audit of issue 12, the historical puzzles the
#: lessons discussed, then those the audit found.
DISAGREEMENTS: tuple[Disagreement, ...] = KNOWN + HISTORY + FOUND


def get_disagreement(disagreement_id: str) -> Disagreement:
    for d in DISAGREEMENTS:
        if d.id == disagreement_id:
            return d
    raise CreditError(msg("credit.disagreement.unknown", "Unknown disagreement {id}.", id=repr(disagreement_id)))


__all__ = ["DISAGREEMENTS", "Disagreement", "get_disagreement"]
