"""Admin logins are throttled per account and address, without locking staff out elsewhere."""

import pytest
from django.test import override_settings


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("camille", "c@example.org", "right-pass-123")


def _login(client, password, ip):
    return client.post(
        "/admin/login/",
        {"username": "camille", "password": password},
        REMOTE_ADDR=ip,
    )


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_repeated_failures_lock_the_account_from_that_address_only(client, staff, site_tree):
    for _ in range(2):
        assert _login(client, "wrong", "203.0.113.9").status_code == 200  # form again
    assert _login(client, "wrong", "203.0.113.9").status_code == 429  # third strike

    locked = _login(client, "right-pass-123", "203.0.113.9")
    assert locked.status_code == 429  # even the right password, from that address
    assert "Too many attempts" in locked.text or "Trop de tentatives" in locked.text

    elsewhere = _login(client, "right-pass-123", "198.51.100.7")
    assert elsewhere.status_code == 302  # the real user, from their own address, gets in


def test_password_validators_refuse_weak_passwords():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("halles123")
