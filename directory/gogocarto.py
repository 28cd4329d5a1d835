"""Import of a GoGoCarto export (its JSON API, `elements.json`) into directory entries.

Each element becomes a row with the columns of the directory's CSV export, imported by the
same `DirectoryImporter`: the same validation, one transaction per row, the same matching of
existing entries (website, else name and city: importing the same map again updates rather
than duplicates) and the same dry-run report. GoGoCarto has no type of organisation nor
relation to the network: the importer's choices give them. Contact e-mails and phones are not
imported: the organisations never agreed to show them here. Categories that name a theme of
the directory (by slug) become its themes, the others keywords.
"""

import re

from django.utils.text import slugify
from django.utils.translation import gettext as _

from fileimports.files import ImportFileError, read_json_list
from publicforms.richtext import clean_html

from .choices import Country
from .importer import MAX_ROWS

SUMMARY_LENGTH = 240
_COUNTRY_NAMES = {"france": "FR", "belgique": "BE", "suisse": "CH", "canada": "CA"}


def read_gogocarto(data):
    """The elements of a GoGoCarto JSON export given as bytes; ImportFileError if unusable."""
    elements = read_json_list(
        data,
        "data",
        _("This is not a GoGoCarto export: it has no list of elements under “data”."),
    )
    if len(elements) > MAX_ROWS:
        raise ImportFileError(_("More than 20,000 rows: split the file."))
    return elements


def _text(value):
    return " ".join(str(value).split()) if isinstance(value, str | int | float) else ""


def _summary(element):
    description = _text(element.get("description", ""))
    if description:
        first = re.split(r"(?<=[.!?])\s", description, maxsplit=1)[0]
        return first[:SUMMARY_LENGTH].rstrip()
    categories = _categories(element)
    return " · ".join(categories)[:SUMMARY_LENGTH] or _text(element.get("name", ""))


def _categories(element):
    names = element.get("categories") or []
    return [_text(name) for name in names if _text(name)] if isinstance(names, list) else []


def _country(value):
    value = _text(value)
    if value.upper() in Country.values:
        return value.upper()
    return _COUNTRY_NAMES.get(value.lower(), value)


def _coordinate(geo, name):
    value = geo.get(name) if isinstance(geo, dict) else None
    return "" if value in (None, "") else str(value)


def element_row(element, options, theme_slugs):
    """One GoGoCarto element as a row of the CSV export's columns (plus its description)."""
    address = element.get("address") if isinstance(element.get("address"), dict) else {}
    geo = element.get("geo")
    themes, keywords = [], []
    for category in _categories(element):
        (themes if slugify(category) in theme_slugs else keywords).append(category)
    row = {
        "entry_type": options["entry_type"],
        "name": _text(element.get("name", "")),
        "summary": _summary(element),
        "description": clean_html(
            "\n\n".join(
                str(element.get(key) or "").strip()
                for key in ("description", "descriptionMore")
                if isinstance(element.get(key), str)
            )
        ),
        "themes": "|".join(slugify(name) for name in themes),
        "keywords": "|".join(keywords),
        "street_address": _text(address.get("streetAddress", "")),
        "postcode": _text(address.get("postalCode", "")),
        "city": _text(address.get("addressLocality", "")),
        "country": _country(address.get("addressCountry", "")),
        "latitude": _coordinate(geo, "latitude"),
        "longitude": _coordinate(geo, "longitude"),
        "website": _text(element.get("website", "")),
    }
    if options["entry_type"] == "organisation":
        row["organisation_type"] = options["organisation_type"]
        row["relation"] = options["relation"]
    else:
        row["kind"] = options["kind"]
    return row


def gogocarto_rows(elements, options, theme_slugs):
    return [element_row(element, options, theme_slugs) for element in elements]
