"""PM Genome: a curated catalog of product management resources."""

__version__ = "0.1.0"
