"""The link checker: verdicts, the parallel check, a run, its cache, exclusions, reports, archives."""
