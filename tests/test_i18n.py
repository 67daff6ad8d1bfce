"""The message catalogue: every key the code uses exists in both languages, once, with the same blanks."""

from __future__ import annotations

import ast
import re
import string
from collections import Counter
from pathlib import Path

import pytest

from care_portal.domain import recruiting
from care_portal.i18n import UnknownMessageKey, tr, tr_pair
from care_portal.i18n.catalog import CATALOG
from care_portal.models import AccessSubject, ConsentState, OutboxStatus, Role, TaskState
from care_portal.models.care import ConsentAction
from care_portal.services.aeat_status import LOG_OUTCOMES
from care_portal.services.privacy.export import CONSENT_ACTION_KEYS

PACKAGE = Path(__file__).resolve().parent.parent / "care_portal"
I18N = PACKAGE / "i18n"
KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
NAMESPACES = {key.split(".")[0] for key in CATALOG}
# Dotted strings that are not messages: audit actions and foreign keys share the namespaces.
NOT_MESSAGES = {"action", "foreign_key"}


def _code_files() -> list[Path]:
    return [path for path in PACKAGE.rglob("*.py") if I18N not in path.parents]


def _keys_in(path: Path) -> set[str]:
    """Dotted string literals in a module that look like message keys (audit actions left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for keyword in node.keywords
        if keyword.arg in NOT_MESSAGES
        for inner in ast.walk(keyword.value)
    }
    fstrings = [node for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)]
    skipped |= {id(part) for node in fstrings for part in node.values}  # pieces of built keys
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skipped
        and KEY.fullmatch(node.value)
        and node.value.split(".")[0] in NAMESPACES
    }


def _fields(text: str) -> Counter:
    return Counter(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def test_every_key_written_in_the_code_is_in_the_catalogue():
    used = {key: path for path in _code_files() for key in _keys_in(path)}
    assert len(used) > 300, "the scan no longer finds the keys (did the code move?)"
    missing = {key: str(path.relative_to(PACKAGE)) for key, path in used.items() if key not in CATALOG}
    assert missing == {}


@pytest.mark.parametrize(
    ("family", "values"),
    [
        ("role", [role.value for role in Role]),
        ("stage", [stage.value for stage in recruiting.Stage]),
        ("offer_status", [status.value for status in recruiting.OfferStatus]),
        ("kind", [kind.value for kind in recruiting.QuestionKind]),
        ("area", recruiting.AREAS),
        ("day", recruiting.DAYS),
        ("slot", recruiting.SLOTS),
        ("task.state", [state.value for state in TaskState]),
        ("care.state", [state.value for state in ConsentState]),
        ("care.consent", [CONSENT_ACTION_KEYS.get(action.value, action.value) for action in ConsentAction]),
        ("access.role", [role.value for role in Role]),
        ("access.subject", [subject.value for subject in AccessSubject]),
        ("outbox", [status.value for status in OutboxStatus]),
        ("admin.aeat.outcome", LOG_OUTCOMES),
    ],
)
def test_keys_built_from_enumerations_exist(family, values):
    """Views build ``f"{family}.{value}"`` keys, which no literal scan can see."""
    assert [f"{family}.{value}" for value in values if f"{family}.{value}" not in CATALOG] == []


def test_every_message_has_both_languages():
    for key, pair in CATALOG.items():
        assert isinstance(pair, tuple), key
        assert len(pair) == 2, key
        spanish, english = pair
        assert spanish.strip(), f"{key}: Spanish missing"
        assert english.strip(), f"{key}: English missing"


def test_no_key_is_defined_twice_across_the_area_files():
    """A dict literal and the ``**AREA`` merge both keep the last value silently: look at the source."""
    definitions: dict[str, list[str]] = {}
    for path in sorted(I18N.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                for key in node.keys:
                    if isinstance(key, ast.Constant) and isinstance(key.value, str):
                        definitions.setdefault(key.value, []).append(path.name)
    assert len(definitions) == len(CATALOG)
    assert {key: files for key, files in definitions.items() if len(files) > 1} == {}


def test_placeholders_and_list_parts_match_between_spanish_and_english():
    for key, (spanish, english) in CATALOG.items():
        assert _fields(spanish) == _fields(english), key
        assert spanish.count("|") == english.count("|"), key


def test_an_unknown_key_fails_loudly_in_tests():
    with pytest.raises(UnknownMessageKey):
        tr("care.no_such_message")
    with pytest.raises(UnknownMessageKey):
        tr_pair("care.no_such_message")
    assert tr("common.save", "en") == "Save"
