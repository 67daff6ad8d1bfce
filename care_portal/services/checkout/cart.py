"""The basket: pricing it against the catalogue and dropping what can no longer be sold."""

from __future__ import annotations

from sqlmodel import Session

from care_portal.domain.pricing import MAX_QUANTITY, CartTotals, parse_cart, price_cart
from care_portal.services import catalog


def price_raw_cart(session: Session, *, raw_cart: dict, lang: str = "es") -> CartTotals:
    """Price what the browser keeps as its cart, from the catalogue.

    Raises:
        DomainError: Empty cart, bad quantity or a service no longer sold.
    """
    cart = parse_cart(raw_cart)
    return price_cart(cart, catalog.catalogue_entries(session, list(cart), lang=lang))


def drop_unsellable(session: Session, *, raw_cart: dict) -> dict[str, int]:
    """Return the cart without services no longer sold and without nonsense quantities."""
    sold = {service.id for service in catalog.list_services(session)}
    clean: dict[str, int] = {}
    for key, value in raw_cart.items():
        try:
            service_id, quantity = int(key), int(value)
        except (TypeError, ValueError):
            continue
        if service_id in sold and 1 <= quantity <= MAX_QUANTITY:
            clean[str(service_id)] = quantity
    return clean
