"""Touch first, for reading (issue 14, item 5): every visible text in every kiosk station is at
least 16 pt and nothing is clipped, at 1280x800 and 1920x1080, in English and in Chinese; what
a desktop shows on hover becomes a tap that explains; Compare's zoom buttons leave the drawing
alone.

16 pt is 21⅓ px at Qt's logical 96 dpi; Qt draws fonts at whole pixels and makes 16 pt 21 px,
so the walk (``ermu.gui.a11y.small_texts``) accepts 21 px. A chart's text counts in the same
pixels: matplotlib's points at the figure's dpi, over the screen's pixel ratio.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from ermu.gui import a11y

SIZES = [(1280, 800), (1920, 1080)]
STATIONS = ["village", "compare", "criticism", "credit", "timeline", "surveys"]
MIN_PT = 16


@pytest.fixture(scope="module", params=["en", "zh-Hans"])
def kiosk(styled, request, tmp_path_factory):
    from ermu.gui.kiosk.shell import KioskWindow
    from ermu.gui.settings import Settings
    from ermu.gui.state import AppState
    from ermu.models.kiosk.profile import default_profile_text, parse_profile
    from ermu.models.kiosk.visits import VisitLog

    profile = parse_profile(default_profile_text(), "test profile")
    state = AppState(Settings(None), mode="kiosk")
    window = KioskWindow(state, profile, visits=VisitLog(tmp_path_factory.mktemp("k") / "visits.sqlite3"))
    window.choose_language(request.param)
    window.resize(1280, 800)
    window.show()
    _settle()
    yield window
    window.dispose()
    state.set_language("en")
    state.shutdown()


def _settle():
    for _ in range(4):
        QApplication.processEvents()


def _small_chart_texts(root, points: float) -> list[a11y.Finding]:
    """Chart texts (titles, ticks, labels, legends) drawn smaller than ``points``."""
    try:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.text import Text
    except ImportError:  # pragma: no cover
        return []
    found = []
    for canvas in root.findChildren(FigureCanvasQTAgg):
        if not canvas.isVisible():
            continue
        canvas.draw()
        figure = canvas.figure
        need = a11y.points_to_pixels(points, canvas.logicalDpiY() or 96)
        ratio = canvas.devicePixelRatioF() or 1.0
        for text in figure.findobj(Text):
            if not text.get_visible() or not text.get_text().strip():
                continue
            pixels = text.get_fontsize() * figure.dpi / 72.0 / ratio
            if pixels + 0.01 < need:
                found.append(a11y.Finding(canvas, "small", f"chart text {pixels:.1f} px < {need} px: "
                                                         f"{text.get_text()[:40]!r}"))
    return found


def _clipped_combos(root) -> list[a11y.Finding]:
    """Combo boxes whose chosen item is wider than the box's text field (Qt cuts it, no ellipsis)."""
    from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox

    found = []
    for combo in a11y.shown_widgets(root):
        if not isinstance(combo, QComboBox) or not combo.currentText().strip():
            continue
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                             QStyle.SubControl.SC_ComboBoxEditField, combo)
        need = combo.fontMetrics().horizontalAdvance(combo.currentText())
        if need > field.width() + 2:
            found.append(a11y.Finding(combo, "clipped", f"{need} > {field.width()} px: {combo.currentText()[:50]!r}"))
    return found


def _check(root):
    return {"small": a11y.small_texts(root, MIN_PT) + _small_chart_texts(root, MIN_PT),
            "clipped": a11y.clipped_texts(root) + _clipped_combos(root)}


@pytest.mark.parametrize("station_id", STATIONS)
def test_every_text_of_every_station_is_at_least_16_pt_and_nothing_is_clipped(kiosk, station_id):
    problems = []
    for size in SIZES:
        kiosk.resize(*size)
        station = kiosk.open_station(station_id)
        _settle()
        found = a11y.audit_every_tab(station, _settle, check=_check)
        problems += [f"{size[0]}x{size[1]} {item}" for items in found.values() for item in items]
    assert not problems, f"{station_id} in {kiosk.state.language}:\n" + "\n".join(problems)


