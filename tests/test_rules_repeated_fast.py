"""The repeated-phrase rule segments all texts at once and looks closely only at texts whose words may repeat:
it must find exactly what a plain reading of the rule finds, text by text, on tricky inputs (Thai with
marks, Thai and Arabic digits, repeats at the start and end of a text, near-duplicates, emoji, the
separator the batch joins texts with)."""

from __future__ import annotations

import random

import pytest

from ita_tui.check import rules_consistency
from ita_tui.check.rules_consistency import repeated_phrases, repeated_runs_of
from ita_tui.model.records import FiscalYear, Measure, Origin, Records
from ita_tui.thai.segment import word_boundaries
from ita_tui.thai.word_codes import TEXT_SEPARATOR, word_codes

CONJUNCTIONS = ("และ", "หรือ", "กับ")
WORDS = ("ผู้บังคับบัญชา", "ดำเนินการ", "ประชุม", "คณะทำงาน", "ส่งเสริม", "คุณธรรม", "ความโปร่งใส", "ที่", "ให้",
         "การ", "น้ำ", "ปี", "๒๕๖๖", "2566", "๑๒", "12", "ITA", "web", "ก่", "ข้", "ๆ", "ฯ", "เว็บไซต์", "ต่าง ๆ",
         "และ", "หรือ", "กับ", "😀", "\u0e48", "\u0e31\u0e49", "\u200b", " ", "  ", "\n", "\r\n", "\t", ".", ",", "(", ")",
         TEXT_SEPARATOR, "\u2028", "\u00a0", "-", "๐๙", "ก", "กข", "ขก")


def plain_repeats(text: str) -> tuple[tuple[str, int], ...]:
    """The rule read plainly: every pair of equal words at most seven words apart, the words from the first
    up to the second (less a conjunction just before the second) written again from the second on, at least
    four characters with a Thai consonant; after a repeat, pairs that start inside it are not looked at."""
    if len(text) < 8 or not any("\u0e01" <= char <= "\u0e2e" for char in text):
        return ()
    bounds = word_boundaries(text)
    spans = [(start, end) for start, end in zip(bounds, bounds[1:]) if not text[start:end].isspace()]
    words = [text[start:end] for start, end in spans]
    found = []
    resume_at = 0
    for second in range(len(words)):
        earlier = [first for first in range(max(0, second - 7), second) if words[first] == words[second]]
        if not earlier or earlier[-1] < resume_at:
            continue
        first = earlier[-1]
        phrase_end = second - 1 if words[second - 1] in CONJUNCTIONS and second - 1 > first else second
        phrase = words[first:phrase_end]
        joined = "".join(phrase)
        if len(joined) < 4 or not any("\u0e01" <= char <= "\u0e2e" for char in joined):
            continue
        if words[second:second + len(phrase)] == phrase:
            last = second + len(phrase) - 1
            found.append((text[spans[first][0]:spans[last][1]], spans[first][0]))
            resume_at = last + 1
    return tuple(found)


