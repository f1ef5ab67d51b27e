"""Search every text of every year (Ctrl+F): hits listed as year · measure · field · snippet; Enter opens
the form at the match, Escape goes back to where the search was opened."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from ...i18n import t
from ...model.records import Records, years_read
from ...model.search import SearchHit, SearchIndex, snippet
from ..bindings import TranslatedBindings
from ..display import one_line
from ..widgets.footer import ItaFooter
from ..widgets.thai_text import ThaiInput
from ..widgets.header import ItaHeader

QUERY_DELAY = 0.15  # seconds of quiet typing before the list follows the query
SHOWN_HITS = 200  # more than a screen can use; the count says how many there are in all
SNIPPET_WIDTH = 44


def marked_snippet(hit: SearchHit, width: int = SNIPPET_WIDTH) -> Text:
    """The match with text around it, on one line, escaped; the match in brackets AND reversed, so it
    reads at 16 colours and on a monochrome terminal alike."""
    before, match, after = snippet(hit.place.text, hit.start, hit.end, width)
    text = Text(one_line(before), no_wrap=True)
    text.append("[" + one_line(match) + "]", style="reverse bold")
    text.append(one_line(after))
    return text


def place_label(hit: SearchHit) -> str:
    """Where a hit is, in words: year · measure N (title) · field."""
    place = hit.place
    field = t(f"field.{place.field}")
    if place.measure_number is None:
        return t("search.place-memo", year=place.fiscal_year, field=field)
    return t("search.place-measure", year=place.fiscal_year, number=place.measure_number,
             title=one_line(place.measure_title, 50), field=field)


class QueryInput(ThaiInput):
    """The query field owns Up/Down (moving through the hits): as its own bindings they run in the field's
    key handler (widgets/key_order.py), so `Down Down Enter` in one burst opens the third hit, not the first."""

    BINDINGS = [
        Binding("down", "screen.move(1)", show=False),
        Binding("up", "screen.move(-1)", show=False),
    ]


class SearchScreen(TranslatedBindings, Screen[SearchHit | None]):
    HELP = "help.search"
    BINDINGS = [
        Binding("escape", "close", "key.back", id="search.back"),
    ]

    def __init__(self, query: str = ""):
        super().__init__()
        self.initial_query = query
        self.index: SearchIndex | None = None
        self.hits: list[SearchHit] = []
        self._query_timer = None

    def compose(self) -> ComposeResult:
        yield ItaHeader()
        yield QueryInput(self.initial_query, placeholder=t("search.placeholder"), id="search-query")
        yield Static(t("search.building"), id="search-count")
        table = DataTable(id="search-results", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="search-place")
        yield ItaFooter()

    def on_mount(self) -> None:
        table = self.query_one("#search-results", DataTable)
        for key in ("search.col.year", "search.col.measure", "search.col.field", "search.col.found"):
            table.add_column(t(key), key=key)
        self.query_one("#search-query").focus()
        self.call_after_refresh(self._read_then_build)

    def _read_then_build(self) -> None:
        """Years not read yet (store/shelf.py) are read here, on the event loop: reading one re-checks, and
        the worker must not touch the store. The worker gets the years as they are now."""
        session = self.app.session
        session.store.read_all_years()
        self._build_index(Records(agency=session.records.agency, years=years_read(session.records.years)))

    @work(thread=True, exclusive=True, group="search-index")
    def _build_index(self, records: Records) -> None:
        """Folding every text of a 2,000-measure repository takes a few hundred ms: not on the event loop.
        The screen is modal over the records, so they do not change while it is built or used."""
        index = SearchIndex(records)
        self.app.call_from_thread(self._index_ready, index)

    def _index_ready(self, index: SearchIndex) -> None:
        self.index = index
        self.run_query()

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._query_timer is not None:
            self._query_timer.stop()
        self._query_timer = self.set_timer(QUERY_DELAY, self.run_query)

    def run_query(self) -> None:
        self._query_timer = None
        if self.index is None or not self.is_attached:
            return
        query = self.query_one("#search-query", Input).value
        result = self.index.search(query, limit=SHOWN_HITS)
        self.hits = result.hits
        table = self.query_one("#search-results", DataTable)
        table.clear()
        for hit in self.hits:
            place = hit.place
            measure = str(place.measure_number) if place.measure_number is not None else t("search.memo-short")
            table.add_row(Text(str(place.fiscal_year)), Text(measure), Text(one_line(t(f"field.{place.field}"), 16)),
                          marked_snippet(hit))
        count = self.query_one("#search-count", Static)
        if not query.strip():
            count.update(t("search.hint"))
        elif result.total > len(self.hits):
            count.update(t("search.count-some", shown=len(self.hits), count=result.total))
        else:
            count.update(t("search.count", count=result.total))
        self._show_place()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_place()

    def _show_place(self) -> None:
        hit = self.highlighted_hit()
        self.query_one("#search-place", Static).update(Text(place_label(hit)) if hit else "")

    def highlighted_hit(self) -> SearchHit | None:
        row = self.query_one("#search-results", DataTable).cursor_row
        return self.hits[row] if 0 <= row < len(self.hits) else None

    def action_move(self, step: int) -> None:
        """Up/Down in the query move through the hits, as in the command palette."""
        table = self.query_one("#search-results", DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self._query_timer is not None:  # Enter before the list caught up: answer the query as typed
            self._query_timer.stop()
            self.run_query()
        self._open(self.highlighted_hit())

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self._open(self.highlighted_hit())

    def _open(self, hit: SearchHit | None) -> None:
        if hit is not None:
            self.dismiss(hit)

    def action_close(self) -> None:
        self.dismiss(None)
