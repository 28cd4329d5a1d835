"""What happens when a partner submits or edits: one transaction, then e-mails.

`create_submission` stores the Submission, the draft page (under the right index, in the
partner's language) and its image, and starts the moderation workflow; the e-mails are
stored in the same transaction and sent by a background task after the commit.
"""

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Workflow, WorkflowState

from directory.models import DirectoryIndexPage, OrganisationPage, PlacePage
from directory.tasks import geocode_after_commit
from programme.models import EventPage, ProgrammePage
from publicforms.defences import hash_address

from .choices import Kind, Status
from .emails import notify_partner, notify_staff
from .proposals import Submission

WORKFLOW_NAME = "Partner submissions"
COLLECTION_NAME = "Partner submissions"

PAGE_CLASSES = {
    Kind.ORGANISATION: (OrganisationPage, DirectoryIndexPage, "logo"),
    Kind.PLACE: (PlacePage, DirectoryIndexPage, "image"),
    Kind.EVENT: (EventPage, ProgrammePage, "image"),
}


class NoIndexPage(Exception):
    """The site has no directory or programme in this language to put the page under."""


def partner_workflow():
    """The "Partner submissions" workflow (created by a migration), or the index's own."""
    return Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()


def parent_index(kind, locale):
    index_class = PAGE_CLASSES[kind][1]
    return index_class.objects.filter(locale=locale).order_by("path").first()


def unique_slug(parent, title):
    base = slugify(title)[:60].strip("-") or "proposition"
    slug, n = base, 1
    siblings = parent.get_children()
    while siblings.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def submissions_collection():
    collection = Collection.objects.filter(name=COLLECTION_NAME).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=COLLECTION_NAME)
    return collection


def store_image(content, title):
    width, height = content.image_size
    return get_image_model().objects.create(
        title=title[:255],
        file=content,
        width=width,
        height=height,
        collection=submissions_collection(),
    )


def apply_values(page, kind, form, organisation=None, default_image=None):
    """Copy the form's values onto a page (new, or the latest revision of an existing one).

    `default_image` is kept when nothing is uploaded (an event copied to a new date)."""
    values = form.page_values()
    themes = values.pop("themes", None)
    for name, value in values.items():
        setattr(page, name, value if value is not None else _blank_for(page, name))
    if themes is not None:
        page.themes = list(themes)
    image_name = PAGE_CLASSES[kind][2]
    upload = form.cleaned_data.get(image_name)
    if upload:
        setattr(page, image_name, store_image(upload, page.title))
    elif default_image is not None:
        setattr(page, image_name, default_image)
    if kind == Kind.EVENT and organisation is not None:
        page.organisers = [organisation]


def _blank_for(page, name):
    field = page._meta.get_field(name)
    return None if field.null else ""


def _start_moderation(page):
    workflow = partner_workflow() or page.get_workflow()
    if workflow is not None:
        workflow.start(page, user=None)


@transaction.atomic
def create_submission(kind, form, request, organisation=None, default_image=None):
    """Store everything in one transaction; returns (submission, created)."""
    token = form.cleaned_data["idempotency_token"]
    existing = Submission.objects.filter(idempotency_token=token).first()
    if existing is not None:
        return existing, False
    page_class = PAGE_CLASSES[kind][0]
    parent = parent_index(kind, form.locale)
    if parent is None:
        raise NoIndexPage(kind)
    submission = Submission.objects.create(
        kind=kind,
        title=form.cleaned_data["title"],
        email=form.cleaned_data["email"],
        website=form.cleaned_data.get("website", "") or "",
        language=form.locale.language_code,
        idempotency_token=token,
        organisation=organisation,
        origin_ip_hash=hash_address(request),
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
    )
    page = page_class(
        locale=form.locale, live=False, slug=unique_slug(parent, form.cleaned_data["title"])
    )
    apply_values(page, kind, form, organisation, default_image)
    parent.add_child(instance=page)
    page.save_revision(log_action=True)
    _start_moderation(page)
    geocode_after_commit(page)
    submission.page = page
    submission.save(update_fields=["page"])
    notify_partner(submission, "received")
    notify_staff(submission)
    return submission, True


@transaction.atomic
def update_submission(submission, form):
    """The partner's correction: a new revision, back into moderation."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    # The geocoding task takes the same lock before it saves a revision (directory/tasks.py).
    page = Page.objects.select_for_update().get(pk=submission.page_id).specific
    draft = page.get_latest_revision_as_object()
    apply_values(draft, submission.kind, form, submission.organisation)
    draft.save_revision(log_action=True)
    geocode_after_commit(draft)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=None)
    elif state is None:
        _start_moderation(page)
    submission.title = form.cleaned_data["title"]
    submission.website = form.cleaned_data.get("website", "") or ""
    submission.status = Status.PENDING
    submission.save()
    notify_staff(submission)
    return submission


@transaction.atomic
def decline_submission(submission, user=None):
    """Stop moderation and tell the partner why (the moderator's comment)."""
    page = submission.page.specific if submission.page_id else None
    if page is not None:
        state = page.current_workflow_state
        if state is not None:
            state.cancel(user=user)
    if submission.status != Status.DECLINED:
        submission.status = Status.DECLINED
        submission.save(update_fields=["status", "updated"])
    notify_partner(submission, "declined")


CANNOT_EDIT_MESSAGE = _("This proposal was declined and can no longer be changed.")
