"""A `search.query.Search` as Elasticsearch requests, with the database's meaning and order.

The `Criteria` of a search (`search.engines.base`), its query plan included, are translated
term for term: the engine compares the
portal's own terms in keyword fields, so it matches exactly what FTS5 or tsvector match.
The score is the one of `search.engines`, built from constant scores:

- each query word is a `dis_max` (the best, not the sum) of six `constant_score` clauses,
  name exact 24, name loose 12, summary exact 8, summary loose 4, body exact 2, loose 1;
- the words are `must` clauses, so their scores add up and every word must match;
- the exact name is a `should` worth 1,000.

Scores are small integers, exact in the engine's floats, and the sort is the database's:
score, then `name_key` (keywords sort by their bytes, like the database's binary collation),
then page id. Facet counts are `filter` aggregations in the same request: each facet's
options are counted over every other facet's selection, as the database engines count.

Every function takes the client and returns plain Python values; anything unexpected in an
answer raises, and the caller answers from the database instead.
"""

from django.utils import timezone
from wagtail.models import Page

from search.engines.base import EXACT_NAME_BONUS, NEWEST, RELEVANCE, WEIGHTS

from . import index

TERM_FIELDS = {"name": "name_terms", "summary": "summary_terms", "body": "body_terms"}
UPCOMING_BONUS = 100_000  # above any relevance score: upcoming events before past ones
MAX_FACET_VALUES = 5_000
MAX_WINDOW = 10_000  # Elasticsearch's index.max_result_window: deeper pages ask the database


def _constant(clause, points):
    return {"constant_score": {"filter": clause, "boost": points}}


def word_clause(group):
    """One query word: the best of its six (field, exactness) scores."""
    clauses = []
    for (field, exact), points in WEIGHTS.items():
        terms = group.exact if exact else group.loose
        if terms:
            clauses.append(_constant({"terms": {TERM_FIELDS[field]: sorted(terms)}}, points))
    return {"dis_max": {"queries": clauses, "tie_breaker": 0}}


def word_match(group):
    """One query word, matched in any field, without a score (counts and facets)."""
    terms = sorted(group.all_terms)
    return {
        "bool": {
            "should": [{"terms": {field: terms}} for field in TERM_FIELDS.values()],
            "minimum_should_match": 1,
        }
    }


