"""Demo directory: themes, organisations and inspiring places, in French with English versions.

Facts (names, cities, years, the Paris participatory budget, the Liberté Living-Lab's 2,000 m²
in Le Sentier, the Wide Open Project's tour of third places) come from the project's background
texts; the wording is ours. Coordinates are approximate city or neighbourhood centres.
"""

from decimal import Decimal

from taggit.models import Tag

from home.demo import generated_image
from home.translation import translate

INDEX_INTRODUCTION = (
    "Les organisations du réseau et les tiers-lieux qui nous inspirent, en France et ailleurs."
)
INDEX_GLOSSARY = {
    "Annuaire": "Directory",
    "annuaire": "directory",
    INDEX_INTRODUCTION: (
        "The network’s organisations and the third places that inspire us, in France and beyond."
    ),
}

# (French name, French slug, English name, English slug, French description, English description)
THEMES = [
    (
        "Démocratie participative",
        "democratie-participative",
        "Participatory democracy",
        "participatory-democracy",
        "Associer les habitants aux décisions qui les concernent.",
        "Involving residents in the decisions that affect them.",
    ),
    (
        "Civic tech",
        "civic-tech",
        "Civic tech",
        "civic-tech",
        "Des outils numériques au service de la participation citoyenne.",
        "Digital tools that serve citizen participation.",
    ),
    (
        "Innovation publique",
        "innovation-publique",
        "Public innovation",
        "public-innovation",
        "Transformer les services publics avec leurs usagers et leurs agents.",
        "Transforming public services with the people who use and run them.",
    ),
    (
        "Financement participatif",
        "financement-participatif",
        "Civic crowdfunding",
        "civic-crowdfunding",
        "Financer à plusieurs des projets d’intérêt général.",
        "Funding public-interest projects together.",
    ),
    (
        "Tiers-lieux",
        "tiers-lieux",
        "Third places",
        "third-places",
        "Des lieux hybrides où l’on travaille, débat et expérimente ensemble.",
        "Hybrid places where people work, debate and experiment together.",
    ),
    (
        "Écologie urbaine",
        "ecologie-urbaine",
        "Urban ecology",
        "urban-ecology",
        "Des villes plus durables, du quartier à la métropole.",
        "More sustainable cities, from the neighbourhood to the metropolis.",
    ),
    (
        "Éducation",
        "education",
        "Education",
        "education",
        "Apprendre autrement, à tout âge.",
        "New ways of learning, at any age.",
    ),
]

