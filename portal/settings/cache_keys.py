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
