"""The rest of issue 10's "seen, to fix" list at 80×24 and 120×40: line ends in wrapped fields, toasts,
titles cut with an ellipsis at a cluster boundary, the memo date kept whole, the width used when there is
some, a problems panel that folds to one line, and F6/F7 in the footer."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import DataTable
from textual.widgets._toast import Toast

from ita_tui.thai.segment import is_combining
from ita_tui.tui.app import ItaApp
from ita_tui.tui.display import one_line
from ita_tui.tui.screens.measure import MeasureScreen
from ita_tui.tui.screens.memo import MemoScreen
from ita_tui.tui.screens.search import SearchScreen
from ita_tui.tui.screens.year import YearScreen
from ita_tui.tui.widgets.problems import ProblemsPanel
from ita_tui.tui.widgets.thai_text import ThaiTextArea
from tests.test_tui_flows import _open_measure, _retitle, _show
from tests.test_tui_history import fixed_history  # noqa: F401  (a fixture: a records history of three saves)
from tests.vcs_helpers import git_home  # noqa: F401  (the fixture fixed_history needs)

SMALL = (80, 24)
WIDE = (120, 40)
LONG_TITLE = ("การสร้างฐานความคิดการแยกแยะประโยชน์ส่วนตัวและประโยชน์ส่วนรวมสำหรับผู้บริหาร"
              "และเจ้าหน้าที่ผู้ปฏิบัติงานทุกระดับ")
LEADING_VOWELS = "เแโใไ"
FOLLOWING_VOWELS = "ะาำๅ"


def _app(records, tmp_path, lang="th") -> ItaApp:
    return ItaApp(records, lang, out_root=tmp_path / "out")


def _rows(app) -> list[str]:
    """The terminal's rows as text (no-break spaces shown as the spaces they look like)."""
    return [strip.text.replace("\xa0", " ") for strip in app.screen._compositor.render_strips()]


def _assert_cut_at_a_cluster(shown: str, whole: str) -> None:
    """*shown* is a start of *whole* ending in "…", cut where no mark, vowel or base is torn off."""
    assert shown.endswith("…"), shown
    kept = shown[:-1]
    assert whole.startswith(kept) and len(kept) < len(whole), (shown, whole)
    following = whole[len(kept)]
    assert not is_combining(following) and following not in FOLLOWING_VOWELS, (kept, following)
    assert kept[-1:] not in tuple(LEADING_VOWELS), kept


# -- Shift+End / End in a wrapped field ---------------------------------------------------------------

