"""The Social Credit System face: a citizen's score card, a year played month by month,
the Credit China lists, joint punishment, the social graph, the appeal form, and where the
sources disagree. Every rule and number comes from :mod:`ermu.models.credit`."""

from .credit_view import CreditView

__all__ = ["CreditView"]
