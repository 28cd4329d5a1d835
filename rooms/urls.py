"""The private room calendars, inside the language prefix (titles in that language)."""

from django.urls import path

from . import views

app_name = "rooms"

urlpatterns = [
    path("room-calendar/<str:token>/", views.room_feed, name="feed"),
]
