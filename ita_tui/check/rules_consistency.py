"""Contradictions inside the text: the errors of the seed memo (dates and years from another fiscal
year, one measure's results copied into another, a phrase written twice)."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator

from ..model.findings import Finding, Severity
from ..model.records import Measure, Records
from ..model.walk import measure_texts
from ..thai.dates import find_dates, find_fiscal_years, fiscal_year_range
from ..thai.segment import word_boundaries
from ..thai.word_codes import word_codes

_DATED_FIELDS = {"results": Severity.ERROR, "timeline": Severity.WARNING, "steps": Severity.WARNING}
_HAS_DIGIT = re.compile(r"[0-9๐-๙]")  # every date `find_dates` reads has one


def dates_in_text(records: Records) -> Iterator[Finding]:
    """A date written in a result (or step, or timeline) that lies wholly outside the record's fiscal year."""
    for year in records.years.values():
        first_day, last_day = fiscal_year_range(year.fiscal_year)
        for measure in year.measures:
            for origin, keys, field, text in measure_texts(measure):
                if field not in _DATED_FIELDS or not _HAS_DIGIT.search(text):
                    continue
                for mention in find_dates(text):
                    if mention.end < first_day or mention.start > last_day:
                        yield Finding("date-outside-fiscal-year", _DATED_FIELDS[field], origin.file,
                                      origin.key_path + keys, {"date": mention.text, "fiscal_year": year.fiscal_year,
                                                        "offset": mention.offset},
                                      message="text-date-outside-fiscal-year")


def fiscal_years_in_text(records: Records) -> Iterator[Finding]:
    """"ปีงบประมาณ พ.ศ. ๒๕๖๕" inside a 2566 measure (the memo may name last year's ITA: not checked there)."""
    for year in records.years.values():
        for measure in year.measures:
            for origin, keys, field, text in measure_texts(measure):
                if "ปีงบประมาณ" not in text or field == "title":  # titles: heading-other-fiscal-year
                    continue
                for mention in find_fiscal_years(text):
                    if mention.fiscal_year_be != year.fiscal_year:
                        yield Finding("other-fiscal-year", Severity.WARNING, origin.file, origin.key_path + keys,
                                      {"named": mention.fiscal_year_be, "fiscal_year": year.fiscal_year,
                                       "offset": mention.offset})


_NOT_WORDS = re.compile(r"[\s\u200b.,;:!?\"'“”‘’()\[\]/\-–—0-9๐-๙]")  # one at a time: twice as fast as runs
COPIED_SHARE = 0.6  # this share of a field's items found in one other measure makes it a copy
MIN_ITEM_CHARACTERS = 12
MIN_COPIED_CHARACTERS = 40  # a short common step ("แต่งตั้งคณะทำงาน") shared by two measures is no copy
MIN_WHOLE_FIELD_THAI = 10  # a whole field equal (or nearly) to another's is a copy from this many Thai letters on
_THAI_CHARACTER = re.compile(r"[\u0e01-\u0e4e]")


@functools.lru_cache(maxsize=1 << 16)  # the app re-checks a year after each edit: most texts did not change
def _normalized(text: str) -> str:
    """What stays of a text when spacing, punctuation and numbers are ignored: copies differ in those."""
    return _NOT_WORDS.sub("", text)


def _compared_items(measure: Measure) -> dict[str, list[str]]:
    return {
        "steps": measure.steps,
        "results": [result.text for result in measure.results],
        "recommendation": [measure.recommendation],
    }


NEAR_COPY_RATIO = 0.9  # a whole field this similar to another measure's (a few words changed) is a copy
_EDGE = 24  # near copies share the start or the end: fields are only compared within those buckets
_SHORT_EDGE = 8  # …and short fields, whose 24-character edge is most of the field, within these too
_SHORT_FIELD = MIN_COPIED_CHARACTERS  # the fields the old rule did not compare at all


def _edges(field_text: str) -> set[str]:
    if len(field_text) < _SHORT_FIELD:
        return {field_text[:_EDGE], field_text[-_EDGE:], field_text[:_SHORT_EDGE], field_text[-_SHORT_EDGE:]}
    return {field_text[:_EDGE], field_text[-_EDGE:]}


