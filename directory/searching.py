"""How the portal's search reads a directory entry (see search/documents.py).

The entry's kind (organisation, place) is a facet of its own; its themes, city, country and
its type's own values are facets of the directory page; its coordinates place it on the map
and its logo or photo is its card's image.
"""

from django.utils.translation import gettext_lazy as _

from .choices import Accessibility


class EntrySearch:
    """What organisations and places give the search alike."""

    search_prefetch = ("themes",)

    def search_document(self):
        return {
            "summary": self.summary,
            "facets": {
                "theme": [str(theme.translation_key) for theme in self.themes.all()],
                "city": self.city.strip(),
                "country": self.country,
                **self.search_facets(),
            },
            "latitude": self.latitude,
            "longitude": self.longitude,
            "image_id": self.search_image_id(),
        }

    def search_facets(self):
        return {}

    def search_image_id(self):
        return None


class OrganisationSearch:
    search_kind = "organisation"
    search_kind_label = _("Organisations")

    def search_facets(self):
        return {"organisation_type": self.organisation_type, "relation": self.relation}

    def search_image_id(self):
        return self.logo_id


class PlaceSearch:
    search_kind = "place"
    search_kind_label = _("Places")

    def search_facets(self):
        return {
            "place_kind": self.kind,
            "access": [choice.value for choice in Accessibility if getattr(self, choice.value)],
        }

    def search_image_id(self):
        return self.image_id
