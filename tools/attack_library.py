"""Rerun the red team's attacks on the library and the CLI, and count each outcome (issue 17).

    python tools/attack_library.py [--imports 2000] [--kills 100] [--damaged 60] [--cli 2750]

- hostile imports: mutations of a valid file (hostile text, wrong types, huge numbers,
  nesting, duplicate keys, junk); each is accepted, refused with one sentence, or a crash.
  Afterwards the library must pass ``integrity_check`` and hold exactly the accepted files.
- kill -9: a child saves, imports and autosaves in a loop and is killed at a random moment;
  the library must open, pass its check, hold only whole scenarios; the autosave must read.
- damaged files: 1, 10 or 1,000 random bytes changed in a library of four villages.
- CLI: random argument vectors over every subcommand, with hostile values.
Prints counts; asserts nothing. Needs no network.
"""

from __future__ import annotations

import argparse
import collections
import copy
import io
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

HOSTILE_TEXT = ["\ud800", "a\x00b", "\x1b[31mred", "\u200b\u3164", "<img src='/etc/x.png'>", "<a href='x'>l</a>",
                "<h1>big</h1>", "x" * 5000, "", " ", "\n", "王" * 300, "\udfff\ud800", "\x7f", "\u0085"]
HOSTILE_VALUES = HOSTILE_TEXT + [None, True, -1, 0, 2**64, 10**400, 1.5, float("inf"), [], {}, [[[[[]]]]],
                                 {"a": 1}, 3000, -3000, 99999]


def base_document(rng: random.Random) -> dict:
    members = [{"name": f"Lin {i}", "hanzi": "林", "sex": rng.choice("mf"), "age": rng.randrange(0, 90)}
               for i in range(rng.randrange(1, 5))]
    males = sum(1 for m in members if m["sex"] == "m" and m["age"] >= 16)
    kind = rng.choice(["sandbox", "sandbox", "criticism", "credit"])
    parameters = {"sandbox": {"year": 1700}, "criticism": {"participants": 6},
                  "credit": {"events": [{"month": 2, "behaviour": "jaywalk"}]}}[kind]
    return {"format": "ermu-scenario", "schema_version": 1, "scenario": {
        "title": "A village", "kind": kind, "regime": "qing-baojia" if kind == "sandbox" else None,
        "parameters": parameters, "notes": "", "tags": ["t"], "author": "me",
        "households": [{"family": "Lin", "adult_males": males, "members": members}]}}


def _paths(value, loc=()):
    yield loc
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, loc + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, loc + (i,))


def mutate(rng: random.Random) -> bytes:
    doc = base_document(rng)
    for _ in range(rng.choice([1, 1, 2, 3])):
        loc = rng.choice([p for p in _paths(doc) if p])
        parent = doc
        for part in loc[:-1]:
            parent = parent[part]
        parent[loc[-1]] = copy.deepcopy(rng.choice(HOSTILE_VALUES))
    try:
        text = json.dumps(doc, ensure_ascii=rng.random() < 0.5, allow_nan=True)
    except ValueError:
        text = json.dumps(doc, ensure_ascii=True, allow_nan=True)
    raw = text.encode("utf-8", "surrogatepass")
    trick = rng.random()
    if trick < 0.05:
        raw = raw.replace(b'"title"', b'"title":"x","title"', 1)  # a duplicate key
    elif trick < 0.08:
        raw = raw[: rng.randrange(len(raw))]  # cut off
    elif trick < 0.10:
        raw = b"[" * 100_000 + b"]" * 100_000
    elif trick < 0.11:
        raw = b"[" + b"{}," * 300_000 + b"{}]"
    return raw


