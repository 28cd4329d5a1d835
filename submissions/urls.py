"""The partner's private pages (status, edit), inside the language prefix."""

from django.urls import path

from . import views

app_name = "submissions"

urlpatterns = [
    path("submission/<str:token>/", views.status, name="status"),
    path("submission/<str:token>/edit/", views.edit, name="edit"),
]
