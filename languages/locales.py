"""Each request looks a language's Locale up once.

Wagtail's `Locale.get_active()` and `Locale.get_default()` query the database on every call,
and one page calls them many times (the menu, the footer, the language links, `localized`,
blocks): 17 identical queries on the home page; `page.locale` costs a query per page object.
The lookups are remembered for the rest of the request (pagecache.requestmemo); outside a
request nothing is remembered, so a locale created, renamed or deleted by a command or a test
is seen at once.
"""

from django.apps import apps
from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from wagtail.models import Locale
from wagtail.models.i18n import LocaleManager

from pagecache.requestmemo import remember, remembered

_uncached_get_for_language = LocaleManager.get_for_language


def get_for_language(manager, language_code):
    """Wagtail's lookup, remembered for the rest of the request (a failed one is not)."""

    def lookup():
        locale = _uncached_get_for_language(manager, language_code)
        remember(("locale-id", locale.pk), locale)  # for `page.locale` below
        return locale

    return remembered(("locale", manager.db, language_code), lookup)


def locales_by_code():
    """Every locale by language code, read once per request."""
    return remembered(
        "locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()}
    )


class RememberedLocaleDescriptor(ForwardManyToOneDescriptor):
    """`page.locale` (any translatable model's), read once per request for each locale."""

    def get_object(self, instance):
        pk = getattr(instance, self.field.attname)
        return remembered(("locale-id", pk), lambda: super(type(self), self).get_object(instance))


def install():
    LocaleManager.get_for_language = get_for_language
    for model in apps.get_models():
        field = next((f for f in model._meta.local_fields if f.name == "locale"), None)
        if field is not None and field.related_model is Locale:
            model.locale = RememberedLocaleDescriptor(field)
