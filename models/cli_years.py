"""ermu-cli years and experiment: a village over the years, and experiments across regimes."""

from __future__ import annotations

import argparse
import math

from pathlib import Path

from .cli import COMMANDS, CliError, _emit, _int, _positive_int, _seed
from .messages import ErmuError


def _parameters(pairs: list[str] | None):
    from .years.parameters import YearParameters

    values = {}
    for pair in pairs or ():
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise CliError(f"write a parameter as NAME=VALUE, e.g. register_error_rate=0.1, not {pair!r}")
        values[name.strip()] = value.strip()
    return YearParameters({k: _number(v) for k, v in values.items()})


def _number(text: str) -> float | str:
    try:
        return float(text)
    except ValueError:
        return text  # the parameter's own check says what it must be


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--households", type=_positive_int, default=200, help="households in the village (default 200)")
    parser.add_argument("--years", type=_int, default=50, help="years to simulate, 1 to 200 (default 50)")
    parser.add_argument("--seed", type=_seed, default=0, help="the village and the random draws (default 0)")
    parser.add_argument("--setting", default="rural", help="rural, suburban, urban or capital (default rural)")
    parser.add_argument("--set", action="append", metavar="NAME=VALUE",
                        help="an illustrative parameter, e.g. --set register_error_rate=0.1 (repeatable)")
    parser.add_argument("--json", action="store_true", help="print one JSON object (see README)")


def _years_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--regime", required=True, help="a regime id (see 'ermu-cli regimes')")
    _common(parser)


def _experiment_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--regimes", required=True, help="one to eight regime ids separated by commas")
    parser.add_argument("--sweep", action="append", metavar="NAME=FROM:TO:STEPS",
                        help="a parameter to sweep, e.g. register_error_rate=0:0.2:5 (at most twice)")
    parser.add_argument("--repetitions", type=_int, default=5, help="runs per regime and point, 1 to 200 (default 5)")
    parser.add_argument("--workers", type=_int, default=None, help="processes (default: as the work needs)")
    parser.add_argument("--csv", type=Path, metavar="FILE", help="also write the results as CSV to FILE")
    _common(parser)


def _experiment(args: argparse.Namespace, regimes: tuple[str, ...], sweeps: list[str] | None = None,
                repetitions: int = 1):
    from .years.experiment import Experiment, Sweep

    return Experiment(regimes, households=args.households, years=args.years, seed=args.seed,
                      repetitions=repetitions, parameters=_parameters(args.set),
                      sweeps=tuple(Sweep.parse(s) for s in sweeps or ()), setting=args.setting)


def _cmd_years(args: argparse.Namespace) -> None:
    from .regimes import REGIMES
    from .years.experiment import run_cell
    from .years.model import OUTPUTS
    from .years.parameters import FROM_REGIME, SPECS

    try:
        experiment = _experiment(args, (args.regime.strip(),))
        runs = run_cell(experiment, experiment.regimes[0], {})
        regime = REGIMES[experiment.regimes[0]]
        resolved = experiment.parameters.resolve(regime).as_dict()
    except ErmuError as exc:
        raise CliError(str(exc)) from None
    data = {
        "regime": regime.id, "title": regime.title, "households": args.households, "years": args.years,
        "seed": args.seed, "setting": args.setting, "start_year": regime.start_year, "illustrative": True,
        "parameters": {name: {"value": value, "set": name in experiment.parameters.values,
                              "from_regime": SPECS[name].default == FROM_REGIME}
                       for name, value in resolved.items()},
        "outputs": list(OUTPUTS),
        "rows": [{"year": t + 1, "calendar_year": regime.start_year + t,
                  **{o: _clean(runs[0, t, i]) for i, o in enumerate(OUTPUTS)}} for t in range(args.years)],
    }

    def text(d: dict) -> str:
        lines = [f"{regime.title}: a village of {d['households']:,} households over {d['years']} years "
                 f"(seed {d['seed']}; every parameter illustrative)",
                 f"{'year':>5}{'offences':>9}{'reported':>9}{'found':>7}{'guilty':>7}{'innoc.':>7}"
                 f"{'neighb.':>8}{'rewards':>8}{'trust nb':>9}{'trust st':>9}{'closed':>7}"]
        for row in d["rows"]:
            lines.append(f"{row['year']:>5}{row['offences']:>9.0f}{_pct(row['share_reported']):>9}"
                         f"{_pct(row['share_discovered']):>7}{row['guilty_punished']:>7.0f}"
                         f"{row['innocents_punished']:>7.0f}{row['neighbours_punished']:>8.0f}{row['rewards']:>8.0f}"
                         f"{row['trust_neighbours']:>9.2f}{row['trust_state']:>9.2f}{_pct(row['share_closed']):>7}")
        return "\n".join(lines)

    _emit(args, data, text)


