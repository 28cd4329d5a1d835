"""Articles: news items, stories and press releases written by the halls' staff.

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
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from languages.origin import absolute_url
from streamblocks.blocks import BaseStreamBlock

from .choices import ArticleKind
from .related import localized_pages, themes_by_key

OG_RENDITION = "fill-1200x630"


class ArticlePage(Page):
    """A news item, a story or a press release written by the halls' staff."""

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=ArticleKind.choices,
        default=ArticleKind.NEWS,
        help_text=_("Press release, story, announcement…: shown above the title."),
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
        help_text=_(
            "A landscape photo, at least 1200 pixels wide; shown in lists and link previews."
        ),
    )
    lead_image_alt = models.CharField(
        _("lead image alternative text"),
        max_length=200,
        blank=True,
        help_text=_("Describe the image for people who cannot see it; leave empty if decorative."),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("The article itself, from blocks."),
    )
    author = models.ForeignKey(
        "news.Author",
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text=_("Who signs the article; leave empty for the team."),
    )
    themes = ParentalManyToManyField(
        "directory.Theme",
        blank=True,
        related_name="+",
        verbose_name=_("themes"),
        help_text=_("The themes the article is about; readers find it from them."),
    )
    related_organisations = ParentalManyToManyField(
        "directory.OrganisationPage",
        blank=True,
        related_name="+",
        verbose_name=_("related organisations"),
        help_text=_("Directory organisations the article mentions; listed under it."),
    )
    related_places = ParentalManyToManyField(
        "directory.PlacePage",
        blank=True,
        related_name="+",
        verbose_name=_("related places"),
        help_text=_("Inspiring places the article mentions; listed under it."),
    )
    related_events = ParentalManyToManyField(
        "programme.EventPage",
        blank=True,
        related_name="+",
        verbose_name=_("related events"),
        help_text=_("Events the article announces; listed under it."),
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
        return absolute_url(url)

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
            themes = self.localized_themes(themes_by_key(self.locale_id))
        if themes:
            data["keywords"] = [theme.name for theme in themes]
        return data
