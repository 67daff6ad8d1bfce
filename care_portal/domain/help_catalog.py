"""The help page's questions, in one place: each answer's steps are also its video's script.

Each :class:`HelpEntry` follows a question of the client's FAQ. Its steps are short sentences in
Spanish and English, each naming the page where it happens. The same steps are

* listed on the help page (with an «Ir a …» link to their page),
* the subtitle cues of the entry's video (``assets/demos/<slug>.es.vtt`` / ``.en.vtt``, see
  ``care_portal.domain.webvtt``), and
* the captions the recording script (``tests/demos/flows.py``) shows, in this order.

:func:`steps_fingerprint` hashes the step list; the recorder stores it beside each video, and a
test fails when the steps change and the video was not recorded again.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata

from care_portal import routes
from care_portal.domain.help_model import DEMOS_URL, HelpEntry, HelpStep, Place
from care_portal.domain.help_topics import TOPICS

__all__ = ["DEMOS_URL", "HELP_ENTRIES", "HelpEntry", "HelpStep", "Place"]

SHOP = Place(routes.SHOP, "Ir a Servicios", "Go to Services")
CART = Place(routes.CART, "Ir al carrito", "Go to the cart")
CHECKOUT = Place(routes.CHECKOUT, "Ir al pedido", "Go to the checkout")
ORDERS = Place(routes.ORDERS, "Ir a Mis pedidos", "Go to My orders")
INVOICES = Place(routes.ACCOUNT_INVOICES, "Ir a Facturas", "Go to Invoices")
SUGGESTIONS = Place(routes.SUGGESTIONS, "Ir a Sugerencias", "Go to Suggestions")
SIGNUP = Place(routes.SIGNUP, "Ir a Regístrate", "Go to Sign up")
AREA = Place(routes.ACCOUNT, "Ir a Mi área", "Go to My area")
PROFILE = Place(routes.ACCOUNT_PROFILE, "Ir a Mis datos", "Go to My details")
REGISTER = Place(routes.ACCOUNT_REGISTER_BENEFICIARY, "Ir a Alta de familiar", "Go to Register a relative")
PROJECTS = Place(routes.ACCOUNT_PROJECTS, "Ir a Proyectos", "Go to Projects")
TASKS = Place(routes.ACCOUNT_TASKS, "Ir a Tareas", "Go to Tasks")
JOBS = Place(routes.JOBS, "Ir a Ofertas de empleo", "Go to Job offers")
APPLICATIONS = Place(routes.ACCOUNT_APPLICATIONS, "Ir a Mis candidaturas", "Go to My applications")

HELP_ENTRIES: tuple[HelpEntry, ...] = (
    HelpEntry(
        "compra",
        "¿Cómo contrato un servicio y qué pasa después?",
        "How do I book a service and what happens next?",
        (
            HelpStep(
                "shop",
                "Entra en «Servicios» y añade al carrito uno o varios servicios.",
                "Open “Services” and add one or more services to the cart.",
                SHOP,
            ),
            HelpStep(
                "cart",
                "Revisa el carrito: verás el total con IVA. Pulsa «Continuar con la compra».",
                "Check the cart: you see the total with VAT. Press “Continue to checkout”.",
                CART,
            ),
            HelpStep(
                "beneficiary",
                "Elige el familiar que recibirá el servicio. Tiene que estar dado de alta antes.",
                "Choose the relative who will receive the service. They must be registered first.",
                CHECKOUT,
            ),
            HelpStep(
                "notes",
                "Escribe las observaciones para la visita y las fechas que prefieres.",
                "Write your notes for the visit and the dates you prefer.",
                CHECKOUT,
            ),
            HelpStep(
                "billing",
                "La primera vez, escribe tu NIF, la dirección de facturación y un teléfono, "
                "y acepta las condiciones.",
                "The first time, type your tax ID (NIF), billing address and a phone, and accept the terms.",
                CHECKOUT,
            ),
            HelpStep(
                "pay",
                "Paga. La compra queda registrada y pagada.",
                "Pay. The purchase is recorded and paid.",
                CHECKOUT,
            ),
            HelpStep(
                "orders",
                "El gestor de tu familiar recibe el aviso, le llama, le da la clave de la visita "
                "y acuerdan la cita.",
                "Your relative's manager is told, calls them, gives them the visit code "
                "and agrees the appointment.",
                ORDERS,
            ),
            HelpStep(
                "invoice",
                "La factura queda en tu área, en «Facturas», lista para descargar.",
                "The invoice is in your area, under “Invoices”, ready to download.",
                INVOICES,
            ),
        ),
    ),
    HelpEntry(
        "registro",
        "¿Cómo me registro como cliente?",
        "How do I sign up as a client?",
        (
            HelpStep(
                "signup",
                "Pulsa «Regístrate» y escribe tu nombre, tu correo y una contraseña.",
                "Press “Sign up” and type your name, your e-mail and a password.",
                SIGNUP,
            ),
            HelpStep(
                "area",
                "Ya tienes tu área privada: desde ella compras, das de alta a tu familiar y ves tus datos.",
                "Your private area is ready: from it you buy, register your relative and see your details.",
                AREA,
            ),
            HelpStep(
                "profile",
                "En «Mis datos» puedes cambiar tu nombre, tu teléfono y el idioma.",
                "In “My details” you can change your name, your phone and the language.",
                PROFILE,
            ),
            HelpStep(
                "billing",
                "En tu primera compra te pediremos el NIF, la dirección de facturación y un teléfono; "
                "las siguientes compras los reutilizan.",
                "On your first purchase we ask for your tax ID (NIF), billing address and a phone; "
                "later purchases reuse them.",
                CHECKOUT,
            ),
        ),
    ),
    HelpEntry(
        "familiar",
        "¿Cómo doy de alta a mi familiar, o a un hogar con varias personas?",
        "How do I register my relative, or a home with several people?",
        (
            HelpStep(
                "open",
                "Antes de la primera compra, abre «Alta de familiar» en tu área.",
                "Before the first purchase, open “Register a relative” in your area.",
                REGISTER,
            ),
            HelpStep(
                "person",
                "Escribe el nombre de la persona atendida, su domicilio y un teléfono.",
                "Type the name of the person cared for, their address and a phone.",
                REGISTER,
            ),
            HelpStep(
                "household",
                "Si en el domicilio viven varias personas que recibirán el servicio, indica cuántas son "
                "y sus nombres.",
                "If several people who will receive the service live in the home, say how many "
                "and their names.",
                REGISTER,
            ),
            HelpStep(
                "documents",
                "Si lo crees útil, adjunta documentos, como un informe médico.",
                "If you find it useful, attach documents, such as a medical report.",
                REGISTER,
            ),
            HelpStep(
                "consent",
                "El consentimiento para tratar sus datos se firma antes de la primera visita: "
                "adjúntalo firmado o fírmalo en casa con el gestor.",
                "The consent to process their data is signed before the first visit: "
                "attach it signed or sign it at home with the manager.",
                REGISTER,
            ),
            HelpStep(
                "project",
                "Al enviar el alta, tu familiar aparece en «Proyectos», con su gestor asignado.",
                "Once sent, your relative appears in “Projects”, with their assigned manager.",
                PROJECTS,
            ),
        ),
    ),
    HelpEntry(
        "area-privada",
        "¿Qué encuentro en mi área privada?",
        "What is in my private area?",
        (
            HelpStep(
                "area",
                "Desde tu área entras en «Alta de familiar», en «Servicios» y en «Mis datos».",
                "From your area you reach “Register a relative”, “Services” and “My details”.",
                AREA,
            ),
            HelpStep(
                "projects",
                "«Proyectos»: cada familiar que has dado de alta.",
                "“Projects”: each relative you have registered.",
                PROJECTS,
            ),
            HelpStep(
                "tasks",
                "«Tareas»: los servicios contratados, en qué estado están y el informe de cada visita.",
                "“Tasks”: the services you booked, their state and the report of each visit.",
                TASKS,
            ),
            HelpStep(
                "invoices",
                "«Facturas»: tus facturas, listas para descargar.",
                "“Invoices”: your invoices, ready to download.",
                INVOICES,
            ),
        ),
    ),
    HelpEntry(
        "empleo",
        "¿Cómo trabajo con vosotros como gestor personal?",
        "How do I work with you as a personal care manager?",
        (
            HelpStep(
                "offers",
                "Abre «Ofertas de empleo» y elige el puesto que te interese.",
                "Open “Job offers” and choose the position you want.",
                JOBS,
            ),
            HelpStep(
                "signup",
                "Regístrate desde la oferta con tu nombre, tu correo y una contraseña.",
                "Sign up from the offer with your name, your e-mail and a password.",
                SIGNUP,
            ),
            HelpStep(
                "form",
                "Rellena el formulario: teléfono, zonas donde puedes trabajar, experiencia y horarios.",
                "Fill in the form: phone, areas where you can work, experience and hours.",
                JOBS,
            ),
            HelpStep(
                "cv",
                "Sube tu currículum en PDF o Word.",
                "Upload your CV as a PDF or Word file.",
                JOBS,
            ),
            HelpStep(
                "survey",
                "Contesta la encuesta y envía tu candidatura.",
                "Answer the survey and send your application.",
                JOBS,
            ),
            HelpStep(
                "sent",
                "Nuestro equipo de selección la revisa y te responde por correo en breve. "
                "Puedes seguirla en «Mis candidaturas».",
                "Our recruiting team reviews it and answers you by e-mail shortly. "
                "You can follow it in “My applications”.",
                APPLICATIONS,
            ),
        ),
    ),
    HelpEntry(
        "cambios",
        "¿Y si una visita no puede hacerse?",
        "What if a visit cannot take place?",
        (
            HelpStep(
                "notice",
                "Avísanos con el formulario de sugerencias al menos 48 horas antes de la cita.",
                "Tell us through the suggestions form at least 48 hours before the appointment.",
                SUGGESTIONS,
            ),
            HelpStep(
                "deadline",
                "Cada cita muestra la hora límite para cambiarla o cancelarla sin coste.",
                "Each appointment shows the deadline to change or cancel it free of charge.",
                TASKS,
            ),
            HelpStep(
                "contact",
                "Tu aviso llega por correo al equipo y al gestor, que te contactarán.",
                "Your message reaches the team and the manager by e-mail, and they will contact you.",
            ),
        ),
        video=False,
    ),
    *TOPICS,  # without a video: plans, family circle, reports, withdrawal, «Mis datos»
)

ENTRIES_BY_SLUG = {entry.slug: entry for entry in HELP_ENTRIES}


def video_entries() -> list[HelpEntry]:
    """Return the entries that have a recorded video."""
    return [entry for entry in HELP_ENTRIES if entry.video]


def steps_fingerprint(entry: HelpEntry, script: str = "") -> str:
    """Return a hash of what an entry's video shows: its steps' captions and its recording script.

    The links («Ir a …») are left out: they are on the page, not in the video.

    Args:
        entry: The help entry.
        script: The source of the recording script, so editing it also asks for a new recording.

    Returns:
        A hex SHA-256 digest.
    """
    payload = json.dumps([[step.key, step.es, step.en] for step in entry.steps], ensure_ascii=False)
    return hashlib.sha256((payload + "\n" + script).encode("utf-8")).hexdigest()


def fold(text: str) -> str:
    """Return ``text`` lower-cased without accents, for forgiving searches ("video" finds "vídeo")."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_entries(query: str) -> list[str]:
    """Return the slugs of the entries whose question or steps hold every word of ``query``.

    Both languages are searched, so a Spanish word finds the entry while the page is in English.

    Args:
        query: What the user typed (empty gives every entry).
    """
    words = fold(query).split()
    found = []
    for entry in HELP_ENTRIES:
        texts = [entry.question_es, entry.question_en]
        texts += [text for step in entry.steps for text in (step.es, step.en)]
        texts += [name for step in entry.steps if step.place for name in (step.place.es, step.place.en)]
        haystack = fold(" ".join(texts))
        if all(word in haystack for word in words):
            found.append(entry.slug)
    return found
