"""Who reaches what: each role gets what its work needs and nothing more.

Roles (submissions/migrations 0002 and 0003): editors write pages without publishing and
keep themes, rooms and authors; moderators publish, review partner proposals, keep the menu
and footer and read event registrations; translators change pages and snippets to translate
them but add, delete or publish nothing. Anonymous readers see public pages and nothing of
the admin; a partner's private link opens that proposal and nothing else.

"ok" means the admin page answers 200; "no" means it refuses: a redirect to the login for
anonymous readers, a 403 or Wagtail's redirect to the dashboard ("permission denied") for
signed-in staff. Never a 200.
"""

import pytest
from django.urls import reverse
from wagtail.models import Page

from .hardening_support import demo, demo_db  # noqa: F401 - fixtures
from .submissions_support import PASSWORD, make_user

pytestmark = pytest.mark.usefixtures("demo")

ROLES = ["anonymous", "editor", "moderator", "translator"]
GROUPS = {"editor": "Editors", "moderator": "Moderators", "translator": "Translators"}

PAGE_TYPES = [
    "HomePage",
    "ContentPage",
    "DirectoryIndexPage",
    "OrganisationPage",
    "PlacePage",
    "ProgrammePage",
    "FestivalPage",
    "EventPage",
    "NewsIndexPage",
    "ArticlePage",
    "SearchPage",
]

# Page actions: (url name, {role: allowed}).
PAGE_ACTIONS = {
    "edit": ("wagtailadmin_pages:edit", {"editor", "moderator", "translator"}),
    "add_subpage": ("wagtailadmin_pages:add_subpage", {"editor", "moderator"}),
    "unpublish": ("wagtailadmin_pages:unpublish", {"moderator"}),
    "history": ("wagtailadmin_pages:history", {"editor", "moderator", "translator"}),
}

# Snippets: (app_label, model_name) -> {action: roles allowed}.
SNIPPETS = {
    ("directory", "theme"): {
        "list": {"editor", "moderator", "translator"},
        "add": {"editor", "moderator"},
        "edit": {"editor", "moderator", "translator"},
        "delete": {"moderator"},
    },
    ("programme", "room"): {
        "list": {"editor", "moderator", "translator"},
        "add": {"editor", "moderator"},
        "edit": {"editor", "moderator", "translator"},
        "delete": {"moderator"},
    },
    ("news", "author"): {
        "list": {"editor", "moderator", "translator"},
        "add": {"editor", "moderator"},
        "edit": {"editor", "moderator", "translator"},
        "delete": {"moderator"},
    },
    ("navigation", "mainmenu"): {
        "list": {"moderator", "translator"},
        "add": {"moderator"},
        "edit": {"moderator", "translator"},
        "delete": set(),
    },
    ("navigation", "sitefooter"): {
        "list": {"moderator", "translator"},
        "add": {"moderator"},
        "edit": {"moderator", "translator"},
        "delete": set(),
    },
    ("submissions", "submission"): {
        "list": {"moderator"},
        "add": set(),
        "edit": {"moderator"},
        "delete": set(),
    },
    ("programme", "registration"): {
        "list": {"moderator"},
        "add": set(),
        "edit": set(),
        "delete": set(),
    },
}

# Other admin areas: url -> roles allowed.
ADMIN_AREAS = {
    "/admin/": {"editor", "moderator", "translator"},
    "/admin/api/main/pages/": {"editor", "moderator", "translator"},
    "/admin/users/": set(),
    "/admin/groups/": set(),
    "/admin/sites/": set(),
    "/admin/locales/": set(),
    "/admin/workflows/list/": set(),
    "/admin/settings/navigation/sitesettings/": set(),
    "/admin/directory/import/": {"moderator"},
    "/admin/snippets/programme/registration/?export=csv": {"moderator"},
    "/admin/reports/translation-status/": {"editor", "moderator", "translator"},
}


def _client(client, role):
    if role != "anonymous":
        user = make_user(role, GROUPS[role])
        if role == "moderator":
            # Registrants' names and addresses are for staff accounts only (see
            # programme/wagtail_hooks.py): the halls' moderators are staff.
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        assert client.login(username=role, password=PASSWORD)
    return client


def _refused(response, role):
    if role == "anonymous":
        return response.status_code == 302 and "/login/" in response["Location"]
    return response.status_code == 403 or (
        response.status_code == 302 and "/login/" not in response["Location"]
    )


def _judge(client, role, url, allowed, failures):
    response = client.get(url)
    # With one possible page type, "add a subpage" goes straight to that type's form.
    straight_to_form = response.status_code == 302 and "/admin/pages/add/" in response["Location"]
    if allowed:
        if response.status_code != 200 and not straight_to_form:
            failures.append(f"{role} should reach {url}: {response.status_code}")
    elif straight_to_form or not _refused(response, role):
        failures.append(f"{role} should not reach {url}: {response.status_code}")


