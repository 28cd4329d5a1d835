"""The directory's filters: the query string read leniently, and the search it drives.

Matching, ranking, paging and facet counts run on the search read model (`search.query`),
so a page costs the same few queries whether the directory holds a hundred entries or ten
thousand. Each facet takes several values (`?type=association&type=collective`: OR inside a
facet, AND across facets); an invalid or unknown value is ignored rather than refused, so an
old or hand-edited link still shows a useful page. Each option's count is computed over the
other facets' selections, so a reader sees what choosing it would give.
"""

from urllib.parse import urlencode

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from search.query import KIND, Search, index_state, remember

from .cards import entry_cards
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
from .entries import OrganisationPage, PlacePage
from .geo import MAX_NEAR_LENGTH, bounding_box, haversine_km, parse_radius, resolve_near
from .ordering import OrderedEntries
from .themes import Theme

MAX_QUERY_LENGTH = 200
MAX_VALUES = 20  # per facet: more is not a reader's choice

# URL parameter -> facet of the read model (declared by the entries' search_document()).
FACETS = {
    "entry": KIND,
    "type": "organisation_type",
    "relation": "relation",
    "kind": "place_kind",
    "access": "access",
    "theme": "theme",
    "city": "city",
    "country": "country",
}
FILTER_NAMES = tuple(FACETS)
# The facets whose values are a fixed vocabulary (themes and cities are the editors').
FIXED_CHOICES = {
    "entry": EntryType.choices,
    "type": OrganisationType.choices,
    "relation": Relation.choices,
    "kind": PlaceKind.choices,
    "access": Accessibility.choices,
    "country": Country.choices,
}

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
LABELS = {
    "entry": _("Show"),
    "type": _("Type of organisation"),
    "relation": _("Relation to the network"),
    "kind": _("Kind of place"),
    "access": _("Accessibility"),
    "theme": _("Theme"),
    "city": _("City"),
    "country": _("Country"),
}


