"""What a page says about itself for searching, and which pages are searched at all.

`search` knows no content model by name. A page type declares how it is searched with, on its
model class:

- `search_kind` (default "page") and `search_kind_label`: the kind of result it is, as the
  site search's type filter and the result cards name it. Several page types may share a kind
  (an event and a festival are both "event");
- `search_document(self)`, optional, returning a dict with any of the keys of
  `SearchDocument` below: facet values, coordinates, the end of an event, a card image...
  Its searchable text defaults to the text of the fields its Wagtail `search_fields` declare
  (so the admin's search and the portal's read one declaration): the first of them, or the
  page's search description, is its summary, the others its body;
- `search_document = None` to never be a result (the search page itself);
- `search_prefetch`, optional: relations to prefetch when many pages are indexed at once.

Nothing else is needed: every live, public page of a declared or default type is indexed.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, get_page_models
from wagtail.rich_text import RichText
from wagtail.search import index

DEFAULT_KIND = "page"
DEFAULT_KIND_LABEL = _("Pages")


@dataclass
class SearchDocument:
    """A page as the search reads it (all optional but the name, which is the title)."""

    name: str = ""
    summary: str = ""
    body: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)
    latitude: float | None = None
    longitude: float | None = None
    ends_at: dt.datetime | None = None
    image_id: int | None = None
    published_at: dt.datetime | None = None

    def facet_rows(self):
        """(facet, value, multiple) triples, sorted: a facet's value may be one value or a list
        of them (`multiple`: a list, even of one value, such as a page's themes)."""
        rows = set()
        for facet, values in self.facets.items():
            if values is None or values == "":
                continue
            multiple = not isinstance(values, (str, int))
            if not multiple:
                values = [values]
            rows.update(
                (facet, str(value)[:255], multiple) for value in values if value not in (None, "")
            )
        return sorted(rows)


def is_searchable_model(model):
    return issubclass(model, Page) and getattr(model, "search_document", True) is not None


def searchable_models():
    return [model for model in get_page_models() if is_searchable_model(model)]


def kind_of(model):
    return getattr(model, "search_kind", DEFAULT_KIND)


def kinds():
    """{kind: label} of every searchable page type, the default kind last."""
    labels = {}
    for model in searchable_models():
        kind = kind_of(model)
        if kind != DEFAULT_KIND:
            labels.setdefault(kind, getattr(model, "search_kind_label", model._meta.verbose_name))
    labels[DEFAULT_KIND] = DEFAULT_KIND_LABEL
    return labels


def _flatten(value):
    """Plain strings out of whatever a search field's value is (rich text, lists, tags...)."""
    if value is None:
        return
    if isinstance(value, str):
        yield strip_tags(value) if "<" in value else value
    elif isinstance(value, RichText):
        yield strip_tags(value.source)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _flatten(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _flatten(item)
    else:
        yield str(value)


def declared_texts(obj, fields):
    """(field name, text) of an object's Wagtail search fields, related objects included, its
    title excepted."""
    for search_field in fields:
        if isinstance(search_field, index.RelatedFields):
            related = search_field.get_value(obj)
            if related is None:
                continue
            related_objects = related.all() if hasattr(related, "all") else [related]
            for related_object in related_objects:
                for _name, text in declared_texts(related_object, search_field.fields):
                    yield search_field.field_name, text
        elif isinstance(search_field, index.SearchField) and search_field.field_name != "title":
            for text in _flatten(search_field.get_value(obj)):
                yield search_field.field_name, text


def document_for(page):
    """The `SearchDocument` of a specific page instance (see the module's docstring)."""
    describe = getattr(page, "search_document", None)
    values = describe() if callable(describe) else {}
    document = SearchDocument(**values)
    document.name = document.name or page.title
    if isinstance(document.body, str):
        document.body = [document.body]
    if not document.body:
        texts = [(name, text) for name, text in declared_texts(page, page.get_search_fields())]
        summary_field = None
        if not document.summary and not page.search_description and texts:
            # The first text a page declares searchable is what it says of itself first.
            summary_field = texts[0][0]
            document.summary = " ".join(text for name, text in texts if name == summary_field)
        document.body = [text for name, text in texts if name != summary_field]
    document.summary = " ".join((document.summary or page.search_description or "").split())
    if document.published_at is None:
        document.published_at = page.first_published_at
    return document
