"""What a user can read in a window: every visible text of a widget tree, menus included.

Used by test_indonesian_walk: it walks widgets, not source files, so it also catches texts that
never went through tr() (Qt's own, f-strings, core's words).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from html import unescape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

ROOT = Path(__file__).resolve().parents[2]
ID_SOURCES = ROOT / "resources" / "translations" / "id"
_PLACEHOLDER = re.compile(r"%L?\d|%n|\{[a-z_0-9]*(?::[^}]*)?\}")
_TAG = re.compile(r"<[^>]+>")
# How the window joins words of its own: "BU-01 · title", "name — file (role) — program".
_SEPARATORS = re.compile(r" · | — |: ")


def _core_wordings() -> list[str]:
    """core/scoring/problem_text.py's Indonesian wordings (problems, findings, errors): the
    window shows them through ui/problems.py."""
    from kolabik_desktop.core.scoring import problem_text as pt

    tables = (pt.TEXTS, pt.FINDING_TEXTS, pt.PLACE_TEXTS, pt.REASON_TEXTS)
    return [texts["id"] for table in tables for texts in table.values()]


def translation_patterns() -> list[re.Pattern[str]]:
    """Every finished Indonesian translation as a pattern (placeholders match any text), and
    core's Indonesian wordings of problems and errors."""
    out = []
    for text in _core_wordings():
        pieces = _PLACEHOLDER.split(text)
        if any(re.search(r"[^\W\d_]", p) for p in pieces):
            out.append(re.compile(".*?".join(re.escape(p) for p in pieces), re.S))
    for ts in sorted(ID_SOURCES.glob("*.ts")):
        for message in ET.parse(ts).getroot().iter("message"):
            text = message.findtext("translation") or ""
            for part in re.split(r"\n|;;", _plain(text)):
                # Qt's "Show " + a column name: a translation ending in a blank takes a word.
                part = part.strip() + (" %1" if part.endswith(" ") and part.strip() else "")
                pieces = _PLACEHOLDER.split(part)
                # A translation that is only placeholders ("%1") would pass any text.
                if any(re.search(r"[^\W\d_]", p) for p in pieces):
                    out.append(re.compile(".*?".join(re.escape(p) for p in pieces), re.S))
    return out


def _plain(text: str) -> str:
    """Rich text as the eye reads it: tags dropped, entities decoded, mnemonics removed."""
    text = re.sub(r"<br\s*/?>|</p>|</li>|</h\d>", "\n", text)
    return unescape(_TAG.sub("", text)).replace("&&", "\0").replace("&", "").replace("\0", "&")


def texts_of(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a user can see in ``top`` and the menus it offers."""
    yield from _widget_texts(top, type(top).__name__)
    for w in top.findChildren(QWidget):
        if not w.isVisibleTo(top) and not isinstance(w, QMenu):
            continue
        yield from _widget_texts(w, f"{type(top).__name__}/{type(w).__name__}")
    for action in top.findChildren(QAction):
        yield from _action_texts(action, type(top).__name__)


def _widget_texts(w: QWidget, where: str) -> Iterator[tuple[str, str]]:
    if w.isWindow() or isinstance(w, QDockWidget):
        yield where + ":title", w.windowTitle()
    if isinstance(w, (QLabel, QAbstractButton)):
        yield where, w.text()
    elif isinstance(w, QGroupBox):
        yield where, w.title()
    elif isinstance(w, QTabBar):
        for i in range(w.count()):
            yield where + ":tab", w.tabText(i)
    elif isinstance(w, QComboBox):
        for i in range(w.count()):
            yield where + ":item", w.itemText(i)
    elif isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)):
        yield where + ":placeholder", w.placeholderText()
    elif isinstance(w, QMenu):
        yield where + ":menu", w.title()
    elif isinstance(w, QHeaderView) and w.orientation() == Qt.Orientation.Horizontal:
        model = w.model()
        for c in range(w.count()):
            if model is not None and not w.isSectionHidden(c):
                yield where, str(model.headerData(c, Qt.Orientation.Horizontal) or "")
    tip = w.toolTip()
    if tip:
        yield where + ":tooltip", tip


def _action_texts(action: QAction, where: str) -> Iterator[tuple[str, str]]:
    if action.isSeparator():
        return
    yield where + ":action", action.text()
    # Qt's own tooltip of an action is its text without "&" and "…": no new words.
    if action.toolTip() and action.toolTip() != action.text().replace("&", "").rstrip("…"):
        yield where + ":action-tip", action.toolTip()


def untranslated(
    found: Iterable[tuple[str, str]], patterns: list[re.Pattern[str]], data: set[str]
) -> list[str]:
    """The texts that are neither a translation, nor the event's own data, nor mere numbers."""
    bad = set()
    by_length = sorted(data, key=len, reverse=True)
    for where, text in found:
        for line in _plain(text).split("\n"):
            if not _readable_as_is(line, patterns, by_length):
                bad.add(f"{where}: {line.strip()!r}")
    return sorted(bad)


def _readable_as_is(line: str, patterns: list[re.Pattern[str]], data: list[str]) -> bool:
    if _known(line.strip(), patterns):
        return True
    for word in data:  # the event's own words (longest first), shown as typed
        if word in line:
            line = line.replace(word, "\x01")
    return all(
        _known(piece.replace("\x01", " ").strip(" ()[]\"'.,;:•"), patterns)
        for piece in _SEPARATORS.split(line)
    )


def _known(text: str, patterns: list[re.Pattern[str]]) -> bool:
    return not text or _is_neutral(text) or any(p.fullmatch(text) for p in patterns)


def _is_neutral(text: str) -> bool:
    """Numbers, codes and symbols read the same in every language."""
    return (
        re.fullmatch(
            r"[\W\d_]*|[A-Z]{1,3}\d*|[A-Z]+-\d+|[A-Z0-9]{2,}(-[A-Z0-9]{2,})+|Ctrl\+.*|F\d+", text
        )
        is not None
    )
