"""Ermu content: lessons, quizzes, glossary, bibliography, tables (data only)."""
