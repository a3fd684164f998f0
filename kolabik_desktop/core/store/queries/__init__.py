"""The read layer: what ui/, cli/ and live/ read from an event, as frozen dataclasses.

Views and commands never import the ORM models (``core.store.models``); they call the functions of
this package, one module per area (``entries``, ``scores``, ``audit``, ...), and get plain,
immutable values back. Writes still go through ``core.store.services``/``core.store.setup`` and
the one writer (``core.store.writer``). ``tests/core/test_layering.py`` enforces the boundary.
"""
