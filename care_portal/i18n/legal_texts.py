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
        "muestra su hora límite. Después, el equipo estudia cada caso.|"
        "Si no podemos prestar una visita, te devolvemos su importe completo.",
        "Prices include VAT. Payment is made when booking and the invoice is kept in your area.|"
        "You can change or cancel an appointment free of charge up to 48 hours before it starts; "
        "each appointment shows its deadline. After that, the team reviews each case.|"
        "If we cannot deliver a visit, we refund it in full.",
    ),
}
