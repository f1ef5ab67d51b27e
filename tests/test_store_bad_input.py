"""Bad input never crashes the loader, never changes a file, and is named with file, line and rule."""

from __future__ import annotations

import os

import pytest

from ita_tui.check import run_checks
from ita_tui.store import load_records


def _problems(root):
    store = load_records(root)
    return store, {(f.file, f.rule_id): f for f in store.findings}


def _unchanged(path, before: bytes):
    assert path.read_bytes() == before


def test_toml_syntax_error_names_line_and_column_and_other_files_still_load(records_builder):
    path = records_builder.measure(extra="broken = \n")
    before = path.read_bytes()
    store, problems = _problems(records_builder.root)
    finding = problems[("2566/measures/01-test.toml", "file-toml-syntax")]
    assert (finding.line, finding.col) == (12, 10)
    assert store.records.agency.name == "องค์การบริหารส่วนตำบลทดสอบ"
    assert 2566 in store.records.years
    _unchanged(path, before)


def test_merge_conflict_markers_are_named_as_such(records_builder):
    path = records_builder.write("2566/measures/01-test.toml",
                                 'order = 1\n<<<<<<< HEAD\ntitle = "ก"\n=======\ntitle = "ข"\n>>>>>>> other\n')
    before = path.read_bytes()
    _, problems = _problems(records_builder.root)
    finding = problems[("2566/measures/01-test.toml", "file-merge-conflict")]
    assert finding.line == 2
    _unchanged(path, before)


def test_invalid_utf8_names_the_line_and_the_byte(records_builder):
    records_builder.write_bytes("2566/measures/01-test.toml", b'order = 1\ntitle = "\xe0\xb8\x81\xff"\n')
    _, problems = _problems(records_builder.root)
    finding = problems[("2566/measures/01-test.toml", "file-not-utf8")]
    assert finding.line == 2 and finding.params["byte"] == "0xFF"


def test_nul_bytes_are_refused(records_builder):
    records_builder.write_bytes("2566/measures/01-test.toml", b'order = 1\ntitle = "a\x00"\n')
    _, problems = _problems(records_builder.root)
    assert problems[("2566/measures/01-test.toml", "file-nul-byte")].line == 2


def test_symlink_out_of_the_records_folder_is_not_followed(records_builder, tmp_path):
    secret = tmp_path / "secret.toml"
    secret.write_text('title = "ความลับ"\n', encoding="utf-8")
    os.symlink(secret, records_builder.root / "2566/measures/02-link.toml")
    store, problems = _problems(records_builder.root)
    assert ("2566/measures/02-link.toml", "file-outside-records") in problems
    assert all(measure.title != "ความลับ" for measure in store.records.years[2566].measures)


def test_oversized_files_are_refused(records_builder):
    records_builder.write_bytes("2566/measures/02-big.toml", b"# " + b"x" * (1024 * 1024 + 10) + b"\n")
    _, problems = _problems(records_builder.root)
    assert ("2566/measures/02-big.toml", "file-too-large") in problems


def test_wrong_types_are_reported_at_their_line_and_the_rest_loads(records_builder):
    records_builder.measure(**{'order = 1': 'order = "หนึ่ง"', 'steps = ["แต่งตั้งคณะทำงาน"]': 'steps = "เดียว"'})
    store = load_records(records_builder.root)
    report = run_checks(store)
    mismatches = [(f.line, f.params["expected"]) for f in report.findings if f.rule_id == "type-mismatch"]
    assert mismatches == [(1, "integer"), (4, "list of text")]
    assert store.records.years[2566].measures[0].title == "มาตรการทดสอบ"


def test_missing_records_folder_raises_for_the_cli_to_report(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_records(tmp_path / "nope")
