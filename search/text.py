"""Words as the portal's search understands them: folded, stripped of elision, stemmed.

The same functions prepare what is indexed (a page's text, in the page's language) and what is
searched (the reader's query, in the reader's language), so both sides always agree, whichever
engine stores the words. See `search.query` for the design as a whole.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

WORDS = re.compile(r"\w+")

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


def fold(text):
    """Lower case without accents: "Démocratie" -> "democratie", "Œuvre" -> "oeuvre"."""
    text = text.casefold().replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _language(language_code):
    return (language_code or "").split("-")[0].split("_")[0].lower()


@lru_cache(maxsize=16)
def _stemmer(language):
    name = SNOWBALL_LANGUAGES.get(language)
    return snowballstemmer.stemmer(name) if name else None


def words(text, language_code=None):
    """The folded words of `text`, with French elision or the English possessive removed."""
    language = _language(language_code)
    if language == "fr":
        text = FRENCH_ELISION.sub(" ", text)
    elif language == "en":
        text = ENGLISH_POSSESSIVE.sub(" ", text)
    return WORDS.findall(fold(text))


@lru_cache(maxsize=200_000)
def _stem(language, word):
    # The pure-Python Snowball stemmer costs about a millisecond a word; a reader's query and
    # the names it ranks, or a whole index rebuild, use few distinct words many times over.
    return _stemmer(language).stemWord(word)


def stem_words(folded_words, language_code=None):
    """Snowball stems of already folded words (unchanged for a language without a stemmer)."""
    language = _language(language_code)
    if _stemmer(language) is None:
        return list(folded_words)
    return [_stem(language, word) for word in folded_words]


def stems(text, language_code=None):
    """The stems of every word of `text`, in order: what the index stores for a page."""
    return stem_words(words(text, language_code), language_code)


def query_words(query, language_code=None):
    """The words of a query worth searching for: stop words go unless nothing else is left."""
    found = words(query, language_code)
    stop = STOP_WORDS.get(_language(language_code), frozenset())
    kept = [word for word in found if word not in stop]
    return kept or found
