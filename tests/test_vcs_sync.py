"""Clone mode: a bare shared copy, one clone per clerk; work on different measures merges, the same
measure asks which version to keep, and nothing is lost either way (no conflict markers on disk)."""

from __future__ import annotations

from pathlib import Path

from ita_tui.cli import main
from ita_tui.tui.session import Session
from ita_tui.vcs.recorder import Recorder
from ita_tui.vcs.sync import sync

from .vcs_helpers import commit_all, git, git_home  # noqa: F401

FIRST, SECOND = "2566/measures/01-test.toml", "2566/measures/02-other.toml"


def _clones(records_builder, tmp_path: Path) -> tuple[Path, Path]:
    records_builder.write(SECOND, 'order = 2\ntitle = "มาตรการที่สอง"\nowners = ["กองช่าง"]\n')
    commit_all(records_builder.root)
    shared = tmp_path / "shared.git"
    git(tmp_path, "clone", "--quiet", "--bare", str(records_builder.root), str(shared))
    first, second = tmp_path / "somsri", tmp_path / "manee"
    for clone in (first, second):
        git(tmp_path, "clone", "--quiet", str(shared), str(clone))
    return first, second


def _edit(records: Path, file: str, title: str) -> None:
    session = Session(records)
    measure = next(m for m in session.records.years[2566].measures if m.origin.file == file)
    measure.title = title
    session.update_measure(measure)
    Recorder(records).record(session.save_all().changes)


def test_two_clones_editing_different_measures_both_send_and_both_edits_arrive(records_builder, tmp_path, git_home):
    first, second = _clones(records_builder, tmp_path)
    _edit(first, FIRST, "ชื่อใหม่จากสมศรี")
    _edit(second, SECOND, "ชื่อใหม่จากมานี")
    assert sync(Recorder(first).repository, "merge").sent
    result = sync(Recorder(second).repository, "merge")
    assert result.taken == 1 and result.sent and not result.conflicts
    assert main(["--records", str(first), "sync"]) == 0
    for clone in (first, second):
        titles = {m.origin.file: m.title for m in Session(clone).records.years[2566].measures}
        assert titles == {FIRST: "ชื่อใหม่จากสมศรี", SECOND: "ชื่อใหม่จากมานี"}
        assert git(clone, "status", "--porcelain") == ""


def test_the_same_measure_edited_in_two_clones_waits_for_a_choice_and_loses_nothing(records_builder, tmp_path,
                                                                                   git_home):
    first, second = _clones(records_builder, tmp_path)
    _edit(first, FIRST, "ฉบับสมศรี")
    _edit(second, FIRST, "ฉบับมานี")
    assert sync(Recorder(first).repository, "merge").sent
    repository = Recorder(second).repository
    mine_before = (second / FIRST).read_bytes()
    waiting = sync(repository, "merge")
    assert [c.path for c in waiting.conflicts] == [FIRST] and not waiting.sent
    assert (second / FIRST).read_bytes() == mine_before  # untouched: no conflict markers, nothing merged
    assert "ฉบับสมศรี" in waiting.conflicts[0].theirs.decode() and waiting.conflicts[0].mine == mine_before
    assert main(["--records", str(second), "sync"]) == 1
    done = sync(repository, "รวมงาน", choices={FIRST: "mine"})
    assert done.taken == 1 and done.sent
    assert (second / FIRST).read_bytes() == mine_before
    assert "<<<<<<<" not in (second / FIRST).read_text(encoding="utf-8")
    assert git(second, "status", "--porcelain") == ""
    theirs_kept = git(second, "log", "--all", "--full-history", "-p", "--", FIRST)
    assert "ฉบับสมศรี" in theirs_kept  # the other version stays in the history, one look away
    sync(Recorder(first).repository, "merge")
    assert (first / FIRST).read_bytes() == mine_before


def test_choosing_theirs_takes_the_shared_copys_version_whole(records_builder, tmp_path, git_home):
    first, second = _clones(records_builder, tmp_path)
    _edit(first, FIRST, "ฉบับสมศรี")
    _edit(second, FIRST, "ฉบับมานี")
    _edit(second, SECOND, "มานีแก้อีกมาตรการ")
    sync(Recorder(first).repository, "merge")
    done = sync(Recorder(second).repository, "รวมงาน", choices={FIRST: "theirs"})
    assert done.sent
    assert (second / FIRST).read_bytes() == (first / FIRST).read_bytes()
    assert "มานีแก้อีกมาตรการ" in (second / SECOND).read_text(encoding="utf-8")


def test_sync_without_a_shared_copy_says_so(records_builder, git_home, capsys):
    commit_all(records_builder.root)
    assert main(["--records", str(records_builder.root), "--lang", "en", "sync"]) == 0
    assert "No shared copy" in capsys.readouterr().out
