"""Demo data of the programme: the halls' rooms, the yearly festival, repeating and one-off
events.

Facts (the Pavillon du Parc de Belleville, its 650 m², the citizens' café, open doors on the
first Saturday of the month, the first Festives Halles Civiques in September 2018) come from
the project's background texts; the wording is ours. Dates are computed from the day the demo is
first loaded; later runs find every object by its slug and change nothing.
"""

from decimal import Decimal

INTRODUCTION = (
    "Débats, ateliers, portes ouvertes et café citoyen : les rendez-vous des Halles Civiques, "
    "au pavillon du parc de Belleville et ailleurs."
)
INDEX_GLOSSARY = {
    "Programme": "What’s on",
    "programme": "programme",
    INTRODUCTION: (
        "Debates, workshops, open doors and the citizens’ café: what’s on at Les Halles "
        "Civiques, in the Parc de Belleville pavilion and beyond."
    ),
}

# (slug, French name, English name, capacity, step-free, loop, French access, English access)
ROOMS = [
    (
        "salle-du-belvedere",
        "Salle du belvédère",
        "Belvedere room",
        120,
        True,
        True,
        "Grande salle de débat au rez-de-chaussée, accessible de plain-pied depuis le parc.",
        "The large debate hall on the ground floor, with step-free access from the park.",
    ),
    (
        "cafe-citoyen",
        "Café citoyen",
        "Citizens’ café",
        40,
        True,
        False,
        "À l’entrée du pavillon, de plain-pied ; toilettes accessibles à côté.",
        "At the entrance of the pavilion, step-free; accessible toilets next door.",
    ),
    (
        "atelier",
        "Atelier",
        "Workshop room",
        25,
        False,
        False,
        "À l’étage, par un escalier de quinze marches ; pas d’ascenseur.",
        "Upstairs, up fifteen steps; there is no lift.",
    ),
]

FESTIVAL_SUMMARY = (
    "Deux jours de jeux, de débats et de musique pour découvrir en famille les travaux des "
    "Halles Civiques."
)
FESTIVAL_TEXT = (
    "Né en septembre 2018, le festival invite les habitants du quartier à découvrir de manière "
    "ludique celles et ceux qui inventent une démocratie plus participative."
)
FESTIVAL_VENUES = "Pavillon du parc de Belleville et pelouses du belvédère"


FESTIVAL_SUMMARY_EN = (
    "Two days of games, debates and music for the whole family to discover the work of Les "
    "Halles Civiques."
)
FESTIVAL_TEXT_EN = (
    "First held in September 2018, the festival invites local residents to discover, in a "
    "playful way, the people inventing a more participatory democracy."
)
FESTIVAL_VENUES_EN = "The Parc de Belleville pavilion and the belvedere lawns"
FESTIVAL_IMAGE = ("Festives Halles Civiques, la scène du belvédère", "festival-stage")

