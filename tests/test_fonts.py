"""The bundled CJK font covers every Chinese character Ermu shows, so no kiosk shows boxes."""

import sys
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from subset_cjk_font import TARGET, used_characters  # noqa: E402


def test_bundled_font_covers_every_character_in_content_models_and_gui():
    cmap = TTFont(str(TARGET))["cmap"].getBestCmap()
    missing = sorted(c for c in used_characters() if ord(c) not in cmap)
    assert not missing, f"run tools/subset_cjk_font.py: the font lacks {''.join(missing)}"


def test_font_is_small_and_licensed():
    assert TARGET.stat().st_size < 2_000_000
    assert "SIL OPEN FONT LICENSE" in (TARGET.parent / "OFL.txt").read_text()
