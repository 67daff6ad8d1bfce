"""Accounts: sign-up, log-in sessions, password reset and change, profile, roles.

One module per job (``identity``, ``sessions``, ``passwords``, ``profile``,
``roles``); every public name is re-exported here, so callers keep
``accounts.log_in(...)``.
"""

from care_portal.domain.sessions import SESSION_COOKIE
from care_portal.services.accounts.identity import (
    LANGUAGES,
    hash_token,
    sign_up,
    to_viewer,
)
from care_portal.services.accounts.passwords import (
    change_password,
    request_password_reset,
    reset_password,
)
from care_portal.services.accounts.profile import (
    set_language,
    update_profile,
)
from care_portal.services.accounts.roles import (
    ROLE_VALUES,
    UserRow,
    change_role,
    list_users,
    set_role,
)
from care_portal.services.accounts.sessions import (
    ACCOUNT_FREE_FAILURES,
    ADDRESS_FREE_FAILURES,
    LoginResult,
    log_in,
    log_out,
    log_out_everywhere,
    resolve_session,
)

__all__ = [
    "ACCOUNT_FREE_FAILURES",
    "ADDRESS_FREE_FAILURES",
    "LANGUAGES",
    "ROLE_VALUES",
    "SESSION_COOKIE",
    "LoginResult",
    "UserRow",
    "change_password",
    "change_role",
    "hash_token",
    "list_users",
    "log_in",
    "log_out",
    "log_out_everywhere",
    "request_password_reset",
    "reset_password",
    "resolve_session",
    "set_language",
    "set_role",
    "sign_up",
    "to_viewer",
    "update_profile",
]
