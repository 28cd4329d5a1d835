"""What a fresh process would otherwise do on its first request, done before it serves one.

Without this, the first request to a new gunicorn worker resolved the URL configuration,
loaded both translation catalogues and compiled every template it used (13-23 s on a busy
machine). `warm_up()` runs when portal.wsgi is imported: with gunicorn's `preload_app` (the
default in portal/gunicorn.py) the master does it once and every worker it forks, including
those that replace a worker after `max_requests`, starts warm.
"""

import logging
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, connections
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation

logger = logging.getLogger(__name__)


def _template_names(folder="templates", project_dirs=True):
    """Every template of the project in the apps' `folder` (not the libraries'), and in
    templates/ when `project_dirs`."""
    roots = [Path(directory) for directory in settings.TEMPLATES[0]["DIRS"]] if project_dirs else []
    roots += [
        Path(app.path) / folder
        for app in apps.get_app_configs()
        if Path(app.path).is_relative_to(settings.BASE_DIR) and ".venv" not in Path(app.path).parts
    ]
    for root in roots:
        for path in sorted(root.rglob("*.html")):
            yield path.relative_to(root).as_posix()


def refresh_sqlite_statistics():
    """Let SQLite's query planner know the size of each table, as PostgreSQL's autovacuum
    does for it.

    Without statistics, SQLite guesses that an equality on any indexed column selects about
    ten rows: on a site with thousands of directory pages it read the programme's events by
    scanning every page of the language (`locale_id = ?`) rather than the few event rows
    (1.8 ms instead of 0.05 ms for thirty events). `analysis_limit` bounds the cost on a
    large database (SQLite's advice); each start refreshes them.
    """
    connection = connections["default"]
    if connection.vendor != "sqlite":
        return
    try:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA analysis_limit=1000")
            cursor.execute("ANALYZE")
    except DatabaseError:  # locked by a long write, or read-only: the guesses will do
        logger.warning("Could not refresh SQLite's table statistics", exc_info=True)


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
    jinja2 = engines["jinja2"]  # portal/jinja2.py: compiled templates kept by its environment
    for name in _template_names("jinja2", project_dirs=False):
        jinja2.get_template(name)
    refresh_sqlite_statistics()
    # Make sure no connection is shared with the workers gunicorn forks from this process.
    connections.close_all()
