"""Writing a command's results: escaped for a terminal, and a reader that goes away is not success.

`pmgenome validate | head -1` closes the pipe after one line. Python then raises BrokenPipeError
on the next write (and again when it flushes stdout at exit, printing "Exception ignored"). The
command must still exit with its own code: an invalid catalog is exit 1 however its output is read.
"""

from __future__ import annotations

import os
import sys

from pmgenome.text.escape import terminal_line


def silence_stdout() -> None:
    """Point stdout at /dev/null, so neither later writes nor the flush at exit fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real stdout (a test's capture): nothing is left to flush
        pass


def write_stdout(text: str) -> bool:
    """Write `text` (already escaped for its format) to stdout and flush it. False when the reader
    has gone: stdout is silenced and the caller goes on to return its own exit code."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        return False
    return True


def tell(line: str) -> None:
    """One line for the person at the terminal, on stderr: escaped, since it may quote a URL,
    a file name or what a page said."""
    try:
        print(terminal_line(line), file=sys.stderr)
    except (BrokenPipeError, ValueError):  # stderr closed too: nobody is left to tell
        pass
