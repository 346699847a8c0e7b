"""The library list as a Qt table: a thin adapter over plain :class:`ScenarioSummary` rows."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPointF, QRectF, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from ermu.models.storage.scenario import ScenarioSummary
from ermu.models.i18n import _

from ..plain import tip


SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
from ermu.models.i18n import N_, _


COLUMNS = (N_("Source"), N_("Title"), N_("Kind"), N_("Regime"), N_("Households"), N_("Tags"), N_("Author"),
           N_("Updated"))
#: How the kinds of example are named (the ids stay in files and the database).
KINDS = {"sandbox": N_("sandbox"), "criticism": N_("criticism"), "credit": N_("credit"), "years": N_("years"),
         "empire": N_("empire"), "charts": N_("charts")}
SOURCE, TITLE, KIND, REGIME, HOUSEHOLDS, TAGS, AUTHOR, UPDATED = range(len(COLUMNS))


def lock_icon(size: int = 16) -> QIcon:
    """A small padlock, drawn here so it looks the same on every platform."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = QColor("#5a4a2a")
    painter.setPen(QPen(ink, size / 8))
    shackle = QPainterPath()
    shackle.moveTo(QPointF(size * 0.3, size * 0.5))
    shackle.lineTo(QPointF(size * 0.3, size * 0.32))
    shackle.arcTo(QRectF(size * 0.3, size * 0.1, size * 0.4, size * 0.4), 180, -180)
    shackle.lineTo(QPointF(size * 0.7, size * 0.5))
    painter.drawPath(shackle)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#c9a227"))
    painter.drawRoundedRect(QRectF(size * 0.15, size * 0.45, size * 0.7, size * 0.5), size / 10, size / 10)
    painter.end()
    return QIcon(pixmap)


class LibraryTableModel(QAbstractTableModel):
    """Rows of scenario summaries; built-in examples carry a padlock and the word built-in."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ScenarioSummary] = []
        self._lock = lock_icon()

    def set_rows(self, rows: list[ScenarioSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def summary(self, row: int) -> ScenarioSummary:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        column = index.column()
        if role == SUMMARY_ROLE:
            return s
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(s, column)
        if role == SORT_ROLE:
            if column == HOUSEHOLDS:
                return s.household_count
            if column == UPDATED:
                return s.updated.timestamp()
            return self._text(s, column).casefold()
        if role == Qt.ItemDataRole.DecorationRole and column == SOURCE and s.read_only:
            return self._lock
        if role == Qt.ItemDataRole.ToolTipRole:
            if s.read_only:
                return tip(_("{title} — a built-in example from a lesson: read-only. "
                             "Duplicate it to make a copy you can change.").format(title=s.title))  # the full title, when elided
            return tip(_("{title} — saved scenario {id}, version {version}").format(  # a title is never markup
                title=s.title, id=s.id, version=s.version))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == HOUSEHOLDS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(s: ScenarioSummary, column: int) -> str:
        if column == SOURCE:
            return _("built-in") if s.read_only else (_("in trash") if s.deleted else _("saved"))
        if column == TITLE:
            return s.title
        if column == KIND:
            return _(KINDS[s.kind]) if s.kind in KINDS else s.kind
        if column == REGIME:
            return s.regime or "—"
        if column == HOUSEHOLDS:
            return f"{s.household_count:,}" if s.household_count else "—"
        if column == TAGS:
            return ", ".join(t for t in s.tags if t != "built-in")
        if column == AUTHOR:
            return s.author or "—"
        if column == UPDATED:
            if s.read_only:
                return _("lesson")
            return s.updated.astimezone().strftime("%Y-%m-%d %H:%M")
        return ""


class LibraryFilter(QSortFilterProxyModel):
    """Shows the rows whose title contains the search text and that match tag, regime, author."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._search = ""
        self._tag = self._regime = self._author = None

    def set_criteria(self, search: str = "", tag: str | None = None, regime: str | None = None,
                     author: str | None = None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
        self._search, self._tag, self._regime, self._author = search.strip().casefold(), tag, regime, author
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        s: ScenarioSummary = self.sourceModel().summary(source_row)
        return ((not self._search or self._search in s.title.casefold())
                and (self._tag is None or self._tag in s.tags)
                and (self._regime is None or s.regime == self._regime)
                and (self._author is None or s.author == self._author))
