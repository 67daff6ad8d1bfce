"""Migration 0011 numbers the tasks that existed before it: 1..n by id within each order line."""

from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlmodel import select

from care_portal.integrations.payments import SimulatedProvider
from care_portal.models.visits import Task
from care_portal.services import checkout
from tests.conftest import alembic_config
from tests.services.test_checkout import _order, _request, shop  # noqa: F401 - the fixture


def test_existing_pack_tasks_are_numbered_by_the_migration(db, shop):  # noqa: F811
    provider = SimulatedProvider(secret="s3cret", public_url="http://testserver")
    cart = {str(shop["services"]["bono-cuatro-visitas"]): 1, str(shop["services"]["recados-compras"]): 2}
    checkout.start_checkout(db, actor=shop["client"], request=_request(shop, cart=cart), provider=provider)
    db.commit()
    checkout.pay_simulated(
        db, actor=shop["client"], order_public_id=_order(db).public_id, provider=provider, paid=True
    )
    db.commit()
    before = [(t.order_line_id, t.sequence_number, t.sequence_total) for t in _tasks(db)]
    db.exec(text("UPDATE tasks SET sequence_number = NULL, sequence_total = NULL"))  # as before 0011
    migration = ScriptDirectory.from_config(alembic_config()).get_revision("0011_plans16").module
    db.exec(text(migration.NUMBER_EXISTING_TASKS))
    db.commit()
    after = [(t.order_line_id, t.sequence_number, t.sequence_total) for t in _tasks(db)]
    assert after == before
    assert sorted((n, m) for _, n, m in after) == [(1, 2), (1, 4), (2, 2), (2, 4), (3, 4), (4, 4)]


def _tasks(db):
    db.expire_all()
    return db.exec(select(Task).order_by(Task.id)).all()
