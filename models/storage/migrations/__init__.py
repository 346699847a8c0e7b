"""Alembic migrations of the library schema, shipped in the package and run from code."""
