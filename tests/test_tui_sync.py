"""A copy per person in the app: the shared copy's work comes in before a save; the same measure changed
in both places opens the conflict dialog, and either answer loses nothing."""

from __future__ import annotations

from pathlib import Path

from ita_tui.tui.app import ItaApp
from ita_tui.tui.dialogs import ChoiceDialog
from ita_tui.tui.session import Session
from ita_tui.vcs.recorder import Recorder
from ita_tui.vcs.sync import sync

from .vcs_helpers import commit_all, git, git_home  # noqa: F401

MEASURE = "2566/measures/01-test.toml"


def _two_clones(records_builder, tmp_path: Path) -> tuple[Path, Path]:
    commit_all(records_builder.root)
    shared = tmp_path / "shared.git"
    git(tmp_path, "clone", "--quiet", "--bare", str(records_builder.root), str(shared))
    clones = tmp_path / "somsri", tmp_path / "manee"
    for clone in clones:
        git(tmp_path, "clone", "--quiet", str(shared), str(clone))
    return clones


def _send_title(records: Path, title: str) -> None:
    session = Session(records)
    measure = session.records.years[2566].measures[0]
    measure.title = title
    session.update_measure(measure)
    Recorder(records).record(session.save_all().changes)
    assert sync(Recorder(records).repository, "merge").sent


async def _settle(pilot, app) -> None:
    for _ in range(4):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


async def _edit_title_in_app(pilot, app, title: str) -> None:
    app.open_measure(2566, MEASURE)
    await pilot.pause()
    app.screen.query_one("#title").value = title
    app.screen.apply_now()
    await pilot.press("ctrl+s")
    await _settle(pilot, app)


async def test_the_same_measure_changed_in_the_shared_copy_asks_and_keep_mine_loses_nothing(records_builder,
                                                                                          tmp_path, git_home):
    somsri, manee = _two_clones(records_builder, tmp_path)
    app = ItaApp(manee, "th", out_root=tmp_path / "out", recorder=Recorder(manee, "th"))
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot, app)
        _send_title(somsri, "ฉบับสมศรี")
        await _edit_title_in_app(pilot, app, "ฉบับมานี")
        assert isinstance(app.screen, ChoiceDialog)  # the existing conflict dialog: theirs / mine
        assert "ฉบับสมศรี" in app.screen.detail and "ฉบับมานี" in app.screen.detail
        await pilot.press("left", "enter")  # "keep mine"
        await _settle(pilot, app)
        await pilot.press("f7")
        await _settle(pilot, app)
    assert 'title = "ฉบับมานี"' in (manee / MEASURE).read_text(encoding="utf-8")
    assert "<<<<<<<" not in (manee / MEASURE).read_text(encoding="utf-8")
    assert git(manee, "status", "--porcelain") == ""
    assert git(manee, "rev-list", "--count", "HEAD...@{u}").strip() == "0"  # sent
    history = git(manee, "log", "--format=%s", "-p", "--", MEASURE)
    assert "ฉบับสมศรี" in history  # their version stays in the history
    assert "เลือกฉบับของฉัน" in git(manee, "log", "-1", "--format=%s")


async def test_work_on_another_measure_comes_in_before_the_save_without_a_question(records_builder, tmp_path,
                                                                                 git_home):
    records_builder.write("2566/measures/02-other.toml", 'order = 2\ntitle = "อีกมาตรการ"\n')
    somsri, manee = _two_clones(records_builder, tmp_path)
    app = ItaApp(manee, "th", out_root=tmp_path / "out", recorder=Recorder(manee, "th"))
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot, app)
        session = Session(somsri)
        other = session.records.years[2566].measures[1]
        other.title = "สมศรีแก้อีกมาตรการ"
        session.update_measure(other)
        Recorder(somsri).record(session.save_all().changes)
        sync(Recorder(somsri).repository, "merge")
        await _edit_title_in_app(pilot, app, "มานีแก้มาตรการแรก")
        assert not isinstance(app.screen, ChoiceDialog)
    assert "สมศรีแก้อีกมาตรการ" in (manee / "2566/measures/02-other.toml").read_text(encoding="utf-8")
    assert "มานีแก้มาตรการแรก" in (manee / MEASURE).read_text(encoding="utf-8")
    assert git(manee, "status", "--porcelain") == ""
