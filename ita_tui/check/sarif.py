"""Findings as SARIF 2.1.0, so a forge's code-scanning view shows each finding on its line.

Columns count Unicode code points (as `ita check` prints them), which SARIF allows with
`columnKind = "unicodeCodePoints"`. A relative path is a URI relative to where `ita check` ran (normally the
repository root, `%SRCROOT%`); an absolute one becomes a file:// URI.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath
from urllib.parse import quote

from .. import __version__
from ..i18n import tr
from ..model.findings import Finding, Severity
from .output import finding_message, openable_path

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _location(path: str) -> dict:
    posix = path.replace("\\", "/")
    if PurePosixPath(posix).is_absolute():
        return {"uri": "file://" + quote(posix)}
    return {"uri": quote(posix), "uriBaseId": "%SRCROOT%"}


def findings_as_sarif(findings: list[Finding], lang: str, folder: str = "") -> str:
    rule_ids = sorted({finding.rule_id for finding in findings})
    index = {rule_id: number for number, rule_id in enumerate(rule_ids)}
    first = {}
    for finding in findings:
        first.setdefault(finding.rule_id, finding)
    rules = [{
        "id": rule_id,
        "name": rule_id,
        "shortDescription": {"text": re.sub(r"\{[a-z_]+\}", "…", tr(first[rule_id].message_key, "en"))},
        "defaultConfiguration": {"level": _LEVELS[first[rule_id].severity]},
    } for rule_id in rule_ids]
    results = [{
        "ruleId": finding.rule_id,
        "ruleIndex": index[finding.rule_id],
        "level": _LEVELS[finding.severity],
        "message": {"text": finding_message(finding, lang)},
        "locations": [{"physicalLocation": {
            "artifactLocation": _location(openable_path(finding, folder)),
            "region": {"startLine": max(1, finding.line), "startColumn": max(1, finding.col)},
        }}],
    } for finding in findings]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "ita check", "version": __version__, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
