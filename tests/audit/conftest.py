from tests.web_console.conftest import _fast_passwords, dispose, login, submit  # noqa: F401 - fixtures
