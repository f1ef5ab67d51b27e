"""Copies between measures at any length above a trivial one; near copies judged in proportion to length;
no copy found where none was made (the shipped sample's real ones aside, and generated years)."""

from __future__ import annotations

import sys

import pytest

from ita_tui.check import run_checks
from ita_tui.store import load_records
from tests.conftest import MINIMAL_MEASURE, PROJECT_ROOT


def _copies(root) -> list:
    return [f for f in run_checks(load_records(root)).findings if f.rule_id == "copied-from-measure"]


def _two_measures(records_builder, first: dict[str, str], second: dict[str, str]) -> None:
    """Measure 1 and measure 2, each the minimal measure with some texts replaced."""
    def text(replacements: dict[str, str]) -> str:
        result = MINIMAL_MEASURE
        for old, new in replacements.items():
            result = result.replace(old, new)
        return result

    records_builder.write("2566/measures/01-test.toml", text(first))
    records_builder.write("2566/measures/02-test.toml", text({"order = 1": "order = 2", **second}))


def test_a_short_identical_results_list_is_a_copy(records_builder):
    # 18 Thai letters: far under the 40 the rule used to need
    _two_measures(records_builder, {}, {"ควรติดตามผล": "ควรรายงานผู้บริหาร",
                                        'steps = ["แต่งตั้งคณะทำงาน"]': 'steps = ["ประชุมชี้แจง"]'})
    [copy] = _copies(records_builder.root)
    assert copy.file == "2566/measures/02-test.toml" and copy.params["field"] == "results"
    assert copy.params["other_order"] == 1 and copy.params["percent"] == 100


def test_identical_after_spacing_punctuation_and_numbers_is_a_copy(records_builder):
    first = {'steps = ["แต่งตั้งคณะทำงาน"]': 'steps = ["๑. แต่งตั้งคณะทำงาน", "๒. ประชุมชี้แจง"]'}
    second = {'steps = ["แต่งตั้งคณะทำงาน"]': 'steps = ["1) แต่งตั้ง คณะทำงาน", "2) ประชุม ชี้แจง"]',
              "ประชุมคณะทำงานแล้ว": "จัดอบรมแล้วเสร็จ", "ควรติดตามผล": "ควรรายงานผู้บริหาร"}
    _two_measures(records_builder, first, second)
    assert [c.params["field"] for c in _copies(records_builder.root)] == ["steps"]


def test_a_short_recommendation_copied_with_one_letter_changed_is_a_near_copy(records_builder):
    first = {"ควรติดตามผล": "รายงานผลต่อนายกองค์การบริหารส่วนตำบล"}
    second = {"ควรติดตามผล": "รายงานผลต่อนายกองค์การบริหารส่วนตําบล",  # ำ typed as ํา
              "ประชุมคณะทำงานแล้ว": "จัดอบรมแล้วเสร็จ", 'steps = ["แต่งตั้งคณะทำงาน"]': 'steps = ["ประชุมชี้แจง"]'}
    _two_measures(records_builder, first, second)
    [copy] = _copies(records_builder.root)
    assert copy.params["field"] == "recommendation" and 90 <= copy.params["percent"] < 100


@pytest.mark.parametrize("first, second", [
    ("แต่งตั้งคณะทำงาน", "แต่งตั้งคณะกรรมการ"),  # a word changed in a short text is another text
    ("ติดตามผลการดำเนินงานรายไตรมาส", "ติดตามผลการดำเนินงานรายเดือน"),
    ("ไม่มี", "ไม่มี"),  # trivial: under 10 Thai letters
    ("-", "-"),
])
def test_different_or_trivial_short_texts_are_no_copy(records_builder, first, second):
    _two_measures(records_builder,
                  {"ควรติดตามผล": first, 'steps = ["แต่งตั้งคณะทำงาน"]': 'steps = ["ประชุมชี้แจง"]'},
                  {"ควรติดตามผล": second, "ประชุมคณะทำงานแล้ว": "จัดอบรมแล้วเสร็จ"})
    assert _copies(records_builder.root) == []


def test_the_shipped_sample_shows_only_its_two_real_copies(sample_records):
    found = [(c.file, c.params["field"], c.params["other_order"]) for c in _copies(sample_records)]
    assert found == [("2566/measures/04-smart-country.toml", "recommendation", 3),
                     ("2566/measures/04-smart-country.toml", "results", 3)]


def test_generated_years_have_no_copies(tmp_path):
    sys.path.insert(0, str(PROJECT_ROOT / "bench"))
    try:
        from generate import generate_records
    finally:
        sys.path.remove(str(PROJECT_ROOT / "bench"))
    root = tmp_path / "records"
    generate_records(root, years=4, measures_per_year=50)
    assert _copies(root) == []
