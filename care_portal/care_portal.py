"""The Reflex app object: theme, API routes, background sender and the page table."""

from __future__ import annotations

import logging

import reflex as rx

from care_portal import routes
from care_portal.api.edge import edge_middleware
from care_portal.api.routes import build_api
from care_portal.components.calendar_feed import FeedState
from care_portal.components.i18n import page_title
from care_portal.config import Settings, get_settings
from care_portal.observability import logs, metrics
from care_portal.observability.errors import init_error_tracking
from care_portal.observability.events import EventIdMiddleware
from care_portal.observability.http import ObservabilityMiddleware
from care_portal.pages import public
from care_portal.pages.account import area, auth, profile, withdrawal
from care_portal.pages.account.my_data import MyDataState
from care_portal.pages.admin import aeat as admin_aeat
from care_portal.pages.admin import beneficiaries as admin_beneficiaries
from care_portal.pages.admin import blocked_data as admin_blocked_data
from care_portal.pages.admin import breaches as admin_breaches
from care_portal.pages.admin import cancellations as admin_cancellations
from care_portal.pages.admin import catalog as admin_catalog
from care_portal.pages.admin import payments as admin_payments
from care_portal.pages.admin import privacy as admin_privacy
from care_portal.pages.admin import users as admin_users
from care_portal.pages.billing import declaration, invoices
from care_portal.pages.care import projects, register
from care_portal.pages.circle import conversation, invitation, project_circle, shared_project
from care_portal.pages.circle import inbox as circle_inbox
from care_portal.pages.help import help_page
from care_portal.pages.plans import contract as plan_contract
from care_portal.pages.plans import section as plan_section
from care_portal.pages.plans import simulated as plan_simulated
from care_portal.pages.recruiting import apply, jobs
from care_portal.pages.recruiting import dashboard as recruiting_dashboard
from care_portal.pages.recruiting import offer as recruiting_offer
from care_portal.pages.recruiting import review as recruiting_review
from care_portal.pages.shop import cart, catalog, checkout, orders, payment
from care_portal.pages.visits import client_tasks, manager_dashboard, manager_task, manager_week, suggestions
from care_portal.pages.visits import ratings as visit_ratings_pages
from care_portal.pages.visits.timeline import TimelineState, timeline_page
from care_portal.state.identity import IdentityMiddleware
from care_portal.state.session import SessionState
from care_portal.workers.aeat_sender import run_aeat_sender
from care_portal.workers.contact_escalations import run_contact_escalations
from care_portal.workers.invoice_pdfs import run_invoice_pdfs
from care_portal.workers.message_digests import run_message_digests
from care_portal.workers.order_expiry import run_order_expiry
from care_portal.workers.outbox_sender import run_outbox_sender
from care_portal.workers.plan_renewal import run_plan_renewal
from care_portal.workers.retention import run_daily_retention

logger = logging.getLogger(__name__)
SETTINGS = get_settings()  # refuses to start when production lacks a setting it needs
logs.configure_logging(SETTINGS.effective_log_format, SETTINGS.log_level)
init_error_tracking(SETTINGS.sentry_dsn, SETTINGS.environment)


def _backend_error(exception: Exception):
    """Log the error with a reference and show it in a plain Spanish/English message, never a trace."""
    reference = logs.new_reference()
    metrics.ERRORS.labels(where="event").inc()
    logger.error("unhandled error in an event handler", exc_info=exception, extra={"reference": reference})
    return rx.toast.error(
        f"Algo ha fallado por nuestra parte (código {reference}). Inténtalo de nuevo en unos minutos. "
        f"/ Something went wrong on our side (code {reference}); please try again.",
        id="backend-error",
    )


