"""A village over the years: offending, reporting, innocents and trust under each regime.

Qt-free. ``parameters`` holds the illustrative knobs, ``village`` the arrays a run reads,
``model`` one vectorised run, ``experiment`` runs across regimes and sweeps (with
processes, progress and cancel), ``card`` the model card, ``questions`` the lesson's
predict-then-run answers.
"""
