"""A printed PDF says which recorded version it was made from, and whether there were unrecorded changes."""

from __future__ import annotations

from ita_tui.cli import main

from .vcs_helpers import commit_all, git, git_home  # noqa: F401


def test_the_pdf_metadata_names_the_commit_and_unrecorded_changes(records_builder, tmp_path, git_home, capsys):
    records = records_builder.root
    commit_all(records)
    head = git(records, "rev-parse", "HEAD").strip()
    clean, dirty = tmp_path / "clean.pdf", tmp_path / "dirty.pdf"
    assert main(["--records", str(records), "render", "2566", "--memo", "-o", str(clean)]) == 0
    assert f"ita-commit={head}; ita-unrecorded=no".encode() in clean.read_bytes()
    records_builder.write("2566/measures/01-test.toml", "order = 1\ntitle = \"แก้นอกโปรแกรม\"\n")
    assert main(["--records", str(records), "--lang", "en", "render", "2566", "--memo", "-o", str(dirty)]) == 0
    assert f"ita-commit={head}; ita-unrecorded=yes".encode() in dirty.read_bytes()
    assert "1 files have changes not recorded" in capsys.readouterr().err


def test_the_refuse_setting_stops_printing_unrecorded_records(records_builder, tmp_path, git_home, capsys):
    records = records_builder.root
    commit_all(records)
    settings = git_home / ".config/ita-tui/config.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text('unrecorded_print = "refuse"\n', encoding="utf-8")
    records_builder.write("2566/measures/01-test.toml", "order = 1\ntitle = \"แก้นอกโปรแกรม\"\n")
    target = tmp_path / "memo.pdf"
    assert main(["--records", str(records), "render", "2566", "--memo", "-o", str(target)]) == 1
    assert not target.exists()


def test_records_without_git_print_as_before(records_builder, tmp_path, git_home):
    target = tmp_path / "memo.pdf"
    assert main(["--records", str(records_builder.root), "render", "2566", "--memo", "-o", str(target)]) == 0
    assert b"ita-commit=" not in target.read_bytes()


def test_records_outside_git_start_no_git_process(records_builder, tmp_path, git_home, monkeypatch):
    import ita_tui.vcs.runner as runner

    def no_git(*args, **kwargs):
        raise AssertionError("git was started for records that are not in a repository")

    monkeypatch.setattr(runner, "run_git", no_git)
    monkeypatch.setattr(runner.subprocess, "run", no_git)
    target = tmp_path / "memo.pdf"
    assert main(["--records", str(records_builder.root), "render", "2566", "--memo", "-o", str(target)]) == 0
    assert b"ita-commit=" not in target.read_bytes()


def test_records_in_a_subfolder_of_a_repository_still_name_their_commit(records_builder, tmp_path, git_home):
    records = records_builder.root
    commit_all(records)
    head = git(records, "rev-parse", "HEAD").strip()
    target = tmp_path / "memo.pdf"
    assert main(["--records", str(records / "2566" / ".."), "render", "2566", "--memo", "-o", str(target)]) == 0
    assert f"ita-commit={head}".encode() in target.read_bytes()
