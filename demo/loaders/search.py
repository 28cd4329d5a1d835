"""The site search page, /fr/recherche/ and /en/search/."""

from search.models import SearchPage


def load(demo):
    demo.child_page(
        demo.home_fr,
        SearchPage,
        "recherche",
        {
            "Recherche": "Search",
            "recherche": "search",
            "Chercher dans le portail": "Search the portal",
        },
        title="Recherche",
        introduction="Chercher dans le portail",
    )
