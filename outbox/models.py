"""E-mails stored before they are sent, so that a dead mail server loses nothing."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class OutgoingEmail(models.Model):
    """An e-mail stored with the data it is about, sent later by a background task.

    A failed attempt is recorded here and retried; nothing is lost while the mail server is
    down (`manage.py send_submission_emails` sends whatever is still waiting). `about` is the
    row the e-mail concerns (a partner's submission...), when there is one.
    """

    about_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    about_id = models.PositiveBigIntegerField(null=True, blank=True)
    about = GenericForeignKey("about_type", "about_id")
    recipients = models.JSONField(default=list)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    html_body = models.TextField(blank=True)
    # Extra headers: Reply-To for contact messages, List-Unsubscribe for the newsletter.
    headers = models.JSONField(default=dict, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created"]
        indexes = [models.Index(fields=["about_type", "about_id"], name="outbox_email_about")]

    def __str__(self):
        return self.subject
