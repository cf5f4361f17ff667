"""The data cache: parsed vocabularies and packs are reused, and rebuilt when anything changes."""

from __future__ import annotations

from newslint import datacache


def test_cached_values_are_reused_and_rebuilt_when_a_source_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_DATA_CACHE", str(tmp_path / "cache"))
    source = tmp_path / "data.txt"
    source.write_text("one")
    calls = []

    def build():
        calls.append(1)
        return {"value": source.read_text()}

    assert datacache.cached("demo", [source], build) == {"value": "one"}
    assert datacache.cached("demo", [source], build) == {"value": "one"}
    assert len(calls) == 1
    source.write_text("two!")  # a different size: a different key
    assert datacache.cached("demo", [source], build) == {"value": "two!"}
    assert len(calls) == 2


def test_corrupt_entries_and_disabled_cache_just_build(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_DATA_CACHE", str(tmp_path / "cache"))
    source = tmp_path / "data.txt"
    source.write_text("x")
    datacache.cached("demo", [source], lambda: 1)
    for entry in (tmp_path / "cache").glob("demo-*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert datacache.cached("demo", [source], lambda: 2) == 2
    monkeypatch.setenv("NEWSLINT_DATA_CACHE", "0")
    assert datacache.cached("demo", [source], lambda: 3) == 3