class DirectoryFilterForm(forms.Form):
    """The single-valued parameters (the facets, multi-valued, are read by DirectorySearch)."""

    q = forms.CharField(label=_("Search the directory"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), choices=Sort.choices, required=False)
    near = forms.CharField(label=_("Near"), required=False)
    radius = forms.CharField(label=_("Within (km)"), required=False)
    view = forms.ChoiceField(label=_("View"), choices=View.choices, required=False)

    def clean_q(self):
        # Long or odd input is cut, never refused: the search reads words, not syntax.
        return " ".join(self.cleaned_data["q"].split())[:MAX_QUERY_LENGTH]

    def clean_near(self):
        return " ".join(self.cleaned_data["near"].split())[:MAX_NEAR_LENGTH]

    def clean_radius(self):
        return self.cleaned_data["radius"].strip()[:20]

    @property
    def values(self):
        """The valid, non-empty parameters; invalid ones are dropped."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value and name not in self.errors
        }


def _get_list(params, name):
    if hasattr(params, "getlist"):
        values = params.getlist(name)
    else:
        value = params.get(name)
        values = value if isinstance(value, (list, tuple)) else [value]
    return [" ".join(str(value).split())[:100] for value in values if value]


class DirectorySearch:
    """The entries of one directory index that match a query string, with facet counts."""

    def __init__(self, index_page, params):
        self.index_page = index_page
        self.locale_id = index_page.locale_id
        # The index version and the language in one query; themes change only with the index
        # (saving a theme re-indexes the entries using it), so they are kept per version.
        self.state = index_state(self.locale_id)
        self.themes, themes_by_key = remember(
            ("directory-themes", self.locale_id), self.state[0], self._read_themes
        )
        self.themes_by_slug = {theme.slug: theme for theme in self.themes}
        self.themes_by_key = themes_by_key
        self.form = DirectoryFilterForm(params)
        self.values = self.form.values
        self.selected = self._read_facets(params)
        self.values.update(self.selected)
        self.query = self.values.get("q", "")
        self.view = self.values.get("view") or View.LIST
        self.messages = []
        self.origin, self.radius, self.distances = None, None, None
        if self.values.get("near"):
            self._locate()
        self.search = Search(
            self.locale_id,
            self.query,
            under=index_page,
            filters=self._filters(),
            restrict=list(self.distances) if self.distances is not None else None,
            state=self.state,
        )
        default_sort = Sort.DISTANCE if self.origin else Sort.NAME
        default_sort = Sort.RELEVANCE if self.search.has_text else default_sort
        self.sort = self.values.get("sort") or default_sort
        if self.sort == Sort.RELEVANCE and not self.search.has_text:
            self.sort = default_sort
        if self.sort == Sort.DISTANCE and not self.origin:
            self.sort = Sort.RELEVANCE if self.search.has_text else Sort.NAME
        self.total = None

    def _read_themes(self):
        """(themes of the locale by name, {translation key: theme}) where a theme not yet
        translated shows in the language it has (entries point at the source's themes)."""
        themes = list(Theme.objects.order_by("name"))
        by_key = {theme.translation_key: theme for theme in themes}
        own = [theme for theme in themes if theme.locale_id == self.locale_id]
        by_key.update({theme.translation_key: theme for theme in own})
        return own, {str(key): theme for key, theme in by_key.items()}

    # --- Reading the parameters ----------------------------------------------------------

    def _valid_values(self, name):
        if name == "theme":
            return list(self.themes_by_slug)
        choices = FIXED_CHOICES.get(name)
        return [value for value, _label in choices] if choices else None

    def _read_facets(self, params):
        """{name: [values]} of the valid facet values, in the reader's order, deduplicated."""
        selected = {}
        for name in FILTER_NAMES:
            valid = self._valid_values(name)
            values = []
            for value in _get_list(params, name):
                if valid is not None and value not in valid:
                    continue
                if value.casefold() not in {v.casefold() for v in values}:
                    values.append(value)
            if values:
                selected[name] = values[:MAX_VALUES]
        return selected

    def _filters(self):
        filters = {}
        for name, values in self.selected.items():
            if name == "theme":
                values = [str(self.themes_by_slug[slug].translation_key) for slug in values]
            elif name == "city":  # cities are free text: "paris" selects "Paris"
                values = self._cities_as_indexed(values)
            filters[FACETS[name]] = values
        return filters

    def _cities_as_indexed(self, values):
        wanted = {value.casefold() for value in values}
        everything = Search(self.locale_id, under=self.index_page, state=self.state)
        indexed = everything.facet_counts([FACETS["city"]])[FACETS["city"]]
        return [city for city in indexed if city.casefold() in wanted] or values

    def _locate(self):
        """Resolve `near` and `radius`; keep the distance of every entry within the circle.

        A bounding box narrows the rows in SQL, the exact great-circle distance decides.
        Values that cannot be used are dropped with a message for the reader.
        """
        entries = [
            (OrganisationPage.objects.child_of(self.index_page).live().public(), True),
            (PlacePage.objects.child_of(self.index_page).live().public(), False),
        ]
        self.origin, message = resolve_near(self.values["near"], entries)
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
        self.distances = {}
        rows = Search(self.locale_id, under=self.index_page, state=self.state).tree_rows()
        for pk, latitude, longitude in rows.filter(
            bounding_box(self.origin, self.radius)
        ).values_list("page_id", "latitude", "longitude"):
            distance = haversine_km(
                self.origin.latitude, self.origin.longitude, latitude, longitude
            )
            if distance <= self.radius:
                self.distances[pk] = distance

    # --- Results -------------------------------------------------------------------------

    @property
    def search_degraded(self):
        """The search engine failed and the database answered (only with SEARCH_URL set)."""
        return getattr(self.search, "degraded", False)

    @property
    def fuzzy(self):
        return self.search.fuzzy

    def suggestion(self):
        """(corrected query, its address) for "did you mean", or None."""
        corrected = self.search.suggestion()
        return (corrected, self.url_with(q=corrected, page=None)) if corrected else None

    def ordered_ids(self):
        """Ids of every matching entry, in the reader's chosen order."""
        return list(self.ordered())

    def ordered(self):
        """The matching entries' ids in the reader's order, as a sequence a paginator slices."""
        return OrderedEntries(self)

    def cards(self, ids, index_url):
        """What the listing shows of `ids` (see `directory.cards`), in that order."""
        return entry_cards(ids, self.index_page, index_url, self.themes_by_key, self.distances)

    # --- Facets --------------------------------------------------------------------------

    def facets(self):
        """Each facet's options with how many entries they give combined with the others."""
        counts = self.search.facet_counts(list(FACETS.values()))
        counts = {name: counts[FACETS[name]] for name in FILTER_NAMES}
        self.total = self.search.count()
        cities = sorted((city for city in counts["city"] if city), key=str.casefold)
        countries = sorted(
            ((code, label) for code, label in Country.choices if counts["country"].get(code)),
            key=lambda choice: str(choice[1]),
        )
        choices = {
            **FIXED_CHOICES,
            "theme": [(theme.slug, theme.name) for theme in self.themes],
            "city": [(city, city) for city in cities],
            "country": countries,
        }
        counts["theme"] = {
            theme.slug: counts["theme"].get(str(theme.translation_key), 0) for theme in self.themes
        }
        facets = [self._facet(name, choices[name], counts[name]) for name in FILTER_NAMES]
        return [facet for facet in facets if facet["options"]]

    def _facet(self, name, choices, counts):
        selected = {value.casefold() for value in self.selected.get(name, [])}
        options, ids = [], set()
        for number, (value, label) in enumerate(choices, start=1):
            count = counts.get(value, 0)
            is_selected = value.casefold() in selected
            if count or is_selected:
                # Named after the value, not the position: the script puts the focus back on
                # the same box once the options around it have changed.
                option_id = f"facet-{name}-{slugify(value) or number}"
                option_id = option_id if option_id not in ids else f"{option_id}-{number}"
                ids.add(option_id)
                options.append(
                    {
                        "id": option_id,
                        "value": value,
                        "label": label,
                        "count": count,
                        "selected": is_selected,
                        "url": self.url_with(**{name: self._toggled(name, value)}),
                    }
                )
        return {
            "name": name,
            "legend": LABELS[name],
            "all_label": ALL_LABELS[name],
            "options": options,
            "selected": bool(selected),
        }

    def _toggled(self, name, value):
        current = self.selected.get(name, [])
        if value.casefold() in {v.casefold() for v in current}:
            remaining = [v for v in current if v.casefold() != value.casefold()]
            return remaining or None
        return [*current, value]

    # --- Addresses -----------------------------------------------------------------------

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
        return "?" + urlencode(params, doseq=True) if params else "?"

    @property
    def filter_count(self):
        """How many filter values narrow the list (the words searched for are shown apart)."""
        return sum(len(values) for values in self.selected.values()) + bool(self.origin)

    def clear_url(self):
        """The query string without any filter nor search words, in the same view and order."""
        kept = {name: self.values[name] for name in ("view", "sort") if self.values.get(name)}
        return "?" + urlencode(kept) if kept else "?"

    def active_filters(self):
        """(label, value label, url without it) for each filter value in use, to undo it."""
        active = []
        if self.query:
            active.append(
                {
                    "name": self.form.fields["q"].label,
                    "value": self.query,
                    "url": self.url_with(q=None),
                }
            )
        labels = {"theme": dict((theme.slug, theme.name) for theme in self.themes)}
        for name, values in self.selected.items():
            names = labels.get(name) or dict(FIXED_CHOICES.get(name, ()))
            for value in values:
                active.append(
                    {
                        "name": LABELS[name],
                        "value": names.get(value, value),
                        "url": self.url_with(**{name: self._toggled(name, value)}),
                    }
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
