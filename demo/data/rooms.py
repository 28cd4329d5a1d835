"""Demo data of room hire: /fr/salles/ and /en/rooms/, a page per room of the halls, two requests.

Facts (the pavilion's meeting rooms and citizens' café, rooms hired at a low price to
organisations working on a civic project) come from the project's background texts; the
wording and the prices are ours. Dates are computed from the day the demo is first loaded;
later runs find every object by its slug or fixed key and change nothing.
"""

import uuid
from decimal import Decimal

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
# photo caption, half-day price, day price, photo scene (see demo/illustrations)
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
        "meeting-room",
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
        "cafe-terrace",
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
        "workshop",
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
