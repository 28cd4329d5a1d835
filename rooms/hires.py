"""Room hire requests and the private calendar feeds of the rooms.

Requests and feeds hang on the room in the source language (the programme's `Room`), so the
French and English pages share one calendar.
"""

import secrets
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from publicforms.links import new_nonce

from .choices import RequestStatus


def new_calendar_token():
    return secrets.token_urlsafe(32)


class RoomRequest(models.Model):
    """A civic organisation's request to hire a room, kept from the public.

    `room` is the room in the source language (French and English forms share one calendar);
    `language` is the requester's, for the e-mails and the status page.
    """

    room = models.ForeignKey(
        "programme.Room",
        verbose_name=_("room"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="hire_requests",
    )
    organisation = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("directory entry"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation_name = models.CharField(_("organisation"), max_length=150)
    contact_name = models.CharField(_("contact name"), max_length=150)
    email = models.EmailField(_("e-mail"), max_length=254)
    purpose = models.TextField(_("purpose"), max_length=2000)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    attendance = models.PositiveIntegerField(_("expected attendance"))
    needs = models.TextField(_("needs"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RequestStatus.choices,
        default=RequestStatus.PENDING,
        db_index=True,
    )
    staff_comment = models.TextField(
        _("message to the requester"),
        max_length=2000,
        blank=True,
        help_text=_("Sent with the confirmation or the refusal."),
    )
    language = models.CharField(_("language"), max_length=8, default="fr")
    link_nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    idempotency_token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    origin_ip_hash = models.CharField(_("origin (hashed address)"), max_length=64, blank=True)
    created = models.DateTimeField(_("received"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("room hire request")
        verbose_name_plural = _("room hire requests")
        ordering = ["-created"]
        indexes = [models.Index(fields=["room", "status", "start"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="rooms_request_end_after_start"
            )
        ]

    def __str__(self):
        return f"{self.organisation_name} — {self.room or '?'}"

    @property
    def over_capacity(self):
        """True when more people are expected than the room holds."""
        capacity = self.room.capacity if self.room_id else None
        return capacity is not None and self.attendance > capacity

    def capacity_display(self):
        if self.over_capacity:
            return _("⚠ %(attendance)s expected, room holds %(capacity)s") % {
                "attendance": self.attendance,
                "capacity": self.room.capacity,
            }
        return _("OK")

    capacity_display.short_description = _("capacity")

    def revoke_link(self):
        """Rotate the nonce: every private link sent so far stops working."""
        self.link_nonce = new_nonce()
        self.save(update_fields=["link_nonce", "updated"])


class RoomFeed(models.Model):
    """The secret address of a room's private calendar; staff replace it when it leaks."""

    room = models.OneToOneField(
        "programme.Room", verbose_name=_("room"), on_delete=models.CASCADE, related_name="feed"
    )
    calendar_token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("room calendar feed")

    def __str__(self):
        return str(self.room)

    def regenerate(self):
        self.calendar_token = new_calendar_token()
        self.save(update_fields=["calendar_token", "updated"])
