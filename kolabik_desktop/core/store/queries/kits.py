"""What the kit-export dialog offers: the stages, the one now being judged, and the jurors."""

from __future__ import annotations

from dataclasses import dataclass

from kolabik_desktop.core.exchange.kits import current_stages
from kolabik_desktop.core.store.queries import people, stages
from kolabik_desktop.core.store.queries._session import Source, reading


@dataclass(frozen=True)
class KitChoices:
    stages: tuple[stages.StageInfo, ...]  # every stage, in order
    current: tuple[str, ...]  # codes of the stage(s) a kit holds by default (kits' rule)
    jurors: tuple[people.JurorInfo, ...]  # by code


def kit_choices(source: Source) -> KitChoices:
    """Read in one session, so the three lists agree."""
    with reading(source) as s:
        return KitChoices(
            stages.stages(s), tuple(st.code for st in current_stages(s)), people.jurors(s)
        )
