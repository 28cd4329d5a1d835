from django import forms
from django.utils.translation import gettext_lazy as _

from .services import normalise


class AddressForm(forms.Form):
    """The address staff look up; posted, never in a URL (URLs end up in server logs)."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("Everything the portal holds about this address, in every kind of data."),
    )
    confirm = forms.BooleanField(
        label=_("I understand that erasing cannot be undone"), required=False
    )

    def clean_email(self):
        return normalise(self.cleaned_data["email"])
