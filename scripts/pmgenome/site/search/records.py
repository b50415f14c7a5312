"""What one page contributes to the search index: a small HTML document written for Pagefind.

Pagefind reads HTML. Rather than hand it our themed pages (whose navigation repeats on every
page), each page gives a short document of its own: a resource page its title (weighted
highest), its skills, summary and facts, with its kind, segments, levels and access as filters
and its kind and levels as metadata for the result; any other page its title and body. Beside
the title and the summary stand the other forms of the field's terms they use (vocabulary.py:
"PMF" beside "product-market fit"), weighted as what they stand beside. The documents
depend on our data and MkDocs' rendered content only, never on the theme, so search survives a
change of theme or engine. Every value is escaped here: titles and summaries are strangers' text.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from pmgenome.catalog.model import Taxonomy
from pmgenome.catalog.usetime import length_text
from pmgenome.site.search.explore import FacetOptions
from pmgenome.site.search.vocabulary import Thesaurus, synonyms
from pmgenome.site.views import EntryView

# Ranking for meaning, all of it here (README's search paragraph says these numbers). Pagefind
# ranks a match by the weight of the element it sits in (0 to 10; body text is 1, an h1 7): an
# entry whose title or skills say what the reader asked for ranks above one that only mentions
# it in its summary, and a summary match above a fact (author, publication, segments).
TITLE_WEIGHT = 10
SKILLS_WEIGHT = 7  # the entry's skills by name and by their aliases ("GTM")
SUMMARY_WEIGHT = 4
FACTS_WEIGHT = 2
SKILLS_FACT = "Skills"  # the label site/views.py gives an entry's skills among its facts
# The Explore facets that are also search filters.
FILTER_FACETS = ("kind", "segment", "level", "access")
# Lists that Material's search skipped carry data-search-exclude, and headings end in a
# permalink sign: Pagefind skips both.
EXCLUDE_SELECTORS = ("[data-search-exclude]", ".headerlink")

Labels = Mapping[str, Mapping[str, str]]  # facet -> value -> the text a result shows for it
NO_TAXONOMY = Taxonomy()  # records built without the vocabulary: no skills, no aliases
NO_THESAURUS = Thesaurus(())


@dataclass(frozen=True)
class Record:
    """One page of the index: where it is in the built site and the document Pagefind reads."""

    dest_uri: str  # MkDocs' output path, e.g. resources/x/index.html
    html: str


def _text(value: object) -> str:
    return html.escape(str(value), quote=True)


def _document(body: str, hidden: Iterable[str] = ()) -> str:
    # data-pagefind-ignore keeps the filter and metadata elements out of the words searched.
    extra = "".join(hidden)
    return (f'<!doctype html><html lang="en"><body><main data-pagefind-body>{body}'
            f'<div data-pagefind-ignore>{extra}</div></main></body></html>\n')


def filter_labels(facets: Iterable[FacetOptions]) -> dict[str, dict[str, str]]:
    """facet -> value -> badge text, from the Explore page's facets, for the facets that are filters."""
    labels: dict[str, dict[str, str]] = {}
    for facet in facets:
        if facet.name in FILTER_FACETS:
            labels[facet.name] = {value: badge for value, _label, badge in facet.options}
    return labels


def _also(forms: list[str], weight: int) -> str:
    # The other forms of the terms the text beside uses, weighted as that text.
    return f'<p data-pagefind-weight="{weight}">{_text(" · ".join(forms))}</p>' if forms else ""


def resource_record(view: EntryView, dest_uri: str, labels: Labels,
                    taxonomy: Taxonomy = NO_TAXONOMY, thesaurus: Thesaurus = NO_THESAURUS) -> Record:
    """A resource page: title, summary, skills and facts, weighted, with the other forms of the
    field's terms they use; its facets as filters."""
    # The skills have their own, heavier paragraph: said once more among the facts they would
    # only grow the index.
    facts = " · ".join(
        ", ".join(text for text, _target in fact.links) if fact.links else fact.value
        for fact in view.facts if fact.label != SKILLS_FACT)
    skills = [form for skill in view.entry.skills if (term := taxonomy.term("skills", skill))
              for form in (term.name, *term.aliases)]
    body = (f'<h1 data-pagefind-weight="{TITLE_WEIGHT}" data-pagefind-meta="title">{_text(view.title)}</h1>'
            f'{_also(thesaurus.other_forms(view.title), TITLE_WEIGHT)}'
            f'<p data-pagefind-weight="{SUMMARY_WEIGHT}">{_text(view.summary)}</p>'
            f'{_also(thesaurus.other_forms(view.summary), SUMMARY_WEIGHT)}'
            f'{_also(skills, SKILLS_WEIGHT)}'
            f'<p data-pagefind-weight="{FACTS_WEIGHT}">{_text(facts)}</p>')
    hidden = []
    for name, shown in labels.items():
        for value in view.facets.get(name, ()):
            if value in shown:
                hidden.append(f'<span data-pagefind-filter="{name}">{_text(shown[value])}</span>')
    kind = labels.get("kind", {}).get(view.kind.value, view.kind.value)
    hidden.append(f'<span data-pagefind-meta="kind">{_text(kind)}</span>')
    levels = [labels.get("level", {}).get(level, level) for level in view.facets.get("level", ())]
    if levels:
        hidden.append(f'<span data-pagefind-meta="level">{_text(", ".join(levels))}</span>')
    if view.time is not None:  # the result shows how long it takes, as the card does
        hidden.append(f'<span data-pagefind-meta="length">{_text(length_text(view.time.minutes))}</span>')
    return Record(dest_uri, _document(body, hidden))


def page_record(title: str, content: str, dest_uri: str) -> Record:
    """Any other page: its title and its rendered body (MkDocs' HTML, already safe)."""
    # Titles may arrive HTML-escaped, even marked up; the plain text is escaped again by _text.
    plain_title = Markup(title).striptags()  # noqa: S704 - read as HTML only to strip its tags
    return Record(dest_uri, _document(content, [f'<span data-pagefind-meta="title">{_text(plain_title)}</span>']))



@dataclass(frozen=True)
class PageRecords:
    """What one build needs to turn its pages into records."""

    resources: Mapping[str, EntryView]  # a resource page's src_uri -> its entry's view
    labels: Labels
    taxonomy: Taxonomy = NO_TAXONOMY
    thesaurus: Thesaurus = NO_THESAURUS

    @classmethod
    def of(cls, views: Iterable[EntryView], facets: Iterable[FacetOptions],
           taxonomy: Taxonomy = NO_TAXONOMY) -> PageRecords:
        return cls({view.src_uri: view for view in views}, filter_labels(facets), taxonomy,
                   Thesaurus(synonyms(taxonomy)))

    def record(self, src_uri: str, dest_uri: str, title: str, content: str,
               meta: Mapping[str, Any]) -> Record | None:
        """The record of one built page, or None for a page kept out of search.

        A page leaves search the way Material's search let it: `search: {exclude: true}` in
        its front matter (segment pages and Explore only repeat what resource pages say).
        """
        search = meta.get("search")
        if isinstance(search, Mapping) and search.get("exclude") is True:
            return None
        view = self.resources.get(src_uri)
        if view is not None:
            return resource_record(view, dest_uri, self.labels, self.taxonomy, self.thesaurus)
        return page_record(title, content, dest_uri)
