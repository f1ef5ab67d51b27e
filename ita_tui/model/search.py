"""Search across every text of every fiscal year: where a phrase occurs, as places a form can open.

The index folds each text once (see `thai/search.py`); a query then tests every folded text with `in`, counts
the hits and maps positions back only for the hits it lists, so a query over 2,000 measures stays well under 50 ms.
No I/O and no UI: the TUI builds the index from the records it holds and lists the hits.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from ..thai.search import find_matches, fold, fold_query
from .records import Records
from .walk import measure_texts

NOT_SEARCHED = {"status", "body_template"}  # codes chosen from a list, not text anyone wrote
MEMO_FIELDS = ("subject", "addressee", "closing", "number")


class SearchPlace(NamedTuple):
    """One searchable text: which year, file and field it is, and which measure (None for the memo).
    A named tuple: an index holds tens of thousands of them and is built when the search opens."""

    fiscal_year: int
    file: str
    key_path: tuple
    field: str
    measure_number: int | None
    measure_title: str
    text: str


class SearchHit(NamedTuple):
    place: SearchPlace
    start: int  # offsets into place.text
    end: int


@dataclass(frozen=True)
class SearchResult:
    hits: list[SearchHit]
    total: int  # every hit, also those past the limit


def searchable_places(records: Records) -> list[SearchPlace]:
    """Every text of every year, newest year first, memo before measures, measures in list order."""
    places: list[SearchPlace] = []
    for fiscal_year in sorted(records.years, reverse=True):
        year = records.years[fiscal_year]
        file = year.origin.file
        memo = year.memo
        for key in MEMO_FIELDS:
            value = getattr(memo, key) or ""
            if value:
                places.append(SearchPlace(fiscal_year, file, ("memo", key), key, None, "", value))
        for index, paragraph in enumerate(memo.paragraphs or []):
            places.append(SearchPlace(fiscal_year, file, ("memo", "paragraphs", index), "paragraphs", None, "",
                                      paragraph))
        for index, paragraph in enumerate(year.report_intro or []):
            places.append(SearchPlace(fiscal_year, file, ("report", "intro", index), "intro", None, "", paragraph))
        for number, measure in enumerate(year.measures, start=1):
            for origin, key_path, field, text in measure_texts(measure):
                if text and field not in NOT_SEARCHED:
                    places.append(SearchPlace(fiscal_year, origin.file, key_path, field, number, measure.title,
                                              text))
    return places


class SearchIndex:
    """The records' texts folded once; `search` answers each query from them."""

    def __init__(self, records: Records):
        self.places = searchable_places(records)
        self.folded = [fold(place.text) for place in self.places]

    def search(self, query: str, limit: int = 200) -> SearchResult:
        """The first *limit* hits with their offsets, and how many there are in all (counted, not mapped)."""
        folded_query = fold_query(query)
        hits: list[SearchHit] = []
        total = 0
        if not folded_query:
            return SearchResult(hits, 0)
        for place, folded in zip(self.places, self.folded):
            if folded_query not in folded:
                continue
            if len(hits) < limit:
                matches = find_matches(folded_query, place.text, folded, limit - len(hits))
                hits.extend(SearchHit(place, start, end) for start, end in matches)
            total += folded.count(folded_query)
        return SearchResult(hits, total)


def snippet(text: str, start: int, end: int, width: int = 60) -> tuple[str, str, str]:
    """The match with some text either side, cut to about *width* characters: (before, match, after).
    The parts are raw record text: the caller escapes them for display."""
    room = max(0, width - (end - start))
    first = max(0, start - max(room // 3, room - (len(text) - end)))  # a short tail leaves room before
    last = min(len(text), end + room - (start - first))
    while 0 < first < start and unicodedata.category(text[first]) == "Mn":
        first += 1  # never open on a vowel or tone mark cut from its consonant
    while end < last < len(text) and unicodedata.category(text[last]) == "Mn":
        last -= 1
    before = ("…" if first > 0 else "") + text[first:start]
    after = text[end:last] + ("…" if last < len(text) else "")
    return before, text[start:end], after
