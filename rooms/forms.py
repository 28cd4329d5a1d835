"""The public request form, and the staff's decision form in the admin."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from directory.models import OrganisationPage
from privacy.notices import with_retention
from publicforms.defences import SpamDefenceForm
from publicforms.text import CleanTextForm

MAX_ATTENDANCE = 5000
MAX_DURATION = dt.timedelta(days=7)
MAX_ADVANCE = dt.timedelta(days=730)
DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class RoomChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        if obj.capacity:
            return _("%(name)s (up to %(capacity)s people)") % {
                "name": obj.name,
                "capacity": obj.capacity,
            }
        return obj.name


class RoomRequestForm(SpamDefenceForm):
    """Who, which room, when, for how many and what for; times are Paris wall-clock time."""

    room = RoomChoiceField(label=_("Room"), queryset=None, to_field_name="slug")
    organisation = forms.ModelChoiceField(
        label=_("Your organisation in the directory"),
        queryset=None,
        required=False,
        help_text=_("If your organisation is listed in the portal's directory, choose it here."),
    )
    organisation_name = forms.CharField(
        label=_("Name of the organisation"),
        max_length=150,
        required=False,
        help_text=_("Required if your organisation is not in the directory."),
    )
    contact_name = forms.CharField(label=_("Contact name"), max_length=150)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=with_retention(
            _("We send you a private link there to follow your request."), "room_requests"
        ),
    )
    purpose = forms.CharField(
        label=_("Purpose of the meeting or event"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What will happen, for whom; 2,000 characters at most."),
    )
    start = forms.DateTimeField(label=_("Start"), widget=DATETIME_WIDGET)
    end = forms.DateTimeField(label=_("End"), widget=DATETIME_WIDGET)
    attendance = forms.IntegerField(
        label=_("Expected attendance"), min_value=1, max_value=MAX_ATTENDANCE
    )
    needs = forms.CharField(
        label=_("Needs"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Equipment, layout, accessibility, catering..."),
    )
    idempotency_token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, rooms, locale=None, **kwargs):
        """`rooms`: the rooms that may be asked for (those a room page offers for hire)."""
        super().__init__(*args, **kwargs)
        self.locale = locale or Locale.get_active()
        self.fields["room"].queryset = rooms
        self.fields["organisation"].queryset = (
            OrganisationPage.objects.live().filter(locale=self.locale).order_by("title")
        )
        for field in self.fields.values():
            if getattr(field, "max_length", None) and isinstance(
                field.widget, (forms.TextInput, forms.Textarea)
            ):
                field.widget.attrs.setdefault("maxlength", field.max_length)
        self.fields["attendance"].widget.attrs.update(min=1, max=MAX_ATTENDANCE)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("organisation") and not cleaned.get("organisation_name", "").strip():
            self.add_error(
                "organisation_name",
                _("Give the name of your organisation, or choose it from the directory."),
            )
        start, end = cleaned.get("start"), cleaned.get("end")
        now = timezone.now()
        if start and start < now:
            self.add_error("start", _("The start cannot be in the past."))
        if start and start > now + MAX_ADVANCE:
            self.add_error("start", _("Requests are taken up to two years ahead."))
        if start and end and end <= start:
            self.add_error("end", _("The end must be after the start."))
        elif start and end and end - start > MAX_DURATION:
            self.add_error("end", _("A hire lasts a week at most; send one request per week."))
        # More people than the room holds is not an error: staff see it flagged and may
        # suggest another room; the requester's status page says so.
        return cleaned


class DecisionForm(CleanTextForm):
    """Staff's optional message to the requester, sent with the decision."""

    comment = forms.CharField(
        label=_("Message to the requester"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
