"""Model edits → the smallest tomlkit changes, so a save is a small readable diff.

The TUI edits model objects; these functions compare them with what the file holds and change only the
keys (or list items) that differ. New and removed measure files are created and deleted here too.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re

import tomlkit

from ..model.findings import Finding
from ..model.records import Agency, FiscalYear, Measure, Memo, PreviousIta
from .errors import SaveRefused
from .folder import RecordStore
from .schema import read_agency, read_measure, read_report
from .source import parse_source
from .values import indent_of, same_values


def _set_if_changed(store: RecordStore, file: str, table: dict, key_path: tuple, value) -> None:
    """Set one key; empty values remove an optional key that was absent; lists change item by item.
    *table* holds the file's values as loaded, so an edit undone writes nothing."""
    current = table.get(key_path[-1]) if isinstance(table, dict) else None
    if same_values(current, value):
        return
    if value in ("", None, []) and current is None:
        return
    if isinstance(value, list) and isinstance(current, list) and current and value \
            and all(isinstance(item, str) for item in value + current):
        _edit_list_in_place(store, file, key_path, current, value)
        return
    if isinstance(value, list):
        value = _new_array(store, file, value)
    elif isinstance(value, str) and "\n" in value and "\r\n" not in value:
        value = _multi_line_like_before(store, file, key_path, value)
    store.set_value(file, key_path, value)


def _edit_list_in_place(store: RecordStore, file: str, key_path: tuple, old: list, new: list) -> None:
    """Change only the items that differ, so the array keeps its layout (one line stays one line)."""
    array = store.document(file)
    for key in key_path:
        array = array[key]
    for step, index, new_index in _sequence_edits(old, new):
        if step == "replace":
            array[index] = new[new_index]
        elif step == "delete":
            del array[index]
        else:
            array.insert(index, new[new_index])


