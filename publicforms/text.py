"""One rule for text: no control characters other than tab, line feed and carriage return.

They are invisible, break XML (an Atom feed with U+000B cannot be written) and iCalendar, and
no one types them on purpose. Text coming in is refused with a message naming the problem:
every public form (`CleanTextForm`) and every text field an editor fills in Wagtail's
forms (`cover_admin_text_fields`, run by `PublicformsConfig.ready`). Text going
out to feeds and calendars is stripped as well (`strip_control_characters`), so that data
stored before the rule, or by code, cannot produce an invalid document.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

# C0 controls but tab, LF and CR; DEL; C1 controls; the two non-characters XML refuses.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def strip_control_characters(value):
    """`value` without control characters (strings only; anything else is returned as is)."""
    if isinstance(value, str):
        return CONTROL_CHARACTERS.sub("", value)
    return value


@deconstructible
class NoControlCharactersValidator:
    message = _(
        "This text contains an invisible control character (often pasted from another "
        "program): retype it or paste it as plain text."
    )
    code = "control_characters"

    def __call__(self, value):
        if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other):
        return isinstance(other, NoControlCharactersValidator)


refuse_control_characters = NoControlCharactersValidator()


class CleanTextForm(forms.Form):
    """A public form whose every text field refuses control characters."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and refuse_control_characters not in (
                field.validators
            ):
                field.validators.append(refuse_control_characters)


def _with_validator(value):
    """A Wagtail form-field override (a dict, or a function of the model field giving one)
    that also passes the validator to the form field."""

    def override(db_field):
        options = dict(value(db_field) if callable(value) else value or {})
        options["validators"] = [*options.get("validators", ()), refuse_control_characters]
        return options

    return override


def cover_admin_text_fields():
    """Every text field of Wagtail's editing forms (pages, snippets, settings) refuses control
    characters: Wagtail's registry of form-field options gains the validator for CharField,
    TextField and each of their subclasses that has options of its own, and tags."""
    from taggit.managers import TaggableManager
    from wagtail.admin.forms.models import registry

    text_fields = (models.CharField, models.TextField, TaggableManager)
    for by_class in (registry.values_by_exact_class, registry.values_by_class):
        for field_class, value in list(by_class.items()):
            if issubclass(field_class, text_fields) and not getattr(value, "cleans_text", False):
                by_class[field_class] = _with_validator(value)
                by_class[field_class].cleans_text = True
    for field_class in text_fields[:2]:
        if field_class not in registry.values_by_class:
            registry.values_by_class[field_class] = _with_validator(None)
            registry.values_by_class[field_class].cleans_text = True


class CleanAtom1Feed(Atom1Feed):
    """An Atom feed that writes stored text without control characters: XML cannot hold them
    (Django's writer raises, and the feed answered 500 for every reader)."""

    content_type = "application/atom+xml; charset=utf-8"

    def __init__(self, *args, **kwargs):
        super().__init__(*_clean(args), **_clean(kwargs))

    def add_item(self, *args, **kwargs):
        super().add_item(*_clean(args), **_clean(kwargs))


def _clean(values):
    if isinstance(values, dict):
        return {key: _clean(value) for key, value in values.items()}
    if isinstance(values, list | tuple):
        return type(values)(_clean(value) for value in values)
    return strip_control_characters(values)
