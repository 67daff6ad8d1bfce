"""Cart arithmetic: prices include IVA; base and tax are derived per line, rounded half-up."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from care_portal.domain.errors import DomainError

MAX_QUANTITY = 20
RATE_PERCENT = {"21": 21, "10": 10, "4": 4, "exempt": 0}


@dataclass(frozen=True)
class PricedLine:
    """A cart line priced from the catalogue."""

    service_id: int
    name: str
    quantity: int
    unit_price_cents: int
    vat_rate: str
    gross_cents: int
    base_cents: int
    tax_cents: int


@dataclass(frozen=True)
class CartTotals:
    """Lines, IVA per rate and the total, all in cents."""

    lines: tuple[PricedLine, ...]
    base_cents: int
    tax_by_rate: tuple[tuple[str, int], ...]
    total_cents: int


@dataclass(frozen=True)
class CatalogueEntry:
    """What pricing needs to know about a service."""

    id: int
    name: str
    price_cents: int
    vat_rate: str
    is_active: bool


def split_gross(gross_cents: int, vat_rate: str) -> tuple[int, int]:
    """Split an IVA-included amount into base and tax.

    The base is rounded half-up to the cent; the tax is the rest, so that
    base + tax always equals the amount paid.

    Args:
        gross_cents: Amount including IVA.
        vat_rate: ``"21"``, ``"10"``, ``"4"`` or ``"exempt"``.

    Returns:
        ``(base_cents, tax_cents)``.
    """
    percent = RATE_PERCENT[vat_rate]
    base = (Decimal(gross_cents) * 100 / (100 + percent)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(base), gross_cents - int(base)


def parse_cart(raw: Mapping[str, object]) -> dict[int, int]:
    """Turn what the browser kept into ``{service_id: quantity}``, refusing nonsense.

    Args:
        raw: Service ids (as text) to quantities, as stored in the browser.

    Returns:
        Clean ids and quantities.

    Raises:
        DomainError: ``shop.quantity_invalid`` for a quantity that is not 1–20.
    """
    cart: dict[int, int] = {}
    for key, value in raw.items():
        try:
            service_id, quantity = int(key), int(value)
        except (TypeError, ValueError):
            raise DomainError("shop.quantity_invalid") from None
        if (
            isinstance(value, bool)
            or not 1 <= quantity <= MAX_QUANTITY
            or str(quantity) != str(value).strip()
        ):
            raise DomainError("shop.quantity_invalid")
        cart[service_id] = quantity
    return cart


def price_cart(cart: Mapping[int, int], catalogue: Iterable[CatalogueEntry]) -> CartTotals:
    """Price a cart from the catalogue (never from what the browser says a thing costs).

    Args:
        cart: Service id to quantity.
        catalogue: The services those ids refer to.

    Returns:
        The priced lines and totals.

    Raises:
        DomainError: ``shop.cart_empty`` or ``shop.service_unavailable``.
    """
    if not cart:
        raise DomainError("shop.cart_empty")
    by_id = {entry.id: entry for entry in catalogue}
    lines = []
    for service_id, quantity in cart.items():
        entry = by_id.get(service_id)
        if entry is None or not entry.is_active:
            raise DomainError("shop.service_unavailable")
        gross = entry.price_cents * quantity
        base, tax = split_gross(gross, entry.vat_rate)
        lines.append(
            PricedLine(service_id, entry.name, quantity, entry.price_cents, entry.vat_rate, gross, base, tax)
        )
    taxes: dict[str, int] = {}
    for line in lines:
        taxes[line.vat_rate] = taxes.get(line.vat_rate, 0) + line.tax_cents
    return CartTotals(
        lines=tuple(lines),
        base_cents=sum(line.base_cents for line in lines),
        tax_by_rate=tuple(sorted(taxes.items())),
        total_cents=sum(line.gross_cents for line in lines),
    )
