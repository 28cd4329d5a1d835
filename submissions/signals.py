"""Keep each submission's status in step with Wagtail's moderation, and tell the partner.

Wagtail's "Request changes" rejects the task (its comment is stored on the task state);
approving the last task publishes the page; unpublishing it takes the proposal back to review
(a "published" status whose page is not live would mislead the partner).
"""

from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import page_published, page_unpublished, task_rejected

from .choices import Status
from .emails import notify_partner
from .proposals import Submission


def _submission_for(page_id):
    return Submission.objects.filter(page_id=page_id).first()


@receiver(task_rejected)
def changes_requested(sender, instance, user=None, **kwargs):
    submission = _submission_for(instance.workflow_state.object_id)
    if submission is None:
        return
    with transaction.atomic():
        submission.status = Status.CHANGES_REQUESTED
        submission.moderator_comment = (instance.comment or "")[:4000]
        submission.save(update_fields=["status", "moderator_comment", "updated"])
        notify_partner(submission, "changes")


@receiver(page_published)
def published(sender, instance, revision=None, **kwargs):
    submission = _submission_for(instance.pk)
    if submission is None or submission.status == Status.PUBLISHED:
        return
    with transaction.atomic():
        submission.status = Status.PUBLISHED
        submission.save(update_fields=["status", "updated"])
        notify_partner(submission, "published", public_url=instance.get_full_url())


@receiver(page_unpublished)
def unpublished(sender, instance, **kwargs):
    Submission.objects.filter(page_id=instance.pk, status=Status.PUBLISHED).update(
        status=Status.PENDING, updated=timezone.now()
    )
