"""Regenerate ita_tui/thai/data/compounds_th.txt from PyThaiNLP's CC0 word list.

Usage: .venv/bin/python tools/build_compounds.py path/to/pythainlp/corpus/words_th.txt
(`pip download pythainlp` and unzip the wheel to get the file; pythainlp itself is not a dependency.)

Keeps the entries ICU's line breaker splits (the compounds it would tear apart at a line end), Thai
letters only, sorted by their UTF-8 bytes so the list can be searched in place without loading it word
by word (see ita_tui/thai/compounds.py).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from icu4py.breakers import LineBreaker

THAI_WORD = re.compile("^[\u0e01-\u0e3a\u0e40-\u0e4e]+$")
TARGET = Path(__file__).resolve().parent.parent / "ita_tui" / "thai" / "data" / "compounds_th.txt"


def main(source: Path) -> None:
    words = {line.strip() for line in source.read_text(encoding="utf-8").splitlines()}
    compounds = sorted((word for word in words if THAI_WORD.match(word) and len(list(LineBreaker(word, "th"))) > 1),
                       key=lambda word: word.encode("utf-8"))
    TARGET.write_text("\n".join(compounds) + "\n", encoding="utf-8")
    print(f"{len(compounds)} compounds of {len(words)} words -> {TARGET}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
