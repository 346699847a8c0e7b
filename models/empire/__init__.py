"""The registered empire of 1461, grouped under a regime and drawn at any zoom.

``Empire.build(counties, regime)`` makes the 7,133,995 households of 64,854.5 li spread
over 887 or 1,159 counties; :mod:`.numbers` gives the figures that make the point and
plays an incident anywhere; :mod:`.view` gives the face what to draw at each zoom.
"""

from __future__ import annotations

from .model import DEFAULT_SEED, Empire, EmpireError, check_counties
from .registers import COUNTY_CHOICES, HOUSEHOLDS_1461, LI_1461, Figure, Status

__all__ = ["COUNTY_CHOICES", "DEFAULT_SEED", "HOUSEHOLDS_1461", "LI_1461", "Empire", "EmpireError", "Figure",
           "Status", "check_counties"]
