"""What the projector shows, as plain frozen values: the modes, one board row, the jurors'
progress, and ``BoardState`` (everything the hall sees at one moment, for the live web board).

No Qt at run time: a web page (``kolabik_desktop.live``) can be fed from these values alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kolabik_desktop.ui.presentation import PresentingInfo

FULL, RANKS, PROGRESS, REVEAL, PRESENTING = "full", "ranks", "progress", "reveal", "presenting"
MODES = (FULL, RANKS, PROGRESS, REVEAL, PRESENTING)
DEFAULT_TOP_N = 10


@dataclass(frozen=True, slots=True)
class BoardLine:
    """One row as the projector shows it. Hidden values are absent here, not just undrawn."""

    entry_id: int
    slot: int  # 0 = top row
    rank: str
    title: str
    unit: str
    score: str = ""  # "" when scores are hidden
    bar: float | None = None  # 0..1 of the scale; None when scores are hidden
    provisional: bool = False
    new: bool = False


@dataclass(frozen=True)
class JurorProgress:
    name: str
    submitted: bool


@dataclass(frozen=True)
class ProgressInfo:
    stage_name: str
    jurors: tuple[JurorProgress, ...]

    @property
    def submitted(self) -> int:
        return sum(j.submitted for j in self.jurors)


@dataclass(frozen=True)
class BoardState:
    """What the hall sees now: the public, typed view of the projector (``board_state()``).

    It is the picture the projector holds, never more: while the board is frozen it is the
    picture from the moment of freezing (``frozen`` is True and the values do not move), and what
    a mode hides is absent here too. Render it by ``mode``:

    - ``full``: ``title`` (the ranking, and its category), ``subtitle`` (the event's name), then
      ``rows`` top first, each with rank, title, unit, score text (localised, e.g. "87,35"),
      ``bar`` (0..1 of the stage's scale) and ``provisional`` (draw its score amber). ``slots``
      is how many places the board has room for (the places shown, or more when tied). ``note``
      is the amber caption at the header's right (e.g. that amber scores are provisional).
    - ``ranks``: as full, but every row's ``score`` is "" and ``bar`` None.
    - ``reveal``: the places revealed so far are ``rows`` (their ``slot`` is where they stand:
      place 1 is slot 0); ``slots`` places exist, the other ``reveal_hidden`` are drawn as empty
      cards with their number (``placeholders``). The hidden places' names are not here.
    - ``progress``: ``progress`` holds the stage's name and each expected juror's name and
      whether they have submitted; ``rows`` is empty. ``title`` reads "Scoring progress: P2".
    - ``presenting``: ``presenting`` holds the stage's name, the position "13 of 20" (position,
      count), the entry on stage (code, title, unit, category) and the next one, the slot's
      parts (name, minutes) and the clock (``timer``: running, started, elapsed seconds, the
      part running, seconds left in it and in the slot, overtime, colour "normal"/"amber"/
      "red", ``countdown_text()``). ``presenting`` is None (and the board blank) when no
      presentation session exists. ``title`` is the stage's name and the position.
    - ``blank``: no event is open (``mode`` still says which mode the chair has chosen, and
      ``shown`` is "blank").

    ``shown`` is what is actually drawn: "board" (full, ranks, reveal), "progress",
    "presenting" or "blank". ``board``/``category``/``top_n`` are the chair's choices;
    ``open`` says whether the projector window is on a screen.
    """

    mode: str
    shown: str  # "board", "progress", "presenting" or "blank"
    frozen: bool
    open: bool
    title: str
    subtitle: str
    board: str
    category: str | None
    top_n: int
    slots: int
    rows: tuple[BoardLine, ...] = ()
    note: str = ""
    placeholders: bool = False
    reveal_total: int = 0  # reveal: places in the ceremony (revealed + hidden)
    reveal_hidden: int = 0  # reveal: places not yet revealed
    progress: ProgressInfo | None = None
    presenting: PresentingInfo | None = None
