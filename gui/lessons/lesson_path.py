"""LessonPath: the lessons as a vertical timeline, from the roots (c. 500 BC) and 589 to today.

Each row shows the years, a node on the time line and the title. A finished lesson has a
filled node with a tick AND the word "done"; an opened one a half node and "opened":
colour is never the only signal. Screen readers get the same facts as the row's text.
"""

from __future__ import annotations

from ermu.models.i18n import N_, _
from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (QAbstractItemView, QListWidget, QListWidgetItem, QStyle,
                               QStyledItemDelegate, QStyleOptionViewItem, QWidget)

from ermu.models.content import Lesson
from ermu.models.dating import spoken_span

from ..style import BORDER, CINNABAR, INK, MIST, PAPER, SLATE, at_least

LESSON_ROLE = Qt.ItemDataRole.UserRole
STATE_ROLE = Qt.ItemDataRole.UserRole + 1
STATES = {"new": ("○", ""), "opened": ("◐", N_("opened")), "done": ("✓", N_("done"))}
_YEARS_WIDTH = 78
_LINE_X = 102
_TEXT_X = 120


def years_of(lesson: Lesson) -> str:
    """The years as shown, '1644–1900*': an assumed year carries the mark (models.dating)."""
    return lesson.years_label()


def spoken_years(lesson: Lesson) -> str:
    """The years for a screen reader and a tooltip, with what the sources say of an assumed year."""
    notes = " ".join(lesson.date_notes())
    return spoken_span(lesson.start_year, lesson.end_year, lesson.start_note, lesson.end_note) + (
        f" ({notes})" if notes else "")


class _TimelineDelegate(QStyledItemDelegate):
    """One lesson: the years, a node on the time line, the title and its state.

    The years sit left of the line while they fit; when the path is narrow for its font (the
    kiosk's 16 pt), they go on their own line above the title, so the title keeps its width."""

    @staticmethod
    def _fonts(option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        small = QFont(option.font)
        small.setPointSizeF(at_least(option.font.pointSizeF() * 0.86))
        return small, QFont(option.font)

    def _columns(self, option: QStyleOptionViewItem, full: int) -> tuple[bool, int, int, int]:
        """(stacked, years width, line x, text x) for a row ``full`` pixels wide."""
        small, _title = self._fonts(option)
        years = max(_YEARS_WIDTH, QFontMetrics(small).horizontalAdvance("1070–1127*") + 4)
        line_x = years + 24
        text_x = line_x + 18
        if full - text_x - 10 >= 2 * years:
            return False, years, line_x, text_x
        return True, full - 40, 20, 40

    def _width(self, option: QStyleOptionViewItem) -> int:
        view = self.parent()
        return view.viewport().width() if isinstance(view, QListWidget) else option.rect.width()

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802
        lesson: Lesson = index.data(LESSON_ROLE)
        small, title_font = self._fonts(option)
        title_font.setBold(True)  # the selected row is bold: every row has room for it
        full = self._width(option)
        stacked, _years, _line, text_x = self._columns(option, full)
        width = max(120, full - text_x - 10)
        title = QFontMetrics(title_font).boundingRect(QRect(0, 0, width, 10000), Qt.TextFlag.TextWordWrap,
                                                      lesson.title)
        small_height = QFontMetrics(small).height()
        above = small_height + 4 if stacked else 0
        return QSize(full, max(54, above + title.height() + small_height + 20))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        lesson: Lesson = index.data(LESSON_ROLE)
        state = index.data(STATE_ROLE) or "new"
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        stacked, years_width, line_x, text_x = self._columns(option, rect.width())
        small, title_font = self._fonts(option)
        small_metrics = QFontMetrics(small)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            painter.fillRect(rect, QColor("white"))
            painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), QColor(CINNABAR))
        if focused:
            painter.setPen(QPen(QColor(CINNABAR), 2, Qt.PenStyle.DotLine))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        # the time line through every node
        painter.setPen(QPen(QColor(BORDER), 2))
        painter.drawLine(line_x, rect.top(), line_x, rect.bottom() + 1)
        painter.setFont(small)
        painter.setPen(QColor(SLATE))
        top = rect.top() + 8
        if stacked:
            painter.drawText(QRect(text_x, top, years_width, small_metrics.height() + 2),
                             Qt.AlignmentFlag.AlignLeft, years_of(lesson))
            top += small_metrics.height() + 4
        else:
            painter.drawText(QRect(rect.left() + 8, top + 1, years_width, 2 * small_metrics.height() + 4),
                             Qt.AlignmentFlag.AlignRight | Qt.TextFlag.TextWordWrap, years_of(lesson))
        self._node(painter, QRectF(line_x - 8, rect.top() + 9, 16, 16), state, selected)
        title_font.setBold(selected)
        painter.setFont(title_font)
        painter.setPen(QColor(INK))
        width = rect.width() - text_x - 10
        title_rect = QFontMetrics(title_font).boundingRect(QRect(text_x, top, width, 10000),
                                                           Qt.TextFlag.TextWordWrap, lesson.title)
        painter.drawText(QRect(text_x, top, width, title_rect.height()), Qt.TextFlag.TextWordWrap, lesson.title)
        status = _(STATES[state][1]) if STATES[state][1] else ""
        era = (f"{STATES[state][0]} {status}  ·  " if status else "") + lesson.era
        painter.setFont(small)
        painter.setPen(QColor(CINNABAR if state == "done" else SLATE))
        painter.drawText(QRect(text_x, top + title_rect.height() + 2, width, small_metrics.height() + 2),
                         Qt.AlignmentFlag.AlignLeft,
                         small_metrics.elidedText(era, Qt.TextElideMode.ElideRight, width))
        painter.restore()

    @staticmethod
    def _node(painter: QPainter, box: QRectF, state: str, selected: bool) -> None:
        ring = QColor(CINNABAR if (state == "done" or selected) else SLATE)
        painter.setPen(QPen(ring, 2))
        painter.setBrush(QColor(PAPER))
        painter.drawEllipse(box)
        if state == "done":
            painter.setBrush(QColor(CINNABAR))
            painter.drawEllipse(box)
            painter.setPen(QPen(QColor("white"), 2.2))
            painter.drawPolyline([box.topLeft() + d for d in (_p(4, 8.5), _p(7, 11.5), _p(12, 5))])
        elif state == "opened":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ring)
            painter.drawPie(box.adjusted(1, 1, -1, -1), 90 * 16, 180 * 16)


