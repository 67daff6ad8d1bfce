"""The versioned terms a client accepts with each order, including the 48-hour rule.

The Spanish text is the contract (its hash is stored with each order); the English one is a
translation shown to English readers for information, beside the Spanish that governs.
"""

from __future__ import annotations

import hashlib

TERMS_VERSION = "2026-12"
TERMS_TEXT_ES = (
    "Condiciones de contratación (versión 2026-12). Los precios incluyen IVA. "
    "Derecho de desistimiento: como consumidor tienes 14 días naturales desde la contratación para "
    "desistir sin dar explicaciones (arts. 102 a 108 TRLGDCU), con el modelo de formulario de "
    "desistimiento de estas condiciones o cualquier declaración clara enviada a "
    "equipo@cuidadoencasa.example; te devolvemos lo pagado en 14 días por el mismo medio. Si pides "
    "expresamente que el servicio empiece dentro de esos 14 días y luego desistes, pagas solo la "
    "parte ya prestada (las visitas ya hechas). "
    "Cada visita se puede cambiar o cancelar sin coste hasta 48 horas antes de su inicio; "
    "cada cita muestra su hora límite. Cancelada a tiempo, se devuelve el importe completo con "
    "una factura rectificativa. Si pides cancelar después de esa hora límite, el equipo responde "
    "por correo con una de dos decisiones: devolución completa de esa visita (si puede reorganizar "
    "la agenda del gestor) o ninguna devolución; nunca una parte. Si la empresa cancela una visita "
    "o no puede prestarla, se devuelve siempre su importe completo."
)
WITHDRAWAL_FORM_ES = (
    "Modelo de formulario de desistimiento. A la atención de Cuidado en Casa S.L., Calle Mayor 1, "
    "28013 Madrid, equipo@cuidadoencasa.example: por la presente le comunico que desisto del "
    "contrato de prestación del siguiente servicio: [pedido], contratado el [fecha]. Nombre del "
    "consumidor; domicilio; firma (solo si se envía en papel); fecha."
)
TERMS_TEXT_EN = (
    "Terms of purchase (version 2026-12). Prices include VAT. "
    "Right of withdrawal: as a consumer you have 14 calendar days from the purchase to withdraw "
    "without giving reasons (arts. 102 to 108 TRLGDCU), using the model withdrawal form of these "
    "terms or any clear statement sent to equipo@cuidadoencasa.example; we refund what you paid "
    "within 14 days by the same means. If you expressly ask for the service to start within those "
    "14 days and then withdraw, you pay only the part already provided (the visits already made). "
    "Each visit can be changed or cancelled free of charge until 48 hours before it starts; each "
    "appointment shows its deadline. Cancelled in time, the full amount is refunded with a "
    "rectifying invoice. If you ask to cancel after that deadline, the team answers by e-mail with "
    "one of two decisions: a full refund of that visit (if it can rearrange the manager's diary) or "
    "no refund; never a part. If the company cancels a visit or cannot provide it, its full amount "
    "is always refunded."
)
WITHDRAWAL_FORM_EN = (
    "Model withdrawal form. To Cuidado en Casa S.L., Calle Mayor 1, 28013 Madrid, "
    "equipo@cuidadoencasa.example: I hereby give notice that I withdraw from the contract for the "
    "provision of the following service: [order], purchased on [date]. Name of the consumer; "
    "address; signature (only if sent on paper); date."
)


def terms_hash() -> str:
    """Return the SHA-256 of the terms text and withdrawal form stored with each order."""
    return hashlib.sha256((TERMS_TEXT_ES + "\n" + WITHDRAWAL_FORM_ES).encode()).hexdigest()
