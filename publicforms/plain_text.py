"""Validators for the plain-text fields of public forms (contact messages, names...).

Django's CharField already refuses the NUL character; these refuse the rest of what has no
place in a line of text a person typed: control characters and bidirectional overrides
(used to disguise text), line breaks in single-line fields (header injection in e-mail
subjects), and HTML tags (plain text is never markup: it is escaped when shown, so a tag
can only be a probe).
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Explicit direction controls: embeddings, overrides and isolates (U+202A-202E, U+2066-2069).
BIDI_CONTROLS = {chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
LINE_BREAKS = {"\n", "\r"}
TAG = re.compile(r"<\s*[/!?]?\s*[a-zA-Z]")
SCRIPT_URL = re.compile(r"\b(?:java|vb)script\s*:", re.IGNORECASE)


def _control_characters(value, allowed):
    return [
        char
        for char in value
        if char not in allowed and (unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS)
    ]


def validate_single_line(value):
    """No control character at all, line breaks included."""
    if _control_characters(value, allowed=set()):
        raise ValidationError(
            _("Remove the invisible control characters or line breaks from this field."),
            code="control_characters",
        )


def validate_multi_line(value):
    """Line breaks and tabs are text; other control characters are not."""
    if _control_characters(value, allowed={"\n", "\r", "\t"}):
        raise ValidationError(
            _("Remove the invisible control characters from this field."),
            code="control_characters",
        )


def validate_no_markup(value):
    if TAG.search(value) or SCRIPT_URL.search(value):
        raise ValidationError(
            _("Write plain text: HTML tags and script addresses are not accepted."),
            code="markup",
        )
