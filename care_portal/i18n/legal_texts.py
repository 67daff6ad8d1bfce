"""Privacy notice and terms, short and plain."""

LEGAL: dict[str, tuple[str, str]] = {
    "privacy.title": ("Política de privacidad", "Privacy policy"),
    "privacy.body": (
        "Responsable: Cuidado en Casa S.L. Tratamos tus datos y los de tus familiares para prestar "
        "los servicios de cuidado que contratas, facturarlos y cumplir nuestras obligaciones legales. "
        "Los datos de salud de la persona atendida solo se tratan con su consentimiento expreso, "
        "que puede retirarse en cualquier momento desde tu área.|"
        "Solo acceden a ellos las personas que los necesitan: tú, el gestor asignado y el equipo "
        "de administración. Cada consulta de documentos queda registrada.|"
        "Puedes pedir acceso, copia, rectificación, supresión, limitación u oposición escribiendo a "
        "equipo@cuidadoencasa.example. Las facturas se conservan seis años por obligación legal. "
        "Puedes reclamar ante la Agencia Española de Protección de Datos.",
        "Controller: Cuidado en Casa S.L. We process your data and your relatives' data to provide "
        "the care services you book, invoice them and meet our legal duties. Health data of the "
        "person cared for is processed only with their explicit consent, which can be withdrawn at "
        "any time from your area.|"
        "Only the people who need it have access: you, the assigned manager and the administration "
        "team. Every view of a document is logged.|"
        "You can ask for access, a copy, correction, erasure, restriction or objection by writing to "
        "equipo@cuidadoencasa.example. Invoices are kept for six years by law. You can complain to "
        "the Spanish Data Protection Agency.",
    ),
    "terms.title": ("Condiciones del servicio", "Terms of service"),
    "terms.body": (
        "Los precios incluyen IVA. El pago se hace al contratar y la factura queda en tu área.|"
        "Puedes cambiar o cancelar una cita sin coste hasta 48 horas antes de su inicio; cada cita "
        "muestra su hora límite. Si pides cancelar después, el equipo te responde por correo con una de "
        "dos decisiones: devolución completa de esa visita (si puede reorganizar la agenda) o ninguna "
        "devolución; nunca una parte.|"
        "Si la empresa cancela una visita o no puede prestarla, te devolvemos siempre su importe completo.|"
        "Desistimiento: tienes 14 días naturales desde la contratación para desistir sin dar "
        "explicaciones, escribiendo a equipo@cuidadoencasa.example o con este modelo: «A la atención de "
        "Cuidado en Casa S.L., Calle Mayor 1, 28013 Madrid: le comunico que desisto del contrato del "
        "servicio [pedido], contratado el [fecha]. Nombre, domicilio, fecha». Te devolvemos lo pagado "
        "en 14 días. Si pediste que el servicio empezara dentro de esos 14 días, pagas solo las visitas "
        "ya hechas.",
        "Prices include VAT. Payment is made when booking and the invoice is kept in your area.|"
        "You can change or cancel an appointment free of charge up to 48 hours before it starts; "
        "each appointment shows its deadline. If you ask to cancel later, the team answers by e-mail "
        "with one of two decisions: a full refund of that visit (if it can rearrange the schedule) or "
        "no refund; never a part.|"
        "If the company cancels a visit or cannot deliver it, we always refund it in full.|"
        "Withdrawal: you have 14 calendar days from the purchase to withdraw without giving reasons, by "
        "writing to equipo@cuidadoencasa.example or with this model: “To Cuidado en Casa S.L., Calle "
        "Mayor 1, 28013 Madrid: I hereby give notice that I withdraw from the contract for the service "
        "[order], bought on [date]. Name, address, date”. We refund what you paid within 14 days. If "
        "you asked for the service to start within those 14 days, you pay only the visits already done.",
    ),
    "legal.spanish_governs": (
        "Abajo, el texto en español, que es el que vale.",
        "Translation for your information: the Spanish text below is the one that governs.",
    ),
}
