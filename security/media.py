"""Serve uploaded media through Django's storage API when no web server does it.

Used by `make run`, single-machine installs (SERVE_MEDIA=true) and browser tests; large
sites put media behind their web server or object storage instead.
"""

import mimetypes
import posixpath

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

# Anything else is sent as a download so that an uploaded file can never run as a page.
INLINE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp", "image/avif"}


@require_safe
def serve_media(request, path):
    path = posixpath.normpath(path).lstrip("/")
    if path == ".." or path.startswith("../") or not default_storage.exists(path):
        raise Http404
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    inline = content_type in INLINE_TYPES
    response = FileResponse(
        default_storage.open(path, "rb"),
        content_type=content_type if inline else "application/octet-stream",
        as_attachment=not inline,
        filename=posixpath.basename(path),
    )
    response["Cache-Control"] = "public, max-age=86400"
    return response