def attack_imports(folder: Path, count: int) -> collections.Counter:
    from ermu.models.storage import Library, StorageError

    outcomes: collections.Counter = collections.Counter()
    rng = random.Random(17)
    url = f"sqlite:///{folder / 'imports.sqlite3'}"
    accepted = 0
    with Library(url) as library:
        for n in range(count):
            path = folder / f"hostile-{n % 10}.ermu.json"
            path.write_bytes(mutate(rng))
            try:
                accepted += len(library.import_file(path))
                outcomes["accepted"] += 1
            except StorageError as exc:
                outcomes["refused, one sentence" if "\n" not in str(exc) else "refused, several lines"] += 1
            except Exception as exc:  # noqa: BLE001 - what we count
                outcomes[f"CRASH {type(exc).__name__}"] += 1
        held = len(library.list())
        for summary in library.list():  # every accepted scenario can be exported and shown
            try:
                library.export([summary.id], folder / "out.ermu.json")
            except Exception as exc:  # noqa: BLE001
                outcomes[f"accepted but export fails: {type(exc).__name__}"] += 1
    with sqlite3.connect(folder / "imports.sqlite3") as connection:
        check = connection.execute("PRAGMA integrity_check").fetchone()[0]
    outcomes[f"library afterwards: integrity {check}, holds {held} of {accepted} accepted"] += 1
    return outcomes


KILLED = textwrap.dedent("""
    import sys
    from pathlib import Path
    from ermu.models.population import Population
    from ermu.models.storage import Library, Scenario, autosave
    folder = Path(sys.argv[1])
    library = Library(f"sqlite:///{folder / 'library.sqlite3'}")
    village = Population.generate(800, seed=1)
    n = 0
    print("ready", flush=True)
    while True:
        n += 1
        saved = library.save(Scenario(title=f"Saved {n}", regime="sui", population=village))
        autosave(Scenario(title=f"Autosave {n}", regime="sui", population=village, notes="x" * 1000),
                 folder / "autosave.ermu.json")
        library.import_file(folder / "import.ermu.json")
""")


def attack_kills(folder: Path, count: int) -> collections.Counter:
    from ermu.models.population import Population
    from ermu.models.storage import Library, Scenario, pending_autosave, write_file

    outcomes: collections.Counter = collections.Counter()
    rng = random.Random(9)
    for n in range(count):
        round_folder = folder / f"kill-{n}"
        round_folder.mkdir()
        write_file(round_folder / "import.ermu.json",
                   [Scenario(title="Imported", regime="sui", population=Population.generate(300, seed=2))])
        child = subprocess.Popen([sys.executable, "-c", KILLED, str(round_folder)], stdout=subprocess.PIPE, text=True)
        child.stdout.readline()
        time.sleep(rng.uniform(0.0, 1.5))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        try:
            with Library(f"sqlite:///{round_folder / 'library.sqlite3'}") as library:
                whole = all(len(library.get(s.id).population) == s.household_count for s in library.list())
                outcomes["library whole" if whole and library.notice is None else "library NOT whole"] += 1
            pending_autosave(round_folder / "autosave.ermu.json")
            left = list(round_folder.glob(".*.tmp"))
            outcomes["autosave readable or absent"] += 1
            if left:
                outcomes["a temporary left (removed at the next start after 15 min)"] += 1
        except Exception as exc:  # noqa: BLE001
            outcomes[f"CRASH {type(exc).__name__}: {str(exc)[:60]}"] += 1
    return outcomes


def attack_damage(folder: Path, count: int) -> collections.Counter:
    from ermu.models.population import Population
    from ermu.models.storage import Library, Scenario, StorageError

    outcomes: collections.Counter = collections.Counter()
    good = folder / "good.sqlite3"
    with Library(f"sqlite:///{good}", backup_folder=folder / "unused") as library:
        for i in range(4):
            library.save(Scenario(title=f"Village {i}", regime="sui", population=Population.generate(300, seed=i)))
    with sqlite3.connect(good) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
    sound = good.read_bytes()
    rng = random.Random(5)
    for n in range(count):
        flips = (1, 10, 1000)[n % 3]
        path = folder / f"damaged-{n}" / "library.sqlite3"
        path.parent.mkdir()
        data = bytearray(sound)
        for _ in range(flips):
            data[rng.randrange(len(data))] = rng.randrange(256)
        path.write_bytes(bytes(data))
        try:
            with Library(f"sqlite:///{path}") as library:
                if library.set_aside is not None:
                    outcomes[f"{flips:>4} bytes: set aside, one sentence"] += 1
                    continue
                try:
                    for summary in library.list():
                        library.get(summary.id)
                    outcomes[f"{flips:>4} bytes: opened, every scenario read"] += 1
                except StorageError:
                    outcomes[f"{flips:>4} bytes: opened, a damaged scenario is one sentence"] += 1
        except StorageError:
            outcomes[f"{flips:>4} bytes: refused, one sentence"] += 1
        except Exception as exc:  # noqa: BLE001
            outcomes[f"{flips:>4} bytes: CRASH {type(exc).__name__}"] += 1
    return outcomes


