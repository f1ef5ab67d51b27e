"""Files saved on Windows (CRLF, BOM, multi-line strings) stay editable and keep their own line endings."""

from __future__ import annotations

import tomllib

from ita_tui.tui.session import Session

MEASURE = "2566/measures/01-test.toml"

CRLF_MEASURE = (
    'order = 1\r\n'
    'title = "มาตรการ"\r\n'
    'owners = ["สำนักปลัด"]\r\n'
    'steps = [\r\n'
    '\t"แต่งตั้งคณะทำงาน",\r\n'
    '\t"ประชุม",\r\n'
    ']\r\n'
    'recommendation = """\r\n'
    'บรรทัดแรก\r\n'
    'บรรทัดสอง"""\r\n'
    '\r\n'
    '[timeline]\r\n'
    'text = "ปีงบประมาณ พ.ศ. ๒๕๖๖"\r\n'
    '\r\n'
    '[[results]]\r\n'
    'text = "ประชุมแล้ว"\r\n'
)


def _lines_without_crlf(data: bytes) -> list[bytes]:
    return [line for line in data.split(b"\n")[:-1] if not line.endswith(b"\r")]


def _measure(session: Session):
    return session.records.years[2566].measures[0]


def test_a_multi_line_string_in_a_crlf_file_is_editable_and_keeps_crlf(records_builder):
    path = records_builder.write_bytes(MEASURE, CRLF_MEASURE.encode())
    session = Session(records_builder.root)
    measure = _measure(session)
    assert measure.recommendation == "บรรทัดแรก\nบรรทัดสอง"
    measure.recommendation = "บรรทัดแรก\nบรรทัดสองแก้แล้ว"
    session.update_measure(measure)  # raised SaveRefused("the two TOML parsers disagree") before
    assert session.save_all().saved == [MEASURE]
    written = path.read_bytes()
    assert _lines_without_crlf(written) == []
    assert tomllib.loads(written.decode())["recommendation"] == "บรรทัดแรก\nบรรทัดสองแก้แล้ว"
    untouched = CRLF_MEASURE.split("recommendation")[0].encode()
    assert written.startswith(untouched)
    assert written.endswith(CRLF_MEASURE.split('บรรทัดสอง"""\r\n')[1].encode())


def test_editing_another_field_of_a_crlf_file_leaves_its_multi_line_string_alone(records_builder):
    path = records_builder.write_bytes(MEASURE, CRLF_MEASURE.encode())
    session = Session(records_builder.root)
    measure = _measure(session)
    measure.title = "มาตรการใหม่"
    session.update_measure(measure)
    session.save_all()
    assert path.read_bytes() == CRLF_MEASURE.replace('"มาตรการ"', '"มาตรการใหม่"').encode()


def test_a_step_added_to_a_crlf_file_uses_crlf_and_the_files_indentation(records_builder):
    path = records_builder.write_bytes(MEASURE, CRLF_MEASURE.encode())
    session = Session(records_builder.root)
    measure = _measure(session)
    measure.steps.append("ติดตามผล")
    session.update_measure(measure)
    session.save_all()
    assert path.read_bytes() == CRLF_MEASURE.replace('\t"ประชุม",\r\n', '\t"ประชุม",\r\n\t"ติดตามผล",\r\n').encode()


def test_a_new_result_table_in_a_crlf_file_uses_crlf(records_builder):
    path = records_builder.write_bytes(MEASURE, CRLF_MEASURE.encode())
    session = Session(records_builder.root)
    measure = _measure(session)
    from ita_tui.model.records import Result

    measure.results.append(Result("รายงานผลแล้ว"))
    session.update_measure(measure)
    session.save_all()
    written = path.read_bytes()
    assert _lines_without_crlf(written) == []
    assert written.startswith(CRLF_MEASURE.encode())
    assert [r["text"] for r in tomllib.loads(written.decode())["results"]] == ["ประชุมแล้ว", "รายงานผลแล้ว"]


def test_a_new_list_in_a_file_indented_with_two_spaces_is_indented_with_two_spaces(records_builder):
    text = ('order = 1\ntitle = "ก"\nowners = [\n  "สำนักปลัด",\n  "กองคลัง",\n]\nsteps = []\n'
            'recommendation = "ข"\n')
    path = records_builder.write(MEASURE, text)
    session = Session(records_builder.root)
    measure = _measure(session)
    measure.steps = ["ขั้นที่หนึ่ง", "ขั้นที่สอง"]
    session.update_measure(measure)
    session.save_all()
    assert path.read_text(encoding="utf-8") == text.replace(
        "steps = []", 'steps = [\n  "ขั้นที่หนึ่ง",\n  "ขั้นที่สอง",\n]')


def test_a_file_holding_nan_loads_and_edits(records_builder):
    path = records_builder.measure(extra="\n[extra]\nratio = nan\nother = -nan\n")
    before = path.read_text(encoding="utf-8")
    session = Session(records_builder.root)
    measure = _measure(session)
    measure.title = "ชื่อใหม่"
    session.update_measure(measure)  # "the two TOML parsers disagree" before: nan != nan
    assert session.save_all().saved == [MEASURE]
    assert path.read_text(encoding="utf-8") == before.replace('"มาตรการทดสอบ"', '"ชื่อใหม่"')


def test_a_key_added_to_an_indented_table_is_indented_like_its_neighbours(records_builder):
    text = ('fiscal_year = 2566\n\n[previous_ita]\n\tfiscal_year = 2565\n\tscore = 80.5\n\n[memo]\n'
            '  date = 2023-02-02\n  subject = "รายงาน"\n  addressee = "นายก"\n  signatories = ["a"]\n')
    path = records_builder.write("2566/report.toml", text)
    session = Session(records_builder.root)
    year = session.records.years[2566]
    year.memo.number = "๑๒๓"
    session.update_memo(year)
    session.save_all()
    assert path.read_text(encoding="utf-8") == text + '  number = "๑๒๓"\n'
