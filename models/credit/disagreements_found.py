"""Disagreements inside the sources that the audit of issue 12 found, shown side by side.

The first four were named in the issue; the rest a fresh reading of both texts turned up.
Each names where else in the app its numbers appear (``shown_in``) and the phrase those
places carry (``cue``), so a test can check that every place surfaces it.
"""

from __future__ import annotations

from .evidence import Claim, Disagreement, Evidence, paper, src, thesis

NAMED: tuple[Disagreement, ...] = (
    Disagreement(
        "rail-bans", "How many people were barred from trains?",
        (Claim("Chapter 1: in the past year alone, five million people were barred from buying "
               "high-speed train tickets.", (src("backer-2019", 213), thesis("chapter 1"))),
         Claim("Section 3.4: by 2017, 1.65 million people were barred from using the railways.",
               (src("timofeeva-2020", 108), thesis("section 3.4")))),
        "Two sources, two periods and perhaps two bans (high-speed tickets against all rail travel); "
        "the thesis puts them side by side without comment. Quote each with its own source and date.",
        ("lesson:introduction", "lesson:social-credit", "table:travel_bans_2017"), "five million"),
    Disagreement(
        "every-user-changed", "Did every user change something?",
        (Claim("The thesis reads Figures 5.8 and 5.9 as showing that every user changed at least one "
               "thing because of a credit system.", (thesis("section 5.1.2"),)),
         Claim("The same figures print 5.9 % of all participants answering No, and 8.3 % of Zhima "
               "(Sesame) Credit users only.", (src("kostka-2019", 13), src("kostka-2019", 15),
                                               thesis("Figures 5.8, 5.10")))),
        "Most users changed something; not every one did. The figures, not the sentence, are right.",
        ("lesson:public-opinion", "table:behaviour_change_by_scheme"), "5.9"),
    Disagreement(
        "sum-over-100", "Why does one row of Figure 5.8 add up to more than the whole?",
        (Claim("Figure 5.8 prints commercial-credit-only users as 93.6 % yes and 6.5 % no.",
               (src("kostka-2019", 13), thesis("Figure 5.8"))),
         Claim("Every other row of the figure sums to exactly 100, as yes and no must.",
               (src("kostka-2019", 13), thesis("Figure 5.8")))),
        "One of the two numbers is off by a tenth, by rounding or a typing slip; Ermu keeps both as "
        "printed and shows the row as it is.",
        ("table:behaviour_change_by_scheme",), "6.5"),
    Disagreement(
        "ming-baojia-nationwide", "Was the Ming baojia nationwide?",
        (Claim("Section 2.2.3 says the Ming, unlike the lijia, did not implement the baojia nationwide.",
               (src("brook-2005", 36), thesis("section 2.2.3"))),
         Claim("The next sentence says it was formally introduced and implemented nationwide by 1548, "
               "though not made mandatory.", (src("brook-2005", 36), thesis("section 2.2.3")))),
        "Introduced everywhere on paper, left to each magistrate in practice: by the dynasty's end it "
        "ran in over half the empire. Ermu marks the Ming baojia as not mandatory.",
        ("lesson:ming-baojia", "regime:ming-baojia"), "nationwide"),
)

