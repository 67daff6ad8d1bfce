"""The demo catalogue: six realistic home-care services (two can be contracted as monthly plans)."""

from __future__ import annotations

from sqlmodel import Session, select

from care_portal.models.shop import CareService

SERVICES = [
    dict(
        slug="visita-compania",
        plannable=True,
        position=1,
        price_cents=2500,
        duration_minutes=60,
        visits_per_unit=1,
        name_es="Visita de compañía",
        name_en="Companion visit",
        description_es="Una hora de conversación, paseo o lectura con tu familiar en su casa.",
        description_en="An hour of conversation, a walk or reading with your relative at home.",
        includes_es="Conversación, paseo cercano, ayuda con pequeñas tareas, informe de la visita.",
        includes_en="Conversation, a short walk, help with small tasks, a visit report.",
    ),
    dict(
        slug="acompanamiento-medico",
        position=2,
        price_cents=4500,
        duration_minutes=180,
        visits_per_unit=1,
        name_es="Acompañamiento al médico",
        name_en="Accompaniment to the doctor",
        description_es="Te acompañamos a la cita médica, de ida y vuelta, y te contamos qué dijo el médico.",
        description_en="We go with your relative to the medical appointment and back, and tell you what "
        "the doctor said.",
        includes_es="Recogida en casa, espera, vuelta a casa, resumen de la cita.",
        includes_en="Pick-up at home, waiting, return home, summary of the appointment.",
    ),
    dict(
        slug="recados-compras",
        plannable=True,
        position=3,
        price_cents=2200,
        duration_minutes=90,
        visits_per_unit=1,
        name_es="Recados y compras",
        name_en="Errands and shopping",
        description_es="Compra de alimentos, farmacia y pequeños recados, solos o acompañados.",
        description_en="Grocery and pharmacy shopping and small errands, alone or together.",
        includes_es="Lista de la compra, compra, colocación en casa, tickets guardados.",
        includes_en="Shopping list, shopping, putting things away, receipts kept.",
    ),
    dict(
        slug="ayuda-tramites",
        position=4,
        price_cents=3000,
        duration_minutes=90,
        visits_per_unit=1,
        name_es="Ayuda con trámites",
        name_en="Help with paperwork",
        description_es="Cartas, citas, recibos y gestiones con la administración, con paciencia.",
        description_en="Letters, appointments, bills and public-administration paperwork, with patience.",
        includes_es="Revisión de papeles, llamadas, cita previa, explicación clara de cada paso.",
        includes_en="Reviewing papers, phone calls, booking appointments, a clear explanation of each step.",
    ),
    dict(
        slug="revision-hogar",
        position=5,
        price_cents=3500,
        duration_minutes=60,
        visits_per_unit=1,
        name_es="Visita de revisión del hogar",
        name_en="Home check-up visit",
        description_es="Comprobamos que la casa es segura: luz, caídas, medicación visible, nevera.",
        description_en="We check the home is safe: lighting, fall risks, visible medication, the fridge.",
        includes_es="Lista de comprobación, pequeños arreglos, recomendaciones por escrito.",
        includes_en="Checklist, small fixes, written recommendations.",
    ),
    dict(
        slug="bono-cuatro-visitas",
        position=6,
        price_cents=9000,
        duration_minutes=60,
        visits_per_unit=4,
        name_es="Bono de 4 visitas de compañía",
        name_en="Pack of 4 companion visits",
        description_es="Cuatro visitas de una hora, ideales para una visita semanal durante un mes.",
        description_en="Four one-hour visits, ideal for one visit a week for a month.",
        includes_es="Cuatro visitas, mismo gestor, informe tras cada visita.",
        includes_en="Four visits, the same manager, a report after each visit.",
    ),
]


def seed_catalogue(session: Session) -> None:
    """Create the demo services that are missing (existing ones are left as they are)."""
    for data in SERVICES:
        if session.exec(select(CareService.id).where(CareService.slug == data["slug"])).first() is None:
            session.add(CareService(vat_rate="10", **data))
