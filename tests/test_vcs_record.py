"""Every save is one commit of exactly the saved files, by the person, with a message people can read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ita_tui.tui.session import Session
from ita_tui.vcs.identity import store_identity
from ita_tui.vcs.messages import SavedFile, describe_file, describe_save, new_year_message
from ita_tui.vcs.recorder import Recorder

from .vcs_helpers import CLERK, commit_all, git, git_home, last_commit  # noqa: F401

MEASURE = "2566/measures/01-test.toml"


def _edit_and_save(records: Path, result_text: str = "ประชุมแล้ว ๒ ครั้ง", owners=("กองคลัง",)):
    session = Session(records)
    measure = session.records.years[2566].measures[0]
    measure.results[0].text = result_text
    measure.owners = list(owners)
    session.update_measure(measure)
    return session.save_all()


def test_a_save_is_one_commit_by_the_clerk_of_only_the_saved_file(records_builder, git_home):
    records = records_builder.root
    commit_all(records)
    (records / "2566/report.toml").write_text("# someone's unsaved work\n" + (records / "2566/report.toml")
                                              .read_text(encoding="utf-8"), encoding="utf-8")
    before = git(records, "rev-parse", "HEAD").strip()
    outcome = _edit_and_save(records)
    recorded = Recorder(records, "th").record(outcome.changes)
    assert recorded.problem == ""
    assert git(records, "rev-list", "--count", f"{before}..HEAD").strip() == "1"
    author, message, files = last_commit(records)
    assert author == f"{CLERK[0]} <{CLERK[1]}>"
    assert message == "มาตรการที่ ๑: แก้ไขผู้รับผิดชอบ, ผลการดำเนินการ"
    assert files == [MEASURE]
    assert " M 2566/report.toml" in git(records, "status", "--porcelain")


def test_a_file_changed_outside_the_app_is_never_committed_even_if_staged(records_builder, git_home):
    records = records_builder.root
    commit_all(records)
    (records / "agency.toml").write_text((records / "agency.toml").read_text(encoding="utf-8") + "# x\n",
                                         encoding="utf-8")
    git(records, "add", "agency.toml")
    records_builder.write("2566/measures/02-new.toml", "order = 2\ntitle = \"ใหม่\"\n")
    _, _, _ = last_commit(records)
    outcome = _edit_and_save(records)
    Recorder(records).record(outcome.changes)
    assert last_commit(records)[2] == [MEASURE]
    status = git(records, "status", "--porcelain")
    assert "M  agency.toml" in status and "?? 2566/measures/02-new.toml" in status


def test_records_inside_a_bigger_repository_commit_with_paths_from_the_records_folder(tmp_path, git_home):
    from tests.conftest import RecordsBuilder

    project = tmp_path / "project"
    RecordsBuilder(project / "records")
    (project / "README").write_text("x", encoding="utf-8")
    commit_all(project)
    outcome = _edit_and_save(project / "records")
    recorded = Recorder(project / "records").record(outcome.changes)
    assert recorded.commit
    assert last_commit(project)[2] == ["records/" + MEASURE]
    history = Recorder(project / "records").repository.history(MEASURE)
    assert [v.path for v in history] == [MEASURE, MEASURE]


def test_without_a_git_identity_the_name_from_the_settings_then_the_login_is_the_author(records_builder, git_home,
                                                                                      monkeypatch):
    records = records_builder.root
    commit_all(records)
    (git_home / ".gitconfig").write_text("[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    monkeypatch.setenv("USER", "clerk7")
    monkeypatch.setenv("LOGNAME", "clerk7")
    settings = git_home / ".config/ita-tui/config.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text("save_on_leave = true\n", encoding="utf-8")
    recorder = Recorder(records, "th", settings)
    Path(records / MEASURE).write_text("order = 1\ntitle = \"ก\"\n", encoding="utf-8")
    recorder.record([SavedFile(MEASURE, b"", b"order = 1\n")])
    assert last_commit(records)[0].startswith("clerk7 <clerk7@")
    store_identity(settings, "มานี มีนา", "manee@example.org")
    recorder.forget_identity()  # what the app does once the person gave their name
    assert "save_on_leave = true" in settings.read_text(encoding="utf-8")
    Path(records / MEASURE).write_text("order = 1\ntitle = \"ข\"\n", encoding="utf-8")
    recorder.record([SavedFile(MEASURE, b"", b"order = 1\n")])
    assert last_commit(records)[0] == "มานี มีนา <manee@example.org>"


def test_two_processes_saving_different_measures_at_once_both_get_their_commit(records_builder, git_home):
    records = records_builder.root
    for number in range(2, 9):
        records_builder.write(f"2566/measures/{number:02d}-m.toml", f"order = {number}\ntitle = \"ม{number}\"\n")
    commit_all(records)
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from ita_tui.vcs.recorder import Recorder\n"
        "root, number = Path(sys.argv[1]), int(sys.argv[2])\n"
        "recorder = Recorder(root)\n"
        "for round in range(5):\n"
        "    name = f'2566/measures/{number:02d}-m.toml'\n"
        "    (root / name).write_text(f'order = {number}\\ntitle = \"ม{number} รอบ {round}\"\\n', encoding='utf-8')\n"
        "    done = recorder.record_paths([name], f'measure {number} round {round}')\n"
        "    assert done.commit and not done.problem, done.problem\n"
    )
    workers = [subprocess.Popen([sys.executable, "-c", script, str(records), str(n)], stderr=subprocess.PIPE)
               for n in range(2, 9)]
    errors = [worker.communicate()[1] for worker in workers]
    assert [worker.returncode for worker in workers] == [0] * 7, errors
    assert git(records, "rev-list", "--count", "HEAD").strip() == str(1 + 7 * 5)
    assert git(records, "status", "--porcelain") == ""


def test_messages_say_what_changed_in_the_interface_language():
    old = 'order = 5\ntitle = "ประชุม"\n'.encode()
    assert describe_file(SavedFile("2566/measures/05-a.toml", None, old), "th") == 'เพิ่มมาตรการที่ ๕ "ประชุม"'
    assert describe_file(SavedFile("2566/measures/05-a.toml", old, None), "th") == "ลบมาตรการที่ ๕"
    assert describe_file(SavedFile("2566/measures/05-a.toml", old, None), "en") == "Deleted measure 5"
    memo_old = b'fiscal_year = 2566\n[memo]\ndate = 2023-02-01\n'
    memo_new = b'fiscal_year = 2566\n[memo]\ndate = 2023-02-02\n'
    assert describe_file(SavedFile("2566/report.toml", memo_old, memo_new), "th") == "บันทึกข้อความ ๒๕๖๖: เปลี่ยนวันที่"
    moved = describe_file(SavedFile("2566/measures/05-a.toml", old, old.replace(b"5", b"4")), "th")
    assert moved == "มาตรการที่ ๔: ย้ายจากลำดับที่ ๕ เป็น ๔"
    assert new_year_message(2567, 2566, "th") == "เริ่มปีงบประมาณ ๒๕๖๗ จาก ๒๕๖๖"
    two = describe_save([SavedFile("2566/measures/05-a.toml", None, old), SavedFile("2566/report.toml", memo_old,
                                                                                    memo_new)], "en")
    assert two.splitlines()[0] == 'Added measure 5 "ประชุม" and 1 more'


def test_without_git_or_a_repository_history_is_off_with_one_line_and_saving_works(records_builder, git_home,
                                                                                  monkeypatch):
    records = records_builder.root
    recorder = Recorder(records, "en")
    assert not recorder.enabled and recorder.not_a_repository
    assert recorder.off_reason == "History is off: this records folder is not in a git repository"
    outcome = _edit_and_save(records)
    assert outcome.saved == [MEASURE] and recorder.record(outcome.changes).commit is None
    monkeypatch.setenv("PATH", str(records))  # no git program anywhere
    recorder = Recorder(records, "en")
    assert not recorder.enabled and recorder.off_reason == "History is off: git is not installed on this machine"
    assert recorder.record(outcome.changes).commit is None


def test_the_git_layer_loads_no_ui_or_pdf_code_and_model_and_check_never_import_it():
    code = ("import sys, ita_tui.vcs.recorder, ita_tui.vcs.sync, ita_tui.vcs.command, ita_tui.vcs.printing; "
            "print(','.join(m for m in ('textual', 'rich', 'fpdf') if m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == ""
    package = Path(__file__).resolve().parent.parent / "ita_tui"
    for layer in ("model", "check"):
        for path in (package / layer).rglob("*.py"):
            assert "vcs" not in path.read_text(encoding="utf-8"), path


def test_a_started_history_ignores_the_stores_crash_leftovers(records_builder, git_home):
    from ita_tui.vcs.setup import init_repository

    records = records_builder.root
    init_repository(records, "เริ่มประวัติ")
    measure = records / MEASURE
    leftovers = [measure.parent / f".{measure.name}.a1B2c3D4.ita-tmp",  # this version's temp file
                 measure.parent / f".{measure.name}.a1b2c3d4.tmp"]      # an older version's
    for leftover in leftovers:
        leftover.write_bytes(b"half a save")
    assert git(records, "status", "--porcelain", "--untracked-files=all") == ""


def test_a_save_in_progress_or_a_leftover_is_not_a_change_outside_the_app(records_builder, git_home):
    from ita_tui.vcs.repository import find_repository

    records = records_builder.root
    commit_all(records)  # a repository made by hand: no .gitignore of ours
    measure = records / MEASURE
    (measure.parent / f".{measure.name}.a1B2c3D4.ita-tmp").write_bytes(b"half a save")
    (records / "notes.txt").write_text("someone's file", encoding="utf-8")
    assert find_repository(records).state().outside_changes == ["notes.txt"]
