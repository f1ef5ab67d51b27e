"""Before an export: what the PDFs would print blank. Reads the layout files only (the PDF stack loads
when the export itself starts)."""

from __future__ import annotations

from ..model.records import Records

DOCUMENTS = ("memo", "report")

WRITTEN_BY_HAND = {"number"}  # left blank on purpose: the document number is written on the printed memo


def empty_placeholders(records: Records, fiscal_year: int) -> list[str]:
    """The layout placeholders this year's PDFs would print blank ("ซึ่งมีคะแนน  คะแนน" with no score),
    in the order they first appear. Reads only the layout files: no PDF stack."""
    from ..render.layout import load_layout
    from ..render.values import year_values
    from ..templating import placeholders

    year = records.years[fiscal_year]
    values = year_values(records, year)
    texts: list[str] = []

    def walk(node) -> None:
        if isinstance(node, str):
            texts.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for document in DOCUMENTS:
        data = dict(load_layout(document).data)
        templates = data.pop("templates", {})
        walk(data)
        if document == "memo" and year.memo.paragraphs is None:
            walk(templates.get(year.memo.body_template or "default", {}))
    empty: list[str] = []
    for text in texts:
        for name in placeholders(text):
            if values.get(name, None) == "" and name not in empty and name not in WRITTEN_BY_HAND:
                empty.append(name)
    return empty
