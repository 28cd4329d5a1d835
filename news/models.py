"""News: authors (a translatable snippet), the news index of each language and its articles.

Facts shared by every language version of an article (its date, kind, images and the pages it
links to) are synchronised by wagtail-localize; words are translated. wagtail-localize copies
many-to-many values as they are, so an English article points at the French themes and pages:
they are shown in the reader's language through `translation_key`, as the directory does.
"""

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, Site, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BaseStreamBlock
from search.index import STEMMED_SEARCH_FIELDS, StemmedSearchMixin

from .choices import ArticleKind

OG_RENDITION = "fill-1200x630"


class Author(TranslatableMixin, index.Indexed, models.Model):
    """Someone who writes for the halls: the name is the same in every language, not the role."""

    name = models.CharField(_("name"), max_length=100)
    role = models.CharField(_("role"), max_length=120, blank=True)
    bio = models.TextField(_("biography"), max_length=600, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("bio"), FieldPanel("photo")]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.FilterField("locale"),
    ]
    override_translatable_fields = [SynchronizedField("name"), SynchronizedField("photo")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self):
        return self.name


class NewsIndexPage(StemmedSearchMixin, RoutablePageMixin, Page):
    """The news of a language (one under each home page), with its Atom feed."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        *STEMMED_SEARCH_FIELDS,
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.ArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    @path("")
    def listing(self, request):
        from .views import news_listing

        return news_listing(self, request)

    # Wagtail serves only slash-ended paths without dots, hence "feed/" and not "feed.xml".
    @path("feed/", name="atom")
    def atom(self, request):
        from .feeds import atom_response

        return atom_response(request, self)

    def feed_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("atom")


class ArticlePage(StemmedSearchMixin, Page):
    """A news item, a story or a press release written by the halls' staff."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=ArticleKind.choices, default=ArticleKind.NEWS
    )
    date = models.DateField(
        _("date"),
        default=dt.date.today,
        help_text=_("The date readers see; use the go-live date to publish it later."),
    )
    introduction = models.TextField(
        _("introduction"), max_length=500, help_text=_("A few sentences shown in lists and feeds.")
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("lead image alternative text"),
        max_length=200,
        blank=True,
        help_text=_("Describe the image for people who cannot see it; leave empty if decorative."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    author = models.ForeignKey(
        "news.Author",
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    themes = ParentalManyToManyField(
        "directory.Theme", blank=True, related_name="+", verbose_name=_("themes")
    )
    related_organisations = ParentalManyToManyField(
        "directory.OrganisationPage",
        blank=True,
        related_name="+",
        verbose_name=_("related organisations"),
    )
    related_places = ParentalManyToManyField(
        "directory.PlacePage", blank=True, related_name="+", verbose_name=_("related places")
    )
    related_events = ParentalManyToManyField(
        "programme.EventPage", blank=True, related_name="+", verbose_name=_("related events")
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date"), FieldPanel("author")]),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt")], heading=_("Lead image")
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("themes"),
                FieldPanel("related_organisations"),
                FieldPanel("related_places"),
                FieldPanel("related_events"),
            ],
            heading=_("Themes and related pages"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("title", boost=10),
        index.SearchField("introduction", boost=2),
        index.SearchField("body"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("date"),
        *STEMMED_SEARCH_FIELDS,
    ]
    override_translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("date"),
        SynchronizedField("lead_image"),
        SynchronizedField("themes"),
        SynchronizedField("related_organisations"),
        SynchronizedField("related_places"),
        SynchronizedField("related_events"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def get_context(self, request, *args, **kwargs):
        from .queries import localized_pages, themes_by_key

        context = super().get_context(request, *args, **kwargs)
        themes = self.localized_themes(themes_by_key(self.locale_id))
        context["themes"] = themes
        context["related"] = localized_pages(self)
        context["json_ld"] = self.json_ld(request, themes)
        news_index = self.get_parent().specific
        context["news_index"] = news_index
        context["feed_url"] = news_index.feed_url(request)
        return context

    def localized_themes(self, by_key):
        """This article's themes in the reader's language, from a translation_key -> Theme map."""
        return [by_key.get(theme.translation_key, theme) for theme in self.themes.all()]

    def lead_image_url(self, request=None):
        """The absolute address of the lead image cropped for social networks, or ''."""
        if not self.lead_image_id:
            return ""
        url = self.lead_image.get_rendition(OG_RENDITION).url
        return request.build_absolute_uri(url) if request else url

    def json_ld(self, request=None, themes=None):
        """schema.org NewsArticle, built here so that the template only escapes it."""
        url = self.get_full_url(request)
        site = Site.find_for_request(request) if request else None
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title,
            "description": self.introduction,
            "datePublished": self.date.isoformat(),
            "inLanguage": self.locale.language_code,
            "articleSection": self.get_kind_display(),
            "url": url,
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "publisher": {
                "@type": "Organization",
                "name": (site.site_name if site else "") or "Les Halles Civiques",
            },
        }
        if self.last_published_at:
            data["dateModified"] = timezone.localtime(self.last_published_at).isoformat()
        if self.author_id:
            author = {"@type": "Person", "name": self.author.name}
            if self.author.role:
                author["jobTitle"] = self.author.role
            data["author"] = author
        image = self.lead_image_url(request)
        if image:
            data["image"] = [image]
        if themes is None:
            from .queries import themes_by_key

            themes = self.localized_themes(themes_by_key(self.locale_id))
        if themes:
            data["keywords"] = [theme.name for theme in themes]
        return data
