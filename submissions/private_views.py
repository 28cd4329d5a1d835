"""The partner's private pages behind the signed link: the proposal's status, and its edit
form (a correction goes back into moderation)."""

import uuid

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from publicforms.defences import rate_limited, too_many_requests
from publicforms.links import LinkError
from publicforms.private import private_page

from .choices import Kind
from .forms import FORMS
from .links import make_token, read_token
from .pages import SubmissionIndexPage
from .services import update_submission
from .views import RATE_GROUP, apply_model_errors


def _read_or_error(request, token):
    try:
        return read_token(token), None
    except LinkError as error:
        response = render(
            request, "publicforms/link_error.html", {"reason": error.reason}, status=403
        )
        return None, response


@private_page
def status(request, token):
    submission, error = _read_or_error(request, token)
    if error:
        return error
    page = submission.page.specific if submission.page_id else None
    public_url = page.get_url(request) if page is not None and page.live else ""
    event_url = ""
    if submission.kind == Kind.ORGANISATION and public_url:
        index = SubmissionIndexPage.objects.live().filter(locale=page.locale).first()
        if index is not None:
            event_url = f"{index.url}{index.reverse_subpage('event')}?organisation={token}"
    return render(
        request,
        "submissions/status.html",
        {
            "submission": submission,
            "listing": page,
            "public_url": public_url,
            "token": token,
            "can_edit": submission.open_to_partner,
            "event_url": event_url,
        },
    )


@private_page
def edit(request, token):
    submission, error = _read_or_error(request, token)
    if error:
        return error
    return edit_form(
        request,
        submission,
        done=lambda: redirect("submissions:status", token=make_token(submission)),
        back_url=reverse("submissions:status", kwargs={"token": token}),
    )


def edit_form(request, submission, done, back_url):
    """The proposal's form, filled with its latest revision; a valid correction goes back
    into moderation (`update_submission`) and `done()` answers. Used by the private link
    and by the partner space."""
    if not submission.open_to_partner:
        raise Http404
    form_class = FORMS[submission.kind]
    page = submission.page.specific
    locale = page.locale
    if request.method == "POST":
        if rate_limited(request, RATE_GROUP):
            return too_many_requests(request)
        form = form_class(request.POST, request.FILES, locale=locale, editing=True)
        if form.is_valid():
            try:
                update_submission(submission, form)
            except ValidationError as error:
                apply_model_errors(form, error)
            else:
                return done()
    else:
        form = form_class(locale=locale, editing=True, initial=initial_values(submission))
    return render(
        request,
        "submissions/edit.html",
        {"form": form, "submission": submission, "back_url": back_url},
    )


def initial_values(submission, **extra):
    """The form's values from the latest revision of the proposal's page."""
    form_class = FORMS[submission.kind]
    draft = submission.page.specific.get_latest_revision_as_object()
    initial = {name: getattr(draft, name) for name in form_class._meta.fields}
    if "themes" in initial:
        initial["themes"] = list(draft.themes.all())
    initial.update(email=submission.email, idempotency_token=uuid.uuid4(), **extra)
    return initial
