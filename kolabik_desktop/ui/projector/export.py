"""Board export: the board as a PNG at projector resolution (for the committee's chat group).

The image is painted by the projector's own canvas, so it shows exactly what the hall would see
in full mode (or without scores when the projector is showing ranks only).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage, QPainter

from kolabik_desktop.ui.projector.canvas import BoardCanvas
from kolabik_desktop.ui.projector.state import RANKS

if TYPE_CHECKING:
    from kolabik_desktop.ui.projector.controller import ProjectorController

EXPORT_SIZE = (1920, 1080)


def render_board_image(
    controller: ProjectorController, size: tuple[int, int] = EXPORT_SIZE
) -> QImage:
    """The controller's board (its ranking, category and top N) as an image, no animation."""
    canvas = BoardCanvas()
    lines = controller.current_lines(show_scores=controller.mode != RANKS)
    canvas.show_board(
        controller.board_title(),
        controller.event_name,
        lines,
        max(controller.top_n, len(lines)),
        animate=False,
        mark_new=False,
    )
    width, height = size
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    canvas.paint(painter, width, height)
    painter.end()
    return image


def export_board_png(
    controller: ProjectorController, path: str | Path, size: tuple[int, int] = EXPORT_SIZE
) -> Path:
    """Write the PNG (the atomic write); a file that cannot be written raises the atomic write's
    coded KolabikError, which the window words in its language (ui/problems.py error_text)."""
    target = Path(path)
    if target.suffix.lower() != ".png":
        target = target.with_suffix(".png")
    from kolabik_desktop.core.files import replacing

    with replacing(target, "image") as tmp:
        # PySide6's stub types ``format`` as bytes, but the binding takes only a str.
        image = render_board_image(controller, size)
        if not image.save(str(tmp), "PNG"):  # type: ignore[call-overload]
            raise OSError(f"{target}: the image could not be written (is the folder writable?)")
    return target
