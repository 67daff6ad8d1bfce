"""The Radix Themes stylesheets the app names exist in the package the frontend build installed."""

from __future__ import annotations

from pathlib import Path

import pytest

from care_portal.radix_plugin import STYLESHEETS

ROOT = Path(__file__).resolve().parents[2]


def test_each_stylesheet_exists_in_the_installed_package(app_url, viewport):
    """Runs in the browser pass, after the served app's build installed the frontend packages."""
    if viewport != "desktop":
        pytest.skip("the same files at both widths: checked once")
    package = ROOT / ".web" / "node_modules"
    missing = [sheet for sheet in STYLESHEETS if not (package / sheet).is_file()]
    assert missing == []
