"""Saves are atomic, keep the file's mode, and never overwrite what someone else changed."""

from __future__ import annotations

import os
import stat

import pytest

from ita_tui.store import ConflictError, load_records

MEASURE = "2566/measures/01-public-private-interest.toml"


def test_save_keeps_mode_and_leaves_no_temp_files(sample_records):
    path = sample_records / MEASURE
    os.chmod(path, 0o640)
    store = load_records(sample_records)
    store.set_value(MEASURE, ("title",), "ชื่อใหม่")
    assert store.save(MEASURE) is True
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(".")) == []


def test_saving_over_a_file_changed_on_disk_refuses_and_keeps_both(sample_records):
    path = sample_records / MEASURE
    store = load_records(sample_records)
    theirs = path.read_text(encoding="utf-8").replace("order = 1", "order = 9")
    path.write_text(theirs, encoding="utf-8")
    store.set_value(MEASURE, ("title",), "ของฉัน")
    with pytest.raises(ConflictError) as conflict:
        store.save(MEASURE)
    assert path.read_text(encoding="utf-8") == theirs  # theirs untouched on disk
    assert 'title = "ของฉัน"' in conflict.value.mine
    assert conflict.value.theirs == theirs


def test_keep_mine_after_seeing_theirs_overwrites_only_that_version(sample_records):
    path = sample_records / MEASURE
    store = load_records(sample_records)
    path.write_text(path.read_text(encoding="utf-8") + "# theirs\n", encoding="utf-8")
    store.set_value(MEASURE, ("title",), "ของฉัน")
    with pytest.raises(ConflictError):
        store.save(MEASURE)
    import hashlib
    seen = hashlib.sha256(path.read_bytes()).hexdigest()
    assert store.save(MEASURE, overwrite_sha256=seen) is True
    assert 'title = "ของฉัน"' in path.read_text(encoding="utf-8")


def test_a_deleted_file_is_a_conflict_not_a_recreation(sample_records):
    store = load_records(sample_records)
    (sample_records / MEASURE).unlink()
    store.set_value(MEASURE, ("title",), "ของฉัน")
    with pytest.raises(ConflictError) as conflict:
        store.save(MEASURE)
    assert conflict.value.theirs is None
    assert not (sample_records / MEASURE).exists()


def test_a_failed_write_leaves_the_old_file_whole(sample_records, monkeypatch):
    path = sample_records / MEASURE
    before = path.read_bytes()
    store = load_records(sample_records)
    store.set_value(MEASURE, ("title",), "ใหม่")

    def broken_replace(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        store.save(MEASURE)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []
