"""Files the tools keep between runs: written atomically, stamped in UTC."""
