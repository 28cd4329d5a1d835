"""Bad requests get clean pages in the reader's language, never a 500."""

from django.test import override_settings


@override_settings(ALLOWED_HOSTS=["testserver"])
def test_unknown_host_is_a_clean_400(client, site_tree):
    response = client.get("/fr/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert "Bad request" in response.text or "Requête incorrecte" in response.text


def test_500_page_is_bilingual_and_standalone():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")

    assert '<html lang="fr">' in html
    assert '<div lang="en">' in html