def tricky_texts(count: int, seed: int) -> list[str]:
    """Random word soup with planted repeats: a run written twice (directly, after a conjunction, or with
    spaces between), a near-duplicate (one mark or digit changed), at the start or end of the text."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(0, 14))]
        if words and rng.random() < 0.5:
            start = rng.randrange(len(words))
            run = words[start:start + rng.randint(1, 8)]
            copy = list(run)
            if rng.random() < 0.3:  # a near-duplicate
                spot = rng.randrange(len(copy))
                copy[spot] = rng.choice(("ผู้บังคับบัญชี", "๒๕๖๗", "2567", copy[spot] + "\u0e48", copy[spot] + " "))
            between = rng.choice(("", "", " ", "และ", " และ ", "หรือ", "กับ", "  ", "\n"))
            at = rng.choice((0, len(words), start + len(run)))
            words[at:at] = [*run, between, *copy] if at != start + len(run) else [between, *copy]
        glue = rng.choice(("", "", " "))
        texts.append(glue.join(words))
    return texts


@pytest.fixture(autouse=True)
def empty_memo():
    saved = dict(rules_consistency.REPEATED_RUNS_MEMO)
    rules_consistency.REPEATED_RUNS_MEMO.clear()
    yield
    rules_consistency.REPEATED_RUNS_MEMO.clear()
    rules_consistency.REPEATED_RUNS_MEMO.update(saved)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_all_texts_at_once_find_what_each_text_alone_finds(seed):
    texts = tricky_texts(3000, seed)
    expected = {text: plain_repeats(text) for text in texts}
    assert sum(1 for found in expected.values() if found) > 300  # the inputs do hold repeats
    assert repeated_runs_of(texts) == expected


def test_repeats_at_both_ends_and_across_conjunctions_are_found_in_a_batch():
    texts = ["ประชุมคณะทำงานประชุมคณะทำงาน", "ส่งเสริมคุณธรรม ส่งเสริมคุณธรรม", "เสนอต่อผู้บังคับบัญชาและผู้บังคับบัญชา",
             "๒๕๖๖ ๒๕๖๖", "ต่าง ๆ ต่าง ๆ", "ความโปร่งใสหรือความโปร่งใส", "การประชุมการประเมิน", "ผู้บังคับบัญชา"]
    found = repeated_runs_of(texts)
    assert found == {text: plain_repeats(text) for text in texts}
    assert [bool(found[text]) for text in texts] == [True, True, True, False, True, True, False, False]


def test_word_codes_split_each_text_as_it_is_split_alone():
    texts = tricky_texts(2000, 7) + ["\u0e48ขึ้นต้นด้วยวรรณยุกต์", "ลงท้ายด้วยสระ\u0e31", "\r", "\n\u0e49", ""]
    coded = word_codes(texts, {"และ": "\x01"})
    assert sum(1 for codes in coded if codes is not None) > len(texts) / 2
    by_code: dict[str, str] = {}
    for text, codes in zip(texts, coded):
        if TEXT_SEPARATOR in text or any(char > "\uffff" for char in text):
            assert codes is None
            continue
        bounds = word_boundaries(text)
        words = [text[a:b] for a, b in zip(bounds, bounds[1:]) if not text[a:b].isspace()]
        assert len(codes) == len(words), text
        for code, word in zip(codes, words):
            assert by_code.setdefault(code, word) == word
        assert ("และ" in words) == ("\x01" in codes)


def test_findings_keep_their_files_keys_and_order():
    texts = tricky_texts(400, 11)
    measures = []
    for order in range(1, 41):
        chunk = texts[order * 10 - 10:order * 10]
        measures.append(Measure(order=order, title=chunk[0], steps=chunk[1:6], recommendation=chunk[6],
                                origin=Origin(f"2566/measures/{order:02d}-m.toml")))
    records = Records(years={2566: FiscalYear(fiscal_year=2566, measures=measures)})
    expected = [(measure.origin.file, keys, phrase, offset)
                for measure in measures
                for keys, text in [(("title",), measure.title),
                                   *((("steps", i), step) for i, step in enumerate(measure.steps)),
                                   (("recommendation",), measure.recommendation)]
                for phrase, offset in plain_repeats(text)]
    found = [(f.file, f.key_path, f.params["phrase"], f.params["offset"]) for f in repeated_phrases(records)]
    assert found == expected and len(found) > 10


OTHER_SCRIPTS = ["ດຳເນີນການ", "កម្ពុជា", "မြန်မာ", "日本語の文章", "中文分词", "한국어", "مرحبا", "हिन्दी", "café", "e\u0301",
                 "\u3000", "\u200d", "\ufe0f", "\r", "\r\n", "A.B", "3.14", "ก\u0e48\u0e48", "\u0e48", "co-op"]


def test_word_codes_split_texts_of_every_script_as_alone():
    """Lao, Khmer, Burmese and Chinese/Japanese are split with dictionaries too, like Thai: the joined
    texts must not run into each other there either."""
    rng = random.Random(5)
    texts = ["".join(rng.choice(OTHER_SCRIPTS + list(WORDS)) for _ in range(rng.randint(0, 10))) for _ in range(1500)]
    coded = word_codes(texts, {})
    assert sum(1 for codes in coded if codes is not None) > len(texts) / 2
    by_code: dict[str, str] = {}
    for text, codes in zip(texts, coded):
        if codes is None:
            continue
        bounds = word_boundaries(text)
        words = [text[a:b] for a, b in zip(bounds, bounds[1:]) if not text[a:b].isspace()]
        assert [by_code.setdefault(code, word) for code, word in zip(codes, words)] == words
        assert len(codes) == len(words), text


def test_more_distinct_words_than_characters_to_code_them_falls_back_to_each_text_alone(monkeypatch):
    """A batch may hold more distinct words than there are code points above the codes' start (a text of
    millions of words; here the start is moved near the top): those texts are read one by one instead."""
    monkeypatch.setattr("ita_tui.thai.word_codes._FIRST_CODE", 0x10FFFF - 20)
    texts = tricky_texts(200, 13)
    assert repeated_runs_of(texts) == {text: plain_repeats(text) for text in texts}
