"""The versioned terms a client accepts with each order, including the 48-hour rule."""

from __future__ import annotations

import hashlib

TERMS_VERSION = "2026-11"
TERMS_TEXT_ES = (
    "Condiciones de contratación (versión 2026-11). Los precios incluyen IVA. "
    "Cada visita se puede cambiar o cancelar sin coste hasta 48 horas antes de su inicio; "
    "cada cita muestra su hora límite. Cancelada a tiempo, se devuelve el importe completo con "
    "una factura rectificativa. Pasado ese plazo, el equipo estudia cada caso y puede no haber "
    "devolución. Si no podemos prestar una visita, se devuelve siempre su importe completo."
)


def terms_hash() -> str:
    """Return the SHA-256 of the terms text stored with each order."""
    return hashlib.sha256(TERMS_TEXT_ES.encode()).hexdigest()
