"""Themes: the directory's controlled vocabulary, one translation per language."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Theme(TranslatableMixin, index.Indexed, models.Model):
    """A field of work (participatory democracy, civic tech...).

    Entries point at the theme of the source language (wagtail-localize copies many-to-many
    values as they are), so lookups across languages go through `translation_key`.
    """

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"), max_length=80, allow_unicode=False, help_text=_("Used in filter addresses.")
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="directory_theme_unique_slug")
        ]

    def __str__(self):
        return self.name
