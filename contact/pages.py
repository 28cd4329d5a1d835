"""The contact page: editors choose its fields and who receives the messages.

A message is stored first (listed under Forms in the admin), then e-mailed to the recipients
by a background task once the transaction commits: a dead mail server loses nothing.
"""

from django.conf import settings
from django.db import models, transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from outbox.tasks import queue_email
from publicforms.defences import rate_limited, too_many_requests

from .forms import ContactFormBuilder
from .messages import ContactMessage

RATE_GROUP = "contact"
TEXT_FEATURES = ["bold", "italic", "link", "ul"]


class ContactFormField(TranslatableMixin, AbstractFormField):
    """A field of the contact form; its label, help and choices are translated per language."""

    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    # The stored messages are keyed by clean_name: the same in every language.
    override_translatable_fields = [SynchronizedField("clean_name")]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")


class ContactPage(AbstractEmailForm):
    introduction = RichTextField(_("introduction"), features=TEXT_FEATURES, blank=True)
    thank_you_text = RichTextField(
        _("thank-you text"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("Shown once the message is sent."),
    )

    form_builder = ContactFormBuilder

    override_translatable_fields = [
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
    ]
    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("to_address"), FieldPanel("subject")],
            heading=_("E-mail to the team"),
        ),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("contact page")

    def get_submission_class(self):
        return ContactMessage

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            if rate_limited(request, RATE_GROUP):
                return too_many_requests(request)
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if form.is_valid():
                self.process_form_submission(form)
                # Post/redirect/get: reloading the thank-you page sends nothing twice.
                return redirect(self.get_url(request) + "?sent=1")
        elif "sent" in request.GET:
            return self.render_landing_page(request)
        else:
            form = self.get_form(page=self, user=request.user)
        context = self.get_context(request)
        context["form"] = form
        context["has_email_field"] = any(
            field.field_type == "email" for field in self.get_form_fields()
        )
        status = 400 if form.is_bound else 200
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        response["Cache-Control"] = "private, no-store"
        return response

    def process_form_submission(self, form):
        with transaction.atomic():
            message = ContactMessage.objects.create(
                form_data=form.message_data(),
                page=self,
                email=form.sender_email(),
                language=translation.get_language() or self.locale.language_code,
            )
            self.queue_email(form, message)
        return message

    def recipients(self):
        return [address.strip() for address in self.to_address.split(",") if address.strip()]

    def queue_email(self, form, message):
        """Store the e-mail to the team and send it in the background after the commit."""
        recipients = self.recipients()
        if not recipients:
            return None
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "page": self,
                "lines": self.email_lines(form),
                "site_name": settings.WAGTAIL_SITE_NAME,
                "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                + f"/{settings.PORTAL_ADMIN_PATH}forms/submissions/{self.pk}/",
            }
            subject = self.subject or render_to_string("contact/email/subject.txt", context)
            body = render_to_string("contact/email/message.txt", context)
        headers = {"Reply-To": message.email} if message.email else {}
        return queue_email(
            recipients, " ".join(subject.split()), body, about=message, headers=headers
        )

    def email_lines(self, form):
        """(label, value) of each field the sender filled in, values as text."""
        lines = []
        data = form.message_data()
        for name, field in form.fields.items():
            if name not in data:
                continue
            value = data[name]
            if isinstance(value, list):
                value = ", ".join(value)
            lines.append((field.label, value))
        return lines

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        context = self.get_context(request)
        return TemplateResponse(request, "contact/contact_page_landing.html", context)
