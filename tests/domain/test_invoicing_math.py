"""Base and tax from IVA-included prices: always exact to the cent, half-up per line."""

from fractions import Fraction

import pytest

from care_portal.domain.errors import ValidationFailed
from care_portal.domain.invoicing import (
    LineInput,
    compute_amounts,
    invoice_number,
    round_half_up,
    split_gross,
    tax_on_base,
)


def test_round_half_up_rounds_halves_away_from_zero():
    assert round_half_up(Fraction(5, 2)) == 3
    assert round_half_up(Fraction(-5, 2)) == -3
    assert round_half_up(Fraction(249, 100)) == 2
    assert round_half_up(Fraction(7, 1)) == 7


@pytest.mark.parametrize("rate", ["21", "10", "4"])
def test_every_gross_amount_splits_exactly_and_tax_is_within_a_cent_of_the_rate(rate):
    percent = int(rate)
    matches = 0
    for gross in range(1, 50_001):
        base, tax = split_gross(gross, rate)
        assert base + tax == gross
        assert abs(Fraction(base * percent, 100) - tax) <= 1
        matches += tax == tax_on_base(base, percent)
    # Some gross amounts have no such base (about 17 % at 21 %): then tax = gross - base.
    assert matches / 50_000 > 0.8


@pytest.mark.parametrize(
    ("gross", "rate", "expected"),
    [
        (1100, "10", (1000, 100)),
        (1999, "10", (1817, 182)),
        (12345, "21", (10202, 2143)),
        (1, "21", (1, 0)),
        (104, "4", (100, 4)),
        (999, "exempt", (999, 0)),
        (-1999, "10", (-1817, -182)),
    ],
)
def test_known_splits(gross, rate, expected):
    assert split_gross(gross, rate) == expected


def test_many_awkward_lines_add_up_exactly():
    prices = [1, 3, 7, 99, 101, 333, 1999, 2995, 3333, 4567, 9999, 12345, 66667]
    lines = [
        LineInput(f"Servicio {i}", quantity=1 + i % 4, unit_price_cents=price, vat_rate=rate)
        for i, price in enumerate(prices)
        for rate in ("10", "21", "4")
    ] + [LineInput("Curso", 3, 3333, "exempt", "Art. 20.Uno.9º LIVA")]
    amounts = compute_amounts(lines)
    paid = sum(line.quantity * line.unit_price_cents for line in lines)
    assert amounts.total_cents == paid
    assert amounts.base_cents + amounts.tax_cents == paid
    assert sum(r.base_cents for r in amounts.per_rate) == amounts.base_cents
    assert sum(r.tax_cents for r in amounts.per_rate) == amounts.tax_cents
    assert [r.vat_rate for r in amounts.per_rate] == ["21", "10", "4", "exempt"]
    for line in amounts.lines:
        assert line.base_cents + line.tax_cents == line.total_cents


def test_rectifying_amounts_mirror_the_invoice():
    lines = [LineInput("Visita", 3, 1999, "10"), LineInput("Recado", 1, 1234, "21")]
    invoice, refund = compute_amounts(lines), compute_amounts(lines, sign=-1)
    assert refund.total_cents == -invoice.total_cents
    assert refund.tax_cents == -invoice.tax_cents
    assert [x.base_cents for x in refund.lines] == [-x.base_cents for x in invoice.lines]


@pytest.mark.parametrize(
    ("line", "field"),
    [
        (LineInput("", 1, 100, "10"), "description"),
        (LineInput("Visita", 0, 100, "10"), "quantity"),
        (LineInput("Visita", 1, -5, "10"), "unit_price_cents"),
        (LineInput("Visita", 1, 100, "7"), "vat_rate"),
        (LineInput("Visita", 1, 100, "exempt"), "exempt_reason"),
    ],
)
def test_wrong_lines_are_refused_with_a_field_error(line, field):
    with pytest.raises(ValidationFailed) as caught:
        compute_amounts([line])
    assert field in caught.value.errors


def test_an_invoice_needs_lines_and_numbers_are_zero_padded():
    with pytest.raises(ValidationFailed):
        compute_amounts([])
    assert invoice_number("F", 2026, 42) == "F2026-000042"
