"""Shop, cart, checkout and payment messages."""

SHOP: dict[str, tuple[str, str]] = {
    "nav.shop": ("Servicios", "Services"),
    "shop.title": ("Servicios de cuidado a domicilio", "Home-care services"),
    "shop.lead": (
        "Precios con IVA incluido. Puedes contratar varios servicios a la vez.",
        "Prices include VAT. You can book several services at once.",
    ),
    "shop.add": ("Añadir al carrito", "Add to cart"),
    "shop.added": ("Añadido al carrito.", "Added to the cart."),
    "shop.includes": ("Qué incluye", "What is included"),
    "shop.duration": ("Duración: {minutes} min", "Duration: {minutes} min"),
    "shop.visits": ("{visits} visitas", "{visits} visits"),
    "shop.line.one_visit": ("1 visita", "1 visit"),
    "shop.line.visits": ("visitas", "visits"),
    "shop.vat_note": ("IVA incluido", "VAT included"),
    "shop.cart": ("Carrito", "Cart"),
    "shop.cart.title": ("Tu carrito", "Your cart"),
    "shop.cart.empty": ("Tu carrito está vacío.", "Your cart is empty."),
    "shop.cart.see_services": ("Ver servicios", "See services"),
    "shop.cart.quantity": ("Cantidad", "Quantity"),
    "shop.cart.remove": ("Quitar", "Remove"),
    "shop.cart.base": ("Base imponible", "Tax base"),
    "shop.cart.vat": ("IVA {rate} %", "VAT {rate} %"),
    "shop.cart.vat_exempt": ("Exento de IVA", "VAT exempt"),
    "shop.cart.total": ("Total", "Total"),
    "shop.cart.continue": ("Continuar con la compra", "Continue to checkout"),
    "shop.checkout.title": ("Finalizar la compra", "Checkout"),
    "shop.checkout.login_needed": (
        "Para comprar necesitas una cuenta. Tu carrito se guarda mientras entras o te registras.",
        "You need an account to buy. Your cart is kept while you log in or sign up.",
    ),
    "shop.checkout.beneficiary": ("¿Para quién es el servicio?", "Who is the service for?"),
    "shop.checkout.no_beneficiary": (
        "Antes de la primera compra tienes que dar de alta a tu familiar.",
        "Before the first purchase you need to register your relative.",
    ),
    "shop.checkout.register_beneficiary": ("Dar de alta a un familiar", "Register a relative"),
    "shop.checkout.observations": ("Observaciones para la visita", "Notes for the visit"),
    "shop.checkout.observations_hint": (
        "Lo que quieras que sepa el gestor: horarios, llaves, aficiones, cuidados…",
        "Anything the manager should know: times, keys, hobbies, care needs…",
    ),
    "shop.checkout.preferred": ("Fechas y horas preferidas", "Preferred dates and times"),
    "shop.checkout.preferred_hint": (
        "Por ejemplo: martes y jueves por la mañana. El gestor acordará la cita.",
        "For example: Tuesday and Thursday mornings. The manager will agree the appointment.",
    ),
    "shop.checkout.billing": ("Datos de facturación", "Billing details"),
    "shop.checkout.billing_saved": (
        "Usaremos tus datos de facturación guardados: {name}, {nif}. Puedes cambiarlos en «Mis datos».",
        "We will use your saved billing details: {name}, {nif}. You can change them in “My details”.",
    ),
    "shop.checkout.billing_first": (
        "Es tu primera compra: necesitamos tus datos para la factura. Se guardarán para la próxima vez.",
        "This is your first purchase: we need your details for the invoice. They are saved for next time.",
    ),
    "shop.checkout.terms": ("Condiciones", "Terms"),
    "shop.checkout.accept": (
        "He leído y acepto las condiciones, incluida la regla de las 48 horas para cambiar o cancelar "
        "y el derecho de desistimiento de 14 días.",
        "I have read and accept the terms, including the 48-hour rule to change or cancel and the "
        "14-day right of withdrawal.",
    ),
    "shop.checkout.pay": ("Pagar {total}", "Pay {total}"),
    "shop.checkout.pay_plain": ("Pagar", "Pay"),
    "shop.checkout.paying": ("Abriendo el pago…", "Opening the payment…"),
    "billing.nif": ("NIF / NIE / CIF", "Tax ID (NIF / NIE / CIF)"),
    "billing.name": ("Nombre o razón social", "Name or company name"),
    "billing.address": ("Dirección de facturación", "Billing address"),
    "billing.postal_code": ("Código postal", "Postal code"),
    "billing.town": ("Población", "Town"),
    "billing.phone": ("Teléfono de facturación", "Billing phone"),
    "billing.nif_invalid": (
        "NIF, NIE o CIF no válido. Revisa los números y la letra, p. ej. 12345678Z.",
        "Invalid tax ID. Check the digits and the letter, e.g. 12345678Z.",
    ),
    "billing.name_required": ("Escribe el nombre para la factura.", "Type the name for the invoice."),
    "billing.address_required": ("Escribe la dirección de facturación.", "Type the billing address."),
    "billing.town_required": ("Escribe la población.", "Type the town."),
    "field.postal_code_invalid": (
        "Código postal no válido: son 5 cifras, p. ej. 28013.",
        "Invalid postal code: 5 digits, e.g. 28013.",
    ),
    "shop.cart_empty": ("Tu carrito está vacío.", "Your cart is empty."),
    "shop.quantity_invalid": ("La cantidad debe ser de 1 a 20.", "The quantity must be 1 to 20."),
    "shop.service_unavailable": (
        "Uno de los servicios ya no está disponible. Revisa tu carrito.",
        "One of the services is no longer available. Check your cart.",
    ),
    "shop.beneficiary_required": (
        "Elige el familiar que recibirá el servicio.",
        "Choose the relative who will receive the service.",
    ),
    "shop.terms_required": (
        "Tienes que aceptar las condiciones para continuar.",
        "You must accept the terms to continue.",
    ),
    "shop.observations_too_long": ("Las observaciones son demasiado largas.", "The notes are too long."),
    "shop.payment_unavailable": (
        "No hemos podido abrir el pago. No se ha cobrado nada; inténtalo de nuevo en unos minutos.",
        "We could not open the payment. Nothing was charged; please try again in a few minutes.",
    ),
    "shop.order_already_paid": ("Este pedido ya está pagado.", "This order is already paid."),
    "pay.sim.title": ("Pago simulado", "Simulated payment"),
    "pay.sim.warning": (
        "Entorno de pruebas: no se cobra nada. Este paso sustituye a la pasarela de pago real.",
        "Test environment: nothing is charged. This step stands in for the real payment gateway.",
    ),
    "pay.sim.pay": ("Simular pago correcto", "Simulate a successful payment"),
    "pay.sim.cancel": ("Cancelar el pago", "Cancel the payment"),
    "pay.sim.amount": ("Importe", "Amount"),
    "pay.ok.title": ("Gracias por tu compra", "Thank you for your purchase"),
    "pay.ok.processing": (
        "Pago en proceso… Estamos esperando la confirmación del banco. Esta página se actualiza sola.",
        "Payment in progress… We are waiting for the bank's confirmation. This page updates itself.",
    ),
    "pay.ok.paid": (
        "Pago confirmado. El gestor se pondrá en contacto con tu familiar para acordar la cita.",
        "Payment confirmed. The manager will contact your relative to agree the appointment.",
    ),
    "pay.ok.see_orders": ("Ver mis pedidos y tareas", "See my orders and tasks"),
    "pay.cancel.title": ("El pago no se ha completado", "The payment was not completed"),
    "pay.cancel.text": (
        "No se ha cobrado nada. Tu carrito sigue guardado para cuando quieras intentarlo de nuevo.",
        "Nothing was charged. Your cart is kept for when you want to try again.",
    ),
    "pay.cancel.back": ("Volver al carrito", "Back to the cart"),
    "pay.done.paid": (
        "Este pedido ya está pagado: no hay nada más que pagar.",
        "This order is already paid: there is nothing more to pay.",
    ),
    "pay.done.cancelled": (
        "Este pago ya no está abierto (se canceló o caducó) y no se ha cobrado. Tu carrito sigue guardado.",
        "This payment is no longer open (it was cancelled or expired) and nothing was charged."
        " Your cart is kept.",
    ),
    "pay.done.failed": (
        "El pago de este pedido no se completó y no se ha cobrado. Tu carrito sigue guardado.",
        "This order's payment did not go through and nothing was charged. Your cart is kept.",
    ),
    "pay.done.review": (
        "Hemos recibido un pago para este pedido y lo estamos revisando. Te escribiremos.",
        "We received a payment for this order and are reviewing it. We will write to you.",
    ),
    "pay.done.see_order": ("Ver el pedido en Mis pedidos", "See the order in My orders"),
    "shop.checkout.to_shop": ("Ver los servicios", "See the services"),
    "orders.title": ("Mis pedidos", "My orders"),
    "orders.empty": ("Todavía no has hecho ningún pedido.", "You have not placed any order yet."),
    "orders.for": ("Para {name}", "For {name}"),
    "orders.status.pending_payment": ("Pendiente de pago", "Awaiting payment"),
    "orders.status.paid": ("Pagado", "Paid"),
    "orders.status.cancelled": ("Cancelado", "Cancelled"),
    "orders.status.payment_failed": ("El pago no se completó", "Payment did not go through"),
    "orders.status.expired": ("Caducado sin pagar", "Expired unpaid"),
    "orders.status.needs_review": ("Pago en revisión", "Payment under review"),
    "orders.tasks": ("Visitas", "Visits"),
    "task.state.pending_appointment": ("Pendiente de cita", "Awaiting appointment"),
    "task.state.scheduled": ("Cita acordada", "Appointment agreed"),
    "task.state.in_progress": ("En curso", "In progress"),
    "task.state.done": ("Realizada", "Done"),
    "task.state.cancelled": ("Cancelada", "Cancelled"),
    "mail.visit_code": ("clave de la visita", "visit code"),
    "mail.order_paid.subject": ("Pedido confirmado · Cuidado en Casa", "Order confirmed · Cuidado en Casa"),
    "mail.order_paid.body": (
        "Hola, {name}:\n\nHemos recibido tu pago de {total} ({date}). "
        "Servicios para {beneficiary}:\n\n{tasks}\n\n"
        "El gestor se pondrá en contacto con {beneficiary} para acordar cada cita y le dirá la clave de la "
        "visita: así sabrá que quien llama a la puerta es de verdad su gestor.\n\n"
        "La factura está en tu área, en «Facturas». "
        "Puedes cambiar o cancelar una cita sin coste hasta 48 horas antes.\n\n"
        "Tienes 14 días naturales desde hoy para desistir del contrato sin dar explicaciones: escríbenos "
        "a equipo@cuidadoencasa.example, usa el modelo de formulario de desistimiento de las "
        "condiciones (apartado «Desistimiento») o entra en tu área, «Desistir de un pedido». "
        "Si la visita se hace dentro de esos 14 días porque así "
        "lo pides, al desistir pagas solo las visitas ya hechas.\n\nEl equipo de Cuidado en Casa",
        "Hello {name},\n\nWe have received your payment of {total} ({date}). Services for {beneficiary}:\n\n"
        "{tasks}\n\nThe manager will contact {beneficiary} to agree each appointment and will tell them the "
        "visit code, so they know the person at the door really is their manager.\n\n"
        "The invoice is in your area, under “Invoices”. "
        "You can change or cancel an appointment free of charge up to 48 hours before.\n\n"
        "You have 14 calendar days from today to withdraw from the contract without giving reasons: "
        "write to equipo@cuidadoencasa.example, use the model withdrawal form in the terms "
        "(“Withdrawal”) or go to your area, “Withdraw from an order”. "
        "If a visit takes place within those 14 days because you asked for it, on "
        "withdrawal you pay only the visits already done.\n\n"
        "The Cuidado en Casa team",
    ),
    "mail.new_tasks.subject": ("Nuevas visitas para {beneficiary}", "New visits for {beneficiary}"),
    "mail.unassigned_tasks.subject": (
        "Visitas sin gestor asignado: {beneficiary}",
        "Visits with no manager: {beneficiary}",
    ),
    "mail.new_tasks.body": (
        "Se han contratado visitas para {beneficiary}:\n\n{tasks}\n\n"
        "Observaciones del cliente: {observations}\n"
        "Fechas preferidas: {preferred}\n\n"
        "Contacta con el beneficiario, dale la clave de la visita y acordad la cita. "
        "Lo tienes todo en tu panel de gestor.",
        "Visits have been booked for {beneficiary}:\n\n{tasks}\n\nClient's notes: {observations}\n"
        "Preferred dates: {preferred}\n\nContact the beneficiary, give them the visit code and agree the "
        "appointment. Everything is on your manager dashboard.",
    ),
    "catalog.slug_invalid": (
        "Identificador no válido (letras, números y guiones).",
        "Invalid id (letters, digits, dashes).",
    ),
    "catalog.slug_taken": (
        "Ya hay un servicio con ese identificador.",
        "There is already a service with that id.",
    ),
    "catalog.name_required": (
        "Escribe el nombre (2 a 120 caracteres).",
        "Type the name (2 to 120 characters).",
    ),
    "catalog.price_invalid": ("Precio no válido.", "Invalid price."),
    "catalog.duration_invalid": ("Duración no válida (15 min a 24 h).", "Invalid duration (15 min to 24 h)."),
    "catalog.visits_invalid": (
        "Número de visitas no válido (1 a 50).",
        "Invalid number of visits (1 to 50).",
    ),
    "catalog.rate_invalid": ("Tipo de IVA no válido.", "Invalid VAT rate."),
    "catalog.exempt_reason_required": (
        "Un servicio exento necesita su base legal (p. ej. art. 20.Uno LIVA).",
        "An exempt service needs its legal basis.",
    ),
    "admin.catalog": ("Servicios", "Services"),
    "admin.catalog.new": ("Nuevo servicio", "New service"),
    "admin.catalog.saved": ("Servicio guardado.", "Service saved."),
    "admin.catalog.active": ("A la venta", "On sale"),
    "admin.catalog.inactive": ("Retirado", "Withdrawn"),
    "admin.catalog.deactivate": ("Retirar de la venta", "Withdraw from sale"),
    "admin.catalog.activate": ("Volver a vender", "Sell again"),
    "admin.catalog.edit": ("Editar", "Edit"),
}

SHOP.update(
    {
        "catalog.field.slug": ("Identificador (en la URL)", "Identifier (in the URL)"),
        "catalog.field.name_es": ("Nombre (español)", "Name (Spanish)"),
        "catalog.field.name_en": ("Nombre (inglés)", "Name (English)"),
        "catalog.field.description_es": ("Descripción (español)", "Description (Spanish)"),
        "catalog.field.description_en": ("Descripción (inglés)", "Description (English)"),
        "catalog.field.includes_es": ("Qué incluye (español)", "What is included (Spanish)"),
        "catalog.field.includes_en": ("Qué incluye (inglés)", "What is included (English)"),
        "catalog.field.price": ("Precio con IVA (€)", "Price incl. VAT (€)"),
        "catalog.field.duration": ("Duración (min)", "Duration (min)"),
        "catalog.field.visits": ("Visitas por unidad", "Visits per unit"),
        "catalog.field.position": ("Orden", "Order"),
        "catalog.field.vat_rate": ("Tipo de IVA", "VAT rate"),
        "catalog.field.exempt_reason": ("Base legal de la exención", "Legal basis of the exemption"),
        "catalog.field.image": ("Imagen (ruta en /assets)", "Image (path under /assets)"),
    }
)
