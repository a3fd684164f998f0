import sys

if sys.version_info < (3, 12):  # pragma: no branch
    import ctypes

    # PySide6 6.12 SignalInstance.emit() returns True without a new reference, so every emit from
    # Python drops one reference to True and the app aborts ("bool_dealloc") after some thousand
    # signals. Python 3.12+ makes True immortal; here it gets references it can never run out of.
    ctypes.c_ssize_t.from_address(id(True)).value += 1 << 40
