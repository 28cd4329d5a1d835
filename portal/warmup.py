"""What a fresh process would otherwise do on its first request, done before it serves one.

Without this, the first request to a new gunicorn worker resolved the URL configuration,
loaded both translation catalogues and compiled every template it used (13-23 s on a busy
machine). `warm_up()` runs when portal.wsgi is imported: with gunicorn's `preload_app` (the
default in portal/gunicorn.py) the master does it once and every worker it forks, including
those that replace a worker after `max_requests`, starts warm.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connections
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation


def _template_names():
    """Every template of the project: templates/ and each app of ours (not the libraries')."""
    roots = [Path(directory) for directory in settings.TEMPLATES[0]["DIRS"]]
    roots += [
        Path(app.path) / "templates"
        for app in apps.get_app_configs()
        if Path(app.path).is_relative_to(settings.BASE_DIR) and ".venv" not in Path(app.path).parts
    ]
    for root in roots:
        for path in sorted(root.rglob("*.html")):
            yield path.relative_to(root).as_posix()


def warm_up():
    get_resolver().url_patterns  # noqa: B018 - imports every view module and builds the resolver
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Home")  # loads the catalogue of that language
    for name in _template_names():
        try:
            get_template(name)  # compiled once, kept by the cached loader
        except (TemplateDoesNotExist, TemplateSyntaxError):
            continue  # a partial that only makes sense included (shown when it is used)
    # Nothing above should need the database; make sure no connection is shared with the
    # workers gunicorn forks from this process.
    connections.close_all()
