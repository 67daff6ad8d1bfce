"""Numbered visits read «visita N de M» in the visitor's language, and nothing outside a series."""

import pytest

from care_portal.domain.series import visit_ordinal_label


def test_a_visit_of_a_pack_reads_its_place_in_both_languages():
    assert visit_ordinal_label(2, 4, "es") == "visita 2 de 4"
    assert visit_ordinal_label(2, 4, "en") == "visit 2 of 4"


@pytest.mark.parametrize(("number", "total"), [(None, None), (1, 1), (None, 4), (2, None)])
def test_a_visit_outside_a_series_has_no_label(number, total):
    assert visit_ordinal_label(number, total, "es") == ""
