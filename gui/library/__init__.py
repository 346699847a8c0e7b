"""The teachers' library window: saved scenarios and the lessons' built-in examples.

Import :class:`LibraryView` from ``gui.library.library_view`` when the library is opened;
the database layer loads with the :class:`~ermu.models.storage.library.Library` passed in.
"""