def _cmd_experiment(args: argparse.Namespace) -> None:
    from .years.runner import run_experiment

    regimes = tuple(r.strip() for r in args.regimes.split(",") if r.strip())
    try:
        experiment = _experiment(args, regimes, args.sweep, args.repetitions)
        if args.workers is not None and not 1 <= args.workers <= 64:
            raise CliError(f"workers must be from 1 to 64, not {args.workers}")
        if args.csv is not None:  # say so before the work, not after
            _check_target(args.csv)
        result = run_experiment(experiment, workers=args.workers)
    except ErmuError as exc:
        raise CliError(str(exc)) from None
    if args.csv is not None:
        try:
            args.csv.write_text(result.to_csv("sweep" if experiment.sweeps else "years"), encoding="utf-8")
        except (OSError, ValueError) as exc:
            raise CliError(f"cannot write {args.csv}: {getattr(exc, 'strerror', None) or exc}") from None
    data = result.to_json()

    def text(d: dict) -> str:
        names = [s.name for s in experiment.sweeps]
        lines = [f"{len(regimes)} regime(s), {experiment.households:,} households, {experiment.years} years, "
                 f"{experiment.repetitions} repetition(s) per point; means per year over the run, "
                 f"± about 95% (every parameter illustrative)",
                 f"{'regime':<14}" + "".join(f"{n:>{len(n) + 2}}" for n in names)
                 + f"{'offences':>9}{'reported':>9}{'innocents':>10}{'neighbours':>11}{'trust st':>9}{'closed':>8}"]
        for cell in result.cells:
            m = dict(zip(d["outputs"], cell.per_run.mean))
            lines.append(f"{cell.regime:<14}" + "".join(f"{cell.point[n]:>{len(n) + 2}g}" for n in names)
                         + f"{m['offences']:>9.1f}{_pct(m['share_reported']):>9}{m['innocents_punished']:>10.2f}"
                         f"{m['neighbours_punished']:>11.2f}{m['trust_state']:>9.2f}{_pct(m['share_closed']):>8}")
        if args.csv is not None:
            lines.append(f"CSV written to {args.csv}")
        return "\n".join(lines)

    _emit(args, data, text)


def _check_target(path: Path) -> None:
    """A CSV goes to a regular file in an existing folder: never a pipe, a device or a folder."""
    text = str(path)
    if "\x00" in text:
        raise CliError("the CSV file name contains a NUL character: choose another name")
    if not path.parent.is_dir():
        raise CliError(f"cannot write {text}: the folder {path.parent} does not exist")
    if path.exists() and not path.is_file():
        raise CliError(f"cannot write {text}: it is not a regular file (a folder, pipe or device)")


def _clean(value: float) -> float | None:
    value = float(value)
    return None if math.isnan(value) else round(value, 6)


def _pct(value: float | None) -> str:
    return "–" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.0%}"


COMMANDS["years"] = ("a village over the years under one regime", _years_arguments, _cmd_years)
COMMANDS["experiment"] = ("the same village under several regimes, sweeping parameters",
                          _experiment_arguments, _cmd_experiment)