def _p(x: float, y: float) -> QPointF:
    return QPointF(x, y)


class LessonPath(QListWidget):
    """The lesson path; choosing a row asks for that lesson."""

    lesson_chosen = Signal(str)

    def __init__(self, lessons: tuple[Lesson, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonPath")
        self.setAccessibleName(_("Lesson path"))
        self.setAccessibleDescription(_("The lessons in time order; each says whether you opened or finished it."))
        self.setItemDelegate(_TimelineDelegate(self))
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet(f"QListWidget#lessonPath {{ background: #f4f0e6; border: none; "
                           f"border-right: 1px solid {MIST}; }}")
        self.lessons = lessons
        for lesson in lessons:
            item = QListWidgetItem()
            item.setData(LESSON_ROLE, lesson)
            self.addItem(item)
            self.set_state(lesson.id, "new")
        self.currentRowChanged.connect(self._on_row)

    def set_state(self, lesson_id: str, state: str) -> None:
        row = self.row_of(lesson_id)
        item = self.item(row)
        lesson = self.lessons[row]
        item.setData(STATE_ROLE, state)
        status = {"new": _("not started"), "opened": _("opened"), "done": _("done")}[state]
        text = _("Lesson {n}: {title}, {years}, {status}").format(n=lesson.order, title=lesson.title,
                                                               years=spoken_years(lesson), status=status)
        item.setData(Qt.ItemDataRole.DisplayRole, text)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
        notes = " ".join(lesson.date_notes())
        item.setToolTip(f"{lesson.era}, {years_of(lesson)} — {status}" + (f"\n{notes}" if notes else ""))

    def state(self, lesson_id: str) -> str:
        return self.item(self.row_of(lesson_id)).data(STATE_ROLE)

    def row_of(self, lesson_id: str) -> int:
        return next(i for i, lesson in enumerate(self.lessons) if lesson.id == lesson_id)

    def select(self, lesson_id: str) -> None:
        row = self.row_of(lesson_id)
        if row != self.currentRow():
            self.blockSignals(True)
            self.setCurrentRow(row)
            self.blockSignals(False)
        self.scrollToItem(self.item(row))

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self.lessons):
            self.lesson_chosen.emit(self.lessons[row].id)
