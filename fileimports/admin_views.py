"""The admin page of an import: upload a file (read and checked as the form is cleaned), see
the report of a dry run, then import. Each importer subclasses the form and the view with
what is its own: its fields, how it reads the file, who may import, where the rows go."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .files import MAX_FILE_BYTES, ImportFileError, refuse_too_large


class ImportFileForm(forms.Form):
    """The file, the importer's own fields, and the dry run (ticked by default) last."""

    # May hold %(size)s: the limit this form applies, so the text never disagrees with it.
    file_help_text = ""

    file = forms.FileField(label=_("File"))
    dry_run = forms.BooleanField(
        label=_("Dry run: check the file and show what would change, save nothing"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = self.file_help_text % {
            "size": filesizeformat(self.max_bytes())
        }
        self.fields["dry_run"] = self.fields.pop("dry_run")  # next to the button

    def max_bytes(self):
        return MAX_FILE_BYTES

    def read(self, data):
        """The rows of the uploaded file (bytes); ImportFileError when it cannot be imported.
        The other fields are in `self.cleaned_data`."""
        raise NotImplementedError

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is None:
            return cleaned
        try:
            refuse_too_large(upload.size, self.max_bytes())  # before it is read into memory
            self.rows = self.read(upload.read())
        except ImportFileError as error:
            self.add_error("file", str(error))
        return cleaned


class ImportFileView(WagtailAdminTemplateMixin, FormView):
    """Shows the form; a valid post runs the import and shows its report above the form."""

    header_icon = "upload"
    # The field under which a refusal of the import itself (not of the file's reading) shows.
    refused_field = "file"

    def user_may_import(self, user):
        raise NotImplementedError

    def run_import(self, form, dry_run):
        """The ImportReport of importing `form.rows`; ImportFileError when it is refused."""
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not self.user_may_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def form_valid(self, form):
        try:
            report = self.run_import(form, dry_run=form.cleaned_data["dry_run"])
        except ImportFileError as error:
            form.add_error(self.refused_field, str(error))
            return self.form_invalid(form)
        return self.render_to_response(self.get_context_data(form=form, report=report))
