"""Wagtail admin view: import events from an OpenAgenda export, with a dry-run preview."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from directory.models import OrganisationPage

from .openagenda import OpenAgendaFileError, read_openagenda, too_large_message
from .openagenda_import import ImportTarget, import_agenda
from .pages import ProgrammePage


def importable_programmes(user):
    """The programmes `user` may publish events in."""
    return [
        page
        for page in ProgrammePage.objects.select_related("locale")
        if page.permissions_for_user(user).can_publish_subpage()
    ]


class OpenAgendaImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("The JSON export of an OpenAgenda agenda (its events), 5 MB at most."),
    )
    programme = forms.ChoiceField(
        label=_("Programme"), help_text=_("The events are imported in its language.")
    )
    organisation = forms.ModelChoiceField(
        label=_("Organiser"),
        queryset=OrganisationPage.objects.none(),
        required=False,
        help_text=_("The directory's organisation named as the organiser of the events."),
    )
    trusted = forms.BooleanField(
        label=_("Publish at once (otherwise each new event goes through moderation)"),
        required=False,
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: check the file and show what would change, save nothing"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.programmes = {str(page.pk): page for page in programmes}
        self.fields["programme"].choices = [
            (key, f"{page.title} ({page.locale.get_display_name()})")
            for key, page in self.programmes.items()
        ]
        self.fields["organisation"].queryset = OrganisationPage.objects.live().order_by("title")

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is None:
            return cleaned
        if upload.size > settings.PORTAL_OPENAGENDA_MAX_BYTES:  # before reading it
            self.add_error("file", too_large_message())
            return cleaned
        try:
            self.items = read_openagenda(upload.read())
        except OpenAgendaFileError as error:
            self.add_error("file", str(error))
        return cleaned


class OpenAgendaImportView(WagtailAdminTemplateMixin, FormView):
    form_class = OpenAgendaImportForm
    template_name = "programme/admin/openagenda_import.html"
    page_title = _("Import events from OpenAgenda")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        self.programmes = importable_programmes(request.user)
        if not self.programmes:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "programmes": self.programmes}

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def form_valid(self, form):
        data = form.cleaned_data
        programme = form.programmes[data["programme"]]
        target = ImportTarget(programme, data["organisation"], data["trusted"])
        try:
            report = import_agenda(target, form.items, dry_run=data["dry_run"])
        except OpenAgendaFileError as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        return self.render_to_response(self.get_context_data(form=form, report=report))
