"""The Chinese catalogs: complete, consistent with the English, compiled, and used.

Read as they are on disk, so strings that other work adds later show up here until the
translation pass (``python tools/i18n.py all``) has been run.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import i18n  # noqa: E402

babel = pytest.importorskip("babel")

LANGUAGES = ("zh-Hans", "zh-Hant")
#: Words that stay in Latin letters in a Chinese catalog: names, ids, formats, commands.
ALLOWED_LATIN = {
    "Ermu", "Language", "Ctrl", "Shift", "record", "view", "player", "gif", "webp", "png", "APNG", "Pillow",
    "pip", "install", "postgresql", "user", "server", "database", "SQLite", "PostgreSQL", "NUL", "ERMU_DATA_DIR",
    "builtin", "ermu-cli", "library", "backups", "restore", "NAME", "FROM", "TO", "STEPS", "register_error_rate",
    "CSV", "years", "sweep", "fong", "fang", "pao", "pai", "chia", "yámen", "L",
    "self-report", "reported", "concealed",  # the values ermu-cli --response takes
    "commercial", "pilot", "national",  # the values ermu-cli credit --scheme takes
    # the keys of a credit events file (models/credit/events.py), named as the file must spell them
    "events", "citizen", "month", "behaviour", "count", "appeal", "seed", "households", "household", "member",
    "rural", "suburban", "urban", "capital",  # the values ermu-cli --setting takes
    "theft", "banditry", "harbouring-stranger", "tax-default", "failing-to-register", "dissent",  # --offence
}
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_'’-]{2,}")


def messages(language):
    return [m for m in i18n._catalog(i18n.path_of(language)) if m.id]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_with_the_same_placeholders(language):
    problems = [p for p in i18n.problems(language) if "stale" not in p]
    assert not problems, "\n".join(problems[:20]) + "\nrun: python tools/i18n.py all, then translate"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_english_sentence_is_left_in_a_chinese_catalog(language):
    left = []
    for message in messages(language):
        strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        for text in strings:
            bare = re.sub(r"\{[^{}]*\}", "", text or "")
            words = [w for w in WORD.findall(bare) if w not in ALLOWED_LATIN]
            if len(words) >= 3:  # three English words in a row of Chinese: a sentence left behind
                left.append(f"{message.id!r} -> {text!r}")
    assert not left, "\n".join(left[:20])


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogs_match_their_sources(language):
    po = i18n.path_of(language)
    assert po.with_suffix(".mo").read_bytes() == i18n.mo_bytes(po), "run: python tools/i18n.py compile"


def test_traditional_catalog_is_the_simplified_one_converted():
    pytest.importorskip("opencc")
    convert = i18n.converter()
    hant = {(m.context, m.id if isinstance(m.id, str) else m.id[0]): m.string for m in messages("zh-Hant")}
    for message in messages("zh-Hans"):
        key = (message.context, message.id if isinstance(message.id, str) else message.id[0])
        want = (tuple(convert(s) for s in message.string) if isinstance(message.string, (tuple, list))
                else convert(message.string))
        got = hant.get(key)
        assert (tuple(got) if isinstance(got, (tuple, list)) else got) == want, key


def test_historical_terms_keep_their_forms_in_traditional():
    convert = pytest.importorskip("opencc") and i18n.converter()
    for term in ("保甲", "里甲", "牌", "甲长", "里长", "乡约", "邻里"):
        assert convert(term) in {"保甲", "里甲", "牌", "甲長", "里長", "鄉約", "鄰里"}, term


def test_template_holds_every_message_of_the_code():
    """Nobody forgot to extract: the committed template knows every message the code marks now."""
    from babel.messages.extract import extract_from_dir

    template = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in i18n._catalog(i18n.TEMPLATE) if m.id}
    missing = []
    for folder in i18n.SCANNED:
        for _file, _line, message, _c, context in extract_from_dir(
                ROOT / folder, method_map=[("**.py", "python")], keywords=i18n.KEYWORDS):
            key = (context, message if isinstance(message, str) else message[0])
            if key not in template:
                missing.append(f"{folder}/{_file}: {key}")
    assert not missing, "run: python tools/i18n.py all\n" + "\n".join(missing[:20])
