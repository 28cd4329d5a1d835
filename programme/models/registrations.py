from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import RegistrationStatus


class Registration(models.Model):
    """A place (or a place in the queue) for one occurrence of an event, kept from the public.

    Registrations hang on the event in its source language, so the French and English pages
    share one set of places; `language` is the reader's, for the e-mails.
    """

    event = models.ForeignKey(
        "programme.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    occurrence_start = models.DateTimeField(_("date"))
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"))
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, db_index=True
    )
    language = models.CharField(_("language"), max_length=10, default="fr")
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "occurrence_start", "created_at", "pk"]
        constraints = [
            # E-mail addresses are stored lower-cased, so this is one place per person.
            models.UniqueConstraint(
                fields=["event", "occurrence_start", "email"],
                name="programme_registration_one_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "occurrence_start", "status"])]

    def __str__(self):
        return f"{self.name} — {self.event.title}"
