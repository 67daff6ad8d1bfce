"""Help entries listed after the first ones.

Care plans, the family circle and messages, reports and ratings, withdrawal
(desistimiento) and «Mis datos».
"""

from __future__ import annotations

from care_portal import routes
from care_portal.domain.help_model import HelpEntry, HelpStep, Place

SHOP = Place(routes.SHOP, "Ir a Servicios", "Go to Services")
PROJECTS = Place(routes.ACCOUNT_PROJECTS, "Ir a Proyectos", "Go to Projects")
TASKS = Place(routes.ACCOUNT_TASKS, "Ir a Tareas", "Go to Tasks")
MESSAGES = Place(routes.MESSAGES, "Ir a Mensajes", "Go to Messages")
WITHDRAWAL = Place(routes.ACCOUNT_WITHDRAWAL, "Ir a Desistir de un pedido", "Go to Withdraw from an order")
PROFILE = Place(routes.ACCOUNT_PROFILE, "Ir a Mis datos", "Go to My details")

PLANS = HelpEntry(
    "planes",
    "¿Cómo funciona un plan de cuidados mensual?",
    "How does a monthly care plan work?",
    (
        HelpStep(
            "start",
            "En «Servicios» o en el proyecto de tu familiar, pulsa «Contratar como plan mensual».",
            "In “Services” or on your relative's project, press “Contract as a monthly plan”.",
            SHOP,
        ),
        HelpStep(
            "days",
            "Elige los días de la semana, la hora de cada visita (hora de Madrid) y el día de inicio.",
            "Choose the weekdays, the time of each visit (Madrid time) and the start date.",
        ),
        HelpStep(
            "price",
            "Pagas una cuota fija al mes; cada mes pagado crea sus visitas, que verás en «Tareas».",
            "You pay a fixed monthly fee; each month paid creates its visits, which you see in “Tasks”.",
            TASKS,
        ),
        HelpStep(
            "change",
            "Puedes pausarlo, cambiar los días o terminarlo desde «Proyectos»: se aplica el mes siguiente.",
            "You can pause it, change the days or end it from “Projects”: it applies from the next month.",
            PROJECTS,
        ),
    ),
)

CIRCLE = HelpEntry(
    "familia",
    "¿Cómo invito a otros familiares y escribo al gestor?",
    "How do I invite other relatives and write to the manager?",
    (
        HelpStep(
            "invite",
            "En el proyecto de tu familiar, usa «Invitar a un familiar» y escribe su correo.",
            "On your relative's project, use “Invite a relative” and type their e-mail.",
            PROJECTS,
        ),
        HelpStep(
            "grants",
            "Tú decides si puede escribir al gestor o contratar servicios, y puedes quitarle el acceso.",
            "You decide whether they may write to the manager or buy services, and you can remove them.",
            PROJECTS,
        ),
        HelpStep(
            "accept",
            "Le llega un enlace de un solo uso: entra o se registra con ese mismo correo y acepta.",
            "They get a single-use link: they log in or sign up with that same e-mail and accept.",
        ),
        HelpStep(
            "see",
            "Verá las visitas y sus informes; nunca documentos, pedidos ni facturas.",
            "They see the visits and their reports; never documents, orders or invoices.",
        ),
        HelpStep(
            "messages",
            "En «Mensajes» hay una conversación por familiar con su gestor; puedes adjuntar un archivo.",
            "In “Messages” there is one conversation per relative with their manager; you can attach a file.",
            MESSAGES,
        ),
    ),
)

REPORTS = HelpEntry(
    "informes",
    "¿Dónde leo el informe de una visita y cómo la valoro?",
    "Where do I read a visit's report and how do I rate it?",
    (
        HelpStep(
            "report",
            "Tras cada visita, el gestor anota qué se hizo, el ánimo, las comidas y la medicación.",
            "After each visit, the manager notes what was done, the mood, the meals and the medication.",
        ),
        HelpStep(
            "read",
            "Lo lees en «Tareas» (con sus fotos, si el gestor hizo alguna) y puedes descargarlo en PDF.",
            "You read it in “Tasks” (with its photos, if the manager took any) and can download it as a PDF.",
            TASKS,
        ),
        HelpStep(
            "history",
            "En «Historia» de cada familiar ves todas sus visitas, informes y valoraciones.",
            "In each relative's “Timeline” you see all their visits, reports and ratings.",
            PROJECTS,
        ),
        HelpStep(
            "concern",
            "Si el gestor anota una preocupación importante, te avisamos por correo enseguida.",
            "If the manager notes a serious concern, we e-mail you straight away.",
        ),
        HelpStep(
            "rate",
            "Valora cada visita de 1 a 5. Si algo no fue bien, puedes pedir que te llamemos.",
            "Rate each visit from 1 to 5. If something went wrong, you can ask us to call you.",
            TASKS,
        ),
    ),
)

WITHDRAW = HelpEntry(
    "desistimiento",
    "¿Puedo desistir de un pedido?",
    "Can I withdraw from an order?",
    (
        HelpStep(
            "period",
            "Sí: tienes 14 días naturales desde la compra, sin dar explicaciones.",
            "Yes: you have 14 calendar days from the purchase, without giving reasons.",
        ),
        HelpStep(
            "where",
            "En «Desistir de un pedido» verás tus pedidos dentro del plazo y lo que te devolveríamos.",
            "In “Withdraw from an order” you see your orders within the period and what we would refund.",
            WITHDRAWAL,
        ),
        HelpStep(
            "refund",
            "Si no pediste empezar antes, te devolvemos todo; si lo pediste, pagas solo las visitas hechas.",
            "If you did not ask to start early, we refund it all; if you did, you pay only for visits done.",
        ),
        HelpStep(
            "receipt",
            "Las visitas pendientes se cancelan y te enviamos un acuse de recibo por correo.",
            "Pending visits are cancelled and we send you an acknowledgement by e-mail.",
        ),
    ),
)

MY_DATA = HelpEntry(
    "mis-datos",
    "¿Cómo descargo, corrijo o borro mis datos?",
    "How do I download, correct or delete my data?",
    (
        HelpStep(
            "profile",
            "En Mis datos cambias tu nombre, teléfono, idioma, contraseña y datos de facturación.",
            "In My details you change your name, phone, language, password and billing details.",
            PROFILE,
        ),
        HelpStep(
            "export",
            "Pulsa «Preparar mis datos» y, al rato, descarga un ZIP con todo lo que guardamos.",
            "Press “Prepare my data” and, after a while, download a ZIP with everything we keep.",
            PROFILE,
        ),
        HelpStep(
            "rights",
            "En «Ejercer mis derechos» nos pides lo que necesites; respondemos en menos de un mes.",
            "In “Exercise my rights” you ask us for what you need; we answer within a month.",
            PROFILE,
        ),
        HelpStep(
            "close",
            "«Cerrar mi cuenta» borra tus datos, salvo lo que la ley nos obliga a guardar.",
            "“Close my account” erases your data, except what the law obliges us to keep.",
            PROFILE,
        ),
    ),
)

TOPICS: tuple[HelpEntry, ...] = (PLANS, CIRCLE, REPORTS, WITHDRAW, MY_DATA)
