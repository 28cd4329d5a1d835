"""The news of a language (one index under each home page), with its Atom feed."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from . import feeds, views


class NewsIndexPage(RoutablePageMixin, Page):
    """The news of a language (one under each home page), with its Atom feed."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=500,
        help_text=_("A few sentences at the top of the news page and in search results."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.ArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    @path("")
    def listing(self, request):
        return views.news_listing(self, request)

    # Wagtail serves only slash-ended paths without dots, hence "feed/" and not "feed.xml".
    @path("feed/", name="atom")
    def atom(self, request):
        return feeds.atom_response(request, self)

    def feed_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("atom")
