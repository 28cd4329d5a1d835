"""Wagtail admin view: import directory entries from a CSV, with a dry-run preview."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from .importer import MAX_FILE_BYTES, DirectoryImporter, ImportFileError, read_csv
from .models import DirectoryIndexPage


def can_import(user, index=None):
    """Whether `user` may publish entries in `index` (or in any directory index)."""
    indexes = [index] if index is not None else DirectoryIndexPage.objects.all()
    return any(page.permissions_for_user(user).can_publish_subpage() for page in indexes)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, with the columns of the directory's CSV export (5 MB at most)."),
    )
    locale = forms.ChoiceField(label=_("Language of the rows"))
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

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        try:
            self.rows = read_csv(upload.read())
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from error
        return upload


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
