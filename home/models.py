"""Editorial pages (home, content pages) and the site-wide settings editors control."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index

from directory.blocks import FeaturedEntriesBlock
from news.blocks import LatestNewsBlock
from programme.blocks import UpcomingEventsBlock
from search.index import STEMMED_SEARCH_FIELDS, StemmedSearchMixin

from .blocks import BaseStreamBlock, HeroBlock


class HomeStreamBlock(BaseStreamBlock):
    hero = HeroBlock()
    featured_entries = FeaturedEntriesBlock()
    upcoming_events = UpcomingEventsBlock()
    latest_news = LatestNewsBlock()


class HomePage(StemmedSearchMixin, Page):
    """The root of each language's tree; editors arrange it from blocks."""

    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body"), *STEMMED_SEARCH_FIELDS]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")


class ContentPage(StemmedSearchMixin, Page):
    """A standard page: about, visiting us, renting a room..."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=500)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
        *STEMMED_SEARCH_FIELDS,
    ]

    parent_page_types = ["home.HomePage", "home.ContentPage"]

    class Meta:
        verbose_name = _("content page")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Facts about the hall that are the same in every language."""

    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    mastodon_url = models.URLField(_("Mastodon"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    newsletter_url = models.URLField(_("newsletter"), blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("phone")], heading=_("Contact")),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("postcode"),
                FieldPanel("city"),
                FieldPanel("country"),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("mastodon_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("instagram_url"),
                FieldPanel("newsletter_url"),
            ],
            heading=_("Social links"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def social_links(self):
        """(label, url) pairs for the links that are filled in, in a fixed order."""
        links = [
            ("Mastodon", self.mastodon_url),
            ("LinkedIn", self.linkedin_url),
            ("Instagram", self.instagram_url),
            (_("Newsletter"), self.newsletter_url),
        ]
        return [(label, url) for label, url in links if url]


class ForActiveLocaleQuerySet(models.QuerySet):
    def for_active_locale(self):
        """The object in the reader's language, else the one in the default language."""
        active = Locale.get_active()
        objects = list(self.filter(locale__in=[active, Locale.get_default()]))
        for obj in objects:
            if obj.locale_id == active.pk:
                return obj
        return objects[0] if objects else None


class SiteFooter(TranslatableMixin, models.Model):
    """Words of the footer that change with the language: opening hours and a short text."""

    opening_hours = RichTextField(_("opening hours"), features=["bold", "ul", "link"], blank=True)
    footer_text = RichTextField(_("footer text"), features=["bold", "italic", "link"], blank=True)

    objects = ForActiveLocaleQuerySet.as_manager()

    panels = [FieldPanel("opening_hours"), FieldPanel("footer_text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return str(_("Footer (%(language)s)") % {"language": self.locale.get_display_name()})


class MainMenu(TranslatableMixin, ClusterableModel):
    """The header's navigation, one per language, arranged by editors."""

    objects = ForActiveLocaleQuerySet.as_manager()

    panels = [InlinePanel("items", label=_("Menu items"))]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("main menu")
        verbose_name_plural = _("main menus")

    def __str__(self):
        return str(_("Main menu (%(language)s)") % {"language": self.locale.get_display_name()})


class MenuItem(TranslatableMixin, Orderable):
    menu = ParentalKey(MainMenu, related_name="items", on_delete=models.CASCADE)
    label = models.CharField(
        _("label"), max_length=60, blank=True, help_text=_("Leave empty to use the page title.")
    )
    link_page = models.ForeignKey(
        Page,
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.URLField(_("external address"), blank=True)

    panels = [FieldPanel("label"), PageChooserPanel("link_page"), FieldPanel("link_url")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("menu item")

    def __str__(self):
        return self.label or (self.link_page.title if self.link_page else self.link_url)

    def clean(self):
        if not self.link_page_id and not self.link_url:
            raise ValidationError(_("Choose a page or enter an external address."))
