"""Wagtail admin view: import directory entries from a CSV or a GoGoCarto export, with a
dry-run preview."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from fileimports.admin_views import ImportFileForm, ImportFileView

from .choices import OrganisationType, PlaceKind, Relation
from .gogocarto import gogocarto_rows, read_gogocarto
from .importer import DirectoryImporter, read_csv
from .index_page import DirectoryIndexPage
from .themes import Theme


def can_import(user, index=None):
    """Whether `user` may publish entries in `index` (or in any directory index)."""
    indexes = [index] if index is not None else DirectoryIndexPage.objects.all()
    return any(page.permissions_for_user(user).can_publish_subpage() for page in indexes)


class ImportForm(ImportFileForm):
    field_order = ["source"]  # the format first: it says how the file is read
    file_help_text = _(
        "UTF-8, %(size)s at most: a CSV with the columns of the directory's CSV export, or the "
        "JSON of a GoGoCarto map (its elements.json)."
    )

    source = forms.ChoiceField(
        label=_("Format"),
        choices=[
            ("csv", _("CSV with the columns of the directory's export")),
            ("gogocarto", _("GoGoCarto export (JSON)")),
        ],
        initial="csv",
        required=False,
    )
    locale = forms.ChoiceField(label=_("Language of the rows"))
    entry_type = forms.ChoiceField(
        label=_("GoGoCarto elements are"),
        choices=[("organisation", _("Organisations")), ("place", _("Inspiring places"))],
        initial="organisation",
        required=False,
    )
    organisation_type = forms.ChoiceField(
        label=_("Type of the organisations (GoGoCarto)"),
        choices=OrganisationType.choices,
        initial=OrganisationType.OTHER,
        required=False,
    )
    relation = forms.ChoiceField(
        label=_("Their relation to the network (GoGoCarto)"),
        choices=Relation.choices,
        initial=Relation.PARTNER,
        required=False,
    )
    kind = forms.ChoiceField(
        label=_("Kind of the places (GoGoCarto)"),
        choices=PlaceKind.choices,
        initial="other",
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locale"].choices = [
            (locale.language_code, locale.get_display_name()) for locale in Locale.objects.all()
        ]

    def clean(self):
        # Optional, for the forms posted before GoGoCarto was offered: the initial choice.
        for name in ("source", "entry_type", "organisation_type", "relation", "kind"):
            self.cleaned_data[name] = self.cleaned_data.get(name) or self.fields[name].initial
        return super().clean()

    def read(self, data):
        if self.cleaned_data["source"] != "gogocarto":
            return read_csv(data)
        themes = Theme.objects.filter(locale__language_code=self.cleaned_data.get("locale"))
        slugs = set(themes.values_list("slug", flat=True))
        return gogocarto_rows(read_gogocarto(data), self.cleaned_data, slugs)


class ImportView(ImportFileView):
    form_class = ImportForm
    template_name = "directory/admin/import.html"
    page_title = _("Import directory entries")
    refused_field = "locale"  # a language without a directory page to import into

    def user_may_import(self, user):
        return can_import(user)

    def run_import(self, form, dry_run):
        importer = DirectoryImporter(form.cleaned_data["locale"])
        if not can_import(self.request.user, importer.index):
            raise PermissionDenied
        return importer.run(form.rows, dry_run=dry_run)
