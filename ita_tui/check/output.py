"""Findings as text lines (`path:line:col: severity[rule-id] message`), as JSON, or as SARIF for CI.

Paths are printed as they open from the current folder (the records folder as given, then the file), as
compilers do; JSON also keeps the path inside the records folder.
"""

from __future__ import annotations

import json
import posixpath

from ..i18n import tr
from ..model.findings import Finding, Severity
from ..thai.hygiene import visible


def finding_message(finding: Finding, lang: str) -> str:
    params = dict(finding.params)
    if "field" in params:
        params["field"] = tr(f"field.{params['field']}", lang)
    return visible(tr(finding.message_key, lang, **params))


def openable_path(finding: Finding, folder: str = "") -> str:
    """The finding's file as it opens from the current folder: *folder* is the records folder as given."""
    if not folder or folder == ".":
        return finding.file
    return posixpath.join(folder.replace("\\", "/"), finding.file)


def finding_line(finding: Finding, lang: str, folder: str = "") -> str:
    severity = finding.severity.value
    return f"{visible(openable_path(finding, folder))}:{finding.line}:{finding.col}: {severity}[{finding.rule_id}] " \
           f"{finding_message(finding, lang)}"


def summary_line(findings: list[Finding], files: int, lang: str) -> str:
    if not findings:
        return tr("check.clean", lang, files=files)
    counts = {severity: sum(1 for f in findings if f.severity is severity) for severity in Severity}
    return tr("check.summary", lang, files=files, errors=counts[Severity.ERROR],
              warnings=counts[Severity.WARNING], infos=counts[Severity.INFO])


def findings_as_text(findings: list[Finding], files: int, lang: str, folder: str = "") -> str:
    lines = [finding_line(finding, lang, folder) for finding in findings]
    lines.append(summary_line(findings, files, lang))
    return "\n".join(lines) + "\n"


def findings_as_json(findings: list[Finding], files: int, lang: str, folder: str = "") -> str:
    data = {
        "files": files,
        "summary": {severity.value: sum(1 for f in findings if f.severity is severity) for severity in Severity},
        "findings": [
            {
                "file": openable_path(finding, folder), "records_path": finding.file,
                "line": finding.line, "col": finding.col,
                "severity": finding.severity.value, "rule": finding.rule_id,
                "message": finding_message(finding, lang),
                "key_path": list(finding.key_path), "params": finding.params,
            }
            for finding in findings
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
