"""Words as the portal's search understands them: folded, stripped of elision, stemmed.

The same functions prepare what is indexed (a page's text, in the page's language) and what is
searched (the reader's query, in the reader's language), so both sides always agree, whichever
engine stores the words. Stemming is Snowball's, through PyStemmer (the C implementation).
"""

import re
import unicodedata
from functools import lru_cache

import Stemmer

# Letters and digits; the underscore, hyphen and every other sign separate words, so a
# compound such as "tiers-lieux" is two words ("tiers", "lieux") on both sides.
WORDS = re.compile(r"[^\W_]+")

# Articles and pronouns French glues to the next word ("l'association", "d'habitants").
FRENCH_ELISION = re.compile(
    r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’]", re.IGNORECASE
)
# The English possessive ("the network's hall").
ENGLISH_POSSESSIVE = re.compile(r"['’]s\b", re.IGNORECASE)

# Words too common to narrow a search: dropped from queries (every word must match), kept in
# the index so a quoted title still matches word for word.
STOP_WORDS = {
    "fr": frozenset(
        "a au aux avec ce ces d dans de des du elle en et il ils j l la le les leur lui ma mais "
        "me mes mon n ne nos notre nous on ou par pas pour qu que qui s sa se ses son sur t ta "
        "te tes ton tu un une vos votre vous y".split()
    ),
    "en": frozenset(
        "a an and are as at be but by for from has have in into is it its of on or that the "
        "their there these they this to was were will with".split()
    ),
}

SNOWBALL_LANGUAGES = {
    "fr": "french",
    "en": "english",
    "es": "spanish",
    "de": "german",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
}

MAX_WORD_LENGTH = 60  # longer "words" (hashes, pasted noise) are cut: they still match nothing


def fold(text):
    """Lower case without accents: "Démocratie" -> "democratie", "Œuvre" -> "oeuvre"."""
    text = text.casefold().replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def language_of(language_code):
    """ "fr" for "fr", "fr-ca" or "fr_FR"."""
    return (language_code or "").split("-")[0].split("_")[0].lower()


@lru_cache(maxsize=16)
def _stemmer(language):
    name = SNOWBALL_LANGUAGES.get(language)
    return Stemmer.Stemmer(name) if name else None


def words(text, language_code=None):
    """The folded words of `text`, with French elision or the English possessive removed."""
    language = language_of(language_code)
    text = text or ""
    if language == "fr":
        text = FRENCH_ELISION.sub(" ", text)
    elif language == "en":
        text = ENGLISH_POSSESSIVE.sub(" ", text)
    return [word[:MAX_WORD_LENGTH] for word in WORDS.findall(fold(text))]


def _french_plural(stem):
    # Snowball keeps the plural "x" of "lieux" or "jeux", so "tiers-lieu" would miss
    # "tiers-lieux"; applied to every French stem, on both sides, it cannot split a match.
    return stem[:-1] if stem.endswith("eux") and len(stem) > 3 else stem


def stem_words(folded_words, language_code=None):
    """Snowball stems of already folded words (unchanged for a language without a stemmer)."""
    language = language_of(language_code)
    stemmer = _stemmer(language)
    if stemmer is None:
        return list(folded_words)
    stems = stemmer.stemWords(list(folded_words))
    if language == "fr":
        stems = [_french_plural(stem) for stem in stems]
    return stems


def stems(text, language_code=None):
    """The stems of every word of `text`, in order: what the index stores for a page."""
    return stem_words(words(text, language_code), language_code)


def query_words(query, language_code=None):
    """The words of a query worth searching for: stop words go unless nothing else is left."""
    found = words(query, language_code)
    stop = STOP_WORDS.get(language_of(language_code), frozenset())
    kept = [word for word in found if word not in stop]
    return kept or found


def name_key(text):
    """A name as compared and sorted: folded words, one space apart ("les co citoyens")."""
    return " ".join(WORDS.findall(fold(text or "")))[:255]
