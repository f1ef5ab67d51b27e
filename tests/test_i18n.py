"""Every word the interface shows exists in Thai and in English; no Thai literals in widget code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from ita_tui.i18n import detect_language, en, th

PACKAGE = Path(__file__).resolve().parent.parent / "ita_tui"
KEY_USE = re.compile(r"""\b(?:t|tr)\(\s*["']([a-z0-9_.-]+)["']""")
BINDING_KEY = re.compile(r"""Binding\([^)]*?["'](key\.[a-z-]+)["']""")
THAI = re.compile("[\u0e00-\u0e7f]")


def _used_keys() -> set[str]:
    keys = set()
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        keys |= set(KEY_USE.findall(text)) | set(BINDING_KEY.findall(text))
    return {key for key in keys if not key.endswith(".")}


def test_both_catalogues_have_the_same_keys():
    assert set(th.MESSAGES) == set(en.MESSAGES)


def test_every_key_used_in_code_is_in_the_catalogue():
    missing = sorted(key for key in _used_keys() if key not in th.MESSAGES)
    assert missing == []


def test_every_rule_the_checker_can_emit_has_a_message_in_both_languages():
    import ita_tui.check.rules_consistency as consistency
    import ita_tui.check.rules_hygiene as hygiene
    import ita_tui.check.rules_required as required
    import ita_tui.check.rules_values as values
    import ita_tui.check.runner as runner
    import ita_tui.store.folder as folder
    import ita_tui.store.schema as schema
    import ita_tui.store.source as source
    from ita_tui.thai.hygiene import inspect_text
    sources = "".join(Path(m.__file__).read_text(encoding="utf-8")
                      for m in (consistency, hygiene, required, values, runner, folder, schema, source))
    sources += "".join(path.read_text(encoding="utf-8") for path in Path(runner.__file__).parent.glob("rules_*.py"))
    rule_ids = set(re.findall(r'Finding\(\s*"([a-z0-9-]+)"', sources))
    rule_ids |= set(re.findall(r'_problem\([^,]+, "([a-z0-9-]+)"', sources))
    rule_ids |= set(re.findall(r'message="([a-z0-9-]+)"', sources))
    rule_ids |= {problem.rule_id for problem in inspect_text("\u0e48\x1b\u202e\u200bก\u0e48\u0e48")}
    assert len(rule_ids) > 30
    assert sorted(rule_ids - set(th.MESSAGES)) == [] and sorted(rule_ids - set(en.MESSAGES)) == []


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def test_no_thai_literals_in_widget_code():
    offenders = []
    for path in (PACKAGE / "tui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings \
                    and THAI.search(node.value) and not re.fullmatch(r"\[.*\]", node.value):  # regex classes are code
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


def test_language_detection():
    assert detect_language("en", {}) == "en"
    assert detect_language(None, {"ITA_LANG": "en"}) == "en"
    assert detect_language(None, {"LANG": "en_GB.UTF-8"}) == "en"
    assert detect_language(None, {"LANG": "th_TH.UTF-8"}) == "th"
    assert detect_language(None, {"LANG": "C.UTF-8"}) == "th"
    assert detect_language(None, {}) == "th"
