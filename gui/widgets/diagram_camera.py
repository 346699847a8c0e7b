"""The diagram's camera, its overview inset and its zoom buttons.

The camera moves the view to a rectangle of the scene: smoothly (a ``QVariantAnimation``
over the visible rectangle) or at once when motion is reduced. The overview inset is a
small picture of the whole village with the visible part framed; clicking it moves there.
The zoom buttons (+, −, fit) sit over the view's top-right corner, 44 px for touch.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPointF, QRectF, QSize, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from ermu.models.i18n import _

from ..style import CINNABAR, INK, pixel_size

CAMERA_MS = 450
MIN_SCALE, MAX_SCALE = 0.03, 12.0


def desktop_prefers_reduced_motion() -> bool:
    """The desktop's preference, where Qt exposes it (``QAccessibilityHints.motionPreference``,
    Qt 6.10 and later); older Qt versions have none to offer, and motion stays on."""
    if QGuiApplication.instance() is None:
        return False
    hints = QGuiApplication.styleHints()  # kept in a name: the accessibility hints belong to it
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    preference = getattr(accessibility(), "motionPreference", None)
    reduced = getattr(getattr(Qt, "MotionPreference", None), "ReducedMotion", None)
    return preference is not None and reduced is not None and preference() == reduced


class Camera:
    """Moves a QGraphicsView so a scene rectangle fills the viewport, within scale limits."""

    def __init__(self, view) -> None:
        self.view = view
        self.animation = QVariantAnimation(view)
        self.animation.setDuration(CAMERA_MS)
        self.animation.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self.animation.valueChanged.connect(self._apply)
        self.target: QRectF | None = None

    def visible_rect(self) -> QRectF:
        return self.view.mapToScene(self.view.viewport().rect()).boundingRect()

    def scale_for(self, rect: QRectF) -> float:
        viewport = self.view.viewport().rect()
        if rect.width() <= 0 or rect.height() <= 0 or viewport.width() <= 0:
            return 1.0
        return min(viewport.width() / rect.width(), viewport.height() / rect.height())

    def move_to(self, rect: QRectF, *, animate: bool) -> None:
        self.target = QRectF(rect)
        self.animation.stop()
        if not animate or not self.view.isVisible():
            self._apply(rect)
            return
        self.animation.setStartValue(self.visible_rect())
        self.animation.setEndValue(QRectF(rect))
        self.animation.start()

    def stop(self) -> None:
        self.animation.stop()

    @property
    def moving(self) -> bool:
        return self.animation.state() == QVariantAnimation.State.Running

    def _apply(self, rect) -> None:
        if not isinstance(rect, QRectF) or rect.width() <= 0:
            return
        scale = max(MIN_SCALE, min(MAX_SCALE, self.scale_for(rect)))
        self.view.setTransform(QTransform.fromScale(scale, scale))
        self.view.centerOn(rect.center())
        self.view.camera_moved()


class OverviewInset(QWidget):
    """The whole village small, the visible part framed; a click centres the view there."""

    WIDTH, HEIGHT = 180, 120  # the largest; smaller views get a smaller inset (see resize_for)

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.setFixedSize(self.WIDTH, self.HEIGHT)
        self.setAccessibleName(_("Overview of the whole village"))
        self.setToolTip(_("The whole village; the frame shows what the diagram shows. Click to go there."))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.pixmap: QPixmap | None = None
        self._source = QRectF()
        self._target = QRectF()

    def resize_for(self, width: int, height: int) -> None:
        """About a quarter of the view's width, never more than 180 × 120; hidden when tiny."""
        w = int(min(180, width * 0.26, height * 0.3 * 1.5))
        was_hidden = self.isHidden()
        self.setHidden(w < 90)
        if w >= 90 and (w != self.width() or was_hidden):
            self.setFixedSize(w, int(w / 1.5))
            self.rebuild()

    def rebuild(self) -> None:
        if self.isHidden():
            return  # rebuilt when shown again
        scene = self.view.scene()
        source = QRectF(self.view.content_rect)
        if source.width() <= 0 or source.height() <= 0:
            self.pixmap = None
            return
        ratio = self.devicePixelRatioF()
        width, height = self.width(), self.height()
        pixmap = QPixmap(QSize(int(width * ratio), int(height * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor(255, 255, 255, 235))
        scale = min((width - 8) / source.width(), (height - 8) / source.height())
        w, h = source.width() * scale, source.height() * scale
        target = QRectF((width - w) / 2, (height - h) / 2, w, h)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.set_scrim_visible(False)  # the overview shows the whole village undimmed
        try:
            scene.render(painter, target, source)
        finally:
            self.view.set_scrim_visible(True)
        painter.end()
        self.pixmap, self._source, self._target = pixmap, QRectF(source), target
        self.update()

    def to_scene(self, point: QPointF) -> QPointF:
        t, s = self._target, self._source
        if t.width() <= 0:
            return QPointF()
        return QPointF(s.x() + (point.x() - t.x()) * s.width() / t.width(),
                       s.y() + (point.y() - t.y()) * s.height() / t.height())

    def from_scene(self, rect: QRectF) -> QRectF:
        t, s = self._target, self._source
        if s.width() <= 0:
            return QRectF()
        kx, ky = t.width() / s.width(), t.height() / s.height()
        return QRectF(t.x() + (rect.x() - s.x()) * kx, t.y() + (rect.y() - s.y()) * ky,
                      rect.width() * kx, rect.height() * ky)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setPen(QPen(QColor(INK), 1))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        if self.pixmap is not None:
            painter.drawPixmap(0, 0, self.pixmap)
            frame = self.from_scene(self.view.camera.visible_rect()).intersected(QRectF(self.rect()))
            painter.setPen(QPen(QColor(CINNABAR), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(frame)
        painter.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.view.stop_following()
        self.view.centerOn(self.to_scene(event.position()))
        self.view.camera_moved()
        event.accept()


class ZoomButtons(QWidget):
    """+, − and fit over the diagram's corner; each is a 44 px touch target with a name."""

    def __init__(self, view) -> None:
        super().__init__(view)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.zoom_in = self._button("+", lambda: view.zoom(1.25, user=True))
        self.zoom_out = self._button("−", lambda: view.zoom(0.8, user=True))
        self.fit = self._button("⤢", lambda: view.fit(user=True))
        for button in (self.zoom_in, self.zoom_out, self.fit):
            row.addWidget(button)
        self.retranslate()
        self.adjustSize()

    def _button(self, text: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setFixedSize(44, 44)
        button.setStyleSheet(f"QToolButton {{ font-size: {pixel_size(20)}; background: white; border: 1px solid #52606d; "
                             "border-radius: 6px; } QToolButton:focus { border: 3px solid #1d5fbf; }")
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.clicked.connect(slot)
        return button

    def retranslate(self) -> None:
        for button, name, tip in ((self.zoom_in, _("Zoom in"), _("Zoom in (+)")),
                                  (self.zoom_out, _("Zoom out"), _("Zoom out (−)")),
                                  (self.fit, _("Fit the village"), _("Show the whole village (0)"))):
            button.setAccessibleName(name)
            button.setToolTip(tip)
