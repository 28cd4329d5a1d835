"""The admin's image form: a file that claims to be a bitmap but is not one is refused.

Wagtail trusts the file's first bytes to pick a format, then Pillow fails on the rest
("GIF89a" followed by markup, a truncated PNG) and the upload answers 500. Here any file
Pillow cannot read becomes the form's ordinary "not a valid image" error.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

UNREADABLE = _("This file is not an image this site can read. Upload a JPEG, PNG, GIF or WebP.")


def _refusing_unreadable(to_python):
    def wrapped(data):
        try:
            return to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # Pillow raises many types for a broken file
            raise ValidationError(UNREADABLE, code="invalid_image") from error

    return wrapped


class PortalImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            field.to_python = _refusing_unreadable(field.to_python)
