"""LessonBrowser: a QTextBrowser that shows lesson Markdown and follows no link on its own.

Lesson text is content a teacher may replace, so it is untrusted. The browser never opens
a link itself (``setOpenLinks(False)``): every click goes through ``route`` and only the
schemes ``lesson:``, ``glossary:``, ``source:`` and ``sandbox:`` get through. Images load
only from the bundled ``content/images`` folder; every other resource is refused.
"""

from __future__ import annotations

from ermu.models.i18n import _
import logging
import posixpath
from importlib import resources

from PySide6.QtCore import QUrl, Qt, Signal
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from ermu.models.content import ALLOWED_SCHEMES, PACKAGE, glossary

from .page_polish import polish

log = logging.getLogger(__name__)
_Resource = QTextDocument.ResourceType


def content_image(url: QUrl) -> QImage | None:
    """The bundled image a URL names (``images/NAME`` or ``content/images/NAME``), else None."""
    if url.scheme() not in ("", "lesson") or url.host():
        return None
    path = posixpath.normpath(url.path().lstrip("/"))
    folder, _sep, name = path.removeprefix("content/").rpartition("/")
    if folder != "images" or not name or name.startswith("."):
        return None
    item = resources.files(PACKAGE).joinpath("images", name)
    try:
        image = QImage.fromData(item.read_bytes()) if item.is_file() else None
    except OSError:
        return None
    return image if image is not None and not image.isNull() else None


class LessonBrowser(QTextBrowser):
    """The lesson page. It emits what the reader asked for; the view decides what to do."""

    link_requested = Signal(str, str)  # scheme, target (e.g. "glossary", "baojia")
    link_refused = Signal(str)  # the whole URL, for a status message
    link_focused = Signal(str, str)  # scheme, target of the link under the mouse or keyboard focus

    def __init__(self, parent: QWidget | None = None, *, tooltips: bool = True) -> None:
        super().__init__(parent)
        #: Hover tooltips over glossary terms (the desktop); a kiosk explains on a tap instead,
        #: in the note panel, and shows no tooltip window.
        self.tooltips = tooltips
        self.setObjectName("lessonPage")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().setDocumentMargin(24)
        self._markdown: dict[str, str] = {}
        self.anchorClicked.connect(self.route)
        self.highlighted.connect(self._on_highlighted)

    def set_point_size(self, points: float) -> None:
        """The reader's text size (A−, A, A+), as a style sheet: a window's style sheet (the
        kiosk's 16 pt for every widget) would override a font set in code."""
        self.setStyleSheet(f"QTextBrowser#lessonPage {{ font-size: {points:.1f}pt; }}")

    # -- content -------------------------------------------------------------------------
    def show_markdown(self, lesson_id: str, title: str, markdown: str) -> None:
        """Show a lesson as the page ``lesson:ID``; the Markdown is served by loadResource."""
        self._markdown = {lesson_id: markdown}
        self.setAccessibleName(title)
        self.setSource(QUrl(f"lesson:{lesson_id}"), _Resource.MarkdownResource)
        self.clearHistory()
        polish(self.document())

    def loadResource(self, type_: int, url: QUrl):  # noqa: N802 (Qt's name)
        kind = _Resource(type_) if isinstance(type_, int) else type_
        if url.scheme() == "lesson" and kind in (_Resource.MarkdownResource, _Resource.HtmlResource):
            markdown = self._markdown.get(url.path())
            if markdown is not None:
                return markdown
        if kind == _Resource.ImageResource:
            image = content_image(url)
            if image is not None:
                return image
        log.info("refused to load %s resource %s", kind, url.toString())
        return None

    # -- links ---------------------------------------------------------------------------
    @staticmethod
    def split(url: QUrl) -> tuple[str, str] | None:
        """(scheme, target) of an allowed link, else None."""
        scheme = url.scheme()
        if scheme not in ALLOWED_SCHEMES:
            return None
        target = url.path()
        if url.hasFragment():
            target += f"#{url.fragment()}"
        return scheme, target

    def route(self, url: QUrl) -> None:
        allowed = self.split(url)
        if allowed is None:
            self.link_refused.emit(url.toString())
        else:
            self.link_requested.emit(*allowed)

    def _on_highlighted(self, url: QUrl) -> None:
        allowed = self.split(url) if url.isValid() and not url.isEmpty() else None
        if allowed is not None:
            self.link_focused.emit(*allowed)

    def focusNextPrevChild(self, next_: bool) -> bool:  # noqa: N802 (Qt's name)
        moved = super().focusNextPrevChild(next_)
        if moved and self.hasFocus():
            self._show_focused_tooltip()
        return moved

    def _show_focused_tooltip(self) -> None:
        """A keyboard user gets the same tooltip a mouse user gets on hover."""
        cursor = self.textCursor()
        href = cursor.charFormat().anchorHref()
        if not href and cursor.hasSelection():
            probe = self.textCursor()
            probe.setPosition(cursor.selectionStart() + 1)
            href = probe.charFormat().anchorHref()
        allowed = self.split(QUrl(href)) if href else None
        if allowed is None:
            return
        self.link_focused.emit(*allowed)
        tip = self.tooltip_for(*allowed) if self.tooltips else ""
        if tip:
            rect = self.cursorRect(cursor)
            QToolTip.showText(self.viewport().mapToGlobal(rect.bottomLeft()), tip, self.viewport())

    @staticmethod
    def tooltip_for(scheme: str, target: str) -> str:
        if scheme == "glossary":
            term = glossary().get(target)
            return term.tooltip() if term else _("{term}: not in the glossary").format(term=target)
        return ""

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().mouseMoveEvent(event)
        href = self.anchorAt(event.position().toPoint())
        allowed = self.split(QUrl(href)) if href else None
        tip = self.tooltip_for(*allowed) if allowed and self.tooltips else ""
        if tip:
            QToolTip.showText(event.globalPosition().toPoint(), tip, self.viewport())
        elif not href:
            QToolTip.hideText()
