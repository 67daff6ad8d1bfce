"""Recurring care plans and numbered visits («visita 2 de 4»)."""

PLANS: dict[str, tuple[str, str]] = {
    "series.visit_of": ("visita {number} de {total}", "visit {number} of {total}"),
    "admin.catalog.plannable": (
        "Se puede contratar como plan mensual",
        "Can be contracted as a monthly plan",
    ),
    "plans.preferred_date": ("Fecha deseada", "Requested date"),
    "plans.day.0": ("lunes", "Monday"),
    "plans.day.1": ("martes", "Tuesday"),
    "plans.day.2": ("miércoles", "Wednesday"),
    "plans.day.3": ("jueves", "Thursday"),
    "plans.day.4": ("viernes", "Friday"),
    "plans.day.5": ("sábado", "Saturday"),
    "plans.day.6": ("domingo", "Sunday"),
    "plans.days_required": ("Elige al menos un día de la semana.", "Choose at least one day of the week."),
    "plans.time_required": ("Indica la hora (HH:MM).", "Give the time (HH:MM)."),
    "plans.time_out_of_hours": (
        "Las visitas son entre las 07:00 y las 21:00.",
        "Visits are between 07:00 and 21:00.",
    ),
    "plans.start_required": ("Indica la fecha de inicio.", "Give the start date."),
    "plans.start_in_past": (
        "La fecha de inicio no puede ser pasada.",
        "The start date cannot be in the past.",
    ),
    "plans.start_too_far": (
        "La fecha de inicio tiene que estar dentro de los próximos 90 días.",
        "The start date must be within the next 90 days.",
    ),
    "plans.service_required": (
        "Elige un servicio que se pueda contratar como plan.",
        "Choose a service that can be contracted as a plan.",
    ),
    "plans.already_contracted": ("Este plan ya está contratado.", "This plan has already been contracted."),
    "plans.cannot_change": (
        "Este plan ya no admite ese cambio.",
        "This plan can no longer be changed that way.",
    ),
    "plans.status.pending_payment": ("Pendiente de pago", "Awaiting payment"),
    "plans.status.active": ("Activo", "Active"),
    "plans.status.paused": ("En pausa", "Paused"),
    "plans.status.payment_failed": ("Pago fallido", "Payment failed"),
    "plans.status.ended": ("Finalizado", "Ended"),
    # The contract form.
    "plans.new.title": ("Contratar un plan de cuidados", "Contract a care plan"),
    "plans.new.lead": (
        "Visitas todas las semanas, los días y a las horas que elijas, con pago mensual. "
        "Puedes pausarlo, cambiarlo o terminarlo desde «Proyectos»; los cambios se aplican el mes siguiente.",
        "Visits every week, on the days and at the times you choose, paid monthly. "
        "You can pause, change or end it from «Projects»; changes apply from the next month.",
    ),
    "plans.new.service": ("Servicio", "Service"),
    "plans.new.beneficiary": ("¿Para quién?", "For whom?"),
    "plans.new.days": ("Días y horas de las visitas", "Days and times of the visits"),
    "plans.new.days_hint": (
        "Marca cada día y escribe la hora que prefieres (entre 07:00 y 21:00, hora de Madrid).",
        "Tick each day and write the time you prefer (between 07:00 and 21:00, Madrid time).",
    ),
    "plans.new.time_of": ("Hora del {day}", "Time on {day}"),
    "plans.new.start": ("Fecha de inicio", "Start date"),
    "plans.new.observations": ("Observaciones para el gestor", "Notes for the care manager"),
    "plans.new.monthly": ("Cuota mensual", "Monthly fee"),
    "plans.new.monthly_hint": (
        "{price} por visita × {visits} visitas por semana × 52 semanas ÷ 12 meses, IVA incluido.",
        "{price} per visit × {visits} visits a week × 52 weeks ÷ 12 months, VAT included.",
    ),
    "plans.new.accept": (
        "He leído y acepto las condiciones del servicio y el pago mensual.",
        "I have read and accept the terms of service and the monthly payment.",
    ),
    "plans.new.submit": ("Contratar y pagar el primer mes", "Contract and pay the first month"),
    "plans.new.billing_missing": (
        "Antes de tu primer plan, completa tus datos de facturación con una compra en la tienda.",
        "Before your first plan, complete your billing details with a purchase in the shop.",
    ),
    "plans.new.no_beneficiary": (
        "Primero da de alta a la persona que recibirá las visitas.",
        "First register the person who will receive the visits.",
    ),
    "plans.cta": ("Contratar como plan mensual", "Contract as a monthly plan"),
    "plans.sim.title": ("Pago mensual simulado", "Simulated monthly payment"),
    "plans.sim.pay": ("Pagar este mes", "Pay this month"),
    "plans.sim.next": (
        "Pago simulado: cobrar el mes siguiente (o simular un fallo)",
        "Simulated payment: charge the next month (or simulate a failure)",
    ),
    "plans.sim.fail": ("Simular un pago fallido", "Simulate a failed payment"),
    "plans.sim.paid": (
        "Mes pagado. Tus visitas ya están en «Tareas».",
        "Month paid. Your visits are now in «Tasks».",
    ),
    "plans.sim.failed": (
        "El pago ha fallado: no se crean visitas nuevas hasta que se cobre.",
        "The payment failed: no new visits until it is paid.",
    ),
    # «Proyectos».
    "plans.list.title": ("Planes de cuidados", "Care plans"),
    "plans.list.empty": (
        "Aún no tienes planes. Con un plan, las visitas se repiten cada semana.",
        "You have no plans yet. With a plan, visits repeat every week.",
    ),
    "plans.list.schedule": ("Días y horas", "Days and times"),
    "plans.list.monthly": ("Cuota mensual", "Monthly fee"),
    "plans.list.period": ("Mes en curso", "Current month"),
    "plans.list.pending_change": ("Desde el mes que viene", "From next month"),
    "plans.list.pause": ("Pausar", "Pause"),
    "plans.list.resume": ("Reanudar", "Resume"),
    "plans.list.change": ("Cambiar días y horas", "Change days and times"),
    "plans.list.save_change": ("Guardar el cambio", "Save the change"),
    "plans.list.end": ("Terminar el plan", "End the plan"),
    "plans.list.end_confirm": (
        "El plan terminará al acabar el mes pagado. Las visitas ya programadas se mantienen.",
        "The plan will end when the paid month ends. Visits already scheduled are kept.",
    ),
    "plans.list.done": (
        "Hecho. Se aplica desde el mes que viene.",
        "Done. It applies from next month.",
    ),
    "plans.list.failed_note": (
        "No hemos podido cobrar el mes: no se crean visitas nuevas mientras tanto. "
        "Reintentamos el cobro automáticamente; revisa tu tarjeta.",
        "We could not charge the month: no new visits meanwhile. "
        "We retry the charge automatically; please check your card.",
    ),
    # E-mails.
    "plans.mail.paid.subject": (
        "Plan de cuidados: mes pagado · {service}",
        "Care plan: month paid · {service}",
    ),
    "plans.mail.paid.body": (
        "Hola, {name}:\n\nHemos cobrado {total} por el plan de {beneficiary} del periodo {period}. "
        "Estas son sus visitas:\n\n{tasks}\n\n"
        "El gestor confirmará cada cita. Puedes cambiar o cancelar una cita sin coste hasta 48 horas antes. "
        "La factura está en tu área, en «Facturas».\n\nUn saludo,\nCuidado en Casa",
        "Hello {name},\n\nWe have charged {total} for {beneficiary}'s plan for {period}. "
        "These are the visits:\n\n{tasks}\n\n"
        "The care manager will confirm each appointment. You can change or cancel an appointment free of "
        "charge up to 48 hours before. The invoice is in your area, under «Invoices».\n\n"
        "Kind regards,\nCuidado en Casa",
    ),
    "plans.mail.failed.subject": (
        "No hemos podido cobrar tu plan · {service}",
        "We could not charge your plan · {service}",
    ),
    "plans.mail.failed.body": (
        "Hola, {name}:\n\nEl cobro de {total} del plan de {beneficiary} ({period}) ha fallado. "
        "Mientras tanto no se crean visitas nuevas; las ya acordadas se mantienen. "
        "Volveremos a intentarlo en los próximos días: revisa tu tarjeta.\n\nUn saludo,\nCuidado en Casa",
        "Hello {name},\n\nThe charge of {total} for {beneficiary}'s plan ({period}) failed. "
        "Meanwhile no new visits are created; those already agreed are kept. "
        "We will try again in the coming days: please check your card.\n\nKind regards,\nCuidado en Casa",
    ),
    "plans.mail.failed_manager.subject": (
        "Pago fallido del plan de {beneficiary}",
        "Failed payment of {beneficiary}'s plan",
    ),
    "plans.mail.failed_manager.body": (
        "El pago mensual del plan «{service}» de {beneficiary} ({period}) ha fallado. "
        "No hay visitas nuevas hasta que se cobre; las ya acordadas siguen en pie.",
        "The monthly payment of the «{service}» plan of {beneficiary} ({period}) failed. "
        "There are no new visits until it is paid; those already agreed still stand.",
    ),
    "plans.mail.changed.body": (
        "Hola, {name}:\n\nPlan «{service}» de {beneficiary}: {change}\n\nUn saludo,\nCuidado en Casa",
        "Hello {name},\n\n«{service}» plan of {beneficiary}: {change}\n\nKind regards,\nCuidado en Casa",
    ),
    "plans.mail.manager_changed.subject": (
        "Cambio en el plan de {beneficiary}",
        "Change to {beneficiary}'s plan",
    ),
    "plans.mail.manager_changed.body": (
        "El plan «{service}» de {beneficiary} {change}{schedule}",
        "The «{service}» plan of {beneficiary} {change}{schedule}",
    ),
    "plans.mail.manager_schedule": (
        "\nDías y horas desde el mes que viene: {schedule}",
        "\nDays and times from next month: {schedule}",
    ),
    "plans.mail.paused.subject": ("Plan en pausa · {service}", "Plan paused · {service}"),
    "plans.mail.paused.text": (
        "queda en pausa desde el mes que viene. Las visitas de este mes se mantienen.",
        "is paused from next month. This month's visits are kept.",
    ),
    "plans.mail.resumed.subject": ("Plan reanudado · {service}", "Plan resumed · {service}"),
    "plans.mail.resumed.text": (
        "se reanuda: el próximo cobro crea las visitas de ese mes.",
        "resumes: the next charge creates that month's visits.",
    ),
    "plans.mail.changed.subject": ("Plan cambiado · {service}", "Plan changed · {service}"),
    "plans.mail.changed.text": (
        "los nuevos días y horas se aplican desde el mes que viene.",
        "the new days and times apply from next month.",
    ),
    "plans.mail.ended.subject": ("Plan terminado · {service}", "Plan ended · {service}"),
    "plans.mail.ended.text": (
        "termina al acabar el mes pagado; no habrá más cobros. Las visitas ya programadas se mantienen.",
        "ends when the paid month ends; there will be no more charges. Visits already scheduled are kept.",
    ),
}
