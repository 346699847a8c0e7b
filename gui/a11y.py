"""Accessibility checks a test, a tool and a teacher can run over any window.

Each check walks the visible widgets under a root and returns findings a person would
notice — a control a screen reader cannot name, a label whose spoken name hides its text,
a text cut off by its box, a control the keyboard cannot reach — and :func:`contrast_ratio`
measures two colours as WCAG 2.1 does. ``tests/gui/test_a11y_sizes.py`` and
``tools/a11y_audit.py`` run them over every face at several window sizes, once per language.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAccessible, QColor, QFontMetrics, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox,
                               QLabel, QLineEdit, QPlainTextEdit, QTabBar, QTextEdit, QWidget)

#: The window sizes every face must fit (logical pixels); the scale factor is the
#: environment's (QT_SCALE_FACTOR), so 1.5x on 1920x1080 is 1280x720 logical.
SIZES: tuple[tuple[int, int], ...] = ((1024, 768), (1280, 800), (1920, 1080), (1280, 720))

INTERACTIVE = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit, QAbstractSlider, QAbstractItemView,
               QTabBar, QTextEdit, QPlainTextEdit)
#: Names that say nothing: Qt's class names, or a placeholder.
MEANINGLESS = {"", "(none)", "combo box", "button", "push button", "check box", "list", "table", "qwidget"}


@dataclass(frozen=True)
class Finding:
    widget: QWidget
    what: str  # "unnamed", "hides-text", "clipped", "unreachable"
    text: str

    def __str__(self) -> str:
        kind = type(self.widget).__name__
        name = self.widget.objectName() or self.widget.accessibleName() or ""
        return f"{self.what}: {kind} {name!r}: {self.text}"


# -- colour ------------------------------------------------------------------------------
def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast_ratio(first: QColor | str, second: QColor | str) -> float:
    """WCAG 2.1 contrast of two opaque colours: 1.0 (same) to 21.0 (black on white)."""
    a, b = _luminance(QColor(first)), _luminance(QColor(second))
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)


# -- the walk ----------------------------------------------------------------------------
def shown_widgets(root: QWidget) -> list[QWidget]:
    """Every widget under root (root included) that is visible on screen now."""
    found = [root] if root.isVisible() else []
    for child in root.findChildren(QWidget):
        if child.isVisible() and child.window() is root.window():
            found.append(child)
    return found


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else widget.accessibleName()


def plain_text(label: QLabel) -> str:
    text = label.text()
    fmt = label.textFormat()
    if fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    if label.buddy() is not None:  # "&Regime" shows as "Regime" with the R underlined
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text


def _is_interactive(widget: QWidget) -> bool:
    if isinstance(widget, QLabel) or not isinstance(widget, INTERACTIVE):
        return False
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return True  # read-only text still takes focus for reading
    return widget.isEnabled()


def unnamed_controls(root: QWidget) -> list[Finding]:
    """Interactive controls whose accessible name says nothing a listener could use."""
    found = []
    for widget in shown_widgets(root):
        if not _is_interactive(widget) or type(widget).__name__ in ("QTabBar", "QScrollBar", "QHeaderView"):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
            continue  # the box's own editor: the box carries the name
        name = accessible_name(widget)
        if name.lower() in MEANINGLESS or name.lower().startswith("(none)"):
            found.append(Finding(widget, "unnamed", name or "(no name)"))
    return found


def labels_hiding_text(root: QWidget) -> list[Finding]:
    """Labels whose accessible name replaces their visible text, so it can never be read."""
    found = []
    for widget in shown_widgets(root):
        if isinstance(widget, QLabel) and widget.accessibleName():
            text = " ".join(plain_text(widget).split())
            name = " ".join(widget.accessibleName().split())
            if text and text not in name:
                found.append(Finding(widget, "hides-text", f"shows {text[:60]!r} but says {name[:60]!r}"))
    return found


def _line_widths(metrics: QFontMetrics, text: str) -> int:
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _elided_on_purpose(widget: QWidget, text: str) -> bool:
    """Elided with the full text kept in the tooltip (and so in the accessible description)."""
    shown = text.rstrip()
    if not shown.endswith("…"):
        return False
    full = " ".join(widget.toolTip().split())
    return len(full) > len(shown) and full.startswith(" ".join(shown[:-1].split()))


def clipped_texts(root: QWidget, *, slack: int = 2) -> list[Finding]:
    """Single-line labels and buttons whose text is wider than their box (and not elided),
    and wrapped labels cut at the bottom."""
    found = []
    for widget in shown_widgets(root):
        if isinstance(widget, QLabel):
            text = plain_text(widget)
            if not text.strip() or widget.pixmap() is not None and not widget.pixmap().isNull():
                continue
            if _elided_on_purpose(widget, text):
                continue
            room = widget.contentsRect().width() - 2 * max(widget.margin(), 0) - max(widget.indent(), 0)
            visible = widget.visibleRegion().boundingRect()
            if not visible.isEmpty() and visible.width() + slack < min(widget.width(), _line_widths(
                    widget.fontMetrics(), text) if not widget.wordWrap() else widget.width()):
                found.append(Finding(widget, "clipped", f"cut by its container ({visible.width()} of "
                                                        f"{widget.width()} px shown): {text[:50]!r}"))
                continue
            if widget.wordWrap():
                need = widget.heightForWidth(widget.width())
                if need > widget.height() + slack and widget.height() > 0:
                    found.append(Finding(widget, "clipped", f"cut at the bottom ({need} > {widget.height()} px): "
                                                            f"{text[:50]!r}"))
                continue
            need = _line_widths(widget.fontMetrics(), text)
            if need > room + slack:
                found.append(Finding(widget, "clipped", f"{need} > {room} px: {text[:50]!r}"))
        elif isinstance(widget, QAbstractButton) and type(widget).__name__ != "QToolButton" or (
                isinstance(widget, QAbstractButton) and widget.text()):
            if widget.property("wraps"):
                continue  # its text is a word-wrapped label, checked as a label
            text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            if not text.strip() or _elided_on_purpose(widget, text):
                continue
            icon = widget.iconSize().width() + 4 if not widget.icon().isNull() else 0
            indicator = 20 if type(widget).__name__ in ("QCheckBox", "QRadioButton") else 0
            need = _line_widths(widget.fontMetrics(), text) + icon + indicator + 4
            if need > widget.width() + slack:
                found.append(Finding(widget, "clipped", f"{need} > {widget.width()} px: {text[:50]!r}"))
    return found


# -- text size -----------------------------------------------------------------------------
def points_to_pixels(points: float, dpi: float = 96.0) -> int:
    """The smallest whole pixel size that still counts as ``points``: a point is 1/72 inch,
    so 16 pt is 21⅓ px at 96 dpi (Qt's logical dpi); Qt draws fonts at whole pixels and
    makes 16 pt 21 px, so 21 px is 16 pt."""
    return int(points * dpi / 72.0)


def _font_pixels(font, dpi: float) -> float:
    from PySide6.QtGui import QFontInfo

    if font.pixelSize() > 0:
        return float(font.pixelSize())
    if font.pointSizeF() > 0:
        return font.pointSizeF() * dpi / 72.0
    return float(QFontInfo(font).pixelSize())


def _document_sizes(document: QTextDocument, dpi: float) -> list[tuple[float, str]]:
    """(pixels, text) of every run of visible text in a document, after its own HTML and CSS:
    ``font-size`` in px or pt, ``<small>`` and ``font-size: small`` (a size adjustment
    below normal counts as smaller than the default font)."""
    from PySide6.QtGui import QTextFormat

    base = document.defaultFont()
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            text = fragment.text().strip()
            if fragment.isValid() and text and text != "\ufffc":
                fmt = fragment.charFormat()
                font = fmt.font().resolve(base)
                pixels = _font_pixels(font, dpi)
                adjust = fmt.intProperty(QTextFormat.Property.FontSizeAdjustment) if fmt.hasProperty(
                    QTextFormat.Property.FontSizeAdjustment) else 0
                if adjust < 0:
                    pixels *= 0.8 ** -adjust
                found.append((pixels, text))
            it += 1
        block = block.next()
    return found


def _columns(model, parent) -> int:
    from PySide6.QtCore import QAbstractListModel

    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)


def small_texts(root: QWidget, points: float) -> list[Finding]:
    """Visible text drawn smaller than ``points``: labels (with their rich text's own sizes),
    buttons, tabs, combo and spin boxes, text browsers (the document's default font and every
    run of its HTML), item views (the view's font and the items' own fonts)."""
    found = []
    for widget in shown_widgets(root):
        dpi = float(widget.logicalDpiY() or 96)
        need = points_to_pixels(points, dpi)
        runs: list[tuple[float, str]] = []
        if isinstance(widget, QLabel):
            text = widget.text()
            if not text.strip() or widget.pixmap() is not None and not widget.pixmap().isNull():
                continue
            fmt = widget.textFormat()
            if fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)):
                document = QTextDocument()
                document.setDefaultFont(widget.font())
                document.setHtml(text)
                runs = _document_sizes(document, dpi)
            else:
                runs = [(_font_pixels(widget.font(), dpi), text)]
        elif isinstance(widget, QAbstractButton):
            if widget.text().strip():
                runs = [(_font_pixels(widget.font(), dpi), widget.text())]
        elif isinstance(widget, QTabBar):
            runs = [(_font_pixels(widget.font(), dpi), widget.tabText(i)) for i in range(widget.count())
                    if widget.isTabVisible(i) and widget.tabText(i).strip()]
        elif isinstance(widget, (QComboBox, QAbstractSpinBox, QLineEdit)):
            if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
                continue
            runs = [(_font_pixels(widget.font(), dpi), type(widget).__name__)]
        elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
            document = widget.document()
            if document.isEmpty():
                continue
            runs = [(_font_pixels(document.defaultFont(), dpi), "(the document's default font)")]
            if isinstance(widget, QTextEdit):
                runs += _document_sizes(document, dpi)
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            runs = [(_font_pixels(widget.font(), dpi), type(widget).__name__)] if model.rowCount(widget.rootIndex()) else []
            for row in range(min(model.rowCount(widget.rootIndex()), 50)):
                for column in range(min(_columns(model, widget.rootIndex()), 12)):
                    index = model.index(row, column, widget.rootIndex())
                    font = index.data(Qt.ItemDataRole.FontRole)
                    text = index.data(Qt.ItemDataRole.DisplayRole)
                    if font is not None and text:
                        runs.append((_font_pixels(font, dpi), str(text)))
        for pixels, text in runs:
            if pixels + 0.01 < need:
                found.append(Finding(widget, "small", f"{pixels:.1f} px < {need} px: {' '.join(text.split())[:50]!r}"))
                break
    return found


def unreachable_controls(root: QWidget) -> list[Finding]:
    """Enabled controls the Tab key can never reach."""
    found = []
    tab = int(Qt.FocusPolicy.TabFocus.value)
    for widget in shown_widgets(root):
        if not _is_interactive(widget) or type(widget).__name__ in ("QScrollBar", "QHeaderView", "QTabBar"):
            continue
        if not widget.isEnabled() or int(widget.focusPolicy().value) & tab:
            continue
        group = widget.group() if isinstance(widget, QAbstractButton) else None
        if group is not None and any(int(b.focusPolicy().value) & tab for b in group.buttons()):
            continue  # a radio-like group: Tab reaches one of them, the arrow keys the others
        what = accessible_name(widget) or (widget.text() if hasattr(widget, "text") else "")
        found.append(Finding(widget, "unreachable", f"{what} ({widget.focusPolicy().name})"))
    return found


# -- single-letter keys ------------------------------------------------------------------
_EDITABLE = (QComboBox, QAbstractSpinBox, QLineEdit, QTextEdit, QPlainTextEdit)
_CHORD = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


class _SingleKeyGuard(QObject):
    """Claims plain keys for the control that has focus, so a face's one-key shortcuts (N, P,
    1-5, I; Space, arrows and Home for a player) never act over it: letters and digits for
    fields, combos and spin boxes; Space for buttons and check boxes; arrows, Home and End for
    sliders, spin boxes, combos, fields and lists."""

    SPACE = (Qt.Key.Key_Space,)
    MOVES = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.ShortcutOverride and not (event.modifiers() & _CHORD):
            key, text = event.key(), event.text()
            editable = isinstance(watched, _EDITABLE) and not getattr(watched, "isReadOnly", lambda: False)()
            if editable and text and text.isprintable() and not text.isspace():
                event.accept()  # the key goes to the field as a key press
            elif key in self.SPACE and isinstance(watched, (QAbstractButton, *_EDITABLE)):
                event.accept()  # Space presses the focused button or ticks the box
            elif key in self.MOVES and isinstance(watched, (QAbstractSlider, QAbstractItemView, *_EDITABLE)):
                event.accept()  # the slider, list or field moves
        return False


def guard_single_keys(root: QWidget) -> int:
    """Install the guard on every control under ``root`` that owns plain keys (call it after
    building the face, and again when controls are added). Returns how many it watches."""
    guard = root.findChild(_SingleKeyGuard, "singleKeyGuard")
    if guard is None:
        guard = _SingleKeyGuard(root)
        guard.setObjectName("singleKeyGuard")
    count = 0
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (*_EDITABLE, QAbstractButton, QAbstractSlider, QAbstractItemView)) \
                and not widget.property("singleKeyGuarded"):
            widget.installEventFilter(guard)
            widget.setProperty("singleKeyGuarded", True)
            count += 1
    return count


def audit(root: QWidget) -> dict[str, list[Finding]]:
    """All the checks at once: {kind: findings}."""
    return {"unnamed": unnamed_controls(root), "hides-text": labels_hiding_text(root),
            "clipped": clipped_texts(root), "unreachable": unreachable_controls(root)}


def audit_every_tab(root: QWidget, settle, check=None) -> dict[str, list[Finding]]:
    """:func:`audit` (or ``check(root)``, returning findings by kind) on each tab of each tab
    widget under ``root`` in turn (``settle()`` lets the layout catch up after a switch), so a
    face's hidden pages are checked too."""
    from PySide6.QtWidgets import QTabWidget

    check = check or audit
    found: dict[str, list[Finding]] = {}
    seen: set[int] = set()

    def merge(result: dict[str, list[Finding]]) -> None:
        for kind, items in result.items():
            bucket = found.setdefault(kind, [])
            for item in items:
                key = hash((id(item.widget), item.what, item.text))
                if key not in seen:
                    seen.add(key)
                    bucket.append(item)

    settle()
    merge(check(root))
    for tabs in [t for t in root.findChildren(QTabWidget) if t.isVisible() and t.tabBar().isVisible()]:
        first = tabs.currentIndex()
        for index in range(tabs.count()):
            if index != first and tabs.isTabEnabled(index):
                tabs.setCurrentIndex(index)
                settle()
                merge(check(root))
        tabs.setCurrentIndex(first)
    settle()
    return found


__all__ = ["Finding", "INTERACTIVE", "SIZES", "accessible_name", "audit", "audit_every_tab", "clipped_texts",
           "contrast_ratio", "guard_single_keys", "labels_hiding_text", "plain_text", "points_to_pixels", "shown_widgets", "small_texts", "unnamed_controls", "unreachable_controls"]
