"""The programme's operations of the read-only API, mounted under /api/v1/ before the
directory's (whose last route answers a JSON 404 for every other address)."""

from django.urls import path

from . import api

app_name = "programme_api"
urlpatterns = [
    path("events/", api.events, name="events"),
]
