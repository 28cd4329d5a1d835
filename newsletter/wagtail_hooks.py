"""Subscribers in the admin: listed, filtered, exported (CSV or Excel) with each person's
unsubscribe link, never added by hand (consent comes from the person's own confirmation)."""

from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from .subscribers import Subscriber
from .tokens import unsubscribe_url

UNSUBSCRIBE_COLUMN = "unsubscribe_url"


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    """Staff may look and delete; nobody adds or edits an address (the owner confirms it)."""

    ALLOWED = {"view", "delete"}

    def user_has_permission(self, user, action):
        if action not in self.ALLOWED:
            return False
        return user.is_active and user.is_staff and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action in self.ALLOWED]
        return super().users_with_any_permission(actions).filter(is_staff=True)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model._default_manager.all()
        return self.model._default_manager.none()


class SubscriberIndexView(IndexView):
    """The export adds each subscriber's unsubscribe link, for the messages the team sends."""

    def to_row_dict(self, item):
        return {
            field: unsubscribe_url(item) if field == UNSUBSCRIBE_COLUMN else getattr(item, field)
            for field in self.list_export
        }


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    index_view_class = SubscriberIndexView
    icon = "mail"
    menu_label = _("Newsletter")  # the sidebar cuts "Newsletter subscribers" in French
    menu_order = 330
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["email", "status", "language", "created", "confirmed_at", "sync_pending"]
    list_filter = ["status", "language", "sync_pending"]
    search_fields = ["email"]
    search_backend_name = None  # a plain database filter: addresses stay out of search indexes
    ordering = ["-created"]
    list_export = [
        "email",
        "language",
        "status",
        "confirmed_at",
        "unsubscribed_at",
        UNSUBSCRIBE_COLUMN,
    ]
    export_headings = {UNSUBSCRIBE_COLUMN: _("Unsubscribe link")}
    export_filename = "newsletter-subscribers"
    inspect_view_fields = [
        "email",
        "status",
        "language",
        "source",
        "created",
        "confirmation_sent_at",
        "confirmed_at",
        "unsubscribed_at",
        "sync_pending",
        "sync_error",
    ]


register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber))
register_snippet(SubscriberViewSet)
