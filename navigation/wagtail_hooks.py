"""The menu and the footer are snippets in the admin's main menu, one per language."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import MainMenu, SiteFooter


class MainMenuViewSet(SnippetViewSet):
    model = MainMenu
    icon = "list-ul"
    menu_label = _("Main menu")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["__str__", "locale"]


class SiteFooterViewSet(SnippetViewSet):
    model = SiteFooter
    icon = "doc-full"
    menu_label = _("Footer")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["__str__", "locale"]


register_snippet(MainMenuViewSet)
register_snippet(SiteFooterViewSet)
