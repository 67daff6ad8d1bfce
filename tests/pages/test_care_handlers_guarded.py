"""Every care handler that reads or changes private data checks the user itself."""

import pytest

from care_portal.pages.admin.beneficiaries import AdminBeneficiariesState, AdminManagersState
from care_portal.pages.care.projects_state import ProjectsState, ProjectState
from care_portal.pages.care.register import RegisterState

UI_ONLY = {"set_household_size", "set_consent_mode", "set_signer_role", "cancel_edit"}
INHERITED = {"refresh_viewer", "set_lang", "log_out", "setvar"}  # setvar: only this tab's own vars


@pytest.mark.parametrize(
    "state", [RegisterState, ProjectsState, ProjectState, AdminBeneficiariesState, AdminManagersState]
)
def test_every_data_handler_is_guarded(state):
    names = set(state.event_handlers) - UI_ONLY - INHERITED
    assert names
    for name in names:
        handler = state.event_handlers[name].fn
        assert hasattr(handler, "__wrapped__"), f"{state.__name__}.{name} is not guarded"


def test_ui_only_handlers_touch_no_data():
    for name in UI_ONLY & set(ProjectState.event_handlers):
        assert "session_scope" not in ProjectState.event_handlers[name].fn.__code__.co_names
