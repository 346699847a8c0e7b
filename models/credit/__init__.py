"""The modern Social Credit System: scores, lists, joint punishment and the networks behind them.

One idea per module:

- :mod:`.evidence` — :class:`Evidence` levels and :class:`Claim` (text + sources + level).
- :mod:`.facts` — the 2014 outline, local pilots, platforms and phases, as claims.
- :mod:`.behaviours` — what a citizen does and what the sources say each behaviour does.
- :mod:`.parameters` — every illustrative number, with its reason, adjustable by a teacher.
- :mod:`.effects` — benefits, restrictions, thresholds and a :class:`Standing`.
- :mod:`.lists` — the red list and the three negative lists of Credit China.
- :mod:`.joint` — joint punishment as a network of agencies and restrictions.
- :mod:`.schemes` — the three schemes: ``commercial``, ``pilot`` and ``national``.
- :mod:`.citizen` — a person of a generated household, with the family.
- :mod:`.events` — a year's stream of events: JSON in, or drawn from a seed.
- :mod:`.engine` — :func:`simulate_year`: timeline, list entries, effects, a Trace.
- :mod:`.social` — family and friends, the contested friend rule, unfriending.
- :mod:`.appeal` — the 2,000-character dispute form.
- :mod:`.disagreements` — where the sources disagree, side by side.
- :mod:`.tables` — the sources' tables from ``content/tables``.

Quick start::

    from ermu.models.credit import Citizen, get_scheme, simulate_year
    get_scheme("commercial").standing(700).to_json()
    year = simulate_year(Citizen.sample(seed=3), "national", seed=3)
    year.trace  # replay in the player
"""

from __future__ import annotations

from .appeal import APPEAL_LIMIT, Appeal, AppealError, count_characters
from .behaviours import BEHAVIOURS, Behaviour, InputCategory, get_behaviour
from .citizen import Citizen, member_id
from .disagreements import DISAGREEMENTS, Disagreement
from .effects import Category, Comparison, Effect, FallsOn, Granted, Kind, Standing, Threshold
from .engine import CreditYear, Membership, MonthRecord, simulate_year
from .events import Event, EventsError, Stream, generate_events, parse_events
from .evidence import Claim, Evidence
from .joint import joint_edges, joint_punishment_edges, joint_punishment_graph
from .lists import LISTS, NEGATIVE_LISTS, CreditList, get_list
from .parameters import DEFAULT_PARAMETERS, CreditParameters, ParameterError
from .schemes import SCHEME_IDS, Scheme, SchemeError, get_scheme, schemes

__all__ = [
    "APPEAL_LIMIT", "BEHAVIOURS", "DEFAULT_PARAMETERS", "DISAGREEMENTS", "LISTS", "NEGATIVE_LISTS",
    "SCHEME_IDS", "Appeal", "AppealError", "Behaviour", "Category", "Citizen", "Claim", "Comparison",
    "CreditList", "CreditParameters", "CreditYear", "Disagreement", "Effect", "Event", "EventsError",
    "Evidence", "FallsOn", "Granted", "InputCategory", "Kind", "Membership", "MonthRecord",
    "ParameterError", "Scheme", "SchemeError", "Standing", "Stream", "Threshold", "count_characters",
    "generate_events", "get_behaviour", "get_list", "get_scheme", "joint_edges", "joint_punishment_edges",
    "joint_punishment_graph", "member_id", "parse_events", "schemes", "simulate_year",
]
