"""``ermu-cli kiosk set-pin|report``: the staff side of a museum kiosk.

``set-pin --profile FILE`` asks for the staff exit PIN twice (or reads one line from a pipe)
and writes only its salted hash into the profile; ``report`` prints the anonymous visit
counts as CSV; ``check --profile FILE`` validates a profile, one line per problem.
Importing this module registers the subcommand in :data:`models.cli.COMMANDS`.
"""

from __future__ import annotations

import argparse
import sys

from .cli import COMMANDS, CliError


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))
    p = sub.add_parser("set-pin", help="store the staff exit PIN's salted hash in a profile",
                       description="Store the staff exit PIN (4 to 12 digits) as a salted hash in a kiosk profile.")
    p.add_argument("--profile", required=True, help="the profile TOML file (created if missing)")
    p = sub.add_parser("report", help="print the anonymous visit counts as CSV",
                       description="Print every visit (start, end, stations used, language) as CSV.")
    p.add_argument("--database", help="the visit file (default: kiosk-visits.sqlite3 in the data folder)")
    p = sub.add_parser("check", help="check a kiosk profile, one line per problem",
                       description="Check a kiosk profile, one line per problem; status 2 if any.")
    p.add_argument("--profile", required=True, help="the profile TOML file")


def _read_pin() -> str:
    try:
        tty = sys.stdin is not None and sys.stdin.isatty()
    except (OSError, ValueError):
        tty = False
    if tty:
        import getpass

        first = getpass.getpass("New staff PIN (4 to 12 digits): ")
        if getpass.getpass("The same PIN again: ") != first:
            raise CliError("the two PINs differ; nothing was changed")
        return first
    try:
        line = sys.stdin.readline() if sys.stdin is not None else ""
    except (OSError, ValueError, UnicodeDecodeError):
        line = ""
    if not line.strip():
        raise CliError("give the PIN on standard input (one line) or run this in a terminal")
    return line.strip()


def _cmd_kiosk(args: argparse.Namespace) -> None:
    from .kiosk.profile import ProfileError, load_profile

    if args.action == "set-pin":
        from .kiosk.pin import set_pin

        set_pin(args.profile, _read_pin())
        print(f"The staff PIN of {args.profile} is set (only its salted hash is stored).")
    elif args.action == "report":
        from .kiosk.visits import report_csv

        sys.stdout.write(report_csv(args.database))
    elif args.action == "check":
        try:
            profile = load_profile(args.profile)
        except ProfileError as exc:  # every problem on stdout, one line each; one line on stderr
            for line in exc.lines():
                print(" ".join(line.split()))
            raise CliError(f"{args.profile} is not a usable kiosk profile: "
                           f"{len(exc.problems)} problem(s), listed above") from None
        print(f"{args.profile}: a valid profile with {len(profile.stations)} stations"
              f"{'' if profile.has_pin else ' and no staff PIN (set one with ermu-cli kiosk set-pin)'}.")


COMMANDS["kiosk"] = ("set the kiosk's staff PIN, check a profile, report visits as CSV", _add_arguments,
                     _cmd_kiosk)
