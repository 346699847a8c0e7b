"""The lesson browser: the lesson path, the lesson page, and the check questions."""
