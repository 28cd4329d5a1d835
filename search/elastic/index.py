"""The portal's Elasticsearch index: the client, the mapping, and making sure it exists.

One index holds every locale's documents (a `locale` keyword field). The text reaches it
already analysed by `search.text` (folded, stemmed terms), so the mapping has keyword fields
only and needs no analysis plugin: the engine compares terms the portal computed, which is
what makes its answers the same as the database's.

Readers' searches and writes go through an alias (`<prefix>portal_search`) pointing at one
concrete index (`<alias>_<timestamp>`). Writes use `require_alias`, so a write can never make
Elasticsearch create an index of its own with guessed mappings (issue 23): when the alias is
missing, or its index has another mapping, `ensure_index` creates a new index with the
portal's mapping and moves the alias onto it first. The caller marks every page to be sent
again before that (`on_replace`), so readers keep using the database until the new index
holds everything.
"""

import logging
import threading
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from elasticsearch import Elasticsearch, NotFoundError

from search.backends import parse_search_url

logger = logging.getLogger(__name__)

MAPPING_VERSION = 2  # 2: url_path, so a suggestion needs no database row
INDEX_NAME = "portal_search"
WRITE_TIMEOUT = 30  # seconds: bulk writes, index creation
ADMIN_TIMEOUT = 2  # seconds: health, mapping checks

INDEX_SETTINGS = {"number_of_shards": 1, "auto_expand_replicas": "0-1"}

_TERMS = {"type": "keyword", "doc_values": False}  # matched, never sorted nor aggregated
PROPERTIES = {
    "page_id": {"type": "long"},
    "locale": {"type": "keyword"},
    "kind": {"type": "keyword"},
    "path": {"type": "keyword"},
    "depth": {"type": "integer"},
    "title": {"type": "keyword", "index": False, "doc_values": False},
    "url_path": {"type": "keyword", "index": False, "doc_values": False},
    "name_key": {"type": "keyword"},
    "name_words": _TERMS,
    "name_terms": _TERMS,
    "summary_terms": _TERMS,
    "body_terms": _TERMS,
    "location": {"type": "geo_point"},
    "published_at": {"type": "date"},
    "ends_at": {"type": "date"},
    # Facets are declared by the page types: every value under `facets.` is a keyword.
    "facets": {"type": "object", "dynamic": True},
}
MAPPING = {
    "dynamic": "strict",
    "_meta": {"portal_mapping": MAPPING_VERSION},
    "dynamic_templates": [
        {"facet_values": {"path_match": "facets.*", "mapping": {"type": "keyword"}}}
    ],
    "properties": PROPERTIES,
}


class MappingMismatch(Exception):
    pass


# --- Configuration and client -----------------------------------------------------------------


def engine_url():
    return parse_search_url(getattr(settings, "SEARCH_URL", ""))


def configured():
    """Whether SEARCH_URL names an external engine."""
    return bool(getattr(settings, "SEARCH_URL", ""))


def alias_name():
    return f"{engine_url().index_prefix}{INDEX_NAME}"


_clients = {}
_clients_lock = threading.Lock()


def client():
    """The Elasticsearch client for SEARCH_URL (one per URL and process), with no retries:
    a failure is handled by the caller (the database answers, or the task retries later)."""
    url_text = settings.SEARCH_URL
    found = _clients.get(url_text)
    if found is None:
        url = engine_url()
        auth = (url.username, url.password) if url.username is not None else None
        found = Elasticsearch(
            hosts=[url.node],
            basic_auth=auth,
            request_timeout=settings.SEARCH_ENGINE_TIMEOUT,
            max_retries=0,
            retry_on_timeout=False,
        )
        with _clients_lock:
            _clients[url_text] = found
    return found


# --- What is there -----------------------------------------------------------------------------


@dataclass
class Inspection:
    """What the engine holds under the portal's alias: `ok`, `missing` or `mismatch`."""

    status: str
    detail: str = ""
    indexes: list = field(default_factory=list)  # concrete indexes behind the name

    @property
    def ok(self):
        return self.status == "ok"


