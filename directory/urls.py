"""The directory's read-only JSON API, mounted under /api/v1/ outside the language prefix."""

from django.urls import path

from . import api

app_name = "directory_api"
urlpatterns = [
    path("directory/organisations/", api.organisations, name="organisations"),
    path("directory/places/", api.places, name="places"),
    path("directory/<int:pk>/", api.entry_detail, name="entry"),
    path("openapi.json", api.openapi, name="openapi"),
]