FRESH: tuple[Disagreement, ...] = (
    Disagreement(
        "city-approval", "Can 82 % of city dwellers strongly approve?",
        (Claim("82 % of respondents in cities and 68 % in rural areas are said to approve strongly.",
               (src("kostka-2018", 13), thesis("section 5.1.1"))),
         Claim("Only 48.89 % of all respondents strongly approve.", (src("kostka-2018", 13),
                                                                     thesis("Figure 5.4")))),
        "If both city and country approved strongly at 68 % or more, the total could not be 48.89 %. "
        "The 82 and 68 most likely count strong and somewhat approval together.",
        ("lesson:who-approves",), "82"),
    Disagreement(
        "lowest-change", "Which users changed least?",
        (Claim("The thesis calls 93.6 % (commercial credit only) the lowest share of users who changed.",
               (thesis("section 5.1.2"),)),
         Claim("Figure 5.8 prints 91.7 % for Zhima (Sesame) Credit users only.",
               (src("kostka-2019", 13), thesis("Figure 5.8")))),
        "The figure is lower than the sentence: check a table before repeating a summary of it.",
        ("lesson:public-opinion", "table:behaviour_change_by_scheme"), "91.7"),
    Disagreement(
        "tencent-licence", "Which Tencent platform holds the licence?",
        (Claim("Section 3.5 names Tencent's TenPay among the licensed firms.", (thesis("section 3.5"),)),
         Claim("Section 4.1 names China Rapid Finance, run by Tencent.", (src("jiang-2018", 385),
                                                                          thesis("section 4.1"))),
         Claim("Table 4.1 lists Tencent Credit, licensed in 2017.", (src("liang-2018", 423),
                                                                     thesis("Table 4.1")))),
        "Three names for one licence. The table is the most specific; the text may name related "
        "Tencent services.",
        ("lesson:commercial-credit",), "TenPay"),
    Disagreement(
        "mobile-payment-users", "How many people pay by phone?",
        (Claim("About 577.4 million people in China used mobile payment apps in 2019.",
               (src("kats-2018"), src("xiao-2019"), thesis("chapter 4"))),
         Claim("WeChat Pay alone had over 1.08 billion monthly active users in 2019, Alipay over 900 "
               "million.", (src("daxue-consulting-2019"), thesis("chapter 4")))),
        "One app's monthly users cannot outnumber all mobile payers. The counts come from different "
        "sources and probably count accounts, not people, or all WeChat users rather than payers.",
        ("lesson:why-the-system",), "577.4"),
    Disagreement(
        "outline-issuer", "Who issued the planning outline?",
        (Claim("The State Council outlined the system in 2014.", (src("dai-2020", 40), thesis("section 3.3"))),
         Claim("The agenda was first put forth by the 18th Party Congress in publishing the outline; the "
               "thesis dates that congress's anti-corruption campaign to 2012.",
               (thesis("sections 3, 3.3"),))),
        "The party congress set the direction and the State Council issued the document in 2014; the "
        "thesis runs the two together.",
        ("lesson:why-the-system",), "18th Party Congress"),
    Disagreement(
        "only-study", "Is Kostka's survey the only one?",
        (Claim("The thesis says Genia Kostka is the only scholar to have studied how people perceive "
               "the systems.", (thesis("section 5.1"),)),
         Claim("It also reports a BBC survey of October 2015 in which most people in Beijing saw a "
               "national system as very positive.", (src("timofeeva-2020", 106), thesis("section 5.5")))),
        "Kostka's is the only systematic survey the thesis uses; the BBC poll is a smaller, earlier "
        "sounding. Both point the same way.",
        ("lesson:who-approves",), "BBC"),
    Disagreement(
        "figure-5-9-total", "Who is in Figure 5.9's total?",
        (Claim("Figure 5.9 counts 1,581 participants in total.", (src("kostka-2019", 14), thesis("Figure 5.9"))),
         Claim("Its three groups hold 1,421, 160 and 31 participants, which add up to more than 1,581.",
               (src("kostka-2019", 14), thesis("Figure 5.9")))),
        "1,421 and 160 make exactly 1,581, so the 31 government-only participants seem to be left out "
        "of the total, or counted in the 160.",
        ("table:behaviour_change_by_kind",), "1,421"),
    Disagreement(
        "commercial-punish", "Do commercial scores ever hurt?",
        (Claim("Commercial schemes give only benefits, never punishments.", (src("kostka-2019", 6),
                                                                             thesis("sections 4, 4.4"))),
         Claim("A score can also affect jobs, mortgages, private schools and even dating: Baihe shows "
               "profiles with higher scores more.", (src("timofeeva-2020", 106), thesis("section 4.2")))),
        "No commercial scheme imposes a penalty, but a low score can still cost you where others use "
        "it: a missing benefit is not always harmless.",
        ("lesson:who-approves",), "Baihe"),
    Disagreement(
        "national-or-existing", "Approval of what: the national project or existing schemes?",
        (Claim("49 % strongly and 31 % somewhat approve of the national social credit system project.",
               (src("jiang-2018", 382), thesis("section 5.1"))),
         Claim("48.89 % strongly and 31.11 % somewhat approve of existing credit schemes.",
               (src("kostka-2018", 13), thesis("Figure 5.4")))),
        "The numbers match after rounding, so they are one survey; the thesis describes the question "
        "two ways and cites two different works for it.",
        ("lesson:who-approves",), "system project"),
    Disagreement(
        "qing-jia-size", "Ten or eleven households to a Qing lijia jia?",
        (Claim("The remaining 100 households of a li were divided evenly into ten jia.",
               (src("hsiao-1960", 32), thesis("section 2.3.2"))),
         Claim("Each chia-chang collected the tax records of the eleven households of his division.",
               (thesis("section 2.3.2"),))),
        "Ten households plus the li-chang household they served with make eleven; Ermu builds each "
        "jia that way and says so.",
        ("lesson:qing-lijia", "regime:qing-lijia"), "eleven"),
    Disagreement(
        "baojia-success", "Did the Qing baojia work?",
        (Claim("Little information on the system's efficacy was preserved, so its success is hard to "
               "judge.", (src("hsiao-1960", 7), thesis("section 2.3.1"))),
         Claim("Recorded crime became much lower after it was introduced, so it was somewhat successful.",
               (thesis("section 2.3.1"),)),
         Claim("It faded in the final decades of Qing rule, yet it was said to 'stand or fall' with the "
               "dynasty.", (src("hsiao-1960", 8), thesis("section 2.3.1")))),
        "The thesis both doubts and asserts the system's success and dates its end two ways. Treat "
        "claims of success as unproven.",
        ("lesson:qing-baojia", "regime:qing-baojia"), "stand or fall"),
    Disagreement(
        "roots", "Where do the systems begin?",
        (Claim("Chapter 2 opens: historians root these systems in Wang An-shih's Song policies of 1070.",
               (src("hsiao-1960", 27), thesis("chapter 2"))),
         Claim("Section 2.1: Emperor Wen-ti of the Sui set up the first policing system in 589.",
               (src("hsiao-1960", 26), thesis("section 2.1"))),
         Claim("Section 2.1 also: some historians root the Qing baojia in the Kuan-tzu and the Chou-li.",
               (src("hsiao-1960", 26), thesis("section 2.1")), Evidence.REPORTED)),
        "The Sui system came first; the Song one first bore the name baojia; the old texts supplied "
        "ideas. Which counts as the root depends on what you trace.",
        ("lesson:roots",), "1070"),
    Disagreement(
        "both-types", "Who changed 94 % and 99 %?",
        (Claim("The thesis says people using both kinds of scheme changed 94 % because of commercial "
               "schemes and 99 % because of government ones.", (thesis("section 5.1.2"),)),
         Claim("Figure 5.8's rows are all commercial users (94.0) and all government participants "
               "(99.4), not people using both.", (src("kostka-2019", 13), thesis("Figure 5.8")))),
        "The sentence misreads the labels of the rows; read the figure itself.",
        ("table:behaviour_change_by_scheme",), "99.4"),
)

#: What the audit found: the named four first, then the rest.
FOUND: tuple[Disagreement, ...] = NAMED + FRESH

__all__ = ["FOUND", "FRESH", "NAMED"]
