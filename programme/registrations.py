"""How people register for an event (its fields), their registrations for one date of it,
and the signed link that cancels one."""

from django.core import signing
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from publicforms.links import from_path_safe, path_safe

from .choices import RegistrationMode, RegistrationStatus

CANCEL_SALT = "programme.registration.cancel"


class EventRegistrationMixin(models.Model):
    """An event page's registration fields and their panel."""

    registration_mode = models.CharField(
        _("registration"),
        max_length=20,
        choices=RegistrationMode.choices,
        default=RegistrationMode.NONE,
        help_text=_("How people sign up: not at all, on this website, or on another website."),
    )
    registration_url = models.URLField(
        _("registration address"),
        blank=True,
        help_text=_("Where people register, when registration happens on another website."),
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_(
            "Places available when people register on this website; leave empty for no limit."
        ),
    )

    registration_panels = [
        MultiFieldPanel(
            [
                FieldPanel("registration_mode"),
                FieldPanel("registration_url"),
                FieldPanel("capacity"),
            ],
            heading=_("Registration"),
            help_text=_("Without a number of places, registrations use the room's capacity."),
        ),
    ]

    class Meta:
        abstract = True


class RegistrationQuerySet(models.QuerySet):
    def for_cancel_token(self, token):
        """The registration a cancel link names, or None for a forged or mangled link."""
        try:
            pk, email = signing.loads(from_path_safe(token), salt=CANCEL_SALT)
        except (signing.BadSignature, ValueError, TypeError):
            return None
        return self.select_related("event").filter(pk=pk, email=email).first()


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

    objects = RegistrationQuerySet.as_manager()

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

    def cancel_token(self):
        """A signed token naming this registration, for its cancel link (it does not expire)."""
        return path_safe(signing.dumps([self.pk, self.email], salt=CANCEL_SALT))
