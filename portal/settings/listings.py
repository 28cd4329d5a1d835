"""Settings of the directory's listings and open data (directory/: freshness, geocoding, map,
embeds, licence, API) and of the partner space that keeps them alive (submissions/), read
from the environment like the rest of base.py, which imports them."""

import environ

env = environ.Env()

# Freshness of listings (directory/freshness.py).
# Listings neither confirmed nor published for this long are out of date (the admin report
# "Listings to confirm"); with PORTAL_FRESHNESS_AUTO_HIDE the scheduler unpublishes them
# (hide_stale_listings), and a confirmation brings them back.
PORTAL_FRESHNESS_STALE_DAYS = env.int("PORTAL_FRESHNESS_STALE_DAYS", default=425)
PORTAL_FRESHNESS_AUTO_HIDE = env.bool("PORTAL_FRESHNESS_AUTO_HIDE", default=False)
# Each partner is asked at most once in this many days to confirm their listings (the
# scheduler's remind_partners; submissions/reminders.py), when one was neither confirmed nor
# published for that long.
PORTAL_FRESHNESS_REMINDER_DAYS = env.int("PORTAL_FRESHNESS_REMINDER_DAYS", default=365)

# The partner space (submissions/partner_views.py, docs/operations.md): a sign-in link
# works once and for this many minutes; a session lasts this many hours; sign-in requests
# per client address and per e-mail address.
PORTAL_PARTNER_SIGNIN_MINUTES = env.int("PORTAL_PARTNER_SIGNIN_MINUTES", default=60)
PORTAL_PARTNER_SESSION_HOURS = env.int("PORTAL_PARTNER_SESSION_HOURS", default=12)
PORTAL_PARTNER_SIGNIN_RATE = env.str("PORTAL_PARTNER_SIGNIN_RATE", default="10/h")
PORTAL_PARTNER_SIGNIN_ADDRESS_RATE = env.str("PORTAL_PARTNER_SIGNIN_ADDRESS_RATE", default="3/h")
# The "still right" link of the yearly reminder lives this many days.
PORTAL_PARTNER_REMINDER_LINK_DAYS = env.int("PORTAL_PARTNER_REMINDER_LINK_DAYS", default=90)

# Geocoding of submitted addresses in a background task: "" (off), "ban" (the French address
# service) or "nominatim"; PORTAL_GEOCODER_URL for a self-hosted one (addok, Nominatim).
PORTAL_GEOCODER = env.str("PORTAL_GEOCODER", default="")
PORTAL_GEOCODER_URL = env.str("PORTAL_GEOCODER_URL", default="")
PORTAL_GEOCODER_TIMEOUT = env.int("PORTAL_GEOCODER_TIMEOUT", default=5)

# Credit the tile provider asks for, shown on the map (HTML: a link to its licence).
PORTAL_MAP_TILE_ATTRIBUTION = env.str(
    "PORTAL_MAP_TILE_ATTRIBUTION",
    default=(
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
    ),
)
# Origins allowed to show the directory's embed/ view in a frame (CSP frame-ancestors);
# "*" lets any site embed it. Every other page keeps X-Frame-Options: DENY.
PORTAL_EMBED_FRAME_ANCESTORS = env.list("PORTAL_EMBED_FRAME_ANCESTORS", default=["*"])
# The licence of the open data, stated in every export and API answer (default: ODbL).
PORTAL_DATA_LICENCE = {
    "name": env.str("PORTAL_DATA_LICENCE_NAME", default="Open Database License (ODbL) 1.0"),
    "url": env.str(
        "PORTAL_DATA_LICENCE_URL", default="https://opendatacommons.org/licenses/odbl/1-0/"
    ),
}
# Requests per minute and client address to the directory API (0 turns the limit off).
PORTAL_API_RATE_LIMIT = env.int("PORTAL_API_RATE_LIMIT", default=120)

# Partners' calendars (programme/ical_import.py): each subscription is read every
# PORTAL_ICAL_EVERY seconds (by `import_ical --due` in PORTAL_SCHEDULE), each fetch capped in
# time and size; the dates of the coming PORTAL_ICAL_DAYS are imported, at most
# PORTAL_ICAL_MAX_EVENTS per feed.
PORTAL_ICAL_EVERY = env.int("PORTAL_ICAL_EVERY", default=6 * 3600)
PORTAL_ICAL_TIMEOUT = env.int("PORTAL_ICAL_TIMEOUT", default=10)
PORTAL_ICAL_MAX_BYTES = env.int("PORTAL_ICAL_MAX_BYTES", default=2 * 1024 * 1024)
PORTAL_ICAL_DAYS = env.int("PORTAL_ICAL_DAYS", default=365)
PORTAL_ICAL_MAX_EVENTS = env.int("PORTAL_ICAL_MAX_EVENTS", default=500)
# A feed that loses more than this share of its coming dates at once (and at least
# PORTAL_ICAL_VANISH_MIN of them), or all of them, cancels none: the read is marked
# suspicious for the admin and the partner. Four fifths: partners do drop a series or a few
# dates between two reads, but a broken export (an empty or wrongly filtered file) loses
# nearly everything at once.
PORTAL_ICAL_VANISH_SHARE = env.float("PORTAL_ICAL_VANISH_SHARE", default=0.8)
PORTAL_ICAL_VANISH_MIN = env.int("PORTAL_ICAL_VANISH_MIN", default=3)
# OpenAgenda exports imported from a file (programme/openagenda.py): at most this size.
PORTAL_OPENAGENDA_MAX_BYTES = env.int("PORTAL_OPENAGENDA_MAX_BYTES", default=5 * 1024 * 1024)
PORTAL_OPENAGENDA_MAX_EVENTS = env.int("PORTAL_OPENAGENDA_MAX_EVENTS", default=2000)
