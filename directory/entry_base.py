"""What organisations and places have in common: summary, description, location and themes.

Facts that do not change with the language (coordinates, codes, website, themes) are
synchronised by wagtail-localize; words are translated.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from streamblocks.blocks import RICH_TEXT_FEATURES

from .choices import Country
from .freshness import FreshnessMixin
from .geocoding import AddressMixin
from .searching import EntrySearch
from .themes import Theme

LATITUDE_VALIDATORS = [MinValueValidator(-90), MaxValueValidator(90)]
LONGITUDE_VALIDATORS = [MinValueValidator(-180), MaxValueValidator(180)]

# Facts shared by every language version of an entry.
SYNCHRONISED_FIELDS = [
    SynchronizedField("website"),
    SynchronizedField("country"),
    SynchronizedField("latitude"),
    SynchronizedField("longitude"),
    SynchronizedField("themes"),
]


def entry_search_fields(*extra):
    # Duplicates are dropped keeping the last one, so this title field replaces Page's.
    return [
        *Page.search_fields,
        index.SearchField("title", boost=10),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("city", boost=2),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("city"),
        index.FilterField("country"),
        *extra,
    ]


class DirectoryEntryPage(FreshnessMixin, AddressMixin, EntrySearch, Page):
    """What organisations and places have in common."""

    summary = models.CharField(_("summary"), max_length=240, help_text=_("One line."))
    description = RichTextField(
        _("description"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Who they are and what they do, in a few paragraphs."),
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("Full address, e.g. https://example.org")
    )
    city = models.CharField(
        _("city"), max_length=100, blank=True, help_text=_("Readers filter the directory by city.")
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        choices=Country.choices,
        blank=True,
        help_text=_("In the language of this page, e.g. “France”."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=LATITUDE_VALIDATORS,
        help_text=_("Decimal degrees, e.g. 48.8715; places the entry on the directory map."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=LONGITUDE_VALIDATORS,
        help_text=_("Decimal degrees, e.g. 2.3846."),
    )
    themes = ParentalManyToManyField(
        "directory.Theme",
        blank=True,
        related_name="+",
        verbose_name=_("themes"),
        help_text=_("Readers filter the directory by theme."),
    )

    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = []

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Enter both latitude and longitude, or neither."))

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def country_name(self):
        # Not get_country_display(): Django rebuilds and translates the whole list of
        # countries each time it is called.
        if not self.country:
            return ""
        try:
            return str(Country(self.country).label)
        except ValueError:
            return self.country

    @property
    def location_line(self):
        return ", ".join(part for part in (self.city, self.country_name) if part)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        themes_by_key = {
            theme.translation_key: theme for theme in Theme.objects.filter(locale_id=self.locale_id)
        }
        context["themes"] = self.localized_themes(themes_by_key)
        context["keywords"] = sorted(tag.name for tag in self.keywords.all())
        context["json_ld"] = self.json_ld(request)
        context["related"] = self.related_entries()
        context["directory_url"] = self.directory_url(request)
        return context

    def directory_url(self, request=None):
        """The directory's address: the entry's own without its last segment (entries live
        right under their directory), so that the directory's row is not read for it."""
        url = self.get_url(request)
        own = f"{self.slug}/"
        if url and url.endswith("/" + own):
            return url[: -len(own)]
        return self.get_parent().get_url(request)

    def localized_themes(self, themes_by_key):
        """This entry's themes in the reader's language, from a translation_key -> Theme map."""
        return [themes_by_key.get(theme.translation_key, theme) for theme in self.themes.all()]
