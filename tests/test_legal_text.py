"""Terms and withdrawal form: the Spanish (which governs) marked as such, English for English readers."""

from __future__ import annotations

import hashlib
import json

from care_portal.domain.terms import (
    TERMS_TEXT_EN,
    TERMS_TEXT_ES,
    WITHDRAWAL_FORM_EN,
    WITHDRAWAL_FORM_ES,
    terms_hash,
)
from care_portal.pages.plans.contract import _terms as plan_terms
from care_portal.pages.shop.checkout import _terms_section


def test_checkout_and_plan_form_mark_the_spanish_terms_and_offer_the_english_translation():
    checkout = str(_terms_section())
    plan = str(plan_terms())
    for rendered, ids in ((checkout, ("terms-text", "withdrawal-form")), (plan, ("plan-terms-text",))):
        for element_id in ids:
            assert f'id:"{element_id}",lang:"es"' in rendered
            assert f'id:"{element_id}-en",lang:"en"' in rendered
        assert "is_en" in rendered
    assert json.dumps(TERMS_TEXT_EN) in checkout
    assert json.dumps(WITHDRAWAL_FORM_EN) in checkout
    assert json.dumps(TERMS_TEXT_EN) in plan


def test_the_english_terms_say_what_the_spanish_ones_do_and_the_contract_stays_spanish():
    for spanish, english in (("14 días naturales", "14 calendar days"), ("48 horas", "48 hours")):
        assert spanish in TERMS_TEXT_ES
        assert english in TERMS_TEXT_EN
    assert "never a part" in TERMS_TEXT_EN
    assert "I withdraw from the contract" in WITHDRAWAL_FORM_EN
    assert "desisto del contrato" in WITHDRAWAL_FORM_ES
    contract = hashlib.sha256((TERMS_TEXT_ES + "\n" + WITHDRAWAL_FORM_ES).encode()).hexdigest()
    assert terms_hash() == contract  # the translation is not part of what the client accepts
