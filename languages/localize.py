"""A correction to wagtail-localize's synchronisation of many-to-many fields.

wagtail-localize 1.14 copies a synchronised ParentalManyToManyField only when the source has
values (`if values:` in `wagtail_localize.fields.copy_synchronised_fields`), so removing every
theme, organiser or related page from the French version leaves the old ones on the English
version for ever (see wagtail/wagtail-localize#820 and #534). The portal synchronises such
fields on entries, events and articles, so it clears them too.
"""

from modelcluster.fields import ParentalManyToManyField
from wagtail_localize import fields as localize_fields
from wagtail_localize import models as localize_models

_copy_synchronised_fields = localize_fields.copy_synchronised_fields


def copy_synchronised_fields(source, target):
    _copy_synchronised_fields(source, target)
    for translatable in localize_fields.get_translatable_fields(source.__class__):
        if not translatable.is_synchronized(source):
            continue
        field = translatable.get_field(target.__class__)
        if isinstance(field, ParentalManyToManyField) and not getattr(source, field.name).all():
            setattr(target, field.attname, [])


def install():
    """Use the corrected copy where wagtail-localize creates and previews translations."""
    localize_models.copy_synchronised_fields = copy_synchronised_fields
