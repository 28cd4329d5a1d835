"""Admin report: which pages are missing a translation, and which translations are stale.

A page is listed once, in the language it was written in (the source of its wagtail-localize
translations); for every other language the report says "translated", "needs update" (the
source changed since the translation was last synced, or a sync brought words nobody has
translated yet) or "not translated".
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


@dataclass(frozen=True)
class LocaleStatus:
    locale: Locale
    state: str  # "translated", "outdated" or "missing"
    label: str
    edit_url: str
    action_url: str


class TranslationStatusReportView(PageReportView):
    results_template_name = "languages/reports/translation_status_results.html"
    page_title = _("Translation status")
    header_icon = "globe"
    index_url_name = "translation_status_report"
    index_results_url_name = "translation_status_report_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "locale.language_code", "translation_summary"]
    export_headings = {
        "locale.language_code": _("Source language"),
        "translation_summary": _("Translations"),
    }

    def get_queryset(self):
        # Pages that are the target of a wagtail-localize translation are shown under their
        # source page, not on their own.
        is_translation_target = Translation.objects.filter(
            source__object_id=OuterRef("translation_key"), target_locale=OuterRef("locale")
        )
        return (
            Page.objects.filter(depth__gt=1)
            .exclude(Exists(is_translation_target))
            .select_related("locale")
            .order_by("path")
        )

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        keys = {page.translation_key for page in pages}
        versions = {
            (key, locale_id): (pk, live)
            for key, locale_id, pk, live in Page.objects.filter(
                translation_key__in=keys
            ).values_list("translation_key", "locale_id", "pk", "live")
        }
        synced_at = dict(
            TranslationSource.objects.filter(object_id__in=keys).values_list(
                "object_id", "last_updated_at"
            )
        )
        locales = list(Locale.objects.order_by("pk"))
        untranslated = _untranslated_words(keys, locales)
        for page in pages:
            statuses = []
            for locale in locales:
                if locale.pk == page.locale_id:
                    continue
                version = versions.get((page.translation_key, locale.pk))
                last_sync = synced_at.get(page.translation_key)
                if version is None:
                    state, label = "missing", _("Not translated")
                elif (
                    last_sync is not None
                    and page.latest_revision_created_at is not None
                    and page.latest_revision_created_at > last_sync
                ) or (page.translation_key, locale.pk) in untranslated:
                    state, label = "outdated", _("Needs update")
                else:
                    state, label = "translated", _("Translated")
                statuses.append(
                    LocaleStatus(
                        locale=locale,
                        state=state,
                        label=label,
                        edit_url=reverse("wagtailadmin_pages:edit", args=[version[0]])
                        if version
                        else "",
                        action_url=reverse(
                            "wagtail_localize:submit_page_translation", args=[page.pk]
                        )
                        if state == "missing"
                        else "",
                    )
                )
            page.translation_statuses = statuses
            page.translation_summary = ", ".join(
                f"{s.locale.language_code}: {s.label}" for s in statuses
            )
        return pages


def _untranslated_words(keys, locales):
    """(translation_key, locale id) pairs whose enabled translation lacks some segment's words,
    in one query per locale."""
    pending = set()
    for locale in locales:
        missing = (
            StringSegment.objects.filter(
                source__object_id__in=keys,
                source__translations__target_locale=locale,
                source__translations__enabled=True,
            )
            .exclude(
                Exists(
                    StringTranslation.objects.filter(
                        translation_of_id=OuterRef("string_id"),
                        context_id=OuterRef("context_id"),
                        locale=locale,
                        has_error=False,
                    )
                )
            )
            .values_list("source__object_id", flat=True)
            .distinct()
        )
        pending.update((key, locale.pk) for key in missing)
    return pending
