"""The recorder reuses the browser tests' served app, mail server and Chromium."""

from tests.e2e.conftest import app_url, browser, chromium, served_folder, smtp_server, world  # noqa: F401 - pytest fixtures
