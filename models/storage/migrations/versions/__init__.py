"""One module per schema revision, oldest first (0001_first_schema is the first)."""
