"""Reading a Content-Security-Policy header as directives.

The header's directive order is not part of the policy (django-csp may emit them in any order),
so tests compare directives, never substrings of the header.
"""


def csp_directives(response):
    """The response's policy as {directive: [sources]}; {} when the response has none."""
    header = response.get("Content-Security-Policy", "")
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}