def test_the_walk_finds_small_text_in_a_label_a_rich_text_run_and_a_document(qtbot):
    """The check itself can fail: a 12 pt label, a 15 px span inside 16 pt rich text, a small document."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    column = QVBoxLayout(host)
    big = QFont(host.font())
    big.setPointSizeF(16)
    fine, small, rich, doc = QLabel("Big enough"), QLabel("Too small"), QLabel(), QTextBrowser()
    small.setFont(QFont(big.family(), 12))
    rich.setText("<p>Big <span style='font-size:15px'>small span</span></p>")
    doc.setHtml("<p>a lesson</p>")
    doc.document().setDefaultFont(QFont(big.family(), 11))
    for widget in (fine, small, rich):
        widget.setFont(big) if widget is not small else None
        column.addWidget(widget)
    column.addWidget(doc)
    host.show()
    flagged = [f.widget for f in a11y.small_texts(host, MIN_PT)]
    assert small in flagged and rich in flagged and doc in flagged
    assert fine not in flagged
    assert a11y.points_to_pixels(16) == 21


# -- no hover-only information -------------------------------------------------------------------
@pytest.fixture
def english_kiosk(styled, qtbot, tmp_path):
    from ermu.gui.kiosk.shell import KioskWindow
    from ermu.gui.settings import Settings
    from ermu.gui.state import AppState
    from ermu.models.kiosk.profile import default_profile_text, parse_profile
    from ermu.models.kiosk.visits import VisitLog

    state = AppState(Settings(None), mode="kiosk")
    window = KioskWindow(state, parse_profile(default_profile_text(), "test profile"),
                         visits=VisitLog(tmp_path / "visits.sqlite3"))
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.dispose()


def _glossary_point(browser, term_id: str):
    """The middle of the first link to ``glossary:term_id`` on the page, in viewport coordinates."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QTextCursor

    document = browser.document()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == f"glossary:{term_id}":
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + 1)
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                rect = browser.cursorRect(cursor)
                return QPoint(rect.left(), rect.center().y())
            it += 1
        block = block.next()
    raise AssertionError(f"no link to glossary:{term_id} on the page")


