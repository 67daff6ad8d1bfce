import pytest

from care_portal.domain.errors import DomainError
from care_portal.domain.pricing import CatalogueEntry, parse_cart, price_cart, split_gross

CATALOGUE = [
    CatalogueEntry(1, "Visita de compañía", 2500, "10", True),
    CatalogueEntry(2, "Gestiones", 3333, "21", True),
    CatalogueEntry(3, "Retirado", 1000, "10", False),
    CatalogueEntry(4, "Plaza concertada", 999, "4", True),
    CatalogueEntry(5, "Exento", 1500, "exempt", True),
    CatalogueEntry(6, "Bono de 4 visitas", 9000, "10", True, visits_per_unit=4),
]


@pytest.mark.parametrize("gross", [1, 2, 3, 99, 101, 999, 1099, 2500, 3333, 123456, 7, 11, 13])
@pytest.mark.parametrize("rate", ["21", "10", "4", "exempt"])
def test_base_plus_tax_is_always_what_was_paid(gross, rate):
    base, tax = split_gross(gross, rate)
    assert base + tax == gross
    assert tax >= 0


def test_split_rounds_half_up():
    assert split_gross(2500, "10") == (2273, 227)  # 22.7272… → 22,73
    assert split_gross(1100, "10") == (1000, 100)
    assert split_gross(121, "21") == (100, 21)
    assert split_gross(1500, "exempt") == (1500, 0)


def test_cart_is_priced_from_the_catalogue_with_iva_per_rate():
    totals = price_cart({1: 2, 2: 1, 5: 1}, CATALOGUE)
    assert totals.total_cents == 2 * 2500 + 3333 + 1500
    assert dict(totals.tax_by_rate) == {"10": 455, "21": 578, "exempt": 0}
    assert totals.base_cents + sum(t for _, t in totals.tax_by_rate) == totals.total_cents


def test_empty_cart_and_unavailable_services_are_refused():
    with pytest.raises(DomainError, match="shop.cart_empty"):
        price_cart({}, CATALOGUE)
    with pytest.raises(DomainError, match="shop.service_unavailable"):
        price_cart({3: 1}, CATALOGUE)
    with pytest.raises(DomainError, match="shop.service_unavailable"):
        price_cart({42: 1}, CATALOGUE)


@pytest.mark.parametrize(
    "raw", [{"1": 0}, {"1": -3}, {"1": 21}, {"1": "2.5"}, {"x": 1}, {"1": True}, {"1": None}]
)
def test_tampered_quantities_are_refused(raw):
    with pytest.raises(DomainError, match="shop.quantity_invalid"):
        parse_cart(raw)


def test_clean_cart_parses():
    assert parse_cart({"1": 2, "2": "3"}) == {1: 2, 2: 3}


def test_each_line_says_how_many_visits_it_buys():
    totals = price_cart({1: 2, 6: 3}, CATALOGUE)
    by_id = {line.service_id: line for line in totals.lines}
    assert by_id[1].visits == 2  # two single visits
    assert by_id[6].visits == 12  # three packs of four
