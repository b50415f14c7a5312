"""Benchmarks: each module measures ours against a baseline in the same run and prints ratios."""
