"""The browser tab's title of each page, by the parts of its Spanish title.

The page table (``care_portal.py``) names each page in Spanish, «Facturas · Cuidado en Casa»;
each part between « · » is a ``title.*`` message here (the brand and «Admin» stay as they are).
"""

KEPT = ("Cuidado en Casa", "Admin")

TITLES: dict[str, tuple[str, str]] = {
    "title.invitacion": ("Invitación", "Invitation"),
    "title.familiar": ("Familiar", "Family member"),
    "title.mensajes": ("Mensajes", "Messages"),
    "title.conversacion": ("Conversación", "Conversation"),
    "title.ayuda": ("Ayuda", "Help"),
    "title.privacidad": ("Privacidad", "Privacy"),
    "title.condiciones": ("Condiciones", "Terms"),
    "title.sin_acceso": ("Sin acceso", "No access"),
    "title.declaracion_responsable": ("Declaración responsable", "Responsible declaration"),
    "title.entrar": ("Entrar", "Log in"),
    "title.registrate": ("Regístrate", "Sign up"),
    "title.confirmar_correo": ("Confirmar correo", "Confirm e-mail"),
    "title.recuperar_contrasena": ("Recuperar contraseña", "Recover password"),
    "title.nueva_contrasena": ("Nueva contraseña", "New password"),
    "title.mi_area": ("Mi área", "My area"),
    "title.mis_datos": ("Mis datos", "My data"),
    "title.facturas": ("Facturas", "Invoices"),
    "title.seleccion": ("Selección", "Recruiting"),
    "title.ofertas_de_empleo": ("Ofertas de empleo", "Job offers"),
    "title.oferta_de_empleo": ("Oferta de empleo", "Job offer"),
    "title.mi_candidatura": ("Mi candidatura", "My application"),
    "title.mis_candidaturas": ("Mis candidaturas", "My applications"),
    "title.oferta": ("Oferta", "Offer"),
    "title.candidatura": ("Candidatura", "Application"),
    "title.panel_del_gestor": ("Panel del gestor", "Manager's dashboard"),
    "title.tarea": ("Tarea", "Task"),
    "title.mi_semana": ("Mi semana", "My week"),
    "title.tareas": ("Tareas", "Tasks"),
    "title.sugerencias": ("Sugerencias", "Suggestions"),
    "title.cancelaciones": ("Cancelaciones", "Cancellations"),
    "title.administracion": ("Administración", "Administration"),
    "title.servicios": ("Servicios", "Services"),
    "title.carrito": ("Carrito", "Cart"),
    "title.finalizar_compra": ("Finalizar compra", "Checkout"),
    "title.pago_simulado": ("Pago simulado", "Simulated payment"),
    "title.pago": ("Pago", "Payment"),
    "title.pago_no_completado": ("Pago no completado", "Payment not completed"),
    "title.mis_pedidos": ("Mis pedidos", "My orders"),
    "title.desistir_de_un_pedido": ("Desistir de un pedido", "Withdraw from an order"),
    "title.alta_de_familiar": ("Alta de familiar", "Add a family member"),
    "title.proyectos": ("Proyectos", "Projects"),
    "title.plan_de_cuidados": ("Plan de cuidados", "Care plan"),
    "title.pago_mensual_simulado": ("Pago mensual simulado", "Simulated monthly payment"),
    "title.proyecto": ("Proyecto", "Project"),
    "title.beneficiarios": ("Beneficiarios", "Beneficiaries"),
    "title.gestores": ("Gestores", "Managers"),
    "title.correo_saliente": ("Correo saliente", "Outgoing mail"),
    "title.facturas_administracion": ("Facturas (administración)", "Invoices (administration)"),
    "title.verifactu_aeat": ("VeriFactu (AEAT)", "VeriFactu (AEAT)"),
    "title.pagos": ("Pagos", "Payments"),
    "title.historia": ("Historia", "History"),
    "title.valoraciones": ("Valoraciones", "Ratings"),
    "title.pagina_no_encontrada": ("Página no encontrada", "Page not found"),
}

_ENGLISH = dict(TITLES.values())


def english_title(spanish: str) -> str | None:
    """Return a page's English tab title, or None when a part of it has no translation."""
    parts = []
    for part in spanish.split(" · "):
        english = part if part in KEPT else _ENGLISH.get(part)
        if english is None:
            return None
        parts.append(english)
    return " · ".join(parts)
