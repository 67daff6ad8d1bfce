"""Every page's browser tab title follows the reader's language."""

from __future__ import annotations

import json

import pytest

from care_portal.i18n.title_texts import english_title


@pytest.fixture(scope="module")
def app_module():
    from care_portal import care_portal

    return care_portal


def test_every_page_has_an_english_tab_title(app_module):
    missing = [title for _, _, title, _ in app_module.PAGES if english_title(title) is None]
    assert missing == []
    assert english_title("Facturas · Cuidado en Casa") == "Invoices · Cuidado en Casa"
    assert english_title("Oferta · Selección · Cuidado en Casa") == "Offer · Recruiting · Cuidado en Casa"


def test_the_served_tab_titles_switch_to_english(app_module):
    pages = app_module.app._unevaluated_pages
    for route, _, spanish, _ in app_module.pages_to_serve(app_module.SETTINGS):
        if english_title(spanish) == spanish:  # the brand alone reads the same in both
            continue
        rendered = str(pages[route.strip("/") or "index"].title)
        assert json.dumps(spanish) in rendered, route
        assert json.dumps(english_title(spanish)) in rendered, route
        assert "is_en" in rendered, route