def scope(criteria):
    """The rows a search looks at whatever the facets: its locale, page, restriction."""
    clauses = [{"term": {"locale": criteria.language}}]
    parent = criteria.parent_path
    if parent is not None:
        first, last = parent + "0" * Page.steplen, parent + "Z" * Page.steplen
        clauses.append({"range": {"path": {"gte": first, "lte": last}}})
        clauses.append({"term": {"depth": len(parent) // Page.steplen + 1}})
    if criteria.restrict is not None:
        clauses.append({"terms": {"page_id": [int(pk) for pk in criteria.restrict]}})
    return clauses


def facet_clause(name, values):
    return {"terms": {f"facets.{name}": list(values)}}


def facet_clauses(criteria, exclude=None):
    return [facet_clause(name, v) for name, v in criteria.filters if name != exclude]


def matching(criteria):
    """Every row the search's text matches, unscored."""
    return [word_match(group) for group in criteria.groups]


def _bool(filters):
    return {"bool": {"filter": filters}} if filters else {"match_all": {}}


class PartialAnswer(Exception):
    pass


def _complete(response):
    """The response, if every shard answered (a shard failing on a mapping that does not fit
    gives a 200 with fewer hits: that is an error here, not an answer)."""
    shards = response["_shards"]
    if shards.get("failed"):
        reasons = [failure.get("reason") for failure in shards.get("failures", [])[:1]]
        raise PartialAnswer(f"{shards['failed']} shard(s) failed: {reasons}")
    return response


def _search(es, **body):
    return _complete(
        es.options(request_timeout=_timeout()).search(
            index=index.alias_name(), allow_partial_search_results=False, **body
        )
    )


def _timeout():
    from django.conf import settings

    return settings.SEARCH_ENGINE_TIMEOUT


# --- Requests ----------------------------------------------------------------------------------


def _aggregations(criteria, names):
    aggregations = {"total": {"filter": _bool(facet_clauses(criteria))}}
    for position, name in enumerate(names):
        aggregations[f"facet{position}"] = {
            "filter": _bool(facet_clauses(criteria, exclude=name)),
            "aggs": {"values": {"terms": {"field": f"facets.{name}", "size": MAX_FACET_VALUES}}},
        }
    return aggregations


def _counts(response, names):
    found = response["aggregations"]
    counts = {
        name: {
            bucket["key"]: int(bucket["doc_count"])
            for bucket in found[f"facet{position}"]["values"]["buckets"]
        }
        for position, name in enumerate(names)
    }
    return counts, int(found["total"]["doc_count"])


def facet_counts(es, criteria, names):
    """({facet: {value: count}}, total): one request, no hits."""
    response = _search(
        es,
        query=_bool([*scope(criteria), *matching(criteria)]),
        aggs=_aggregations(criteria, names),
        size=0,
        track_total_hits=False,
    )
    return _counts(response, names)


def counts_and_page(es, criteria, names, sort, upcoming_first, start, size):
    """({facet: {value: count}}, total, [page ids]) in one request instead of two.

    The query is the text's (scored as `ordering` scores it) and the facet selections are a
    `post_filter`: the aggregations count what the text matches, each over the *other*
    facets' selections as `facet_counts` does, while the hits are the selected rows only.
    """
    query, order = ordering(criteria, sort, upcoming_first, with_facets=False)
    response = _search(
        es,
        query=query,
        post_filter=_bool(facet_clauses(criteria)),
        aggs=_aggregations(criteria, names),
        sort=order,
        from_=start,
        size=size,
        source=False,
        track_total_hits=False,
    )
    counts, total = _counts(response, names)
    return counts, total, [int(hit["_id"]) for hit in response["hits"]["hits"]]


def ordering(criteria, sort, upcoming_first, with_facets=True):
    """(query, sort) of the ordered ids, as the database engines' `ranked_ids` orders them
    (without the facet selections when the caller filters them after the query)."""
    scored = sort == RELEVANCE and criteria.has_text
    filters = [*scope(criteria), *(facet_clauses(criteria) if with_facets else ())]
    must, should = [], []
    if scored:
        must = [word_clause(group) for group in criteria.groups]
        should.append(_constant({"term": {"name_key": criteria.name}}, EXACT_NAME_BONUS))
    else:
        filters += matching(criteria)
    if upcoming_first:
        past = {"range": {"ends_at": {"lt": timezone.now().isoformat()}}}
        should.append(_constant({"bool": {"must_not": [past]}}, UPCOMING_BONUS))
    query = {"bool": {"filter": filters, "must": must, "should": should}}
    order = [{"_score": "desc"}] if scored or upcoming_first else []
    if sort == NEWEST:
        order.append({"published_at": {"order": "desc", "missing": "_last"}})
    order += [{"name_key": "asc"}, {"page_id": "asc"}]
    return query, order


def page_ids(es, criteria, sort, upcoming_first, start, size):
    """The ids of rows start to start + size in the search's order."""
    query, order = ordering(criteria, sort, upcoming_first)
    response = _search(
        es,
        query=query,
        sort=order,
        from_=start,
        size=size,
        source=False,
        track_total_hits=False,
    )
    return [int(hit["_id"]) for hit in response["hits"]["hits"]]


def completions(es, criteria, typed, limit):
    """[(page id, title, kind, url path)] of names with a word beginning like each typed word,
    those beginning like the whole text first, then by name (as the database engines)."""
    filters = [*scope(criteria), *({"prefix": {"name_words": word}} for word in typed)]
    whole = _constant({"prefix": {"name_key": " ".join(typed)}}, 1)
    response = _search(
        es,
        query={"bool": {"filter": filters, "should": [whole]}},
        sort=[{"_score": "desc"}, {"name_key": "asc"}, {"page_id": "asc"}],
        size=limit,
        source=["title", "kind", "url_path"],
        track_total_hits=False,
    )
    return [
        (
            int(hit["_id"]),
            hit["_source"]["title"],
            hit["_source"]["kind"],
            hit["_source"]["url_path"],
        )
        for hit in response["hits"]["hits"]
    ]
