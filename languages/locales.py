"""Each request looks a language's Locale up once.

Wagtail's `Locale.get_active()` and `Locale.get_default()` query the database on every call,
and one page calls them many times (the menu, the footer, the language links, `localized`,
blocks): 17 identical queries on the home page; `page.locale` costs a query per page object.
All of them (a handful) are read in one query and remembered for the rest of the request
(pagecache.requestmemo), whichever is asked first, by code or by id; outside a request nothing
is remembered, so a locale created, renamed or deleted by a command or a test is seen at once.
"""

from django.apps import apps
from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale
from wagtail.models.i18n import LocaleManager

from pagecache.requestmemo import remembered

_uncached_get_for_language = LocaleManager.get_for_language


def _all_locales():
    """Every locale (a handful), read once per request: by code and by id."""

    def lookup():
        locales = list(Locale.objects.all())
        return {
            "code": {locale.language_code: locale for locale in locales},
            "id": {locale.pk: locale for locale in locales},
        }

    return remembered("all-locales", lookup)


def get_for_language(manager, language_code):
    """Wagtail's lookup, answered from the request's one read of every locale (an unknown
    code goes to Wagtail, which raises as it always did)."""
    if manager.db == "default":
        code = get_supported_content_language_variant(language_code)
        locale = _all_locales()["code"].get(code)
        if locale is not None:
            return locale
    return _uncached_get_for_language(manager, language_code)


def locales_by_code():
    """Every locale by language code, read once per request."""
    return _all_locales()["code"]


class RememberedLocaleDescriptor(ForwardManyToOneDescriptor):
    """`page.locale` (any translatable model's), read once per request for each locale."""

    def get_object(self, instance):
        locale = _all_locales()["id"].get(getattr(instance, self.field.attname))
        return locale if locale is not None else super().get_object(instance)


def install():
    LocaleManager.get_for_language = get_for_language
    for model in apps.get_models():
        field = next((f for f in model._meta.local_fields if f.name == "locale"), None)
        if field is not None and field.related_model is Locale:
            model.locale = RememberedLocaleDescriptor(field)
