"""The social-credit face in Chinese: after a played year is switched to zh-Hans, no tab shows an
English sentence the catalog translates — not in labels, lists, tooltips, the network, the tables
or the chart — and switching back gives the same year in English again."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from test_language_switch import english_with_translation

ROOT = Path(__file__).resolve().parents[2]
TABS = ("play", "scheme", "lists", "joint", "social", "appeal", "disagreements")
HAN = re.compile(r"[\u4e00-\u9fff]")


def english_fragments(language: str) -> set[str]:
    """English a reader would notice: every translated message of three words or more, and the
    fixed parts of templates ('is entered on the') between their placeholders."""
    sys.path.insert(0, str(ROOT / "tools"))
    import i18n

    found = {text for text in english_with_translation(language) if len(text.split()) >= 3}
    for message in i18n._catalog(i18n.path_of(language)):
        if not (message.id and isinstance(message.id, str) and "{" in message.id and message.string):
            continue
        for piece in re.split(r"\{[^{}]*\}", message.id):
            piece = piece.strip(" .,:;()—-")
            if len(piece.split()) >= 3:
                found.add(piece)
    return found


def plain(text: str) -> str:
    return re.sub(r"<[^>]+>", " ", text).replace("&nbsp;", " ").replace("&amp;", "&")


def shown_texts(face) -> list[str]:
    """Everything the face shows or says in its visible widgets, charts and scenes."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QGraphicsView, QLabel,
                                   QListWidget, QPlainTextEdit, QTabBar, QTextEdit, QWidget)

    texts = []
    for widget in [face, *face.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(plain(widget.text()))
        elif isinstance(widget, QTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QPlainTextEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QListWidget):
            for i in range(widget.count()):
                texts += [widget.item(i).text(), widget.item(i).toolTip()]
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                texts.append(item.toolTip())
                if hasattr(item, "toPlainText"):
                    texts.append(item.toPlainText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
                for row in range(model.rowCount()):
                    texts.append(str(model.data(model.index(row, column)) or ""))
    axes = face.play.timeline.axes
    if axes is not None and face.play.timeline.isVisible():
        texts += [axes.get_xlabel(), axes.get_ylabel(), *(t.get_text() for t in axes.texts)]
        if axes.get_legend() is not None:
            texts += [t.get_text() for t in axes.get_legend().get_texts()]
    return [t for t in texts if t and t.strip()]


def english_left(face, fragments) -> list[tuple[str, str]]:
    return [(fragment, text[:120]) for text in shown_texts(face) for fragment in fragments if fragment in text]


@pytest.fixture
def played(window, qtbot):
    """The national scheme, two months played (the blacklist and its joint punishments), a dispute
    filed and decided, a friend dropped, a disagreement and a list entry chosen."""
    credit = window.show_page("credit")
    credit.set_scheme("national")
    credit.play_month("ignore-court-order")
    credit.play_month("park-illegally")
    credit.submit_appeal("我已经还清了欠款，请更正。")
    credit.play_month("obey-court-order")
    credit.show_tab("social")
    credit.social.unfriend_selected()
    credit.disagreements.questions.setCurrentRow(4)
    credit.show_tab("play")
    yield credit
    window.language_actions["en"].trigger()


def state_of(credit) -> tuple:
    doc = credit.document
    return (doc.month, doc.scheme_id, [(m.list_id, m.start, m.end, m.end_reason) for m in doc.year.memberships],
            len(doc.steps()), sorted(credit.social.dropped), credit.social.friend_list.count(),
            credit.disagreements.questions.currentRow(), credit.joint.list_combo.currentData(),
            credit.tabs.currentIndex())


@pytest.mark.parametrize("language", ["zh-Hans", "zh-Hant"])
def test_a_played_year_switched_to_chinese_shows_no_translated_english(window, played, language):
    from PySide6.QtWidgets import QApplication

    credit = played
    before = state_of(credit)
    narration_en = [credit.play.narration.item(i).text() for i in range(credit.play.narration.count())]
    unfriended_en = credit.social.narration.text()
    fragments = english_fragments(language)
    assert "is entered on the" in fragments and "barred from travelling abroad" in fragments  # the check can fail

    window.language_actions[language].trigger()
    assert window.state.language == language
    for tab in TABS:
        credit.show_tab(tab)
        QApplication.processEvents()
        left = english_left(credit, fragments)
        assert not left, f"the credit face's {tab} tab still shows English in {language}: {left[:8]}"
    credit.show_tab("play")
    narration = [credit.play.narration.item(i).text() for i in range(credit.play.narration.count())]
    assert narration and all(len(HAN.findall(line)) >= 5 for line in narration), narration
    assert len(HAN.findall(credit.social.narration.text())) >= 10
    labels = [data["label"] for _node, data in credit.joint.graph.nodes(data=True)]
    assert all(HAN.search(label) for label in labels), labels
    assert state_of(credit) == before

    window.language_actions["en"].trigger()
    assert state_of(credit) == before
    assert [credit.play.narration.item(i).text() for i in range(credit.play.narration.count())] == narration_en
    assert credit.social.narration.text() == unfriended_en


def test_opened_in_chinese_the_year_is_narrated_in_chinese_from_the_start(window):
    """A face first shown after the switch: the month's narration, the lists and the summary."""
    from PySide6.QtWidgets import QApplication

    window.language_actions["zh-Hans"].trigger()
    credit = window.show_page("credit")
    credit.set_scheme("national")
    credit.play_month("evade-tax")
    QApplication.processEvents()
    lines = [credit.play.narration.item(i).text() for i in range(credit.play.narration.count())]
    assert any("被列入黑名单（原因：王大少报应税收入）" in line for line in lines), lines
    assert "▼▼▼ 黑名单" in credit.play.card.lists_label.text()
    assert "不得出境 — 黑名单" in credit.play.card.effects_label.text()
    assert not english_left(credit, english_fragments("zh-Hans"))
    for _month in range(11):
        credit.play_month(None)
    credit.show_tab("play")
    QApplication.processEvents()
    summary = credit.play.summary.toPlainText()
    assert "第1个月" in summary and "不得出境" in summary and "blacklist" not in summary
