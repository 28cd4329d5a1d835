"""Directory entries: member organisations and the third places the network learns from.

Both share a base (summary, description, location, themes); facts that do not change with the
language (coordinates, codes, addresses, contact) are synchronised by wagtail-localize, words
are translated.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import RICH_TEXT_FEATURES
from search.index import STEMMED_SEARCH_FIELDS, StemmedSearchMixin

from ..choices import Accessibility, Country, OrganisationType, PlaceKind, Relation
from .snippets import Theme


def validate_year(value):
    """A year between the French Revolution and next year (entries may announce an opening)."""
    if value < 1789 or value > date.today().year + 1:
        raise ValidationError(_("Enter a year between 1789 and next year."))


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


def _search_fields(*extra):
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
        *STEMMED_SEARCH_FIELDS,
    ]


class DirectoryEntryPage(StemmedSearchMixin, Page):
    """What organisations and places have in common."""

    summary = models.CharField(_("summary"), max_length=240, help_text=_("One line."))
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    website = models.URLField(_("website"), blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=LATITUDE_VALIDATORS,
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=LONGITUDE_VALIDATORS,
    )
    themes = ParentalManyToManyField(
        "directory.Theme", blank=True, related_name="+", verbose_name=_("themes")
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
        return self.get_country_display() if self.country else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        themes_by_key = {
            theme.translation_key: theme for theme in Theme.objects.filter(locale_id=self.locale_id)
        }
        context["themes"] = self.localized_themes(themes_by_key)
        context["keywords"] = sorted(tag.name for tag in self.keywords.all())
        context["json_ld"] = self.json_ld(request)
        context["related"] = self.related_entries()
        context["directory_url"] = self.get_parent().get_url(request)
        return context

    def localized_themes(self, themes_by_key):
        """This entry's themes in the reader's language, from a translation_key -> Theme map."""
        return [themes_by_key.get(theme.translation_key, theme) for theme in self.themes.all()]

    def json_ld_base(self, schema_type, request=None):
        data = {
            "@context": "https://schema.org",
            "@type": schema_type,
            "name": self.title,
            "description": self.summary,
            "url": self.get_full_url(request),
        }
        if self.website:
            data["sameAs"] = [self.website]
        address = {"@type": "PostalAddress"}
        if self.city:
            address["addressLocality"] = self.city
        if self.country:
            address["addressCountry"] = self.country
        if len(address) > 1:
            data["address"] = address
        if self.has_coordinates:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        return data


class OrganisationPageKeyword(TaggedItemBase):
    content_object = ParentalKey(
        "directory.OrganisationPage", related_name="tagged_keywords", on_delete=models.CASCADE
    )


class PlacePageKeyword(TaggedItemBase):
    content_object = ParentalKey(
        "directory.PlacePage", related_name="tagged_keywords", on_delete=models.CASCADE
    )


class OrganisationPage(DirectoryEntryPage):
    """An organisation of the network: member, resident or partner."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation_type = models.CharField(
        _("type of organisation"), max_length=20, choices=OrganisationType.choices
    )
    relation = models.CharField(
        _("relation to the network"), max_length=20, choices=Relation.choices
    )
    keywords = ClusterTaggableManager(
        through=OrganisationPageKeyword, blank=True, verbose_name=_("keywords")
    )
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"), null=True, blank=True, validators=[validate_year]
    )
    languages = models.CharField(
        _("languages spoken"),
        max_length=100,
        blank=True,
        help_text=_("Language codes separated by commas, for example: fr, en, es."),
    )
    mastodon_url = models.URLField(_("Mastodon"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    bluesky_url = models.URLField(_("Bluesky"), blank=True)
    contact_email = models.EmailField(_("public contact e-mail"), blank=True)
    contact_phone = models.CharField(_("public contact phone"), max_length=40, blank=True)
    show_contact = models.BooleanField(
        _("show contact details"),
        default=False,
        help_text=_("The organisation agrees to publish its e-mail and phone on the portal."),
    )
    related_places = ParentalManyToManyField(
        "directory.PlacePage",
        blank=True,
        related_name="organisations",
        verbose_name=_("related places"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("logo"),
        FieldRowPanel([FieldPanel("organisation_type"), FieldPanel("relation")]),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("keywords")], heading=_("Themes and keywords")
        ),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldPanel("country"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Location"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("mastodon_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("bluesky_url"),
            ],
            heading=_("Links"),
        ),
        MultiFieldPanel(
            [FieldPanel("show_contact"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Public contact"),
        ),
        FieldRowPanel([FieldPanel("year_founded"), FieldPanel("languages")]),
        FieldPanel("related_places"),
    ]
    search_fields = _search_fields(
        index.RelatedFields("keywords", [index.SearchField("name")]),
        index.FilterField("organisation_type"),
        index.FilterField("relation"),
    )
    override_translatable_fields = [
        *SYNCHRONISED_FIELDS,
        SynchronizedField("logo"),
        SynchronizedField("organisation_type"),
        SynchronizedField("relation"),
        SynchronizedField("keywords"),
        SynchronizedField("street_address"),
        SynchronizedField("postcode"),
        SynchronizedField("year_founded"),
        SynchronizedField("languages"),
        SynchronizedField("mastodon_url"),
        SynchronizedField("linkedin_url"),
        SynchronizedField("bluesky_url"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
        SynchronizedField("show_contact"),
        SynchronizedField("related_places"),
    ]

    entry_type = "organisation"

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    @property
    def card_image(self):
        return self.logo

    @property
    def social_links(self):
        links = [
            ("Mastodon", self.mastodon_url),
            ("LinkedIn", self.linkedin_url),
            ("Bluesky", self.bluesky_url),
        ]
        return [(label, url) for label, url in links if url]

    @property
    def public_contact(self):
        """Contact details only when the organisation opted in."""
        if not self.show_contact:
            return {}
        return {
            key: value
            for key, value in (("email", self.contact_email), ("phone", self.contact_phone))
            if value
        }

    def related_entries(self):
        """The related places, in this page's language."""
        keys = [place.translation_key for place in self.related_places.all()]
        return (
            PlacePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, translation_key__in=keys)
            .order_by("title")
        )

    def json_ld(self, request=None):
        data = self.json_ld_base("Organization", request)
        if self.year_founded:
            data["foundingDate"] = str(self.year_founded)
        if self.street_address and "address" in data:
            data["address"]["streetAddress"] = self.street_address
        if self.postcode and "address" in data:
            data["address"]["postalCode"] = self.postcode
        contact = self.public_contact
        if "email" in contact:
            data["email"] = contact["email"]
        if "phone" in contact:
            data["telephone"] = contact["phone"]
        if self.logo_id:
            data["logo"] = request.build_absolute_uri(self.logo.file.url) if request else None
        return {key: value for key, value in data.items() if value is not None}


class GalleryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "directory/blocks/gallery_image_block.html"


class PlacePage(DirectoryEntryPage):
    """A third place elsewhere that inspires the network, and what to learn from it."""

    kind = models.CharField(_("kind of place"), max_length=30, choices=PlaceKind.choices)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    gallery = StreamField([("image", GalleryImageBlock())], blank=True, verbose_name=_("gallery"))
    lessons = RichTextField(_("what to learn from it"), features=RICH_TEXT_FEATURES, blank=True)
    year_opened = models.PositiveSmallIntegerField(
        _("year opened"), null=True, blank=True, validators=[validate_year]
    )
    keywords = ClusterTaggableManager(
        through=PlacePageKeyword, blank=True, verbose_name=_("keywords")
    )
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    sign_language_welcome = models.BooleanField(
        _("French Sign Language (LSF) welcome"), default=False
    )
    easy_to_read = models.BooleanField(_("easy-to-read information (FALC)"), default=False)
    quiet_hours = models.BooleanField(_("quiet hours"), default=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("kind"),
        FieldPanel("image"),
        FieldPanel("description"),
        FieldPanel("lessons"),
        FieldPanel("gallery"),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("keywords")], heading=_("Themes and keywords")
        ),
        MultiFieldPanel(
            [
                FieldPanel("city"),
                FieldPanel("country"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Location"),
        ),
        FieldRowPanel([FieldPanel("year_opened"), FieldPanel("website")]),
        MultiFieldPanel(
            [FieldPanel(choice.value) for choice in Accessibility], heading=_("Accessibility")
        ),
    ]
    search_fields = _search_fields(
        index.SearchField("lessons"),
        index.RelatedFields("keywords", [index.SearchField("name")]),
        index.FilterField("kind"),
        *[index.FilterField(choice.value) for choice in Accessibility],
    )
    override_translatable_fields = [
        *SYNCHRONISED_FIELDS,
        SynchronizedField("kind"),
        SynchronizedField("image"),
        SynchronizedField("year_opened"),
        SynchronizedField("keywords"),
        *[SynchronizedField(choice.value) for choice in Accessibility],
    ]

    entry_type = "place"

    class Meta:
        verbose_name = _("inspiring place")
        verbose_name_plural = _("inspiring places")

    @property
    def card_image(self):
        return self.image

    @property
    def accessibility(self):
        """Labels of the accessibility facets this place offers."""
        return [choice.label for choice in Accessibility if getattr(self, choice.value)]

    def related_entries(self):
        """Organisations that name this place among theirs, in this page's language."""
        return (
            OrganisationPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, related_places__translation_key=self.translation_key)
            .distinct()
            .order_by("title")
        )

    def json_ld(self, request=None):
        data = self.json_ld_base("Place", request)
        if self.image_id and request is not None:
            data["image"] = request.build_absolute_uri(self.image.file.url)
        features = [
            {"@type": "LocationFeatureSpecification", "name": str(label), "value": True}
            for label in self.accessibility
        ]
        if features:
            data["amenityFeature"] = features
        return data
