"""Reading a partner's file: its size limit and, for JSON exports, the list of objects it
holds, with a clear message (translated, for the person importing) when it cannot be used.

Every importer refuses a file the same way: `ImportFileError`, shown under the admin's file
field or as the command's error, never a 500.
"""

import json

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# The admin reads an upload into memory; no partner's export comes near this.
MAX_FILE_BYTES = 5 * 1024 * 1024


class ImportFileError(Exception):
    """The file as a whole cannot be imported (too large, not the expected format); the
    message says why."""


def too_large_message(max_bytes):
    # The help texts state the limit the same way (filesizeformat), in the reader's language.
    return _("The file is larger than %(size)s.") % {"size": filesizeformat(max_bytes)}


def refuse_too_large(size, max_bytes=MAX_FILE_BYTES):
    """ImportFileError when `size` bytes is over the limit: checked before a file is read."""
    if size > max_bytes:
        raise ImportFileError(too_large_message(max_bytes))


def read_json_list(data, key, not_a_list, max_bytes=MAX_FILE_BYTES):
    """The objects a JSON export given as bytes lists: the document itself when it is a list,
    else the list under `key`. ImportFileError when the file is too large, not JSON, or lists
    no objects; `not_a_list` is then the message, saying what the export should look like."""
    refuse_too_large(len(data), max_bytes)
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ImportFileError(_("The file is not JSON: %(error)s") % {"error": error}) from error
    except RecursionError:  # thousands of nested brackets: no export looks like that
        raise ImportFileError(
            _("The file is not JSON: %(error)s") % {"error": _("nested too deeply")}
        ) from None
    objects = document.get(key) if isinstance(document, dict) else document
    if not isinstance(objects, list) or not all(isinstance(item, dict) for item in objects):
        raise ImportFileError(not_a_list)
    return objects