def mapping_problem(mapping):
    """Why a live mapping is not the portal's, or "" when it is."""
    version = (mapping.get("_meta") or {}).get("portal_mapping")
    if version != MAPPING_VERSION:
        return f"mapping version {version!r}, expected {MAPPING_VERSION}"
    live = mapping.get("properties") or {}
    for name, spec in PROPERTIES.items():
        if name not in live:
            return f"field {name} is missing"
        expected, found = spec.get("type", "object"), live[name].get("type", "object")
        if expected != found:
            return f"field {name} is {found}, expected {expected}"
    return ""


def inspect(es=None, timeout=ADMIN_TIMEOUT):
    es = (es or client()).options(request_timeout=timeout)
    alias = alias_name()
    try:
        indexes = sorted(es.indices.get_alias(name=alias))
    except NotFoundError:
        if es.indices.exists(index=alias):
            return Inspection("mismatch", "an index, not an alias, has the portal's name", [alias])
        return Inspection("missing", "no index yet")
    if len(indexes) != 1:
        return Inspection("mismatch", f"the alias points at {len(indexes)} indexes", indexes)
    mapping = es.indices.get_mapping(index=indexes[0])[indexes[0]]["mappings"]
    problem = mapping_problem(mapping)
    return Inspection("mismatch" if problem else "ok", problem, indexes)


# --- Creating ----------------------------------------------------------------------------------

_verified = set()  # SEARCH_URLs whose index this process found with the portal's mapping


def forget_verified():
    _verified.clear()


def check_for_reading(es):
    """Raise MappingMismatch unless the alias is on an index with the portal's mapping
    (checked once per process: the portal replaces its index only with its own mapping)."""
    if settings.SEARCH_URL in _verified:
        return
    found = inspect(es, timeout=settings.SEARCH_ENGINE_TIMEOUT)
    if not found.ok:
        raise MappingMismatch(f"{alias_name()}: {found.detail}")
    _verified.add(settings.SEARCH_URL)


def ensure_index(es=None, on_replace=None):
    """Make sure the alias exists on an index with the portal's mapping; returns True when
    it had to create one (then `on_replace()` was called first: every page must be sent)."""
    es = es or client()
    alias = alias_name()
    if settings.SEARCH_URL in _verified:
        return False
    found = inspect(es)
    if not found.ok:
        logger.warning("Search engine index %s: %s; creating it with the portal's mapping",
                       alias, found.detail)  # fmt: skip
        if on_replace is not None:
            on_replace()
        replace_index(es, found)
    _verified.add(settings.SEARCH_URL)
    return not found.ok


def replace_index(es, found=None):
    """Create a new concrete index with the portal's mapping, move the alias onto it and
    delete the indexes it replaces (those are the portal's: they carry its name)."""
    es = es.options(request_timeout=WRITE_TIMEOUT)
    alias = alias_name()
    found = found or inspect(es)
    name = f"{alias}_{timezone.now():%Y%m%d%H%M%S%f}"
    es.indices.create(index=name, mappings=MAPPING, settings=INDEX_SETTINGS)
    if found.status == "mismatch" and found.indexes == [alias]:
        es.indices.delete(index=alias)  # an index squatting the alias's name
        old = []
    else:
        old = found.indexes
    actions = [{"add": {"index": name, "alias": alias}}]
    actions += [{"remove": {"index": index, "alias": alias}} for index in old]
    es.indices.update_aliases(actions=actions)
    for index in old:
        es.options(ignore_status=404).indices.delete(index=index)
    _verified.discard(settings.SEARCH_URL)
    return name


def delete_everything(es=None):
    """Delete the alias and every index behind it (tests, and `SEARCH_URL` prefixes retired)."""
    es = (es or client()).options(request_timeout=WRITE_TIMEOUT, ignore_status=404)
    es.indices.delete(index=f"{alias_name()}*", expand_wildcards="all")
    forget_verified()
