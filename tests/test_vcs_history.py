"""History follows a measure through renames; an earlier version comes back as a new commit, byte for byte."""

from __future__ import annotations

import json

from ita_tui.cli import main
from ita_tui.tui.session import Session
from ita_tui.vcs.messages import brought_back_message
from ita_tui.vcs.recorder import Recorder

from .vcs_helpers import commit_all, git, git_home, last_commit  # noqa: F401

MEASURE = "2566/measures/01-test.toml"


def _save_result(records, text):
    session = Session(records)
    measure = session.records.years[2566].measures[0]
    measure.results[0].text = text
    session.update_measure(measure)
    return Recorder(records).record(session.save_all().changes)


def test_history_of_a_measure_follows_it_through_a_rename(records_builder, git_home):
    records = records_builder.root
    commit_all(records)
    _save_result(records, "ครั้งที่หนึ่ง")
    git(records, "mv", MEASURE, "2566/measures/03-renamed.toml")
    git(records, "commit", "-qm", "renumber")
    versions = Recorder(records).repository.history("2566/measures/03-renamed.toml")
    assert [v.message for v in versions] == ["renumber", "มาตรการที่ ๑: แก้ไขผลการดำเนินการ", "start"]
    assert [v.path for v in versions] == ["2566/measures/03-renamed.toml", MEASURE, MEASURE]


def test_bringing_back_an_earlier_version_is_a_new_commit_with_its_exact_bytes(records_builder, git_home):
    records = records_builder.root
    records_builder.measure(extra="# ความเห็นของผู้ตรวจ\n")
    commit_all(records)
    original = (records / MEASURE).read_bytes()
    _save_result(records, "แก้ครั้งแรก")
    _save_result(records, "แก้ครั้งที่สอง")
    recorder = Recorder(records)
    oldest = recorder.repository.history(MEASURE)[-1]
    data = recorder.repository.content(oldest.commit, oldest.path)
    session = Session(records)
    change = session.bring_back(MEASURE, data)
    recorded = recorder.record_paths([MEASURE], brought_back_message(oldest.when, MEASURE, data, "th"))
    assert (records / MEASURE).read_bytes() == original
    assert session.records.years[2566].measures[0].results[0].text == "ประชุมคณะทำงานแล้ว"
    assert change.before != change.after == original
    assert git(records, "rev-list", "--count", "HEAD").strip() == "4"
    message = last_commit(records)[1]
    assert message.startswith("นำฉบับวันที่ ") and message.endswith(" กลับมา: มาตรการที่ ๑")
    assert recorded.commit and git(records, "show", f"{recorded.commit}:{MEASURE}") == original.decode()


def test_ita_history_prints_versions_as_json_and_text(records_builder, git_home, capsys):
    records = records_builder.root
    commit_all(records)
    _save_result(records, "ผลใหม่")
    assert main(["--records", str(records), "history", MEASURE, "--format", "json"]) == 0
    versions = json.loads(capsys.readouterr().out)
    assert [v["message"] for v in versions] == ["มาตรการที่ ๑: แก้ไขผลการดำเนินการ", "start"]
    assert versions[0]["author"] == "สมศรี ใจดี" and versions[0]["path"] == MEASURE
    assert main(["--records", str(records), "--lang", "en", "history"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and lines[0].endswith("สมศรี ใจดี  มาตรการที่ ๑: แก้ไขผลการดำเนินการ")


def test_ita_history_outside_a_repository_says_history_is_off(records_builder, git_home, capsys):
    assert main(["--records", str(records_builder.root), "--lang", "en", "history"]) == 2
    assert capsys.readouterr().err.strip() == "History is off: this records folder is not in a git repository"


def test_ita_new_year_is_recorded_as_one_commit(records_builder, git_home, capsys):
    records = records_builder.root
    commit_all(records)
    assert main(["--records", str(records), "new-year", "--copy-measures"]) == 0
    author, message, files = last_commit(records)
    assert message == "เริ่มปีงบประมาณ ๒๕๖๗ จาก ๒๕๖๖"
    assert files == ["2567/measures/01-test.toml", "2567/report.toml"]
    assert git(records, "status", "--porcelain") == ""


def test_ita_history_names_a_version_by_the_same_short_id_the_paper_footer_prints(records_builder, git_home, capsys):
    from ita_tui.render.footer import printed_version

    records = records_builder.root
    commit_all(records)
    head = git(records, "rev-parse", "HEAD").strip()
    assert main(["--records", str(records), "history"]) == 0
    shown = capsys.readouterr().out.split()[0]
    assert shown == printed_version(f"ita-commit={head}; ita-unrecorded=no").short_id
