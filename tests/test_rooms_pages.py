"""Public room pages: the index and each room in French and English, with capacity, prices,
equipment and access, the request link, and the demo that creates them once."""

from bs4 import BeautifulSoup

from tests.rooms_support import rooms_fixture  # noqa: F401 - fixture


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


def test_room_page_in_french_and_english(client, rooms):  # noqa: F811
    assert rooms["page"].url == "/fr/salles/salle-du-belvedere/"
    assert rooms["page_en"].url == "/en/rooms/belvedere-room/"
    french = client.get(rooms["page"].url)
    assert french.status_code == 200
    soup = BeautifulSoup(french.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Salle du belvédère"
    assert "50" in soup.select_one(".room-facts__capacity").get_text()
    price = soup.select_one(".room-facts__price").get_text()
    assert "150" in price and "260" in price
    assert "Vidéoprojecteur" in text_of(french)
    assert "De plain-pied depuis le parc." in text_of(french)

    english = client.get(rooms["page_en"].url)
    assert english.status_code == 200
    text = text_of(english)
    assert "Belvedere room" in text and "50 people" in text
    assert "€150 per half day" in text and "€260 per day" in text
    assert "Video projector" in text and "Step-free." in text
    link = BeautifulSoup(english.content, "html.parser").find("a", string="Request this room")
    assert link["href"] == "/en/rooms/request/?room=belvedere"


def test_index_lists_the_rooms_in_each_language(client, rooms):  # noqa: F811
    french = client.get("/fr/salles/")
    english = client.get("/en/rooms/")
    assert french.status_code == english.status_code == 200
    assert "Salle du belvédère" in text_of(french)
    cards = BeautifulSoup(english.content, "html.parser").select(".card--room")
    assert len(cards) == 1 and "Belvedere room" in cards[0].get_text()
    assert "50 people" in " ".join(cards[0].get_text().split())


def test_prices_synchronised_not_translated(client, rooms, translate):  # noqa: F811
    from decimal import Decimal

    page = rooms["page"]
    page.price_day = Decimal("300.00")
    page.save_revision().publish()
    translate(
        page,
        rooms["site"]["locales"]["en"],
        {
            "Salle du belvédère": "Belvedere room",
            "salle-du-belvedere": "belvedere-room",
            "Vidéoprojecteur": "Video projector",
        },
    )
    assert "€300 per day" in text_of(client.get("/en/rooms/belvedere-room/"))


def test_room_text_is_escaped(client, rooms):  # noqa: F811
    page = rooms["page"]
    page.equipment = "<script>alert(1)</script>"
    page.save_revision().publish()
    body = client.get(page.url).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_unavailable_room_has_no_request_link(client, rooms):  # noqa: F811
    page = rooms["page"]
    page.available_for_hire = False
    page.save_revision().publish()
    text = text_of(client.get(page.url))
    assert "Demander cette salle" not in text and "Request this room" not in text
