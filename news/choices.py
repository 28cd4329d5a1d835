"""Controlled vocabulary of the news app, as TextChoices: stable in addresses and feeds."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleKind(models.TextChoices):
    NEWS = "news", _("News")
    STORY = "story", _("Story")
    PRESS_RELEASE = "press-release", _("Press release")
