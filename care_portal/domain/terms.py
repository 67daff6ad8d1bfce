"""The versioned terms a client accepts with each order, including the 48-hour rule."""

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


def terms_hash() -> str:
    """Return the SHA-256 of the terms text and withdrawal form stored with each order."""
    return hashlib.sha256((TERMS_TEXT_ES + "\n" + WITHDRAWAL_FORM_ES).encode()).hexdigest()
