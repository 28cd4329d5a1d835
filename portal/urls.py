"""Root URLs: the admin and machine-facing files outside the language prefix, pages inside."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from languages.sitemaps import sitemap
from portal.health import healthz
from security.media import serve_media

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
    path("sitemap.xml", sitemap, name="sitemap"),
    # The programme's events first: the directory's routes end with the API's JSON 404.
    path("api/v1/", include("programme.api_urls")),
    path("api/v1/", include("directory.urls")),
    path(settings.PORTAL_ADMIN_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Embeds that follow the reader's language (embed_builder/, docs/embedding.md).
    path("embed/", include("embed_builder.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns.append(re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", serve_media))

urlpatterns += i18n_patterns(
    path("", include("submissions.urls")),
    path("", include("rooms.urls")),
    path("", include("newsletter.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# A database outage answers 503 with Retry-After; any other server error the usual 500 page.
handler500 = "portal.errors.server_error"