def _near_copy(field_text: str, earlier: dict[str, list[tuple[Measure, str]]]) -> tuple[Measure, float] | None:
    """An earlier measure whose same field reads almost the same (a word or two changed)."""
    candidates = {id(m): (m, text) for key in _edges(field_text) for m, text in earlier.get(key, ())}
    best = None
    for other, text in candidates.values():
        if min(len(text), len(field_text)) / max(len(text), len(field_text)) < NEAR_COPY_RATIO:
            continue
        matcher = difflib.SequenceMatcher(None, field_text, text, autojunk=False)
        if matcher.quick_ratio() < NEAR_COPY_RATIO:  # an upper bound, in linear time
            continue
        ratio = matcher.ratio()
        if ratio >= NEAR_COPY_RATIO and (best is None or ratio > best[1]):
            best = (other, ratio)
    return best


def copied_between_measures(records: Records) -> Iterator[Finding]:
    """Steps, results or recommendation of a measure that repeat an earlier measure's: items equal apart
    from spacing, punctuation and numbers, or the whole field equal or nearly equal (differences in
    proportion to its length), at any length above a trivial one. Near-linear: items and whole fields are
    matched by their normalized form, near copies only within same-start/same-end buckets."""
    for year in records.years.values():
        seen: dict[tuple[str, str], list[Measure]] = {}
        whole: dict[tuple[str, str], Measure] = {}
        near: dict[str, dict[str, list[tuple[Measure, str]]]] = {}
        for measure in year.measures:
            for field, items in _compared_items(measure).items():
                normalized = [_normalized(item) for item in items]
                field_text = "".join(normalized)
                near_index = near.setdefault(field, {})
                keys = [key for key in normalized if len(key) >= MIN_ITEM_CHARACTERS]
                matches: dict[int, tuple[Measure, int, int]] = {}
                for key in set(keys):
                    for other in seen.get((field, key), ()):
                        if other is not measure:
                            _, count, characters = matches.get(id(other), (other, 0, 0))
                            repeats = keys.count(key)
                            matches[id(other)] = (other, count + repeats, characters + repeats * len(key))
                reported = False
                substantial = len(field_text) >= MIN_COPIED_CHARACTERS or len(field_text) >= MIN_WHOLE_FIELD_THAI \
                    and len(_THAI_CHARACTER.findall(field_text)) >= MIN_WHOLE_FIELD_THAI  # counted when short
                same = whole.get((field, field_text)) if substantial else None
                if same is not None:
                    reported = True
                    yield Finding("copied-from-measure", Severity.WARNING, measure.origin.file, (field,),
                                  {"field": field, "other_order": same.order,
                                   "other_file": same.origin.file, "percent": 100})
                if keys and matches and not reported:
                    other, count, characters = max(matches.values(), key=lambda match: (match[1], -match[0].order))
                    share = count / len(keys)
                    if share >= COPIED_SHARE and characters >= MIN_COPIED_CHARACTERS:
                        reported = True
                        yield Finding("copied-from-measure", Severity.WARNING, measure.origin.file, (field,),
                                      {"field": field, "other_order": other.order,
                                       "other_file": other.origin.file, "percent": round(share * 100)})
                if not reported and substantial:
                    found = _near_copy(field_text, near_index)
                    if found:
                        other, ratio = found
                        yield Finding("copied-from-measure", Severity.WARNING, measure.origin.file, (field,),
                                      {"field": field, "other_order": other.order,
                                       "other_file": other.origin.file, "percent": round(ratio * 100)})
                for key in keys:
                    seen.setdefault((field, key), []).append(measure)
                if substantial:
                    whole.setdefault((field, field_text), measure)
                    for edge in _edges(field_text):
                        near_index.setdefault(edge, []).append((measure, field_text))


_CONJUNCTIONS = frozenset({"และ", "หรือ", "กับ"})
_THAI_LETTER = re.compile(r"[\u0e01-\u0e2e]")
MAX_PHRASE_WORDS = 6
MIN_PHRASE_CHARACTERS = 4
# Memo of text → repeats, shared across runs by the store's cache (segmenting is the costly part).
REPEATED_RUNS_MEMO: dict[str, tuple[tuple[str, int], ...]] = {}


