"""What an article links to, in the article's language: its themes and related pages.

wagtail-localize copies many-to-many values as they are, so an English article points at the
French themes and pages: they are shown in the reader's language through `translation_key`.
"""

from django.utils.translation import gettext_lazy as _

from directory.models import OrganisationPage, PlacePage, Theme
from languages.i18n import translation_keys
from programme.models import EventPage


def themes_by_key(locale_id):
    """The themes of a language, by translation_key (the link between language versions)."""
    return {theme.translation_key: theme for theme in Theme.objects.filter(locale_id=locale_id)}


RELATED = [
    ("related_organisations", OrganisationPage, _("Organisations")),
    ("related_places", PlacePage, _("Places")),
    ("related_events", EventPage, _("Events")),
]


def localized_pages(article):
    """The pages an article links to, in its own language, grouped by kind.

    wagtail-localize copies the links of the French article as they are: the English version
    shows the English translation of each page, and leaves out pages not (yet) translated.
    """
    groups = []
    for field, model, heading in RELATED:
        keys = translation_keys(getattr(article, field).all())
        pages = list(
            model.objects.live()
            .public()
            .filter(locale_id=article.locale_id, translation_key__in=keys)
            .order_by("title")
        )
        if pages:
            groups.append({"name": field, "heading": heading, "pages": pages})
    return groups
