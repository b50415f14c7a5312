"""Options of the `pmgenome` MkDocs plugin (mkdocs.yml: plugins: - pmgenome: ...)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from pmgenome.site.context import SiteSettings


class CatalogPluginConfig(base.Config):
    # Relative paths are taken from the folder holding mkdocs.yml, not the working directory.
    catalog_dir = c.Type(str, default="catalog")
    catalog_top = c.Type(int, default=SiteSettings.top_n)
    catalog_recent = c.Type(int, default=SiteSettings.recent)
    catalog_feed_size = c.Type(int, default=SiteSettings.feed_size)
    catalog_enrichment = c.Type(bool, default=True)
    # The link check's results (a JSON file, see site/linkresults.py); empty: pages show no link status.
    catalog_link_results = c.Type(str, default="")
    # The GitHub repository (https://github.com/OWNER/NAME) whose issue form takes survey answers;
    # empty: mkdocs.yml's repo_url if any, else path/ offers no survey link.
    catalog_survey_repo = c.Type(str, default="")