def test_a_tap_on_a_glossary_term_explains_it_in_visible_text_and_says_it(english_kiosk, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QToolTip

    from ermu.gui.announce import HEARD
    from ermu.models.content import glossary

    face = english_kiosk.open_station("timeline").face
    face.open_lesson("qing-baojia")
    qtbot.wait(20)
    note = face.note
    assert note.isVisible() and "Tap a glossary term" in note.text.text()  # never "point at" on touch
    point = _glossary_point(face.browser, "baojia")
    HEARD.clear()
    qtbot.mouseClick(face.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    term = glossary()["baojia"]
    qtbot.waitUntil(lambda: note.kind == "term")
    shown = " ".join(note.plain_text().split())
    assert term.hanzi in shown and term.pinyin in shown and " ".join(term.definition.split())[:40] in shown
    assert note.isVisible() and note.text.isVisible()
    assert any(term.hanzi in said for said, _assertive in HEARD)  # the note appears away from focus: said
    qtbot.mouseMove(face.browser.viewport(), point)  # a mouse resting there shows no tooltip window
    qtbot.wait(20)
    assert not QToolTip.isVisible()


def test_a_tap_on_a_lesson_row_shows_what_its_tooltip_says(english_kiosk, qtbot):
    from PySide6.QtCore import Qt

    face = english_kiosk.open_station("timeline").face
    path = face.path
    row = next(i for i, lesson in enumerate(face.lessons) if lesson.date_notes())  # an assumed year
    path.scrollToItem(path.item(row))
    qtbot.wait(20)
    rect = path.visualItemRect(path.item(row))
    qtbot.mouseClick(path.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    said = english_kiosk.status_line.text()
    assert said and face.lessons[row].date_notes()[0][:30] in said
    assert english_kiosk.status_line.isVisible()


# -- Compare's zoom buttons ----------------------------------------------------------------------
def _covered(diagram) -> bool:
    """Do the zoom buttons lie over the picture (the diagram's viewport)?"""
    buttons = diagram.zoom_buttons
    return buttons.isVisible() and buttons.geometry().intersects(diagram.viewport().geometry())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_zoom_buttons_never_cover_the_drawing_in_the_kiosk(english_kiosk, qtbot, size):
    from ermu.gui.widgets.hierarchy_diagram import HierarchyDiagram

    english_kiosk.resize(*size)
    for station_id in ("compare", "village"):
        face = english_kiosk.open_station(station_id).face
        qtbot.wait(20)
        diagrams = [d for d in face.findChildren(HierarchyDiagram) if d.isVisible()]
        assert diagrams
        for diagram in diagrams:
            assert diagram.zoom_buttons.isVisible()
            assert not _covered(diagram), f"{station_id}: {diagram.zoom_buttons.geometry()} over {diagram.viewport().geometry()}"


def test_zoom_buttons_never_cover_the_drawing_on_the_desktop(window, qtbot):
    from ermu.gui.widgets.hierarchy_diagram import HierarchyDiagram

    face = window.show_page("compare")
    qtbot.wait(20)
    diagrams = [d for d in face.findChildren(HierarchyDiagram) if d.isVisible()]
    assert len(diagrams) >= 2
    for diagram in diagrams:
        assert diagram.zoom_buttons.isVisible() and not _covered(diagram)
        assert min(b.width() for b in (diagram.zoom_buttons.zoom_in, diagram.zoom_buttons.fit)) >= 44


def test_compare_in_the_kiosk_chooses_regimes_in_two_rows_of_short_names(english_kiosk, qtbot):
    face = english_kiosk.open_station("compare").face
    qtbot.wait(20)
    tops = sorted({combo.y() for combo in face.combos})
    assert len(tops) == 2  # two rows of two
    assert all("—" not in combo.currentText() for combo in face.combos)  # "Song baojia", not the whole name


# -- the criticism room's painted words -------------------------------------------------------------
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_session_room_paints_16_pt_cards_that_neither_overlap_nor_leave_the_room(english_kiosk, qtbot, size):
    from PySide6.QtCore import QRectF

    from ermu.gui.criticism.room_cards import small

    english_kiosk.resize(*size)
    room = english_kiosk.open_station("criticism").face.room
    qtbot.wait(30)
    assert room.large() and room.isVisible()
    need = a11y.points_to_pixels(MIN_PT)
    for font in (room.font(), small(room.font())):  # names, characters, tags, the chair; the bars' letters
        assert a11y._font_pixels(font, 96.0) + 0.01 >= need
    cards = room._cards()
    n = len(room.session.members)
    boxes = [QRectF(room.seat_centre(i).x() - cards.card_w / 2, room.seat_centre(i).y() - cards.card_h / 2,
                    cards.card_w, cards.card_h) for i in range(n)]
    inside = QRectF(room.rect()).adjusted(-1, -1, 1, 1)
    for i, box in enumerate(boxes):
        assert inside.contains(box), f"card {i} {box} leaves the room {room.rect()}"
        assert not box.adjusted(1, 1, -1, -1).intersects(room.table_rect()), f"card {i} covers the table"
        for j in range(i + 1, n):
            assert not box.adjusted(1, 1, -1, -1).intersects(boxes[j]), f"cards {i} and {j} overlap"
    assert cards.table().height() >= 100
    assert cards.bottom <= room.height() and cards.top >= 44 + 24  # below the chair, above the legend
    station = english_kiosk.stations["criticism"]
    play = station.face.findChildren(type(station.home))
    assert any(b.isVisible() and "Play" in b.text() for b in play)


def test_the_timelines_text_size_buttons_grow_the_lesson_and_never_go_below_16_pt(english_kiosk, qtbot):
    face = english_kiosk.open_station("timeline").face
    qtbot.wait(20)
    document = face.browser.document()
    start = document.defaultFont().pointSizeF()
    assert start >= MIN_PT
    face.larger_button.click()
    face.larger_button.click()
    qtbot.wait(10)
    assert document.defaultFont().pointSizeF() > start + 1  # the kiosk's style sheet does not swallow it
    for _ in range(6):
        face.smaller_button.click()
    qtbot.wait(10)
    assert document.defaultFont().pointSizeF() >= MIN_PT
    face.larger_button.click()
    english_kiosk.stations["timeline"].reset()  # the next visitor
    qtbot.wait(10)
    assert face.browser.document().defaultFont().pointSizeF() == pytest.approx(start)
