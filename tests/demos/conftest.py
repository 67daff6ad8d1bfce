"""The recorder reuses the browser tests' served app and mail server, with a Chromium that speaks Spanish."""

import os

import pytest

from tests.chromium import CHROMIUM_ARGS, ChromiumKeeper
from tests.e2e.conftest import app_url, browser, served_folder, smtp_server, world  # noqa: F401 - pytest fixtures

SPANISH = {"LANG": "es_ES.UTF-8", "LANGUAGE": "es"}


@pytest.fixture(scope="session")
def chromium():
    """Chromium in Spanish: date and time fields read «04/12/2026» and «10:00», as on a Spanish phone.

    Needs the browser's translations (Debian's ``chromium-l10n``, installed by ``make demos``);
    the browser tests keep their own Chromium.
    """
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=20_000)
    with sync_playwright() as playwright:
        args = [*CHROMIUM_ARGS, "--lang=es-ES"]
        keeper = ChromiumKeeper(playwright, args=args, env={**os.environ, **SPANISH})
        yield keeper
        keeper.close()
