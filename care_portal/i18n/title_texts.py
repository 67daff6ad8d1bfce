"""The browser tab's title of each page, in English: by the parts of its Spanish title.

The page table (``care_portal.py``) names each page in Spanish, «Facturas · Cuidado en Casa»;
each part between « · » is translated here (the brand and «Admin» stay as they are).
"""

KEPT = ("Cuidado en Casa", "Admin")

TITLE_PARTS_EN: dict[str, str] = {
    "Invitación": "Invitation",
    "Familiar": "Family member",
    "Mensajes": "Messages",
    "Conversación": "Conversation",
    "Ayuda": "Help",
    "Privacidad": "Privacy",
    "Condiciones": "Terms",
    "Sin acceso": "No access",
    "Declaración responsable": "Responsible declaration",
    "Entrar": "Log in",
    "Regístrate": "Sign up",
    "Confirmar correo": "Confirm e-mail",
    "Recuperar contraseña": "Recover password",
    "Nueva contraseña": "New password",
    "Mi área": "My area",
    "Mis datos": "My data",
    "Facturas": "Invoices",
    "Selección": "Recruiting",
    "Ofertas de empleo": "Job offers",
    "Oferta de empleo": "Job offer",
    "Mi candidatura": "My application",
    "Mis candidaturas": "My applications",
    "Oferta": "Offer",
    "Candidatura": "Application",
    "Panel del gestor": "Manager's dashboard",
    "Tarea": "Task",
    "Mi semana": "My week",
    "Tareas": "Tasks",
    "Sugerencias": "Suggestions",
    "Cancelaciones": "Cancellations",
    "Administración": "Administration",
    "Servicios": "Services",
    "Carrito": "Cart",
    "Finalizar compra": "Checkout",
    "Pago simulado": "Simulated payment",
    "Pago": "Payment",
    "Pago no completado": "Payment not completed",
    "Mis pedidos": "My orders",
    "Desistir de un pedido": "Withdraw from an order",
    "Alta de familiar": "Add a family member",
    "Proyectos": "Projects",
    "Plan de cuidados": "Care plan",
    "Pago mensual simulado": "Simulated monthly payment",
    "Proyecto": "Project",
    "Beneficiarios": "Beneficiaries",
    "Gestores": "Managers",
    "Correo saliente": "Outgoing mail",
    "Facturas (administración)": "Invoices (administration)",
    "VeriFactu (AEAT)": "VeriFactu (AEAT)",
    "Pagos": "Payments",
    "Historia": "History",
    "Valoraciones": "Ratings",
    "Página no encontrada": "Page not found",
}


def english_title(spanish: str) -> str | None:
    """Return a page's English tab title, or None when a part of it has no translation."""
    parts = []
    for part in spanish.split(" · "):
        english = part if part in KEPT else TITLE_PARTS_EN.get(part)
        if english is None:
            return None
        parts.append(english)
    return " · ".join(parts)