def attack_cli(folder: Path, count: int) -> collections.Counter:
    from ermu.models.cli import main

    (folder / "dir").mkdir(exist_ok=True)
    if not (folder / "pipe").exists():
        os.mkfifo(folder / "pipe")
    values = ["0", "1", "5", "-1", "99999999999999999999", "abc", "", "\x00", "9" * 5000, "sui", "builtin:sui",
              "qing-baojia", "mysql://u@h/d", "oracle://u@h/d", "postgresql+asyncpg://u@h/d",
              f"sqlite:///{folder / 'dir'}", f"sqlite:///{folder}/a\x00b", f"sqlite:///{folder / 'cli.sqlite3'}",
              str(folder / "dir"), str(folder / ("n" * 300)), "/dev/zero", str(folder / "pipe"),
              str(folder / "x.ermu.json"), "/proc/x", "theft", "reported", "national", "700"]
    options = {"regimes": ["--json"],
               "build": ["--regime", "--households", "--seed", "--year", "--setting", "--json"],
               "incident": ["--regime", "--households", "--seed", "--offender", "--offence", "--response", "--scope"],
               "compare": ["--regimes", "--households", "--seed", "--offender", "--offence", "--response"],
               "criticism": ["--participants", "--rounds", "--seed", "--target", "--media", "--json"],
               "credit": ["--scheme", "--score", "--events", "--trace", "--json"],
               "library": ["--database-url"]}
    actions = ["list", "show", "export", "import", "delete", "backups", "restore"]
    rng = random.Random(2750)
    outcomes: collections.Counter = collections.Counter()
    here = os.getcwd()
    os.chdir(folder)  # relative file names ("1", "abc") land in the scratch folder, never in a checkout
    try:
        _cli_rounds(main, count, rng, options, actions, values, outcomes)
    finally:
        os.chdir(here)
    return outcomes


def _cli_rounds(main, count, rng, options, actions, values, outcomes) -> None:
    for _ in range(count):
        command = rng.choice(list(options))
        argv = [command]
        for option in rng.sample(options[command], rng.randrange(len(options[command]) + 1)):
            argv += [option] if option in ("--json", "--media", "--trace") else [option, rng.choice(values)]
        if command == "library":
            argv += [rng.choice(actions)] + [rng.choice(values) for _ in range(rng.randrange(3))]
        err = io.StringIO()
        with redirect_stdout(io.StringIO()), redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exit_:
                code = exit_.code
            except Exception as exc:  # noqa: BLE001
                code = f"traceback {type(exc).__name__}"
        lines = err.getvalue().count("\n")
        if isinstance(code, str):
            outcomes[code] += 1
        elif "internal error" in err.getvalue():
            outcomes["internal error (a bug)"] += 1
        else:
            outcomes[f"exit {code}" + (", one line" if code == 2 and lines == 1 else "")] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--imports", type=int, default=2000)
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--damaged", type=int, default=60)
    parser.add_argument("--cli", type=int, default=2750)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("ERMU_DATA_DIR", str(Path(tmp) / "data"))
        for name, attack, n in (("hostile imports", attack_imports, args.imports),
                                ("kill -9 during save, import, autosave", attack_kills, args.kills),
                                ("damaged library files", attack_damage, args.damaged),
                                ("CLI argument vectors", attack_cli, args.cli)):
            if n <= 0:
                continue
            folder = Path(tmp) / name.split()[0]
            folder.mkdir()
            started = time.perf_counter()
            outcomes = attack(folder, n)
            print(f"{name} ({n}, {time.perf_counter() - started:.0f} s):")
            for outcome, times in sorted(outcomes.items(), key=lambda kv: -kv[1]):
                print(f"  {times:>6}  {outcome}")


if __name__ == "__main__":
    main()
