"""Forgiveness, decided in Python from the index's own words, so every engine forgives alike.

Each query word becomes a group of terms (`WordGroup`):

- exact: its Snowball stem in the reader's language ("citoyennes" -> "citoyen");
- loose, ranked below exact: from 4 letters, the stems of indexed words it begins ("particip"
  -> "participatif", "participation"); and, only when the word is not in the index at all
  and begins none, the stems of indexed words one edit away (from 5 letters) or two (from 9)
  ("democratei" -> "democratie"): then the results "come from fuzzy matching".

The vocabulary (`IndexedWord`, kept up to date by every index write) is read once per index
version and language and kept in memory; edit distances are computed by rapidfuzz (C).
When nothing matches, `suggestion()` proposes the closest indexed words ("did you mean").
"""

import bisect
import threading
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .models import IndexedWord
from .text import language_of, name_key, query_words, stem_words

PREFIX_FROM = 4
ONE_TYPO_FROM = 5
TWO_TYPOS_FROM = 9
MAX_COMPLETIONS = 40
MAX_CORRECTIONS = 10
MAX_QUERY_WORDS = 8


@dataclass
class WordGroup:
    word: str
    exact: set
    loose: set = field(default_factory=set)
    corrections: list = field(default_factory=list)  # indexed words one or two edits away

    @property
    def all_terms(self):
        return self.exact | self.loose


@dataclass
class QueryPlan:
    text: str
    words: list
    groups: list
    name: str  # the query as a name is compared ("les co citoyens")

    @property
    def fuzzy(self):
        return any(group.corrections for group in self.groups)

    @property
    def terms(self):
        """Every term searched for (to highlight the words that matched)."""
        return set().union(*(group.all_terms for group in self.groups)) if self.groups else set()


class Vocabulary:
    """The indexed words of one language: sorted for prefixes, by length for edit distance."""

    def __init__(self, rows):
        self.stems = dict(rows)
        self.known_stems = set(self.stems.values())
        self.sorted_words = sorted(self.stems)
        self.by_length = defaultdict(list)
        for word in self.sorted_words:
            self.by_length[len(word)].append(word)

    def completions(self, prefix):
        start = bisect.bisect_left(self.sorted_words, prefix)
        found = []
        for word in self.sorted_words[start:]:
            if not word.startswith(prefix):
                break
            found.append(word)
        found.sort(key=len)  # the closest completions first when there are many
        return [word for word in found if word != prefix][:MAX_COMPLETIONS]

    def within(self, word, distance, limit=MAX_CORRECTIONS):
        """Indexed words at most `distance` edits from `word`, closest first."""
        candidates = []
        for length in range(len(word) - distance, len(word) + distance + 1):
            candidates.extend(self.by_length.get(length, ()))
        matches = process.extract(
            word, candidates, scorer=Levenshtein.distance, score_cutoff=distance, limit=limit
        )
        return [match for match, _distance, _index in sorted(matches, key=lambda m: (m[1], m[0]))]


_cache = {}
_lock = threading.Lock()


def vocabulary(language, version):
    """The vocabulary of `language` at index `version` (read from the database once)."""
    key = (language, version)
    cached = _cache.get(language)
    if cached is None or cached[0] != version:
        rows = IndexedWord.objects.filter(language=language).values_list("word", "stem")
        loaded = Vocabulary(rows.iterator(chunk_size=5000))
        with _lock:
            _cache[language] = (key[1], loaded)
        return loaded
    return cached[1]


def allowed_typos(word):
    if len(word) >= TWO_TYPOS_FROM:
        return 2
    if len(word) >= ONE_TYPO_FROM:
        return 1
    return 0


def _group(word, stem, known):
    group = WordGroup(word=word, exact={stem})
    if known is None:
        return group
    if len(word) >= PREFIX_FROM:
        group.loose = {known.stems[match] for match in known.completions(word)} - group.exact
    if stem not in known.known_stems and word not in known.stems and not group.loose:
        typos = allowed_typos(word)
        if typos:
            group.corrections = known.within(word, typos)
            group.loose = {known.stems[match] for match in group.corrections} - group.exact
    return group


def plan(text, language_code, version=None):
    """The `QueryPlan` of a reader's query; without `version`, no expansion at all."""
    language = language_of(language_code)
    found = query_words(text or "", language)[:MAX_QUERY_WORDS]
    stems = stem_words(found, language)
    known = vocabulary(language, version) if version is not None and found else None
    groups = []
    for word, stem in zip(found, stems, strict=True):
        if word in {group.word for group in groups}:
            continue
        groups.append(_group(word, stem, known))
    return QueryPlan(text=text or "", words=found, groups=groups, name=name_key(text or ""))


def suggestion(query_plan, language_code, version):
    """A corrected query when some words are not in the index, or None: each unknown word
    replaced by the closest indexed word (up to a third of its letters changed)."""
    known = vocabulary(language_of(language_code), version)
    changed = False
    corrected = []
    for group in query_plan.groups:
        word = group.word
        if next(iter(group.exact)) in known.known_stems or group.loose and not group.corrections:
            corrected.append(word)
            continue
        closest = known.within(word, max(1, min(3, len(word) // 3)), limit=1)
        if closest and closest[0] != word:
            corrected.append(closest[0])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else None
