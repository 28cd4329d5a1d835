"""Authors: a translatable snippet (the name is the same in every language, not the role)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class Author(TranslatableMixin, index.Indexed, models.Model):
    """Someone who writes for the halls: the name is the same in every language, not the role."""

    name = models.CharField(
        _("name"), max_length=100, help_text=_("First name and last name, as signed.")
    )
    role = models.CharField(
        _("role"),
        max_length=120,
        blank=True,
        help_text=_("Their role at the halls, e.g. “Communications officer”."),
    )
    bio = models.TextField(
        _("biography"),
        max_length=600,
        blank=True,
        help_text=_("Two or three sentences shown with their articles."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A portrait, square if possible."),
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
