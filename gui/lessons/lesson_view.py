"""LessonView: the lesson path beside the lesson page, with its check questions.

The page shows a lesson's Markdown after ``markup.render`` (numbered footnotes and a
Sources section); links go only where ``LessonBrowser`` allows. "Try it" asks the main
window to open the lesson's preset; progress and answers live in ``Progress``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QTabWidget,
                               QVBoxLayout, QWidget)

from ermu.models.content import Lesson, bibliography, glossary, lessons
from ermu.models.provenance import numbers_in, provenance_for

from ermu.models.i18n import N_, _

from ..face import Face
from ..style import CINNABAR, INK, MIST, PAPER, SLATE, relative_size
from .lesson_browser import LessonBrowser
from .lesson_path import LessonPath, years_of
from .markup import RenderedLesson, render
from .note_panel import NotePanel
from .progress import Progress
from .quiz_panel import QuizPanel
from .text_size import TextSizer

TAB_STYLE = f"""
QTabWidget#lessonTabs::pane {{ border: 1px solid #e0d9c9; background: white; top: -1px; }}
QTabWidget#lessonTabs > QTabBar::tab {{
    background: transparent; color: {SLATE}; padding: 7px 16px; margin-right: 4px;
    border: none; border-bottom: 3px solid transparent;
}}
QTabWidget#lessonTabs > QTabBar::tab:selected {{ color: {INK}; border-bottom: 3px solid {CINNABAR}; }}
QTabWidget#lessonTabs > QTabBar::tab:hover {{ color: {INK}; }}
QTabWidget#lessonTabs > QTabBar::tab:focus {{ background: {MIST}; }}
QTabWidget#lessonTabs QScrollArea, QWidget#quizHost {{ background: {PAPER}; }}
"""

VIEW_NAMES = {"sandbox": N_("Try it in the sandbox ▶"), "criticism": N_("Try it in the criticism session ▶"),
              "credit": N_("Try it in the social credit view ▶"), "charts": N_("Try it in the charts ▶"),
              "years": N_("Try it in the Years view ▶"), "empire": N_("Try it in the empire view ▶")}


class LessonView(Face):
    page_id = "lessons"

    def __init__(self, state, parent: QWidget | None = None, progress: Progress | None = None) -> None:
        super().__init__(state, parent)
        self.setAccessibleName(_("Lessons"))
        self.lessons: tuple[Lesson, ...] = lessons()
        self.progress = progress or Progress()
        self.current: Lesson | None = None
        self.rendered: RenderedLesson | None = None
        self.last_status = ""
        self._build()
        self.sizer = TextSizer(self.progress, (self.browser, self.quiz, self.note), self)
        self._shortcuts()
        start = self.progress.last_lesson()
        self.open_lesson(start if start in self.lesson_ids() else self.lessons[0].id)

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.path = LessonPath(self.lessons)
        kiosk = self.state.kiosk
        # narrower on a small screen, so the buttons keep their text; wider on a kiosk, whose
        # 16 pt titles and 44 px scroll bar need the room (the years then go above each title)
        self.path.setMinimumWidth(300 if kiosk else 220)
        self.path.setMaximumWidth(380 if kiosk else 316)
        self.path.lesson_chosen.connect(self.open_lesson)
        outer.addWidget(self.path)
        column = QVBoxLayout()
        column.setContentsMargins(22, 14, 22, 12)
        column.setSpacing(10)
        outer.addLayout(column, 1)

        top = QHBoxLayout()
        self.place = QLabel()
        self.place.setObjectName("muted")
        self.place.setStyleSheet(f"font-size: {relative_size(0.86)}; letter-spacing: 1px;")
        top.addWidget(self.place, 1)
        self.smaller_button = self._button("A−", _("Make the text smaller (Ctrl+minus)"), top)
        self.normal_button = self._button("A", _("Reset the text size (Ctrl+0)"), top)
        self.larger_button = self._button("A+", _("Make the text larger (Ctrl+plus)"), top)
        column.addLayout(top)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("lessonTabs")
        self.tabs.setAccessibleName(_("Lesson and questions"))
        self.tabs.setStyleSheet(TAB_STYLE)
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        self.browser = LessonBrowser(tooltips=not kiosk)
        self.browser.setFrameShape(QFrame.Shape.NoFrame)
        self.browser.link_requested.connect(self._on_link)
        self.browser.link_focused.connect(self._on_link_focused)
        self.browser.link_refused.connect(self._on_link_refused)
        self.note = NotePanel(touch=kiosk)
        page_layout.addWidget(self.browser, 1)
        note_row = QHBoxLayout()
        note_row.setContentsMargins(12, 0, 12, 12)
        note_row.addWidget(self.note)
        page_layout.addLayout(note_row)
        self.tabs.addTab(page, _("Lesson"))
        self.quiz = QuizPanel(self.progress)
        self.quiz.open_preset_requested.connect(lambda preset: self.request("open_preset", preset))
        self.quiz.progress_changed.connect(self._refresh_path)
        self.tabs.addTab(self.quiz, _("Check your understanding"))
        column.addWidget(self.tabs, 1)

        bottom = QHBoxLayout()
        self.previous_button = self._button(_("◀ Previous"), _("Previous lesson"), bottom)
        self.next_button = self._button(_("Next ▶"), _("Next lesson"), bottom)
        bottom.addStretch(1)
        self.reset_button = self._button(_("Reset my progress…"), _("Reset my progress in every lesson"), bottom)
        self.try_button = self._button(_("Try it ▶"), _("Try this lesson's example"), bottom)
        self.try_button.setObjectName("primary")
        column.addLayout(bottom)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(+1))
        self.try_button.clicked.connect(self.try_it)
        self.reset_button.clicked.connect(self.confirm_reset)
        self.smaller_button.clicked.connect(lambda: self.sizer.change(-1))
        self.larger_button.clicked.connect(lambda: self.sizer.change(+1))
        self.normal_button.clicked.connect(lambda: self.sizer.set_step(0))

    @staticmethod
    def _button(text: str, name: str, layout: QHBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setToolTip(name)
        layout.addWidget(button)
        return button

    def _shortcuts(self) -> None:
        keys = ((QKeySequence.StandardKey.ZoomIn, lambda: self.sizer.change(+1), _("Larger text")),
                (QKeySequence("Ctrl+="), lambda: self.sizer.change(+1), _("Larger text")),
                (QKeySequence.StandardKey.ZoomOut, lambda: self.sizer.change(-1), _("Smaller text")),
                (QKeySequence("Ctrl+0"), lambda: self.sizer.set_step(0), _("Text back to its normal size")),
                (QKeySequence("Alt+Right"), lambda: self.step(+1), _("Next lesson")),
                (QKeySequence("Alt+Left"), lambda: self.step(-1), _("Previous lesson")))
        for key, slot, what in keys:
            shortcut = QShortcut(key, self)
            shortcut.setWhatsThis(what)  # the keyboard help (F1) lists it
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def keyboard_help(self) -> list[tuple[str, str]]:
        """Keys no widget carries as a shortcut (for the F1 help)."""
        return [("Tab / Shift+Tab", _("In the lesson text: the next or previous footnote or glossary term; "
                                      "its note appears below and is read aloud")),
                ("Return", _("In the lesson text: open the footnote or term that has focus")),
                ("Alt+Up / Alt+Down", _("In an order question: move the selected item"))]

    # -- lessons -------------------------------------------------------------------------
    def lesson_ids(self) -> list[str]:
        return [lesson.id for lesson in self.lessons]

    def open_lesson(self, lesson_id: str) -> None:
        ids = self.lesson_ids()
        if lesson_id not in ids:
            raise ValueError(f"unknown lesson {lesson_id!r}: use one of {', '.join(ids)}")
        lesson = self.lessons[ids.index(lesson_id)]
        if self.current is not None and self.current.id == lesson.id:
            return
        self.current = lesson
        self.rendered = render(lesson)
        self.browser.show_markdown(lesson.id, lesson.title, self.rendered.markdown)
        self.note.clear_note()
        self.quiz.show_lesson(lesson)
        self.sizer.apply()
        self.path.select(lesson.id)
        self.progress.mark_visited(lesson.id)
        self._refresh_path()
        self._show_place(lesson)
        self.tabs.setCurrentIndex(0)

    def _show_place(self, lesson: Lesson) -> None:
        """The lesson's place, its neighbours and its example, in the current language."""
        ids = self.lesson_ids()
        row = ids.index(lesson.id)
        self.place.setText(_("{era}  ·  {years}  ·  LESSON {n} OF {total}").format(
            era=lesson.era.upper(), years=years_of(lesson), n=row + 1, total=len(ids)))
        self.previous_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < len(ids) - 1)
        self.previous_button.setToolTip(_("Previous: {title}").format(title=self.lessons[row - 1].title)
                                        if row > 0 else "")
        self.next_button.setToolTip(_("Next: {title}").format(title=self.lessons[row + 1].title)
                                    if row < len(ids) - 1 else "")
        view = lesson.preset.view if lesson.preset else ""
        self.try_button.setEnabled(bool(lesson.preset))
        self.try_button.setText(_(VIEW_NAMES[view]) if view in VIEW_NAMES else _("Try it ▶"))
        self.try_button.setAccessibleName(self.try_button.text().rstrip(" ▶") if view
                                          else _("Try it: this lesson has no example to open"))
        self.tabs.setTabText(1, _("Check your understanding ({n})").format(n=len(lesson.questions)))

    def retranslate(self) -> None:
        """The lesson's frame and the renderer's words again; the lesson, the tab and the answers stay."""
        if self.current is None:
            return
        tab = self.tabs.currentIndex()
        self._show_place(self.current)
        self.rendered = render(self.current)
        self.browser.show_markdown(self.current.id, self.current.title, self.rendered.markdown)
        self.sizer.apply()
        self._refresh_path()
        retranslate_quiz = getattr(self.quiz, "retranslate", None)
        if callable(retranslate_quiz):
            retranslate_quiz()
        self.note.retranslate()
        self.tabs.setCurrentIndex(tab)

    def step(self, delta: int) -> None:
        ids = self.lesson_ids()
        row = ids.index(self.current.id) + delta if self.current else 0
        if 0 <= row < len(ids):
            self.open_lesson(ids[row])

    def try_it(self) -> None:
        if self.current is not None and self.current.preset:
            self.request("open_preset", self.current.preset)

    def _refresh_path(self, *_: object) -> None:
        for lesson in self.lessons:
            if self.progress.completed(lesson.id, len(lesson.questions)):
                state = "done"
            elif self.progress.visited(lesson.id):
                state = "opened"
            else:
                state = "new"
            self.path.set_state(lesson.id, state)
        self.progress.sync()

    # -- links ---------------------------------------------------------------------------
    def _on_link(self, scheme: str, target: str) -> None:
        if scheme == "lesson":
            if target in self.lesson_ids():
                self.open_lesson(target)
            else:
                self.say(_("There is no lesson “{target}” to open.").format(target=target))
        elif scheme in ("glossary", "source"):
            self._on_link_focused(scheme, target)
        elif scheme == "sandbox":
            self.try_it() if self.current and self.current.preset else self.say(_("This lesson has no example to open."))

    def _on_link_focused(self, scheme: str, target: str) -> None:
        if scheme == "glossary":
            self.note.show_term(glossary().get(target), target)
        elif scheme == "source":
            key, _sep, number = target.partition("#")
            note = self.rendered.footnote(int(number)) if self.rendered and number.isdigit() else None
            page = note.locator if note else ""
            self.note.show_source(note.number if note else None, bibliography().get(key), key, page,
                                  self._quotations(key, page))

    def _quotations(self, key: str, page: str) -> tuple[str, ...]:
        """What the seed text says, from the provenance register, for this lesson's numbers."""
        values = tuple(numbers_in(self.current.body)) if self.current else ()
        found = provenance_for(key, page, values=values) if values else ()
        if not found and page:
            found = provenance_for(key, page)
        return tuple(dict.fromkeys(f.locator for f in found))[:3]

    def _on_link_refused(self, url: str) -> None:
        self.say(_("Ermu does not open “{url}”: lessons link only to lessons, glossary terms, sources and the "
                   "sandbox.").format(url=url))

    def say(self, message: object) -> None:
        self.last_status = str(message)
        super().say(message)

    def reset(self) -> None:
        """The first lesson, the lesson tab, the first state (progress is the kiosk's to keep or not)."""
        self.sizer.set_step(self.progress.text_step())  # a kiosk's next visitor: the normal size again
        self.open_lesson(self.lessons[0].id)

    # -- progress ------------------------------------------------------------------------
    def confirm_reset(self) -> None:
        answer = QMessageBox.question(
            self, _("Reset my progress"),
            _("Forget every lesson you opened and every answer you gave? This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.reset_progress()

    def reset_progress(self) -> None:
        self.progress.reset()
        lesson, self.current = self.current, None
        self.open_lesson(lesson.id if lesson else self.lessons[0].id)
        self.say(_("Your progress was reset."))
