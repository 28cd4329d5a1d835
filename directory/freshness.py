"""How fresh a listing is: the day someone last confirmed it, and hiding what nobody confirms.

`last_confirmed` is a fact about the page as a whole, not about one revision: a confirmation
must survive the publication of a revision saved before it (a change waiting in moderation),
so `with_content_json` keeps the row's value rather than the revision's. A confirmation
applies to every language version (they share the translation key).

Entries unconfirmed for PORTAL_FRESHNESS_STALE_DAYS are listed in the admin's report; with
PORTAL_FRESHNESS_AUTO_HIDE they are unpublished, and the revision that was live is kept so
that a later confirmation brings it back as it was.
"""

import datetime as dt

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from pagecache.version import invalidate


class FreshnessMixin(models.Model):
    """A page whose partner confirms from time to time that it is still right."""

    last_confirmed = models.DateField(
        _("last confirmed"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The day the organisation last confirmed that this listing is right."),
    )

    class Meta:
        abstract = True

    def with_content_json(self, content):
        page = super().with_content_json(content)
        # From the row, not `self`: a revision's cached page may predate the confirmation.
        stored = type(self).objects.filter(pk=self.pk).values_list("last_confirmed", flat=True)
        page.last_confirmed = stored.first() if self.pk else self.last_confirmed
        return page

    @property
    def confirmed_on(self):
        """The later of the last confirmation and the last publication (whoever publishes a
        listing has just read it)."""
        published = self.last_published_at or self.first_published_at
        days = [self.last_confirmed, timezone.localdate(published) if published else None]
        days = [day for day in days if day]
        return max(days) if days else None


class StaleHiding(models.Model):
    """A page unpublished because nobody confirmed it, and the revision that was live."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_at = models.DateTimeField(_("hidden on"), auto_now_add=True)

    class Meta:
        verbose_name = _("listing hidden as out of date")
        verbose_name_plural = _("listings hidden as out of date")

    def __str__(self):
        return str(self.page)


def stale_days():
    return getattr(settings, "PORTAL_FRESHNESS_STALE_DAYS", 425)


def stale_before():
    """Entries whose confirmation is older than this day are out of date."""
    return timezone.localdate() - dt.timedelta(days=stale_days())


def confirmed_before(queryset, day):
    """Pages of `queryset` neither confirmed nor published since `day` (see confirmed_on)."""
    moment = dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_current_timezone())
    not_confirmed = models.Q(last_confirmed__isnull=True) | models.Q(last_confirmed__lt=day)
    not_published = models.Q(last_published_at__isnull=True) | models.Q(
        last_published_at__lt=moment
    )
    return queryset.filter(not_confirmed & not_published)


@transaction.atomic
def confirm(pages, day=None):
    """Mark `pages` (and their translations) as confirmed today; bring back hidden ones.

    Returns the pages published again because they had been hidden as out of date.
    """
    day = day or timezone.localdate()
    restored, changed = [], 0
    for page in pages:
        model = type(page.specific) if type(page) is Page else type(page)
        translations = model.objects.filter(translation_key=page.translation_key)
        changed += translations.exclude(last_confirmed=day).update(last_confirmed=day)
        for hiding in StaleHiding.objects.filter(page__in=translations).select_related("revision"):
            if hiding.revision is not None and not hiding.page.live:
                hiding.revision.publish(log_action="directory.restore_confirmed")
                hiding.page.refresh_from_db()
                restored.append(hiding.page)
            hiding.delete()
    if changed or restored:  # a second click the same day leaves every cached page valid
        invalidate()
    return restored


@transaction.atomic
def hide(page):
    """Unpublish an out-of-date page (every language), remembering what was live."""
    for version in type(page).objects.filter(translation_key=page.translation_key).live():
        StaleHiding.objects.update_or_create(
            page=version, defaults={"revision": version.live_revision}
        )
        version.unpublish(log_action="directory.hide_stale")


def hide_stale(models_to_check):
    """Unpublish every live page of `models_to_check` that is out of date; returns them."""
    hidden = []
    for model in models_to_check:
        for page in confirmed_before(model.objects.live(), stale_before()):
            hide(page)
            hidden.append(page)
    return hidden