def _page_of_type(name):
    for page in Page.objects.filter(locale__language_code="fr", live=True).specific():
        if type(page).__name__ == name:
            return page
    raise AssertionError(f"the demo has no {name}")


@pytest.mark.parametrize("role", ROLES)
def test_page_types(client, role):
    client = _client(client, role)
    failures = []
    for type_name in PAGE_TYPES:
        page = _page_of_type(type_name)
        response = client.get(page.url)
        if response.status_code != 200:
            failures.append(f"{role} reads {page.url}: {response.status_code}")
        for action, (url_name, roles) in PAGE_ACTIONS.items():
            if action == "add_subpage" and not page.specific_class.allowed_subpage_models():
                continue
            _judge(client, role, reverse(url_name, args=[page.pk]), role in roles, failures)
        # Deleting a page with content below it is for administrators only.
        if page.get_children().exists():
            url = reverse("wagtailadmin_pages:delete", args=[page.pk])
            _judge(client, role, url, False, failures)
    assert not failures, "\n".join(failures)


def test_only_moderators_delete_a_leaf_page_and_nobody_else_publishes(client):
    leaf = _page_of_type("ArticlePage")
    url = reverse("wagtailadmin_pages:delete", args=[leaf.pk])
    for role in ROLES:
        client.logout()
        failures = []
        _judge(_client(client, role), role, url, role == "moderator", failures)
        assert not failures, "\n".join(failures)
        if role in ("editor", "translator"):
            assert not leaf.permissions_for_user(_user(role)).can_publish()


def test_translators_cannot_copy_pages(client):
    """Wagtail shows them the copy form, but the copy itself needs "add" where it goes."""
    client = _client(client, "translator")
    article = _page_of_type("ArticlePage")
    before = Page.objects.count()
    client.post(
        reverse("wagtailadmin_pages:copy", args=[article.pk]),
        {
            "new_title": "Copie",
            "new_slug": "copie-par-traducteur",
            "new_parent_page": article.get_parent().pk,
        },
    )
    assert Page.objects.count() == before


def test_registrations_need_a_staff_account(client):
    make_user("volunteer", "Moderators")
    client.login(username="volunteer", password=PASSWORD)
    response = client.get(reverse("wagtailsnippets_programme_registration:list"))
    assert response.status_code in (302, 403)


def _user(role):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=role)


@pytest.mark.parametrize("role", ROLES)
def test_snippets(client, role):
    from django.apps import apps

    client = _client(client, role)
    failures = []
    for (app_label, model_name), rules in SNIPPETS.items():
        model = apps.get_model(app_label, model_name)
        prefix = f"wagtailsnippets_{app_label}_{model_name}"
        instance = model.objects.order_by("pk").first()
        urls = {"list": reverse(f"{prefix}:list"), "add": reverse(f"{prefix}:add")}
        if instance is not None:
            urls["edit"] = reverse(f"{prefix}:edit", args=[instance.pk])
            urls["delete"] = reverse(f"{prefix}:delete", args=[instance.pk])
        for action, url in urls.items():
            _judge(client, role, url, role in rules[action], failures)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("role", ROLES)
def test_admin_areas(client, role):
    client = _client(client, role)
    failures = []
    for url, roles in ADMIN_AREAS.items():
        _judge(client, role, url, role in roles, failures)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("role", ROLES)
def test_public_exports_and_api_are_open_to_everyone(client, role, settings):
    settings.PORTAL_API_RATE_LIMIT = 0
    client = _client(client, role)
    for url in (
        "/fr/annuaire/export/csv/",
        "/fr/annuaire/export/json/",
        "/fr/annuaire/export/geojson/",
        "/api/v1/directory/organisations/",
        "/fr/programme/calendar/",
        "/fr/actualites/feed/",
    ):
        assert client.get(url).status_code == 200, (role, url)


def test_partner_private_link_opens_that_proposal_and_nothing_else(
    client, django_capture_on_commit_callbacks
):
    from submissions.links import status_url
    from submissions.models import Submission

    from .submissions_support import organisation_data

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/proposer/organisation/", organisation_data())
    assert response.status_code == 302
    submission = Submission.objects.get()
    link = status_url(submission)
    path = link.split("testserver", 1)[-1]
    assert client.get(path).status_code == 200
    assert client.get(path + "edit/").status_code == 200
    # The link gives no session: the admin, the page's preview and its draft stay closed.
    page = submission.page
    for url in (
        "/admin/",
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
        reverse("wagtailsnippets_submissions_submission:list"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    assert client.get(page.url or "/fr/annuaire/atelier-citoyen/").status_code == 404
    # A tampered link opens nothing.
    assert client.get(path[:-5] + "xxxx/").status_code in (403, 404)
