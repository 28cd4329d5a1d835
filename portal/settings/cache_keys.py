"""The cache's key prefix names the database the entries were built from.

Two databases sharing one cache (a benchmark's or a staging copy's beside the site's, one
Redis for several sites) must never serve each other's fragments: a cached Site or page of
another database points at rows that do not exist here. Every process of one site computes
the same prefix from the same DATABASE_URL.
"""

import hashlib


def database_key_prefix(database, configured=None):
    """`configured` (CACHE_URL's own prefix, if any), then a digest of the database's
    identity (engine, host, port, name)."""
    identity = "|".join(
        str(database.get(part) or "") for part in ("ENGINE", "HOST", "PORT", "NAME")
    )
    digest = hashlib.sha256(identity.encode()).hexdigest()[:12]
    return f"{configured}-{digest}" if configured else digest


def caches_from_environment(env, var_dir, database):
    """CACHES: CACHE_URL (files under var/cache by default) and, apart, Wagtail's renditions
    (RENDITIONS_CACHE_URL): one key per image and size, so that a site with thousands of
    pictures never culls the content version or the fragments out of the default cache (a
    file cache drops its oldest third when full)."""
    default = env.cache_url(
        "CACHE_URL", default=f"filecache://{var_dir / 'cache'}?max_entries=5000"
    )
    # django-environ reads CACHE_URL's ?key_prefix= as "key_prefix", which Django ignores.
    default["KEY_PREFIX"] = database_key_prefix(
        database, default.pop("key_prefix", None) or default.get("KEY_PREFIX")
    )
    renditions = env.cache_url(
        "RENDITIONS_CACHE_URL",
        default=f"filecache://{var_dir / 'renditions-cache'}?max_entries=5000",
    )
    renditions.pop("key_prefix", None)
    renditions["KEY_PREFIX"] = default["KEY_PREFIX"]
    # Each process's own, keyed by the content version (pagecache.fragments.local_fragment):
    # which page each path leads to, read on every request.
    local = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "portal-local",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
    return {"default": default, "renditions": renditions, "local": local}
