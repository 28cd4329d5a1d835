from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class NewsletterSignupBlock(blocks.StructBlock):
    """The newsletter sign-up form, where an editor wants it on a page."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)

    class Meta:
        icon = "mail"
        label = _("Newsletter sign-up")
        template = "newsletter/blocks/newsletter_signup_block.html"