def repeated_phrases(records: Records) -> Iterator[Finding]:
    """"ผู้บังคับบัญชาและผู้บังคับบัญชา": the same words twice in a row (whole words only)."""
    texts = [(origin, keys, text) for year in records.years.values() for measure in year.measures
             for origin, keys, _field, text in measure_texts(measure)]
    runs = repeated_runs_of([text for _, _, text in texts])
    for origin, keys, text in texts:
        for phrase, offset in runs[text]:
            yield Finding("repeated-phrase", Severity.WARNING, origin.file, origin.key_path + keys,
                          {"phrase": phrase, "offset": offset})


# A sequence of up to MAX_PHRASE_WORDS + 1 words written again right after (or after และ/หรือ/กับ): every
# repeat `repeated_runs` finds is one of these in a text's word codes, and most texts have none. The
# lookahead (the first word comes again within that many words) only makes the search fail sooner.
_CONJUNCTION_CODES = {word: chr(1 + index) for index, word in enumerate(sorted(_CONJUNCTIONS))}
_MAY_REPEAT = re.compile(f"(?=(.).{{0,{MAX_PHRASE_WORDS + 1}}}?\\1)(.{{1,{MAX_PHRASE_WORDS + 1}}})"
                         f"[{''.join(_CONJUNCTION_CODES.values())}]?\\2")


def repeated_runs_of(texts: list[str]) -> dict[str, tuple[tuple[str, int], ...]]:
    """`repeated_runs` of each text, segmenting all texts at once: only the few texts whose words have a
    run written twice (the memo's, and those `word_codes` cannot code) go through `repeated_runs`."""
    runs: dict[str, tuple[tuple[str, int], ...]] = {}
    unknown = []
    for text in dict.fromkeys(texts):
        if text in REPEATED_RUNS_MEMO:
            runs[text] = REPEATED_RUNS_MEMO[text]
        elif len(text) < 2 * MIN_PHRASE_CHARACTERS or not _THAI_LETTER.search(text):
            REPEATED_RUNS_MEMO[text] = runs[text] = ()
        else:
            unknown.append(text)
    for text, codes in zip(unknown, word_codes(unknown, _CONJUNCTION_CODES)):
        if codes is None or _MAY_REPEAT.search(codes):
            runs[text] = repeated_runs(text)
        else:
            REPEATED_RUNS_MEMO[text] = runs[text] = ()
    return runs


def repeated_runs(text: str) -> tuple[tuple[str, int], ...]:
    """Each phrase written twice in a row in *text* (directly or joined by และ/หรือ/กับ), with its offset."""
    if text in REPEATED_RUNS_MEMO:
        return REPEATED_RUNS_MEMO[text]
    found: list[tuple[str, int]] = []
    if len(text) >= 2 * MIN_PHRASE_CHARACTERS and _THAI_LETTER.search(text):
        bounds = word_boundaries(text)
        words = [(text[a:b], a) for a, b in zip(bounds, bounds[1:]) if not text[a:b].isspace()]
        tokens = [word for word, _ in words]
        last_seen: dict[str, int] = {}
        skip_until = -1
        for later, token in enumerate(tokens):
            earlier = last_seen.get(token)
            last_seen[token] = later
            if earlier is None or earlier < skip_until or later - earlier > MAX_PHRASE_WORDS + 1:
                continue
            match = _repeat_at(tokens, earlier, later)
            if match:
                first, last = match
                start, end = words[first][1], words[last][1] + len(words[last][0])
                found.append((text[start:end], start))
                skip_until = last + 1
    REPEATED_RUNS_MEMO[text] = result = tuple(found)
    return result


def _repeat_at(tokens: list[str], first: int, second: int) -> tuple[int, int] | None:
    """Whether the words from *first* up to *second* (less a joining conjunction) are written again at
    *second*: returns (first word, last word of the repeat) or None."""
    phrase_end = second - 1 if tokens[second - 1] in _CONJUNCTIONS and second - 1 > first else second
    phrase = tokens[first:phrase_end]
    if sum(map(len, phrase)) < MIN_PHRASE_CHARACTERS or not _THAI_LETTER.search("".join(phrase)):
        return None
    if tokens[second:second + len(phrase)] == phrase:
        return first, second + len(phrase) - 1
    return None


RULES = (dates_in_text, fiscal_years_in_text, copied_between_measures, repeated_phrases)
