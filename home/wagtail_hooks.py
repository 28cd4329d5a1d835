from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import MainMenu, SiteFooter
from .reports import TranslationStatusReportView


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


@hooks.register("register_admin_urls")
def register_translation_status_report_urls():
    return [
        path(
            "reports/translation-status/",
            TranslationStatusReportView.as_view(),
            name="translation_status_report",
        ),
        path(
            "reports/translation-status/results/",
            TranslationStatusReportView.as_view(results_only=True),
            name="translation_status_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_report_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("translation_status_report"),
        name="translation-status",
        icon_name="globe",
        order=650,
    )
