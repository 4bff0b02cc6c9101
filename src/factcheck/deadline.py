"""How long a run may take: ``--deadline`` seconds from its start, for everything in it.

The engines ask a ``Deadline`` before each article, group or model call and bound each wait by
what is left; what is not done when it passes becomes a problem of its own (the report is
partial, exit 3) instead of holding the run.
"""

from __future__ import annotations

import time

PASSED = "not done: the run's deadline"  # how every problem it causes begins


class Deadline:
    """``seconds`` from now (None: no deadline)."""

    def __init__(self, seconds: float | None = None):
        self.seconds = seconds
        self._end = None if seconds is None else time.monotonic() + seconds

    def remaining(self) -> float | None:
        """Seconds left (never below 0), or None without a deadline."""
        return None if self._end is None else max(0.0, self._end - time.monotonic())

    def passed(self) -> bool:
        return self._end is not None and time.monotonic() >= self._end

    def bound(self, seconds: float) -> float:
        """``seconds``, or what is left of the run when that is less."""
        left = self.remaining()
        return seconds if left is None else min(seconds, left)

    def message(self) -> str:
        return f"{PASSED} of {self.seconds:g} s (--deadline) passed first"


def caused_by_deadline(error: str) -> bool:
    """Whether a problem's error is the deadline's."""
    return error.startswith(PASSED)
