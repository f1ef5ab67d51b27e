"""The parse cache speeds up loading but can never make the store trust a file that changed."""

from __future__ import annotations

import os
import time

import pytest

from ita_tui.store import ConflictError
from ita_tui.store.cache import RACY_SECONDS, ParseCache
from ita_tui.store.folder import RecordStore

MEASURE = "2566/measures/01-test.toml"


def _age(path, seconds=RACY_SECONDS + 5):
    old = time.time() - seconds
    os.utime(path, (old, old))


def _load(root, cache_root):
    return RecordStore.load(root, ParseCache(root, cache_root))


def test_an_unchanged_old_file_comes_from_the_cache_without_reading_it(records_builder, tmp_path):
    path = records_builder.root / MEASURE
    _age(path)
    _load(records_builder.root, tmp_path / "cache")
    store = _load(records_builder.root, tmp_path / "cache")
    assert store.sources[MEASURE]._raw is None  # values from the cache, bytes not read
    assert store.records.years[2566].measures[0].title == "มาตรการทดสอบ"


def test_a_changed_file_is_parsed_again(records_builder, tmp_path):
    path = records_builder.root / MEASURE
    _age(path)
    _load(records_builder.root, tmp_path / "cache")
    path.write_text(path.read_text(encoding="utf-8").replace("มาตรการทดสอบ", "ชื่อใหม่"), encoding="utf-8")
    _age(path, RACY_SECONDS + 3)
    store = _load(records_builder.root, tmp_path / "cache")
    assert store.records.years[2566].measures[0].title == "ชื่อใหม่"


def test_a_file_rewritten_within_the_racy_window_is_never_trusted(records_builder, tmp_path):
    _load(records_builder.root, tmp_path / "cache")  # files are brand new: not cached as trusted
    store = _load(records_builder.root, tmp_path / "cache")
    assert store.sources[MEASURE]._raw is not None


def test_editing_a_cached_file_that_changed_behind_the_cache_is_a_conflict(records_builder, tmp_path):
    path = records_builder.root / MEASURE
    _age(path)
    _load(records_builder.root, tmp_path / "cache")
    store = _load(records_builder.root, tmp_path / "cache")
    status = path.stat()
    text = path.read_text(encoding="utf-8").replace("มาตรการทดสอบ", "มาตรการทดลอง")  # same byte length
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))  # and the same mtime: the cache cannot see it
    with pytest.raises(ConflictError):
        store.set_value(MEASURE, ("title",), "ของฉัน")
    assert path.read_text(encoding="utf-8") == text


def test_a_broken_cache_file_is_ignored(records_builder, tmp_path):
    for path in records_builder.root.rglob("*.toml"):
        _age(path)
    _load(records_builder.root, tmp_path / "cache")
    cache_files = list(ParseCache(records_builder.root, tmp_path / "cache").folder.iterdir())
    assert cache_files
    for path in cache_files:
        path.write_bytes(b"not a pickle")
    store = _load(records_builder.root, tmp_path / "cache")
    assert store.records.years[2566].measures[0].title == "มาตรการทดสอบ"


def test_ita_cache_0_disables_it(monkeypatch):
    monkeypatch.setenv("ITA_CACHE", "0")
    assert not ParseCache.enabled()


@pytest.mark.parametrize("code, used", [("older code", False), (None, True)])
def test_what_the_rules_found_per_text_is_reused_only_by_the_same_code(sample_records, tmp_path, monkeypatch,
                                                                        code, used):
    from ita_tui.check import rules_consistency, run_checks
    from ita_tui.check.runner import RULE_MEMO
    from ita_tui.store.shelf import code_fingerprint

    store = RecordStore.load(sample_records, ParseCache(sample_records, tmp_path / "cache"))
    title = store.records.years[2566].measures[0].title
    store._cache.remember({RULE_MEMO: {"code": code or code_fingerprint(), "texts": {title: (("ปลอม", 0),)}}})
    store._cache.save(set(store.sources))
    monkeypatch.setattr(rules_consistency, "REPEATED_RUNS_MEMO", {})
    report = run_checks(RecordStore.load(sample_records, ParseCache(sample_records, tmp_path / "cache")))
    assert any(f.params.get("phrase") == "ปลอม" for f in report.findings) is used
