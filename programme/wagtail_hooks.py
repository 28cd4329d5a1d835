from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Room


class RoomViewSet(SnippetViewSet):
    model = Room
    icon = "home"
    menu_label = _("Rooms")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "capacity", "step_free_access", "induction_loop"]
    search_fields = ["name"]


register_snippet(RoomViewSet)
