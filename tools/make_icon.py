"""Draw the app icon with QPainter: PNGs at every size the platforms ask for, plus .ico and .icns.

A rounded teal square with three rising score bars and a gold check mark over the tallest: a jury's
scores becoming a ranking. Run: ``python tools/make_icon.py`` (writes into resources/icons/).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZE = 1024  # Qt's icns writer builds the smaller members from the largest


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 100.0  # draw on a 100 x 100 grid

    # macOS-style margin, so the icon sits well beside others in a dock or taskbar.
    tile = QRectF(6 * s, 6 * s, 88 * s, 88 * s)
    gradient = QLinearGradient(tile.topLeft(), tile.bottomRight())
    gradient.setColorAt(0.0, QColor("#14918a"))
    gradient.setColorAt(1.0, QColor("#0b4f56"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(gradient)
    p.drawRoundedRect(tile, 20 * s, 20 * s)

    # Three bars, the tallest in the middle like a podium.
    p.setBrush(QColor("#ffffff"))
    radius = 3 * s
    for x, top in ((22, 56), (42, 38), (62, 50)):
        p.drawRoundedRect(QRectF(x * s, top * s, 16 * s, (80 - top) * s), radius, radius)

    # A gold check mark above the winning bar.
    pen = QPen(QColor("#f6c445"))
    pen.setWidthF(max(1.5, 6.5 * s))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    check = QPainterPath(QPointF(39 * s, 24 * s))
    check.lineTo(QPointF(47 * s, 31 * s))
    check.lineTo(QPointF(62 * s, 15 * s))
    p.drawPath(check)
    p.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        path = ICONS / f"kolabik-{size}.png"
        if not draw(size).save(str(path)):
            raise SystemExit(f"could not write {path}")
        print(path.relative_to(ICONS.parents[1]))
    # Qt's ico writer stores one image per call; the 256 px member is what Windows scales from.
    if not draw(256).save(str(ICONS / "kolabik.ico"), "ICO"):
        raise SystemExit("could not write kolabik.ico")
    if not draw(ICNS_SIZE).save(str(ICONS / "kolabik.icns"), "ICNS"):
        raise SystemExit("could not write kolabik.icns")
    print("resources/icons/kolabik.ico, resources/icons/kolabik.icns")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
