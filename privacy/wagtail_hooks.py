"""Admin wiring: the "Personal data" view, its menu item and its audit-log actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from . import admin_views


@hooks.register("register_admin_urls")
def register_personal_data_url():
    return [path("personal-data/", admin_views.personal_data, name="privacy_personal_data")]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_manage(request.user)


@hooks.register("register_settings_menu_item")
def register_personal_data_menu_item():
    return PersonalDataMenuItem(
        _("Personal data"), reverse("privacy_personal_data"), icon_name="user", order=950
    )


def _total(log_entry):
    counts = (log_entry.data or {}).get("counts") or {}
    return sum(count for count in counts.values() if isinstance(count, int) and count > 0)


@hooks.register("register_log_actions")
def register_privacy_actions(actions):
    @actions.register_action("privacy.find")
    class FindFormatter(LogFormatter):
        label = _("Personal data: search")

        def format_message(self, log_entry):
            count = _total(log_entry)
            return ngettext(
                "Searched the personal data of one address: %(count)d record found",
                "Searched the personal data of one address: %(count)d records found",
                count,
            ) % {"count": count}

    @actions.register_action("privacy.export")
    class ExportFormatter(LogFormatter):
        label = _("Personal data: export")

        def format_message(self, log_entry):
            count = _total(log_entry)
            return ngettext(
                "Exported the personal data of one address: %(count)d record",
                "Exported the personal data of one address: %(count)d records",
                count,
            ) % {"count": count}

    @actions.register_action("privacy.erase")
    class EraseFormatter(LogFormatter):
        label = _("Personal data: erasure")

        def format_message(self, log_entry):
            count = _total(log_entry)
            return ngettext(
                "Erased the personal data of one address: %(count)d record",
                "Erased the personal data of one address: %(count)d records",
                count,
            ) % {"count": count}

    @actions.register_action("privacy.retention")
    class RetentionFormatter(LogFormatter):
        label = _("Personal data: retention run")

        def format_message(self, log_entry):
            count = _total(log_entry)
            return ngettext(
                "Retention periods enforced: %(count)d record erased or anonymised",
                "Retention periods enforced: %(count)d records erased or anonymised",
                count,
            ) % {"count": count}
