"""Start the next fiscal year from the last one: the memo's fixed parts and, if asked, the measures'
plans (titles, owners, steps, timeline) — never last year's results, dates or score.

The new folder is built beside the records under a temporary name and renamed into place in one step,
so a half-made year never appears, and an existing year is never touched.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import tomlkit

from ..model.records import FiscalYear, Measure
from ..thai.digits import to_thai_digits
from .errors import SaveRefused
from .folder import RecordStore


def _next_year_text(text: str, old_year: int, new_year: int) -> str:
    """*text* with the old fiscal year (Thai or Arabic digits) replaced by the new one, as typed."""
    for old, new in ((str(old_year), str(new_year)), (to_thai_digits(str(old_year)), to_thai_digits(str(new_year)))):
        text = text.replace(old, new)
    return text


def report_toml(new_year: int, template: FiscalYear | None) -> str:
    document = tomlkit.document()
    document.add(tomlkit.comment(f"ปีงบประมาณ พ.ศ. {new_year}: 1 ต.ค. {new_year - 1} – 30 ก.ย. {new_year}"))
    document["fiscal_year"] = new_year
    previous = tomlkit.table()
    previous["fiscal_year"] = new_year - 1
    previous.add(tomlkit.comment(f"score = …  ใส่คะแนน ITA ปีงบประมาณ {new_year - 1} เมื่อ ป.ป.ช. ประกาศผล"))
    document["previous_ita"] = previous
    memo = tomlkit.table()
    memo["number"] = ""
    memo.add(tomlkit.comment(f"date = {new_year - 543}-02-01  ใส่วันที่ของบันทึกข้อความ (ค.ศ. ตามรูปแบบ TOML)"))
    if template is not None:
        old = template.fiscal_year
        memo["subject"] = _next_year_text(template.memo.subject, old, new_year)
        memo["addressee"] = template.memo.addressee
        memo["body_template"] = template.memo.body_template or "default"
        memo["closing"] = template.memo.closing
        memo["signatories"] = list(template.memo.signatories)
    else:
        memo["subject"] = f"การรายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายใน ประจำปี พ.ศ. {new_year}"
        memo["addressee"] = ""
        memo["body_template"] = "default"
        memo["closing"] = "จึงเรียนมาเพื่อโปรดทราบ"
        memo["signatories"] = []
    document["memo"] = memo
    report = tomlkit.table()
    report["intro_template"] = "default"
    document["report"] = report
    return tomlkit.dumps(document)


def measure_toml(measure: Measure, old_year: int, new_year: int) -> str:
    """The plan of a measure for the new year; results and recommendation are left to be written."""
    document = tomlkit.document()
    document.add(tomlkit.comment(f"มาตรการที่ {measure.order} (จากปีงบประมาณ {old_year})"))
    document["order"] = measure.order
    document["title"] = measure.title
    document["owners"] = list(measure.owners)
    steps = tomlkit.array()
    steps.extend(measure.steps)
    steps.multiline(True)
    document["steps"] = steps
    document["recommendation"] = ""
    timeline = tomlkit.table()
    text = _next_year_text(measure.timeline.text, old_year, new_year)
    timeline["text"] = tomlkit.string(text, multiline="\n" in text)
    if measure.timeline.quarters:
        timeline["quarters"] = list(measure.timeline.quarters)
    document["timeline"] = timeline
    return tomlkit.dumps(document)


def create_fiscal_year(store: RecordStore, new_year: int, template_year: int | None,
                       copy_measures: bool) -> FiscalYear:
    """Create `<new_year>/` (report.toml, measures/) and load it into *store*. Refuses an existing year."""
    target = store.root / str(new_year)
    if target.exists() or new_year in store.records.years:
        raise SaveRefused(f"fiscal year {new_year} already exists: {target}")
    template = store.records.years.get(template_year) if template_year is not None else None
    staging = Path(tempfile.mkdtemp(prefix=f".{new_year}.", dir=store.root))
    try:
        (staging / "measures").mkdir()
        (staging / "report.toml").write_text(report_toml(new_year, template), encoding="utf-8")
        if template is not None and copy_measures:
            for measure in template.measures:
                name = Path(measure.origin.file).name
                (staging / "measures" / name).write_text(measure_toml(measure, template.fiscal_year, new_year),
                                                         encoding="utf-8")
        os.chmod(staging, 0o777 & ~_umask())
        os.rename(staging, target)  # one step: the year appears whole, or not at all
    except BaseException:
        import shutil

        shutil.rmtree(staging, ignore_errors=True)
        raise
    store.load_year(target)
    return store.records.years[new_year]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
