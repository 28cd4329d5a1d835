"""Admin registration of the directory's snippets."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = Theme._meta.verbose_name_plural
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "description"]
    add_to_admin_menu = True
    menu_order = 210


register_snippet(ThemeViewSet)
