"""The catalog's website: an MkDocs plugin whose pages are built by plain functions (pages.py)."""
