"""`ita check`: one finding per line, a summary, JSON for machines, and exit codes scripts can trust."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from ita_tui.cli import main

from .conftest import SAMPLE_RECORDS

LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning|info)\[(?P<rule>[a-z0-9-]+)\] .+$")


def test_sample_findings_are_printed_in_thai_one_per_line_with_a_summary(capsys):
    assert main(["check", str(SAMPLE_RECORDS), "--lang", "th"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert all(LINE.match(line) for line in lines[:-1])
    assert f"{SAMPLE_RECORDS.as_posix()}/2566/measures/01-public-private-interest.toml:16:100: " \
           "error[date-outside-fiscal-year] " \
           "ข้อความระบุ \"มีนาคม ๒๕๖๕\" ซึ่งอยู่นอกปีงบประมาณ 2566" in lines
    assert lines[-1] == "ตรวจ 6 ไฟล์: ข้อผิดพลาด 2 รายการ คำเตือน 4 รายการ หมายเหตุ 1 รายการ"


def test_english_with_lang_en_or_an_english_locale(capsys, monkeypatch):
    main(["check", str(SAMPLE_RECORDS), "--lang", "en"])
    assert capsys.readouterr().out.splitlines()[-1].startswith("checked 6 files: 2 errors")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("ITA_LANG", raising=False)
    main(["check", str(SAMPLE_RECORDS)])
    assert capsys.readouterr().out.splitlines()[-1].startswith("checked 6 files")


def test_json_has_the_same_findings_as_data(capsys):
    main(["check", str(SAMPLE_RECORDS), "--format", "json", "--lang", "en"])
    data = json.loads(capsys.readouterr().out)
    assert data["summary"] == {"error": 2, "warning": 4, "info": 1}
    first = data["findings"][0]
    assert set(first) >= {"file", "line", "col", "severity", "rule", "message"}


def test_exit_zero_when_only_warnings(records_builder, capsys):
    records_builder.measure(**{"recommendation =": "recomendation =", 'recomendation = "ควรติดตามผล"':
                               'recomendation = "x"\nrecommendation = "ควรติดตามผล"'})
    assert main(["check", str(records_builder.root)]) == 0
    assert "warning[unknown-key]" in capsys.readouterr().out


def test_exit_two_when_the_folder_does_not_exist(tmp_path, capsys):
    assert main(["check", str(tmp_path / "missing")]) == 2
    assert "missing" in capsys.readouterr().err


def test_hostile_text_never_reaches_the_terminal_raw(records_builder, capsys):
    records_builder.measure(**{'"มาตรการทดสอบ"': '"ก\\u001b]0;pwned\\u0007"'})
    main(["check", str(records_builder.root)])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out


def test_the_console_script_runs_as_a_module():
    result = subprocess.run([sys.executable, "-m", "ita_tui", "check", str(SAMPLE_RECORDS), "--lang", "en"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1].startswith("checked 6 files")
