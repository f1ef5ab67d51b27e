"""The named values a layout template may use, computed from one fiscal year of records."""

from __future__ import annotations

from ..model.grade import grade_for_score
from ..model.records import FiscalYear, Records

MEASURE_LIST = "{measure_list}"


def year_values(records: Records, year: FiscalYear) -> dict[str, str]:
    agency = records.agency
    previous = year.previous_ita
    score = previous.score
    return {
        "agency": agency.name,
        "division": agency.division,
        "district": agency.district,
        "province": agency.province,
        "phone": agency.phone,
        "document_prefix": agency.document_prefix,
        "number": year.memo.number or "",
        "subject": year.memo.subject,
        "fiscal_year": str(year.fiscal_year),
        "previous_fiscal_year": str(previous.fiscal_year or year.fiscal_year - 1),
        "previous_score": "" if score is None else f"{score:.2f}",
        "previous_grade": "" if score is None else grade_for_score(score),
        "measure_count": str(len(year.measures)),
    }
