"""Recruiting use cases: offers and their surveys, applying in steps, reviewing, hiring.

Candidates are any logged-in users and only ever reach their own applications;
offers, applications, CVs and notes are for recruiters (and admins).

Commands live in ``offers``, ``survey``, ``applying``, ``cv``, ``review`` and
``pipeline``; reads in ``queries``; the shapes pages read in ``views``. Every
public name is re-exported here, so callers keep ``recruiting.save_offer(...)``.
"""

from care_portal.services.recruiting.applying import (
    save_answers,
    save_form,
    start_application,
    submit_application,
)
from care_portal.services.recruiting.cv import (
    attach_cv,
    read_cv,
)
from care_portal.services.recruiting.offers import (
    OFFER_TEXT_LIMITS,
    save_offer,
    set_offer_status,
)
from care_portal.services.recruiting.pipeline import (
    move_stage,
)
from care_portal.services.recruiting.queries import (
    get_application_review,
    get_offer,
    list_applications,
    list_my_applications,
    list_offers_for_recruiters,
    list_open_offers,
    list_questions,
)
from care_portal.services.recruiting.review import (
    add_note,
    set_rating,
)
from care_portal.services.recruiting.survey import (
    add_question,
    edit_question,
    move_question,
    remove_question,
)
from care_portal.services.recruiting.views import (
    RECRUITERS,
    AnswerView,
    ApplicationReview,
    ApplicationRow,
    CvFile,
    NoteView,
    OfferView,
    Progress,
    QuestionView,
)

__all__ = [
    "OFFER_TEXT_LIMITS",
    "RECRUITERS",
    "AnswerView",
    "ApplicationReview",
    "ApplicationRow",
    "CvFile",
    "NoteView",
    "OfferView",
    "Progress",
    "QuestionView",
    "add_note",
    "add_question",
    "attach_cv",
    "edit_question",
    "get_application_review",
    "get_offer",
    "list_applications",
    "list_my_applications",
    "list_offers_for_recruiters",
    "list_open_offers",
    "list_questions",
    "move_question",
    "move_stage",
    "read_cv",
    "remove_question",
    "save_answers",
    "save_form",
    "save_offer",
    "set_offer_status",
    "set_rating",
    "start_application",
    "submit_application",
]
