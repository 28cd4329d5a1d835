"""The embeddable programme: framable by partners, minimal layout, same filters."""

from bs4 import BeautifulSoup
from django.test import override_settings

from tests.csp_support import csp_directives
from tests.test_programme_pages import add_event, programme, soon  # noqa: F401 - fixtures


def test_embed_lists_filtered_events_without_site_chrome(client, programme, soon):  # noqa: F811
    add_event(programme, "debat", soon(18), format="debate")
    add_event(programme, "concert", soon(20), format="concert")
    response = client.get(f"{programme.url}embed/?format=debate")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".site-header") is None and soup.select_one(".site-footer") is None
    titles = [a.get_text() for a in soup.select(".card__title a")]
    assert titles == ["Debat"]
    link = soup.select_one(".card__title a")
    assert link["target"] == "_blank" and "noopener" in link["rel"]
    assert soup.select_one("form.programme-filters select[name=format]") is not None
    clear = soup.select_one(".programme-filters__actions a")["href"]
    assert clear.endswith("/programme/embed/")
    english = client.get("/en/programme/embed/?format=debate")
    assert english.status_code == 200 and "Debat (en)" in english.content.decode()


def test_only_the_embed_may_be_framed(client, programme):  # noqa: F811
    embed = client.get(f"{programme.url}embed/")
    assert "X-Frame-Options" not in embed
    policy = csp_directives(embed)
    assert policy["frame-ancestors"] == ["*"]
    assert policy["script-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    listing = client.get(programme.url)
    assert listing["X-Frame-Options"] == "DENY"
    assert csp_directives(listing).get("frame-ancestors") != ["*"]


@override_settings(PORTAL_EMBED_FRAME_ANCESTORS=["https://partner.example.org"])
def test_frame_ancestors_follow_the_setting(client, programme):  # noqa: F811
    policy = csp_directives(client.get(f"{programme.url}embed/"))
    assert policy["frame-ancestors"][0] == "https://partner.example.org"


@override_settings(
    CONTENT_SECURITY_POLICY={
        "DIRECTIVES": {
            "default-src": ["'self'"],
            "img-src": ["'self'", "https://tiles.example"],
            "frame-ancestors": ["'none'"],
        }
    },
    PORTAL_EMBED_FRAME_ANCESTORS=[],
)
def test_embed_policy_copies_the_site_policy(client, programme):  # noqa: F811
    policy = client.get(f"{programme.url}embed/")["Content-Security-Policy"]
    directives = sorted(part.strip() for part in policy.split(";"))
    assert directives == [
        "default-src 'self'",
        "frame-ancestors 'none'",
        "img-src 'self' https://tiles.example",
    ]


def test_bad_filters_in_the_embed_never_fail(client, programme):  # noqa: F811
    for query in ("from=2026-13-45", "to=x&from=y", "festival=abc", "page=999", "access=evil"):
        assert client.get(f"{programme.url}embed/?{query}").status_code == 200
