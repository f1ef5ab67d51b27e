"""Property: any measure file (LF or CRLF, with or without BOM, multi-line strings, arrays of tables,
comments) edited by any sequence of model edits through the store reads back as exactly the edited model,
keeps the untouched fields' lines byte for byte, and uses only the file's own line ending."""

from __future__ import annotations

import copy
import tomllib

import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ita_tui.model.records import Result
from ita_tui.store import load_records
from ita_tui.store.edit import apply_measure, refresh_from_document

from .conftest import MINIMAL_AGENCY, MINIMAL_REPORT

MEASURE = "2566/measures/01-test.toml"

_line = st.text(alphabet=st.sampled_from(list("กขคงจมาตรการ ทดสอบ abcXYZ019-_.,'\"\\#=[]{}")), min_size=1,
                max_size=20).map(str.strip).filter(bool)
_lines = st.lists(_line, min_size=1, max_size=3).map("\n".join)
_comment = st.sampled_from(["", "# หมายเหตุ", "# comment = not a key", "#"])


def _quoted(text: str) -> str:
    if "\n" in text:
        return tomlkit.string(text, multiline=True).as_string()
    return tomlkit.string(text).as_string()


@st.composite
def measure_files(draw):
    """(blocks, values): the file as named blocks of text (LF; CRLF is applied later) and its values."""
    blocks: list[tuple[str, str]] = []
    values: dict = {}

    def add(name: str, text: str) -> None:
        comment = draw(_comment)
        blocks.append((name, (comment + "\n" if comment else "") + text + "\n"))

    if draw(st.booleans()):
        values["order"] = draw(st.integers(1, 40))
        add("order", f"order = {values['order']}")
    values["title"] = draw(_line)
    add("title", f"title = {_quoted(values['title'])}")
    for key in ("steps", "owners"):
        items = draw(st.lists(_line, max_size=4))
        values[key] = items
        if draw(st.booleans()) or not items:
            add(key, f"{key} = [{', '.join(_quoted(item) for item in items)}]")
        else:
            indent = draw(st.sampled_from(["  ", "    ", "\t"]))
            body = "".join(f"{indent}{_quoted(item)},\n" for item in items)
            add(key, f"{key} = [\n{body}]")
    values["recommendation"] = draw(st.one_of(_line, _lines))
    add("recommendation", f"recommendation = {_quoted(values['recommendation'])}")
    if draw(st.booleans()):
        values["timeline"] = {"text": draw(_line)}
        add("timeline", f"\n[timeline]\ntext = {_quoted(values['timeline']['text'])}")
    results = draw(st.lists(_line, max_size=3))
    spaced = draw(st.booleans())
    if results:
        values["results"] = [{"text": text} for text in results]
    for index, text in enumerate(results):
        add(f"results.{index}", ("\n" if spaced or index == 0 else "") + f"[[results]]\ntext = {_quoted(text)}")
    return blocks, values


_edits = st.lists(st.one_of(
    st.tuples(st.just("title"), _line),
    st.tuples(st.just("recommendation"), st.one_of(_line, _lines)),
    st.tuples(st.just("add-step"), _line),
    st.tuples(st.just("drop-step"), st.integers(0, 5)),
    st.tuples(st.just("edit-step"), st.integers(0, 5), _line),
    st.tuples(st.just("add-result"), st.integers(0, 5), _line),
    st.tuples(st.just("drop-result"), st.integers(0, 5)),
    st.tuples(st.just("owners"), st.lists(_line, max_size=3)),
    st.tuples(st.just("timeline"), _line),
    st.tuples(st.just("undo-all"),),
), max_size=6)


def _apply(measure, original, edit) -> None:
    kind = edit[0]
    if kind in ("title", "recommendation"):
        setattr(measure, kind, edit[1])
    elif kind == "add-step":
        measure.steps.append(edit[1])
    elif kind == "drop-step" and measure.steps:
        del measure.steps[edit[1] % len(measure.steps)]
    elif kind == "edit-step" and measure.steps:
        measure.steps[edit[1] % len(measure.steps)] = edit[2]
    elif kind == "add-result":
        measure.results.insert(edit[1] % (len(measure.results) + 1), Result(edit[2]))
    elif kind == "drop-result" and measure.results:
        del measure.results[edit[1] % len(measure.results)]
    elif kind == "owners":
        measure.owners = list(edit[1])
    elif kind == "timeline":
        measure.timeline.text = edit[1]
    elif kind == "undo-all":
        for field in ("title", "recommendation", "steps", "owners", "results", "timeline"):
            setattr(measure, field, copy.deepcopy(getattr(original, field)))


def _as_values(measure) -> dict:
    return {"title": measure.title, "recommendation": measure.recommendation, "steps": measure.steps,
            "owners": measure.owners, "results": [result.text for result in measure.results],
            "timeline": measure.timeline.text}


def _read_back(values: dict) -> dict:
    return {"title": values["title"], "recommendation": values["recommendation"],
            "steps": values.get("steps", []), "owners": values.get("owners", []),
            "results": [result["text"] for result in values.get("results", [])],
            "timeline": values.get("timeline", {}).get("text", "")}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(file=measure_files(), newline=st.sampled_from(["\n", "\r\n"]), bom=st.booleans(), edits=_edits)
def test_edits_read_back_exactly_and_leave_the_rest_of_the_file_alone(tmp_path_factory, file, newline, bom,
                                                                      edits):
    blocks, values = file
    root = tmp_path_factory.mktemp("records")
    (root / "2566" / "measures").mkdir(parents=True)
    (root / "agency.toml").write_text(MINIMAL_AGENCY, encoding="utf-8")
    (root / "2566" / "report.toml").write_text(MINIMAL_REPORT, encoding="utf-8")
    text = "".join(block for _, block in blocks).replace("\n", newline)
    raw = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    (root / MEASURE).write_bytes(raw)
    assert tomllib.loads(text) == values  # the generator wrote what it meant

    store = load_records(root)
    (original,) = store.records.years[2566].measures
    original = copy.deepcopy(original)
    for edit in edits:
        (measure,) = store.records.years[2566].measures
        _apply(measure, original, edit)
        wanted = _as_values(measure)
        apply_measure(store, measure)
        refresh_from_document(store, MEASURE)
    wanted = _as_values(store.records.years[2566].measures[0]) if edits else _as_values(original)
    store.save(MEASURE)
    written = (root / MEASURE).read_bytes()

    assert written.startswith(b"\xef\xbb\xbf") == bom
    body = written.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    assert _read_back(tomllib.loads(body)) == wanted
    bare_lf = body.replace("\r\n", "").count("\n")
    assert bare_lf == 0 if newline == "\r\n" else "\r\n" not in body
    if wanted == _as_values(original):
        assert written == raw  # edits undone: not a byte changed
    untouched = {"title", "recommendation", "steps", "owners", "timeline", "results"} - {
        name for name in wanted if wanted[name] != _as_values(original)[name]}
    for name, block in blocks:
        field = name.split(".")[0]
        if field in untouched or field == "order":
            assert block.strip("\n").replace("\n", newline) in body, name
