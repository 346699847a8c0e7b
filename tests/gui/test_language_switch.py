"""Switching the language while Ermu runs: every open face speaks it at once, nothing is lost."""

from __future__ import annotations

import sys

import pytest

from helpers import english_with_translation, make_window

#: The faces this test walks: every face of the app.
FACES = ("home", "library", "charts", "years", "empire", "lessons", "sandbox", "compare", "criticism", "credit")


def visible_texts(window) -> list[tuple[str, str]]:
    from PySide6.QtWidgets import (QAbstractButton, QGroupBox, QLabel, QListWidget, QTabBar, QTabWidget,
                                   QWidget)

    texts = [("title", window.windowTitle())]
    texts += [("menu", action.text()) for action in window.menuBar().actions()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        name = type(widget).__name__
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append((name, widget.text()))
        elif isinstance(widget, QGroupBox):
            texts.append((name, widget.title()))
        elif isinstance(widget, QListWidget):
            texts += [(name, widget.item(i).text()) for i in range(widget.count())]
        elif isinstance(widget, QTabBar):
            texts += [(name, widget.tabText(i)) for i in range(widget.count())]
        if widget.accessibleName():
            texts.append((name + ".accessibleName", widget.accessibleName()))
        if widget.toolTip():
            texts.append((name + ".toolTip", widget.toolTip()))
    del QTabWidget
    return texts


@pytest.fixture
def window(qtbot):
    from PySide6.QtCore import QThreadPool

    window = make_window()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield window
    for face in window.faces.values():  # no background work outlives the test
        if hasattr(face, "_stop_job"):
            face._stop_job()
        if hasattr(face, "wait_until_built"):
            face.wait_until_built()
    if window.state.has_library:
        window.state.library.wait()
    QThreadPool.globalInstance().waitForDone(30_000)


@pytest.mark.parametrize("language", ["zh-Hans", "zh-Hant"])
def test_switching_retranslates_every_open_face_and_back(window, qtbot, language):
    from PySide6.QtWidgets import QApplication

    opened = [page for page in FACES if window.has_page(page)]
    for page in opened:
        face = window.show_page(page)
        if hasattr(face, "finish"):
            face.finish()
        if hasattr(face, "wait_until_built"):
            face.wait_until_built()
        if hasattr(face, "job"):  # the years run and the empire's build finish before the switch
            qtbot.waitUntil(lambda face=face: face.job is None, timeout=60_000)
    kept = {page: (getattr(window.faces[page], "empire", None), getattr(window.faces[page], "result", None))
            for page in opened}
    english = english_with_translation(language)
    with qtbot.waitSignal(window.state.language_changed):
        window.language_actions[language].trigger()
    for page in opened:
        window.show_page(page)
        QApplication.processEvents()
        left = [(kind, text) for kind, text in visible_texts(window) if text.strip() in english]
        assert not left, f"{page} still shows English after switching to {language}: {left[:10]}"
    assert window.windowTitle().startswith("耳目")
    assert window.navigation.item(0).text() in ("首页", "首頁")
    window.show_page(opened[-1])
    window.language_actions["en"].trigger()
    assert window.state.language == "en"
    assert window.navigation.item(0).text() == "Home" and window.windowTitle().startswith("Ermu")
    assert window.navigation.currentRow() == window.page_ids().index(opened[-1])
    for page in opened:  # the built empire and the years run survive both switches, untouched
        empire, result = kept[page]
        assert getattr(window.faces[page], "empire", None) is empire
        assert getattr(window.faces[page], "result", None) is result


def test_the_choice_is_remembered_and_named_in_itself(window):
    window.language_menu.aboutToShow.emit()  # the entries are made when the menu first opens
    names = [action.text() for action in window.language_menu.actions()]
    assert names == ["English", "简体中文", "繁體中文"]
    window.language_actions["zh-Hant"].trigger()
    assert window.state.settings.language == "zh-Hant"
    assert window.language_actions["zh-Hant"].isChecked()


def test_a_new_state_starts_in_the_remembered_language(qapp):
    from ermu.gui.settings import Settings
    from ermu.gui.state import AppState
    from ermu.models.i18n import _

    settings = Settings(None)
    settings.language = "zh-Hans"
    state = AppState(settings)
    assert state.language == "zh-Hans" and _("Home") == "首页"


def test_qt_own_buttons_are_translated(qapp):
    from PySide6.QtWidgets import QDialogButtonBox

    from ermu.gui.settings import Settings
    from ermu.gui.state import AppState

    state = AppState(Settings(None))
    state.set_language("zh-Hans")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    state.set_language("en")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_first_start_follows_the_system_locale(monkeypatch):
    from ermu.gui.app import first_language

    monkeypatch.setenv("LANG", "zh_TW.UTF-8")
    assert first_language(None, "") == "zh-Hant"
    assert first_language(None, "zh-Hans") == "zh-Hans"  # a remembered choice wins
    assert first_language("en", "zh-Hans") == "en"  # --lang wins over both
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert first_language(None, "") == "en"


@pytest.mark.parametrize("language, family", [("zh-Hans", "Ermu CJK SC"), ("zh-Hant", "Ermu CJK TC")])
def test_each_script_is_drawn_with_its_bundled_face(qapp, language, family):
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    from ermu.gui.settings import Settings
    from ermu.gui.state import AppState

    state = AppState(Settings(None))
    state.set_language(language)
    assert family in QFontDatabase.families()
    assert family in QApplication.font().families()
    other = "Ermu CJK TC" if family.endswith("SC") else "Ermu CJK SC"
    families = QApplication.font().families()
    assert other not in families or families.index(family) < families.index(other)


@pytest.mark.parametrize("language", ["zh-Hans", "zh-Hant"])
def test_screenshot_in_chinese(tmp_path, language):
    import subprocess

    from PySide6.QtGui import QImage

    target = tmp_path / f"home-{language}.png"
    result = subprocess.run([sys.executable, "-m", "ermu.gui.app", "--screenshot", str(target), "--lang", language,
                             "--view", "home", "--size", "1280x800"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1280, 800)


def test_a_bad_language_on_the_command_line_is_one_line(tmp_path):
    import subprocess

    result = subprocess.run([sys.executable, "-m", "ermu.gui.app", "--screenshot", str(tmp_path / "x.png"),
                             "--lang", "xx"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "zh-Hans" in result.stderr


def _texts_of(widget) -> list[str]:
    """What a face shows and says: visible texts, list and combo items, tabs, names, tooltips."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QListWidget, QTabBar, QWidget

    texts = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisible():
            continue
        if isinstance(child, (QLabel, QAbstractButton)):
            texts.append(child.text())
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
        elif isinstance(child, QListWidget):
            texts += [child.item(i).text() for i in range(child.count())]
        elif isinstance(child, QTabBar):
            texts += [child.tabText(i) for i in range(child.count())]
        elif isinstance(child, QComboBox):
            texts += [child.itemText(i) for i in range(child.count())]
        texts += [child.accessibleName(), child.toolTip()]
    return [t for t in texts if t]


def test_the_faces_built_in_parallel_switch_too_and_keep_their_state(window, qtbot):
    """Sandbox (builder and player), compare, criticism, credit and lessons, each with something
    done in it: after the switch no text shows an English message the catalog translates, the
    narration is Chinese, and after switching back every face holds what it held."""
    from PySide6.QtWidgets import QApplication

    from ermu.models.credit import BEHAVIOURS

    sandbox = window.show_page("sandbox")
    sandbox.document.select(5)
    sandbox.show_tab("player")
    player = sandbox.player
    player.playback.go_to(2)
    compare = window.show_page("compare")
    compare.shown()
    criticism = window.show_page("criticism")
    for _step in range(3):
        criticism._step()
    credit = window.show_page("credit")
    credit.play_month(next(iter(BEHAVIOURS)))
    lessons = window.show_page("lessons")
    lessons.open_lesson("qing-baojia")
    lessons.tabs.setCurrentIndex(1)

    def state_of_the_faces():
        return {
            "sandbox": (sandbox.document.regime_id, len(sandbox.document.population), sandbox.document.selected,
                        player.playback.position, sandbox.tabs.currentIndex()),
            "compare": (list(compare.regime_ids), compare.playback.position),
            "criticism": (criticism.transcript.count(), len(criticism.document.session.trace)),
            "credit": (credit.document.month, credit.document.scheme_id),
            "lessons": (lessons.current.id, lessons.tabs.currentIndex()),
        }

    before = state_of_the_faces()
    english = english_with_translation("zh-Hans")
    narration_en = player.narration.text()
    transcript_en = criticism.transcript.item(criticism.transcript.count() - 1).text()

    window.language_actions["zh-Hans"].trigger()
    assert window.state.language == "zh-Hans"
    views = {"sandbox-player": ("sandbox", lambda: sandbox.show_tab("player")),
             "sandbox-builder": ("sandbox", lambda: sandbox.show_tab("builder")),
             "compare": ("compare", None), "criticism": ("criticism", None), "credit": ("credit", None),
             "lessons": ("lessons", None)}
    for name, (page, then) in views.items():
        face = window.show_page(page)
        if then:
            then()
        QApplication.processEvents()
        left = [text for text in _texts_of(face) if text.strip() in english]
        assert not left, f"{name} still shows English after switching to zh-Hans: {left[:10]}"
    assert player.narration.text() != narration_en and any("\u4e00" <= c <= "\u9fff" for c in player.narration.text())
    last = criticism.transcript.item(criticism.transcript.count() - 1).text()
    assert last != transcript_en and any("\u4e00" <= c <= "\u9fff" for c in last)
    sandbox.show_tab("player")

    window.language_actions["en"].trigger()
    after = state_of_the_faces()
    assert after == before
    assert player.narration.text() == narration_en
    assert criticism.transcript.item(criticism.transcript.count() - 1).text() == transcript_en
