import os
import sys
from pathlib import Path

# GUI tests run offscreen on machines with no display (CI, developers' servers).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
sys.path.insert(0, str(Path(__file__).resolve().parent))
