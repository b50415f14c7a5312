"""The `pmgenome` MkDocs plugin: thin glue between MkDocs and the page builders in pages.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from pmgenome.catalog.model import Catalog
from pmgenome.catalog.problems import Problem
from pmgenome.catalog.validate import validate_catalog
from pmgenome.enrich.store import load_store
from pmgenome.site import htmlblocks, offline
from pmgenome.site.config import CatalogPluginConfig
from pmgenome.site.context import SiteContext, SiteSettings, make_context
from pmgenome.site.linkresults import LinkResults, read_link_results
from pmgenome.site.pages import CSS_URIS, JS_URIS, explore_facets, generate
from pmgenome.site.search.index import SearchIndex, SearchIndexError
from pmgenome.site.search.records import PageRecords
from pmgenome.site.today import BuildDateError, build_date
from pmgenome.stores.errors import StoreError
from pmgenome.text.paths import display_path

# Our theme overrides (the header's search box), searched before the theme's own templates.
THEME_DIR = Path(__file__).parent / "theme"


def refusal(root: Path, problems: list[Problem]) -> str:
    """The build error for an invalid catalog: every problem, located, as the validator says it."""
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    lines = [f"pmgenome: the catalog in {display_path(root)} has {count}; the site is not built "
             "(run `pmgenome validate` for details):"]
    return "\n".join(lines + [str(problem) for problem in problems])


class CatalogPlugin(BasePlugin[CatalogPluginConfig]):
    """Reads and validates the catalog, then adds every generated page to the build."""

    def __init__(self) -> None:
        self._catalog: Catalog | None = None
        self._context: SiteContext | None = None
        self._generated: set[str] = set()
        self._blocks: dict[str, list[str]] = {}
        self._records: PageRecords | None = None
        self._search: SearchIndex | None = None

    def catalog_root(self, config: MkDocsConfig) -> Path:
        return (Path(config.config_file_path or ".").parent / self.config.catalog_dir).resolve()

    def link_results(self, config: MkDocsConfig) -> LinkResults | None:
        """The link check's results when the build names a file, refusing a damaged one."""
        if not self.config.catalog_link_results:
            return None
        path = Path(config.config_file_path or ".").parent / self.config.catalog_link_results
        results, problem = read_link_results(path)
        if problem is not None:
            raise PluginError("pmgenome: the link results (catalog_link_results) cannot be used; "
                              f"the site is not built:\n{problem}")
        return results

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = self.catalog_root(config)
        catalog, problems = validate_catalog(root)
        if problems:
            raise PluginError(refusal(root, problems))
        settings = SiteSettings(
            use_directory_urls=config.use_directory_urls,
            site_url=config.site_url or None,
            repo_url=self.config.catalog_survey_repo or config.repo_url or None,
            top_n=self.config.catalog_top,
            recent=self.config.catalog_recent,
            feed_size=self.config.catalog_feed_size,
            site_name=config.site_name,
            site_description=config.site_description or "",
        )
        try:
            enrichment = load_store(root) if self.config.catalog_enrichment else {}
        except StoreError as error:  # damaged: the same located message `pmgenome enrich` gives
            raise PluginError(f"pmgenome: {error}") from None
        try:
            today = build_date()
        except BuildDateError as error:
            raise PluginError(f"pmgenome: {error}; the site is not built") from None
        self._catalog = catalog
        self._context = make_context(catalog, settings, enrichment, today, self.link_results(config))
        self._records = PageRecords.of(self._context.views.values(), explore_facets(catalog), catalog.taxonomy)
        if str(THEME_DIR) not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        for uri in CSS_URIS:
            if uri not in config.extra_css:
                config.extra_css.append(uri)
        for uri in JS_URIS:
            if uri not in [str(script) for script in config.extra_javascript]:
                config.extra_javascript.append(uri)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self._catalog is not None and self._context is not None  # on_config ran first
        taken = files.src_uris
        for page in generate(self._catalog, self._context):
            if page.src_uri in taken:
                raise PluginError(
                    f"pmgenome: {config.docs_dir}/{page.src_uri} has the name of a page the catalog "
                    "generates; rename or remove it")
            # Generated pages stay out of the nav unless mkdocs.yml lists them: MkDocs then
            # neither adds them nor names each one in an "not in nav" message.
            files.append(File.generated(config, page.src_uri, content=page.content,
                                        inclusion=InclusionLevel.NOT_IN_NAV))
            self._generated.add(page.src_uri)
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri not in self._generated:
            return markdown
        markdown, blocks = htmlblocks.set_aside(markdown)
        if blocks:
            self._blocks[page.file.src_uri] = blocks
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        blocks = self._blocks.pop(page.file.src_uri, None)
        return htmlblocks.put_back(html, blocks) if blocks else html

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._close_search()
        self._search = SearchIndex()

    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        assert self._search is not None and self._records is not None  # on_config, on_pre_build ran
        record = self._records.record(page.file.src_uri, page.file.dest_uri, page.title or "",
                                      page.content or "", page.meta)
        if record is not None:
            try:
                self._search.add(record)
            except SearchIndexError as error:
                raise PluginError(str(error)) from error
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self._search is not None
        try:
            self._search.write(Path(config.site_dir), keep_index_url=not config.use_directory_urls)
        except SearchIndexError as error:
            raise PluginError(str(error)) from error
        finally:
            self._close_search()
        # Last: the worker's version is the hash of every other file of the build.
        offline.write_service_worker(Path(config.site_dir), config.use_directory_urls)

    def on_build_error(self, *, error: Exception) -> None:
        self._close_search()

    def _close_search(self) -> None:
        if self._search is not None:
            self._search.close()
            self._search = None

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig,
                 builder: Callable[..., Any]) -> LiveReloadServer:
        server.watch(str(self.catalog_root(config)))
        return server
