"""The projector: a board for the hall, driven from the chair's laptop.

- ``state``: the modes and the plain values of what is shown (``BoardLine``, ``BoardState``);
- ``canvas``: painting the board (a scene of rectangles and texts; the tests read the same scene);
- ``controller``: mode, freeze, reveal and what is shown; follows the event's change signal;
  ``ProjectorController.board_state()`` is the public view of it (the live web board reads it);
- ``window``: the window on the hall's screen (screens, Esc, the chair's shortcuts);
- ``controls``: the chair's control dock and menu actions, and the ``ProjectorFeature`` of the main window;
- ``export``: the board as a PNG.

The modules import each other in that order only (tests/ui/test_ui_imports.py).
"""

from kolabik_desktop.ui.projector.canvas import (
    AMBER,
    RED,
    TEXT,
    BoardCanvas,
    RectOp,
    TextOp,
)
from kolabik_desktop.ui.projector.controller import ProjectorController, board_lines
from kolabik_desktop.ui.projector.controls import (
    ProjectorControls,
    ProjectorFeature,
    ProjectorPreview,
)
from kolabik_desktop.ui.projector.export import export_board_png, render_board_image
from kolabik_desktop.ui.projector.state import (
    DEFAULT_TOP_N,
    FULL,
    MODES,
    PRESENTING,
    PROGRESS,
    RANKS,
    REVEAL,
    BoardLine,
    BoardState,
    JurorProgress,
    ProgressInfo,
)
from kolabik_desktop.ui.projector.window import ProjectorWindow, pick_screen, saved_screen_name

__all__ = [
    "AMBER",
    "DEFAULT_TOP_N",
    "FULL",
    "MODES",
    "PRESENTING",
    "PROGRESS",
    "RANKS",
    "RED",
    "REVEAL",
    "TEXT",
    "BoardCanvas",
    "BoardLine",
    "BoardState",
    "JurorProgress",
    "ProgressInfo",
    "ProjectorController",
    "ProjectorControls",
    "ProjectorFeature",
    "ProjectorPreview",
    "ProjectorWindow",
    "RectOp",
    "TextOp",
    "board_lines",
    "export_board_png",
    "pick_screen",
    "render_board_image",
    "saved_screen_name",
]
