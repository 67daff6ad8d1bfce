import pytest
from sqlmodel import select

from care_portal.cli.seed_catalog import seed_catalogue
from care_portal.domain.errors import PermissionDenied, ValidationFailed
from care_portal.models import Role
from care_portal.models.shop import CareService, OrderLine
from care_portal.services import accounts, catalog


def _data(**overrides):
    values = dict(
        slug="paseo-largo",
        name_es="Paseo largo",
        name_en="Long walk",
        description_es="Un paseo.",
        description_en="A walk.",
        includes_es="Paseo.",
        includes_en="Walk.",
        duration_minutes=120,
        visits_per_unit=1,
        price_cents=4000,
        vat_rate="10",
    )
    values.update(overrides)
    return catalog.ServiceInput(**values)


@pytest.fixture
def people(db):
    admin = accounts.sign_up(
        db, full_name="Admin", email="a@example.es", password="una frase segura", role=Role.ADMIN
    )
    client = accounts.sign_up(db, full_name="Cliente", email="c@example.es", password="una frase segura")
    db.commit()
    return admin, client


def test_the_shop_lists_active_services_in_order_and_language(db):
    seed_catalogue(db)
    db.commit()
    names = [s.name for s in catalog.list_services(db)]
    assert names[0] == "Visita de compañía"
    assert len(names) == 6
    assert catalog.list_services(db, lang="en")[0].name == "Companion visit"
    assert catalog.list_services(db)[0].price == "25,00\u00a0€"


def test_admins_create_edit_and_withdraw_services(db, people):
    admin, _ = people
    created = catalog.save_service(db, actor=admin, data=_data())
    db.commit()
    catalog.save_service(db, actor=admin, data=_data(price_cents=4500), service_id=created.id)
    catalog.set_service_active(db, actor=admin, service_id=created.id, active=False)
    db.commit()
    row = db.get(CareService, created.id)
    assert (row.price_cents, row.is_active) == (4500, False)
    assert catalog.list_services(db) == []
    assert [s.slug for s in catalog.list_all_services(db, actor=admin)] == ["paseo-largo"]


def test_clients_cannot_manage_the_catalogue(db, people):
    _, client = people
    with pytest.raises(PermissionDenied):
        catalog.save_service(db, actor=client, data=_data())
    with pytest.raises(PermissionDenied):
        catalog.list_all_services(db, actor=client)
    assert db.exec(select(CareService)).all() == []


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"slug": "con espacios"}, "slug"),
        ({"price_cents": 0}, "price"),
        ({"vat_rate": "7"}, "vat_rate"),
        ({"vat_rate": "exempt", "exempt_reason": ""}, "exempt_reason"),
        ({"duration_minutes": 5}, "duration_minutes"),
        ({"name_es": ""}, "name_es"),
    ],
)
def test_bad_service_data_is_refused_at_the_field(db, people, overrides, field):
    admin, _ = people
    with pytest.raises(ValidationFailed) as caught:
        catalog.save_service(db, actor=admin, data=_data(**overrides))
    assert field in caught.value.errors


def test_a_price_change_never_alters_past_order_lines():
    # Order lines copy name, price and rate at purchase time (see test_checkout for the flow).
    assert {"name", "unit_price_cents", "vat_rate"} <= set(OrderLine.model_fields)


def test_the_admin_form_is_read_exactly_and_filled_back(db, people):
    admin, client = people
    form = {
        **{f: v for f, v in vars(_data()).items() if isinstance(v, str)},
        "price": "1.234,56 €",
        "duration_minutes": "90",
        "visits_per_unit": "2",
        "position": "",
    }
    data = catalog.service_input_from_form(form)
    assert (data.price_cents, data.duration_minutes, data.visits_per_unit) == (123456, 90, 2)
    with pytest.raises(ValidationFailed):
        catalog.service_input_from_form({**form, "price": "mucho"})
    created = catalog.save_service(db, actor=admin, data=data)
    db.commit()
    assert catalog.service_form(db, actor=admin, service_id=created.id)["price"] == "1234,56"
    assert catalog.service_form(db, actor=admin, service_id=None)["vat_rate"] == "10"
    with pytest.raises(PermissionDenied):
        catalog.service_form(db, actor=client, service_id=created.id)


def test_admins_mark_which_services_can_be_contracted_as_plans(db, people):
    from care_portal.services import plans

    admin, client = people
    seed_catalogue(db)
    db.commit()
    assert [s.slug for s in plans.plannable_services(db)] == ["visita-compania", "recados-compras"]
    bono = db.exec(select(CareService).where(CareService.slug == "bono-cuatro-visitas")).one()
    with pytest.raises(PermissionDenied):
        catalog.set_service_plannable(db, actor=client, service_id=bono.id, plannable=True)
    catalog.set_service_plannable(db, actor=admin, service_id=bono.id, plannable=True)
    db.commit()
    assert "bono-cuatro-visitas" in [s.slug for s in plans.plannable_services(db)]
    shown = {s.slug: s.is_plannable for s in catalog.list_services(db)}
    assert shown["bono-cuatro-visitas"] is True
    assert shown["ayuda-tramites"] is False
