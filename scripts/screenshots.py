"""Screenshots of every public page kind at phone, tablet and desktop widths.

    python scripts/screenshots.py [--base-url URL] [--out var/screenshots] [--widths 320,768,1280]

Without --base-url the script serves the demo itself: a fresh SQLite database under the output
folder, migrated and filled by `load_demo`, and `runserver` on a free local port, stopped at the
end. With --base-url it photographs a server already running on the database Django is
configured with (DATABASE_URL), so the page list matches what the server shows.

CI runs it after the tests and keeps the PNGs as build artefacts (`<out>/<width>/<name>.png`).
"""

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Page kinds that are not Wagtail pages, or states of a page worth a look of their own.
EXTRA_PATHS = {
    "fr-programme-week": "/fr/programme/?when=this-week",
    "fr-programme-calendar": "/fr/programme/?view=calendar",
    "fr-404": "/fr/introuvable/",
}


def page_kinds():
    """(name, path) of one live page of each type in each language."""
    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    django.setup()
    from wagtail.models import Page

    kinds, seen = [], set()
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        language = page.locale.language_code
        key = (type(page).__name__, language)
        if key in seen or not page.url:
            continue
        seen.add(key)
        kinds.append(
            (f"{language}-{type(page).__name__.removesuffix('Page').lower() or 'page'}", page.url)
        )
        if type(page).__name__ == "SubmissionIndexPage":
            kinds.append((f"{language}-submission-form", page.url + "event/"))
        if type(page).__name__ == "RoomsIndexPage":
            kinds.append((f"{language}-room-request", page.url + "request/"))
    return kinds + list(EXTRA_PATHS.items())


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (a local URL we built)
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"The server at {url} did not answer within {seconds} s")


def serve_demo(out):
    """Migrate and fill a fresh SQLite database, start runserver on it; returns (url, process)."""
    database = out / "demo.sqlite3"
    database.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput"], ["load_demo", "--no-admin"]):
        subprocess.run([*manage, *command, "--verbosity", "0"], check=True)  # noqa: S603
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603 (our own manage.py)
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    _wait_for(url + "/fr/")
    return url, server


def shoot(base_url, kinds, out, widths):
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    count = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        # Map tiles come from the network, which CI does not have: answer them at once.
        for width in widths:
            folder = out / str(width)
            folder.mkdir(parents=True, exist_ok=True)
            context = browser.new_context(viewport={"width": width, "height": 800})
            context.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith(base_url)
                    else route.fulfill(status=204)
                ),
            )
            tab = context.new_page()
            for name, path in kinds:
                tab.goto(base_url + path, wait_until="load")
                tab.wait_for_timeout(150)  # maps and calendars settle
                tab.screenshot(path=str(folder / f"{name}.png"), full_page=True)
                count += 1
            context.close()
        browser.close()
    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--base-url", help="a running server (default: serve the demo)")
    parser.add_argument("--out", default=str(ROOT / "var" / "screenshots"))
    parser.add_argument("--widths", default="320,768,1280")
    parser.add_argument("--only", default="", help="comma-separated page names to keep")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    widths = [int(width) for width in args.widths.split(",")]
    server = None
    started = time.monotonic()
    try:
        base_url = args.base_url
        if not base_url:
            base_url, server = serve_demo(out)
        kinds = page_kinds()
        if args.only:
            wanted = set(args.only.split(","))
            kinds = [(name, path) for name, path in kinds if name in wanted]
        count = shoot(base_url.rstrip("/"), kinds, out, widths)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
    print(
        f"{count} screenshots of {len(kinds)} pages in {out} ({time.monotonic() - started:.0f} s)"
    )


if __name__ == "__main__":
    main()
