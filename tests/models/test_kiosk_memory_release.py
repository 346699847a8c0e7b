"""What an idle reset gives back (no Qt): the source lines PySide6's import hook leaves in linecache."""

from __future__ import annotations

import linecache

from ermu.models.kiosk import memory


def test_release_empties_linecache_and_can_be_called_again():
    linecache.getlines(memory.__file__)
    assert memory.__file__ in linecache.cache
    memory.release()
    assert not linecache.cache
    memory.release()  # idempotent: every reset calls it
    assert not linecache.cache
