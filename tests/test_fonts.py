"""The bundled CJK fonts cover every Chinese character Ermu shows, so no kiosk shows boxes.

Every catalog (content/locale/**/*.po), every lesson, quiz and glossary (English and
translated: content/lessons/zh-Hans/*.md when present), models/ and gui/ are scanned;
each of the four faces (SC and TC, Regular and Bold) must hold every character.
"""

import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from build_font import FACES, FONTS, gb2312_level1, used_characters  # noqa: E402

FILES = [FONTS / face[2] for face in FACES]


@pytest.fixture(scope="module")
def used():
    return used_characters()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_bundled_face_covers_every_character_in_content_catalogs_models_and_gui(path, used):
    cmap = TTFont(str(path), lazy=True)["cmap"].getBestCmap()
    missing = sorted(c for c in used if ord(c) not in cmap)
    assert not missing, f"run tools/build_font.py: {path.name} lacks {''.join(missing[:80])}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_bundled_face_covers_the_common_characters(path):
    cmap = TTFont(str(path), lazy=True)["cmap"].getBestCmap()
    common = gb2312_level1()
    assert len(common) == 3755
    assert all(ord(c) in cmap for c in common)
    assert ord("長") in cmap and ord("鄉") in cmap  # traditional forms of common characters too


def test_the_catalogs_and_translated_lessons_are_scanned(used):
    po = list((ROOT / "content" / "locale").rglob("*.po"))
    assert po, "no catalogs found"
    for path in po + list((ROOT / "content" / "lessons").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        assert {c for c in text if "\u4e00" <= c <= "\u9fff"} <= used, path


def test_fonts_are_renamed_small_and_licensed():
    for path in FILES:
        assert path.stat().st_size < 3_000_000
        names = {r.toUnicode() for r in TTFont(str(path), lazy=True)["name"].names if r.nameID == 1}
        assert any(n.startswith("Ermu CJK") for n in names) and not any("Noto" in n for n in names)
    assert "SIL OPEN FONT LICENSE" in (FONTS / "OFL.txt").read_text()
