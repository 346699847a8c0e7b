"""The home page: the regimes of the sources at a glance."""
