"""The contact page's fields and texts, in French with their English translations."""

FIELDS = [
    ("Votre nom", "singleline", True, "", ""),
    ("Votre adresse e-mail", "email", True, "", ""),
    ("Objet", "dropdown", True, "Une question\nLouer une salle\nLa presse\nAutre chose", ""),
    ("Votre message", "multiline", True, "", "5 000 caractères au plus."),
]
INTRODUCTION = (
    "<p>Une question sur le lieu, le programme ou le réseau ? Écrivez-nous : l’équipe répond "
    "en général sous trois jours ouvrés.</p>"
)
THANK_YOU = "<p>Merci ! Votre message est bien arrivé ; nous vous répondons au plus vite.</p>"
GLOSSARY = {
    "Contact": "Contact",
    "contact": "contact",
    "Une question sur le lieu, le programme ou le réseau ? Écrivez-nous : l’équipe répond en "
    "général sous trois jours ouvrés.": "A question about the place, the programme or the "
    "network? Write to us: the team usually answers within three working days.",
    "Merci ! Votre message est bien arrivé ; nous vous répondons au plus vite.": "Thank you! "
    "Your message has arrived; we will answer you as soon as we can.",
    "Votre nom": "Your name",
    "Votre adresse e-mail": "Your e-mail address",
    "Objet": "Subject",
    # wagtail-localize shows the lines of a text field as <br/>.
    "Une question<br/>Louer une salle<br/>La presse<br/>Autre chose": (
        "A question<br/>Renting a room<br/>Press<br/>Something else"
    ),
    "Votre message": "Your message",
    "5 000 caractères au plus.": "5,000 characters at most.",
}
