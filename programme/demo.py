"""Demo programme: the halls' rooms, the yearly festival, repeating and one-off events.

Facts (the Pavillon du Parc de Belleville, its 650 m², the citizens' café, open doors on the
first Saturday of the month, the first Festives Halles Civiques in September 2018) come from
the project's background texts; the wording is ours. Dates are computed from the day the demo is
first loaded; later runs find every object by its slug and change nothing.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from home.demo import generated_image

from .recurrence import local_zone

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


def _at(day, hour, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), local_zone())


def _first_saturday(day):
    first = day.replace(day=1)
    return first + dt.timedelta(days=(5 - first.weekday()) % 7)


def _event(fr_title, en_title, slug, en_slug, summary, en_summary, text, en_text, **fields):
    """Fields and glossary of an event whose description is one paragraph."""
    glossary = {fr_title: en_title, slug: en_slug, summary: en_summary, text: en_text}
    fields.update(title=fr_title, summary=summary, description=f"<p>{text}</p>")
    return slug, glossary, fields


def programme_index(demo):
    """The programme page under the French home page (the menu links to it)."""
    from .models import ProgrammePage

    return demo.child_page(
        demo.home_fr,
        ProgrammePage,
        "programme",
        INDEX_GLOSSARY,
        title="Programme",
        introduction=INTRODUCTION,
    )


def _themes(demo, *slugs):
    from directory.models import Theme

    return list(Theme.objects.filter(locale=demo.fr, slug__in=slugs))


def _organisers(demo, *slugs):
    from directory.models import OrganisationPage

    return list(OrganisationPage.objects.filter(locale=demo.fr, slug__in=slugs))


def load(demo):
    from .models import EventPage, FestivalPage, Room

    index = programme_index(demo)
    rooms = {}
    for slug, name, en_name, capacity, step_free, loop, access, en_access in ROOMS:
        rooms[slug] = demo.snippet(
            Room,
            {"slug": slug},
            {name: en_name, access: en_access},
            name=name,
            capacity=capacity,
            step_free_access=step_free,
            induction_loop=loop,
            access_information=access,
        )

    today = timezone.localdate()
    year = today.year + 1
    september = dt.date(year, 9, 1)
    festival_day = _first_saturday(september) + dt.timedelta(days=14)  # third Saturday
    festival_slug = f"festives-halles-civiques-{year}"
    festival = demo.child_page(
        index,
        FestivalPage,
        festival_slug,
        {
            f"Festives Halles Civiques {year}": f"Festives Halles Civiques {year}",
            festival_slug: festival_slug,
            FESTIVAL_SUMMARY: "Two days of games, debates and music for the whole family to "
            "discover the work of Les Halles Civiques.",
            FESTIVAL_TEXT: "First held in September 2018, the festival invites local residents "
            "to discover, in a playful way, the people inventing a more participatory democracy.",
            FESTIVAL_VENUES: "The Parc de Belleville pavilion and the belvedere lawns",
        },
        title=f"Festives Halles Civiques {year}",
        summary=FESTIVAL_SUMMARY,
        start_date=festival_day,
        end_date=festival_day + dt.timedelta(days=1),
        description=f"<p>{FESTIVAL_TEXT}</p>",
        venues=FESTIVAL_VENUES,
        image=generated_image(
            "Festives Halles Civiques", ["#a63a1a", "#f2a48a", "#235b3f", "#172033"]
        ),
    )

    belvedere, cafe, atelier = rooms["salle-du-belvedere"], rooms["cafe-citoyen"], rooms["atelier"]
    open_day = _first_saturday(today)
    wednesday = today - dt.timedelta(days=today.weekday() - 2 + 7 * 8)  # eight weeks ago
    specs = [
        (
            index,
            *_event(
                "Portes ouvertes du premier samedi",
                "First-Saturday open doors",
                "portes-ouvertes",
                "open-doors",
                "Chaque premier samedi du mois, rencontrez les résidents et découvrez "
                "leurs projets.",
                "Every first Saturday of the month, meet the residents and discover "
                "their projects.",
                "Visites du pavillon toutes les heures, démonstrations d’outils de "
                "participation et "
                "goûter partagé sur la terrasse du belvédère.",
                "Tours of the pavilion every hour, demonstrations of participation tools and a "
                "shared snack on the belvedere terrace.",
                start=_at(open_day, 14),
                end=_at(open_day, 18),
                room=belvedere,
                recurrence_frequency="MONTHLY",
                recurrence_weekdays=["SA"],
                recurrence_setpos=1,
                format="open-doors",
                audience="everyone",
                step_free_access=True,
                induction_loop=True,
            ),
        ),
        (
            index,
            *_event(
                "Café citoyen du mercredi",
                "Wednesday citizens’ café",
                "cafe-citoyen-du-mercredi",
                "wednesday-citizens-cafe",
                "Un café, un sujet d’actualité locale et des voisins pour en parler.",
                "A coffee, a local issue and neighbours to talk it through.",
                "Chaque mercredi matin, un résident propose une question et anime la discussion ; "
                "le café est offert.",
                "Every Wednesday morning a resident brings a question and hosts the discussion; "
                "coffee is on us.",
                start=_at(wednesday, 9),
                end=_at(wednesday, 10, 30),
                room=cafe,
                recurrence_frequency="WEEKLY",
                recurrence_weekdays=["WE"],
                format="cafe",
                step_free_access=True,
                themes=_themes(demo, "democratie-participative"),
                registration_mode="portal",
                organisers=_organisers(demo, "les-co-citoyens"),
            ),
        ),
        (
            index,
            *_event(
                "Budget participatif : ce que Paris a appris",
                "Participatory budgeting: what Paris has learnt",
                "debat-budget-participatif",
                "participatory-budgeting-debate",
                "Élus, agents et porteurs de projets lauréats débattent de dix ans de budget "
                "participatif.",
                "Councillors, officials and winning project leaders debate ten years of "
                "participatory budgeting.",
                "Un débat ouvert à tous, suivi d’un temps d’échange avec la salle.",
                "A debate open to all, followed by questions from the floor.",
                start=_at(today - dt.timedelta(days=20), 19),
                end=_at(today - dt.timedelta(days=20), 21),
                room=belvedere,
                format="debate",
                step_free_access=True,
                induction_loop=True,
                themes=_themes(demo, "democratie-participative"),
            ),
        ),
        (
            index,
            *_event(
                "Atelier : financer un projet civique à plusieurs",
                "Workshop: civic crowdfunding",
                "atelier-financement-participatif",
                "civic-crowdfunding-workshop",
                "Construire sa campagne de financement participatif pour un projet "
                "d’intérêt général.",
                "Build a crowdfunding campaign for a public-interest project.",
                "Trois heures pour définir sa cible, son récit et ses contreparties, avec des "
                "porteurs de projets déjà financés.",
                "Three hours to define your audience, your story and your rewards, with project "
                "leaders who have already raised funds.",
                start=_at(today + dt.timedelta(days=10), 18, 30),
                end=_at(today + dt.timedelta(days=10), 21, 30),
                room=atelier,
                format="workshop",
                audience="professionals",
                is_free=False,
                price=Decimal("10.00"),
                registration_mode="external",
                registration_url="https://billetterie.example/atelier-financement",
                themes=_themes(demo, "financement-participatif"),
            ),
        ),
        (
            index,
            *_event(
                "Tirés au sort : les assemblées citoyennes en débat",
                "Chosen by lot: citizens’ assemblies under debate",
                "debat-assemblees-citoyennes",
                "citizens-assemblies-debate",
                "Une chercheuse et deux anciens membres d’une convention citoyenne racontent.",
                "A researcher and two former members of a citizens’ convention tell their story.",
                "Le débat sera interprété en langue des signes française.",
                "The debate will be interpreted in French Sign Language.",
                start=_at(today + dt.timedelta(days=24), 19),
                end=_at(today + dt.timedelta(days=24), 21),
                room=belvedere,
                format="debate",
                sign_language=True,
                step_free_access=True,
                induction_loop=True,
                themes=_themes(demo, "democratie-participative"),
                registration_mode="portal",
                capacity=80,
                organisers=_organisers(demo, "les-halles-civiques", "la-27e-region"),
            ),
        ),
        (
            index,
            *_event(
                "Projection : la démocratie des quartiers",
                "Screening: neighbourhood democracy",
                "projection-democratie-des-quartiers",
                "neighbourhood-democracy-screening",
                "Un documentaire sur les conseils de quartier du 20e, en présence du réalisateur.",
                "A documentary about the neighbourhood councils of the 20th, with the director.",
                "La projection est reportée : la nouvelle date sera annoncée ici.",
                "The screening is postponed: the new date will be announced here.",
                start=_at(today + dt.timedelta(days=38), 20),
                end=_at(today + dt.timedelta(days=38), 22),
                room=belvedere,
                format="screening",
                status="postponed",
            ),
        ),
        (
            festival,
            *_event(
                "Grand jeu de la démocratie",
                "The great democracy game",
                "grand-jeu-de-la-democratie",
                "great-democracy-game",
                "Un jeu de piste dans le parc pour comprendre comment se prend une "
                "décision publique.",
                "A treasure hunt through the park to find out how public decisions are made.",
                "En équipes, de 7 à 77 ans ; départs toutes les demi-heures.",
                "In teams, from 7 to 77; teams set off every half hour.",
                start=_at(festival_day, 14),
                end=_at(festival_day, 17),
                format="festival",
                audience="families",
                venue_name="Pelouses du belvédère",
                venue_address="Parc de Belleville, 27 rue Piat",
                venue_city="Paris",
                latitude=Decimal("48.871500"),
                longitude=Decimal("2.384600"),
            ),
        ),
        (
            festival,
            *_event(
                "Concert au belvédère",
                "Concert at the belvedere",
                "concert-au-belvedere",
                "concert-at-the-belvedere",
                "Les fanfares du quartier referment la première journée du festival.",
                "The neighbourhood brass bands close the festival’s first day.",
                "Concert gratuit en plein air ; repli dans la salle du belvédère en cas de pluie.",
                "A free open-air concert; it moves into the belvedere room if it rains.",
                start=_at(festival_day, 20),
                end=_at(festival_day, 22),
                room=belvedere,
                format="concert",
                audience="everyone",
                step_free_access=True,
            ),
        ),
    ]
    for parent, slug, glossary, fields in specs:
        glossary = {**glossary}
        if fields.get("venue_name"):
            glossary[fields["venue_name"]] = "Belvedere lawns"
        demo.child_page(parent, EventPage, slug, glossary, **fields)
    return index
