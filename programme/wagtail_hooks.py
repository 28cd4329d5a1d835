from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import openapi
from .admin_views import OpenAgendaImportView, importable_programmes
from .registrations import Registration
from .rooms import Room
from .subscriptions import CalendarSubscription


class RoomViewSet(SnippetViewSet):
    model = Room
    icon = "home"
    menu_label = _("Rooms")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "capacity", "step_free_access", "induction_loop"]
    search_fields = ["name"]


register_snippet(RoomViewSet)


class CalendarSubscriptionViewSet(SnippetViewSet):
    """Partners' calendars the worker reads (programme/ical_import.py)."""

    model = CalendarSubscription
    icon = "calendar-alt"
    menu_label = pgettext_lazy("admin menu, short enough for the sidebar", "Partner calendars")
    menu_order = 310
    add_to_admin_menu = True
    list_display = [
        "url",
        "organisation",
        "trusted",
        "last_status",
        "last_fetched_at",
        "last_success_at",
    ]
    list_filter = ["trusted", "last_status", "active"]
    search_fields = ["url"]
    panels = [
        FieldPanel("url"),
        FieldPanel("organisation"),
        FieldPanel("programme"),
        FieldPanel("trusted"),
        FieldPanel("active"),
        FieldPanel("last_status", read_only=True),
        FieldPanel("last_fetched_at", read_only=True),
        FieldPanel("last_success_at", read_only=True),
        FieldPanel("last_message", read_only=True),
    ]


register_snippet(CalendarSubscriptionViewSet)


@hooks.register("register_admin_urls")
def register_openagenda_import_url():
    return [
        path("programme/openagenda/", OpenAgendaImportView.as_view(), name="programme_openagenda")
    ]


class OpenAgendaMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(importable_programmes(request.user))


@hooks.register("register_admin_menu_item")
def register_openagenda_menu_item():
    # Next to the partner calendars (310): the other way events come in.
    return OpenAgendaMenuItem(
        pgettext_lazy("admin menu, short enough for the sidebar", "OpenAgenda import"),
        reverse("programme_openagenda"),
        icon_name="upload",
        order=311,
    )


class RegistrationPermissionPolicy(ModelPermissionPolicy):
    """Registrants' names and addresses: staff only, and read-only in the admin.

    Places change only through the sign-up form and the cancel link, which keep the waiting
    list in order; an edit in the admin would bypass it.
    """

    READ_ONLY = {"view"}

    def user_has_permission(self, user, action):
        if action not in self.READ_ONLY:
            return False
        return user.is_active and user.is_staff and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action in self.READ_ONLY]
        return super().users_with_any_permission(actions).filter(is_staff=True)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model._default_manager.all()
        return self.model._default_manager.none()


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Registrations")
    menu_order = 310
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["name", "email", "event", "occurrence_start", "status", "created_at"]
    list_filter = ["status", "event", "occurrence_start"]
    search_fields = ["name", "email"]
    list_export = [
        "event",
        "occurrence_start",
        "name",
        "email",
        "status",
        "language",
        "created_at",
    ]
    export_filename = "registrations"
    ordering = ["event", "occurrence_start", "created_at"]


register_permission_policy(Registration, RegistrationPermissionPolicy(Registration))

register_snippet(RegistrationViewSet)


# The events operations join the directory's in the API's one OpenAPI document.
hooks.register("register_api_operations", openapi.operations)
