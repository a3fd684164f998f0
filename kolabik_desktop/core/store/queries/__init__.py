"""The read layer: what ui/, cli/ and live/ read from an event, as frozen dataclasses.

Views and commands never import the ORM models (``core.store.models``); they call the functions of
this package, one module per area (``entries``, ``scores``, ``audit``, ...), and get plain,
immutable values back. Writes still go through ``core.store.services``/``core.store.setup`` and
the one writer (``core.store.writer``). ``tests/core/test_layering.py`` enforces the boundary.

The engine's input (``fast_scores``: ``FileRead`` and the scoring model's records) is immutable
too, as named tuples rather than dataclasses: ``kolabik leaderboard`` reads through it and
would otherwise pay for importing ``dataclasses`` (see ``core/scoring/model.py``).
"""
