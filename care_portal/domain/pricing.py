"""Cart arithmetic: prices include IVA; base and tax are derived per line, rounded half-up."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from care_portal.domain.errors import DomainError
from care_portal.domain.invoicing import VAT_RATES, split_gross

MAX_QUANTITY = 20
RATE_PERCENT = VAT_RATES


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
    visits_per_unit: int = 1

    @property
    def visits(self) -> int:
        """How many visits the line buys (a «bono de 4 visitas» × 2 is 8)."""
        return self.quantity * self.visits_per_unit


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
    visits_per_unit: int = 1


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
            PricedLine(
                service_id,
                entry.name,
                quantity,
                entry.price_cents,
                entry.vat_rate,
                gross,
                base,
                tax,
                entry.visits_per_unit,
            )
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
