"""The lesson browser: the path, the page, its links, the questions and saved progress."""

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QToolTip

from ermu.gui.lessons.lesson_view import LessonView
from ermu.models.content import lesson


@pytest.fixture
def view(qtbot, state):
    widget = LessonView(state)
    qtbot.addWidget(widget)
    widget.resize(1080, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def anchor_point(browser, text):
    """The middle of the first occurrence of ``text`` on the page, in viewport coordinates."""
    found = browser.document().find(text)
    assert not found.isNull(), f"{text!r} is not on the page"
    cursor = QTextCursor(browser.document())
    cursor.setPosition(found.selectionStart() + 2)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    rect = browser.cursorRect(cursor)
    return QPoint(rect.left() - 3, rect.center().y())


def test_next_previous_and_the_timeline_move_through_the_path(view, qtbot):
    view.open_lesson("sui")
    assert view.browser.accessibleName() == lesson("sui").title
    assert "The Sui household groups of 589" in view.browser.toPlainText()
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.current.id == "song-baojia"
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    assert view.current.id == "sui"
    row = view.path.row_of("qing-baojia")
    qtbot.mouseClick(view.path.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.path.visualItemRect(view.path.item(row)).center())
    assert view.current.id == "qing-baojia"
    assert view.browser.source() == QUrl("lesson:qing-baojia")
    view.open_lesson(view.lesson_ids()[0])
    assert not view.previous_button.isEnabled() and view.next_button.isEnabled()


def test_an_unknown_lesson_is_refused_with_the_allowed_ids(view):
    with pytest.raises(ValueError, match="use one of introduction, roots, sui"):
        view.open_lesson("atlantis")


def test_citations_become_numbered_footnotes_with_a_sources_section(view, qtbot):
    view.open_lesson("qing-baojia")
    text = view.browser.toPlainText()
    assert "[1]" in text and "@hsiao-1960" not in text
    assert "Sources" in text and "Rural China: Imperial Control in the Nineteenth Century" in text
    view.browser.anchorClicked.emit(QUrl("source:hsiao-1960#1"))
    assert view.note.kind == "source"
    assert "Hsiao" in view.note.plain_text() and "p. 4" in view.note.plain_text()


def test_a_choice_question_answered_wrong_then_right_explains_itself(view, qtbot):
    view.open_lesson("qing-baojia")
    view.tabs.setCurrentWidget(view.quiz)
    card = view.quiz.cards[0]
    card.choose(0)
    qtbot.mouseClick(card.check_button, Qt.MouseButton.LeftButton)
    assert card.feedback_text.startswith("✗ Not quite.")
    assert "Ten households formed a pai" in card.feedback_text
    assert card.icon.accessibleName() == "Wrong" and not card.icon.pixmap().isNull()
    card.choose(1)
    qtbot.mouseClick(card.check_button, Qt.MouseButton.LeftButton)
    assert card.feedback_text.startswith("✓ Right.")
    assert card.icon.accessibleName() == "Right"


def test_a_prediction_is_checked_against_the_engine(view, qtbot):
    view.open_lesson("qing-baojia")
    view.tabs.setCurrentWidget(view.quiz)
    card = view.quiz.cards[2]  # liability widened to the jia
    assert card.engine_label.isHidden()
    card.guess.setValue(10)
    qtbot.mouseClick(card.run_button, Qt.MouseButton.LeftButton)
    assert "100 households liable" in card.engine_label.text()
    qtbot.mouseClick(card.check_button, Qt.MouseButton.LeftButton)
    assert card.feedback_text.startswith("✗ Not quite. The answer is 100.")
    card.guess.setValue(100)
    qtbot.mouseClick(card.check_button, Qt.MouseButton.LeftButton)
    assert card.feedback_text.startswith("✓ Right.")


def test_an_order_question_can_be_solved_from_the_keyboard(view, qtbot):
    view.open_lesson("sui")
    view.tabs.setCurrentWidget(view.quiz)
    card = view.quiz.cards[1]
    assert card.order() != [0, 1, 2]  # shuffled, the same way every run
    for target, original in enumerate([0, 1, 2]):
        row = card.order().index(original)
        card.list.setCurrentRow(row)
        card.list.setFocus()
        for _ in range(row - target):
            qtbot.keyClick(card.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert card.order() == [0, 1, 2]
    qtbot.mouseClick(card.check_button, Qt.MouseButton.LeftButton)
    assert card.feedback_text.startswith("✓ Right.")


def test_try_it_opens_the_lessons_preset_and_a_predictions_village(view, qtbot):
    view.open_lesson("qing-baojia")
    with qtbot.waitSignal(view.state.requested) as blocker:
        qtbot.mouseClick(view.try_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].name == "open_preset" and blocker.args[0].args[0] == lesson("qing-baojia").preset
    view.tabs.setCurrentWidget(view.quiz)
    card = view.quiz.cards[2]
    with qtbot.waitSignal(view.state.requested) as blocker:
        qtbot.mouseClick(card.sandbox_button, Qt.MouseButton.LeftButton)
    opened = blocker.args[0].args[0]
    assert (opened.view, opened.regime, opened.households, opened.seed) == ("sandbox", "qing-baojia", 200, 7)
    assert vars(opened.incident) == {"offender": 57, "offence": "theft", "response": "concealed", "scope": "jia",
                                     "discovered": True}
    view.open_lesson("roots")  # a lesson without an example
    assert not view.try_button.isEnabled()


def test_file_and_web_links_are_not_followed(view, qtbot):
    view.open_lesson("qing-baojia")
    browser = view.browser
    browser.show_markdown("qing-baojia", "Qing", "# Qing baojia\n\n[secret](file:///etc/passwd) and "
                          "[web](http://example.com/)\n\n![x](file:///etc/hosts)\n")
    for word in ("secret", "web"):
        with qtbot.waitSignal(view.state.status) as blocker:
            qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=anchor_point(browser, word))
        assert "does not open" in blocker.args[0]
        assert browser.source() == QUrl("lesson:qing-baojia")
        assert "Qing baojia" in browser.toPlainText()
    image = QTextDocument.ResourceType.ImageResource
    assert browser.loadResource(image, QUrl("file:///etc/hosts")) is None
    assert browser.loadResource(image, QUrl("images/../../pyproject.toml")) is None
    assert browser.loadResource(QTextDocument.ResourceType.MarkdownResource, QUrl("file:///etc/passwd")) is None


def test_glossary_links_show_characters_on_hover_and_on_keyboard_focus(view, qtbot):
    view.open_lesson("qing-baojia")
    browser = view.browser
    point = anchor_point(browser, "baojia 保甲")
    href = browser.anchorAt(point)
    assert href == "glossary:baojia"
    qtbot.mouseMove(browser.viewport(), point)
    qtbot.waitUntil(lambda: "保甲" in QToolTip.text())
    assert "bǎojiǎ" in view.note.plain_text()
    view.note.clear_note()
    browser.moveCursor(browser.textCursor().MoveOperation.Start)
    browser.setFocus()
    qtbot.waitUntil(browser.hasFocus)
    for _ in range(12):
        qtbot.keyClick(browser, Qt.Key.Key_Tab)
        if view.note.kind == "term":
            break
    assert "保甲" in view.note.plain_text() and "bǎojiǎ" in view.note.plain_text()


def test_progress_persists_across_views_and_reset_clears_it(view, qtbot, monkeypatch):
    view.open_lesson("qing-baojia")
    answers = {0: None, 1: 10, 2: 100, 3: 1}
    for index, card in enumerate(view.quiz.cards):
        if answers[index] is None:
            card.choose(1)
        else:
            card.guess.setValue(answers[index])
        card.check()
    assert view.path.state("qing-baojia") == "done"
    assert "done" in view.path.item(view.path.row_of("qing-baojia")).text()
    view.sizer.change(+2)

    again = LessonView(view.state)
    qtbot.addWidget(again)
    assert again.current.id == "qing-baojia"
    assert again.quiz.cards[0].radios[1].isChecked()
    assert again.quiz.cards[0].feedback_text.startswith("✓ Right.")
    assert again.quiz.cards[2].guess.value() == 100
    assert again.path.state("qing-baojia") == "done"
    assert again.sizer.step == 2

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(again.reset_button, Qt.MouseButton.LeftButton)
    assert again.path.state("qing-baojia") == "opened"  # the lesson on screen counts as opened
    assert not again.quiz.cards[0].feedback_text
    fresh = LessonView(view.state)
    qtbot.addWidget(fresh)
    assert fresh.quiz.cards[0].group.checkedId() == -1
    assert fresh.path.state("sui") == "new"


def test_text_size_follows_the_keyboard_and_every_control_has_a_name(view, qtbot):
    before = view.browser.font().pointSizeF()
    view.browser.setFocus()
    qtbot.keyClick(view.browser, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.browser.font().pointSizeF() > before
    assert f"font-size: {view.sizer.point_size()}pt" in view.quiz.styleSheet()  # the questions grow too
    qtbot.keyClick(view.browser, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.browser.font().pointSizeF() == pytest.approx(before)
    unnamed = [b for b in view.findChildren(QAbstractButton) if not (b.accessibleName() or b.text())]
    assert not unnamed
