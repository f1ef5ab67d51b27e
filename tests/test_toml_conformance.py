"""The official TOML conformance suite (toml-test, TOML 1.0.0), each document used as a measure file:
valid ones load, save unchanged through the store and through the app's session, and a title edit changes
only the title; invalid ones are reported with a rule and a place inside the file."""

from __future__ import annotations

import difflib
import shutil
import tomllib
from pathlib import Path

import pytest

from ita_tui.store import load_records
from ita_tui.store.values import same_values
from ita_tui.tui.session import Session

from .conftest import MINIMAL_AGENCY, MINIMAL_REPORT

CORPUS = Path(__file__).resolve().parent / "corpora" / "toml-test"
LISTED = [line for line in (CORPUS / "files-toml-1.0.0").read_text().splitlines() if line.endswith(".toml")]
VALID = [name for name in LISTED if name.startswith("valid/")]
INVALID = [name for name in LISTED if name.startswith("invalid/")]
LOAD_RULES = {"file-toml-syntax", "file-not-utf8", "file-nul-byte", "file-merge-conflict"}


def _records_with(root: Path, names: list[str]) -> dict[str, str]:
    """A records folder whose 2566 measures are the corpus files *names*; relative path → corpus name."""
    (root / "2566" / "measures").mkdir(parents=True)
    (root / "agency.toml").write_text(MINIMAL_AGENCY, encoding="utf-8")
    (root / "2566" / "report.toml").write_text(MINIMAL_REPORT, encoding="utf-8")
    placed = {}
    for number, name in enumerate(names, start=1):
        relative = f"2566/measures/{number:03d}-{name.replace('/', '-')}"
        shutil.copyfile(CORPUS / name, root / relative)
        placed[relative] = name
    return placed


def test_the_corpus_is_complete():
    assert (len(VALID), len(INVALID)) == (210, 499)
    assert (CORPUS / "LICENSE").read_text().startswith("The MIT License")
    assert all((CORPUS / name).is_file() for name in LISTED)


@pytest.fixture(scope="module")
def valid_records(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("valid") / "records"
    return root, _records_with(root, VALID)


def test_every_valid_document_loads_edits_and_saves_byte_for_byte_through_the_store(valid_records):
    root, placed = valid_records
    store = load_records(root)
    assert [f for f in store.findings if f.file in placed and f.rule_id in LOAD_RULES] == []
    for relative in placed:
        store.document(relative)  # the two parsers agree on every valid document (nan and CRLF included)
        assert store.render(relative) == (root / relative).read_bytes(), relative
        assert store.save(relative) is False


def test_a_no_edit_save_through_the_app_session_changes_no_byte(valid_records):
    root, placed = valid_records
    before = {relative: (root / relative).read_bytes() for relative in placed}
    session = Session(root)
    for measure in session.records.years[2566].measures:
        session.update_measure(measure)
    session.update_memo(session.records.years[2566])
    outcome = session.save_all()
    assert (outcome.saved, outcome.refused, outcome.conflicts) == ([], [], [])
    assert {relative: (root / relative).read_bytes() for relative in placed} == before


def test_editing_the_title_through_the_session_changes_nothing_else(tmp_path):
    root = tmp_path / "records"
    placed = _records_with(root, VALID)
    before = {relative: (root / relative).read_text(encoding="utf-8-sig") for relative in placed}
    session = Session(root)
    edited = []
    for measure in session.records.years[2566].measures:
        if "title" in session.wrongly_typed_keys(measure.origin.file):
            continue  # a title that is not text is shown disabled and never written
        measure.title = "ชื่อที่แก้"
        session.update_measure(measure)
        edited.append(measure.origin.file)
    outcome = session.save_all()
    assert (outcome.refused, outcome.conflicts) == ([], [])
    for relative in placed:
        after = (root / relative).read_text(encoding="utf-8-sig")
        old_values, new_values = tomllib.loads(before[relative]), tomllib.loads(after)
        if relative not in edited:
            assert after == before[relative], relative
            continue
        assert new_values.pop("title") == "ชื่อที่แก้", relative
        old_values.pop("title", None)
        assert same_values(new_values, old_values), relative
        changed = [line for line in difflib.ndiff(before[relative].splitlines(), after.splitlines())
                   if line[:1] in "+-"]
        title_lines = ("title", "'title'", '"title"')
        others = [line for line in changed if line[2:].strip() and not line[2:].lstrip().startswith(title_lines)]
        assert others == [], relative  # a new title line, maybe a blank line before the first table


@pytest.fixture(scope="module")
def invalid_findings(tmp_path_factory) -> tuple[Path, dict[str, str], dict]:
    root = tmp_path_factory.mktemp("invalid") / "records"
    placed = _records_with(root, INVALID)
    store = load_records(root)
    by_file: dict[str, list] = {}
    for finding in store.findings:
        by_file.setdefault(finding.file, []).append(finding)
    return root, placed, by_file


def test_every_invalid_document_is_refused_with_a_load_rule_at_a_place_in_the_file(invalid_findings):
    root, placed, by_file = invalid_findings
    for relative in placed:
        found = [f for f in by_file.get(relative, []) if f.rule_id in LOAD_RULES]
        assert len(found) == 1, relative
        raw = (root / relative).read_bytes()
        lines = raw.split(b"\n")
        assert 1 <= found[0].line <= len(lines), relative
        assert 1 <= found[0].col <= len(lines[found[0].line - 1]) + 2, relative


def test_errors_at_the_end_of_a_document_point_into_it_not_at_its_start(invalid_findings):
    root, placed, by_file = invalid_findings
    at_end = 0
    for relative in placed:
        try:
            tomllib.loads((root / relative).read_bytes().decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            if "at end of document" not in str(error):
                continue
        (finding,) = by_file[relative]
        text = (root / relative).read_text(encoding="utf-8")
        if text.strip().count("\n") == 0 and finding.col > 1:
            at_end += 1
            continue
        opens_the_file = text.lstrip()[:1] in ("'", '"')  # the string left open starts at 1:1
        assert (finding.line, finding.col) != (1, 1) or opens_the_file, relative
        at_end += 1
    assert at_end >= 25