async def test_end_and_shift_end_reach_the_end_of_a_wrapped_line(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _open_measure(pilot, app)
        area = screen.query_one("#recommendation", ThaiTextArea)
        area.text = LONG_TITLE * 2 + "\nบรรทัดที่สอง"
        area.focus()
        await pilot.pause()
        assert area.wrapped_document.height > 2  # the first line shows on several screen rows
        area.move_cursor((0, 0))
        await pilot.press("shift+end")
        assert area.selection.start == (0, 0) and area.selection.end == (0, len(LONG_TITLE) * 2)
        area.move_cursor((0, 0))
        await pilot.press("end")
        assert area.cursor_location == (0, len(LONG_TITLE) * 2)
        await pilot.press("shift+home")
        assert area.selection.end == (0, 0)
        await pilot.press("home")
        assert area.cursor_location == (0, 0)


# -- toasts ---------------------------------------------------------------------------------------

async def test_three_saves_leave_one_toast_clear_of_the_problems_panel(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        screen = await _open_measure(pilot, app)
        for title in ("หนึ่ง", "สอง", "สาม"):
            _retitle(screen, title)
            await pilot.press("ctrl+s")
            await pilot.pause()
        toasts = list(app.screen.query(Toast))
        assert len(toasts) == 1
        panel = screen.query_one(ProblemsPanel)
        assert not toasts[0].region.overlaps(panel.region)


async def test_the_save_notice_shows_before_the_recheck_runs(sample_records, tmp_path, monkeypatch):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        screen = await _open_measure(pilot, app)
        _retitle(screen, "ใหม่")
        toasts_at_recheck_after_save = []
        recheck = app.session.recheck

        def watched_recheck(*args, **kwargs):
            if not app.session.modified_files():  # saved
                toasts_at_recheck_after_save.append([toast.region.height for toast in app.screen.query(Toast)])
            return recheck(*args, **kwargs)

        monkeypatch.setattr(app.session, "recheck", watched_recheck)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert toasts_at_recheck_after_save and toasts_at_recheck_after_save[0]
        assert toasts_at_recheck_after_save[0][0] > 0  # mounted and laid out: painted with the next frame


# -- titles cut with an ellipsis at a cluster boundary ------------------------------------------------

def test_one_line_cuts_at_cell_width_and_at_a_cluster_boundary():
    for limit in range(2, cell_len(LONG_TITLE)):
        shown = one_line(LONG_TITLE, limit)
        assert cell_len(shown) <= limit
        assert cell_len(shown) >= limit - 3  # not much shorter than it may be
        _assert_cut_at_a_cluster(shown, LONG_TITLE)
    assert one_line(LONG_TITLE, cell_len(LONG_TITLE)) == LONG_TITLE


async def test_a_long_title_in_the_year_list_ends_with_an_ellipsis_inside_the_screen(sample_records, tmp_path):
    path = sample_records / "2566/measures/02-public-forum.toml"
    text = path.read_text(encoding="utf-8")
    old_title = next(line for line in text.splitlines() if line.startswith("title = "))
    path.write_text(text.replace(old_title, f'title = "{LONG_TITLE}"'), encoding="utf-8")
    for size in (SMALL, WIDE):
        app = _app(sample_records, tmp_path)
        async with app.run_test(size=size) as pilot:
            await _show(pilot, app, YearScreen(2566))
            table = app.screen.query_one("#measures", DataTable)
            title = table.get_cell("2566/measures/02-public-forum.toml", "title").plain
            _assert_cut_at_a_cluster(title, LONG_TITLE)
            row = next(row for row in _rows(app) if title in row)
            assert cell_len(row) <= size[0] and row.rstrip().endswith("│"), row


# -- the memo date stays whole --------------------------------------------------------------------

async def test_the_memo_date_is_never_broken_across_lines(sample_records, tmp_path):
    for width in range(70, 121, 2):
        app = _app(sample_records, tmp_path)
        async with app.run_test(size=(width, 24)) as pilot:
            await _show(pilot, app, YearScreen(2566))
            assert any("วันที่ ๒ กุมภาพันธ์ ๒๕๖๖" in row for row in _rows(app)), (width, _rows(app)[:4])


# -- the width used at 120 columns --------------------------------------------------------------------

async def test_a_wide_year_list_shows_owners_quarters_results_and_problem_counts(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await _show(pilot, app, YearScreen(2566))
        table = app.screen.query_one("#measures", DataTable)
        keys = [column.key.value for column in table.columns.values()]
        assert {"owners", "quarters", "results"} <= set(keys)
        assert table.get_cell("2566/measures/02-public-forum.toml", "status").plain == "✗1 !2"
        used = sum(column.get_render_width(table) for column in table.columns.values())
        assert used <= table.scrollable_content_region.width
        assert used >= table.scrollable_content_region.width - 4  # the title takes what is left
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await _show(pilot, app, YearScreen(2566))
        table = app.screen.query_one("#measures", DataTable)
        used = sum(column.get_render_width(table) for column in table.columns.values())
        assert used <= table.scrollable_content_region.width  # nothing hides off to the right
# -- the problems panel folds to one line --------------------------------------------------------------

async def test_the_problems_panel_folds_to_one_line_and_stays_folded_on_other_screens(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await _show(pilot, app, YearScreen(2566))
        panel = app.screen.query_one(ProblemsPanel)
        open_height = panel.region.height
        await pilot.press("f2", "space")
        await pilot.pause()
        assert panel.region.height == 1 < open_height
        summary = next(row for row in _rows(app) if "ข้อผิดพลาด 2" in row and "คำเตือน 4" in row)
        assert "space" in summary.lower()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one(ProblemsPanel).region.height == 1  # the overview's too
        await _open_measure(pilot, app)
        assert app.screen.query_one(ProblemsPanel).region.height == 1
        await pilot.press("f2", "space")
        await pilot.pause()
        assert app.screen.query_one(ProblemsPanel).region.height > 1


# -- F6 and F7 in the footer ---------------------------------------------------------------------------

def _keys_in_sight(app) -> set[str]:
    from tests.conftest import keys_in_sight

    return keys_in_sight(app)


async def test_history_and_send_are_in_the_footer_at_80_columns(sample_records, tmp_path):
    for lang in ("th", "en"):
        app = _app(sample_records, tmp_path, lang)
        async with app.run_test(size=SMALL) as pilot:
            for screen in (None, YearScreen(2566), MeasureScreen(2566, "2566/measures/02-public-forum.toml"),
                           MemoScreen(2566), SearchScreen()):
                if screen is not None:
                    await _show(pilot, app, screen)
                await pilot.pause()
                for focus in (None, ProblemsPanel):  # the panel's own keys do not push them out
                    if focus is not None and not app.screen.query(focus):
                        continue
                    if focus is not None:
                        app.screen.query_one(focus).focus()
                        await pilot.pause()
                    assert {"f6", "f7"} <= _keys_in_sight(app), (lang, type(app.screen).__name__, focus)


async def test_a_wide_overview_counts_each_state_and_shows_the_memo_date(sample_records, tmp_path):
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#years", DataTable)
        keys = [column.key.value for column in table.columns.values()]
        assert {"col.planned", "col.in-progress", "col.done", "col.late", "col.memo-date"} <= set(keys)
        assert table.get_cell("2566", "col.memo-date").plain == "๒ กุมภาพันธ์ ๒๕๖๖"
        assert sum(column.get_render_width(table) for column in table.columns.values()) <= \
            table.scrollable_content_region.width
        assert app.screen.query_one(ProblemsPanel).region.height > 8  # the sample's 7 problems, all in sight
    app = _app(sample_records, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#years", DataTable)
        assert sum(column.get_render_width(table) for column in table.columns.values()) <= \
            table.scrollable_content_region.width
        assert app.screen.query_one(ProblemsPanel).region.height == 8


async def test_the_history_screen_keeps_f6_and_f7_in_its_footer(fixed_history, tmp_path):
    from ita_tui.tui.screens.history import HistoryScreen
    from ita_tui.vcs.recorder import Recorder

    app = ItaApp(fixed_history, "th", out_root=tmp_path / "out", recorder=Recorder(fixed_history, "th"))
    async with app.run_test(size=SMALL) as pilot:
        await app.workers.wait_for_complete()
        await _show(pilot, app, HistoryScreen("2566/measures/02-public-forum.toml", "มาตรการที่ ๒"))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert {"f6", "f7"} <= _keys_in_sight(app)
        assert "b " in app.screen.query_one("#versions").border_title  # its own keys are named there
