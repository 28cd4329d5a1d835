"""The messages sent through the contact pages, stored before any e-mail is sent."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import AbstractFormSubmission


class ContactMessage(AbstractFormSubmission):
    """A message sent through a contact page."""

    email = models.EmailField(_("sender's e-mail"), blank=True, db_index=True)
    language = models.CharField(_("language"), max_length=8, blank=True)

    class Meta:
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        ordering = ["-submit_time"]
