"""Keep None, True and False alive under PySide6 6.12 on Python 3.11.

PySide6 6.12.0 built for Python 3.11 returns `None` (and sometimes a bool) from C++ methods
without taking a reference, so every `QPainter.setPen`, `QTextCursor.mergeCharFormat` and the like
drops one reference to None. A window that paints for a few minutes drives None's count to zero and
the interpreter aborts ("none_dealloc: deallocating None"). From Python 3.12 these objects are
immortal (PEP 683) and the fault is harmless; before that we give them the same effective
immortality by adding a very large count once, at start-up.
"""

from __future__ import annotations

import sys

BALLAST = 1 << 40


def keep_singletons_alive() -> bool:
    """Add a large reference count to None, True and False (CPython < 3.12 only); True if done."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    import ctypes

    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < BALLAST:
            count.value += BALLAST
    return True
