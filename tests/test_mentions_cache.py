"""The gazetteer saved in the store folder: built once per state of the data, read back after, never stale (an
edited data file makes a new one), never written into the data folder; and what it answers (names, labels,
mentions) is what a gazetteer built afresh and the graph itself answer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import relgraph
from relgraph.cli import cli
from relgraph.mentions import Gazetteer

from .conftest import DATA

DOCUMENT = ("Op 3 april 2024 bezocht een delegatie van DOFTEC het Rijksmuseum Boerhaave in Leiden. "
            "De Provinciale Staten van Utrecht werden daarover geïnformeerd, en de Provincie Utrect ook.\n")


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("templates"))
    return data


def _saved(store: Path) -> list[Path]:
    return sorted(store.glob("generations/*.memo/gazetteer-*.pickle"))


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.rglob("*")) if p.is_file()}


def test_built_once_then_read_back_with_the_same_answers(tmp_path):
    data, store = _data(tmp_path), tmp_path / "store"
    g = relgraph.open(data, store=store)
    first = Gazetteer.from_graph(g)
    (saved,) = _saved(store)
    written = saved.stat().st_mtime_ns
    again = Gazetteer.from_graph(relgraph.open(data, store=store))
    assert saved.stat().st_mtime_ns == written  # read back, not built again
    fresh = Gazetteer.from_graph(relgraph.open(data, store=False))  # in memory: nothing saved
    assert again.names() == first.names() and sorted(first.names()) == sorted(fresh.names())
    found = [(m.start, m.name, m.entities) for m in fresh.find(DOCUMENT)]  # noqa: C416
    assert [(m.start, m.name, m.entities) for m in again.find(DOCUMENT)] == found and found
    assert relgraph.open(data, store=store).mentions(DOCUMENT) == relgraph.open(data, store=False).mentions(DOCUMENT)


def test_labels_from_the_gazetteer_are_the_graphs(tmp_path):
    data, store = _data(tmp_path), tmp_path / "store"
    g = relgraph.open(data, store=store)
    gz = Gazetteer.from_graph(g)
    entities = {e for i in range(len(gz)) for e in gz._ents[i].split("\x1f")}
    for lang in ("en", "nl", "zh-Hans", "fr"):
        assert gz.labels(g, entities, lang) == g.labels(entities, lang)
    other = relgraph.open(data, store=False)  # another graph: answered by that graph, not the table
    assert gz.labels(other, entities, "nl") == other.labels(entities, "nl")


def test_a_gazetteer_read_back_answers_labels_and_names_in_capitals_as_the_one_built(tmp_path):
    """Read back, the labels are two sorted lists and the automaton of names in capitals is the one saved: the
    same answers as the gazetteer built from the graph, and as the graph."""
    data, store = _data(tmp_path), tmp_path / "store"
    built = Gazetteer.from_graph(relgraph.open(data, store=store))
    g = relgraph.open(data, store=store)
    again = Gazetteer.from_graph(g)
    assert isinstance(built.labels_of, dict) and not isinstance(again.labels_of, dict)
    assert len(again.labels_of) == len(built.labels_of) > 0
    assert all(again.labels_of.get(e) == text for e, text in built.labels_of.items())
    assert again.labels_of.get("https://example.org/nothing") is None and again.labels_of.get("") is None
    entities = {e for i in range(len(again)) for e in again._ents[i].split("\x1f")}
    for lang in ("en", "nl", "zh-Hans"):
        assert again.labels(g, entities, lang) == g.labels(entities, lang)
    capitals = [n for n in built.names() if n.isupper() and n.isascii()]
    assert capitals  # DOFTEC, ...
    text = " ".join(f"{n} en {n.lower()} en {n.title()}." for n in capitals)
    assert [(m.start, m.name) for m in again.find(text)] == [(m.start, m.name) for m in built.find(text)]


def test_an_edited_data_file_makes_a_new_gazetteer(tmp_path):
    data, store = _data(tmp_path), tmp_path / "store"
    g = relgraph.open(data, store=store)
    assert not [m for m in g.mentions("Het Zwanenmuseum Utrecht opende.") if m.match == "exact"]
    (data / "extra.ttl").write_text(
        '@prefix ug: <https://w3id.org/relgraph/utrecht-guangdong/> .\n'
        '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n'
        'ug:zwanenmuseum rdfs:label "Zwanenmuseum Utrecht"@nl , "Swan Museum Utrecht"@en .\n', encoding="utf-8")
    g = relgraph.open(data, store=store)
    (m,) = [m for m in g.mentions("Het Zwanenmuseum Utrecht opende.") if m.match == "exact"]
    assert (m.label, m.text) == ("Swan Museum Utrecht", "Zwanenmuseum Utrecht")
    assert len(_saved(store)) >= 1


def test_the_mentions_command_writes_nothing_in_the_data_folder(tmp_path):
    data, store = _data(tmp_path), tmp_path / "store"
    document = tmp_path / "visit.txt"
    document.write_text(DOCUMENT, encoding="utf-8")
    before = _snapshot(data)
    runs = [CliRunner().invoke(cli, ["--data", str(data), "--store", str(store), "mentions", str(document)])
            for _ in range(2)]
    assert all(r.exit_code == 0 for r in runs), runs[0].output
    assert runs[0].output == runs[1].output and "DOFTEC" in runs[0].output
    assert _snapshot(data) == before
    assert _saved(store)


def test_names_read_by_index_scans_are_the_querys_rows_in_its_order(tmp_path):
    """The gazetteer reads the names by index scans where the store can (the cold build at 1M triples); the
    rows, their order (which name of a key is shown, near-match ties) and repeats across files are those of the
    one SPARQL query it asked before, in memory and on disk; blank nodes and vocabulary terms left out."""
    from relgraph.mentions.gazetteer import _names, _names_by_query

    data = _data(tmp_path)
    (data / "more.ttl").write_text(
        '@prefix ug: <https://w3id.org/relgraph/utrecht-guangdong/> .\n'
        '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n'
        '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n'
        '@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n'
        'ug:doftec rdfs:label "DOFTEC"@en ; skos:altLabel "Doftec" , ug:not-a-literal , "7"^^xsd:integer .\n'
        '_:someone rdfs:label "Nobody"@en .\n', encoding="utf-8")
    for store in (False, tmp_path / "store"):
        g = relgraph.open(data, store=store)
        rows = _names(g)
        assert rows == _names_by_query(g) and len(rows) > 100
        assert not any(s.startswith("_:") or r == "Nobody" for s, _, r, _, _ in rows)
        assert ("https://w3id.org/relgraph/utrecht-guangdong/doftec", "http://www.w3.org/2004/02/skos/core#altLabel",
                "https://w3id.org/relgraph/utrecht-guangdong/not-a-literal", None, False) in rows
        scanned = Gazetteer._built(g).__getstate__()
        g.store = _WithoutScans(g.store)  # a store without a statements method: asked the query
        queried = Gazetteer._built(g).__getstate__()
        for state in (scanned, queried):
            state.pop("automaton"), state.pop("capitals")
        assert queried == scanned


class _WithoutScans:
    def __init__(self, store):
        self._store = store

    def __getattr__(self, name):
        if name == "statements":
            raise AttributeError(name)
        return getattr(self._store, name)


def test_packed_texts_and_sorted_lists_answer_as_a_list_and_a_dict():
    from relgraph.mentions.packed import Sorted, Texts

    items = ["DOFTEC", "", "广东省人民政府", "Provincie Utrecht", "a\x1fb", "é"]
    texts = Texts(*Texts.packed(items))
    assert list(texts) == items and len(texts) == len(items) and texts[-1] == "é" and texts[1:3] == items[1:3]
    assert len(Texts(*Texts.packed([]))) == 0
    with pytest.raises(IndexError):
        texts[len(items)]
    table = {"https://x/b": "B", "https://x/a": "A", "https://x/c": ""}
    keys = sorted(table)
    found = Sorted(keys, Texts(*Texts.packed(table[k] for k in keys)))
    assert [found.get(k) for k in [*keys, "https://x/", "https://x/d", ""]] == [*(table[k] for k in keys), None, None,
                                                                                 None]
    assert len(found) == 3
