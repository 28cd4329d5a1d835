"""Admin registration of the news snippets."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Author


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = Author._meta.verbose_name_plural
    list_display = ["name", "role", "locale"]
    search_fields = ["name", "role"]
    add_to_admin_menu = True
    menu_order = 230


register_snippet(AuthorViewSet)
