"""The live link's unsent-changes queue of a juror kit: the triggers that fill it.

Every save in a kit enqueues the saved cell in the same transaction, whatever code wrote it
(window, CLI, update-kit): the queue cannot miss a save, and survives a crash with the save.

The triggers exist in kits only (kits are always SQLite files). A chair's event never queues, and
a trigger on the score table costs every inserted row (about 6 us even when its WHEN is false:
three quarters of a second on a national workbook of 124,000 scores), so an event file has none:
migration 0007 drops them from event files, and a file becomes a kit with ``add_triggers``
(kit cutting, ``create_event_file(kind="kit")``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# The WHEN stays: a kit promoted or copied into an event by hand never queues.
_IN_KIT = "(SELECT kind FROM event LIMIT 1) = 'kit'"
_VALUES = {
    "score": "'score', NEW.id, 0, 0",
    "comment": "'comment', NEW.juror_id, NEW.entry_id, NEW.stage_id",
    "submission": "'submission', NEW.juror_id, NEW.stage_id, 0",
}
NAMES = tuple(f"live_outbox_{t}_{w}" for t in _VALUES for w in ("insert", "update"))


def create_statements() -> list[str]:
    return [
        f"CREATE TRIGGER IF NOT EXISTS live_outbox_{table}_{when.lower()} AFTER {when} ON {table} "
        f"WHEN {_IN_KIT} BEGIN "
        "INSERT INTO live_outbox (kind, key_a, key_b, key_c, queued_at) "
        f"VALUES ({values}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END"
        for table, values in _VALUES.items()
        for when in ("INSERT", "UPDATE")
    ]


def drop_statements() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name}" for name in NAMES]


def add_triggers(execute: Callable[[str], Any]) -> None:
    """Create the queue's triggers in a kit file (``execute`` runs one SQL statement)."""
    for statement in create_statements():
        execute(statement)
