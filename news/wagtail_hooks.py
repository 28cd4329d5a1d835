"""Admin registration of the news snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .authors import Author


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = _("Authors")
    list_display = ["name", "role", "locale"]
    search_fields = ["name", "role"]
    add_to_admin_menu = True
    menu_order = 230


register_snippet(AuthorViewSet)
