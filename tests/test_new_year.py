"""Starting the next fiscal year copies the plan, never last year's results, dates or score."""

from __future__ import annotations

from ita_tui.check import run_checks
from ita_tui.cli import main
from ita_tui.store import load_records
from ita_tui.store.new_year import create_fiscal_year
from ita_tui.tui.app import ItaApp
from ita_tui.tui.screens.overview import OverviewScreen


def test_new_year_copies_plans_and_leaves_results_to_be_written(sample_records):
    store = load_records(sample_records)
    year = create_fiscal_year(store, 2567, 2566, copy_measures=True)
    assert [m.title for m in year.measures] == [m.title for m in store.records.years[2566].measures]
    assert all(m.results == [] and m.recommendation == "" for m in year.measures)
    assert year.memo.subject.endswith("๒๕๖๗") and year.memo.date is None and year.previous_ita.score is None
    assert year.previous_ita.fiscal_year == 2566
    assert year.measures[1].timeline.text == "ไตรมาสที่ ๒ หรือ ๓\nปีงบประมาณ พ.ศ. ๒๕๖๗"
    reloaded = load_records(sample_records)
    assert 2567 in reloaded.records.years and not reloaded.findings
    rules = {f.rule_id for f in run_checks(reloaded, 2567).findings if f.file.startswith("2567/")}
    assert rules == {"required-missing", "memo-number-blank"}  # what is left to fill in, and nothing false


def test_an_existing_year_is_never_touched(sample_records, capsys):
    before = (sample_records / "2566/report.toml").read_bytes()
    assert main(["new-year", "2566", "--records", str(sample_records)]) == 1
    assert "2566" in capsys.readouterr().err
    assert (sample_records / "2566/report.toml").read_bytes() == before


def test_cli_defaults_to_the_year_after_the_last(sample_records, capsys):
    assert main(["new-year", "--records", str(sample_records), "--lang", "en"]) == 0
    assert "created fiscal year 2567" in capsys.readouterr().out
    assert list((sample_records / "2567/measures").iterdir()) == []
    assert not [p for p in sample_records.iterdir() if p.name.startswith(".")]  # no staging folder left


async def test_overview_n_starts_the_next_year(sample_records, tmp_path):
    app = ItaApp(sample_records, "th", out_root=tmp_path / "out")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        app.screen.dismiss("copy")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        assert app.screen.selected_year() == 2567
    assert len(list((sample_records / "2567/measures").glob("*.toml"))) == 4
