"""The directory's filters: a form that validates the query string, and the search it drives.

Invalid facet values are ignored rather than rejected, so an old or hand-edited link still
shows a useful page. Counts of each facet are computed over the other filters, so a reader
sees how many entries each choice would give.
"""

from urllib.parse import urlencode

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
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
from .ordering import OrderedEntries

MAX_QUERY_LENGTH = 200
MAX_SEARCH_RESULTS = 2000
CARD_RENDITION = "fill-320x200"

# Facets that only apply to one kind of entry.
ORGANISATION_FACETS = ("type", "relation")
PLACE_FACETS = ("kind", "access")
FILTER_NAMES = ("entry", "type", "relation", "kind", "access", "theme", "city", "country")


# "All" agrees with each facet's noun in other languages (French: "Tous" for types, "Toutes"
# for cities), so each facet has its own context for translators.
ALL_LABELS = {
    "entry": pgettext_lazy("directory facet: entries of every kind", "All"),
    "type": pgettext_lazy("directory facet: every type of organisation", "All"),
    "relation": pgettext_lazy("directory facet: every relation to the network", "All"),
    "kind": pgettext_lazy("directory facet: every kind of place", "All"),
    "access": pgettext_lazy("directory facet: no accessibility requirement", "Any"),
    "theme": pgettext_lazy("directory facet: every theme", "All"),
    "city": pgettext_lazy("directory facet: every city", "All"),
    "country": pgettext_lazy("directory facet: every country", "All"),
}


