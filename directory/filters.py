"""The directory's filters: a form that validates the query string, and the search it drives.

Invalid facet values are ignored rather than rejected, so an old or hand-edited link still
shows a useful page. Counts of each facet are computed over the other filters, so a reader
sees how many entries each choice would give.
"""

from urllib.parse import urlencode

from django import forms
from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Page

from search.query import search_pages

from .choices import (
    Accessibility,
    Country,
    EntryType,
    OrganisationType,
    PlaceKind,
    Relation,
    Sort,
    View,
)
from .geo import MAX_NEAR_LENGTH, bounding_box, haversine_km, parse_radius, resolve_near
from .models import OrganisationPage, PlacePage, Theme

MAX_QUERY_LENGTH = 200
MAX_SEARCH_RESULTS = 2000
CARD_RENDITION = "fill-320x200"

# Facets that only apply to one kind of entry.
ORGANISATION_FACETS = ("type", "relation")
PLACE_FACETS = ("kind", "access")
FILTER_NAMES = ("entry", "type", "relation", "kind", "access", "theme", "city", "country")


def _choices(choices):
    return [("", _("All")), *choices]


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search the directory"), required=False)
    entry = forms.ChoiceField(label=_("Show"), choices=_choices(EntryType.choices), required=False)
    type = forms.ChoiceField(
        label=_("Type of organisation"), choices=_choices(OrganisationType.choices), required=False
    )
    relation = forms.ChoiceField(
        label=_("Relation to the network"), choices=_choices(Relation.choices), required=False
    )
    kind = forms.ChoiceField(
        label=_("Kind of place"), choices=_choices(PlaceKind.choices), required=False
    )
    access = forms.ChoiceField(
        label=_("Accessibility"), choices=_choices(Accessibility.choices), required=False
    )
    theme = forms.ChoiceField(label=_("Theme"), choices=(), required=False)
    city = forms.CharField(label=_("City"), required=False, max_length=100)
    country = forms.ChoiceField(
        label=_("Country"), choices=_choices(Country.choices), required=False
    )
    sort = forms.ChoiceField(label=_("Sort by"), choices=Sort.choices, required=False)
    near = forms.CharField(label=_("Near"), required=False)
    radius = forms.CharField(label=_("Within (km)"), required=False)
    view = forms.ChoiceField(label=_("View"), choices=View.choices, required=False)

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = _choices([(theme.slug, theme.name) for theme in themes])

    def clean_q(self):
        # Long or odd input is cut, never refused: the search backend escapes the words.
        return " ".join(self.cleaned_data["q"].split())[:MAX_QUERY_LENGTH]

    def clean_near(self):
        return " ".join(self.cleaned_data["near"].split())[:MAX_NEAR_LENGTH]

    def clean_radius(self):
        return self.cleaned_data["radius"].strip()[:20]

    def clean_city(self):
        return " ".join(self.cleaned_data["city"].split())

    @property
    def values(self):
        """The valid, non-empty parameters; invalid ones are dropped."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value and name not in self.errors
        }


class DirectorySearch:
    """The entries of one directory index that match a query string, with facet counts."""

    def __init__(self, index_page, params):
        self.index_page = index_page
        self.locale = index_page.locale
        self.themes = list(Theme.objects.filter(locale=self.locale).order_by("name"))
        self.themes_by_slug = {theme.slug: theme for theme in self.themes}
        self.themes_by_key = {theme.translation_key: theme for theme in self.themes}
        self.form = DirectoryFilterForm(params, themes=self.themes)
        self.values = self.form.values
        self.query = self.values.get("q", "")
        self.view = self.values.get("view") or View.LIST
        self.messages = []
        self.organisations = OrganisationPage.objects.child_of(index_page).live().public()
        self.places = PlacePage.objects.child_of(index_page).live().public()
        self.search_degraded = False
        self.origin, self.radius, self.distances = None, None, None
        if self.values.get("near"):
            self._locate()
        default_sort = Sort.DISTANCE if self.origin else Sort.NAME
        default_sort = Sort.RELEVANCE if self.query else default_sort
        self.sort = self.values.get("sort") or default_sort
        if self.sort == Sort.RELEVANCE and not self.query:
            self.sort = default_sort
        if self.sort == Sort.DISTANCE and not self.origin:
            self.sort = Sort.RELEVANCE if self.query else Sort.NAME
        self.matched_ids = self._search() if self.query else None

    # --- Searching and filtering ---------------------------------------------------------

    def _search(self):
        """Page ids matching the words, best first, through the portal's search (search.query)."""
        entries = Page.objects.child_of(self.index_page).live().public()
        hits = search_pages(
            entries, self.query, self.locale.language_code, limit=MAX_SEARCH_RESULTS
        )
        self.search_degraded = hits.degraded
        return hits.ids

    def _locate(self):
        """Resolve `near` and `radius`; keep the distance of every entry within the circle.

        A bounding box narrows the rows in SQL, the exact great-circle distance decides.
        Values that cannot be used are dropped with a message for the reader.
        """
        self.origin, message = resolve_near(
            self.values["near"], [(self.organisations, True), (self.places, False)]
        )
        if message:
            self.messages.append(message)
        if self.origin is None:
            self.values.pop("near", None)
            self.values.pop("radius", None)
            return
        self.radius, message = parse_radius(self.values.get("radius"))
        if message:
            self.messages.append(message)
            self.values["radius"] = f"{self.radius:g}"
        box = bounding_box(self.origin, self.radius)
        self.distances = {}
        for queryset in (self.organisations, self.places):
            for pk, latitude, longitude in queryset.filter(box).values_list(
                "pk", "latitude", "longitude"
            ):
                distance = haversine_km(
                    self.origin.latitude, self.origin.longitude, float(latitude), float(longitude)
                )
                if distance <= self.radius:
                    self.distances[pk] = distance

    def filtered(self, exclude=None):
        """(organisations, places) querysets with every filter applied except `exclude`."""
        values = {name: value for name, value in self.values.items() if name != exclude}
        organisations, places = self.organisations, self.places
        entry = values.get("entry")
        if entry == EntryType.ORGANISATION or any(name in values for name in ORGANISATION_FACETS):
            places = places.none()
        if entry == EntryType.PLACE or any(name in values for name in PLACE_FACETS):
            organisations = organisations.none()
        if "type" in values:
            organisations = organisations.filter(organisation_type=values["type"])
        if "relation" in values:
            organisations = organisations.filter(relation=values["relation"])
        if "kind" in values:
            places = places.filter(kind=values["kind"])
        if "access" in values:
            places = places.filter(**{values["access"]: True})
        common = Q()
        if "theme" in values:
            common &= Q(
                themes__translation_key=self.themes_by_slug[values["theme"]].translation_key
            )
        if "city" in values:
            common &= Q(city__iexact=values["city"])
        if "country" in values:
            common &= Q(country=values["country"])
        if self.matched_ids is not None:
            common &= Q(pk__in=self.matched_ids)
        if self.distances is not None:
            common &= Q(pk__in=list(self.distances))
        return organisations.filter(common), places.filter(common)

    def ordered_ids(self):
        """Ids of every matching entry, in the reader's chosen order."""
        organisations, places = self.filtered()
        rows = [
            *organisations.values_list("pk", "title", "first_published_at"),
            *places.values_list("pk", "title", "first_published_at"),
        ]
        if self.sort == Sort.RELEVANCE:
            rank = {pk: position for position, pk in enumerate(self.matched_ids)}
            rows.sort(key=lambda row: rank[row[0]])
        elif self.sort == Sort.DISTANCE:
            rows.sort(key=lambda row: (self.distances[row[0]], row[1].casefold()))
        elif self.sort == Sort.NEWEST:
            rows.sort(key=lambda row: row[2].timestamp() if row[2] else 0, reverse=True)
        else:
            rows.sort(key=lambda row: row[1].casefold())
        return [row[0] for row in rows]

    def load(self, ids):
        """The specific pages for `ids`, in that order, with what cards and exports need."""
        image_model = get_image_model()
        images = image_model.objects.prefetch_renditions(CARD_RENDITION)
        organisations = OrganisationPage.objects.filter(pk__in=ids).prefetch_related(
            Prefetch("logo", queryset=images),
            "themes",
            "tagged_keywords__tag",
        )
        places = PlacePage.objects.filter(pk__in=ids).prefetch_related(
            Prefetch("image", queryset=images),
            "themes",
            "tagged_keywords__tag",
        )
        by_pk = {page.pk: page for page in [*organisations, *places]}
        entries = [by_pk[pk] for pk in ids if pk in by_pk]
        for entry in entries:
            entry.display_themes = entry.localized_themes(self.themes_by_key)
            entry.keyword_names = sorted(item.tag.name for item in entry.tagged_keywords.all())
            entry.distance_km = self.distances.get(entry.pk) if self.distances else None
        return entries

    # --- Facets ----------------------------------------------------------------------------

    @staticmethod
    def _count_by(queryset, field):
        rows = queryset.order_by().values(field).annotate(n=Count("pk", distinct=True))
        return {row[field]: row["n"] for row in rows}

    def _merged_counts(self, facet, field):
        organisations, places = self.filtered(exclude=facet)
        counts = self._count_by(organisations, field)
        for value, n in self._count_by(places, field).items():
            counts[value] = counts.get(value, 0) + n
        return counts

    def facets(self):
        """Each facet's options with how many entries they give combined with the others."""
        facets = []
        organisations, places = self.filtered(exclude="entry")
        entry_counts = {
            EntryType.ORGANISATION: organisations.count(),
            EntryType.PLACE: places.count(),
        }
        facets.append(self._facet("entry", EntryType.choices, entry_counts))

        organisations, _places = self.filtered(exclude="type")
        type_counts = self._count_by(organisations, "organisation_type")
        facets.append(self._facet("type", OrganisationType.choices, type_counts))

        organisations, _places = self.filtered(exclude="relation")
        facets.append(
            self._facet("relation", Relation.choices, self._count_by(organisations, "relation"))
        )

        _organisations, places = self.filtered(exclude="kind")
        facets.append(self._facet("kind", PlaceKind.choices, self._count_by(places, "kind")))

        _organisations, places = self.filtered(exclude="access")
        access_counts = places.aggregate(
            **{
                choice.value: Count("pk", filter=Q(**{choice.value: True}), distinct=True)
                for choice in Accessibility
            }
        )
        facets.append(self._facet("access", Accessibility.choices, access_counts))

        theme_counts = self._merged_counts("theme", "themes__translation_key")
        facets.append(
            self._facet(
                "theme",
                [(theme.slug, theme.name) for theme in self.themes],
                {theme.slug: theme_counts.get(theme.translation_key, 0) for theme in self.themes},
            )
        )

        city_counts = self._merged_counts("city", "city")
        cities = sorted((city for city in city_counts if city), key=str.casefold)
        facets.append(self._facet("city", [(city, city) for city in cities], city_counts))

        country_counts = self._merged_counts("country", "country")
        countries = sorted(
            ((code, label) for code, label in Country.choices if country_counts.get(code)),
            key=lambda choice: str(choice[1]),
        )
        facets.append(self._facet("country", countries, country_counts))
        return [facet for facet in facets if facet["options"]]

    def _facet(self, name, choices, counts):
        selected = self.values.get(name)
        options = []
        for value, label in choices:
            count = counts.get(value, 0)
            is_selected = selected is not None and str(selected).casefold() == value.casefold()
            if count or is_selected:
                options.append(
                    {
                        "value": value,
                        "label": label,
                        "count": count,
                        "selected": is_selected,
                        "url": self.url_with(**{name: None if is_selected else value}),
                    }
                )
        return {
            "name": name,
            "legend": self.form.fields[name].label,
            "options": options,
            "selected": selected,
        }

    # --- Addresses -------------------------------------------------------------------------

    def params(self, **changes):
        params = {name: value for name, value in self.values.items() if name != "sort"}
        if self.values.get("sort"):
            params["sort"] = self.values["sort"]
        for name, value in changes.items():
            if value is None:
                params.pop(name, None)
            else:
                params[name] = value
        return params

    def url_with(self, **changes):
        """The query string for the current filters with `changes` (None removes one)."""
        params = self.params(**changes)
        return "?" + urlencode(params) if params else "?"

    def active_filters(self):
        """(label, value label, url without it) for each filter in use, to undo it."""
        active = []
        for name in ("q", *FILTER_NAMES):
            value = self.values.get(name)
            if not value:
                continue
            field = self.form.fields[name]
            label = dict(field.choices).get(value, value) if hasattr(field, "choices") else value
            active.append(
                {"name": field.label, "value": label, "url": self.url_with(**{name: None})}
            )
        if self.origin:
            label = _("%(place)s (within %(km)s km)") % {
                "place": self.origin.label,
                "km": f"{self.radius:g}",
            }
            active.append(
                {
                    "name": self.form.fields["near"].label,
                    "value": label,
                    "url": self.url_with(near=None, radius=None),
                }
            )
        return active
