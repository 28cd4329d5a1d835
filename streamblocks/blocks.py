"""The shared block library: every StreamField on the site is built from these blocks.

Other apps extend it (the directory and programme add blocks that feature their pages);
each block has its own template in templates/blocks/, an icon and a label.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or, failing that, to an external address."""

    label = blocks.CharBlock(label=_("Link text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": blocks.BlockValidationError(_("Choose a page or an address."))
                }
            )
        return value


class HeroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    image = ImageChooserBlock(label=_("Background image"), required=False)
    links = blocks.ListBlock(LinkBlock(), label=_("Buttons"), max_num=2, default=[])

    class Meta:
        icon = "pick"
        label = _("Hero")
        template = "blocks/hero_block.html"


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "blocks/rich_text_block.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    link = LinkBlock(label=_("Button"))

    class Meta:
        icon = "bullhorn"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=200,
        required=False,
        help_text=_("Describe the image for people who cannot see it; leave empty if decorative."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "blocks/image_with_caption_block.html"


class FeaturedPagesBlock(blocks.StructBlock):
    """Cards for pages an editor picks by hand (directory entries, events, content pages)."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(label=_("Page")), label=_("Pages"), min_num=1, max_num=12
    )

    class Meta:
        icon = "list-ul"
        label = _("Featured pages")
        template = "blocks/featured_pages_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    """Blocks any editorial page can use."""

    rich_text = RichTextBlock()
    call_to_action = CallToActionBlock()
    image = ImageWithCaptionBlock()
    featured_pages = FeaturedPagesBlock()
