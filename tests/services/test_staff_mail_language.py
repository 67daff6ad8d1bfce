"""E-mails to a manager are written in the manager's language; the team's mailbox keeps Spanish."""

from __future__ import annotations

from sqlmodel import select

from care_portal.cli.seed_catalog import seed_catalogue
from care_portal.i18n import tr
from care_portal.models import OutboxMessage
from care_portal.services import accounts, client_tasks
from tests.factories import make_beneficiary, make_manager
from tests.services.visit_helpers import PROVIDER, buy

MANAGER = "george@example.es"
TEAM_SUBJECT = "Cambio de visita pedido por María López"


def _mails_to(db, address: str) -> list[OutboxMessage]:
    return db.exec(select(OutboxMessage).where(OutboxMessage.to_address == address)).all()


def test_an_english_speaking_manager_gets_new_visits_and_suggestions_in_english(db):
    seed_catalogue(db)
    manager = make_manager(db, email=MANAGER, areas=["28013"], name="George Manager")
    manager.language = "en"
    client = accounts.sign_up(
        db, full_name="María López", email="maria@example.es", password="una frase segura"
    )
    db.commit()
    beneficiary = make_beneficiary(db, client, name="Carmen López", postal_code="28013")
    db.commit()
    tasks = buy(db, client, beneficiary, {"visita-compania": 1}, "attempt-1")

    [new_visits] = _mails_to(db, MANAGER)
    assert new_visits.subject == tr("mail.new_tasks.subject", "en", beneficiary="Carmen López")
    assert new_visits.subject != tr("mail.new_tasks.subject", "es", beneficiary="Carmen López")

    client_tasks.submit_suggestion(
        db,
        actor=client,
        message="¿Podría venir por la tarde?",
        kind="change",
        task_id=tasks[0],
        provider=PROVIDER,
    )
    db.commit()
    suggestion = _mails_to(db, MANAGER)[-1]
    assert suggestion.subject == "Visit change asked by María López"
    assert "¿Podría venir por la tarde?" in suggestion.body_text
    team = [m for m in db.exec(select(OutboxMessage)).all() if m.subject == TEAM_SUBJECT]
    assert len(team) == 1  # the team's copy stays in Spanish
