import sys

if sys.version_info < (3, 12):  # pragma: no branch
    import ctypes

    # PySide6 6.12 returns None from every void method (setText, update, processEvents, ...) and
    # True from Signal.emit() without a new reference, so each call drops one reference and the
    # app aborts ("none_dealloc", "bool_dealloc") after some ten thousand calls. Python 3.12+
    # makes these singletons immortal; here they get references they can never run out of.
    for _singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(_singleton)).value += 1 << 40
