"""What a student walking through found (issue 16, in the faces of issue 15): the criticism
session's short form, social-credit cards that fill the page and a summary of the year, and
an order question that keeps its items and gives no dates away."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ermu.gui import a11y, announce
from ermu.models.presets import Preset

from helpers import show


# -- the criticism session ---------------------------------------------------------------
def test_the_default_session_is_short_and_skip_jumps_to_my_turn(window, qtbot):
    view = show(window, "criticism")
    session = view.document.session
    assert len(session.members) <= 5 and session.rounds <= 2
    decisions = presses = 0
    while not view.document.is_finished:
        turn = view.document.learner_turn
        if turn is None:
            assert view.skip_button.isEnabled()
            qtbot.mouseClick(view.skip_button, Qt.MouseButton.LeftButton)
            presses += 1
            assert view.document.learner_turn is not None or view.document.is_finished
            continue
        qtbot.mouseClick(view.choices.buttons[turn.actions[0]], Qt.MouseButton.LeftButton)
        decisions += 1
    assert decisions <= 12, f"{decisions} decisions (eight members and three rounds were 25)"
    assert presses <= decisions + 1, "one press of Skip reaches the next turn"
    assert view.pages.currentIndex() == 1


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800), (1920, 1080)])
def test_every_choice_shows_its_whole_text_inside_its_button(window, qtbot, size):
    window.resize(*size)
    view = show(window, "criticism")
    view.open_preset(Preset(view="criticism", options={"participants": 5, "seed": 3}))
    # wait for a turn that names another member (the long "Criticise Luo Xiang mildly")
    while view.document.learner_turn is not None and "Criticise" not in view.choices.buttons[
            list(view.choices.buttons)[2]].text():
        view.document.advance(view.document.learner_turn.actions[0])
        if view.document.learner_turn is None:
            view.document.skip_to_my_turn()
    qtbot.wait(20)
    for action, button in view.choices.buttons.items():
        label = button.label
        assert label.wordWrap()
        assert label.height() >= label.heightForWidth(label.width()), f"{label.text()!r} is cut at the bottom"
        for word in label.text().split():
            assert label.fontMetrics().horizontalAdvance(word) <= label.width() + 1, (word, label.width())
        assert button.geometry().right() <= view.width(), "the button is inside the face"
        assert a11y.accessible_name(button).startswith(label.text().split("[")[0].strip())


# -- social credit ------------------------------------------------------------------------
def test_two_rows_of_cards_show_at_1280x800(window, qtbot):
    view = show(window, "credit")
    qtbot.wait(20)
    cards = view.play.cards
    buttons = list(cards.buttons.values())
    viewport = cards.viewport().rect()
    inside = [b for b in buttons if viewport.contains(b.geometry().translated(0, -cards.verticalScrollBar().value()))]
    rows = {b.geometry().top() for b in inside}
    assert len(rows) >= 2, f"only {len(rows)} whole row(s) of cards in a {viewport.height()} px area"


def test_the_year_ends_with_a_summary_of_the_score_lists_and_effects(window, qtbot):
    announce.HEARD.clear()
    view = show(window, "credit")
    plays = ["ignore-court-order", "evade-tax", "evade-tax", None, "obey-court-order", "pay-overdue-tax",
             "donate", "volunteer", None, "pay-taxes", "park-illegally", None]
    for behaviour in plays:
        button = view.play.quiet_button if behaviour is None else view.play.cards.buttons[behaviour]
        with qtbot.waitSignal(view.document.changed, timeout=2000):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    summary = view.play.summary
    assert view.play.play_area.currentWidget() is summary and summary.isVisible()
    text = summary.toPlainText()
    for heading in ("Score", "Lists entered", "Lists left", "Benefits met", "Restrictions met"):
        assert heading in text
    if view.document.year.start_score is not None:
        assert "→" in text and f"{view.document.score():,}" in text
    assert any(said.startswith("The year is over.") for said, _ in announce.HEARD)
    qtbot.mouseClick(view.play.restart_button, Qt.MouseButton.LeftButton)
    assert view.play.play_area.currentWidget() is view.play.cards


# -- the order question -------------------------------------------------------------------
def _order_card(window):
    view = show(window, "lessons")
    view.open_lesson("introduction")
    view.tabs.setCurrentWidget(view.quiz)
    from ermu.gui.lessons.choice_questions import OrderQuestion

    return next(card for card in view.quiz.cards if isinstance(card, OrderQuestion))


def test_the_order_question_hides_the_dates_that_give_the_answer_away(window):
    card = _order_card(window)
    shown = [card.list.item(i).text() for i in range(card.list.count())]
    assert all(shown) and not any(ch.isdigit() for text in shown for ch in text), shown
    assert any("(" in item and any(c.isdigit() for c in item) for item in card.items), "the dates are in the data"


def test_a_moved_item_keeps_its_text_and_no_row_takes_a_drop(window, qtbot):
    card = _order_card(window)
    before = sorted(card.list.item(i).text() for i in range(card.list.count()))
    card.list.setCurrentRow(2)
    qtbot.mouseClick(card.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(card.down_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(card.down_button, Qt.MouseButton.LeftButton)
    after = sorted(card.list.item(i).text() for i in range(card.list.count()))
    assert after == before and all(after), "no blank row, no lost item"
    assert not card.list.dragDropOverwriteMode()
    for i in range(card.list.count()):
        assert not card.list.item(i).flags() & Qt.ItemFlag.ItemIsDropEnabled, "a drop onto an item would blank it"
