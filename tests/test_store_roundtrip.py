"""Data is sacred: loading and saving without edits gives the same bytes; an edit touches only its lines."""

from __future__ import annotations

import difflib
from pathlib import Path

import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ita_tui.store import load_records

from .conftest import SAMPLE_RECORDS


def _all_toml(root: Path) -> list[Path]:
    return sorted(root.rglob("*.toml"))


def test_every_sample_file_round_trips_byte_for_byte(sample_records):
    store = load_records(sample_records)
    assert len(store.sources) == len(_all_toml(SAMPLE_RECORDS)) == 6
    for relative, source in store.sources.items():
        store.document(relative)  # parse for editing
        assert store.render(relative) == source.raw, relative
        assert store.save(relative) is False  # nothing to write
        assert (sample_records / relative).read_bytes() == (SAMPLE_RECORDS / relative).read_bytes()


def test_crlf_bom_and_missing_final_newline_survive_an_edit(records_builder):
    raw = "\ufeff# หัวเรื่อง\r\norder = 1\r\ntitle = 'เดิม' # comment\r\nsteps = [\r\n  \"ก\",\r\n]".encode()
    records_builder.write_bytes("2566/measures/01-test.toml", raw)
    store = load_records(records_builder.root)
    store.set_value("2566/measures/01-test.toml", ("title",), "ใหม่")
    store.save("2566/measures/01-test.toml")
    written = (records_builder.root / "2566/measures/01-test.toml").read_bytes()
    assert written == raw.replace("'เดิม'".encode(), '"ใหม่"'.encode())


def test_editing_one_step_changes_only_that_line(sample_records):
    relative = "2566/measures/03-integrity-measures-risk.toml"
    before = (sample_records / relative).read_text(encoding="utf-8").splitlines()
    store = load_records(sample_records)
    store.set_value(relative, ("steps", 1), "จัดประชุมคณะทำงาน")
    store.save(relative)
    after = (sample_records / relative).read_text(encoding="utf-8").splitlines()
    changed = [line for line in difflib.ndiff(before, after) if line[:1] in "+-"]
    assert changed == ['-   "จัดประชุมคณะทำงานเพื่อดำเนินการจัดทำมาตรการ",', '+   "จัดประชุมคณะทำงาน",']


def test_editing_a_result_in_an_array_of_tables_keeps_comments(sample_records):
    relative = "2566/measures/02-public-forum.toml"
    store = load_records(sample_records)
    store.set_value(relative, ("results", 2, "text"), "เสนอรายงานต่อผู้บังคับบัญชา")
    store.save(relative)
    text = (sample_records / relative).read_text(encoding="utf-8")
    assert "# As in the seed: \"ผู้บังคับบัญชาและผู้บังคับบัญชา\" repeats itself." in text
    assert 'text = "เสนอรายงานต่อผู้บังคับบัญชา"' in text
    reloaded = load_records(sample_records)
    assert reloaded.records.years[2566].measures[1].results[2].text == "เสนอรายงานต่อผู้บังคับบัญชา"


_key = st.text(alphabet=st.characters(codec="utf-8", categories=("Ll", "Lo", "Nd")), min_size=1, max_size=8)
_scalar = st.one_of(
    st.text(max_size=40),  # any Unicode text, controls and marks included
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(),
)
_value = st.recursive(_scalar, lambda inner: st.lists(inner, max_size=4), max_leaves=8)
_table = st.dictionaries(_key, _value, max_size=6)
_document = st.dictionaries(_key, st.one_of(_value, _table), max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=_document, newline=st.sampled_from(["\n", "\r\n"]), bom=st.booleans())
def test_any_generated_document_round_trips_byte_for_byte(tmp_path_factory, document, newline, bom):
    root = tmp_path_factory.mktemp("records")
    text = tomlkit.dumps(document)
    if newline == "\r\n":
        text = text.replace("\n", "\r\n")
    raw = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    (root / "agency.toml").write_bytes(raw)
    store = load_records(root)
    assert "agency.toml" in store.sources, store.findings
    store.document("agency.toml")
    assert store.render("agency.toml") == raw
    assert store.save("agency.toml") is False
    assert (root / "agency.toml").read_bytes() == raw
