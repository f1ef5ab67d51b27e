"""Generated records folders of any size for benchmarks: realistic Thai text, deterministic.

Run: .venv/bin/python bench/generate.py OUT [--years N] [--measures M] [--first-year BE] [--seed S]
(the other benchmarks import `generate_records` and make their own folders).
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
WORDS = (
    "ดำเนินการ จัดอบรม ปลูกฝัง ความคิด แยกแยะ ประโยชน์ ส่วนตัว ส่วนรวม สื่อ ประชาสัมพันธ์ ความรู้ หน่วยงาน "
    "กอง ฝ่าย สำนัก สังกัด หมู่บ้าน ชุมชน โรงเรียน ศูนย์ พัฒนา เด็กเล็ก รวบรวม หลักฐาน รายงาน การประชุม "
    "สรุปผล โครงการ กิจกรรม แต่งตั้ง คณะทำงาน มาตรการ ส่งเสริม คุณธรรม ความโปร่งใส เปิดโอกาส ผู้มีส่วนได้ส่วนเสีย "
    "มีส่วนร่วม แสดงความคิดเห็น เผยแพร่ ข้อมูล ข่าวสาร เว็บไซต์ ช่องทาง สื่อสังคมออนไลน์ สำรวจ ความพึงพอใจ "
    "ผู้รับบริการ ปรับปรุง การให้บริการ ติดตาม ประเมินผล รายไตรมาส เสนอ ผู้บริหาร วิเคราะห์ ความเสี่ยง การทุจริต "
    "งบประมาณ จัดซื้อจัดจ้าง เปิดเผย ตรวจสอบ ร้องเรียน แจ้งเบาะแส คู่มือ ปฏิบัติงาน บุคลากร พนักงาน ส่วนตำบล"
).split()
PHRASES = [
    "ดำเนินการจัดอบรมเพื่อปลูกฝังเรื่องความคิดการแยกแยะประโยชน์ส่วนตัวและประโยชน์ส่วนรวม",
    "จัดทำสื่อประชาสัมพันธ์เพื่อให้ความรู้แก่หน่วยงานอื่น ๆ เช่น กอง/ฝ่าย/สำนักในสังกัด",
    "รวบรวมหลักฐานเป็นรายงานการประชุมหรือรายงานสรุปผลการดำเนินโครงการ/กิจกรรม",
    "แต่งตั้งคณะทำงานเพื่อดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    "เปิดโอกาสให้ผู้มีส่วนได้ส่วนเสียเข้ามามีส่วนร่วมในการแสดงความคิดเห็น",
    "เผยแพร่ข้อมูลข่าวสารผ่านเว็บไซต์และช่องทางสื่อสังคมออนไลน์ของหน่วยงาน",
    "สำรวจความพึงพอใจของผู้รับบริการและนำผลมาปรับปรุงการให้บริการ",
    "ติดตามและประเมินผลการดำเนินงานรายไตรมาสเสนอต่อผู้บริหาร",
]


def _text(rng: random.Random, parts: int) -> str:
    """Sentences of random words: realistic length and script, no two measures alike."""
    sentences = []
    for _ in range(parts):
        sentences.append("".join(rng.sample(WORDS, rng.randint(6, 14))))
    return " ".join(sentences)


def measure_toml(rng: random.Random, order: int, fiscal_year: int, long: bool = False) -> str:
    steps = "\n".join(f'  "{_text(rng, 1)}",' for _ in range(rng.randint(2, 5)))
    results = "\n".join(f'[[results]]\ntext = "{_text(rng, 2 if not long else 6)}"\n' for _ in range(rng.randint(2, 4)))
    return (f'# มาตรการที่ {order}\norder = {order}\ntitle = "{_text(rng, 1)}"\nowners = ["สำนักปลัด"]\n'
            f'steps = [\n{steps}\n]\nrecommendation = "{_text(rng, 1)}"\n\n'
            f'[timeline]\ntext = "ปีงบประมาณ พ.ศ. {fiscal_year}"\nquarters = [{rng.randint(1, 4)}]\n\n{results}')


def generate_records(root: Path, years: int = 20, measures_per_year: int = 50, first_year: int = 2560,
                     seed: int = 2566) -> int:
    """Write agency.toml plus *years* fiscal years of *measures_per_year* measures; return the file count."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT_ROOT / "records" / "agency.toml", root / "agency.toml")
    report = (PROJECT_ROOT / "records" / "2566" / "report.toml").read_text(encoding="utf-8")
    files = 1
    for fiscal_year in range(first_year, first_year + years):
        folder = root / str(fiscal_year) / "measures"
        folder.mkdir(parents=True, exist_ok=True)
        year_report = report.replace("fiscal_year = 2566", "fiscal_year = {this}").replace(
            "fiscal_year = 2565", "fiscal_year = {last}")
        thai_year = str(fiscal_year).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
        year_report = year_report.replace("พ.ศ. ๒๕๖๖", f"พ.ศ. {thai_year}")  # the memo's subject names the year
        (folder.parent / "report.toml").write_text(
            year_report.replace("{this}", str(fiscal_year)).replace("{last}", str(fiscal_year - 1)), encoding="utf-8")
        for order in range(1, measures_per_year + 1):
            (folder / f"{order:02d}-measure.toml").write_text(measure_toml(rng, order, fiscal_year), encoding="utf-8")
        files += 1 + measures_per_year
    return files


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a records folder of generated fiscal years and measures "
                                                 "(agency.toml from the sample, realistic Thai text, same "
                                                 "output for the same arguments).")
    parser.add_argument("out", type=Path, help="folder to write (created; existing files are overwritten)")
    parser.add_argument("--years", type=int, default=20, help="fiscal years (default 20)")
    parser.add_argument("--measures", type=int, default=50, help="measures per year (default 50)")
    parser.add_argument("--first-year", type=int, default=2560, help="first fiscal year, Buddhist era (default 2560)")
    parser.add_argument("--seed", type=int, default=2566, help="random seed (default 2566)")
    args = parser.parse_args(argv)
    files = generate_records(args.out, years=args.years, measures_per_year=args.measures,
                             first_year=args.first_year, seed=args.seed)
    print(f"{args.out}: {args.years} years x {args.measures} measures = {files} files")


if __name__ == "__main__":
    main()
