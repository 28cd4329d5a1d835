"""What a page says about itself to search engines and link previews (meta description, Open
Graph, Twitter cards): taken from the page's own fields, with the site's defaults behind them."""

from dataclasses import dataclass

from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

DESCRIPTION_LENGTH = 160
# Fields that hold a page's short description or its picture, by page type, in order of choice.
DESCRIPTION_FIELDS = ("search_description", "summary", "introduction")
LONG_TEXT_FIELDS = ("description", "body")
IMAGE_FIELDS = ("image", "lead_image", "logo")
SHARE_RENDITION = "fill-1200x630"
DEFAULT_IMAGE = "img/share-default.png"  # 1200 x 630, the network's mark on its colours


@dataclass(frozen=True)
class ShareImage:
    url: str
    width: int
    height: int
    alt: str


def _text(value):
    text = " ".join(strip_tags(str(value or "")).split())
    return Truncator(text).chars(DESCRIPTION_LENGTH) if text else ""


def _stream_text(stream):
    """The first prose of a StreamField: a rich-text or hero block's words."""
    for block in stream or []:
        value = block.value
        if block.block_type in ("rich_text", "paragraph"):
            return _text(getattr(value, "source", value))
        if hasattr(value, "get"):
            for key in ("text", "subheading", "heading"):
                if value.get(key):
                    return _text(getattr(value[key], "source", value[key]))
    return ""


def description(page):
    """The page's own words: its search description, summary or introduction, else the start of
    its text; pages that say nothing get the network's description."""
    if page is not None:
        for field in DESCRIPTION_FIELDS:
            text = _text(getattr(page, field, ""))
            if text:
                return text
        for field in LONG_TEXT_FIELDS:
            value = getattr(page, field, None)
            text = _stream_text(value) if hasattr(value, "stream_block") else _text(value)
            if text:
                return text
    return _(
        "Les Halles Civiques: a network of civic third places. Directory, programme of "
        "events and festivals, rooms to hire."
    )


def _page_image(page):
    """(image, its alternative text as the page gives it) or (None, "")."""
    for field in IMAGE_FIELDS:
        image = getattr(page, field, None)
        if image is not None and hasattr(image, "get_rendition"):
            return image, getattr(page, f"{field}_alt", "")
    photos = getattr(page, "photos", None)
    if photos is not None and hasattr(photos, "select_related"):
        photo = photos.select_related("image").first()
        if photo is not None:
            return photo.image, getattr(photo, "caption", "")
    body = getattr(page, "body", None)
    for block in body if hasattr(body, "stream_block") else []:
        value = block.value
        image = value.get("image") if hasattr(value, "get") else None
        if image is not None and hasattr(image, "get_rendition"):
            return image, value.get("alt_text", "")
    return None, ""


def share_image(request, page, site_settings=None):
    """A picture for link previews, as an absolute URL: the page's own image, else the one the
    site settings name, else the network's mark."""
    image, alt = _page_image(page) if page is not None else (None, "")
    if image is None and site_settings is not None:
        image = getattr(site_settings, "share_image", None)
    if image is not None:
        try:
            rendition = image.get_rendition(SHARE_RENDITION)
        except Exception:  # noqa: BLE001 (a missing file must not break the page)
            rendition = None
        if rendition is not None:
            alt = alt or getattr(image, "description", "") or ""
            return ShareImage(
                request.build_absolute_uri(rendition.url), rendition.width, rendition.height, alt
            )
    return ShareImage(request.build_absolute_uri(static(DEFAULT_IMAGE)), 1200, 630, "")
