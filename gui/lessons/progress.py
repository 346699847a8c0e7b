"""Progress: which lessons a learner opened and finished, and the answers given.

Kept in an INI file (``config_dir()/progress.ini``) as plain strings and integers, never
pickled objects, so a teacher can read or delete it by hand.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from ermu.models.paths import config_dir

_KEEP = ("display",)  # groups a reset leaves alone (text size is a preference, not progress)


class Progress:
    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or QSettings(str(config_dir() / "progress.ini"), QSettings.Format.IniFormat)

    # -- lessons -------------------------------------------------------------------------
    def mark_visited(self, lesson_id: str) -> None:
        self.settings.setValue(f"visited/{lesson_id}", 1)
        self.settings.setValue("display/last_lesson", lesson_id)

    def visited(self, lesson_id: str) -> bool:
        return self._int(f"visited/{lesson_id}") == 1

    def last_lesson(self) -> str:
        return str(self.settings.value("display/last_lesson", "") or "")

    def completed(self, lesson_id: str, question_count: int) -> bool:
        """A lesson is done when it was opened and every question was answered right."""
        if not self.visited(lesson_id):
            return False
        return all(self.correct(lesson_id, i) for i in range(question_count))

    # -- answers -------------------------------------------------------------------------
    def save_answer(self, lesson_id: str, index: int, answer: str, correct: bool) -> None:
        self.settings.setValue(f"answers/{lesson_id}/{index}", str(answer))
        self.settings.setValue(f"correct/{lesson_id}/{index}", 1 if correct else 0)

    def answer(self, lesson_id: str, index: int) -> str | None:
        value = self.settings.value(f"answers/{lesson_id}/{index}")
        return None if value is None else str(value)

    def correct(self, lesson_id: str, index: int) -> bool:
        return self._int(f"correct/{lesson_id}/{index}") == 1

    def mark_revealed(self, lesson_id: str, index: int) -> None:
        self.settings.setValue(f"revealed/{lesson_id}/{index}", 1)

    def revealed(self, lesson_id: str, index: int) -> bool:
        return self._int(f"revealed/{lesson_id}/{index}") == 1

    # -- display -------------------------------------------------------------------------
    def text_step(self) -> int:
        return self._int("display/text_step")

    def set_text_step(self, step: int) -> None:
        self.settings.setValue("display/text_step", int(step))

    def reset(self) -> None:
        """Forget every lesson opened and every answer; keep display preferences."""
        for group in self.settings.childGroups():
            if group not in _KEEP:
                self.settings.remove(group)
        self.settings.remove("display/last_lesson")
        self.settings.sync()

    def sync(self) -> None:
        self.settings.sync()

    def _int(self, key: str) -> int:
        try:
            return int(self.settings.value(key, 0) or 0)
        except (TypeError, ValueError):
            return 0
