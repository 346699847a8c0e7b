"""Choosing a language: the models, the CLI and the lesson loader follow it."""

from __future__ import annotations

import json

import pytest

from ermu.models import content
from ermu.models.cli import main
from ermu.models.language import LanguageError, current_language, from_locale, normalise, set_language
from ermu.models.messages import msg

INCIDENT = ["incident", "--regime", "qing-baojia", "--households", "200", "--offender", "57",
            "--offence", "theft", "--response", "concealed", "--seed", "7"]


def han(text: str) -> int:
    return sum("\u4e00" <= c <= "\u9fff" for c in text)


@pytest.mark.parametrize("name, language", [
    ("zh_CN.UTF-8", "zh-Hans"), ("zh_SG", "zh-Hans"), ("zh-Hans", "zh-Hans"), ("zh_TW.UTF-8", "zh-Hant"),
    ("zh_HK", "zh-Hant"), ("zh-Hant-TW", "zh-Hant"), ("en_GB.UTF-8", "en"), ("C", None), ("fr_FR", None), ("", None),
])
def test_locale_names_map_to_our_languages(name, language):
    assert from_locale(name) == language


def test_an_unknown_language_is_one_sentence_naming_the_choices():
    with pytest.raises(LanguageError) as caught:
        normalise("klingon")
    assert "en, zh-Hans, zh-Hant" in str(caught.value)


def test_messages_render_in_the_chosen_language_and_back():
    message = msg("incident.step.observe", "{who} sees it.", who=msg("incident.who.start", "Household {number} ({name})",
                                                                     number=3, name="Wang Er"))
    set_language("zh-Hans")
    assert str(message) == "第3户（Wang Er）看见了。"
    set_language("zh-Hant")
    assert str(message) == "第3戶（Wang Er）看見了。"
    set_language("en")
    assert str(message) == "Household 3 (Wang Er) sees it."
    assert current_language() == "en"


def test_cli_incident_narrates_in_simplified_chinese(capsys):
    assert main(["--lang", "zh-Hans", *INCIDENT]) == 0
    out = capsys.readouterr().out
    assert out.startswith("清代保甲：第57户，盗窃，隐匿")
    assert "第57户（胡文）行窃。" in out and "看见了，却保持沉默" in out
    narration = [line for line in out.splitlines() if line.startswith("  ")]
    assert all(han(line) >= 3 for line in narration), [line for line in narration if han(line) < 3]
    assert "household" not in out.lower() and "punished" not in out


def test_cli_incident_in_traditional_chinese_with_the_option_after_the_command(capsys):
    assert main([*INCIDENT, "--lang", "zh-Hant"]) == 0
    out = capsys.readouterr().out
    assert "清代保甲：第57戶" in out and "看見了" in out and "本牌牌頭" in out


def test_cli_json_keeps_english_keys_and_ids_with_translated_text(capsys):
    assert main(["--lang", "zh-Hans", *INCIDENT, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["regime"] == "qing-baojia" and data["offence"] == "theft" and data["response"] == "concealed"
    first = data["steps"][0]
    assert first["kind"] == "offend" and first["narration_key"] == "incident.step.offend"
    assert first["narration"] == "第57户（胡文）行窃。"
    assert data["title"] == "清代保甲"


def test_cli_english_is_unchanged_by_default(capsys):
    assert main(INCIDENT) == 0
    out = capsys.readouterr().out
    assert out.startswith("Qing baojia: household 57, theft, concealed")
    assert "Household 57 (Hu Wen) commits a theft." in out


def test_cli_bad_language_is_one_line_and_exit_2(capsys):
    assert main(["--lang", "xx", "regimes"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "zh-Hans" in err


def test_lessons_fall_back_to_english_file_by_file():
    english = content.lessons("en")
    chinese = content.lessons("zh-Hans")
    assert [lesson.id for lesson in chinese] == [lesson.id for lesson in english]
    assert all(lesson.filename == e.filename for lesson, e in zip(chinese, english))


def test_glossary_and_bibliography_notes_take_the_translation_with_the_same_keys(tmp_path, monkeypatch):
    import shutil
    from pathlib import Path

    root = Path(content.__file__).resolve().parents[1] / "content"
    for name in ("glossary.toml", "bibliography.toml"):
        shutil.copy(root / name, tmp_path / name)
    (tmp_path / "glossary.zh-Hans.toml").write_text(
        '[[term]]\nid = "baojia"\nterm = "保甲"\ndefinition = "把人户编成大约十户一组的层层编组。"\n\n'
        '[[work]]\nkey = "duke-thesis-2020"\nnote = "本课程所依据的杜克大学论文。"\n', encoding="utf-8")
    monkeypatch.setattr(content.resources, "files", lambda package: tmp_path)
    for cached in (content._glossary, content._bibliography, content._english_bibliography):
        cached.cache_clear()
    try:
        english = content.glossary("en")["baojia"]
        chinese = content.glossary("zh-Hans")["baojia"]
        assert chinese.definition.startswith("把人户") and chinese.term == "保甲"
        assert (chinese.hanzi, chinese.pinyin, chinese.sources) == (english.hanzi, english.pinyin, english.sources)
        assert content.glossary("zh-Hant")["baojia"].definition == english.definition  # no file: English
        assert content.bibliography("zh-Hans")["duke-thesis-2020"].note == "本课程所依据的杜克大学论文。"
        assert content.bibliography("zh-Hans")["duke-thesis-2020"].title == content.bibliography("en")[
            "duke-thesis-2020"].title
    finally:
        monkeypatch.undo()
        for cached in (content._glossary, content._bibliography, content._english_bibliography):
            cached.cache_clear()
