"""Demo room hire: /fr/salles/ and /en/rooms/, a page per room of the halls, two requests.

Facts (the pavilion's meeting rooms and citizens' café, rooms hired at a low price to
organisations working on a civic project) come from the project's background texts; the
wording and the prices are ours. Dates are computed from the day the demo is first loaded;
later runs find every object by its slug or fixed key and change nothing.
"""

import datetime as dt
import uuid
from decimal import Decimal
from importlib import import_module

from django.utils import timezone

from home.demo import generated_image
from home.translation import translate
from programme.recurrence import local_zone

INTRODUCTION = (
    "Les salles du pavillon accueillent à petit prix les réunions et les événements des "
    "organisations qui portent un projet civique."
)
CONDITIONS = (
    "Associations, collectifs et acteurs de l’innovation démocratique peuvent louer nos salles "
    "pour une réunion, un atelier ou un débat. Le tarif couvre le ménage et le wifi ; le café "
    "citoyen reste ouvert au public pendant votre événement."
)
CONDITIONS_2 = (
    "Envoyez votre demande au moins deux semaines à l’avance. Nous répondons sous quelques "
    "jours ; la réservation n’est ferme qu’après notre confirmation."
)
INDEX_GLOSSARY = {
    "Salles": "Rooms",
    "salles": "rooms",
    INTRODUCTION: (
        "The pavilion’s rooms host the meetings and events of organisations with a civic "
        "project, at a low price."
    ),
    CONDITIONS: (
        "Associations, collectives and people working on democratic innovation can hire our "
        "rooms for a meeting, a workshop or a debate. The price includes cleaning and wifi; the "
        "citizens’ café stays open to the public during your event."
    ),
    CONDITIONS_2: (
        "Send your request at least two weeks ahead. We answer within a few days; nothing is "
        "booked until we confirm."
    ),
}

# room slug, English slug, (French, English) title, introduction, equipment, conditions,
# photo caption, half-day price, day price, photo colours
ROOM_PAGES = [
    (
        "salle-du-belvedere",
        "belvedere-room",
        ("Salle du belvédère", "Belvedere room"),
        (
            "La grande salle de plain-pied, ouverte sur le parc, pour les débats et les "
            "assemblées.",
            "The large step-free hall opening onto the park, for debates and assemblies.",
        ),
        (
            "Vidéoprojecteur et écran\nSonorisation avec deux micros sans fil\nBoucle "
            "magnétique\nChaises et tables modulables",
            "Video projector and screen\nSound system with two wireless microphones\n"
            "Induction loop\nMovable chairs and tables",
        ),
        (
            "Disponible en soirée jusqu’à 22 h 30. La salle est rendue rangée.",
            "Available in the evening until 10.30 pm. Please leave the room tidy.",
        ),
        (
            "La salle du belvédère disposée pour un débat",
            "The belvedere room set up for a debate",
        ),
        Decimal("150.00"),
        Decimal("260.00"),
        ["#172033", "#f1ebe0", "#235b3f", "#a63a1a"],
    ),
    (
        "cafe-citoyen",
        "citizens-cafe",
        ("Café citoyen", "Citizens’ café"),
        (
            "Un espace convivial à l’entrée du pavillon, pour les rencontres informelles.",
            "A friendly space at the entrance of the pavilion, for informal meetings.",
        ),
        (
            "Écran mobile\nMachine à café\nTableau blanc",
            "Mobile screen\nCoffee machine\nWhiteboard",
        ),
        (
            "Le café reste ouvert au public : prévoyez un format ouvert.",
            "The café stays open to the public: plan an open format.",
        ),
        (
            "Tables et banquettes du café citoyen",
            "Tables and benches in the citizens’ café",
        ),
        Decimal("60.00"),
        Decimal("100.00"),
        ["#a63a1a", "#f2a48a", "#f1ebe0", "#172033"],
    ),
    (
        "atelier",
        "workshop-room",
        ("Atelier", "Workshop room"),
        (
            "Une salle de réunion à l’étage, au calme, pour travailler en petit groupe.",
            "A quiet meeting room upstairs, for work in small groups.",
        ),
        (
            "Écran de 65 pouces\nTableaux blancs et post-it\nTable de réunion pour 12",
            "65-inch screen\nWhiteboards and sticky notes\nMeeting table for 12",
        ),
        (
            "Accès par un escalier uniquement.",
            "Reached by stairs only.",
        ),
        (
            "L’atelier, ses tableaux blancs et sa grande table",
            "The workshop room, its whiteboards and its large table",
        ),
        Decimal("40.00"),
        Decimal("70.00"),
        ["#235b3f", "#9fd3b5", "#f1ebe0", "#172033"],
    ),
]

