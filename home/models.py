"""The editorial pages: each language's home page, built from blocks, and content pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from directory.blocks import FeaturedEntriesBlock
from news.blocks import LatestNewsBlock
from newsletter.blocks import NewsletterSignupBlock
from programme.blocks import UpcomingEventsBlock
from streamblocks.blocks import BaseStreamBlock, HeroBlock


class HomeStreamBlock(BaseStreamBlock):
    hero = HeroBlock()
    featured_entries = FeaturedEntriesBlock()
    upcoming_events = UpcomingEventsBlock()
    latest_news = LatestNewsBlock()
    newsletter_signup = NewsletterSignupBlock()


class ContentStreamBlock(BaseStreamBlock):
    newsletter_signup = NewsletterSignupBlock()


class HomePage(Page):
    """The root of each language's tree; editors arrange it from blocks."""

    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")


class ContentPage(Page):
    """A standard page: about, visiting us, renting a room..."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=500)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.ContentPage"]

    class Meta:
        verbose_name = _("content page")
