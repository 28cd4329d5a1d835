"""Directory entries: member organisations and the third places the network learns from.

Both stand on `entry_base.DirectoryEntryPage` (summary, description, location, themes); facts
that do not change with the language (coordinates, codes, addresses, contact) are synchronised
by wagtail-localize, words are translated.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from languages.i18n import translation_keys
from streamblocks.blocks import RICH_TEXT_FEATURES

from . import structured_data
from .blocks import GalleryImageBlock
from .cards import CARD_RENDITIONS
from .choices import Accessibility, OrganisationType, PlaceKind, Relation
from .entry_base import SYNCHRONISED_FIELDS, DirectoryEntryPage, entry_search_fields
from .searching import OrganisationSearch, PlaceSearch


def validate_year(value):
    """A year between the French Revolution and next year (entries may announce an opening)."""
    if value < 1789 or value > date.today().year + 1:
        raise ValidationError(_("Enter a year between 1789 and next year."))


class OrganisationPageKeyword(TaggedItemBase):
    content_object = ParentalKey(
        "directory.OrganisationPage", related_name="tagged_keywords", on_delete=models.CASCADE
    )


class PlacePageKeyword(TaggedItemBase):
    content_object = ParentalKey(
        "directory.PlacePage", related_name="tagged_keywords", on_delete=models.CASCADE
    )


class OrganisationPage(OrganisationSearch, DirectoryEntryPage):
    """An organisation of the network: member, resident or partner."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Square if possible; shown on the page and in link previews."),
    )
    organisation_type = models.CharField(
        _("type of organisation"),
        max_length=20,
        choices=OrganisationType.choices,
        help_text=_("Readers filter the directory by type."),
    )
    relation = models.CharField(
        _("relation to the network"),
        max_length=20,
        choices=Relation.choices,
        help_text=_("How the organisation works with the network."),
    )
    keywords = ClusterTaggableManager(
        through=OrganisationPageKeyword, blank=True, verbose_name=_("keywords")
    )
    street_address = models.CharField(
        _("street address"),
        max_length=200,
        blank=True,
        help_text=_("Street and number; shown only with the contact details when allowed below."),
    )
    postcode = models.CharField(
        _("postcode"), max_length=20, blank=True, help_text=_("Postcode of the street address.")
    )
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[validate_year],
        help_text=_("In four digits; given to search engines and in the directory's exports."),
    )
    languages = models.CharField(
        _("languages spoken"),
        max_length=100,
        blank=True,
        help_text=_("Language codes separated by commas, for example: fr, en, es."),
    )
    mastodon_url = models.URLField(
        _("Mastodon"), blank=True, help_text=_("Address of the organisation's Mastodon profile.")
    )
    linkedin_url = models.URLField(
        _("LinkedIn"), blank=True, help_text=_("Address of the organisation's LinkedIn page.")
    )
    bluesky_url = models.URLField(
        _("Bluesky"), blank=True, help_text=_("Address of the organisation's Bluesky profile.")
    )
    contact_email = models.EmailField(
        _("public contact e-mail"),
        blank=True,
        help_text=_("Published only if the organisation agreed (box below)."),
    )
    contact_phone = models.CharField(
        _("public contact phone"),
        max_length=40,
        blank=True,
        help_text=_("Published only if the organisation agreed (box below)."),
    )
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
        help_text=_("Inspiring places that this organisation is linked to."),
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
    search_fields = entry_search_fields(
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
    def card_eyebrow(self):
        return f"{self.get_organisation_type_display()} · {self.get_relation_display()}"

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
        """The related places in this page's language, with entry_card.html's renditions."""
        keys = translation_keys(self.related_places.all())
        images = get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)
        places = PlacePage.objects.live().public().filter(translation_key__in=keys)
        return (
            places.filter(locale_id=self.locale_id)
            .prefetch_related(models.Prefetch("image", queryset=images))
            .order_by("title")
        )

    def json_ld(self, request=None):
        return structured_data.organisation(self, request)


class PlacePage(PlaceSearch, DirectoryEntryPage):
    """A third place elsewhere that inspires the network, and what to learn from it."""

    kind = models.CharField(
        _("kind of place"),
        max_length=30,
        choices=PlaceKind.choices,
        help_text=_("Readers filter the directory by kind of place."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A landscape photo, at least 1200 pixels wide; shown in link previews."),
    )
    # On the page rather than the image: one image serves the French and English pages, and
    # wagtail-localize sends this field for translation with the rest of the page.
    image_alt = models.CharField(
        _("main image alternative text"),
        max_length=250,
        blank=True,
        help_text=_(
            "Describe the image for people who cannot see it, in this page's language. "
            "Empty: the image's own description is used."
        ),
    )
    gallery = StreamField(
        [("image", GalleryImageBlock())],
        blank=True,
        verbose_name=_("gallery"),
        help_text=_("More photos of the place, each with its description."),
    )
    lessons = RichTextField(
        _("what to learn from it"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the network can learn from this place."),
    )
    year_opened = models.PositiveSmallIntegerField(
        _("year opened"),
        null=True,
        blank=True,
        validators=[validate_year],
        help_text=_("In four digits; given in the directory's exports."),
    )
    keywords = ClusterTaggableManager(
        through=PlacePageKeyword, blank=True, verbose_name=_("keywords")
    )
    step_free_access = models.BooleanField(
        _("step-free access"),
        default=False,
        help_text=_("Tick if a wheelchair user can get in without steps."),
    )
    sign_language_welcome = models.BooleanField(
        _("French Sign Language (LSF) welcome"),
        default=False,
        help_text=_("Tick if visitors can be welcomed in French Sign Language."),
    )
    easy_to_read = models.BooleanField(
        _("easy-to-read information (FALC)"),
        default=False,
        help_text=_("Tick if information is available in easy-to-read French (FALC)."),
    )
    quiet_hours = models.BooleanField(
        _("quiet hours"),
        default=False,
        help_text=_("Tick if the place offers quiet hours (less noise and light)."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("kind"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
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
    search_fields = entry_search_fields(
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
    def image_alt_text(self):
        """The page's own words for its image, else the image's description (or title)."""
        if self.image is None:
            return ""
        return self.image_alt or self.image.default_alt_text

    @property
    def card_eyebrow(self):
        return self.get_kind_display()

    @property
    def accessibility(self):
        """Labels of the accessibility facets this place offers."""
        return [choice.label for choice in Accessibility if getattr(self, choice.value)]

    def related_entries(self):
        """Organisations that name this place among theirs, in this page's language."""
        # A subquery rather than a join and DISTINCT: in CI, PostgreSQL ran the join for
        # minutes, planned from statistics taken when the tables were nearly empty; a
        # semi-join on the link table does not depend on them.
        naming = OrganisationPage.related_places.through.objects.filter(
            placepage__translation_key=self.translation_key
        ).values("organisationpage_id")
        return (
            OrganisationPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, pk__in=naming)
            .order_by("title")
        )

    def json_ld(self, request=None):
        return structured_data.place(self, request)
