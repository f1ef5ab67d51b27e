"""The benchmark helpers are tools people run by hand: they must explain themselves and do what they say."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

GENERATE = Path(__file__).resolve().parent.parent / "bench" / "generate.py"


def test_generate_help_prints_usage():
    result = subprocess.run([sys.executable, str(GENERATE), "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "usage:" in result.stdout
    assert "--measures" in result.stdout and "--years" in result.stdout


def test_generate_writes_the_records_folder_it_is_asked_for(tmp_path):
    target = tmp_path / "records"
    result = subprocess.run([sys.executable, str(GENERATE), str(target), "--years", "2", "--measures", "3",
                             "--first-year", "2570"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (target / "agency.toml").is_file()
    assert sorted(p.name for p in target.iterdir() if p.is_dir()) == ["2570", "2571"]
    assert len(list((target / "2571" / "measures").glob("*.toml"))) == 3
    assert "= 9 files" in result.stdout  # agency + 2 × (report + 3 measures)


def test_generate_without_a_folder_is_a_usage_error():
    result = subprocess.run([sys.executable, str(GENERATE)], capture_output=True, text=True)
    assert result.returncode == 2
    assert "usage:" in result.stderr
