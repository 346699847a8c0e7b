"""ermu-cli empire: the registered empire of 1461, its numbers, and one incident in a county."""

from __future__ import annotations

import argparse

from .cli import COMMANDS, CliError, _emit, _int
from .i18n import N_, _


#: A figure's mark as the text output names it (the JSON keeps the ids).
STATUS = {"documented": N_("documented"), "derived": N_("derived"), "illustrative": N_("illustrative")}


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--counties", default="887", help=_("887 (the Ming's first years) or 1159 (its end)"))
    parser.add_argument("--regime", default="ming-lijia", help=_("group the same households under another regime"))
    parser.add_argument("--county", type=_int, default=None,
                        help=_("where the incident happens, 1 to the number of counties (default: the middle)"))
    parser.add_argument("--json", action="store_true", help=_("print one JSON object"))


def _cmd_empire(args: argparse.Namespace) -> None:
    from .empire import Empire
    from .empire.numbers import report

    try:
        data = report(Empire.build(args.counties, args.regime), None if args.county is None else args.county - 1)
    except ValueError as exc:
        raise CliError(str(exc)) from None

    def text(d: dict) -> str:
        from .i18n import _
        from .regimes.texts import said

        lines = [_("The registered empire of 1461 under the {regime} ({year}): {households} households in {li} li, "
                   "{counties} counties").format(regime=_(d["title"]), year=d["year"], households=f"{d['households']:,}",
                                                 li=f"{d['registered_li']:,}", counties=f"{d['counties']:,}")]
        for lv in d["levels"]:
            partial = (_(", {count} incomplete").format(count=f"{lv['incomplete_units']:,}")
                       if lv["incomplete_units"] else "")
            lines.append(f"  {lv['name']:<22}" + _("{count} units{partial}").format(
                count=f"{lv['units']:>11,}", partial=partial))
        lines.append(_("Numbers:"))
        for f in d["figures"]:
            where = "; ".join(f["sources"]) or _("no source")
            value = f"{f['value']:,}" if isinstance(f["value"], int) or float(f["value"]).is_integer() \
                else f"{f['value']:,.1f}"
            lines.append(f"  {f['label']:<48}{value:>12}  [{_(STATUS.get(f['status'], f['status']))}: {where}]")
        lines.append(_("Heads needed for the same households:"))
        for r in d["compare"]:
            lines.append(f"  {_(r['title']):<24}" + _("{heads} heads, {per} per magistrate").format(
                heads=f"{r['heads']:>11,}", per=f"{r['heads_per_magistrate']:,.0f}"))
        c, inc, ans = d["county"], d["incident"], d["answering"]
        lines.append(_("County {number}: {households} households, {structure} ({tiers}; illustrative)").format(
            number=c["number"], households=f"{c['households']:,}", structure=said(c["structure_title"]).lower(),
            tiers=" → ".join(c["tiers"])))
        chain = " → ".join(_("{level} head (household {household})").format(level=x["level"],
                                                                           household=f"{x['leader']:,}")
                           for x in inc["chain"])
        lines.append(_("A {offence} by household {household}: the chain is {chain} → magistrate, {steps} steps").format(
            offence=_(inc["offence_label"]), household=f"{inc['household']:,}", chain=chain,
            steps=inc["steps_to_magistrate"]))
        if inc["reporter"] is not None:
            lines.append("  " + _("This time household {household} reports it: {steps} steps to the magistrate").format(
                household=f"{inc['reporter']:,}", steps=inc["steps_this_time"]))
        lines.append(_("Hidden and found out, it makes {households} households ({people} people) answer").format(
            households=ans["households"], people=ans["people"]))
        lines.append(_("Note: {note}").format(note=d["half_li"]["note"]))
        return "\n".join(lines)

    _emit(args, data, text)


COMMANDS["empire"] = (N_("the registered empire of 1461: its numbers and one incident"), _arguments, _cmd_empire)
