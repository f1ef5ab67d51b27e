"""bench/generate.py is a tool people run by hand: --help explains it, and it writes what it says."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import PROJECT_ROOT

GENERATE = PROJECT_ROOT / "bench" / "generate.py"


def test_help_says_what_the_generator_does():
    result = subprocess.run([sys.executable, str(GENERATE), "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "usage:" in result.stdout and "--measures" in result.stdout


def test_it_writes_the_folder_it_is_given(tmp_path):
    target = tmp_path / "generated"
    result = subprocess.run([sys.executable, str(GENERATE), str(target), "--years", "2", "--measures", "3"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (target / "2561" / "measures").iterdir()) == \
        ["01-measure.toml", "02-measure.toml", "03-measure.toml"]
    assert "9" in result.stdout  # agency + 2 × (report + 3 measures) files
