"""Settings of personal data, the newsletter and the audience figures (privacy/, newsletter/,
audience/; docs/privacy.md), read from the environment like the rest of base.py, which
imports them."""

import environ

env = environ.Env()

# Days each kind of personal data is kept before `enforce_retention`
# (command and task) erases or anonymises it.
PORTAL_RETENTION_DAYS = {
    # after the event; past registrations keep their counts, not who came
    "registrations": env.int("PORTAL_RETENTION_REGISTRATIONS_DAYS", default=365),
    # after the date of the hire; confirmed hires stay in the calendar, anonymised
    "room_requests": env.int("PORTAL_RETENTION_ROOM_REQUESTS_DAYS", default=730),
    # after the last change to the proposal (the page itself stays)
    "submissions": env.int("PORTAL_RETENTION_SUBMISSIONS_DAYS", default=365),
    # after the message was received
    "contact_messages": env.int("PORTAL_RETENTION_CONTACT_DAYS", default=365),
    # copies of e-mails, after they were written
    "emails": env.int("PORTAL_RETENTION_EMAILS_DAYS", default=90),
    # unconfirmed sign-ups and unsubscribed addresses (subscribers are kept while subscribed)
    "newsletter": env.int("PORTAL_RETENTION_NEWSLETTER_DAYS", default=30),
}
# Days a newsletter confirmation link works.
PORTAL_NEWSLETTER_CONFIRM_DAYS = env.int("PORTAL_NEWSLETTER_CONFIRM_DAYS", default=7)
# Where confirmed subscribers go besides the admin's CSV export: "csv" (nowhere else) or
# "brevo" (Brevo's contacts API, with the key and list below).
PORTAL_NEWSLETTER_ADAPTER = env.str("PORTAL_NEWSLETTER_ADAPTER", default="csv")
PORTAL_NEWSLETTER_BREVO_API_KEY = env.str("PORTAL_NEWSLETTER_BREVO_API_KEY", default="")
PORTAL_NEWSLETTER_BREVO_LIST_ID = env.int("PORTAL_NEWSLETTER_BREVO_LIST_ID", default=0)
PORTAL_NEWSLETTER_BREVO_URL = env.str(
    "PORTAL_NEWSLETTER_BREVO_URL", default="https://api.brevo.com/v3"
)
PORTAL_NEWSLETTER_API_TIMEOUT = env.float("PORTAL_NEWSLETTER_API_TIMEOUT", default=5.0)
# Audience figures without cookies: "matomo" or "plausible" on the association's own server
# (off when empty). Matomo: the site id; Plausible: the site's domain.
PORTAL_AUDIENCE_TOOL = env.str("PORTAL_AUDIENCE_TOOL", default="")
PORTAL_AUDIENCE_URL = env.str("PORTAL_AUDIENCE_URL", default="")
PORTAL_AUDIENCE_SITE_ID = env.str("PORTAL_AUDIENCE_SITE_ID", default="")
