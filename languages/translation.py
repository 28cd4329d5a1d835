"""Translate a page or snippet through wagtail-localize's own models.

The demo loader and the tests use this so that their English content is managed exactly as an
editor's would be: a TranslationSource for the French original, a Translation per target
locale, StringTranslations for each segment, then `save_target`. Editors later see the
translation in wagtail-localize's editor and can sync it when the French page changes.
"""

from django.db import transaction
from wagtail.models import DraftStateMixin
from wagtail_localize.models import Translation, TranslationSource


class MissingTranslations(ValueError):
    """Raised when the glossary lacks some of the source's strings."""


@transaction.atomic
def translate(instance, locale, glossary, *, publish=True, user=None, strict=True):
    """Create or update `instance`'s translation into `locale` and return the translated object.

    `glossary` maps each source string (as wagtail-localize segments it) to its translation.
    With `strict`, a source string missing from the glossary is an error rather than a silent
    fallback to the source language.
    """
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgid in glossary:
            entry.msgstr = glossary[entry.msgid]
        elif not entry.msgstr:
            missing.append(entry.msgid)
    if missing and strict:
        raise MissingTranslations(
            f"No {locale.language_code} translation for: " + "; ".join(repr(m) for m in missing)
        )
    translation.import_po(po, user=user, tool_name="glossary")
    if publish and isinstance(instance, DraftStateMixin):
        # save_target(publish=True) defers publishing to the end of the outermost transaction,
        # from a page object loaded now: pages added to the tree meanwhile (a whole demo
        # site in one transaction) would be overwritten with a stale tree. Publish now.
        translation.save_target(user=user, publish=False)
        instance.get_translation(locale).get_latest_revision().publish(user=user)
    else:
        translation.save_target(user=user, publish=publish)
    return instance.get_translation(locale)
