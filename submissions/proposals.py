"""Partner submissions: who proposed which draft page, how to reach them, and their e-mails.

The draft page itself (an organisation, a place or an event) lives in the page tree and goes
through Wagtail's moderation workflow; a `Submission` only records what the portal needs
around it: the partner's address, the private link's nonce, the origin and the status shown
to the partner.
"""

import uuid

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from publicforms.links import new_nonce

from .choices import Kind, Status
from .duplicates import find_duplicates


class Submission(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("name"), max_length=255)
    email = models.EmailField(_("partner e-mail"), max_length=254)
    website = models.URLField(_("website"), max_length=300, blank=True)
    language = models.CharField(_("language"), max_length=8)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    moderator_comment = models.TextField(
        _("comment to the partner"),
        blank=True,
        max_length=4000,
        help_text=_("Sent to the partner when you decline the submission."),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For an event: the partner's published organisation."),
    )
    idempotency_token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    link_nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    origin_ip_hash = models.CharField(_("origin (hashed address)"), max_length=64, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    created = models.DateTimeField(_("received"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    # The e-mails about this submission (deleted with it).
    emails = GenericRelation(
        "outbox.OutgoingEmail", content_type_field="about_type", object_id_field="about_id"
    )

    class Meta:
        verbose_name = _("partner submission")
        verbose_name_plural = _("partner submissions")
        ordering = ["-created"]
        indexes = [models.Index(fields=["status", "-created"])]

    def __str__(self):
        return self.title

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_status = instance.status if "status" in field_names else None
        return instance

    def clean(self):
        """The status says what the page is: "published" only while the page is live.

        Moderators publish and unpublish the page through Wagtail (the status follows, see
        signals.py); setting the status by hand to "published" would tell the partner a lie.
        """
        super().clean()
        live = self.page_id is not None and self.page.live
        if self.status == Status.PUBLISHED and not live:
            raise ValidationError(
                {"status": _("The page is not published: publish it to publish the proposal.")}
            )
        if self.status == Status.DECLINED and live and self.status_when_loaded != Status.DECLINED:
            raise ValidationError(
                {"status": _("The page is published: unpublish it before declining.")}
            )

    @property
    def status_when_loaded(self):
        return getattr(self, "_loaded_status", None)

    @property
    def open_to_partner(self):
        """Whether the partner may still correct or withdraw it: not once declined or
        withdrawn, nor without its page."""
        return self.page_id is not None and self.status not in (Status.DECLINED, Status.WITHDRAWN)

    def revoke_link(self):
        """Rotate the nonce: every private link sent so far stops working."""
        self.link_nonce = new_nonce()
        self.save(update_fields=["link_nonce", "updated"])

    @property
    def origin(self):
        """Where it came from, for moderators: a short hash of the address and the browser."""
        return f"#{self.origin_ip_hash[:10]} · {self.user_agent[:80]}"

    def duplicate_warnings(self):
        """Existing entries or submissions with the same name, website or e-mail."""
        return find_duplicates(self)

    def duplicates_display(self):
        return "; ".join(str(w) for w in self.duplicate_warnings())

    duplicates_display.short_description = _("likely duplicates")
