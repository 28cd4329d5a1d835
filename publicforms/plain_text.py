"""Validators for the plain-text fields of public forms (contact messages, names...).

Django's CharField already refuses the NUL character; these refuse the rest of what has no
place in a line of text a person typed: control characters and bidirectional overrides
(used to disguise text), line breaks in single-line fields (header injection in e-mail
subjects), and HTML tags (plain text is never markup: it is escaped when shown, so a tag
can only be a probe).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .text import CONTROL_CHARACTERS

# Explicit direction controls: embeddings, overrides and isolates (U+202A-202E, U+2066-2069).
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# What a multi-line field may hold and a single-line one may not.
LINE_CONTROLS = re.compile("[\t\n\r]")
TAG = re.compile(r"<\s*[/!?]?\s*[a-zA-Z]")
SCRIPT_URL = re.compile(r"\b(?:java|vb)script\s*:", re.IGNORECASE)


def _has_control_characters(value, single_line):
    """The site-wide rule of publicforms.text, with direction controls, and for single-line
    fields tabs and line breaks."""
    return bool(
        CONTROL_CHARACTERS.search(value)
        or BIDI_CONTROLS.search(value)
        or (single_line and LINE_CONTROLS.search(value))
    )


def validate_single_line(value):
    """No control character at all, line breaks included."""
    if _has_control_characters(value, single_line=True):
        raise ValidationError(
            _("Remove the invisible control characters or line breaks from this field."),
            code="control_characters",
        )


def validate_multi_line(value):
    """Line breaks and tabs are text; other control characters are not."""
    if _has_control_characters(value, single_line=False):
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
