"""Findings as text lines (`path:line:col: severity[rule-id] message`) or as JSON for the TUI and CI."""

from __future__ import annotations

import json

from ..i18n import tr
from ..model.findings import Finding, Severity
from ..thai.hygiene import visible


def finding_message(finding: Finding, lang: str) -> str:
    params = dict(finding.params)
    if "field" in params:
        params["field"] = tr(f"field.{params['field']}", lang)
    return visible(tr(finding.message_key, lang, **params))


def finding_line(finding: Finding, lang: str) -> str:
    severity = finding.severity.value
    return f"{visible(finding.file)}:{finding.line}:{finding.col}: {severity}[{finding.rule_id}] " \
           f"{finding_message(finding, lang)}"


def summary_line(findings: list[Finding], files: int, lang: str) -> str:
    if not findings:
        return tr("check.clean", lang, files=files)
    counts = {severity: sum(1 for f in findings if f.severity is severity) for severity in Severity}
    return tr("check.summary", lang, files=files, errors=counts[Severity.ERROR],
              warnings=counts[Severity.WARNING], infos=counts[Severity.INFO])


def findings_as_text(findings: list[Finding], files: int, lang: str) -> str:
    lines = [finding_line(finding, lang) for finding in findings]
    lines.append(summary_line(findings, files, lang))
    return "\n".join(lines) + "\n"


def findings_as_json(findings: list[Finding], files: int, lang: str) -> str:
    data = {
        "files": files,
        "summary": {severity.value: sum(1 for f in findings if f.severity is severity) for severity in Severity},
        "findings": [
            {
                "file": finding.file, "line": finding.line, "col": finding.col,
                "severity": finding.severity.value, "rule": finding.rule_id,
                "message": finding_message(finding, lang),
                "key_path": list(finding.key_path), "params": finding.params,
            }
            for finding in findings
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
