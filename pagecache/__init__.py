"""A whole-page cache for anonymous visitors, dropped when content changes.

Other apps call `pagecache.invalidate()` after any write that changes what a public page shows
and that the signals connected in `pagecache.signals` do not see (an index written by a task,
say). Nothing here imports an app of the portal: what counts as content is a setting.
"""

from .version import content_version, invalidate

__all__ = ["content_version", "invalidate"]
