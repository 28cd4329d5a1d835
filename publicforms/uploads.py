"""Image uploads from the public: checked by content, re-encoded, never trusted by name.

Only JPEG, PNG and WebP are accepted, whatever the file is called; the pixel count is read
from the header and checked before anything is decoded (a 20000x20000 PNG is a few kilobytes
on disk and gigabytes in memory). The image is then re-encoded, which drops metadata (EXIF
location) and anything smuggled after the image data.
"""

import io
import uuid

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def max_upload_bytes():
    return getattr(settings, "PORTAL_UPLOAD_MAX_BYTES", 5 * 1024 * 1024)


def max_pixels():
    return getattr(settings, "PORTAL_UPLOAD_MAX_PIXELS", 24_000_000)


def clean_image(upload):
    """Validate an uploaded file as an image and return a re-encoded ContentFile.

    Raises forms.ValidationError with a message meant for the person who uploaded it.
    """
    if upload.size > max_upload_bytes():
        raise forms.ValidationError(
            _("The image is too large: %(size)s at most.")
            % {"size": filesizeformat(max_upload_bytes())},
            code="too_large",
        )
    upload.seek(0)
    data = upload.read(max_upload_bytes() + 1)
    try:
        with Image.open(io.BytesIO(data)) as probe:
            image_format = probe.format
            width, height = probe.size
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise forms.ValidationError(
            _("This file is not an image we accept: send a JPEG, PNG or WebP image."),
            code="not_image",
        ) from None
    if image_format not in ALLOWED_FORMATS:
        raise forms.ValidationError(
            _("This file is not an image we accept: send a JPEG, PNG or WebP image."),
            code="format",
        )
    if width * height > max_pixels() or width < 1 or height < 1:
        raise forms.ValidationError(
            _("The image has too many pixels: %(megapixels)s megapixels at most.")
            % {"megapixels": max_pixels() // 1_000_000},
            code="too_many_pixels",
        )
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
            image = image.convert("RGBA" if has_alpha else "RGB")
            output = io.BytesIO()
            save_format = image_format
            if save_format == "JPEG" and has_alpha:
                save_format = "PNG"
            options = {"JPEG": {"quality": 85}, "WEBP": {"quality": 85}}.get(save_format, {})
            image.save(output, format=save_format, **options)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise forms.ValidationError(
            _("This image is damaged: please send another file."), code="damaged"
        ) from None
    name = f"submission-{uuid.uuid4().hex}.{ALLOWED_FORMATS[save_format]}"
    content = ContentFile(output.getvalue(), name=name)
    content.image_size = (width, height)
    return content


class SafeImageField(forms.FileField):
    """A file field whose cleaned value is a re-encoded, verified image (a ContentFile)."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget", forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if value and value is not initial and hasattr(value, "read"):
            return clean_image(value)
        return value
