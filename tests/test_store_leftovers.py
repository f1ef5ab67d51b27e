"""A save killed halfway leaves a temp file that is recognisable, reported by `ita check`, and removed at the
next load once it is stale and no live process holds it."""

from __future__ import annotations

import fcntl
import fnmatch
import os
import signal
import subprocess
import sys
import textwrap
import time

from ita_tui.check import run_checks
from ita_tui.store import load_records
from ita_tui.store.atomic import STALE_TEMP_SECONDS, TEMP_FILE_GLOB, write_atomically
from ita_tui.tui.session import Session

from .conftest import PROJECT_ROOT

MEASURE = "2566/measures/01-test.toml"


def _age(path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def _leftover_findings(root) -> list[str]:
    return [f.file for f in run_checks(load_records(root)).findings if f.rule_id == "file-leftover-temp"]


def _killed_during_save(root) -> str:
    """Run a save in another process, SIGKILL it while its temp file is open, return the temp file's name."""
    script = textwrap.dedent(f"""
        import os, sys, time
        from pathlib import Path
        from ita_tui.store import atomic
        def hang(*args):
            print("writing", flush=True)
            time.sleep(600)
        os.replace = hang
        atomic.write_atomically(Path({str(root / MEASURE)!r}), b"half a save")
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, cwd=PROJECT_ROOT)
    assert child.stdout.readline() == b"writing\n"
    names = [p.name for p in (root / MEASURE).parent.iterdir() if p.name.startswith(".")]
    child.send_signal(signal.SIGKILL)
    child.wait()
    (name,) = names
    return name


def test_a_killed_save_leaves_a_temp_file_matching_the_ignore_pattern(records_builder):
    name = _killed_during_save(records_builder.root)
    assert fnmatch.fnmatch(name, TEMP_FILE_GLOB)
    assert name.startswith(".01-test.toml.")


def test_check_reports_a_leftover_temp_file_and_does_not_delete_it(records_builder):
    name = _killed_during_save(records_builder.root)
    _age(records_builder.root / "2566/measures" / name, STALE_TEMP_SECONDS + 60)
    assert _leftover_findings(records_builder.root) == [f"2566/measures/{name}"]
    assert (records_builder.root / "2566/measures" / name).exists()


def test_the_app_removes_a_stale_leftover_when_it_loads(records_builder):
    name = _killed_during_save(records_builder.root)
    leftover = records_builder.root / "2566/measures" / name
    _age(leftover, STALE_TEMP_SECONDS + 60)
    session = Session(records_builder.root)
    assert not leftover.exists()
    assert [f for f in session.findings if f.rule_id == "file-leftover-temp"] == []
    assert _leftover_findings(records_builder.root) == []


def test_a_recent_temp_file_is_not_removed(records_builder):
    name = _killed_during_save(records_builder.root)
    Session(records_builder.root)
    assert (records_builder.root / "2566/measures" / name).exists()


def test_a_temp_file_another_process_is_writing_is_never_removed(records_builder):
    leftover = records_builder.root / "2566/measures/.01-test.toml.abcd1234.ita-tmp"
    leftover.write_bytes(b"being written")
    _age(leftover, STALE_TEMP_SECONDS + 60)
    with open(leftover, "rb") as writer:
        fcntl.flock(writer, fcntl.LOCK_EX)  # what write_atomically holds while it writes
        Session(records_builder.root)
        assert leftover.exists()


def test_a_leftover_of_an_older_version_is_recognised_too(records_builder):
    leftover = records_builder.root / "2566/measures/.01-test.toml.k3j_9x0q.tmp"  # tempfile.mkstemp's name
    leftover.write_bytes(b"")
    _age(leftover, STALE_TEMP_SECONDS + 60)
    assert _leftover_findings(records_builder.root) == ["2566/measures/.01-test.toml.k3j_9x0q.tmp"]
    Session(records_builder.root)
    assert not leftover.exists()


def test_the_temp_file_is_locked_while_it_is_written(records_builder, monkeypatch):
    target = records_builder.root / MEASURE
    seen = []
    real_replace = os.replace

    def replace(source, destination):
        with open(source, "rb") as other:
            try:
                fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
                seen.append("unlocked")
            except BlockingIOError:
                seen.append("locked")
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", replace)
    write_atomically(target, b"order = 1\n")
    assert seen == ["locked"]
    assert target.read_bytes() == b"order = 1\n"


def test_the_project_ignores_temp_files_in_git():
    patterns = (PROJECT_ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert TEMP_FILE_GLOB in patterns
