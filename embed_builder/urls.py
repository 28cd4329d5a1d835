"""Addresses outside the language prefix: the widget follows the reader's language."""

from django.urls import path

from . import views

app_name = "embed_builder"

urlpatterns = [
    path("<str:widget>/", views.reader_language_embed, name="reader_language"),
]
