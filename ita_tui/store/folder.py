"""A records folder on disk ⇄ the model: load everything that can be loaded, save edits safely.

Layout: `agency.toml`, then per fiscal year `<BE year>/report.toml` and `<BE year>/measures/*.toml`.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.findings import Finding, Severity
from ..model.records import FiscalYear, FiscalYears, Records, years_read
from .atomic import STALE_TEMP_SECONDS, is_temp_file, remove_if_stale, write_atomically
from .errors import ConflictError, SaveRefused
from .schema import read_agency, read_measure, read_report
from . import shelf as year_shelf
from .shelf import SHELVES_MEMO, YearShelf, conditions, year_signature
from .source import SourceFile, StaleCache, parse_source, read_source
from .values import same_values, with_final_newlines_of, with_line_endings_of

if TYPE_CHECKING:
    from .cache import ParseCache

YEAR_FOLDER = re.compile(r"^[0-9]{4}$")
_FILENAME_ORDER = re.compile(r"^([0-9]+)")


class RecordStore:
    """The loaded records folder: model, per-file sources (for positions and saving), load findings."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.sources: dict[str, SourceFile] = {}
        self.findings: list[Finding] = []
        self.records = Records()
        self._documents: dict = {}  # relative path → tomlkit document, parsed on first edit
        self.new_files: set[str] = set()  # created in the app, not yet on disk: written by the next save
        self.fallback_orders: dict[str, int] = {}  # measure file without `order` → the order it got
        self._cache = None
        self.lazy = False  # years whose shelf still holds are read on first use (the app: see store.shelf)
        self.shelved: dict[int, YearShelf] = {}  # fiscal year not read → its summary and findings
        self.read_as: dict[int, tuple[tuple | None, float]] = {}  # year read → (signature, time) before reading
        self.year_read_listeners: list = []  # called with a fiscal year read on first use
        self.read_from_shelf: set[int] = set()  # years read on first use (their shelves held)
        self._shelves_not_holding: set[int] = set()

    # -- loading ------------------------------------------------------------------------------
    @classmethod
    def load(cls, root: Path | str, cache: "ParseCache | None" = None, lazy: bool = False) -> "RecordStore":
        """Load a folder; with a *cache* (see store.cache), unchanged files are not parsed again, and with
        *lazy* too, years whose shelf still holds are not read until asked for (store.shelf)."""
        store = cls(Path(root))
        if not store.root.is_dir():
            raise FileNotFoundError(f"records folder not found: {store.root}")
        store._cache = cache
        store.lazy = lazy and cache is not None
        if store.lazy:
            store.records.years = FiscalYears(store._read_unread_year)
        store._load_all()
        if cache is not None:
            cache.save(set(store.sources))
        return store

    def _read(self, path: Path) -> SourceFile | None:
        result = read_source(self.root, path, self._cache)
        if isinstance(result, Finding):
            self.findings.append(result)
            return None
        self.sources[result.relative_path] = result
        return result

    def _load_all(self) -> None:
        agency_path = self.root / "agency.toml"
        if agency_path.exists() or agency_path.is_symlink():
            source = self._read(agency_path)
            if source is not None:
                self.records.agency = read_agency(source.relative_path, source.values, self.findings)
        else:
            self.findings.append(Finding("file-missing", Severity.ERROR, "agency.toml", (), {}, 1, 1))
        shelves, conditions_now = self._kept_shelves()
        for folder in sorted(self.root.iterdir()):
            if folder.is_dir() and YEAR_FOLDER.match(folder.name) and self._inside_root(folder):
                shelf = shelves.get(int(folder.name))
                if shelf is not None and shelf.still_true(year_signature(self.root, int(folder.name)),
                                                          conditions_now, self.root, year_shelf.today()):
                    self.records.years.add_unread(int(folder.name))
                    self.shelved[int(folder.name)] = shelf
                else:
                    self._load_year(folder)
        self._find_leftovers()

    def conditions_now(self) -> str:
        agency = self.sources.get("agency.toml")
        return conditions(agency.sha256 if agency else None)

    def _kept_shelves(self) -> tuple[dict[int, YearShelf], str]:
        """The shelves an earlier run kept (lazy loading only), and today's conditions to check them by."""
        shelves = self._cache.recall(SHELVES_MEMO) if self.lazy else None
        if not isinstance(shelves, dict):
            return {}, ""
        return {year: shelf for year, shelf in shelves.items() if isinstance(shelf, YearShelf)}, \
            self.conditions_now()

    def _read_unread_year(self, fiscal_year: int) -> FiscalYear:
        """A shelved year asked for: read it now (from the parse cache: its files did not change)."""
        self.shelved.pop(fiscal_year, None)
        if fiscal_year not in self._shelves_not_holding:
            self.read_from_shelf.add(fiscal_year)
        year = self._load_year(self.root / str(fiscal_year))
        if self._cache is not None:
            self._cache.save(set(self.sources))
        for listener in list(self.year_read_listeners):
            listener(fiscal_year)
        return year

    def read_year_of(self, relative_path: str) -> None:
        """Make sure the year *relative_path* belongs to is read (its sources and findings in memory)."""
        head = relative_path.split("/", 1)[0]
        if self.lazy and head.isdigit() and int(head) in self.shelved:
            self.records.years[int(head)]

    def read_changed_years(self) -> list[int]:
        """After files changed behind the app (a pull): read each shelved year whose shelf no longer holds."""
        conditions_now = self.conditions_now()
        changed = [fiscal_year for fiscal_year, shelf in self.shelved.items()
                   if not shelf.still_true(year_signature(self.root, fiscal_year), conditions_now, self.root,
                                           year_shelf.today())]
        self._read_without_shelves(changed)
        return changed

    def take_in_added_and_removed(self) -> list[str]:
        """After a pull: year folders that appeared, and measure files that appeared or went in the years
        read (years not read are their shelves' business: `read_changed_years`). A file gone from disk that
        has unsaved edits here stays (its save will ask). Returns the records-relative paths taken in."""
        taken: list[str] = []
        for folder in sorted(self.root.iterdir()):
            if folder.is_dir() and YEAR_FOLDER.match(folder.name) and int(folder.name) not in self.records.years \
                    and self._inside_root(folder):
                self._load_year(folder)
                taken.append(folder.name)
        for fiscal_year, year in years_read(self.records.years).items():
            if str(fiscal_year) in taken:
                continue
            measures_folder = self.root / str(fiscal_year) / "measures"
            try:
                on_disk = {f"{fiscal_year}/measures/{name}" for name in os.listdir(measures_folder)
                           if name.endswith(".toml")}
            except OSError:
                on_disk = set()
            prefix = f"{fiscal_year}/measures/"
            known = {m.origin.file for m in year.measures} | {f.file for f in self.findings if f.file.startswith(prefix)}
            for relative in sorted(on_disk - known):
                self._read_measure(year, self.root / relative, len(year.measures) + 1)
                taken.append(relative)
            for relative in sorted(known - on_disk):
                if relative in self.new_files or (relative in self._documents and self.is_modified(relative)):
                    continue
                self.sources.pop(relative, None)
                self._documents.pop(relative, None)
                year.measures = [m for m in year.measures if m.origin.file != relative]
                self.findings = [f for f in self.findings if f.file != relative]
                taken.append(relative)
            year.measures.sort(key=lambda measure: (measure.order, measure.origin.file))
        return taken

    def read_all_years(self) -> None:
        """Read every year still on its shelf (a search of all years needs their texts)."""
        for fiscal_year in list(self.shelved):
            self.records.years[fiscal_year]

    def drop_shelves(self) -> None:
        """Read the shelved years: their shelves no longer hold (agency.toml changed)."""
        self._read_without_shelves(list(self.shelved))

    def _read_without_shelves(self, fiscal_years: list[int]) -> None:
        self._shelves_not_holding.update(fiscal_years)  # read because their shelves do not hold: shelve anew
        for fiscal_year in fiscal_years:
            self.records.years[fiscal_year]

    def _find_leftovers(self) -> None:
        """Temp files of saves killed halfway (see store.atomic): reported, removed by `remove_stale_leftovers`."""
        folders = [self.root]
        for fiscal_year in self.records.years:
            folders += [self.root / str(fiscal_year), self.root / str(fiscal_year) / "measures"]
        for folder in folders:
            try:
                names = sorted(os.listdir(folder))
            except OSError:
                continue
            for name in names:
                if is_temp_file(name):
                    relative = (folder / name).relative_to(self.root).as_posix()
                    self.findings.append(Finding("file-leftover-temp", Severity.WARNING, relative, (),
                                                 {"minutes": STALE_TEMP_SECONDS // 60}, 1, 1))

    def remove_stale_leftovers(self) -> list[str]:
        """Delete the leftover temp files no process is writing and that are old enough (the app does this
        when it opens the folder; `ita check` only reports them). Returns what was deleted."""
        removed = [f.file for f in self.findings
                   if f.rule_id == "file-leftover-temp" and remove_if_stale(self.root / f.file)]
        self.findings = [f for f in self.findings if f.file not in removed]
        return removed

    def _inside_root(self, path: Path) -> bool:
        inside = path.resolve().is_relative_to(self.root.resolve())
        if not inside:
            relative = path.relative_to(self.root).as_posix()
            self.findings.append(Finding("file-outside-records", Severity.ERROR, relative, (),
                                         {"target": str(path.resolve())}, 1, 1))
        return inside

    def load_year(self, folder: Path) -> None:
        """Load one fiscal-year folder (used for a year created while the app runs)."""
        self._load_year(folder)

    def _load_year(self, folder: Path) -> FiscalYear:
        folder_year = int(folder.name)
        if self.lazy:
            self.read_as[folder_year] = (year_signature(self.root, folder_year), time.time())
        report_path = folder / "report.toml"
        year = FiscalYear(fiscal_year=folder_year)
        year.origin.file = report_path.relative_to(self.root).as_posix()
        if report_path.exists() or report_path.is_symlink():
            source = self._read(report_path)
            if source is not None:
                year = read_report(source.relative_path, folder_year, source.values, self.findings)
        else:
            self.findings.append(Finding("file-missing", Severity.ERROR, year.origin.file, (), {}, 1, 1))
        measures_folder = folder / "measures"
        if measures_folder.is_dir() and self._inside_root(measures_folder):
            names = sorted(name for name in os.listdir(measures_folder) if name.endswith(".toml"))  # as glob
            for index, path in enumerate((measures_folder / name for name in names), start=1):
                self._read_measure(year, path, index)
        year.measures.sort(key=lambda measure: (measure.order, measure.origin.file))
        self.records.years[folder_year] = year
        return year

    def _read_measure(self, year: FiscalYear, path: Path, index: int) -> None:
        """One measure file into *year* (a file that does not load leaves its problem in the findings).
        Without `order`, it takes the number its name starts with, else its place *index*."""
        source = self._read(path)
        if source is None:
            return
        match = _FILENAME_ORDER.match(path.name)
        fallback_order = int(match[1]) if match else index
        self.fallback_orders[source.relative_path] = fallback_order
        year.measures.append(read_measure(source.relative_path, fallback_order, source.values, self.findings))

    def findings_for(self, relative_path: str) -> list[Finding]:
        """What loading found in one file (schema findings included)."""
        return [finding for finding in self.findings if finding.file == relative_path]

    # -- positions ----------------------------------------------------------------------------
    def locate(self, finding: Finding) -> Finding:
        """Fill in line and column from the finding's key path (files that failed to load keep theirs)."""
        if finding.line == 0:
            source = self.sources.get(finding.file)
            offset = finding.params.get("offset")
            finding.line, finding.col = source.position(finding.key_path, offset) if source else (1, 1)
        return finding

    # -- saving -------------------------------------------------------------------------------
    def document(self, relative_path: str):
        """The style-preserving document of a loaded file (parsed on first use, for editing)."""
        if relative_path not in self._documents:
            self._documents[relative_path] = self._parse_for_editing(relative_path)
        return self._documents[relative_path]

    def fresh_document(self, relative_path: str):
        """The document as read from disk, dropping earlier unsaved edits: the app re-applies its whole
        model onto it, so an edit undone (a box ticked off and on) leaves no trace in the file."""
        self._documents[relative_path] = self._parse_for_editing(relative_path)
        return self._documents[relative_path]

    def _parse_for_editing(self, relative_path: str):
        source = self.sources[relative_path]
        try:
            text = source.text
        except StaleCache:
            raise ConflictError(relative_path, "", _read_text_or_none(source.path)) from None
        import tomlkit  # only for editing: `ita check` never pays for it

        document = tomlkit.parse(text)
        if not same_values(document.unwrap(), source.values):
            raise SaveRefused(f"{relative_path}: the two TOML parsers disagree; not editing it")
        return document

    def values(self, relative_path: str) -> dict:
        """The values of a file as saving it now would leave them (read back the way loading reads them)."""
        if relative_path not in self._documents:
            return self.sources[relative_path].values
        return tomllib.loads(self._text(relative_path))

    def _text(self, relative_path: str) -> str:
        source = self.sources[relative_path]
        if relative_path not in self._documents:
            return source.text
        edited = self._documents[relative_path].as_string()
        return with_final_newlines_of(source.text, with_line_endings_of(source.text, edited))

    def render(self, relative_path: str) -> bytes:
        """The bytes that saving *relative_path* now would write: the file's own bytes while its values
        are the loaded ones (a no-op edit writes nothing), else the edited document, in the file's own
        line endings."""
        source = self.sources[relative_path]
        if relative_path not in self._documents:
            return source.raw
        text = self._text(relative_path)
        if text == source.text or _same_text_values(text, source.values):
            return source.raw
        return (b"\xef\xbb\xbf" if source.has_bom else b"") + text.encode("utf-8")

    def set_value(self, relative_path: str, key_path: tuple, value: object) -> None:
        """Change one value in the document (None removes the key); only its own lines change. A missing
        section on the way is added."""
        container = self.document(relative_path)
        for key in key_path[:-1]:
            if isinstance(key, str) and key not in container and value is not None:
                import tomlkit

                container[key] = tomlkit.table()  # a section the file lacks, added to hold this value
            container = container[key]
        last = key_path[-1]
        if value is None:
            if last in container:
                del container[last]
        elif isinstance(last, int) or last in container:
            container[last] = value
        else:
            container[last] = value
            _indent_like_neighbours(container, last)

    def adopt(self, relative_path: str, data: bytes) -> None:
        """Take *data* as the unsaved edited content of a loaded file (journal recovery): it must load as
        records TOML; nothing is written until `save`."""
        source = self.sources[relative_path]
        checked = parse_source(relative_path, source.path, data)
        if isinstance(checked, Finding):
            raise SaveRefused(f"{relative_path}: the recovered edits do not load ({checked.rule_id})")
        import tomlkit

        self._documents[relative_path] = tomlkit.parse(checked.text)

    def add_new_file(self, relative_path: str, path: Path, text: str) -> None:
        """A file that exists only in memory (a new measure) until `save` writes it: an unsaved edit."""
        import tomlkit

        self.sources[relative_path] = parse_source(relative_path, path, b"")
        self._documents[relative_path] = tomlkit.parse(text)
        self.new_files.add(relative_path)

    def forget_new_file(self, relative_path: str) -> None:
        """Drop a file `add_new_file` created and no save has written."""
        self.sources.pop(relative_path, None)
        self._documents.pop(relative_path, None)
        self.new_files.discard(relative_path)

    def is_modified(self, relative_path: str) -> bool:
        return relative_path in self._documents and self.render(relative_path) != self.sources[relative_path].raw

    def save(self, relative_path: str, *, overwrite_sha256: str | None = None) -> bool:
        """Write the edited document atomically. Refuses if the file changed on disk since it was read,
        unless *overwrite_sha256* names exactly the disk content the user has seen and chose to replace."""
        source = self.sources[relative_path]
        new_raw = self.render(relative_path)
        on_disk = _read_bytes_or_none(source.path)
        expected = overwrite_sha256 or source.sha256
        creating = relative_path in self.new_files and on_disk is None
        if not creating and (on_disk is None or hashlib.sha256(on_disk).hexdigest() != expected):
            raise ConflictError(relative_path, new_raw.decode("utf-8", errors="replace"),
                                None if on_disk is None else on_disk.decode("utf-8", errors="replace"))
        if new_raw == on_disk:
            return False
        checked = parse_source(relative_path, source.path, new_raw)
        if isinstance(checked, Finding):
            raise SaveRefused(f"{relative_path}: the edited file would not load again ({checked.rule_id})")
        if creating:
            source.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(source.path, new_raw)
        self.sources[relative_path] = checked
        self.new_files.discard(relative_path)
        return True

    def reload(self, relative_path: str) -> bool:
        """Forget edits to one file and read it again from disk (after a conflict, a git pull, $EDITOR).
        A file that no longer loads is dropped from the sources with its problem recorded; False then."""
        self._documents.pop(relative_path, None)
        source = self.sources[relative_path]
        result = read_source(self.root, source.path)
        if isinstance(result, SourceFile):
            self.sources[relative_path] = result
            return True
        del self.sources[relative_path]
        self.replace_findings(relative_path, [result])
        return False

    def replace_findings(self, relative_path: str, findings: list[Finding]) -> None:
        """The load/schema findings of one file, after it was edited or read again."""
        self.findings = [f for f in self.findings if f.file != relative_path] + findings


def _indent_like_neighbours(container, key: str) -> None:
    """A key added to a table whose keys are indented gets the same indentation (tomlkit adds none)."""
    body = getattr(getattr(container, "value", None), "body", None)
    if body is None or not hasattr(container, "is_super_table"):
        return  # the document itself, or an inline table
    import tomlkit.items

    indents = [item.trivia.indent for name, item in body
               if name is not None and name != key and not isinstance(item, (tomlkit.items.Table,
                                                                              tomlkit.items.AoT))]
    if indents and container[key].trivia.indent == "":
        container[key].trivia.indent = indents[-1]


def _same_text_values(text: str, values: dict) -> bool:
    try:
        return same_values(tomllib.loads(text), values)
    except tomllib.TOMLDecodeError:
        return False


def _read_text_or_none(path: Path) -> str | None:
    data = _read_bytes_or_none(path)
    return None if data is None else data.decode("utf-8", errors="replace")


def _read_bytes_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def load_records(root: Path | str, use_cache: bool = False, lazy: bool = False) -> RecordStore:
    """Load a records folder. *use_cache*: reuse the per-user parse cache (the CLI and the app do);
    *lazy*: leave unchanged years unread until asked for (the app does; see store.shelf)."""
    cache = None
    if use_cache:
        from .cache import ParseCache

        if ParseCache.enabled():
            cache = ParseCache(Path(root))
    return RecordStore.load(root, cache, lazy)
