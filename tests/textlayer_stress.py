"""A records folder that exercises every way Thai text is drawn: all vowels and tone marks on every kind of
consonant, ำ after tone marks, stacked marks, Thai digits, Latin, URLs, justified and ragged lines, and a
table cell long enough to split across pages. Used by tests/test_render_textlayer.py and bench/render.py."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import MINIMAL_AGENCY, RecordsBuilder

# Consonants of each height: plain, ascender (ป ฝ ฟ ฬ: marks shift left), descender (ฎ ฏ: below-vowels
# shift down), and ญ ฐ (drop their tail before a below-vowel).
CONSONANTS = "กขคงจฉชซดตถทธนบผพภมยรลวศษสหอฮ" + "ปฝฟฬ" + "ฎฏฤ" + "ญฐ"
ABOVE_VOWELS = ["ิ", "ี", "ึ", "ื", "ั", "็"]
BELOW_VOWELS = ["ุ", "ู", "ฺ"]
TONES = ["่", "้", "๊", "๋"]

HARD_WORDS = [
    "น้ำ", "ค่ำ", "ซ้ำ", "ต่ำ", "ล้ำ", "กล่ำ", "ร่ำรวย", "ค้ำประกัน", "ป่ำ", "ฟ้ำ", "ปั้น", "ฝั่ง", "ฟื้นฟู",
    "ปิ่นโต", "ญี่ปุ่น", "ผู้บังคับบัญชา", "ปู่", "ฎีกา", "กฎุ", "ฐูป", "ญูง", "บันทึก", "ดำเนินการ",
    "ตำบล", "กำหนด", "สำนักงาน", "ประจำปี", "ฯพณฯ", "ฯลฯ", "ต่าง ๆ", "เกาะ", "ไก่", "ใคร่", "แก้ไข", "โต๊ะ",
    "ก๋วยเตี๋ยว", "พระอาทิตย์", "ศักดิ์สิทธิ์", "ฤๅษี", "ฦๅ", "วันจันทร์", "กษัตริย์", "ภาพยนตร์",
]

LATIN_AND_URLS = [
    "Integrity and Transparency Assessment (ITA) 2566",
    "ดูรายละเอียดที่ https://www.example.go.th/ita/2566/o42?page=2&lang=th ภายในวันที่ ๓๑",
    "ติดต่อ saraban@example.go.th หรือ www.example.go.th/contact",
    "โทร. ๐ ๓๗๒๑ ๘๓๒๖ ต่อ ๑๑ (Fax 0-3721-8327)",
    "คะแนน ๘๕.๒๓ คะแนน เพิ่มขึ้น ๑๒.๕ % จาก 72.73 ในปี 2565",
    "ตัวชี้วัด O1 - O43 และ i1-i30 ตามแบบ MOIT - ครบถ้วน -",
]


def syllable_table() -> list[str]:
    """Every consonant with every above vowel, below vowel and tone mark, alone and stacked."""
    words = []
    for consonant in CONSONANTS:
        pieces = [consonant + vowel for vowel in ABOVE_VOWELS + BELOW_VOWELS]
        pieces += [consonant + tone for tone in TONES]
        pieces += [consonant + vowel + tone for vowel in ("ิ", "ี", "ั", "ุ", "ู") for tone in TONES]
        pieces += [consonant + tone + "ำ" for tone in TONES] + [consonant + "ำ", consonant + "์"]
        words.append("".join(pieces) + "น")
    return words


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(json.dumps(item, ensure_ascii=False) for item in items) + "]"


def build_stress_records(root: Path) -> Path:
    builder = RecordsBuilder(root)
    builder.write("agency.toml", MINIMAL_AGENCY)
    syllables = syllable_table()
    sentence = (" ".join(HARD_WORDS) + " จึงเรียนมาเพื่อโปรดทราบและพิจารณาดำเนินการต่อไป ทั้งนี้ได้แนบผลการดำเนินการ"
                "ตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานประจำปีงบประมาณ พ.ศ. ๒๕๖๖ มาพร้อมนี้")
    closing = f"{sentence} {sentence}"  # long enough for several justified lines
    report = (root / "2566/report.toml").read_text(encoding="utf-8")
    report = report.replace('closing = "จึงเรียนมาเพื่อโปรดทราบ"', f"closing = {json.dumps(closing, ensure_ascii=False)}")
    builder.write("2566/report.toml", report)
    long_result = " ".join(f"ผลการดำเนินงานลำดับ {n} {syllables[n % len(syllables)]} ค่ำ น้ำ ฝั่ง ปั้น"
                           for n in range(1, 61))
    measures = [
        ("ทดสอบสระและวรรณยุกต์ทุกตัว", syllables[:20], syllables[20:], HARD_WORDS),
        ("ทดสอบตัวเลข ภาษาอังกฤษ และ URL", LATIN_AND_URLS, HARD_WORDS[::-1], [long_result]),
    ]
    for order, (title, steps, owners, results) in enumerate(measures, start=1):
        text = (f"order = {order}\ntitle = {json.dumps(title, ensure_ascii=False)}\n"
                f"owners = {_toml_list([' '.join(owners)])}\nsteps = {_toml_list(steps)}\n"
                f'recommendation = "ควรติดตามผลอย่างต่อเนื่อง ฯลฯ"\n\n[timeline]\ntext = "ปีงบประมาณ พ.ศ. ๒๕๖๖"\n')
        text += "".join(f"\n[[results]]\ntext = {json.dumps(result, ensure_ascii=False)}\n" for result in results)
        builder.write(f"2566/measures/{order:02d}-stress.toml", text)
    (root / "2566/measures/01-test.toml").unlink()
    return root
