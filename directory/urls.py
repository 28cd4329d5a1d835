"""The directory's read-only JSON API, mounted under /api/v1/ outside the language prefix."""

from django.urls import path, re_path

from . import api

app_name = "directory_api"
urlpatterns = [
    path("directory/organisations/", api.organisations, name="organisations"),
    path("directory/places/", api.places, name="places"),
    path("directory/<int:pk>/", api.entry_detail, name="entry"),
    path("openapi.json", api.openapi, name="openapi"),
    # Last: every other address under /api/v1/ answers a JSON 404 (no slash redirect either).
    re_path(r"^(?P<rest>.*)$", api.not_found, name="not-found"),
]
