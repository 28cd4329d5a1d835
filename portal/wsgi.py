"""WSGI entry point (gunicorn portal.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

if os.environ.get("PORTAL_WARM_UP", "true").lower() not in ("0", "false", "no"):
    from portal.warmup import warm_up  # after the application: Django is set up

    warm_up()
