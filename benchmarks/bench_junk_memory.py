"""Peak memory of refusing junk files, next to their size (finding 6 of issue 17).

    python benchmarks/bench_junk_memory.py [--megabytes 49]

Each junk file is read by ``read_file`` in a fresh process; the figure printed is that
process's peak resident memory over a baseline process that only imported Ermu, and
Python's own peak allocation (tracemalloc) during the read. A real 30,000-household
village is read too, for comparison. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

CHILD = textwrap.dedent("""
    import resource, sys, time, tracemalloc
    from ermu.models.storage.files import read_file
    from ermu.models.storage import ScenarioFileError
    import ermu.models.storage.validation  # loaded before the baseline, as in the app
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if sys.argv[1] == "-":
        print(f"{base / 1024:.0f} 0 0 baseline 0"); sys.exit()
    tracemalloc.start()
    started = time.perf_counter()
    try:
        outcome = f"accepted {len(read_file(sys.argv[1])[0].population)} households"
    except ScenarioFileError as exc:
        outcome = "refused: " + str(exc)[:70]
    seconds = time.perf_counter() - started
    _, traced = tracemalloc.get_traced_memory()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{peak / 1024:.0f} {(peak - base) / 1024:.0f} {traced / 2**20:.0f} {seconds:.2f} {outcome}")
""")


def junk_files(folder: Path, megabytes: int) -> dict[str, Path]:
    size = megabytes * 1024 * 1024
    files = {
        "empty objects in a list": b"[" + b"{}," * (size // 3) + b"{}]",
        "empty objects as scenarios": (b'{"format":"ermu-collection","schema_version":1,"scenarios":['
                                       + b"{}," * (size // 3) + b"{}]}"),
        "empty lists": b"[" + b"[]," * (size // 3) + b"[]]",
        "zeros": b"[" + b"0," * (size // 2) + b"0]",
    }
    paths = {}
    for name, raw in files.items():
        path = folder / (name.replace(" ", "-") + ".ermu.json")
        path.write_bytes(raw)
        paths[name] = path
    return paths


def real_village(folder: Path) -> Path:
    from ermu.models.population import Population
    from ermu.models.storage import Scenario, write_file

    village = Scenario(title="Real", regime="sui", population=Population.generate(30_000, seed=1))
    return write_file(folder / "real.ermu.json", [village])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=49)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = junk_files(folder, args.megabytes)
        paths["a real 30,000-household village"] = real_village(folder)
        print(f"{'file':<34}{'size MB':>8}{'peak RSS MB':>12}{'over base':>10}{'traced MB':>10}{'s':>6}  outcome")
        baseline = subprocess.run([sys.executable, "-c", CHILD, "-"], capture_output=True, text=True).stdout.split()
        print(f"{'(baseline: Ermu imported)':<34}{0:>8}{baseline[0]:>12}")
        for name, path in paths.items():
            out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True)
            peak, over, traced, seconds, *outcome = (out.stdout.split() or ["?"] * 5)
            size = path.stat().st_size / 2**20
            print(f"{name:<34}{size:>8.1f}{peak:>12}{over:>10}{traced:>10}{seconds:>6}  {' '.join(outcome)}"
                  + (f" {out.stderr.strip()[-120:]}" if out.returncode else ""))
    print(json.dumps({"note": "peak RSS over base should stay near the file size for refused junk"}))


if __name__ == "__main__":
    main()
