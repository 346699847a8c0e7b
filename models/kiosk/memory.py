"""Giving back what a visitor left behind: the kiosk calls :func:`release` at every idle reset.

Two kinds of memory outlive a visitor without being anybody's state:

* Python's ``linecache``. PySide6's ``__feature__`` import hook reads the whole source of
  every module imported after Qt (``inspect.getsource``, to see whether it uses PySide), and
  the lines stay in ``linecache`` for good: about 28 MB once matplotlib and every face are
  imported. Nothing needs them; clearing the cache costs nothing and it refills only for a
  traceback or a module imported later.
* Heap pages the C allocator keeps after Qt, matplotlib's Agg buffers and the models free
  them (a regroup of the village frees tens of MB of small blocks). glibc keeps such pages
  in its arenas and a long-running process creeps up with fragmentation; ``malloc_trim(0)``
  hands the free pages back to the system. Measured in benchmarks/bench_kiosk_soak.py.

No Qt here: the shell calls it, the benchmark and the tests measure it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import linecache
import sys

_trim = None
_looked = False


def _malloc_trim():
    global _trim, _looked
    if not _looked:
        _looked = True
        if sys.platform.startswith("linux"):
            try:
                libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
                _trim = libc.malloc_trim  # glibc only; musl has none
                _trim.argtypes = [ctypes.c_size_t]
                _trim.restype = ctypes.c_int
            except (OSError, AttributeError):
                _trim = None
    return _trim


def release() -> None:
    """Drop the source lines nobody reads and give free heap pages back (a few ms: no full
    garbage collection here, a visitor may be waiting for the start screen)."""
    linecache.clearcache()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


__all__ = ["release"]
