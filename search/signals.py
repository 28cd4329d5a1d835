"""Signals `search` sends.

`index_changed` is sent once the transaction that wrote to the read model has committed:
whatever caches pages or fragments that show search results, listings or facet counts (the
page cache) connects to it, so nothing cached outlives the index.

`read_model_changed` is sent inside that transaction, with the `page_ids` whose rows were
written or removed (or `everything=True` just before every row is removed): the external
engine's mirror (`search.elastic.mirror`) notes them in the same transaction.
"""

from django.dispatch import Signal

index_changed = Signal()
read_model_changed = Signal()
