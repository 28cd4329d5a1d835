"""Partners' formatted text reduced to a small, safe subset of HTML with nh3."""

import html

import nh3

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
BLOCK_TAGS = ("<p", "<ul", "<ol")


def clean_html(value):
    """Safe HTML for a RichTextField: paragraphs from blank lines, a few inline tags, links.

    Everything else (scripts, styles, event handlers, javascript: links, iframes) is dropped.
    """
    value = (value or "").replace("\r\n", "\n").strip()
    if not value:
        return ""
    cleaned = nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener",
        strip_comments=True,
    )
    if any(tag in cleaned for tag in BLOCK_TAGS):
        return cleaned
    paragraphs = [p.strip() for p in cleaned.split("\n\n") if p.strip()]
    return "".join("<p>" + p.replace("\n", "<br>") + "</p>" for p in paragraphs)


def plain_text(value):
    """Text for a plain-text e-mail: no tags, no angle brackets left to be misread."""
    text = html.unescape(nh3.clean(value or "", tags=set()))
    return text.replace("<", "‹").replace(">", "›")
