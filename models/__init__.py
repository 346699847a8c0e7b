"""Ermu domain models: pure Python, never imports Qt."""