# Fixed keys make the requests idempotent: a second run finds them.
REQUESTS = [
    {
        "key": uuid.UUID("6f1f9c1e-8a59-4f4e-9a50-2d0a7c1b0001"),
        "room": "salle-du-belvedere",
        "organisation": "les-co-citoyens",
        "organisation_name": "Les Co-citoyens",
        "contact_name": "Inès Moreau",
        "email": "ines.moreau@example.org",
        "purpose": "Soirée de lancement de trois collectes citoyennes du 20e arrondissement.",
        "needs": "Vidéoprojecteur, deux micros.",
        "days_ahead": 17,
        "hours": ((19, 0), (21, 30)),
        "attendance": 90,
        "status": "pending",
        "language": "fr",
    },
    {
        "key": uuid.UUID("6f1f9c1e-8a59-4f4e-9a50-2d0a7c1b0002"),
        "room": "cafe-citoyen",
        "organisation": "",
        "organisation_name": "Collectif Belleville en transition",
        "contact_name": "Sam Okafor",
        "email": "sam.okafor@example.org",
        "purpose": "Neighbourhood meeting about the shared gardens of the park.",
        "needs": "",
        "days_ahead": 21,
        "hours": ((14, 0), (17, 0)),
        "attendance": 30,
        "status": "confirmed",
        "language": "en",
    },
]


def rooms_index(demo):
    from .models import RoomsIndexPage

    return demo.child_page(
        demo.home_fr,
        RoomsIndexPage,
        "salles",
        INDEX_GLOSSARY,
        title="Salles",
        introduction=INTRODUCTION,
        conditions=f"<p>{CONDITIONS}</p><p>{CONDITIONS_2}</p>",
    )


def _room_page(demo, index, spec):
    from programme.models import Room

    from .models import RoomPage, RoomPhoto

    slug, en_slug, title, intro, equipment, conditions, caption, half, day, colours = spec
    room = Room.objects.filter(locale=demo.fr, slug=slug).first()
    if room is None:
        return None
    # wagtail-localize offers a multi-line text as one segment with <br/> for line breaks.
    lines = tuple(text.replace("\n", "<br/>") for text in equipment)
    glossary = dict([(slug, en_slug), title, intro, lines, conditions, caption])
    page = RoomPage.objects.child_of(index).filter(slug=slug, locale=demo.fr).first()
    if page is None:
        page = RoomPage(
            slug=slug,
            locale=demo.fr,
            title=title[0],
            room=room,
            introduction=intro[0],
            equipment=equipment[0],
            hire_conditions=f"<p>{conditions[0]}</p>",
            price_half_day=half,
            price_day=day,
        )
        page.photos = [
            RoomPhoto(
                image=generated_image(f"Salle {title[0]}", colours),
                caption=caption[0],
                locale=demo.fr,
            )
        ]
        index.add_child(instance=page)
        page.save_revision().publish()
        demo.note(f"RoomPage {slug}")
    if page.get_translation_or_none(demo.en) is None:
        translate(page, demo.en, glossary)
        demo.note(f"RoomPage {slug} (en)")
    return page


def _requests(demo):
    from directory.models import OrganisationPage
    from programme.models import Room

    from .models import RoomFeed, RoomRequest

    today = timezone.localdate()
    zone = local_zone()
    for spec in REQUESTS:
        if RoomRequest.objects.filter(idempotency_token=spec["key"]).exists():
            continue
        room = Room.objects.filter(locale=demo.fr, slug=spec["room"]).first()
        if room is None:
            continue
        day = today + dt.timedelta(days=spec["days_ahead"])
        (start_h, start_m), (end_h, end_m) = spec["hours"]
        organisation = (
            OrganisationPage.objects.filter(locale=demo.fr, slug=spec["organisation"]).first()
            if spec["organisation"]
            else None
        )
        RoomRequest.objects.create(
            idempotency_token=spec["key"],
            room=room,
            organisation=organisation,
            organisation_name=spec["organisation_name"],
            contact_name=spec["contact_name"],
            email=spec["email"],
            purpose=spec["purpose"],
            needs=spec["needs"],
            start=dt.datetime.combine(day, dt.time(start_h, start_m), zone),
            end=dt.datetime.combine(day, dt.time(end_h, end_m), zone),
            attendance=spec["attendance"],
            status=spec["status"],
            language=spec["language"],
            decided_at=timezone.now() if spec["status"] == "confirmed" else None,
        )
        demo.note(f"RoomRequest {spec['organisation_name']}")
    for room in Room.objects.filter(locale=demo.fr):
        _feed, created = RoomFeed.objects.get_or_create(room=room)
        if created:
            demo.note(f"RoomFeed {room.slug}")


def load(demo):
    from django.apps import apps

    from home.models import MainMenu, MenuItem

    # The submissions loader resets the roles on a flushed database: add room hire back.
    import_module("rooms.migrations.0002_staff_permissions").grant(apps)

    index = rooms_index(demo)
    for spec in ROOM_PAGES:
        _room_page(demo, index, spec)
    _requests(demo)

    menu = MainMenu.objects.filter(locale=demo.fr).first()
    if menu is not None and not menu.items.filter(link_page=index).exists():
        # The home demo's "Louer une salle" entry leads to the rooms themselves once they exist.
        item = menu.items.filter(link_page__slug="louer-une-salle").first()
        if item is None:
            MenuItem.objects.create(
                menu=menu, link_page=index, locale=demo.fr, sort_order=menu.items.count()
            )
        else:
            item.link_page = index
            item.save(update_fields=["link_page"])
        translate(menu, demo.en, {})
        demo.note("MenuItem salles")
    return index
