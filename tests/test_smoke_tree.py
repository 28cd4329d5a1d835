def test_both_home_pages_render(client, site_tree):
    fr = client.get("/fr/")
    en = client.get("/en/")
    assert fr.status_code == 200 and '<html lang="fr">' in fr.text
    assert en.status_code == 200 and '<html lang="en">' in en.text
