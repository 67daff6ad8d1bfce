"""Recurring care plans and numbered visits («visita 2 de 4»)."""

PLANS: dict[str, tuple[str, str]] = {
    "series.visit_of": ("visita {number} de {total}", "visit {number} of {total}"),
}
