"""Projections kept with the store's generation (relgraph.network.cache): read back on the same data, made again
when a data file changes, never written into the data folder, and never a stale graph."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

import relgraph
from relgraph.network import cache, project, structure

from .conftest import DATA, QUERIES
from .test_projection_reading import assert_same
from .test_store import snapshot

DOFTEC = "https://w3id.org/relgraph/utrecht-guangdong/doftec"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


def saved(store: Path) -> list[str]:
    return sorted(p.name.split(".", 1)[0] for p in store.glob("generations/*.memo/*.pickle"))


def test_a_projection_is_saved_with_the_generation_and_read_back(data, tmp_path, monkeypatch):
    g = relgraph.open(data, queries=QUERIES, store=tmp_path / "store")
    first, first_structure = project(g), structure(g, lang="nl")
    dated = project(g, as_of="2015")
    assert saved(tmp_path / "store") == ["network-en-2015-01-01", "network-en-all", "structure-nl"]
    assert_same(first, project(relgraph.open(data, queries=QUERIES, store=False)))
    monkeypatch.setattr("relgraph.network.projection._project", lambda *a: pytest.fail("made again"))
    monkeypatch.setattr("relgraph.network.structural._structure", lambda *a: pytest.fail("made again"))
    again = relgraph.open(data, queries=QUERIES, store=tmp_path / "store")
    assert_same(project(again), first)
    assert_same(project(again, as_of="2015-01-01"), dated)
    assert_same(structure(again, lang="nl"), first_structure)


def test_an_edited_data_file_is_never_answered_from_the_saved_projection(data, tmp_path):
    store = tmp_path / "store"
    g = relgraph.open(data, queries=QUERIES, store=store)
    assert project(g).nodes[DOFTEC]["label"] == structure(g).nodes[DOFTEC]["label"] == "DOFTEC"
    source = data / "utrecht-guangdong.ttl"
    source.write_text(source.read_text(encoding="utf-8").replace('"DOFTEC"@en', '"DOFTEC (edited)"@en'),
                      encoding="utf-8")
    edited = relgraph.open(data, queries=QUERIES, store=store)
    assert project(edited).nodes[DOFTEC]["label"] == "DOFTEC (edited)"
    assert structure(edited).nodes[DOFTEC]["label"] == "DOFTEC (edited)"
    assert_same(project(edited), project(relgraph.open(data, queries=QUERIES, store=False)))


def test_making_a_projection_writes_nothing_into_the_data_folder(data, tmp_path):
    g = relgraph.open(data, queries=QUERIES, store=tmp_path / "store")
    before = snapshot(data)
    project(g), structure(g), project(g), structure(g)
    assert snapshot(data) == before and saved(tmp_path / "store")


def test_a_damaged_or_other_codes_file_is_made_again(data, tmp_path, monkeypatch):
    store = tmp_path / "store"
    g = relgraph.open(data, queries=QUERIES, store=store)
    first = project(g)
    (path,) = store.glob("generations/*.memo/network-en-all.*.pickle")
    path.write_bytes(b"not a pickle")
    assert_same(project(g), first)
    assert pickle.loads(path.read_bytes()).number_of_nodes() == first.number_of_nodes()
    monkeypatch.setattr(cache, "code_key", lambda: "othercode")
    assert_same(project(g), first)
    assert [p.name for p in store.glob("generations/*.memo/network-en-all.*.pickle")] == \
        ["network-en-all.othercode.pickle"]


def test_a_store_in_memory_saves_nothing(seed):
    assert not hasattr(seed.store, "memo_folder")
    assert project(seed).number_of_nodes() > 10
