"""The headless core never loads the UI or PDF libraries: the boundaries in the folder names hold."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["ita_tui.model", "ita_tui.store", "ita_tui.check", "ita_tui.thai.dates"])
def test_core_modules_do_not_import_textual_rich_or_fpdf(module):
    code = (f"import sys, {module}; bad = [m for m in ('textual', 'rich', 'fpdf') if m in sys.modules]; "
            "print(','.join(bad))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_the_model_does_no_io():
    code = "import sys, ita_tui.model; print('tomlkit' in sys.modules or 'tomllib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_ita_render_never_loads_the_terminal_ui(tmp_path):
    """A cold `ita render` pays for the PDF stack only: importing Textual would add ~80 ms to every print."""
    from pathlib import Path

    records = Path(__file__).resolve().parent.parent / "records"
    code = ("import sys; from ita_tui.cli import main\n"
            f"code = main(['render', '2566', '--records', {str(records)!r}, '-o', {str(tmp_path / 'x.pdf')!r}])\n"
            "print(code, [m for m in ('textual', 'rich') if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "0 []"
