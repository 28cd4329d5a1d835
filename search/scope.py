"""The tokens a page is filtered on, stored with its text in the full-text index.

A search is always within a locale, often among the children of one page (the directory's
entries), often with facet values chosen: each of these is a token of the page's `scope`, so
the full-text engine answers "matches the words AND is a child of the directory AND is an
association or a collective AND is in Paris" in one query, from its own index, however many
pages match. Tokens start with an underscore, which the analysed text never holds, so a word
typed by a reader can never match one.
"""

import hashlib

from wagtail.models import Page

LOCALE = "_l"
CHILD_OF = "_c"
FACET = "_f"


def locale_token(locale_id):
    return f"{LOCALE}{int(locale_id)}"


def child_of_token(parent_path):
    """Children of the page at `parent_path` (Wagtail's tree path, case folded)."""
    return f"{CHILD_OF}{parent_path.lower()}"


def facet_token(facet, value):
    digest = hashlib.blake2b(f"{facet}\x1f{value}".encode(), digest_size=8).hexdigest()
    return f"{FACET}{digest}"


def page_scope(locale_id, path, facet_rows):
    """The scope tokens of a page: its locale, its parent, each (facet, value) it has."""
    tokens = [locale_token(locale_id)]
    if len(path) > Page.steplen:
        tokens.append(child_of_token(path[: -Page.steplen]))
    tokens.extend(facet_token(facet, value) for facet, value in facet_rows)
    return " ".join(dict.fromkeys(tokens))


def facet_set_id(pairs):
    """A stable id for a set of single (facet, value) pairs: 63 bits of their digest."""
    text = "\x1e".join(f"{facet}\x1f{value}" for facet, value in sorted(pairs))
    digest = hashlib.blake2b(text.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1
