"""Wagtail admin view: import events from an OpenAgenda export, with a dry-run preview."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from directory.models import OrganisationPage
from fileimports.admin_views import ImportFileForm, ImportFileView

from .openagenda import read_openagenda
from .openagenda_import import ImportTarget, import_agenda
from .pages import ProgrammePage


def importable_programmes(user):
    """The programmes `user` may publish events in."""
    return [
        page
        for page in ProgrammePage.objects.select_related("locale")
        if page.permissions_for_user(user).can_publish_subpage()
    ]


class OpenAgendaImportForm(ImportFileForm):
    file_help_text = _("The JSON export of an OpenAgenda agenda (its events), %(size)s at most.")

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

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.programmes = {str(page.pk): page for page in programmes}
        self.fields["programme"].choices = [
            (key, f"{page.title} ({page.locale.get_display_name()})")
            for key, page in self.programmes.items()
        ]
        self.fields["organisation"].queryset = OrganisationPage.objects.live().order_by("title")

    def max_bytes(self):
        return settings.PORTAL_OPENAGENDA_MAX_BYTES

    def read(self, data):
        return read_openagenda(data)


class OpenAgendaImportView(ImportFileView):
    form_class = OpenAgendaImportForm
    template_name = "programme/admin/openagenda_import.html"
    page_title = _("Import events from OpenAgenda")

    def user_may_import(self, user):
        self.programmes = importable_programmes(user)  # the form offers these
        return bool(self.programmes)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "programmes": self.programmes}

    def run_import(self, form, dry_run):
        data = form.cleaned_data
        programme = form.programmes[data["programme"]]
        target = ImportTarget(programme, data["organisation"], data["trusted"])
        return import_agenda(target, form.rows, dry_run=dry_run)
