"""How long saving and opening a 10,000-household scenario takes, on SQLite and PostgreSQL.

    python benchmarks/bench_storage.py [--households N] [--postgres URL]

Prints figures; asserts nothing (budgets live here, not in timed tests). Without
``--postgres`` (or ``ERMU_BENCH_POSTGRES``) a throwaway PostgreSQL server is started on
loopback if the server binaries are installed (as the ``postgres`` user when run as root).
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path


def timed(label: str, action, repeat: int = 3):
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    print(f"  {label:<34} {best * 1000:8.0f} ms (best of {repeat})")
    return result


def bench(url: str, households: int) -> None:
    from ermu.models.population import Population
    from ermu.models.storage import Scenario
    from ermu.models.storage.files import read_file, write_file
    from ermu.models.storage.library import Library

    population = Population.generate(households, seed=1)
    population = Population.from_households(population)  # people made once, not during the timing
    scenario = Scenario(title="Benchmark county", regime="qing-baojia", population=population, seed=1)
    start = time.perf_counter()
    library = Library(url)
    print(f"  {'open library (migrate if needed)':<34} {(time.perf_counter() - start) * 1000:8.0f} ms")
    try:
        saved = timed("save new", lambda: library.save(scenario))
        timed("save over (update)", lambda: library.save(library.get(saved.id)), repeat=2)
        timed("open (get)", lambda: library.get(saved.id))
        timed("list", lambda: library.list(include_builtins=True))
        folder = Path(tempfile.mkdtemp())
        path = folder / "bench.ermu.json"
        timed("export to .ermu.json", lambda: library.export([saved.id], path), repeat=1)
        print(f"  {'file size':<34} {path.stat().st_size / 1e6:8.1f} MB")
        timed("read + validate file", lambda: read_file(path), repeat=1)
        timed("import file", lambda: library.import_file(path), repeat=1)
        shutil.rmtree(folder, ignore_errors=True)
    finally:
        library.close()


@contextmanager
def throwaway_postgres():
    initdb = shutil.which("initdb") or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))[::-1]), None)
    if not initdb:
        yield None
        return
    pg_ctl = str(Path(initdb).with_name("pg_ctl"))
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    root = Path(tempfile.mkdtemp(prefix="ermu-bench-pg-"))
    if prefix:
        shutil.chown(root, "postgres")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    data = root / "data"
    subprocess.run(prefix + [initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "--no-sync"],
                   check=True, capture_output=True)
    subprocess.run(prefix + [pg_ctl, "-D", str(data), "-l", str(root / "log"), "-w", "start", "-o",
                             f"-p {port} -k {root} -c listen_addresses=127.0.0.1"], check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(prefix + [pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=10_000)
    parser.add_argument("--postgres", default=os.environ.get("ERMU_BENCH_POSTGRES"))
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ermu-bench-"))
    os.environ["ERMU_DATA_DIR"] = str(folder)
    print(f"SQLite ({args.households:,} households)")
    bench(f"sqlite:///{folder / 'library.sqlite3'}", args.households)
    if args.postgres:
        print(f"PostgreSQL ({args.households:,} households)")
        bench(args.postgres, args.households)
    else:
        with throwaway_postgres() as url:
            if url is None:
                print("PostgreSQL: skipped (no server binaries; pass --postgres URL)")
            else:
                print(f"PostgreSQL, throwaway server ({args.households:,} households)")
                bench(url, args.households)
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
