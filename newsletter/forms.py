from django import forms
from django.utils.translation import gettext_lazy as _

from privacy.notices import why_and_how_long
from publicforms.defences import SpamDefenceForm


class SubscribeForm(SpamDefenceForm):
    """The sign-up form of the footer, the block and the newsletter page.

    `auto_id` tells apart the forms of one page (the footer's and a block's).
    """

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=why_and_how_long("newsletter"),
        error_messages={"required": _("Enter your e-mail address to subscribe.")},
    )
    source = forms.CharField(widget=forms.HiddenInput, required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "newsletter-%s")
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs.update(autocomplete="email", maxlength=254)

    def clean_source(self):
        source = self.cleaned_data["source"]
        # Only a path of this site is worth keeping (where people sign up most).
        return source if source.startswith("/") and not source.startswith("//") else ""
