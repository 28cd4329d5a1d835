"""The directory's result cards, read from the search index's rows rather than the pages.

A listing shows 20 entries: their name, summary, type, city, themes and image are all in the
read model (`search.models.IndexedPage`), so a card costs one row, not a page with its
themes and keywords. The card offers what `directory/includes/entry_card.html` reads from
a page, so related entries (pages) and results (cards) share the template.
"""

from dataclasses import dataclass, field

from wagtail.images import get_image_model

from search.models import IndexedPage

from .choices import Accessibility, Country, OrganisationType, PlaceKind, Relation

# The widths of entry_card.html's srcset, all prefetched with the cards.
CARD_RENDITIONS = ("fill-320x200", "fill-640x400")
CARD_FIELDS = ("page_id", "title", "summary", "url_path", "kind", "facets", "image_id")
LABELS = {
    "organisation_type": dict(OrganisationType.choices),
    "relation": dict(Relation.choices),
    "place_kind": dict(PlaceKind.choices),
    "country": dict(Country.choices),
}


@dataclass
class EntryCard:
    pk: int
    title: str
    summary: str
    card_url: str
    entry_type: str
    facets: dict
    card_image: object = None
    display_themes: list = field(default_factory=list)
    distance_km: float | None = None

    def _first(self, facet):
        values = self.facets.get(facet) or [""]
        return values[0]

    def _label(self, facet):
        value = self._first(facet)
        return LABELS[facet].get(value, value)

    def get_organisation_type_display(self):
        return self._label("organisation_type")

    def get_relation_display(self):
        return self._label("relation")

    def get_kind_display(self):
        return self._label("place_kind")

    @property
    def city(self):
        return self._first("city")

    @property
    def country(self):
        return self._first("country")

    @property
    def country_name(self):
        return self._label("country") if self.country else ""

    @property
    def location_line(self):
        return ", ".join(str(part) for part in (self.city, self.country_name) if part)

    @property
    def accessibility(self):
        """Labels of the accessibility facts of a place, as `PlacePage.accessibility` gives."""
        offered = set(self.facets.get("access") or ())
        return [choice.label for choice in Accessibility if choice.value in offered]

    @property
    def card_eyebrow(self):
        """What the page's `card_eyebrow` says, from the facets."""
        if self.entry_type == "organisation":
            return f"{self.get_organisation_type_display()} · {self.get_relation_display()}"
        return self.get_kind_display()


def entry_cards(ids, index_page, index_url, themes_by_key, distances=None):
    """The cards of `ids`, in that order, for the children of `index_page` served at
    `index_url`: one query, and two more for the images when some entries have one."""
    rows = {
        row[0]: row for row in IndexedPage.objects.filter(page_id__in=ids).values_list(*CARD_FIELDS)
    }
    image_ids = {row[6] for row in rows.values() if row[6]}
    images = {}
    if image_ids:
        images = get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS).in_bulk(image_ids)
    prefix = len(index_page.url_path)
    cards = []
    for pk in ids:
        if pk not in rows:
            continue  # left the index since the ids were read
        _pk, title, summary, url_path, kind, facets, image_id = rows[pk]
        themes = [themes_by_key[key] for key in facets.get("theme", ()) if key in themes_by_key]
        cards.append(
            EntryCard(
                pk=pk,
                title=title,
                summary=summary,
                card_url=index_url + url_path[prefix:],
                entry_type=kind,
                facets=facets,
                card_image=images.get(image_id),
                display_themes=sorted(themes, key=lambda theme: theme.name.casefold()),
                distance_km=distances.get(pk) if distances else None,
            )
        )
    return cards
