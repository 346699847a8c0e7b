"""Finding 2: everything a user or a file supplies is shown as plain text, never as markup.

A scenario whose title, tags, author, notes, family, person names and hanzi are all
hostile markup is saved, listed, opened, played and edited; then every place that shows
text is walked — labels, tooltips of widgets, actions and diagram items, and every
tooltip of every item view — and none may render the markup as rich text. The title must
also really be seen somewhere (so the walk cannot pass by showing nothing).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, Qt as QtGui
from PySide6.QtWidgets import QAbstractItemView, QApplication, QGraphicsView, QLabel, QTextEdit, QWidget

from ermu.models.population import Household, Person, Population, Sex

from helpers import make_window

MARK = "<img src=\"/tmp/ermu-hostile.png\">"
TITLE = f"{MARK}<h1>Huge</h1><a href=\"https://example.org\">click</a>"


def hostile_scenario():
    from ermu.models.storage import Scenario

    people = (Person(f"{MARK}Wang", f"<b>王</b>{MARK}", Sex.MALE, 40), Person("<h1>Li</h1>", "李", Sex.FEMALE, 38))
    households = [Household(i, people, 1, family=f"<i>{MARK}</i>") for i in range(12)]
    return Scenario(title=TITLE, regime="qing-baojia", population=Population.from_households(households),
                    tags=[f"<a href='x'>{MARK}</a>"], author=f"<b>{MARK}</b>", notes=f"<h1>{MARK}</h1>",
                    parameters={"incident": {"offender": 0, "offence": "theft", "response": "concealed"}})


def rich(text: str, fmt=Qt.TextFormat.AutoText) -> bool:
    """Would Qt draw ``text`` as rich text?"""
    return fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and QtGui.mightBeRichText(text))


def places(window) -> list[tuple[str, str, bool]]:
    """(where, text, drawn as rich text) for every text the window and its dialogs show."""
    found: list[tuple[str, str, bool]] = []
    widgets = [window, *window.findChildren(QWidget)]
    for top in QApplication.topLevelWidgets():
        if top is not window:
            widgets += [top, *top.findChildren(QWidget)]
    for widget in widgets:
        name = f"{type(widget).__name__} {widget.accessibleName()!r}"
        if widget.toolTip():
            found.append((f"tooltip of {name}", widget.toolTip(), rich(widget.toolTip())))
        if isinstance(widget, QLabel):
            found.append((f"label {name}", widget.text(), rich(widget.text(), widget.textFormat())))
        if isinstance(widget, QTextEdit):
            found.append((f"text {name}", widget.toHtml(), "<img" in widget.toHtml()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            for tip in _item_tooltips(widget.model()):
                found.append((f"row tooltip of {name}", tip, rich(tip)))
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                if item.toolTip():
                    found.append((f"diagram tooltip in {name}", item.toolTip(), rich(item.toolTip())))
        for action in widget.actions():
            if isinstance(action, QAction) and action.toolTip():
                found.append((f"action tooltip {action.text()!r}", action.toolTip(), rich(action.toolTip())))
    return found


def _item_tooltips(model, parent=None, budget: list[int] | None = None) -> list[str]:
    """The tooltips of a model's items, children included (a few hundred at most)."""
    from PySide6.QtCore import QModelIndex

    parent = parent if parent is not None else QModelIndex()
    budget = budget if budget is not None else [600]
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model
        columns = 1
    tips: list[str] = []
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            budget[0] -= 1
            if budget[0] < 0:
                return tips
            index = model.index(row, column, parent)
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and tip:
                tips.append(tip)
            if column == 0 and columns > 1 and model.rowCount(index) > 0:
                tips += _item_tooltips(model, index, budget)
    return tips


def settle(state) -> None:
    from PySide6.QtCore import QThreadPool

    for _ in range(6):
        QApplication.processEvents()
        QThreadPool.globalInstance().waitForDone(30_000)
        if state.has_library:
            state.library.wait(30_000)
    QApplication.processEvents()


def test_hostile_text_is_shown_literally_everywhere(qtbot):
    from ermu.models.storage import Library

    with Library() as library:
        saved = library.save(hostile_scenario())
    window = make_window()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    state = window.state
    page = window.show_page("library")
    settle(state)
    view = page.view
    assert view is not None, page.message.text()
    view.table.selectRow(0)
    view.rename_selected(f"{TITLE} renamed")  # the undo button's tooltip now holds the title
    settle(state)
    shown: list[tuple[str, str, bool]] = places(window)
    view.table.selectRow(0)
    view.open_selected()  # the status line says "Opened …"; the sandbox shows the village
    settle(state)
    sandbox = window.show_page("sandbox")
    document = state.sandbox
    document.select(0)
    for tab in ("builder", "player"):
        sandbox.show_tab(tab)
        settle(state)
        shown += places(window)
    player = sandbox.findChild(QWidget, "") and sandbox
    for _ in range(12):  # play the incident through: the narration names the offender's family
        for button in sandbox.findChildren(QWidget):
            if getattr(button, "accessibleName", lambda: "")() == "Next step":
                button.click()
        QApplication.processEvents()
    shown += places(window)
    unsafe = [(where, text[:120]) for where, text, drawn_rich in shown if drawn_rich and MARK in text]
    assert unsafe == []
    literally = [where for where, text, drawn_rich in shown if not drawn_rich and MARK in text]
    escaped = [where for where, text, drawn_rich in shown if drawn_rich and "&lt;img src=" in text]
    assert literally and escaped, (literally, escaped)
    assert any("status" in where.lower() or "label" in where for where in literally)
    assert player is not None and saved.id is not None


def test_the_plain_text_helpers_escape_what_they_show(qapp):
    from ermu.gui.plain import escape, plain_label, tip

    assert not rich(tip(TITLE).replace("<p>", "").replace("</p>", "")) or "&lt;" in tip(TITLE)
    assert "<img" not in tip(TITLE) and "&lt;img" in tip(TITLE)
    assert escape("<b>王</b>") == "&lt;b&gt;王&lt;/b&gt;"
    label = plain_label(QLabel(TITLE))
    assert label.textFormat() == Qt.TextFormat.PlainText and label.text() == TITLE
