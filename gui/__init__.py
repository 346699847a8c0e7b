"""Ermu graphical interface (PySide6)."""