def _sequence_edits(old: list, new: list):
    """The item edits that turn *old* into *new*, last first so earlier indexes stay valid: ("replace", i, j)
    puts new[j] at i, ("delete", i, None) removes i, ("insert", i, j) inserts new[j] at i. Unchanged items are
    never touched, so their lines keep their bytes."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, old_start, old_end, new_start, new_end in reversed(matcher.get_opcodes()):
        if tag == "equal":
            continue
        paired = min(old_end - old_start, new_end - new_start)
        for offset in range(paired):
            yield "replace", old_start + offset, new_start + offset
        for index in range(old_end - 1, old_start + paired - 1, -1):
            yield "delete", index, None
        for offset in range(new_start + paired, new_end):
            yield "insert", old_start + offset - new_start, offset


def _new_array(store: RecordStore, file: str, items: list):
    """A new array: several or long items one per line, indented as the file indents its arrays."""
    array = tomlkit.array()
    if len(items) > 1 or any(len(str(item)) > 40 for item in items):
        indent = indent_of(store.sources[file].text)
        for item in items:
            array.add_line(item, indent=indent)
        array.add_line(indent="")
    else:
        array.extend(items)
    return array


def _multi_line_like_before(store: RecordStore, file: str, key_path: tuple, value: str):
    """Text with line breaks replacing a multi-line string stays a multi-line string, in its layout."""
    container = store.document(file)
    for key in key_path[:-1]:
        container = container[key]
    before = container.get(key_path[-1]) if hasattr(container, "get") else None
    if not isinstance(before, tomlkit.items.String) or before.type not in (
            tomlkit.items.StringType.MLB, tomlkit.items.StringType.MLL):
        return value
    written = tomlkit.string(value, multiline=True)
    raw = written.as_string()[3:-3]
    if before.as_string()[3:4] in ("\n", "\r") and not raw.startswith("\n"):
        raw = "\n" + raw  # the file breaks the line after the opening quotes; parsers drop that break
    return tomlkit.items.String(tomlkit.items.StringType.MLB, value, raw, tomlkit.items.Trivia())


def apply_measure(store: RecordStore, measure: Measure, protected: frozenset[str] = frozenset()) -> None:
    """Write *measure*'s fields into its file's document (not to disk: `store.save` does that).
    Keys in *protected* (values of the wrong type, which the model could not represent) are never written.

    The document is rebuilt from the file as loaded each time, and only fields that differ from what the
    file holds are written: no key the file lacks is added unless the user gave it a value."""
    file = measure.origin.file
    store.fresh_document(file)
    values = store.sources[file].values
    for key in ("order", "title", "recommendation", "status"):
        if key == "order" and "order" not in values and measure.order == store.fallback_orders.get(file):
            continue  # the order came from the file name: the file does not need to say it
        if key not in protected:
            _set_if_changed(store, file, values, (key,), getattr(measure, key))
    for key in ("steps", "owners", "evidence"):
        if key not in protected:
            _set_if_changed(store, file, values, (key,), list(getattr(measure, key)))
    if "timeline" not in protected:
        _apply_timeline(store, file, values, measure)
    if "results" not in protected:
        _apply_results(store, file, values, measure)
    if "budget" not in protected:
        _apply_budget(store, file, values, measure)


def _apply_timeline(store: RecordStore, file: str, values: dict, measure: Measure) -> None:
    timeline = measure.timeline
    current = values.get("timeline")
    if current is None and timeline.is_empty and not timeline.text:
        return
    if isinstance(current, str) and not (timeline.quarters or timeline.start or timeline.end):
        _set_if_changed(store, file, values, ("timeline",), timeline.text)
        return
    if not isinstance(current, dict):
        table = tomlkit.table()
        table["text"] = timeline.text
        if timeline.quarters:
            table["quarters"] = timeline.quarters
        store.set_value(file, ("timeline",), table)
        return
    for key in ("text", "quarters", "start", "end"):
        _set_if_changed(store, file, current, ("timeline", key), getattr(timeline, key))


def _apply_results(store: RecordStore, file: str, values: dict, measure: Measure) -> None:
    """Results change result by result: an inserted or deleted result adds or removes only its table."""
    current = values.get("results", [])
    wanted = measure.results
    as_tables = not current or isinstance(current[0], dict)
    if not as_tables:
        _set_if_changed(store, file, values, ("results",), [result.text for result in wanted])
        return
    document = store.document(file)
    old_keys = [(item.get("text"), item.get("date")) if isinstance(item, dict) else item for item in current]
    new_keys = [(result.text, result.date) for result in wanted]
    for step, index, new_index in _sequence_edits(old_keys, new_keys):
        if step == "replace":
            result = wanted[new_index]
            _set_if_changed(store, file, current[index], ("results", index, "text"), result.text)
            _set_if_changed(store, file, current[index], ("results", index, "date"), result.date)
        elif step == "delete":
            del document["results"][index]
        else:
            _insert_result(document, index, wanted[new_index])


def _insert_result(document, index: int, result) -> None:
    """Insert one `[[results]]` table, separated from its neighbours the way the others are."""
    if "results" not in document:
        document["results"] = tomlkit.aot()
    tables = document["results"]
    inline = isinstance(tables, tomlkit.items.Array)
    table = tomlkit.inline_table() if inline else tomlkit.table()
    table["text"] = result.text
    if result.date:
        table["date"] = result.date
    if not inline and "\n\n[[results]]" in document.as_string().replace("\r\n", "\n"):
        if index < len(tables):
            table.add(tomlkit.nl())  # the blank line before the next result
        elif len(tables) and not tables[-1].as_string().replace("\r\n", "\n").endswith("\n\n"):
            tables[-1].add(tomlkit.nl())
    tables.insert(index, table)


def _apply_budget(store: RecordStore, file: str, values: dict, measure: Measure) -> None:
    budget = measure.budget
    if budget is None:
        if "budget" in values:
            store.set_value(file, ("budget",), None)
        return
    current = values.get("budget")
    if isinstance(current, dict):  # [budget] amount = …, note = …: keep the table
        amount = budget.amount
        if isinstance(amount, float) and amount.is_integer() and isinstance(current.get("amount"), int):
            amount = int(amount)
        _set_if_changed(store, file, current, ("budget", "amount"), amount)
        _set_if_changed(store, file, current, ("budget", "note"), budget.note)
        return
    value = budget.amount if budget.amount is not None and not budget.note else budget.note
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    _set_if_changed(store, file, values, ("budget",), value)


def apply_memo(store: RecordStore, file: str, memo: Memo, previous: PreviousIta,
               protected: frozenset[tuple] = frozenset()) -> None:
    """Write the memo and last year's ITA into report.toml's document. Key paths in *protected* (and their
    sections) hold values of the wrong type and are never written. Like `apply_measure`, the document is
    rebuilt from the file as loaded and a missing section is added only to hold a value."""

    def writable(section: str, key: str) -> bool:
        return (section,) not in protected and (section, key) not in protected

    store.fresh_document(file)
    values = store.sources[file].values
    memo_values = values.get("memo", {})
    for key in ("number", "date", "subject", "addressee", "body_template", "closing"):
        value = getattr(memo, key)
        if key == "body_template" and value == "default" and "body_template" not in memo_values:
            continue
        if writable("memo", key):
            _set_if_changed(store, file, memo_values, ("memo", key), value)
    if writable("memo", "signatories"):
        _set_if_changed(store, file, memo_values, ("memo", "signatories"), list(memo.signatories))
    if (memo.paragraphs is not None or "paragraphs" in memo_values) and writable("memo", "paragraphs"):
        _set_if_changed(store, file, memo_values, ("memo", "paragraphs"), memo.paragraphs)  # None removes it
    previous_values = values.get("previous_ita", {})
    for key in ("fiscal_year", "score"):
        if writable("previous_ita", key):
            _set_if_changed(store, file, previous_values, ("previous_ita", key), getattr(previous, key))


def refresh_from_document(store: RecordStore, file: str) -> None:
    """Re-read the model objects of *file* from its (edited) document, and its schema findings with them.
    A file that is no longer loaded (it broke on disk) leaves the model: its problem is what shows."""
    if file == "agency.toml":  # taken in by a pull, or reloaded after a conflict
        findings_of_agency: list[Finding] = []
        if file in store.sources:
            store.records.agency = read_agency(file, store.values(file), findings_of_agency)
        else:
            store.records.agency = Agency()
        store.replace_findings(file, findings_of_agency)
        return
    year_number = int(file.split("/")[0])
    year = store.records.years[year_number]
    if file not in store.sources:
        if file.endswith("report.toml"):
            empty = FiscalYear(fiscal_year=year_number, measures=year.measures)
            empty.origin.file = file
            store.records.years[year_number] = empty
        else:
            year.measures = [m for m in year.measures if m.origin.file != file]
        return
    values = store.values(file)  # as loading reads them: tomllib, not tomlkit (CRLF in strings)
    findings: list[Finding] = []
    if file.endswith("report.toml"):
        fresh = read_report(file, year_number, values, findings)
        fresh.measures = year.measures
        store.records.years[year_number] = fresh
    else:
        for index, measure in enumerate(year.measures):
            if measure.origin.file == file:
                year.measures[index] = read_measure(file, measure.order, values, findings)
        year.measures.sort(key=lambda m: (m.order, m.origin.file))
    store.replace_findings(file, findings)


_SLUG = re.compile(r"[^a-z0-9]+")


def create_measure(store: RecordStore, fiscal_year: int, title: str = "", copy_of: Measure | None = None) -> Measure:
    """A new measure at the end of the year's list, as an unsaved file (the next save writes it; a name
    no file on disk or in the app has)."""
    year = store.records.years[fiscal_year]
    order = max((m.order for m in year.measures), default=0) + 1
    folder = store.root / str(fiscal_year) / "measures"
    if copy_of is not None:
        text = store.render(copy_of.origin.file).decode("utf-8").removeprefix("\ufeff")
        text = re.sub(r"(?m)^order\s*=\s*\d+", f"order = {order}", text, count=1)
        slug = copy_of.origin.file.rsplit("/", 1)[-1].split("-", 1)[-1].removesuffix(".toml") + "-copy"
    else:
        text = (f"order = {order}\ntitle = {tomlkit.string(title).as_string()}\nowners = []\nsteps = []\n"
                f'recommendation = ""\n\n[timeline]\ntext = ""\n')
        slug = "measure"
    slug = _SLUG.sub("-", slug.lower()).strip("-") or "measure"
    for suffix in range(100):
        name = f"{order:02d}-{slug}{'' if suffix == 0 else f'-{suffix}'}.toml"
        path = folder / name
        relative = path.relative_to(store.root).as_posix()
        if not (path.exists() or path.is_symlink() or relative in store.sources):
            break
    else:
        raise SaveRefused(f"no free file name for a new measure in {folder}")
    store.add_new_file(relative, path, text)
    findings: list[Finding] = []
    measure = read_measure(relative, order, store.document(relative).unwrap(), findings)
    year.measures.append(measure)
    year.measures.sort(key=lambda m: (m.order, m.origin.file))
    return measure


def delete_measure(store: RecordStore, measure: Measure) -> None:
    """Remove a measure's file (the user confirmed); refuses if it changed on disk since loading. A new
    measure no save has written is only forgotten."""
    file = measure.origin.file
    year = store.records.years[int(file.split("/")[0])]
    if file in store.new_files:
        store.forget_new_file(file)
    else:
        source = store.sources[file]
        if hashlib.sha256(source.path.read_bytes()).hexdigest() != source.sha256:
            raise SaveRefused(f"{file} changed on disk since it was read; reload before deleting")
        source.path.unlink()
        del store.sources[file]
        store._documents.pop(file, None)
    year.measures = [m for m in year.measures if m.origin.file != file]


def put_back_measure_file(store: RecordStore, relative: str, data: bytes | None, expected: bytes | None,
                          unsaved: bytes | None = None) -> Measure | None:
    """Undo's way back for a measure file: write *data* (None: remove the file) where the disk holds exactly
    *expected* (None: no file), atomically, and load it as the year's measure again, with *unsaved* (edits no
    save had written) on top. Refuses when the disk holds anything else: an undo never overwrites a change
    made by someone else since."""
    from .atomic import write_atomically

    path = store.root / relative
    try:
        on_disk = path.read_bytes()
    except FileNotFoundError:
        on_disk = None
    if on_disk != expected:
        raise SaveRefused(f"{relative} changed on disk since; not undoing over it")
    year = store.records.years[int(relative.split("/")[0])]
    checked = None
    if data is not None:
        checked = parse_source(relative, path, data)
        if isinstance(checked, Finding):
            raise SaveRefused(f"{relative}: the earlier version would not load ({checked.rule_id})")
        write_atomically(path, data)
    elif on_disk is not None:
        path.unlink()
    year.measures = [m for m in year.measures if m.origin.file != relative]
    store._documents.pop(relative, None)
    store.new_files.discard(relative)
    if checked is None:
        store.sources.pop(relative, None)
        store.replace_findings(relative, [])
        return None
    store.sources[relative] = checked
    if unsaved is not None and unsaved != data:
        store.adopt(relative, unsaved)
    findings: list[Finding] = []
    measure = read_measure(relative, store.fallback_orders.get(relative, len(year.measures) + 1),
                           store.values(relative), findings)
    store.replace_findings(relative, findings)
    year.measures.append(measure)
    year.measures.sort(key=lambda m: (m.order, m.origin.file))
    return measure


def parse_date_input(text: str) -> dt.date | None:
    """A date typed in a form: Thai ("๒ ก.พ. ๖๖", "2/2/2566") or ISO; "" is no date."""
    from ..thai.dates import parse_thai_date

    text = text.strip()
    if not text:
        return None
    return parse_thai_date(text)
