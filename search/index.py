"""What every searchable page adds to the index: its words stemmed in its own language.

A page type opts in by inheriting `StemmedSearchMixin` and ending its `search_fields` with
`*STEMMED_SEARCH_FIELDS`; the text of its other search fields is then stored a second time as
folded Snowball stems, which the query side (`search.query`) matches with the reader's stems.
"""

from django.db import models
from django.utils.html import strip_tags
from wagtail.rich_text import RichText
from wagtail.search import index

from .text import fold, stems

STEMS_FIELD = "search_stems"
FOLDED_TITLE_FIELD = "search_title_folded"


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


def _texts(obj, fields):
    for field in fields:
        if isinstance(field, index.RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            related_objects = related.all() if hasattr(related, "all") else [related]
            for related_object in related_objects:
                yield from _texts(related_object, field.fields)
        elif isinstance(field, index.SearchField) and field.field_name != STEMS_FIELD:
            yield from _flatten(field.get_value(obj))


class StemmedSearchMixin(models.Model):
    """Adds the folded, stemmed text of a page to what the search engines index.

    An abstract model (no field of its own) rather than a plain mixin, because Elasticsearch
    names each indexed field after the model that defines it.
    """

    class Meta:
        abstract = True

    def search_language(self):
        return self.locale.language_code

    def search_stems(self):
        text = " ".join(_texts(self, self.get_search_fields()))
        return " ".join(stems(text, self.search_language()))

    def search_title_folded(self):
        return fold(self.title)


# The engines store these like any other field; boost 1 keeps them below an exact name match.
STEMMED_SEARCH_FIELDS = [
    index.SearchField(STEMS_FIELD),
    index.AutocompleteField(FOLDED_TITLE_FIELD),
]
