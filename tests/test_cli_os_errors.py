"""Every command ends in one line and an exit code for any OSError (read-only folder, disk full, missing
parent), never a traceback; `render -o` with a folder writes the files into that folder.

Tests run as root in CI, where chmod cannot make a folder read-only: the failures are injected at the
writing functions with the errno a read-only or full disk gives.
"""

from __future__ import annotations

import errno
import os

import pytest

from ita_tui.cli import main

ERRORS = [OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "records/2567/report.toml"),
          PermissionError(errno.EACCES, os.strerror(errno.EACCES), "records/2567"),
          PermissionError(errno.EROFS, os.strerror(errno.EROFS), "out/2566/ita-2566.pdf")]


def _raise(error):
    def fail(*args, **kwargs):
        raise error
    return fail


def _one_line_and_code(capsys, code: int, error: OSError) -> None:
    out, err = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert error.strerror in err and error.filename in err


@pytest.mark.parametrize("error", ERRORS, ids=["disk-full", "no-permission", "read-only"])
def test_new_year_says_why_it_could_not_write(records_builder, capsys, monkeypatch, error):
    import ita_tui.store.new_year as new_year

    monkeypatch.setattr(new_year.Path, "write_text", _raise(error))
    code = main(["--records", str(records_builder.root), "--lang", "en", "new-year"])
    _one_line_and_code(capsys, code, error)
    assert not (records_builder.root / "2567").exists()


@pytest.mark.parametrize("error", ERRORS, ids=["disk-full", "no-permission", "read-only"])
def test_render_says_why_it_could_not_write(records_builder, capsys, monkeypatch, tmp_path, error):
    import ita_tui.render.output as output

    monkeypatch.setattr(output, "write_atomically", _raise(error))
    code = main(["render", "2566", "--records", str(records_builder.root), "--lang", "en",
                 "-o", str(tmp_path / "ita.pdf")])
    _one_line_and_code(capsys, code, error)


@pytest.mark.parametrize("command", [["check"], ["status"], ["render", "2566"], ["new-year"], ["history"]])
def test_every_command_reports_a_read_error_in_one_line(records_builder, capsys, monkeypatch, command):
    import ita_tui.store as store
    import ita_tui.vcs.command as vcs_command

    error = OSError(errno.EIO, os.strerror(errno.EIO), "records/agency.toml")
    monkeypatch.setattr(store, "load_records", _raise(error))
    monkeypatch.setattr(vcs_command, "Recorder", _raise(error))
    code = main(["--records", str(records_builder.root), "--lang", "en", *command])
    _one_line_and_code(capsys, code, error)


def test_the_app_reports_a_read_error_in_one_line(records_builder, capsys, monkeypatch):
    import ita_tui.tui.app as app

    error = OSError(errno.EIO, os.strerror(errno.EIO), "records/agency.toml")
    monkeypatch.setattr(app, "ItaApp", _raise(error))
    code = main(["--records", str(records_builder.root), "--lang", "en"])
    _one_line_and_code(capsys, code, error)


@pytest.mark.parametrize("shape", ["absent/", "existing", "existing/"])
def test_render_into_a_folder_writes_the_files_there(records_builder, capsys, tmp_path, shape):
    (tmp_path / "existing").mkdir()
    target = f"{tmp_path}/{shape}"  # (pathlib would drop the trailing slash)
    assert main(["render", "2566", "--records", str(records_builder.root), "-o", target]) == 0
    folder = tmp_path / shape.rstrip("/")
    assert folder.is_dir()
    assert sorted(p.name for p in folder.iterdir()) == ["ita-2566.pdf", "memo-2566.pdf", "report-2566.pdf"]


@pytest.mark.parametrize("file, content", [("Sarabun-Regular.ttf", b"not a font"), ("garuda.svg", b"<html>nope"),
                                           ("garuda.svg", b"\x00\x01binary")])
def test_a_layout_naming_a_file_that_is_not_a_font_or_svg_says_so(records_builder, capsys, tmp_path, file,
                                                                  content):
    import shutil

    from ita_tui.render.layout import LAYOUTS_DIR

    layout = tmp_path / "layout"
    shutil.copytree(LAYOUTS_DIR, layout)
    (layout / file).write_bytes(content)
    code = main(["render", "2566", "--records", str(records_builder.root), "--lang", "en", "--layout", str(layout),
                 "-o", str(tmp_path / "ita.pdf")])
    out, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in err
    assert file in err and ("font" in err if file.endswith(".ttf") else "SVG" in err)
