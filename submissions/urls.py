"""The partner's private pages (status, edit), inside the language prefix."""

from django.urls import path

from . import private_views

app_name = "submissions"

urlpatterns = [
    path("submission/<str:token>/", private_views.status, name="status"),
    path("submission/<str:token>/edit/", private_views.edit, name="edit"),
]
