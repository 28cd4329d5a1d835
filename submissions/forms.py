"""The three public forms. Fields come from the page models (same limits, choices and
validators as the admin); the forms add the partner's e-mail, the image upload, the
anti-spam fields and a token that makes a double submission harmless."""

import datetime as dt

from django import forms
from django.core.validators import MaxLengthValidator
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from directory.models import OrganisationPage, PlacePage, Theme
from privacy.notices import with_retention
from programme.choices import RegistrationMode
from programme.models import EventPage
from publicforms.defences import SpamDefenceForm
from publicforms.richtext import clean_html
from publicforms.uploads import SafeImageField, max_upload_bytes

from .location import LocationFields

LONG_TEXT = 5000
DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def https_formfield(db_field, **kwargs):
    """Model form fields, with addresses typed without a scheme read as https."""
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return db_field.formfield(**kwargs)


def limit_length(field, limit):
    """Tighten a model field's limit for the public form (validator and browser hint)."""
    field.max_length = limit
    field.validators.append(MaxLengthValidator(limit))
    field.widget.attrs["maxlength"] = limit


class PartnerFormMixin(forms.Form):
    """What every proposal asks besides the page's own fields."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=with_retention(
            _(
                "We send you a private link there to follow and correct your proposal. "
                "It is never published."
            ),
            "submissions",
        ),
    )
    idempotency_token = forms.UUIDField(widget=forms.HiddenInput)


class PageFieldsForm(PartnerFormMixin, SpamDefenceForm, forms.ModelForm):
    """A ModelForm used only for its fields: the view builds the page itself.

    The page models' help texts speak to editors ("the title of the page as you'd like it to
    be seen by the public"); partners see `public_help_texts` instead, and nothing else."""

    rich_text_fields = ("description",)
    image_field = "image"
    public_help_texts = {}

    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Plain text; leave a blank line between paragraphs. Links and simple bold or "
            "italic HTML are kept, anything else is removed."
        ),
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=300,
        assume_scheme="https",
        help_text=_("For example https://example.org"),
    )

    def __init__(self, *args, locale=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.locale = locale or Locale.get_active()
        for name in self._meta.fields:
            if name in self.fields and name not in self.declared_fields:
                self.fields[name].help_text = self.public_help_texts.get(name, "")
        limit_length(self.fields["title"], 150)
        if "themes" in self.fields:
            self.fields["themes"].queryset = Theme.objects.filter(locale=self.locale)
            self.fields["themes"].widget = forms.CheckboxSelectMultiple()
            self.fields["themes"].widget.choices = self.fields["themes"].choices
            self.fields["themes"].help_text = ""
        for name, field in self.fields.items():
            # Every text input carries its limit so browsers stop people early, too.
            if getattr(field, "max_length", None) and isinstance(field.widget, forms.TextInput):
                field.widget.attrs.setdefault("maxlength", field.max_length)
            if name == "email" and editing:
                field.disabled = True
                field.required = False
        if editing:
            image_help = _(
                "Leave empty to keep the current image. JPEG, PNG or WebP, %(size)s at most."
            )
        else:
            image_help = _(
                "JPEG, PNG or WebP, %(size)s at most. If the form comes back with an error, "
                "choose the file again."
            )
        # The limit is a setting: the text says the one the upload is checked against.
        self.fields[self.image_field].help_text = image_help % {
            "size": filesizeformat(max_upload_bytes())
        }

    def _post_clean(self):
        # The model instance is not used: page validation happens when the page is built.
        pass

    def clean(self):
        cleaned = super().clean()
        for name in self.rich_text_fields:
            if name in cleaned:
                cleaned[name] = clean_html(cleaned[name])
        return cleaned

    def page_values(self):
        """The cleaned values that go onto the page, by model field name."""
        values = {
            name: self.cleaned_data[name]
            for name in self._meta.fields
            if name in self.cleaned_data and name != self.image_field
        }
        return values


def image_upload(label):
    return SafeImageField(label=label, required=False)  # help text: PageFieldsForm


class OrganisationForm(LocationFields, PageFieldsForm):
    image_field = "logo"
    logo = image_upload(_("Logo"))

    class Meta:
        formfield_callback = https_formfield
        model = OrganisationPage
        fields = [
            "title",
            "summary",
            "description",
            "organisation_type",
            "relation",
            "themes",
            "website",
            "street_address",
            "postcode",
            "city",
            "country",
            "latitude",
            "longitude",
            "year_founded",
            "contact_email",
            "contact_phone",
            "show_contact",
        ]
        labels = {"title": _("Name of the organisation")}

    public_help_texts = {
        "title": _("As people know it, e.g. “Collectif Belleville en transition”."),
        "summary": _("One sentence that says what you do (240 characters at most)."),
        "organisation_type": _("Choose the closest; the team can change it."),
        "relation": _("How your organisation works with the halls, if it does."),
        "year_founded": _("Four digits, e.g. 2019."),
        "contact_email": _("Published only if you tick the box below."),
        "contact_phone": _("Published only if you tick the box below."),
        "show_contact": _("Tick to let readers write or call you directly."),
    }


class PlaceForm(LocationFields, PageFieldsForm):
    rich_text_fields = ("description", "lessons")
    image = image_upload(_("Main image"))
    lessons = forms.CharField(
        label=_("What to learn from it"),
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    class Meta:
        formfield_callback = https_formfield
        model = PlacePage
        fields = [
            "title",
            "summary",
            "kind",
            "description",
            "lessons",
            "themes",
            "city",
            "country",
            "latitude",
            "longitude",
            "year_opened",
            "website",
            "step_free_access",
            "sign_language_welcome",
            "easy_to_read",
            "quiet_hours",
        ]
        labels = {"title": _("Name of the place")}

    public_help_texts = {
        "title": _("Its usual name, e.g. “Civic Hall New York”."),
        "summary": _("One sentence that says what makes this place inspiring."),
        "year_opened": _("Four digits, e.g. 2012."),
    }


class EventForm(PageFieldsForm):
    image = image_upload(_("Image"))

    class Meta:
        formfield_callback = https_formfield
        model = EventPage
        fields = [
            "title",
            "summary",
            "description",
            "start",
            "end",
            "venue_name",
            "venue_address",
            "venue_city",
            "themes",
            "format",
            "audience",
            "is_free",
            "price",
            "registration_mode",
            "registration_url",
            "step_free_access",
            "sign_language",
            "easy_to_read",
            "induction_loop",
            "accessibility_info",
        ]
        labels = {"title": _("Title of the event")}
        widgets = {"start": DATETIME_WIDGET, "end": DATETIME_WIDGET}

    public_help_texts = {
        "title": _("Short and concrete, e.g. “Repair café: bring your broken lamps”."),
        "summary": _("One sentence shown in the programme under the title."),
        "start": _("Paris time."),
        "end": _("Paris time; the same day or a later one."),
        "venue_name": _("Leave empty if the event takes place in the halls."),
        "venue_address": _("Street and number, so people can find it."),
        "price": _("In euros; leave empty if the event is free."),
        "registration_url": _("Only if people register on another website."),
        "accessibility_info": _(
            "What a person with a disability needs to know: entrance, lift, toilets, seating."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["summary"].required = True
        limit_length(self.fields["accessibility_info"], 1000)
        self.fields["accessibility_info"].widget.attrs["rows"] = 3
        # Registration on this website is managed by the halls, not by partners.
        self.fields["registration_mode"].choices = [
            choice
            for choice in self.fields["registration_mode"].choices
            if choice[0] != RegistrationMode.PORTAL
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and start < timezone.now():
            self.add_error("start", _("The event must start in the future."))
        if start and end and end <= start:
            self.add_error("end", _("The end must be after the start."))
        if start and end and end - start > dt.timedelta(days=31):
            self.add_error("end", _("An event lasts a month at most."))
        if cleaned.get("is_free") and cleaned.get("price"):
            self.add_error("price", _("A free event has no price: clear it or untick “free”."))
        if "is_free" in cleaned and not cleaned.get("is_free") and not cleaned.get("price"):
            self.add_error("price", _("Enter a price, or tick “free”."))
        if cleaned.get("registration_mode") == RegistrationMode.EXTERNAL and not cleaned.get(
            "registration_url"
        ):
            self.add_error("registration_url", _("Give the address where people register."))
        return cleaned


FORMS = {"organisation": OrganisationForm, "place": PlaceForm, "event": EventForm}
