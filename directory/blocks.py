"""Directory blocks: featured entries for editorial pages, and the images of a place's gallery."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class FeaturedEntriesBlock(blocks.StructBlock):
    """Cards for directory entries an editor picks (organisations and inspiration places)."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    entries = blocks.ListBlock(
        blocks.PageChooserBlock(
            label=_("Directory entry"),
            page_type=["directory.OrganisationPage", "directory.PlacePage"],
        ),
        label=_("Entries"),
        min_num=1,
        max_num=12,
    )

    class Meta:
        icon = "group"
        label = _("Featured directory entries")
        template = "blocks/featured_entries_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # Only live pages are shown, in the reader's language when a translation exists.
        context["entries"] = [
            page.localized.specific for page in value["entries"] if page is not None and page.live
        ]
        return context


class GalleryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(
        label=_("Image"), help_text=_("A landscape photo, at least 1200 pixels wide.")
    )
    # In the block, so that wagtail-localize translates it with the page (the image is shared).
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        # Galleries saved before this field read it as "", which wagtail-localize accepts.
        default="",
        help_text=_(
            "Describe the image for people who cannot see it, in this page's language. "
            "Empty: the image's own description is used."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "directory/blocks/gallery_image_block.html"
