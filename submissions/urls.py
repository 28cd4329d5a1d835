"""The partner's private pages (a proposal's status and edit form; the partner space),
inside the language prefix; the partner space's addresses are translated."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import partner_views, private_views, space_views

app_name = "submissions"

urlpatterns = [
    path("submission/<str:token>/", private_views.status, name="status"),
    path("submission/<str:token>/edit/", private_views.edit, name="edit"),
    path(_("partner-space/"), space_views.space, name="partner_space"),
    path(_("partner-space/sign-in/"), partner_views.request_link, name="partner_request"),
    path(_("partner-space/link-sent/"), partner_views.sent, name="partner_sent"),
    path(_("partner-space/sign-in/<str:token>/"), partner_views.signin, name="partner_signin"),
    path(_("partner-space/sign-out/"), partner_views.signout, name="partner_signout"),
    path(_("partner-space/<int:pk>/edit/"), space_views.edit, name="partner_edit"),
    path(_("partner-space/<int:pk>/copy/"), space_views.copy_event, name="partner_copy"),
    path(_("partner-space/<int:pk>/withdraw/"), space_views.withdraw, name="partner_withdraw"),
    path(
        _("partner-space/still-right/<str:token>/"),
        partner_views.still_right,
        name="partner_still_right",
    ),
]
