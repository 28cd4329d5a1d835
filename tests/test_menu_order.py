"""The main menu keeps the order editors give it: items made in code get a position, saving
the menu in the admin changes nothing it was not asked to, and reordering there shows."""

from importlib import import_module

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.urls import reverse

from navigation.models import MainMenu, MenuItem

LABELS = ["Programme", "Annuaire", "Salles", "Actualités", "Venir"]


@pytest.fixture
def menu(site_tree):
    """A menu built as the demo builds it: items in a list, no position given."""
    menu = MainMenu(locale=site_tree["locales"]["fr"])
    menu.items = [
        MenuItem(link_url=f"https://example.org/{n}", label=label) for n, label in enumerate(LABELS)
    ]
    menu.save()
    return menu


def header_labels(client, url="/fr/"):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select("nav.main-nav a")]


def admin_form_data(response):
    """What the browser would post back: every named field of the edit form as it is shown."""
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.select_one("form[method=post][action*='edit']") or soup.select("form")[-1]
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if field.name == "textarea":
            data[name] = field.get_text()
        elif field.name == "select":
            chosen = field.select_one("option[selected]")
            data[name] = chosen["value"] if chosen else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.get("type") != "submit":
            data[name] = field.get("value", "")
    return data


def test_items_made_in_code_get_positions_in_their_order(menu, translate, site_tree):
    assert list(menu.items.values_list("sort_order", flat=True)) == [0, 1, 2, 3, 4]
    glossary = {label: label.upper() for label in LABELS}
    english = translate(menu, site_tree["locales"]["en"], glossary)
    assert list(english.items.values_list("label", "sort_order")) == [
        (label.upper(), n) for n, label in enumerate(LABELS)
    ]


def test_saving_in_the_admin_keeps_the_order_and_reordering_shows(client, menu, admin_user):
    assert header_labels(client) == LABELS
    client.force_login(admin_user)
    url = reverse("wagtailsnippets_navigation_mainmenu:edit", args=[menu.pk])
    data = admin_form_data(client.get(url))
    assert data["items-TOTAL_FORMS"] == "5"

    assert client.post(url, data).status_code == 302
    client.logout()
    assert header_labels(client) == LABELS

    # The editor moves the last item to the top.
    client.force_login(admin_user)
    data = admin_form_data(client.get(url))
    for n in range(5):
        data[f"items-{n}-ORDER"] = str((n + 1) % 5 + 1)
    assert client.post(url, data).status_code == 302
    client.logout()
    assert header_labels(client) == [LABELS[-1], *LABELS[:-1]]


def test_migration_numbers_items_saved_without_a_position(menu, client):
    MenuItem.objects.filter(menu=menu).update(sort_order=None)
    MenuItem.objects.filter(menu=menu, label="Venir").update(sort_order=7)  # numbered later
    migration = import_module("navigation.migrations.0004_menu_items_in_order")
    migration.number_items(apps, None)
    assert list(menu.items.values_list("label", "sort_order")) == [
        *((label, n) for n, label in enumerate(LABELS))
    ]
    assert header_labels(client) == LABELS
