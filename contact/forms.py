"""The contact form: fields chosen by editors (Wagtail's form builder), defended like every
public form of the portal (honeypot, minimum fill time; the page adds the rate limit)."""

from django import forms
from django.utils.html import escape, format_html
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from privacy.notices import why_and_how_long
from publicforms.defences import SpamDefenceForm
from publicforms.plain_text import validate_multi_line, validate_no_markup, validate_single_line

SINGLE_LINE_MAX = 255
MULTI_LINE_MAX = 5000


class ContactBaseForm(SpamDefenceForm, BaseForm):
    """What every contact form carries besides the editor's fields."""

    defence_fields = ("homepage", "started")

    def message_data(self):
        """The cleaned values of the editor's fields only (not the anti-spam fields)."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.defence_fields
        }

    def sender_email(self):
        """The first e-mail address the sender gave, lower-cased (to answer and to find it)."""
        for name, field in self.fields.items():
            if isinstance(field, forms.EmailField) and self.cleaned_data.get(name):
                return self.cleaned_data[name].strip().lower()
        return ""


class ContactFormBuilder(FormBuilder):
    def create_singleline_field(self, field, options):
        text = super().create_singleline_field(field, options)
        text.validators += [validate_single_line, validate_no_markup]
        text.widget.attrs["maxlength"] = SINGLE_LINE_MAX
        return text

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTI_LINE_MAX
        text = super().create_multiline_field(field, options)
        text.validators += [validate_multi_line, validate_no_markup]
        text.widget.attrs.update(maxlength=MULTI_LINE_MAX, rows=8)
        return text

    def create_email_field(self, field, options):
        options["max_length"] = 254
        email = super().create_email_field(field, options)
        email.widget.attrs["autocomplete"] = "email"
        return email

    def get_field_options(self, field):
        options = super().get_field_options(field)
        if field.field_type == "email":
            # Why the address is asked for and how long it is kept, right next to it.
            notice = why_and_how_long("contact_messages")
            own = options["help_text"]
            options["help_text"] = format_html("{} {}", own, notice) if own else escape(notice)
        return options

    def get_form_class(self):
        return type("ContactForm", (ContactBaseForm,), self.formfields)
