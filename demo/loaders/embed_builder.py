"""Demo: the page where partners build the code to embed the directory or the programme."""

from embed_builder.models import EmbedBuilderPage

INTRODUCTION = (
    "Montrez l’annuaire ou le programme des Halles Civiques sur votre site : choisissez ce "
    "qu’il affiche, regardez l’aperçu, copiez le code."
)


def load(demo):
    demo.child_page(
        demo.home_fr,
        EmbedBuilderPage,
        "integrer",
        {
            "Intégrer l’annuaire ou le programme": "Embed the directory or the programme",
            "integrer": "embed",
            INTRODUCTION: "Show the directory or the programme of Les Halles Civiques on your "
            "website: choose what it lists, look at the preview, copy the code.",
        },
        title="Intégrer l’annuaire ou le programme",
        introduction=INTRODUCTION,
    )
