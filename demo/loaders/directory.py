"""The directory: themes, inspiring places and organisations, in French with English versions."""

from decimal import Decimal

from taggit.models import Tag

from directory.models import (
    DirectoryIndexPage,
    OrganisationPage,
    OrganisationPageKeyword,
    PlacePage,
    PlacePageKeyword,
    Theme,
)

from ..data import directory as data
from ..data.organisations import ORGANISATIONS
from ..images import illustration, logo, scene_alt


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


def _entry_fields(spec, themes):
    """What organisations and places have in common, from a spec of the data modules."""
    return {
        "title": spec["title"][0],
        "summary": spec["summary"][0],
        "description": _html(spec["description"]),
        "city": spec["city"][0],
        "country": spec["country"],
        "latitude": Decimal(spec["coords"][0]),
        "longitude": Decimal(spec["coords"][1]),
        "themes": [themes[slug] for slug in spec["themes"]],
    }


def _themes(demo):
    themes = {}
    for name, slug, en_name, en_slug, description, en_description in data.THEMES:
        themes[slug] = demo.snippet(
            Theme,
            {"slug": slug},
            {name: en_name, slug: en_slug, description: en_description},
            name=name,
            description=description,
        )
    return themes


def _place(demo, index, spec, themes):
    alt_fr, alt_en = scene_alt(spec["scene"])
    return demo.child_page(
        index,
        PlacePage,
        spec["slug"],
        {**_glossary(spec), alt_fr: alt_en},
        **_entry_fields(spec, themes),
        lessons=_html(spec["lessons"]),
        kind=spec["kind"],
        year_opened=spec.get("year"),
        image=illustration(spec["title"][0], spec["scene"]),
        image_alt=alt_fr,
        tagged_keywords=_keywords(PlacePageKeyword, spec["keywords"]),
        **{facet: True for facet in spec["access"]},
    )


def _organisation(demo, index, spec, themes, places):
    email, phone, show = spec.get("contact", ("", "", False))
    street, postcode = spec.get("address", ("", ""))
    return demo.child_page(
        index,
        OrganisationPage,
        spec["slug"],
        _glossary(spec),
        **_entry_fields(spec, themes),
        organisation_type=spec["type"],
        relation=spec["relation"],
        year_founded=spec.get("year"),
        street_address=street,
        postcode=postcode,
        languages="fr, en",
        contact_email=email,
        contact_phone=phone,
        show_contact=show,
        logo=logo(spec["title"][0], spec["colours"]),
        related_places=[places[slug] for slug in spec["places"]],
        tagged_keywords=_keywords(OrganisationPageKeyword, spec["keywords"]),
    )


def load(demo):
    index = demo.child_page(
        demo.home_fr,
        DirectoryIndexPage,
        "annuaire",
        data.INDEX_GLOSSARY,
        title="Annuaire",
        introduction=data.INDEX_INTRODUCTION,
    )
    themes = _themes(demo)
    places = {spec["slug"]: _place(demo, index, spec, themes) for spec in data.PLACES}
    for spec in ORGANISATIONS:
        _organisation(demo, index, spec, themes, places)
    demo.menu_entry(index, "annuaire")
    return index
