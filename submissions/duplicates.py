"""Likely duplicates of a submission, shown to moderators as a warning."""

from django.db.models import Q
from django.utils.translation import gettext as _

from directory.models import OrganisationPage, PlacePage
from programme.models import EventPage

PAGE_MODELS = {"organisation": OrganisationPage, "place": PlacePage, "event": EventPage}


def _normalise_url(url):
    url = (url or "").strip().lower().rstrip("/")
    for prefix in ("https://", "http://", "www."):
        url = url.removeprefix(prefix)
    return url


def find_duplicates(submission):
    warnings = []
    model = PAGE_MODELS[submission.kind]
    pages = model.objects.exclude(pk=submission.page_id)
    same_name = pages.filter(title__iexact=submission.title.strip())
    for page in same_name[:3]:
        warnings.append(_("same name as page #%(id)s") % {"id": page.pk})
    if submission.website and hasattr(model, "website"):
        site = _normalise_url(submission.website)
        candidates = pages.filter(website__icontains=site.split("/")[0])
        for page in candidates[:20]:
            if _normalise_url(page.website) == site:
                warnings.append(_("same website as page #%(id)s") % {"id": page.pk})
    others = type(submission).objects.exclude(pk=submission.pk).filter(kind=submission.kind)
    matches = others.filter(
        Q(email__iexact=submission.email) | Q(title__iexact=submission.title.strip())
    )
    for other in matches[:3]:
        warnings.append(_("same name or e-mail as submission #%(id)s") % {"id": other.pk})
    if submission.kind == "organisation":
        for page in pages.filter(contact_email__iexact=submission.email)[:3]:
            warnings.append(_("same e-mail as page #%(id)s") % {"id": page.pk})
    return warnings
