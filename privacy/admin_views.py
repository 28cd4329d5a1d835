"""The admin's "Personal data" view: find, export (JSON) and erase what is held about one
address. Only people with the privacy.manage_personal_data permission reach it."""

import json

from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import registry, services
from .forms import AddressForm
from .models import address_digest

PERMISSION = "privacy.manage_personal_data"


def can_manage(user):
    return user.is_active and user.has_perm(PERMISSION)


def personal_data(request):
    if not can_manage(request.user):
        raise PermissionDenied
    context = {"page_title": _("Personal data"), "header_icon": "user", "form": AddressForm()}
    if request.method == "POST":
        form = AddressForm(request.POST)
        context["form"] = form
        action = request.POST.get("action", "find")
        if form.is_valid():
            email = form.cleaned_data["email"]
            if action == "export":
                return _json_download(email, request.user)
            if action == "erase" and not form.cleaned_data["confirm"]:
                form.add_error("confirm", _("Tick the box to confirm the erasure."))
            elif action == "erase":
                context["erased"] = _erased_lines(services.erase(email, user=request.user))
                context["form"] = AddressForm()
            if "erased" not in context:
                found = services.find(email, user=request.user)
                context.update(found=found, total=sum(item.count for item in found))
    response = TemplateResponse(request, "privacy/admin/personal_data.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


def _erased_lines(counts):
    sources = {source.key: source for source in registry.sources()}
    return [(sources[key].label, count) for key, count in counts.items() if key in sources]


def _json_download(email, user):
    data = services.export(email, user=user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    # The file name must not carry the address either: a short keyed hash tells files apart.
    response["Content-Disposition"] = (
        f'attachment; filename="personal-data-{address_digest(email)[:12]}.json"'
    )
    response["Cache-Control"] = "private, no-store"
    return response
