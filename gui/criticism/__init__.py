"""The criticism face: sit in a criticism and self-criticism session as one of its members.

Mount :class:`CriticismView`; call ``open_preset({...})`` with a lesson's preset; listen
to ``open_lesson(str)`` and ``open_credit()``.
"""

from .view import CriticismView

__all__ = ["CriticismView"]
