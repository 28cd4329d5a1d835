"""Partner submissions: who proposed which draft page, how to reach them, and their e-mails.

The draft page itself (an organisation, a place or an event) lives in the page tree and goes
through Wagtail's moderation workflow; a `Submission` only records what the portal needs
around it: the partner's address, the private link's nonce, the origin and the status shown
to the partner.
"""

import secrets
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from .choices import Kind, Status


def new_nonce():
    return secrets.token_hex(16)


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
        from .duplicates import find_duplicates

        return find_duplicates(self)

    def duplicates_display(self):
        return "; ".join(str(w) for w in self.duplicate_warnings())

    duplicates_display.short_description = _("likely duplicates")


class OutgoingEmail(models.Model):
    """An e-mail stored with the data it is about, sent later by a background task.

    A failed attempt is recorded here and retried; nothing is lost while the mail server is
    down (`manage.py send_submission_emails` sends whatever is still waiting).
    """

    submission = models.ForeignKey(
        Submission, null=True, blank=True, on_delete=models.CASCADE, related_name="emails"
    )
    recipients = models.JSONField(default=list)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    html_body = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created"]

    def __str__(self):
        return self.subject


class SubmissionIndexPage(RoutablePageMixin, Page):
    """The page that presents the three forms (/fr/proposer/, /en/submit/) and serves them."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=800)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("submission forms page")

    @path("")
    def choose(self, request):
        return self.render(request)

    @path("organisation/", name="organisation")
    def organisation_form(self, request):
        from .views import submit

        return submit(self, request, Kind.ORGANISATION)

    @path("place/", name="place")
    def place_form(self, request):
        from .views import submit

        return submit(self, request, Kind.PLACE)

    @path("event/", name="event")
    def event_form(self, request):
        from .views import submit

        return submit(self, request, Kind.EVENT)

    @path("thanks/", name="thanks")
    def thanks(self, request):
        from .views import thanks

        return thanks(self, request)
