"""What can stop a store from being used: one family of exceptions that commands and the site catch.

A store is a file the tools keep between runs (the enrichment store, the link cache). When one
cannot be used, the run must stop before it fetches or writes anything, and say which file, what
is wrong with it and what to do; `str(error)` is that whole message.
"""

from __future__ import annotations


class StoreError(Exception):
    """A store could not be used as asked; the message names the file and the way out."""


class StoreDamaged(StoreError):
    """The store's file is there but cannot be read as a store; it is left untouched."""
