#!/usr/bin/env bash
# Upgrading keeps an existing site's content: a site built by an older version of the code
# (by default the commit before the apps were redrawn and models moved between them) is
# migrated by this version and must show every page as it did.
#
#   bash scripts/migration_check.sh [BASE_COMMIT]
#   MIGRATION_CHECK_DATABASE_URL=postgres://... bash scripts/migration_check.sh   # an EMPTY database
#
# The BASE commit's code (git archive, in a temporary directory) builds a site with the demo
# content, plus a partner submission and its stored e-mail (rows of the moved models), and
# renders every live page (scripts/render_pages.py); this checkout's code then migrates that
# database and renders the pages again. Statuses, titles and the fields editors wrote must be
# the same (the templates around them may have grown since), and the moved rows
# still linked as they were. Both run in this checkout's virtualenv.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE="${1:-${MIGRATION_CHECK_BASE:-4f3346af4ffdd6da443e157edd8aaca383f82fa6}}"
PYTHON="${PYTHON:-$PWD/.venv/bin/python}"
HERE="$PWD"
WORK="$(mktemp -d /tmp/migration-check.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

export DJANGO_SETTINGS_MODULE=portal.settings.dev
# SQLite in the temporary directory unless an empty database is named (PostgreSQL, say).
export DATABASE_URL="${MIGRATION_CHECK_DATABASE_URL:-sqlite:///$WORK/site.sqlite3}"
export MEDIA_ROOT="$WORK/media"
export PORTAL_PAGE_CACHE_SECONDS=0

# Packages the BASE code imports that this checkout no longer installs (search moved from
# snowballstemmer to PyStemmer), put beside it rather than into this checkout's virtualenv.
BASE_EXTRAS="${MIGRATION_CHECK_BASE_EXTRAS:-snowballstemmer>=2.2,<4}"

echo "Building a site with the code of ${BASE}..."
mkdir "$WORK/base"
git archive "$BASE" | tar -x -C "$WORK/base"
if [ -n "$BASE_EXTRAS" ]; then
  # shellcheck disable=SC2086 # a list of requirements
  "$PYTHON" -m pip install --quiet --disable-pip-version-check --target "$WORK/base-extras" $BASE_EXTRAS
fi
(
  cd "$WORK/base"
  export PYTHONPATH="$WORK/base-extras${PYTHONPATH:+:$PYTHONPATH}"
  "$PYTHON" scripts/compile_messages.py > /dev/null  # the catalogues are not committed compiled
  "$PYTHON" manage.py migrate --noinput --verbosity 0
  "$PYTHON" manage.py load_demo --no-admin --verbosity 0 > /dev/null
  # A submission with its stored e-mail: the e-mail's model moves to the outbox app.
  "$PYTHON" manage.py shell --verbosity 0 -c '
from submissions.models import OutgoingEmail, Submission
submission = Submission.objects.create(
    kind="organisation", title="Migration check", email="check@example.org", language="fr"
)
OutgoingEmail.objects.create(
    submission=submission, recipients=["check@example.org"], subject="Check", body="Body"
)'
  "$PYTHON" "$HERE/scripts/render_pages.py" > "$WORK/before.json"
)

echo "Migrating it with this checkout's code..."
"$PYTHON" scripts/compile_messages.py > /dev/null
"$PYTHON" manage.py migrate --noinput --verbosity 0
"$PYTHON" scripts/render_pages.py > "$WORK/after.json"
"$PYTHON" manage.py shell --verbosity 0 -c '
from django.contrib.auth.models import Group
from outbox.models import OutgoingEmail
from submissions.models import Submission

submission = Submission.objects.get(title="Migration check")
email = OutgoingEmail.objects.get(subject="Check")
assert email.about == submission, "the stored e-mail lost its submission"
assert list(submission.emails.all()) == [email], "the submission lost its e-mail"
moderators = Group.objects.get(name="Moderators")
assert moderators.permissions.filter(
    content_type__app_label="navigation", codename="change_mainmenu"
).exists(), "moderators lost their permission on the menu"
print("Moved rows: still linked as before.")'

"$PYTHON" - "$WORK/before.json" "$WORK/after.json" <<'EOF'
import json
import sys

before, after = (json.load(open(path)) for path in sys.argv[1:3])
problems = [f"missing after migrating: {url}" for url in sorted(set(before) - set(after))]
problems += [f"new after migrating: {url}" for url in sorted(set(after) - set(before))]
# What editors wrote must survive as it was; the templates around it may have grown since the
# BASE (new sections, new words), so the rendered text is not compared, only the status, the
# title and every field the page had before.
for url in sorted(set(before) & set(after)):
    old_fields, new_fields = before[url]["fields"], after[url]["fields"]
    for name in sorted(set(old_fields) - set(new_fields)):
        problems.append(f"{url}: the field {name} is gone")
    pairs = [(key, before[url][key], after[url][key]) for key in ("status", "title")]
    pairs += [
        (f"field {name}", old_fields[name], new_fields[name])
        for name in sorted(set(old_fields) & set(new_fields))
    ]
    for key, old, new in pairs:
        old, new = str(old), str(new)
        if old != new:
            at = next((i for i, pair in enumerate(zip(old, new)) if pair[0] != pair[1]), 0)
            start = max(0, at - 60)
            problems.append(
                f"{url}: the {key} changed\n  before: ...{old[start:at + 80]}"
                f"\n  after:  ...{new[start:at + 80]}"
            )
print(f"{len(before)} pages rendered before and after migrating.")
if problems:
    print("\n".join(problems))
    sys.exit(1)
print("Every page answers as before, with the same title and the fields editors wrote.")
EOF