def _choices(name, choices):
    return [("", ALL_LABELS[name]), *choices]


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search the directory"), required=False)
    entry = forms.ChoiceField(
        label=_("Show"), choices=_choices("entry", EntryType.choices), required=False
    )
    type = forms.ChoiceField(
        label=_("Type of organisation"),
        choices=_choices("type", OrganisationType.choices),
        required=False,
    )
    relation = forms.ChoiceField(
        label=_("Relation to the network"),
        choices=_choices("relation", Relation.choices),
        required=False,
    )
    kind = forms.ChoiceField(
        label=_("Kind of place"), choices=_choices("kind", PlaceKind.choices), required=False
    )
    access = forms.ChoiceField(
        label=_("Accessibility"), choices=_choices("access", Accessibility.choices), required=False
    )
    theme = forms.ChoiceField(label=_("Theme"), choices=(), required=False)
    city = forms.CharField(label=_("City"), required=False, max_length=100)
    country = forms.ChoiceField(
        label=_("Country"), choices=_choices("country", Country.choices), required=False
    )
    sort = forms.ChoiceField(label=_("Sort by"), choices=Sort.choices, required=False)
    near = forms.CharField(label=_("Near"), required=False)
    radius = forms.CharField(label=_("Within (km)"), required=False)
    view = forms.ChoiceField(label=_("View"), choices=View.choices, required=False)

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = _choices(
            "theme", [(theme.slug, theme.name) for theme in themes]
        )

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
        self.total = None  # entries matching every filter, once the facets have counted them
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
        if "city" in values:
            common &= Q(city__iexact=values["city"])
        if "country" in values:
            common &= Q(country=values["country"])
        if self.matched_ids is not None:
            common &= Q(pk__in=self.matched_ids)
        if self.distances is not None:
            common &= Q(pk__in=list(self.distances))
        organisations, places = organisations.filter(common), places.filter(common)
        if "theme" in values:
            key = self.themes_by_slug[values["theme"]].translation_key
            organisations, places = _with_theme(organisations, key), _with_theme(places, key)
        return organisations, places

    def ordered_ids(self):
        """Ids of every matching entry, in the reader's chosen order."""
        return list(self.ordered())

    def ordered(self):
        """The matching entries' ids in the reader's order, as a sequence a paginator slices.

        Sorting by name or date runs in the database, so a page of 20 costs two small queries
        whatever the size of the directory; relevance and distance order the few ids the
        search or the circle already selected.
        """
        return OrderedEntries(self)

    def load(self, ids):
        """The specific pages for `ids`, in that order, with what cards and the API need."""
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

    def _counts(self, exclude, names):
        """How many entries each option of the facets `names` gives, over the entries every
        filter but `exclude` selects.

        One pass over each table counts the fixed choices (conditional COUNTs), one GROUP BY
        the cities and countries, one the themes: the same few queries however many entries.
        """
        counts = {name: {} for name in names}
        total = 0
        fixed = [facet for facet in FIXED_FACETS if facet[0] in names]
        for kind, queryset in zip(EntryType.values, self.filtered(exclude=exclude), strict=True):
            queryset = queryset.order_by()
            aggregates, keys = {"total": Count("pk")}, {}
            for name, field, values in fixed:
                for value in values:
                    if not _has_field(queryset, field or value):
                        continue
                    alias = f"n{len(keys)}"
                    keys[alias] = (name, value)
                    condition = Q(**{field: value}) if field else Q(**{value: True})
                    aggregates[alias] = Count("pk", filter=condition)
            result = queryset.aggregate(**aggregates)
            if "entry" in names:
                counts["entry"][kind] = result["total"] or 0
            total += result["total"] or 0
            for alias, (name, value) in keys.items():
                _add(counts[name], value, result[alias])
            if "city" in names or "country" in names:
                for row in queryset.values("city", "country").annotate(n=Count("pk")):
                    if "city" in names:
                        _add(counts["city"], row["city"], row["n"])
                    if "country" in names:
                        _add(counts["country"], row["country"], row["n"])
            if "theme" in names:
                rows = queryset.values("themes__translation_key").annotate(
                    n=Count("pk", distinct=True)
                )
                for row in rows:
                    _add(counts["theme"], row["themes__translation_key"], row["n"])
        if exclude is None:
            self.total = total
        return counts

    def facets(self):
        """Each facet's options with how many entries they give combined with the others.

        A facet's counts ignore its own choice; facets the reader has not chosen share the
        same entries, so they are counted together.
        """
        names = list(FILTER_NAMES)
        chosen = [name for name in names if name in self.values]
        counts = self._counts(None, [name for name in names if name not in chosen])
        for name in chosen:
            counts.update(self._counts(name, [name]))
        theme_counts = counts["theme"]
        cities = sorted((city for city in counts["city"] if city), key=str.casefold)
        countries = sorted(
            ((code, label) for code, label in Country.choices if counts["country"].get(code)),
            key=lambda choice: str(choice[1]),
        )
        choices = {
            "entry": EntryType.choices,
            "type": OrganisationType.choices,
            "relation": Relation.choices,
            "kind": PlaceKind.choices,
            "access": Accessibility.choices,
            "theme": [(theme.slug, theme.name) for theme in self.themes],
            "city": [(city, city) for city in cities],
            "country": countries,
        }
        counts["theme"] = {
            theme.slug: theme_counts.get(theme.translation_key, 0) for theme in self.themes
        }
        facets = [self._facet(name, choices[name], counts[name]) for name in names]
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
            "all_label": ALL_LABELS[name],
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


# Facets with a fixed list of values: (name, field, values); no field: each value is a
# boolean field of its own (accessibility).
FIXED_FACETS = [
    ("type", "organisation_type", OrganisationType.values),
    ("relation", "relation", Relation.values),
    ("kind", "kind", PlaceKind.values),
    ("access", None, Accessibility.values),
]


def _has_field(queryset, name):
    try:
        queryset.model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def _add(counts, value, n):
    if n:
        counts[value] = counts.get(value, 0) + n


def _with_theme(queryset, translation_key):
    """Entries with a theme of that translation key, as a subquery: no join multiplies rows."""
    field = queryset.model._meta.get_field("themes")
    through = field.remote_field.through
    tagged = through.objects.filter(theme__translation_key=translation_key)
    return queryset.filter(pk__in=tagged.values(field.m2m_field_name()))
