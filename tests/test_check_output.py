"""What tools read from `ita check`: paths that open as printed from the current folder (text, JSON,
SARIF 2.1.0), and positions at the value itself, not at its table or its opening quote."""

from __future__ import annotations

import json
from pathlib import Path

from ita_tui.check import run_checks
from ita_tui.cli import main
from ita_tui.store import load_records

from .test_cli_check import LINE


def _sample_here(sample_records, monkeypatch) -> str:
    """Run from the folder that holds the records, naming them relatively (as a clerk or CI does)."""
    monkeypatch.chdir(sample_records.parent)
    return sample_records.name


def test_text_paths_open_as_printed_from_the_current_folder(sample_records, monkeypatch, capsys):
    folder = _sample_here(sample_records, monkeypatch)
    main(["check", folder, "--lang", "en"])
    lines = capsys.readouterr().out.splitlines()[:-1]
    files = [LINE.match(line)["file"] for line in lines]
    assert files and all(file.startswith("records/") and Path(file).is_file() for file in files)


def test_an_absolute_records_folder_prints_absolute_paths(sample_records, capsys):
    main(["check", str(sample_records), "--lang", "en"])
    files = [LINE.match(line)["file"] for line in capsys.readouterr().out.splitlines()[:-1]]
    assert all(Path(file).is_absolute() and Path(file).is_file() for file in files)


def test_json_gives_the_openable_path_and_the_path_inside_the_records(sample_records, monkeypatch, capsys):
    folder = _sample_here(sample_records, monkeypatch)
    main(["check", folder, "--format", "json", "--lang", "en"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert all(Path(f["file"]).is_file() and f["file"] == f"records/{f['records_path']}" for f in findings)
    assert (sample_records / findings[0]["records_path"]).is_file()


def test_sarif_2_1_0_has_every_finding_on_its_line(sample_records, monkeypatch, capsys):
    folder = _sample_here(sample_records, monkeypatch)
    main(["check", folder, "--lang", "en"])
    text = [LINE.match(line) for line in capsys.readouterr().out.splitlines()[:-1]]
    assert main(["check", folder, "--format", "sarif", "--lang", "en"]) == 1  # same exit code as text
    log = json.loads(capsys.readouterr().out)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    [run] = log["runs"]
    assert run["tool"]["driver"]["name"] == "ita check" and run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    located = []
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        [location] = result["locations"]
        artifact, region = location["physicalLocation"]["artifactLocation"], location["physicalLocation"]["region"]
        assert artifact["uriBaseId"] == "%SRCROOT%" and Path(artifact["uri"]).is_file()
        located.append((artifact["uri"], region["startLine"], region["startColumn"], result["ruleId"],
                        result["level"]))
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert located == [(m["file"], int(m["line"]), int(m["col"]), m["rule"], levels[m["severity"]]) for m in text]


def test_sarif_messages_follow_the_language_and_thai_paths_are_uri_encoded(records_builder, capsys):
    thai_named = records_builder.root / "2566/measures/01-ทดสอบ.toml"
    (records_builder.root / "2566/measures/01-test.toml").rename(thai_named)
    thai_named.write_text(thai_named.read_text(encoding="utf-8").replace("ประชุมคณะทำงานแล้ว", ""),
                          encoding="utf-8")
    main(["check", str(records_builder.root), "--format", "sarif", "--lang", "th"])
    [run] = json.loads(capsys.readouterr().out)["runs"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert any(uri.startswith("file:///") and "%E0%B8" in uri for uri in uris)
    assert any("ยังไม่ได้กรอก" in r["message"]["text"] for r in run["results"])


def _positions(root) -> dict[str, tuple[int, int]]:
    return {f.rule_id: (f.line, f.col) for f in run_checks(load_records(root)).findings}


def test_an_empty_timeline_text_is_reported_on_the_text_line(records_builder):
    records_builder.measure(**{'text = "ปีงบประมาณ พ.ศ. ๒๕๖๖"': 'text = ""'})
    assert _positions(records_builder.root)["required-missing"] == (8, 1)  # `text = ""`, not `[timeline]`


def test_an_empty_result_text_is_reported_on_its_text_line(records_builder):
    records_builder.measure(**{'text = "ประชุมคณะทำงานแล้ว"': 'text = ""'})
    found = _positions(records_builder.root)
    assert found["empty-item"] == (11, 1) and found["required-missing"] == (11, 1)


PLAIN_RESULTS = '''order = 1
title = "มาตรการทดสอบ"
owners = ["สำนักปลัด"]
steps = ["แต่งตั้งคณะทำงาน"]
recommendation = "ควรติดตามผล"
timeline = "ปีงบประมาณ พ.ศ. ๒๕๖๖"
results = ["ประชุมแล้ว", "จัดอบรมในเดือนมีนาคม ๒๕๖๕"]
'''


def test_a_date_in_a_plain_string_list_item_is_reported_at_the_date(records_builder):
    records_builder.write("2566/measures/01-test.toml", PLAIN_RESULTS)
    column = len('results = ["ประชุมแล้ว", "จัดอบรมในเดือน') + 1  # not the item's opening quote
    assert _positions(records_builder.root)["date-outside-fiscal-year"] == (7, column)


def test_a_date_in_a_plain_string_timeline_is_reported_at_the_year(records_builder):
    records_builder.measure(**{'[timeline]\ntext = "ปีงบประมาณ พ.ศ. ๒๕๖๖"': 'timeline = "ปีงบประมาณ พ.ศ. ๒๕๖๕"'})
    assert _positions(records_builder.root)["other-fiscal-year"] == (7, len('timeline = "') + 1)


def test_docs_checks_md_lists_the_prose_copy_and_timeline_rules():
    from ita_tui.i18n import en, th
    from tests.conftest import PROJECT_ROOT

    docs = (PROJECT_ROOT / "docs/checks.md").read_text(encoding="utf-8")
    for rule_id in ("prose-score-mismatch", "prose-grade-mismatch", "prose-count-mismatch",
                    "heading-other-fiscal-year", "copied-from-measure", "result-after-memo", "result-outside-plan",
                    "measure-late"):
        assert f"| `{rule_id}` | {en.MESSAGES[rule_id]} | {th.MESSAGES[rule_id]} |" in docs
    assert "--format sarif" in docs and "upload-sarif" in docs
