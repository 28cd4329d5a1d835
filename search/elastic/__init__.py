"""Elasticsearch 8 as the engine for readers' searches, fed from the read model.

The read model in the database (`search.models`) stays the source of truth and the
fallback. When `SEARCH_URL` names an Elasticsearch server:

- `index`: the portal's own index (one, with a `locale` field), its mapping (keyword fields
  only: the text is analysed in Python before it gets there), created or replaced before any
  write;
- `mirror` and `tasks`: every change to the read model leaves a row in an outbox in the same
  transaction; a queued task sends the changed pages in bulk, retried with back-off while
  the engine is down;
- `queries` and `searching`: the query plan of `search.vocabulary` as Elasticsearch queries
  with the database's score and order; any engine error answers from the database instead;
- `health`: what /healthz and `check_search_index` report about the engine.

docs/search.md explains the choices.
"""
