"""Query words marked in a result's name and excerpt, matched by stem as the search does."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .text import fold, stem_words

TOKENS = re.compile(r"(\w+)")
EXCERPT_LENGTH = 240


def _matches(word, query_stems, language):
    return stem_words([fold(word)], language)[0] in query_stems


def _window(text, query_stems, language, length):
    """About `length` characters of `text` around its first matching word."""
    if length is None or len(text) <= length:
        return text
    start = 0
    for match in TOKENS.finditer(text):
        if _matches(match.group(1), query_stems, language):
            start = max(0, match.start() - length // 3)
            break
    excerpt = text[start : start + length]
    if start > 0:
        excerpt = "…" + excerpt.split(" ", 1)[-1]
    if start + length < len(text):
        excerpt = excerpt.rsplit(" ", 1)[0] + "…"
    return excerpt


def highlight(text, query_stems, language, length=EXCERPT_LENGTH):
    """Escaped `text` (cut to an excerpt) with the words matching the query in <mark>."""
    query_stems = set(query_stems)
    text = " ".join((text or "").split())
    text = _window(text, query_stems, language, length)
    parts = []
    for index, part in enumerate(TOKENS.split(text)):
        if index % 2 and query_stems and _matches(part, query_stems, language):
            parts.append(f"<mark>{escape(part)}</mark>")
        else:
            parts.append(escape(part))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above
