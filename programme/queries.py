"""Read-side queries of the programme, shared by its pages, blocks and feeds."""


def upcoming_occurrences(limit=None):
    """Upcoming event occurrences in the active language, soonest first.

    The programme has no event pages yet, so there is nothing upcoming to list.
    """
    return []
