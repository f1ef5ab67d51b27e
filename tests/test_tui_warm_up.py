"""The PDF stack's background loading: one step per tick of the app's timer (so it waits while the interface
is busy), and an export that comes first finishes it before importing anything itself."""

from __future__ import annotations

import time

from ita_tui.tui.app import ItaApp
from ita_tui.tui.dialogs import ChoiceDialog
from ita_tui.tui.screens.year import YearScreen
from ita_tui.tui.warmup import ExportWarmUp


def _wait(condition, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)
    return True


def test_the_warm_up_takes_one_step_per_tick_and_nothing_without_one():
    done: list[str] = []
    warm_up = ExportWarmUp(steps=(lambda: done.append("one"), lambda: done.append("two"))).start()
    time.sleep(0.2)
    assert done == []  # no tick yet: the interface has not been idle
    warm_up.tick()
    assert _wait(lambda: done == ["one"])
    time.sleep(0.1)
    assert done == ["one"] and not warm_up.done
    warm_up.tick()
    assert _wait(lambda: warm_up.done)
    assert done == ["one", "two"]


def test_join_finishes_the_warm_up_without_the_apps_ticks():
    done: list[str] = []
    warm_up = ExportWarmUp(steps=tuple(lambda i=i: done.append(i) for i in range(5))).start()
    warm_up.join()
    assert warm_up.done and done == [0, 1, 2, 3, 4]


def test_a_failing_step_does_not_stop_the_others():
    done: list[str] = []

    def broken() -> None:
        raise ImportError("no such module")

    warm_up = ExportWarmUp(steps=(broken, "no_such_module_here", lambda: done.append("after"))).start()
    warm_up.join()
    assert done == ["after"]


async def test_an_export_finishes_the_warm_up_before_it_imports(sample_records, tmp_path):
    """F5 pressed while the PDF stack is still loading: the export waits for the loading (importing fpdf2 from
    two threads at once can meet a half-made module), then writes the PDFs."""
    order: list[str] = []
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    app._warm_up_export = lambda: None  # this test starts its own warm-up, with no timer ticking it
    async with app.run_test(size=(100, 30)) as pilot:
        app.export_warm_up = ExportWarmUp(steps=(lambda: order.append("warm-up step"),)).start()
        app.push_screen(YearScreen(2566))
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        app.screen.dismiss("draft")  # the sample has errors: asked first
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert order == ["warm-up step"] and app.export_warm_up.done
        assert isinstance(app.screen, ChoiceDialog) and "scp " in app.screen.detail
    assert (tmp_path / "out/2566/ita-2566.pdf").exists()


async def test_no_warm_up_starts_once_an_export_has(sample_records, tmp_path):
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app._exporting = True
        app.export_warm_up = None
        app._warm_up_export()
        assert app.export_warm_up is None


def test_stop_ends_the_loading_after_the_step_under_way():
    done: list[str] = []
    warm_up = ExportWarmUp(steps=(lambda: done.append("one"), lambda: done.append("two"))).start()
    warm_up.tick()
    assert _wait(lambda: done == ["one"])
    warm_up.stop()
    assert warm_up.done and done == ["one"]


async def test_quitting_the_app_stops_the_loading(sample_records, tmp_path):
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    app._warm_up_export = lambda: None
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.export_warm_up = ExportWarmUp(steps=(lambda: None,) * 3).start()
    assert app.export_warm_up.done


def test_after_the_warm_up_what_lives_all_session_is_left_out_of_full_collections(monkeypatch):
    import gc

    from ita_tui.tui import warmup

    frozen = []
    monkeypatch.setattr(warmup, "_frozen", False)
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    loader = warmup.ExportWarmUp(steps=("json",)).start()
    loader.join()
    warmup.ExportWarmUp(steps=("json",)).start().join()  # a second app in the same process
    assert frozen == [True]