# Each text is a (French, English) pair; the glossary is built from the pairs.
PLACES = [
    {
        "slug": "civic-hall-new-york",
        "en_slug": "civic-hall-new-york",
        "title": ("Civic Hall", "Civic Hall"),
        "summary": (
            "Le grand frère new-yorkais des halles civiques, lieu de la civic tech américaine.",
            "The New York elder sibling of civic halls, a home for American civic tech.",
        ),
        "description": [
            (
                "Civic Hall rassemble à New York les acteurs de la technologie au service de "
                "l’intérêt général : militants, développeurs, agents publics et chercheurs.",
                "Civic Hall brings together people using technology for the public good in New "
                "York: activists, developers, public servants and researchers.",
            )
        ],
        "lessons": [
            (
                "Un lieu commun donne une visibilité et une communauté à un écosystème éclaté.",
                "A shared place gives a scattered ecosystem visibility and a community.",
            )
        ],
        "city": ("New York", "New York"),
        "country": "US",
        "coords": ("40.7392", "-73.9903"),
        "kind": "civic-hall",
        "themes": ["civic-tech", "democratie-participative"],
        "keywords": ["civic tech", "communauté"],
        "access": ["step_free_access"],
        "colours": ["#172033", "#a63a1a", "#f1ebe0"],
    },
    {
        "slug": "medialab-prado",
        "en_slug": "medialab-prado",
        "title": ("Medialab Prado", "Medialab Prado"),
        "summary": (
            "Un laboratoire citoyen madrilène où chacun peut proposer et prototyper un projet.",
            "A citizen laboratory in Madrid where anyone can propose and prototype a project.",
        ),
        "description": [
            (
                "Medialab Prado a fait de Madrid une référence des laboratoires citoyens : "
                "des ateliers ouverts où des inconnus construisent ensemble des projets communs.",
                "Medialab Prado made Madrid a reference for citizen laboratories: open "
                "workshops where strangers build shared projects together.",
            )
        ],
        "lessons": [
            (
                "Des appels ouverts et une médiation attentive transforment la diversité en "
                "créativité.",
                "Open calls and careful facilitation turn diversity into creativity.",
            )
        ],
        "city": ("Madrid", "Madrid"),
        "country": "ES",
        "coords": ("40.4108", "-3.6937"),
        "kind": "living-lab",
        "themes": ["democratie-participative", "innovation-publique"],
        "keywords": ["laboratoire citoyen"],
        "access": ["step_free_access", "quiet_hours"],
        "colours": ["#235b3f", "#f1ebe0", "#172033"],
    },
    {
        "slug": "les-grands-voisins",
        "en_slug": "les-grands-voisins",
        "title": ("Les Grands Voisins", "Les Grands Voisins"),
        "summary": (
            "Une occupation temporaire d’un ancien hôpital parisien, entre hébergement et "
            "activités.",
            "A temporary occupation of a former Paris hospital, mixing shelter and activity.",
        ),
        "description": [
            (
                "Aux Grands Voisins, l’ancien hôpital Saint-Vincent-de-Paul a accueilli à la fois "
                "des personnes hébergées, des associations, des artisans et le public.",
                "At Les Grands Voisins, the former Saint-Vincent-de-Paul hospital welcomed "
                "sheltered residents, associations, craftspeople and the public all at once.",
            )
        ],
        "lessons": [
            (
                "L’urbanisme transitoire peut faire vivre un site et tisser des liens avant un "
                "projet définitif.",
                "Temporary urbanism can bring a site to life and build ties before a "
                "permanent project.",
            )
        ],
        "city": ("Paris", "Paris"),
        "country": "FR",
        "coords": ("48.8366", "2.3364"),
        "kind": "temporary-occupation",
        "themes": ["tiers-lieux", "ecologie-urbaine"],
        "keywords": ["urbanisme transitoire"],
        "access": ["step_free_access", "easy_to_read"],
        "colours": ["#a63a1a", "#f1ebe0", "#235b3f"],
    },
    {
        "slug": "gawad-kalinga",
        "en_slug": "gawad-kalinga",
        "title": ("Gawad Kalinga", "Gawad Kalinga"),
        "summary": (
            "Un village communautaire près de Manille, qui mise sur l’entraide et "
            "l’entrepreneuriat social.",
            "A community village near Manila built on mutual help and social enterprise.",
        ),
        "description": [
            (
                "Près de Manille, Gawad Kalinga réunit habitants, bénévoles et entrepreneurs "
                "sociaux pour construire des logements et lancer des activités locales.",
                "Near Manila, Gawad Kalinga brings residents, volunteers and social "
                "entrepreneurs together to build homes and start local businesses.",
            )
        ],
        "lessons": [
            (
                "L’autonomie d’une communauté fragilisée se construit pas à pas, avec elle.",
                "A fragile community’s autonomy is built step by step, with it.",
            )
        ],
        "city": ("Manille", "Manila"),
        "country": "PH",
        "coords": ("14.5995", "120.9842"),
        "kind": "eco-village",
        "themes": ["ecologie-urbaine", "tiers-lieux"],
        "keywords": ["entrepreneuriat social"],
        "access": [],
        "colours": ["#235b3f", "#a63a1a", "#f1ebe0"],
    },
    {
        "slug": "ponyride",
        "en_slug": "ponyride",
        "title": ("Ponyride", "Ponyride"),
        "summary": (
            "Un bâtiment industriel de Detroit transformé en ateliers à bas loyer pour "
            "entrepreneurs locaux.",
            "A Detroit industrial building turned into low-rent workshops for local entrepreneurs.",
        ),
        "description": [
            (
                "À Detroit, Ponyride a loué des ateliers à prix réduit à des artisans et "
                "entrepreneurs engagés à partager leur savoir-faire avec le quartier.",
                "In Detroit, Ponyride rented workshops at reduced prices to craftspeople and "
                "entrepreneurs who committed to share their skills with the neighbourhood.",
            )
        ],
        "lessons": [
            (
                "Un loyer modéré contre un engagement local : un modèle simple pour revitaliser "
                "un quartier.",
                "Modest rent in exchange for local commitment: a simple model to revive a "
                "neighbourhood.",
            )
        ],
        "city": ("Detroit", "Detroit"),
        "country": "US",
        "coords": ("42.3314", "-83.0458"),
        "kind": "incubator",
        "themes": ["tiers-lieux"],
        "keywords": ["atelier", "revitalisation"],
        "access": ["step_free_access"],
        "colours": ["#172033", "#f1ebe0", "#a63a1a"],
    },
    {
        "slug": "liberte-living-lab",
        "en_slug": "liberte-living-lab",
        "title": ("Liberté Living-Lab", "Liberté Living-Lab"),
        "summary": (
            "Un espace de 2 000 m² dans le Sentier pour l’innovation technologique, civique "
            "et sociale.",
            "A 2,000 m² space in Le Sentier for tech, civic and social innovation.",
        ),
        "description": [
            (
                "Fondé en octobre 2016 dans le 2e arrondissement de Paris, le Liberté Living-Lab "
                "accueille start-up, chercheurs, artistes, grandes entreprises et agents publics.",
                "Founded in October 2016 in Paris’s 2nd arrondissement, the Liberté Living-Lab "
                "hosts start-ups, researchers, artists, large companies and public servants.",
            ),
            (
                "Ses revenus viennent surtout des entreprises, ce qui permet des tarifs réduits "
                "pour les associations et les entrepreneurs.",
                "Most of its income comes from companies, which allows reduced rates for "
                "non-profits and entrepreneurs.",
            ),
        ],
        "lessons": [
            (
                "Des événements gratuits et ouverts au public gardent le lieu ancré dans son "
                "quartier.",
                "Free events open to the public keep the place rooted in its neighbourhood.",
            )
        ],
        "city": ("Paris", "Paris"),
        "country": "FR",
        "coords": ("48.8686", "2.3470"),
        "kind": "living-lab",
        "year": 2016,
        "themes": ["civic-tech", "innovation-publique", "education"],
        "keywords": ["tech for good", "govtech"],
        "access": ["step_free_access", "sign_language_welcome"],
        "colours": ["#a63a1a", "#172033", "#f1ebe0"],
    },
]

