"""Import organisations and places from a CSV with the export's columns (staff spreadsheets).

Each row is saved in its own transaction: a valid row is published, an invalid one is skipped
and reported (row number, column, message), never half-saved. A dry run does the same work
inside a transaction that is rolled back, so its report is exactly what a real run would do.
A row updates the entry it matches (by the slug in `url`, else the website, else name + city)
rather than adding a duplicate.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale

from fileimports.files import ImportFileError, refuse_too_large
from fileimports.runs import ImportReport, import_transaction
from search.indexing import bulk_indexing

from .choices import Accessibility, Country, OrganisationType, PlaceKind, Relation
from .entries import OrganisationPage, PlacePage
from .exports import CSV_COLUMNS
from .index_page import DirectoryIndexPage
from .themes import Theme

MAX_ROWS = 20_000
REQUIRED_COLUMNS = ("entry_type", "name", "summary")
_TRUE = {"true", "1", "yes", "oui", "x"}
_FALSE = {"false", "0", "no", "non", ""}
# The export prefixes these with a quote so spreadsheets do not run them as formulas.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Model field -> CSV column, to report model validation errors against the reader's column.
_FIELD_COLUMNS = {
    "title": "name",
    "slug": "url",
    "year_founded": "year",
    "year_opened": "year",
    "__all__": "",
}


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class RowResult:
    row: int
    name: str
    action: str = ""  # "created", "updated" or "skipped"
    errors: list = field(default_factory=list)


class DirectoryReport(ImportReport):
    """The report of an import, with every error of the skipped rows (for the commands)."""

    @property
    def errors(self):
        return [error for outcome in self.outcomes for error in outcome.errors]


class _RowInvalid(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def read_csv(data):
    """Rows (dicts) of a CSV given as bytes or text; ImportFileError when it is not usable."""
    if isinstance(data, bytes):
        refuse_too_large(len(data))
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportFileError(_("The file is not UTF-8 text.")) from error
    if "\x00" in data:
        raise ImportFileError(_("The file is not a CSV text file."))
    try:
        dialect = csv.Sniffer().sniff(data[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(data), dialect=dialect)
    try:
        # A first line past the csv module's field limit (a JSON export, say) fails here.
        columns = [name.strip() for name in (reader.fieldnames or [])]
    except csv.Error as error:
        raise _not_valid_csv(error) from error
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise ImportFileError(
            _("Missing columns: %(columns)s. Use the columns of the CSV export.")
            % {"columns": ", ".join(missing)}
        )
    unknown = [name for name in columns if name not in CSV_COLUMNS]
    if unknown:
        raise ImportFileError(
            _("Unknown columns: %(columns)s. Use the columns of the CSV export.")
            % {"columns": ", ".join(unknown)}
        )
    reader.fieldnames = columns
    try:
        rows = list(reader)
    except csv.Error as error:
        raise _not_valid_csv(error) from error
    if len(rows) > MAX_ROWS:
        raise ImportFileError(_("More than 20,000 rows: split the file."))
    return rows


def _not_valid_csv(error):
    return ImportFileError(_("The file is not valid CSV: %(error)s") % {"error": error})


class DirectoryImporter:
    """Imports rows into the directory index of one language."""

    def __init__(self, locale_code="fr"):
        try:
            self.locale = Locale.objects.get(language_code=locale_code)
        except Locale.DoesNotExist as error:
            raise ImportFileError(
                _("No language “%(code)s” on this site.") % {"code": locale_code}
            ) from error
        self.index = DirectoryIndexPage.objects.filter(locale=self.locale).order_by("path").first()
        if self.index is None:
            raise ImportFileError(
                _("There is no directory page in “%(code)s” to import into.")
                % {"code": locale_code}
            )
        self.themes = {theme.slug: theme for theme in Theme.objects.filter(locale=self.locale)}

    def run(self, rows, dry_run=False, progress=None):
        report = DirectoryReport(dry_run=dry_run)
        # The search index is written once for all rows, in bulk, before the import commits.
        with import_transaction(dry_run), bulk_indexing():
            for number, row in enumerate(rows, start=2):  # row 1 is the header
                report.outcomes.append(self._import_row(number, row))
                if progress:
                    progress(number - 1, len(rows))
        return report

    # --- One row ------------------------------------------------------------------------

    def _import_row(self, number, row):
        row = {key: _clean_cell(value) for key, value in row.items() if key}
        result = RowResult(row=number, name=row.get("name", ""))
        try:
            with transaction.atomic():
                values, themes, keywords = self._parse(row)
                page, created = self._save(row, values, themes, keywords)
        except _RowInvalid as invalid:
            result.action = "skipped"
            result.errors = [
                RowError(number, column, message) for column, message in invalid.errors
            ]
            return result
        result.action = "created" if created else "updated"
        result.name = page.title
        return result

    def _parse(self, row):
        """(values, themes, keywords) of a row, or _RowInvalid with every error in it."""
        errors = []

        def fail(column, message):
            errors.append((column, str(message)))

        model = {"organisation": OrganisationPage, "place": PlacePage}.get(row.get("entry_type"))
        if model is None:
            fail("entry_type", _("Write “organisation” or “place”."))
        values, year = _common_values(row, fail)
        if model is OrganisationPage:
            values.update(_organisation_values(row, year, fail))
        elif model is PlacePage:
            values.update(_place_values(row, year, fail))
        themes = []
        for slug in _split(row.get("themes", "")):
            if slug in self.themes:
                themes.append(self.themes[slug])
            else:
                fail("themes", _("Unknown theme “%(slug)s”.") % {"slug": slug})
        keywords = _split(row.get("keywords", ""))
        if errors:
            raise _RowInvalid(errors)
        values["model"] = model
        return values, themes, keywords

    def _match(self, model, row, values):
        """The entry this row describes, if the directory already has it."""
        children = model.objects.child_of(self.index)
        slug = row.get("url", "").rstrip("/").rsplit("/", 1)[-1]
        if slug:
            found = children.filter(slug=slug).first()
            if found is not None:
                return found
            other = (PlacePage if model is OrganisationPage else OrganisationPage).objects
            if other.child_of(self.index).filter(slug=slug).exists():
                raise _RowInvalid([("entry_type", _("This entry exists with another type."))])
        if values["website"]:
            found = children.filter(website=values["website"]).first()
            if found is not None:
                return found
        return children.filter(title__iexact=values["title"], city__iexact=values["city"]).first()

    def _save(self, row, values, themes, keywords):
        model = values.pop("model")
        page = self._match(model, row, values)
        created = page is None
        if created:
            page = model(locale=self.locale, slug=self._free_slug(row, values["title"]))
        for name, value in values.items():
            setattr(page, name, value)
        try:
            # Wagtail's Page.save() runs full_clean() once the page has its place in the tree.
            if created:
                self.index.add_child(instance=page)
            else:
                page.save()
        except ValidationError as error:
            raise _RowInvalid(
                [
                    (_FIELD_COLUMNS.get(name, name), message)
                    for name, messages in error.message_dict.items()
                    for message in messages
                ]
            ) from error
        page.themes.set(themes)
        page.keywords.set(keywords)
        page.save_revision().publish()
        return page, created

    def _free_slug(self, row, title):
        wanted = row.get("url", "").rstrip("/").rsplit("/", 1)[-1] or slugify(title) or "entry"
        wanted = slugify(wanted)[:200] or "entry"
        taken = set(
            self.index.get_children().filter(slug__startswith=wanted).values_list("slug", flat=True)
        )
        slug, n = wanted, 2
        while slug in taken:
            slug, n = f"{wanted}-{n}", n + 1
        return slug


def _clean_cell(value):
    if value is None:
        return ""
    if isinstance(value, list):  # extra cells beyond the header
        return ""
    value = value.strip()
    if value.startswith("'") and value[1:].startswith(_FORMULA_PREFIXES):
        return value[1:]
    return value


def _split(value):
    return [part.strip() for part in value.split("|") if part.strip()]


def _decimal(value, column, fail):
    if not value:
        return None
    try:
        number = Decimal(value.replace(",", "."))
    except InvalidOperation:
        fail(column, _("Enter a number."))
        return None
    limit = 90 if column == "latitude" else 180
    if not number.is_finite() or abs(number) > limit:
        fail(column, _("Enter a number between -%(limit)s and %(limit)s.") % {"limit": limit})
        return None
    return number.quantize(Decimal("0.000001"))


def _choice(row, column, choices, fail, required=False):
    value = row.get(column, "")
    if value in choices.values:
        return value
    if value or required:
        fail(
            column,
            _("Use one of: %(values)s.") % {"values": ", ".join(choices.values)},
        )
    return ""


def _common_values(row, fail):
    """The fields both kinds of entry have, and the row's year (founded or opened)."""
    values = {"title": row.get("name", ""), "summary": row.get("summary", "")}
    if not values["title"]:
        fail("name", _("A name is required."))
    if not values["summary"]:
        fail("summary", _("A summary is required."))
    for column in ("city", "website"):
        values[column] = row.get(column, "")
    if "description" in row:  # not a CSV column: other formats' importers give it (cleaned)
        values["description"] = row["description"]
    if values["website"]:
        try:
            URLValidator(schemes=["http", "https"])(values["website"])
        except ValidationError:
            fail("website", _("Enter a full web address (https://...)."))
    country = row.get("country", "").upper()
    if country and country not in Country.values:
        fail("country", _("Unknown country code “%(value)s”.") % {"value": country})
    values["country"] = country
    for column in ("latitude", "longitude"):
        values[column] = _decimal(row.get(column, ""), column, fail)
    if (values["latitude"] is None) != (values["longitude"] is None):
        fail("longitude", _("Enter both latitude and longitude, or neither."))
    year = row.get("year", "")
    if year and not year.isdigit():
        fail("year", _("Enter a year such as 2015."))
    return values, int(year) if year.isdigit() else None


def _organisation_values(row, year, fail):
    email, phone = row.get("contact_email", ""), row.get("contact_phone", "")
    values = {
        "organisation_type": _choice(
            row, "organisation_type", OrganisationType, fail, required=True
        ),
        "relation": _choice(row, "relation", Relation, fail, required=True),
        "street_address": row.get("street_address", ""),
        "postcode": row.get("postcode", ""),
        "year_founded": year,
        "contact_email": email,
        "contact_phone": phone,
        # The export only carries contacts their organisation agreed to publish.
        "show_contact": bool(email or phone),
    }
    if email:
        try:
            EmailValidator()(email)
        except ValidationError:
            fail("contact_email", _("Enter a valid e-mail address."))
    return values


def _place_values(row, year, fail):
    values = {"kind": _choice(row, "kind", PlaceKind, fail, required=True), "year_opened": year}
    for choice in Accessibility:
        flag = row.get(choice.value, "").lower()
        if flag not in _TRUE | _FALSE:
            fail(choice.value, _("Write true or false."))
        values[choice.value] = flag in _TRUE
    return values