app = rx.App(
    theme=rx.theme(
        appearance="light", accent_color="teal", gray_color="slate", radius="medium", scaling="105%"
    ),
    stylesheets=["/styles.css"],
    api_transformer=[build_api(), ObservabilityMiddleware, edge_middleware],  # the edge is outermost
    backend_exception_handler=_backend_error,
    html_lang="es",
    # Sonner reads the page's computed direction while hydrating unless told (a forced style
    # recalculation, ~56 ms of main-thread time under Lighthouse's phone throttling).
    toaster=rx.toast.provider(dir="ltr"),
    head_components=[
        rx.el.meta(name="theme-color", content="#00796b"),
        rx.el.link(rel="icon", href="/favicon.svg", type="image/svg+xml"),
        rx.el.script(src="/portal.js", defer=True),
        rx.el.script(src="/signature.js", defer=True),
    ],
)
app.add_middleware(EventIdMiddleware())
app.add_middleware(IdentityMiddleware(SessionState))
app.register_lifespan_task(run_outbox_sender)
app.register_lifespan_task(run_contact_escalations)
app.register_lifespan_task(run_daily_retention)
app.register_lifespan_task(run_aeat_sender)
app.register_lifespan_task(run_order_expiry)
app.register_lifespan_task(run_plan_renewal)
app.register_lifespan_task(run_message_digests)
app.register_lifespan_task(run_invoice_pdfs)

