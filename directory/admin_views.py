"""Wagtail admin view: import directory entries from a CSV or a GoGoCarto export, with a
dry-run preview."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from .choices import OrganisationType, PlaceKind, Relation
from .gogocarto import gogocarto_rows, read_gogocarto
from .importer import MAX_FILE_BYTES, DirectoryImporter, ImportFileError, read_csv
from .index_page import DirectoryIndexPage
from .themes import Theme


def can_import(user, index=None):
    """Whether `user` may publish entries in `index` (or in any directory index)."""
    indexes = [index] if index is not None else DirectoryIndexPage.objects.all()
    return any(page.permissions_for_user(user).can_publish_subpage() for page in indexes)


class ImportForm(forms.Form):
    source = forms.ChoiceField(
        label=_("Format"),
        choices=[
            ("csv", _("CSV with the columns of the directory's export")),
            ("gogocarto", _("GoGoCarto export (JSON)")),
        ],
        initial="csv",
        required=False,
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "UTF-8, 5 MB at most: a CSV with the columns of the directory's CSV export, or the "
            "JSON of a GoGoCarto map (its elements.json)."
        ),
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
    dry_run = forms.BooleanField(
        label=_("Dry run: check the file and show what would change, save nothing"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locale"].choices = [
            (locale.language_code, locale.get_display_name()) for locale in Locale.objects.all()
        ]

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is None:
            return cleaned
        # Optional, for the forms posted before GoGoCarto was offered: the initial choice.
        for name in ("source", "entry_type", "organisation_type", "relation", "kind"):
            cleaned[name] = cleaned.get(name) or self.fields[name].initial
        if upload.size > MAX_FILE_BYTES:
            self.add_error("file", _("The file is larger than 5 MB."))
            return cleaned
        try:
            if cleaned["source"] == "gogocarto":
                themes = Theme.objects.filter(locale__language_code=cleaned.get("locale"))
                slugs = set(themes.values_list("slug", flat=True))
                self.rows = gogocarto_rows(read_gogocarto(upload.read()), cleaned, slugs)
            else:
                self.rows = read_csv(upload.read())
        except ImportFileError as error:
            self.add_error("file", str(error))
        return cleaned


class ImportView(WagtailAdminTemplateMixin, FormView):
    form_class = ImportForm
    template_name = "directory/admin/import.html"
    page_title = _("Import directory entries")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def form_valid(self, form):
        try:
            importer = DirectoryImporter(form.cleaned_data["locale"])
        except ImportFileError as error:
            form.add_error("locale", str(error))
            return self.form_invalid(form)
        if not can_import(self.request.user, importer.index):
            raise PermissionDenied
        report = importer.run(form.rows, dry_run=form.cleaned_data["dry_run"])
        return self.render_to_response(self.get_context_data(form=form, report=report))
