"""Public views: the three forms (served by SubmissionIndexPage), the thank-you page, and the
partner's status and edit pages behind the private link."""

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from wagtail.models import Locale

from directory.models import OrganisationPage

from .choices import Kind, Status
from .defences import rate_limited, too_many_requests
from .forms import FORMS
from .links import LinkError, make_token, read_token
from .models import Submission
from .services import NoIndexPage, create_submission, update_submission

RATE_GROUP = "submissions"


def _organisation_from_token(token):
    """The published organisation whose private link the partner followed, if any."""
    if not token:
        return None, None
    try:
        submission = read_token(token)
    except LinkError:
        return None, None
    if submission.kind != Kind.ORGANISATION or not submission.page_id:
        return None, None
    page = OrganisationPage.objects.live().filter(pk=submission.page_id).first()
    return page, submission


def _apply_model_errors(form, error):
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def submit(index_page, request, kind):
    form_class = FORMS[kind]
    locale = Locale.get_active()
    org_token = request.GET.get("organisation", "")[:300] if kind == Kind.EVENT else ""
    organisation, org_submission = _organisation_from_token(org_token)
    if request.method == "POST":
        if rate_limited(request, RATE_GROUP):
            return too_many_requests(request)
        form = form_class(request.POST, request.FILES, locale=locale)
        if form.is_valid():
            try:
                submission, _created = create_submission(kind, form, request, organisation)
            except IntegrityError:
                # The same form posted twice at once: the other request stored it.
                submission = Submission.objects.filter(
                    idempotency_token=form.cleaned_data["idempotency_token"]
                ).first()
                if submission is None:
                    raise
            except ValidationError as error:
                _apply_model_errors(form, error)
            except NoIndexPage:
                form.add_error(
                    None, _("Proposals of this kind are closed for now. Please try again later.")
                )
            else:
                return redirect(index_page.url + index_page.reverse_subpage("thanks"))
    else:
        form = form_class(locale=locale, initial={"idempotency_token": uuid.uuid4()})
    return index_page.render(
        request,
        template="submissions/submission_form.html",
        context_overrides={
            "form": form,
            "kind": kind,
            "kind_label": Kind(kind).label,
            "organisation": organisation,
            "org_submission": org_submission,
        },
    )


def thanks(index_page, request):
    return index_page.render(request, template="submissions/thanks.html")


def _read_or_error(request, token):
    try:
        return read_token(token), None
    except LinkError as error:
        response = render(
            request, "submissions/link_error.html", {"reason": error.reason}, status=403
        )
        return None, response


def status(request, token):
    submission, error = _read_or_error(request, token)
    if error:
        return error
    page = submission.page.specific if submission.page_id else None
    public_url = page.get_url(request) if page is not None and page.live else ""
    event_url = ""
    if submission.kind == Kind.ORGANISATION and public_url:
        from .models import SubmissionIndexPage

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
            "can_edit": submission.status != Status.DECLINED and page is not None,
            "event_url": event_url,
        },
    )


def edit(request, token):
    submission, error = _read_or_error(request, token)
    if error:
        return error
    if submission.status == Status.DECLINED or not submission.page_id:
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
                _apply_model_errors(form, error)
            else:
                return redirect("submissions:status", token=make_token(submission))
    else:
        draft = page.get_latest_revision_as_object()
        initial = {name: getattr(draft, name) for name in form_class._meta.fields}
        if "themes" in initial:
            initial["themes"] = list(draft.themes.all())
        initial.update(email=submission.email, idempotency_token=uuid.uuid4())
        form = form_class(locale=locale, editing=True, initial=initial)
    return render(
        request,
        "submissions/edit.html",
        {"form": form, "submission": submission, "token": token},
    )
