"""Production settings refuse an insecure key and pass Django's deployment checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DATABASE_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update({"DJANGO_SETTINGS_MODULE": "portal.settings.production", **env})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = _manage("check", SECRET_KEY="too-short")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_passes_check_deploy_with_no_warning():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="portal.example.org",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_machine_translation_is_wired_only_when_a_key_is_configured():
    script = (
        "from django.conf import settings; "
        "print(getattr(settings, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', {}).get('CLASS'))"
    )
    without = _manage("shell", "-c", script, DJANGO_SETTINGS_MODULE="portal.settings.dev")
    with_key = _manage(
        "shell", "-c", script, DJANGO_SETTINGS_MODULE="portal.settings.dev", DEEPL_API_KEY="k"
    )

    assert without.stdout.strip().endswith("None")
    assert with_key.stdout.strip().endswith("DeepLTranslator")


def test_two_databases_sharing_a_cache_never_share_keys(tmp_path):
    """A benchmark's database beside the site's, with the same cache directory: a Site or
    page cached from one must not be served from the other (it answered 500 there)."""

    def prefix(database, cache_url=None):
        env = {"SECRET_KEY": secrets.token_urlsafe(64), "DATABASE_URL": database}
        if cache_url:
            env["CACHE_URL"] = cache_url
        result = _manage(
            "shell",
            "-c",
            "from django.conf import settings; print(settings.CACHES['default']['KEY_PREFIX'])",
            **env,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip().splitlines()[-1]

    site = prefix(f"sqlite:///{tmp_path / 'site.sqlite3'}")
    assert site == prefix(f"sqlite:///{tmp_path / 'site.sqlite3'}")  # every process agrees
    assert site != prefix(f"sqlite:///{tmp_path / 'bench.sqlite3'}")
    assert site != prefix("postgres://portal:portal@db.example.org:5432/portal")
    shared = prefix(
        f"sqlite:///{tmp_path / 'site.sqlite3'}", "redis://127.0.0.1:6379/0?key_prefix=halles"
    )
    assert shared.startswith("halles-") and shared.endswith(site)
