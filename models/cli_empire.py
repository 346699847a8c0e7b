"""ermu-cli empire: the registered empire of 1461, its numbers, and one incident in a county."""

from __future__ import annotations

import argparse

from .cli import COMMANDS, CliError, _emit, _int


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--counties", default="887", help="887 (the Ming's first years) or 1159 (its end)")
    parser.add_argument("--regime", default="ming-lijia", help="group the same households under another regime")
    parser.add_argument("--county", type=_int, default=None,
                        help="where the incident happens, 1 to the number of counties (default: the middle)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def _cmd_empire(args: argparse.Namespace) -> None:
    from .empire import Empire
    from .empire.numbers import report

    try:
        data = report(Empire.build(args.counties, args.regime), None if args.county is None else args.county - 1)
    except ValueError as exc:
        raise CliError(str(exc)) from None

    def text(d: dict) -> str:
        lines = [f"The registered empire of 1461 under the {d['title']} ({d['year']}): "
                 f"{d['households']:,} households in {d['registered_li']:,} li, {d['counties']:,} counties"]
        for lv in d["levels"]:
            partial = f", {lv['incomplete_units']:,} incomplete" if lv["incomplete_units"] else ""
            lines.append(f"  {lv['name']:<22}{lv['units']:>11,} units{partial}")
        lines.append("Numbers:")
        for f in d["figures"]:
            where = "; ".join(f["sources"]) or "no source"
            value = f"{f['value']:,}" if isinstance(f["value"], int) or float(f["value"]).is_integer() \
                else f"{f['value']:,.1f}"
            lines.append(f"  {f['label']:<48}{value:>12}  [{f['status']}: {where}]")
        lines.append("Heads needed for the same households:")
        for r in d["compare"]:
            lines.append(f"  {r['title']:<24}{r['heads']:>11,} heads, {r['heads_per_magistrate']:,.0f} per magistrate")
        c, inc, ans = d["county"], d["incident"], d["answering"]
        lines.append(f"County {c['number']}: {c['households']:,} households, {c['structure_title'].lower()} "
                     f"({' → '.join(c['tiers'])}; illustrative)")
        chain = " → ".join(f"{x['level']} head (household {x['leader']:,})" for x in inc["chain"])
        lines.append(f"A {inc['offence_label']} by household {inc['household']:,}: the chain is {chain} → magistrate, "
                     f"{inc['steps_to_magistrate']} steps")
        if inc["reporter"] is not None:
            lines.append(f"  This time household {inc['reporter']:,} reports it: {inc['steps_this_time']} steps "
                         f"to the magistrate")
        lines.append(f"Hidden and found out, it makes {ans['households']} households ({ans['people']} people) answer")
        lines.append(f"Note: {d['half_li']['note']}")
        return "\n".join(lines)

    _emit(args, data, text)


COMMANDS["empire"] = ("the registered empire of 1461: its numbers and one incident", _arguments, _cmd_empire)
