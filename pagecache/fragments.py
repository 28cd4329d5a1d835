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
from django.core.cache import cache

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


def cached_fragment(request, name, key_parts, build):
    """`build()`'s value for `name` and `key_parts` (site, language...), built once per content
    version. The value must pickle; if the cache is down, it is built every time."""
    timeout = settings.PORTAL_FRAGMENT_CACHE_SECONDS
    if timeout <= 0:
        return build()
    try:
        key = ":".join(["fragment", _version(request), name, *map(str, key_parts)])
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
