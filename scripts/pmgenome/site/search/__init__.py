"""Finding things on the site: the Pagefind search index and Explore's compact facet index.

records.py says what one page contributes to the search index, pagefind.py runs the indexer
over those records after the build, and explore.py writes the small files the Explore page
filters with. The header's search box and the Explore page read them from the built folder
only, so search works with no network.
"""
