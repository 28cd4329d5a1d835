"""Parts that every page shows (the menu, the footer, the language links, the site settings),
cached under the content version so that any page rendered from scratch reuses them.

Unlike whole pages, fragments are shared by every visitor, signed in or not: they hold only
what is published. They live in the default cache, shared by every process, and are keyed by
the content version, so a save or publish anywhere (pagecache.signals) drops them all at the
commit, in every process. PORTAL_FRAGMENT_CACHE_SECONDS = 0 turns them off (the test settings
do; the tests of the fragments turn them back on).
"""

import logging

from django.conf import settings
from django.core.cache import cache, caches

from .version import content_version

logger = logging.getLogger(__name__)

_VERSION_ATTR = "_pagecache_content_version"


def _version(request):
    """The content version, read once per request."""
    version = getattr(request, _VERSION_ATTR, None) if request is not None else None
    if version is None:
        version = content_version()
        if request is not None:
            setattr(request, _VERSION_ATTR, version)
    return version


def _key(request, name, key_parts):
    return ":".join(["fragment", _version(request), name, *map(str, key_parts)])


def _local_cache():
    """The cache of this process ("local" in CACHES): for small values read on every request,
    where even a file read counts, and for keys too many to share (one per page)."""
    if settings.PORTAL_FRAGMENT_CACHE_SECONDS <= 0:
        return None
    return caches["local"]


def local_fragment(request, name, key_parts):
    """What `remember_local_fragment` stored for `name` and `key_parts` under the current
    content version, in this process; None when nothing was."""
    local = _local_cache()
    return local.get(_key(request, name, key_parts)) if local is not None else None


def remember_local_fragment(request, name, key_parts, value):
    local = _local_cache()
    if local is not None:
        local.set(_key(request, name, key_parts), value, settings.PORTAL_FRAGMENT_CACHE_SECONDS)


def cached_fragment(request, name, key_parts, build):
    """`build()`'s value for `name` and `key_parts` (site, language...), built once per content
    version. The value must pickle; if the cache is down, it is built every time."""
    timeout = settings.PORTAL_FRAGMENT_CACHE_SECONDS
    if timeout <= 0:
        return build()
    try:
        key = _key(request, name, key_parts)
        value = cache.get(key)
    except Exception:  # the cache server is down: build it, uncached
        logger.warning("Fragment cache unavailable", exc_info=True)
        return build()
    if value is not None:
        return value[0]
    value = build()
    try:
        cache.set(key, (value,), timeout)  # in a tuple, so that None is cached too
    except Exception:
        logger.warning("Fragment cache unavailable", exc_info=True)
    return value
