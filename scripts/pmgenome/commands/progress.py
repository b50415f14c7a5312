"""A one-line progress bar for people at a terminal; silence for logs and CI."""

from __future__ import annotations

import threading
import time
from typing import TextIO


class ProgressBar:
    """Redraws one line on `stream`, at most ten times a second, only when it is a terminal."""

    def __init__(self, stream: TextIO, label: str, width: int = 30) -> None:
        self._stream = stream
        self._label = label
        self._width = width
        self._enabled = bool(getattr(stream, "isatty", lambda: False)())
        self._drawn = 0.0
        self._lock = threading.Lock()

    def update(self, done: int, total: int) -> None:
        if not self._enabled:
            return
        with self._lock:
            now = time.monotonic()
            if done < total and now - self._drawn < 0.1:
                return
            self._drawn = now
            filled = self._width * done // max(total, 1)
            bar = "#" * filled + "." * (self._width - filled)
            self._stream.write(f"\r{self._label} [{bar}] {done}/{total}")
            self._stream.flush()

    def close(self) -> None:
        if self._enabled and self._drawn:
            self._stream.write("\r\x1b[2K")  # erase the bar so the report starts on a clean line
            self._stream.flush()
