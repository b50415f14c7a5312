"""Files the tools keep between runs: read with every damage located, changed by one run at a
time under a lock, written atomically, stamped in UTC."""
