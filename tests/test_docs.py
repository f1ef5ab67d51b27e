"""The documentation's examples stay true: every TOML block in docs/ parses, and the README opens with
the two commands (run the app, run the tests) that .ci/run executes."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOML_BLOCK = re.compile(r"```toml\n(.*?)```", re.S)


@pytest.mark.parametrize("doc", ["docs/records.md", "docs/tui.md"])
def test_every_toml_example_parses(doc):
    blocks = TOML_BLOCK.findall((ROOT / doc).read_text(encoding="utf-8"))
    assert blocks
    for block in blocks:
        tomllib.loads(block)


def test_the_records_example_uses_only_known_keys():
    from ita_tui.store.schema import MEASURE_KEYS, MEMO_KEYS, REPORT_KEYS
    blocks = TOML_BLOCK.findall((ROOT / "docs/records.md").read_text(encoding="utf-8"))
    report = next(tomllib.loads(block) for block in blocks if "previous_ita" in block)
    measure = next(tomllib.loads(block) for block in blocks if "recommendation" in block)
    assert set(report) <= set(REPORT_KEYS) and set(report["memo"]) <= set(MEMO_KEYS)
    assert set(measure) <= set(MEASURE_KEYS)


def test_readme_starts_with_the_app_and_the_test_command_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    assert ".venv/bin/ita" in commands[0] and "pytest" in commands[1]
    assert "<!-- test-command -->" in readme.split(commands[1])[0]
    assert "test-command" in (ROOT / ".ci/run").read_text(encoding="utf-8")