# Each event: where it is listed ("programme" or "festival"), its French and English slug,
# title, summary and one-paragraph description, when it happens (a day rule, see
# demo.loaders.programme.event_day, then start and end times), its room, themes and
# organisers by slug, and its other fields.
EVENTS = [
    {
        "parent": "programme",
        "slug": ("portes-ouvertes", "open-doors"),
        "title": ("Portes ouvertes du premier samedi", "First-Saturday open doors"),
        "summary": (
            "Chaque premier samedi du mois, rencontrez les résidents et découvrez leurs projets.",
            "Every first Saturday of the month, meet the residents and discover their projects.",
        ),
        "text": (
            "Visites du pavillon toutes les heures, démonstrations d’outils de participation et "
            "goûter partagé sur la terrasse du belvédère.",
            "Tours of the pavilion every hour, demonstrations of participation tools and a "
            "shared snack on the belvedere terrace.",
        ),
        "when": ("first-saturday", (14, 0), (18, 0)),
        "room": "salle-du-belvedere",
        "fields": {
            "recurrence_frequency": "MONTHLY",
            "recurrence_weekdays": ["SA"],
            "recurrence_setpos": 1,
            "format": "open-doors",
            "audience": "everyone",
            "step_free_access": True,
            "induction_loop": True,
        },
    },
    {
        "parent": "programme",
        "slug": ("cafe-citoyen-du-mercredi", "wednesday-citizens-cafe"),
        "title": ("Café citoyen du mercredi", "Wednesday citizens’ café"),
        "summary": (
            "Un café, un sujet d’actualité locale et des voisins pour en parler.",
            "A coffee, a local issue and neighbours to talk it through.",
        ),
        "text": (
            "Chaque mercredi matin, un résident propose une question et anime la discussion ; "
            "le café est offert.",
            "Every Wednesday morning a resident brings a question and hosts the discussion; "
            "coffee is on us.",
        ),
        "when": ("wednesday-eight-weeks-ago", (9, 0), (10, 30)),
        "room": "cafe-citoyen",
        "themes": ["democratie-participative"],
        "organisers": ["les-co-citoyens"],
        "fields": {
            "recurrence_frequency": "WEEKLY",
            "recurrence_weekdays": ["WE"],
            "format": "cafe",
            "step_free_access": True,
            "registration_mode": "portal",
        },
    },
    {
        "parent": "programme",
        "slug": ("debat-budget-participatif", "participatory-budgeting-debate"),
        "title": (
            "Budget participatif : ce que Paris a appris",
            "Participatory budgeting: what Paris has learnt",
        ),
        "summary": (
            "Élus, agents et porteurs de projets lauréats débattent de dix ans de budget "
            "participatif.",
            "Councillors, officials and winning project leaders debate ten years of "
            "participatory budgeting.",
        ),
        "text": (
            "Un débat ouvert à tous, suivi d’un temps d’échange avec la salle.",
            "A debate open to all, followed by questions from the floor.",
        ),
        "when": (-20, (19, 0), (21, 0)),
        "room": "salle-du-belvedere",
        "themes": ["democratie-participative"],
        "fields": {"format": "debate", "step_free_access": True, "induction_loop": True},
    },
    {
        "parent": "programme",
        "slug": ("atelier-financement-participatif", "civic-crowdfunding-workshop"),
        "title": (
            "Atelier : financer un projet civique à plusieurs",
            "Workshop: civic crowdfunding",
        ),
        "summary": (
            "Construire sa campagne de financement participatif pour un projet d’intérêt général.",
            "Build a crowdfunding campaign for a public-interest project.",
        ),
        "text": (
            "Trois heures pour définir sa cible, son récit et ses contreparties, avec des "
            "porteurs de projets déjà financés.",
            "Three hours to define your audience, your story and your rewards, with project "
            "leaders who have already raised funds.",
        ),
        "when": (10, (18, 30), (21, 30)),
        "room": "atelier",
        "themes": ["financement-participatif"],
        "fields": {
            "format": "workshop",
            "audience": "professionals",
            "is_free": False,
            "price": Decimal("10.00"),
            "registration_mode": "external",
            "registration_url": "https://billetterie.example/atelier-financement",
        },
    },
    {
        "parent": "programme",
        "slug": ("debat-assemblees-citoyennes", "citizens-assemblies-debate"),
        "title": (
            "Tirés au sort : les assemblées citoyennes en débat",
            "Chosen by lot: citizens’ assemblies under debate",
        ),
        "summary": (
            "Une chercheuse et deux anciens membres d’une convention citoyenne racontent.",
            "A researcher and two former members of a citizens’ convention tell their story.",
        ),
        "text": (
            "Le débat sera interprété en langue des signes française.",
            "The debate will be interpreted in French Sign Language.",
        ),
        "when": (24, (19, 0), (21, 0)),
        "room": "salle-du-belvedere",
        "themes": ["democratie-participative"],
        "organisers": ["les-halles-civiques", "la-27e-region"],
        "fields": {
            "format": "debate",
            "sign_language": True,
            "step_free_access": True,
            "induction_loop": True,
            "registration_mode": "portal",
            "capacity": 80,
        },
    },
    {
        "parent": "programme",
        "slug": ("projection-democratie-des-quartiers", "neighbourhood-democracy-screening"),
        "title": ("Projection : la démocratie des quartiers", "Screening: neighbourhood democracy"),
        "summary": (
            "Un documentaire sur les conseils de quartier du 20e, en présence du réalisateur.",
            "A documentary about the neighbourhood councils of the 20th, with the director.",
        ),
        "text": (
            "La projection est reportée : la nouvelle date sera annoncée ici.",
            "The screening is postponed: the new date will be announced here.",
        ),
        "when": (38, (20, 0), (22, 0)),
        "room": "salle-du-belvedere",
        "fields": {"format": "screening", "status": "postponed"},
    },
    {
        "parent": "festival",
        "slug": ("grand-jeu-de-la-democratie", "great-democracy-game"),
        "title": ("Grand jeu de la démocratie", "The great democracy game"),
        "summary": (
            "Un jeu de piste dans le parc pour comprendre comment se prend une décision publique.",
            "A treasure hunt through the park to find out how public decisions are made.",
        ),
        "text": (
            "En équipes, de 7 à 77 ans ; départs toutes les demi-heures.",
            "In teams, from 7 to 77; teams set off every half hour.",
        ),
        "when": ("festival", (14, 0), (17, 0)),
        "venue_name": ("Pelouses du belvédère", "Belvedere lawns"),
        "fields": {
            "format": "festival",
            "audience": "families",
            "venue_address": "Parc de Belleville, 27 rue Piat",
            "venue_city": "Paris",
            "latitude": Decimal("48.871500"),
            "longitude": Decimal("2.384600"),
        },
    },
    {
        "parent": "festival",
        "slug": ("concert-au-belvedere", "concert-at-the-belvedere"),
        "title": ("Concert au belvédère", "Concert at the belvedere"),
        "summary": (
            "Les fanfares du quartier referment la première journée du festival.",
            "The neighbourhood brass bands close the festival’s first day.",
        ),
        "text": (
            "Concert gratuit en plein air ; repli dans la salle du belvédère en cas de pluie.",
            "A free open-air concert; it moves into the belvedere room if it rains.",
        ),
        "when": ("festival", (20, 0), (22, 0)),
        "room": "salle-du-belvedere",
        "fields": {"format": "concert", "audience": "everyone", "step_free_access": True},
    },
]
