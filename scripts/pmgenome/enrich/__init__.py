"""Enrichment: fetching a page, reading what it says about itself, the store, and drafting new entries."""
