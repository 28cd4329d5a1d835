"""The three proposal forms and the thank-you page, served by SubmissionIndexPage's routes."""

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import Locale

from directory.models import OrganisationPage
from publicforms.defences import rate_limited, too_many_requests
from publicforms.links import LinkError
from publicforms.private import mark_private

from .choices import Kind
from .forms import FORMS
from .links import read_token
from .proposals import Submission
from .services import NoIndexPage, create_submission

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


def apply_model_errors(form, error):
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
                apply_model_errors(form, error)
            except NoIndexPage:
                form.add_error(
                    None, _("Proposals of this kind are closed for now. Please try again later.")
                )
            else:
                return redirect(index_page.url + index_page.reverse_subpage("thanks"))
    else:
        form = form_class(locale=locale, initial={"idempotency_token": uuid.uuid4()})
    response = index_page.render(
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
    # Opened through the partner's private link, the form names their organisation.
    return mark_private(response) if org_token else response


def thanks(index_page, request):
    return index_page.render(request, template="submissions/thanks.html")
