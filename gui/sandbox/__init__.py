"""The sandbox: build a village, see its hierarchy, play an incident, compare regimes.

One document (``document.SandboxDocument``, owned by the app state) holds the village,
the regime, the year, the incident and the illustrative parameters; the builder, the
player and Compare are views of it.
"""