ORGANISATIONS = [
    {
        "slug": "les-halles-civiques",
        "en_slug": "les-halles-civiques",
        "title": ("Les Halles Civiques", "Les Halles Civiques"),
        "summary": (
            "Le réseau de tiers-lieux de l’innovation démocratique et publique, à Belleville.",
            "The network of third places for democratic and public innovation, in Belleville.",
        ),
        "description": [
            (
                "L’association réunit chercheurs, designers, innovateurs sociaux et "
                "entrepreneurs qui travaillent sur le pouvoir d’agir des citoyens.",
                "The association brings together researchers, designers, social innovators and "
                "entrepreneurs working on citizen empowerment.",
            )
        ],
        "city": ("Paris", "Paris"),
        "country": "FR",
        "coords": ("48.8718", "2.3845"),
        "type": "association",
        "relation": "member",
        "year": 2018,
        "address": ("Pavillon du Parc de Belleville, 27 rue Piat", "75020"),
        "themes": ["democratie-participative", "innovation-publique", "tiers-lieux"],
        "keywords": ["belleville", "innovation démocratique"],
        "contact": ("bonjour@halles-civiques.example", "+33 1 00 00 00 00", True),
        "places": ["civic-hall-new-york", "medialab-prado"],
        "colours": ["#a63a1a", "#f1ebe0"],
    },
    {
        "slug": "les-co-citoyens",
        "en_slug": "les-co-citoyens",
        "title": ("Les Co-citoyens", "Les Co-citoyens"),
        "summary": (
            "Une association qui démocratise le financement participatif civique.",
            "An association that brings civic crowdfunding within everyone’s reach.",
        ),
        "description": [
            (
                "Les Co-citoyens (Co-city) accompagnent les porteurs de projets d’intérêt "
                "général, avec un taux de réussite de 94 %.",
                "Les Co-citoyens (Co-city) support people leading public-interest projects, "
                "with a success rate of 94%.",
            ),
            (
                "Depuis 2016, l’association travaille avec le budget participatif de Paris pour "
                "faire émerger les projets des quartiers populaires.",
                "Since 2016 the association has worked with the Paris participatory budget to "
                "bring forward projects from working-class neighbourhoods.",
            ),
        ],
        "city": ("Paris", "Paris"),
        "country": "FR",
        "coords": ("48.8566", "2.3522"),
        "type": "association",
        "relation": "resident",
        "themes": ["financement-participatif", "democratie-participative"],
        "keywords": ["budget participatif"],
        # E-mail known to the team but not published: the organisation has not opted in.
        "contact": ("contact@co-citoyens.example", "", False),
        "places": [],
        "colours": ["#235b3f", "#f1ebe0"],
    },
    {
        "slug": "la-27e-region",
        "en_slug": "la-27e-region",
        "title": ("La 27e Région", "La 27e Région"),
        "summary": (
            "Un laboratoire de transformation publique qui expérimente avec les collectivités.",
            "A public transformation lab that experiments with local governments.",
        ),
        "description": [
            (
                "Résidente des Halles Civiques, La 27e Région a été repérée par la fondation "
                "Bloomberg en 2017.",
                "A resident of Les Halles Civiques, La 27e Région was spotted by the Bloomberg "
                "foundation in 2017.",
            )
        ],
        "city": ("Paris", "Paris"),
        "country": "FR",
        "coords": ("48.8718", "2.3845"),
        "type": "research-lab",
        "relation": "resident",
        "themes": ["innovation-publique"],
        "keywords": ["design des politiques publiques"],
        "places": [],
        "colours": ["#172033", "#f1ebe0"],
    },
    {
        "slug": "nesta",
        "en_slug": "nesta",
        "title": ("Nesta", "Nesta"),
        "summary": (
            "La fondation britannique qui anime le réseau européen de l’innovation sociale "
            "numérique.",
            "The British foundation that runs Europe’s network of digital social innovation.",
        ),
        "description": [
            (
                "Nesta a fait connaître le Liberté Living-Lab au réseau européen de "
                "l’innovation sociale numérique (DSI).",
                "Nesta introduced the Liberté Living-Lab to Europe’s digital social innovation "
                "(DSI) network.",
            )
        ],
        "city": ("Londres", "London"),
        "country": "GB",
        "coords": ("51.5072", "-0.1276"),
        "type": "other",
        "relation": "partner",
        "themes": ["civic-tech", "innovation-publique"],
        "keywords": ["DSI"],
        "places": ["liberte-living-lab"],
        "colours": ["#235b3f", "#172033"],
    },
    {
        "slug": "bayes-impact",
        "en_slug": "bayes-impact",
        "title": ("Bayes Impact", "Bayes Impact"),
        "summary": (
            "Des data scientists qui conçoivent des logiciels pour répondre à des problèmes "
            "sociaux.",
            "Data scientists who build software to answer social problems.",
        ),
        "description": [
            (
                "Ingénieurs et universitaires, ils développent des services pour les pouvoirs "
                "publics et les associations.",
                "Engineers and academics, they develop services for governments and non-profits.",
            )
        ],
        "city": ("Paris", "Paris"),
        "country": "FR",
        "coords": ("48.8686", "2.3470"),
        "type": "civic-tech",
        "relation": "partner",
        "themes": ["civic-tech"],
        "keywords": ["données"],
        "places": ["liberte-living-lab"],
        "colours": ["#a63a1a", "#172033"],
    },
    {
        "slug": "wide-open-project",
        "en_slug": "wide-open-project",
        "title": ("Wide Open Project", "Wide Open Project"),
        "summary": (
            "Deux entrepreneuses sociales en tour du monde de quinze mois à la rencontre de "
            "tiers-lieux.",
            "Two social entrepreneurs on a fifteen-month world tour of third places.",
        ),
        "description": [
            (
                "Le collectif étudie dix tiers-lieux emblématiques et publiera un guide pour "
                "passer de l’idée à l’action.",
                "The collective studies ten landmark third places and will publish a guide to "
                "go from idea to action.",
            )
        ],
        "city": ("Paris", "Paris"),
        "country": "FR",
        "coords": ("48.8566", "2.3522"),
        "type": "collective",
        "relation": "partner",
        "themes": ["tiers-lieux"],
        "keywords": ["tour du monde"],
        "places": ["les-grands-voisins", "gawad-kalinga", "ponyride"],
        "colours": ["#235b3f", "#a63a1a"],
    },
]


