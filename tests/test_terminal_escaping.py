"""Nothing from the data talks to the terminal: every path, key and value reaching the screen, stdout or
stderr goes through one escaping rule (C0/C1 controls, bidi overrides), in every output format.

Legitimate joiners (ZWJ in an emoji sequence, ZWJ/ZWNJ in Indic conjuncts) are text, not attacks.
"""

from __future__ import annotations

import json

from ita_tui.cli import main
from ita_tui.thai.hygiene import inspect_text, visible
from ita_tui.tui.app import ItaApp
from ita_tui.tui.screens.year import YearScreen

from .conftest import MINIMAL_MEASURE
from .vcs_helpers import git_home  # noqa: F401  (fixture)

HOSTILE_NAME = "2566/measures/06-\x1b[2J\x1b]0;PWN\x07\x9b\u202e.toml"
RAW = ("\x1b", "\x07", "\x9b", "\u202e")  # ESC, BEL, CSI (C1), right-to-left override


def _raw_in(text: str) -> list[str]:
    return [char for char in RAW if char in text]


def _hostile_records(records_builder):
    """A measure whose file name clears the screen and retitles the window, and whose title has a C1 CSI
    and a bidi override."""
    records_builder.write(HOSTILE_NAME, MINIMAL_MEASURE.replace("มาตรการทดสอบ", "ก\\u009b2J\\u202eข"))
    return records_builder.root


def test_one_escaping_rule_for_controls_and_bidi_overrides():
    assert visible("a\x1b[2Jb\x07\x9bc\u202ed") == "a␛[2Jb␇⟨U+009B⟩c⟨U+202E⟩d"
    assert visible("ผู้รับ\nสอง\tสาม") == "ผู้รับ\nสอง\tสาม"


def test_joiners_in_emoji_and_indic_sequences_are_text_not_attacks():
    for legit in ("👩\u200d💻", "👨\u200d👩\u200d👧", "🏳️\u200d🌈", "क्\u200dष", "क्\u200cष"):
        assert visible(legit) == legit
        assert inspect_text(legit) == []
    assert visible("ab\u200dcd") == "ab⟨U+200D⟩cd"  # a stray joiner between Latin letters is shown
    assert [p.rule_id for p in inspect_text("ab\u200dcd")] == ["text-zero-width"]


def test_json_escapes_without_losing_data():
    from ita_tui.thai.hygiene import escape_for_json

    document = json.dumps({"file": "a\x9b\u202eb\x7f"}, ensure_ascii=False)
    safe = escape_for_json(document)
    assert not _raw_in(safe) and "\x7f" not in safe
    assert json.loads(safe) == {"file": "a\x9b\u202eb\x7f"}


def test_check_text_and_json_never_print_raw_controls(records_builder, capsys):
    root = _hostile_records(records_builder)
    main(["check", str(root)])
    out, err = capsys.readouterr()
    assert not _raw_in(out + err)
    assert "06-␛[2J␛]0;PWN␇⟨U+009B⟩⟨U+202E⟩.toml" in out
    main(["check", str(root), "--format", "json"])
    out, err = capsys.readouterr()
    assert not _raw_in(out + err)
    files = {finding["records_path"] for finding in json.loads(out)["findings"]}
    assert HOSTILE_NAME in files  # machines still get the exact name


def test_render_with_evidence_never_prints_raw_controls(records_builder, capsys, tmp_path):
    records_builder.write_bytes("2566/evidence/photo\x1b]0;PWN\x07.docx", b"PK")
    records_builder.measure(**{"order = 1": 'order = 1\nevidence = ["2566/evidence/photo\\u001b]0;PWN\\u0007.docx"]'})
    main(["render", "2566", "--records", str(records_builder.root), "--with-evidence",
          "-o", str(tmp_path / "ita.pdf")])
    out, err = capsys.readouterr()
    assert "PWN" in err and not _raw_in(out + err)


def test_render_and_new_year_messages_escape_paths(records_builder, capsys, tmp_path):
    out_folder = tmp_path / "out\x1b]0;PWN\x07"
    main(["render", "2566", "--records", str(records_builder.root), "-o", str(out_folder / "ita.pdf")])
    main(["new-year", "--records", str(records_builder.root / "no\x1b[2Jsuch")])
    out, err = capsys.readouterr()
    assert "PWN" in err and not _raw_in(out + err)


async def _screens_of(root, tmp_path, steps) -> list[str]:
    app = ItaApp(root, "th", out_root=tmp_path / "out")
    shots = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shots.append(app.export_screenshot())
        for step in steps:
            await step(app, pilot)
            await pilot.pause()
            shots.append(app.export_screenshot())
    return shots


async def test_problems_panels_on_overview_and_year_screens_escape_file_names(records_builder, tmp_path):
    root = _hostile_records(records_builder)

    async def open_year(app, pilot):
        app.push_screen(YearScreen(2566))

    async def notify_with_the_name(app, pilot):
        app.notify(f"{HOSTILE_NAME}")  # every toast goes through the same rule

    shots = await _screens_of(root, tmp_path, [open_year, notify_with_the_name])
    for svg in shots:
        assert not _raw_in(svg)
    assert all("PWN" in svg for svg in shots)


def test_history_never_prints_raw_controls_from_commit_messages(records_builder, git_home, capsys):
    from .vcs_helpers import commit_all, git

    records = records_builder.root
    commit_all(records)
    (records / "2566/measures/01-test.toml").write_text(MINIMAL_MEASURE + "# x\n", encoding="utf-8")
    git(records, "commit", "-qam", "แก้\x1b]0;PWN\x07\u202e\x9b")
    for extra in ([], ["--format", "json"]):
        assert main(["--records", str(records), "history", *extra]) == 0
        out, err = capsys.readouterr()
        assert "PWN" in out and not _raw_in(out + err)
    assert json.loads(out)[0]["message"] == "แก้\x1b]0;PWN\x07\u202e\x9b"
