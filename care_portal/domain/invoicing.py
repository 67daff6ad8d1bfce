"""Invoice arithmetic: IVA-included prices split into base and tax, totals per rate.

Rounding rule (prices are sold IVA included, amounts are integer cents):

* The gross line total is ``quantity × unit_price_cents``: exactly what the client paid.
* The base is the gross divided by ``1 + rate``, rounded half-up (half away from zero)
  to the cent. When a base one cent away makes ``base + round_half_up(base × rate)``
  equal the gross while the first one does not, that base is taken instead, so that
  the printed tax is also the rate applied to the printed base whenever possible.
* The tax is always ``gross − base``: base + tax equals the gross exactly, and the
  invoice totals are plain sums of the lines, so they add up to the cent.
* Negative lines (rectifying invoices) are computed on the absolute value and negated,
  so a full refund mirrors the original invoice exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from care_portal.domain.errors import ValidationFailed

VAT_RATES: dict[str, int] = {"21": 21, "10": 10, "4": 4, "exempt": 0}
EXEMPT = "exempt"


@dataclass(frozen=True)
class Party:
    """Who issues or receives an invoice."""

    name: str
    nif: str
    address: str


@dataclass(frozen=True)
class LineInput:
    """One service as sold: the unit price includes IVA."""

    description: str
    quantity: int
    unit_price_cents: int
    vat_rate: str
    exempt_reason: str = ""


@dataclass(frozen=True)
class LineAmounts:
    """A line with its base, tax and IVA-included total (cents)."""

    description: str
    quantity: int
    unit_price_cents: int
    vat_rate: str
    exempt_reason: str
    base_cents: int
    tax_cents: int
    total_cents: int


@dataclass(frozen=True)
class RateTotal:
    """Base and tax of every line at one IVA rate."""

    vat_rate: str
    base_cents: int
    tax_cents: int


@dataclass(frozen=True)
class InvoiceAmounts:
    """The computed lines and totals of an invoice."""

    lines: tuple[LineAmounts, ...]
    per_rate: tuple[RateTotal, ...]
    base_cents: int
    tax_cents: int
    total_cents: int


def round_half_up(value: Fraction) -> int:
    """Round an exact fraction to the nearest integer, halves away from zero."""
    sign = -1 if value < 0 else 1
    magnitude = abs(value)
    whole = magnitude.numerator // magnitude.denominator
    if magnitude - whole >= Fraction(1, 2):
        whole += 1
    return sign * whole


def tax_on_base(base_cents: int, rate: int) -> int:
    """Return the IVA on a base, rounded half-up to the cent."""
    return round_half_up(Fraction(base_cents * rate, 100))


def split_gross(gross_cents: int, vat_rate: str) -> tuple[int, int]:
    """Split an IVA-included amount into (base, tax) with base + tax == gross.

    Args:
        gross_cents: Amount paid, IVA included (may be negative).
        vat_rate: ``"21"``, ``"10"``, ``"4"`` or ``"exempt"``.

    Returns:
        The base and the tax in cents (see the module's rounding rule).
    """
    rate = VAT_RATES[vat_rate]
    if rate == 0 or gross_cents == 0:
        return gross_cents, 0
    if gross_cents < 0:
        base, tax = split_gross(-gross_cents, vat_rate)
        return -base, -tax
    first = round_half_up(Fraction(gross_cents * 100, 100 + rate))
    for base in (first, first - 1, first + 1):
        if base + tax_on_base(base, rate) == gross_cents:
            return base, gross_cents - base
    return first, gross_cents - first


def line_problems(line: LineInput, *, negative: bool = False) -> dict[str, str]:
    """Return the field → message-key problems of one line (empty when fine)."""
    problems: dict[str, str] = {}
    if not line.description.strip():
        problems["description"] = "billing.error.description"
    if line.quantity <= 0:
        problems["quantity"] = "billing.error.quantity"
    if line.unit_price_cents < 0 or (line.unit_price_cents == 0 and not negative):
        problems["unit_price_cents"] = "billing.error.price"
    if line.vat_rate not in VAT_RATES:
        problems["vat_rate"] = "billing.error.vat_rate"
    elif line.vat_rate == EXEMPT and not line.exempt_reason.strip():
        problems["exempt_reason"] = "billing.error.exempt_reason"
    return problems


def compute_amounts(lines: list[LineInput], *, sign: int = 1) -> InvoiceAmounts:
    """Compute every line and the totals of an invoice.

    Args:
        lines: The services sold (unit prices IVA included, positive).
        sign: 1 for an invoice, -1 for a rectifying invoice (negative amounts).

    Returns:
        Lines with base and tax, totals per rate (in a fixed order) and grand totals.

    Raises:
        ValidationFailed: No lines, or a line breaks a rule.
    """
    if not lines:
        raise ValidationFailed({"lines": "billing.error.no_lines"})
    computed: list[LineAmounts] = []
    for line in lines:
        problems = line_problems(line)
        if problems:
            raise ValidationFailed(problems)
        gross = sign * line.quantity * line.unit_price_cents
        base, tax = split_gross(gross, line.vat_rate)
        computed.append(
            LineAmounts(
                description=line.description.strip(),
                quantity=line.quantity,
                unit_price_cents=sign * line.unit_price_cents,
                vat_rate=line.vat_rate,
                exempt_reason=line.exempt_reason.strip() if line.vat_rate == EXEMPT else "",
                base_cents=base,
                tax_cents=tax,
                total_cents=gross,
            )
        )
    per_rate = tuple(
        RateTotal(
            vat_rate=rate,
            base_cents=sum(x.base_cents for x in computed if x.vat_rate == rate),
            tax_cents=sum(x.tax_cents for x in computed if x.vat_rate == rate),
        )
        for rate in VAT_RATES
        if any(x.vat_rate == rate for x in computed)
    )
    return InvoiceAmounts(
        lines=tuple(computed),
        per_rate=per_rate,
        base_cents=sum(x.base_cents for x in computed),
        tax_cents=sum(x.tax_cents for x in computed),
        total_cents=sum(x.total_cents for x in computed),
    )


def invoice_number(series: str, year: int, sequence: int) -> str:
    """Return the printed number, e.g. ``F2026-000042``."""
    return f"{series}{year}-{sequence:06d}"


def rate_label(vat_rate: str) -> str:
    """Return how a rate is printed: ``"10 %"`` or ``"Exenta"``."""
    return "Exenta" if vat_rate == EXEMPT else f"{vat_rate} %"