PAGES = [
    (
        routes.CIRCLE_INVITATION,
        invitation.invitation_page,
        "Invitación · Cuidado en Casa",
        invitation.InvitationState.load,
    ),
    (
        routes.CIRCLE_PROJECT,
        shared_project.shared_project_page,
        "Familiar · Cuidado en Casa",
        shared_project.SharedProjectState.load,
    ),
    (routes.MESSAGES, circle_inbox.inbox_page, "Mensajes · Cuidado en Casa", circle_inbox.InboxState.load),
    (
        routes.CONVERSATION,
        conversation.conversation_page,
        "Conversación · Cuidado en Casa",
        conversation.ConversationState.load,
    ),
    (routes.HOME, public.home_page, "Cuidado en Casa", None),
    (routes.HELP, help_page, "Ayuda · Cuidado en Casa", None),
    (routes.PRIVACY, public.privacy_page, "Privacidad · Cuidado en Casa", None),
    (routes.TERMS, public.terms_page, "Condiciones · Cuidado en Casa", None),
    (routes.FORBIDDEN, public.forbidden_page, "Sin acceso · Cuidado en Casa", None),
    (
        routes.DECLARATION,
        declaration.declaration_page,
        "Declaración responsable · Cuidado en Casa",
        declaration.DeclarationState.load,
    ),
    (routes.LOGIN, auth.login_page, "Entrar · Cuidado en Casa", auth.LoginState.clear_form_errors),
    (
        routes.SIGNUP,
        auth.signup_page,
        "Regístrate · Cuidado en Casa",
        [auth.SignupState.on_open, auth.SignupState.clear_form_errors],
    ),
    (routes.VERIFY_EMAIL, auth.verify_page, "Confirmar correo · Cuidado en Casa", auth.VerifyState.on_open),
    (
        routes.FORGOT,
        auth.forgot_page,
        "Recuperar contraseña · Cuidado en Casa",
        auth.ForgotState.clear_form_errors,
    ),
    (routes.RESET, auth.reset_page, "Nueva contraseña · Cuidado en Casa", auth.ResetState.on_open),
    (routes.ACCOUNT, area.client_area_page, "Mi área · Cuidado en Casa", area.AreaState.load_client),
    (
        routes.ACCOUNT_PROFILE,
        profile.profile_page,
        "Mis datos · Cuidado en Casa",
        [profile.ProfileState.load, MyDataState.load],
    ),
    (
        routes.ACCOUNT_INVOICES,
        invoices.client_invoices_page,
        "Facturas · Cuidado en Casa",
        invoices.ClientInvoicesState.load,
    ),
    (
        routes.RECRUITING,
        recruiting_dashboard.recruiting_page,
        "Selección · Cuidado en Casa",
        recruiting_dashboard.RecruitingState.load,
    ),
    (routes.JOBS, jobs.jobs_page, "Ofertas de empleo · Cuidado en Casa", jobs.JobsState.load_list),
    (routes.JOB_OFFER, jobs.offer_page, "Oferta de empleo · Cuidado en Casa", jobs.JobsState.load_offer),
    (routes.JOB_APPLY, apply.apply_page, "Mi candidatura · Cuidado en Casa", apply.ApplyState.load),
    (
        routes.ACCOUNT_APPLICATIONS,
        apply.my_applications_page,
        "Mis candidaturas · Cuidado en Casa",
        apply.MyApplicationsState.load,
    ),
    (
        routes.RECRUITING_OFFER,
        recruiting_offer.offer_edit_page,
        "Oferta · Selección · Cuidado en Casa",
        recruiting_offer.OfferEditState.load,
    ),
    (
        routes.RECRUITING_APPLICATION,
        recruiting_review.review_page,
        "Candidatura · Selección · Cuidado en Casa",
        recruiting_review.ReviewState.load,
    ),
    (
        routes.MANAGER,
        manager_dashboard.manager_dashboard_page,
        "Panel del gestor · Cuidado en Casa",
        [manager_dashboard.ManagerDashboardState.load, circle_inbox.TeamMessagesState.load],
    ),
    (
        routes.MANAGER_TASK,
        manager_task.manager_task_page,
        "Tarea · Cuidado en Casa",
        manager_task.ManagerTaskState.load,
    ),
    (
        routes.MANAGER_WEEK,
        manager_week.manager_week_page,
        "Mi semana · Cuidado en Casa",
        manager_week.ON_LOAD,
    ),
    (
        routes.ACCOUNT_TASKS,
        client_tasks.client_tasks_page,
        "Tareas · Cuidado en Casa",
        [client_tasks.ClientTasksState.load, FeedState.load_feed],
    ),
    (
        routes.SUGGESTIONS,
        suggestions.suggestions_page,
        "Sugerencias · Cuidado en Casa",
        suggestions.SuggestionState.load,
    ),
    (
        routes.ADMIN_PRIVACY,
        admin_privacy.admin_privacy_page,
        "Privacidad · Admin",
        [
            admin_privacy.AdminPrivacyState.load,
            admin_breaches.BreachState.load,
            admin_blocked_data.BlockedDataState.load,
        ],
    ),
    (
        routes.ADMIN_CANCELLATIONS,
        admin_cancellations.admin_cancellations_page,
        "Cancelaciones · Admin",
        admin_cancellations.AdminCancellationsState.load,
    ),
    (
        routes.ADMIN,
        admin_users.admin_users_page,
        "Administración · Cuidado en Casa",
        admin_users.AdminUsersState.load,
    ),
    (routes.SHOP, catalog.shop_page, "Servicios · Cuidado en Casa", catalog.ShopState.load),
    (routes.CART, cart.cart_page, "Carrito · Cuidado en Casa", cart.CartState.load_cart),
    (
        routes.CHECKOUT,
        checkout.checkout_page,
        "Finalizar compra · Cuidado en Casa",
        checkout.CheckoutState.load,
    ),
    (routes.PAY_SIMULATED, payment.simulated_payment_page, "Pago simulado", payment.PaymentPageState.load),
    (
        routes.PAY_OK,
        payment.payment_ok_page,
        "Pago · Cuidado en Casa",
        [payment.PaymentPageState.load, payment.PaymentPageState.start_watching],
    ),
    (
        routes.PAY_CANCELLED,
        payment.payment_cancelled_page,
        "Pago no completado",
        payment.PaymentPageState.load,
    ),
    (routes.ORDERS, orders.orders_page, "Mis pedidos · Cuidado en Casa", orders.OrdersState.load),
    (
        routes.ACCOUNT_WITHDRAWAL,
        withdrawal.withdrawal_page,
        "Desistir de un pedido · Cuidado en Casa",
        withdrawal.WithdrawalState.load,
    ),
    (
        routes.ADMIN_CATALOG,
        admin_catalog.admin_catalog_page,
        "Servicios · Admin",
        admin_catalog.AdminCatalogState.load,
    ),
    (
        routes.ACCOUNT_REGISTER_BENEFICIARY,
        register.register_beneficiary_page,
        "Alta de familiar · Cuidado en Casa",
        register.RegisterState.load,
    ),
    (
        routes.ACCOUNT_PROJECTS,
        projects.projects_page,
        "Proyectos · Cuidado en Casa",
        [projects.ProjectsState.load, plan_section.PlansState.load, project_circle.FollowedState.load],
    ),
    (
        routes.PLAN_NEW,
        plan_contract.plan_form_page,
        "Plan de cuidados · Cuidado en Casa",
        plan_contract.PlanFormState.load,
    ),
    (
        routes.PLAN_PAY_SIMULATED,
        plan_simulated.plan_payment_page,
        "Pago mensual simulado",
        plan_simulated.PlanPaymentState.load,
    ),
    (
        routes.ACCOUNT_PROJECT,
        projects.project_page,
        "Proyecto · Cuidado en Casa",
        [projects.ProjectState.load, project_circle.CircleState.load],
    ),
    (
        routes.ADMIN_BENEFICIARIES,
        admin_beneficiaries.admin_beneficiaries_page,
        "Beneficiarios · Cuidado en Casa",
        admin_beneficiaries.AdminBeneficiariesState.load,
    ),
    (
        routes.ADMIN_MANAGERS,
        admin_beneficiaries.admin_managers_page,
        "Gestores · Cuidado en Casa",
        admin_beneficiaries.AdminManagersState.load,
    ),
    (
        routes.ADMIN_OUTBOX,
        admin_users.admin_outbox_page,
        "Correo saliente · Cuidado en Casa",
        admin_users.OutboxState.load,
    ),
    (
        routes.ADMIN_INVOICES,
        invoices.admin_invoices_page,
        "Facturas (administración) · Cuidado en Casa",
        invoices.AdminInvoicesState.load,
    ),
    (
        routes.ADMIN_AEAT,
        admin_aeat.admin_aeat_page,
        "VeriFactu (AEAT) · Cuidado en Casa",
        [admin_aeat.AdminAeatState.load, declaration.DeclarationState.load],
    ),
    (
        routes.ADMIN_PAYMENTS,
        admin_payments.admin_payments_page,
        "Pagos · Admin",
        admin_payments.AdminPaymentsState.load,
    ),
    (routes.TIMELINE, timeline_page, "Historia · Cuidado en Casa", TimelineState.load),
    (
        routes.MANAGER_RATINGS,
        visit_ratings_pages.manager_ratings_page,
        "Valoraciones · Cuidado en Casa",
        visit_ratings_pages.ManagerRatingsState.load,
    ),
    (
        routes.ADMIN_RATINGS,
        visit_ratings_pages.admin_ratings_page,
        "Valoraciones · Admin",
        visit_ratings_pages.AdminRatingsState.load,
    ),
]

app.add_page(
    public.not_found_page,
    route="404",
    title=page_title("Página no encontrada · Cuidado en Casa"),
    on_load=SessionState.refresh_viewer,
)


def pages_to_serve(settings: Settings) -> list[tuple]:
    """Return the page table for these settings.

    The simulated payment page is left out where real payments are (or must be) configured.
    """
    simulated = (routes.PAY_SIMULATED, routes.PLAN_PAY_SIMULATED)
    return [page for page in PAGES if page[0] not in simulated or settings.simulated_payments_allowed]


for route, component, title, loader in pages_to_serve(SETTINGS):
    loaders = loader if isinstance(loader, list) else [loader] if loader else []
    # A guarded loader resolves the viewer itself (and shows it): no second look-up per page load.
    guarded_first = bool(loaders) and getattr(loaders[0].fn, "resolves_viewer", False)
    on_load = loaders if guarded_first else [SessionState.refresh_viewer, *loaders]
    app.add_page(component, route=route, title=page_title(title), on_load=on_load)
