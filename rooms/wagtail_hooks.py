"""Staff's side of room hire: the requests (filters, capacity flag, confirm/decline) and the
room calendar with each room's private feed."""

from django.urls import include, path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet

from . import admin_views
from .hires import RoomRequest


class RoomRequestPermissionPolicy(ModelPermissionPolicy):
    """Requests arrive only through the public form: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a != "add"])


class RoomRequestInspectView(InspectView):
    template_name = "rooms/admin/request_inspect.html"

    # Wagtail's inspect view formats datetimes without converting them to local time.
    def _local(self, name):
        value = getattr(self.object, name)
        if value is None:
            return "-"
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")

    def get_start_display_value(self):
        return self._local("start")

    def get_end_display_value(self):
        return self._local("end")

    def get_created_display_value(self):
        return self._local("created")

    def get_decided_at_display_value(self):
        return self._local("decided_at")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(admin_views.inspect_context(self.request, self.object))
        return context


class RoomRequestViewSet(SnippetViewSet):
    model = RoomRequest
    icon = "calendar-check"
    menu_label = _("Room requests")
    menu_order = 320
    add_to_admin_menu = True
    inspect_view_enabled = True
    inspect_view_class = RoomRequestInspectView
    copy_view_enabled = False
    list_display = [
        "organisation_name",
        "room",
        "start",
        "end",
        "attendance",
        "capacity_display",
        "status",
        "created",
    ]
    list_filter = ["status", "room", "start"]
    search_fields = ["organisation_name", "contact_name", "email", "purpose"]
    ordering = ["-created"]
    list_export = [
        "room",
        "organisation_name",
        "contact_name",
        "email",
        "start",
        "end",
        "attendance",
        "status",
        "created",
    ]
    export_filename = "room-hire-requests"
    inspect_view_fields = [
        "room",
        "organisation_name",
        "organisation",
        "contact_name",
        "email",
        "start",
        "end",
        "attendance",
        "purpose",
        "needs",
        "status",
        "staff_comment",
        "language",
        "created",
        "decided_at",
        "decided_by",
    ]
    # The status changes only through the confirm and decline actions, which check the
    # room's calendar; the edit form keeps everything else read-only.
    panels = [
        MultiFieldPanel(
            [
                FieldPanel(name, read_only=True)
                for name in (
                    "room",
                    "organisation_name",
                    "organisation",
                    "contact_name",
                    "email",
                    "start",
                    "end",
                    "attendance",
                    "purpose",
                    "needs",
                    "status",
                )
            ],
            heading=_("Request"),
        ),
        FieldPanel("staff_comment"),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "decide/<int:pk>/<str:action>/",
                admin_views.decide,
                name="decide",
            ),
        ]


register_permission_policy(RoomRequest, RoomRequestPermissionPolicy(RoomRequest))
register_snippet(RoomRequestViewSet)


@hooks.register("register_admin_urls")
def register_calendar_urls():
    urls = [
        path("", admin_views.room_calendar_view, name="calendar"),
        path("<int:room_id>/new-address/", admin_views.regenerate_feed, name="regenerate_feed"),
    ]
    return [path("room-calendar/", include((urls, "rooms_admin"), namespace="rooms_admin"))]


class CalendarMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.VIEW_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_calendar_menu_item():
    return CalendarMenuItem(
        _("Room calendar"), reverse("rooms_admin:calendar"), icon_name="date", order=321
    )
