import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The demo creates ~45 accounts and the shared factories a few more; PBKDF2 would cost seconds each test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