def _glossary(spec, fields=("title", "summary", "city")):
    glossary = {spec["slug"]: spec["en_slug"]}
    for name in fields:
        fr, en = spec[name]
        glossary[fr] = en
    for fr, en in [*spec["description"], *spec.get("lessons", [])]:
        glossary[fr] = en
    return glossary


def _html(pairs):
    return "".join(f"<p>{fr}</p>" for fr, _en in pairs)


def _keywords(through_model, names):
    return [through_model(tag=Tag.objects.get_or_create(name=name)[0]) for name in names]


def load(demo):
    from home.models import MainMenu, MenuItem

    from .models import (
        DirectoryIndexPage,
        OrganisationPage,
        OrganisationPageKeyword,
        PlacePage,
        PlacePageKeyword,
        Theme,
    )

    index = demo.child_page(
        demo.home_fr,
        DirectoryIndexPage,
        "annuaire",
        INDEX_GLOSSARY,
        title="Annuaire",
        introduction=INDEX_INTRODUCTION,
    )

    themes = {}
    for name, slug, en_name, en_slug, description, en_description in THEMES:
        themes[slug] = demo.snippet(
            Theme,
            {"slug": slug},
            {name: en_name, slug: en_slug, description: en_description},
            name=name,
            description=description,
        )

    places = {}
    for spec in PLACES:
        image = generated_image(spec["title"][0], spec["colours"], size=(1200, 675))
        places[spec["slug"]] = demo.child_page(
            index,
            PlacePage,
            spec["slug"],
            _glossary(spec),
            title=spec["title"][0],
            summary=spec["summary"][0],
            description=_html(spec["description"]),
            lessons=_html(spec["lessons"]),
            city=spec["city"][0],
            country=spec["country"],
            latitude=Decimal(spec["coords"][0]),
            longitude=Decimal(spec["coords"][1]),
            kind=spec["kind"],
            year_opened=spec.get("year"),
            image=image,
            themes=[themes[slug] for slug in spec["themes"]],
            tagged_keywords=_keywords(PlacePageKeyword, spec["keywords"]),
            **{facet: True for facet in spec["access"]},
        )

    for spec in ORGANISATIONS:
        logo = generated_image(f"Logo {spec['title'][0]}", spec["colours"], size=(400, 400))
        email, phone, show = spec.get("contact", ("", "", False))
        street, postcode = spec.get("address", ("", ""))
        demo.child_page(
            index,
            OrganisationPage,
            spec["slug"],
            _glossary(spec),
            title=spec["title"][0],
            summary=spec["summary"][0],
            description=_html(spec["description"]),
            city=spec["city"][0],
            country=spec["country"],
            latitude=Decimal(spec["coords"][0]),
            longitude=Decimal(spec["coords"][1]),
            organisation_type=spec["type"],
            relation=spec["relation"],
            year_founded=spec.get("year"),
            street_address=street,
            postcode=postcode,
            languages="fr, en",
            contact_email=email,
            contact_phone=phone,
            show_contact=show,
            logo=logo,
            themes=[themes[slug] for slug in spec["themes"]],
            related_places=[places[slug] for slug in spec["places"]],
            tagged_keywords=_keywords(OrganisationPageKeyword, spec["keywords"]),
        )

    # The menu belongs to the home app; the directory adds its own entry once.
    menu = MainMenu.objects.filter(locale=demo.fr).first()
    if menu is not None and not menu.items.filter(link_page=index).exists():
        MenuItem.objects.create(
            menu=menu, link_page=index, locale=demo.fr, sort_order=menu.items.count()
        )
        translate(menu, demo.en, {})
        demo.note("MenuItem annuaire")
    return index
