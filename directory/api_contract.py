"""The rules every operation of the read-only API under /api/v1/ keeps, whichever app serves it
(the directory's entries here, the programme's events in `programme.api`).

JSON everywhere (errors too), GET and HEAD only (a JSON 405 with Allow otherwise), query
parameters checked against the schemas the OpenAPI document publishes (a 400 naming the
parameter and its allowed values), `lang` read and activated, pagination with full `next` and
`previous` URLs, a few minutes of caching with an ETag (Django's conditional GET), and a
generous per-client rate limit (django-ratelimit) shared by the whole API, answered with 429.
"""

import datetime as dt
import functools
import json
import re

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import conditional_page
from django_ratelimit.core import get_usage

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
CACHE_SECONDS = 300
MAX_ID = 2**63 - 1  # larger ids cannot be stored, and databases refuse to compare with them
RATE_LIMIT_GROUP = "directory-api"  # one budget for the whole API, whatever the operation
ALLOWED_METHODS = ("GET", "HEAD")
INTEGER = re.compile(r"[+-]?\d+")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
BOOLEAN_VALUES = ("true", "false")


def json_response(data, status=200):
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
    response = HttpResponse(body, status=status, content_type="application/json")
    # Errors are not cached (nor given an ETag: conditional_page skips "no-store" responses).
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}" if status == 200 else "no-store"
    response["Access-Control-Allow-Origin"] = "*"
    response.keep_path = True  # an API 404 is not a page to look for under /<lang>/
    return response


def error_response(status, message, **details):
    return json_response({"error": str(message), **details}, status=status)


def _method_not_allowed():
    response = error_response(405, f"Only {' and '.join(ALLOWED_METHODS)}: this API is read-only.")
    response["Allow"] = ", ".join(ALLOWED_METHODS)
    return response


def read_only(view):
    """GET and HEAD; any other method a JSON 405 with Allow. CSRF does not apply: nothing a
    request can change (without the exemption, a POST or DELETE was refused as a forged 403)."""

    @csrf_exempt
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ALLOWED_METHODS:
            return _method_not_allowed()
        return view(request, *args, **kwargs)

    return wrapped


def _is_date(value):
    if not DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _acceptable(value, schema):
    """Whether `value` satisfies the OpenAPI schema of a query parameter."""
    if "enum" in schema:
        return value in schema["enum"]
    kind = schema.get("type")
    if kind == "integer":
        if not INTEGER.fullmatch(value):
            return False
        number = int(value)
        return number >= schema.get("minimum", number) and number <= schema.get("maximum", number)
    if kind == "boolean":
        return value in BOOLEAN_VALUES
    if schema.get("format") == "date":
        return _is_date(value)
    return len(value) <= schema.get("maxLength", len(value))


def _refusal(name, schema):
    if "enum" in schema:
        return f"{name} must be one of: {', '.join(schema['enum'])}.", schema["enum"]
    if schema.get("type") == "boolean":
        return f"{name} must be true or false.", list(BOOLEAN_VALUES)
    if schema.get("format") == "date":
        return f"{name} must be a date (YYYY-MM-DD).", None
    if "maxLength" in schema:
        return f"{name} must be at most {schema['maxLength']} characters long.", None
    return f"{name} must be an integer of at least {schema.get('minimum', 1)}.", None


def refused_parameter(request, parameters):
    """A 400 naming the first query parameter its published schema refuses, or None.

    The check reads the very parameters the OpenAPI document publishes, so the contract and
    the code cannot drift apart.
    """
    for parameter in parameters:
        name, schema = parameter["name"], parameter["schema"]
        if schema.get("type") == "array":
            schema = schema["items"]
        for value in request.GET.getlist(name):
            if _acceptable(value, schema):
                continue
            message, allowed = _refusal(name, schema)
            details = {"parameter": name}
            if allowed is not None:
                details["allowed"] = allowed
            return error_response(400, message, **details)
    return None


def _rate(group, request):
    """PORTAL_API_RATE_LIMIT requests a minute per client address; None (0) turns it off."""
    limit = settings.PORTAL_API_RATE_LIMIT
    return f"{limit}/m" if limit else None


def _too_many_requests(request):
    """A 429 with Retry-After when this client is over the limit (django-ratelimit would 403)."""
    usage = get_usage(request, group=RATE_LIMIT_GROUP, key="ip", rate=_rate, increment=True)
    if usage is None or not usage["should_limit"]:
        return None
    response = error_response(429, "Too many requests: wait a minute.")
    response["Retry-After"] = str(max(1, usage["time_left"]))
    return response


def _language(request):
    code = request.GET.get("lang") or settings.LANGUAGE_CODE
    return code if code in dict(settings.LANGUAGES) else None


def api_view(view):
    """GET only, rate-limited, conditional (ETag, 304), with `lang` read and activated."""

    @read_only
    @conditional_page
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        refused = _too_many_requests(request)
        if refused is not None:
            return refused
        language = _language(request)
        if language is None:
            codes = [code for code, _name in settings.LANGUAGES]
            return error_response(
                400, f"lang must be one of: {', '.join(codes)}.", parameter="lang", allowed=codes
            )
        with translation.override(language):
            return view(request, language, *args, **kwargs)

    return wrapped


def _positive_int(value, default):
    if value in (None, ""):
        return default
    if not str(value).isdigit() or int(value) < 1:
        raise ValueError(value)
    return int(value)


def requested_page(request):
    """(page, page_size) asked for; ValueError when either is not a positive integer."""
    page = _positive_int(request.GET.get("page"), 1)
    page_size = min(_positive_int(request.GET.get("page_size"), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE)
    return page, page_size


def bad_page():
    return error_response(400, "page and page_size must be positive integers.")


def page_envelope(request, count, page, page_size, language):
    """The paginated answer's fields around `results`, or None when `page` is past the last."""
    last_page = max(1, -(-count // page_size))
    if page > last_page:
        return None

    def page_url(number):
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(request.path + "?" + query.urlencode())

    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "next": page_url(page + 1) if page < last_page else None,
        "previous": page_url(page - 1) if page > 1 else None,
        "language": language,
    }


def out_of_range():
    return error_response(404, "Page out of range.")
