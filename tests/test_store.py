"""The persistent store on disk: the same answers as in memory, kept in step with the data files by content hash,
usable after a kill, never half of a file for a reader, and never a write to the data folder."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

import relgraph
from relgraph.cli import cli
from relgraph.store.disk import DiskStore

from .conftest import DATA, QUERIES
from .test_api import unordered

RELGRAPH = str(Path(sys.executable).parent / "relgraph")
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
NAMED = sorted(p.stem for p in QUERIES.glob("*.rq"))


def copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    return data


def loading(heard: list[str]) -> list[str]:
    """The files a build or sync loaded, from what it told its progress callback."""
    return sorted(m.removeprefix("loading ") for m in heard if m.startswith("loading "))


def listen(heard: list[str]):
    return lambda message, done, total: heard.append(message)


def current(store: Path) -> dict:
    return json.loads((store / "current.json").read_text(encoding="utf-8"))


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p): (p.read_bytes() if p.is_file() else b"", p.stat().st_mtime_ns) for p in sorted(folder.rglob("*"))}


def cli_run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([RELGRAPH, *args], capture_output=True, text=True, timeout=timeout)


# ---------------------------------------------------------------------------------------------- same answers


@pytest.fixture(scope="module")
def on_disk(tmp_path_factory) -> relgraph.Dataset:
    return relgraph.open(DATA, queries=QUERIES, store=tmp_path_factory.mktemp("store"))


@pytest.mark.parametrize("name", NAMED)
def test_the_store_on_disk_answers_every_named_query_as_memory_does(seed, on_disk, name):
    assert isinstance(on_disk.store, DiskStore) and not isinstance(seed.store, DiskStore)
    params = {p.name: p.example for p in seed.named_query(name).params}
    in_memory, disk = seed.query(name, **params), on_disk.query(name, **params)
    assert disk.columns == in_memory.columns
    if in_memory.is_graph:
        assert sorted(map(repr, disk.triples)) == sorted(map(repr, in_memory.triples))
    else:
        assert sorted(map(unordered, disk.rows)) == sorted(map(unordered, in_memory.rows))
        assert disk.labels == in_memory.labels


@pytest.mark.parametrize("lang", ["en", "nl", "zh"])
def test_the_store_on_disk_gives_every_label_as_memory_does(seed, on_disk, lang):
    from relgraph.labels import labels

    iris = {str(t) for row in seed.query("SELECT DISTINCT ?s ?o WHERE { ?s ?p ?o FILTER(isIRI(?o)) }").rows
            for t in row}
    iris |= {"https://example.org/not stored", "no iri at all", "https://example.org/nothing-here"}
    assert len(iris) > 200
    assert labels(on_disk.store, iris, lang) == labels(seed.store, iris, lang)
    assert labels(on_disk.store, iris, lang)["https://example.org/nothing-here"] == "<https://example.org/nothing-here>"


def test_labels_of_a_large_answer_come_from_the_generations_label_table(tmp_path, monkeypatch):
    """From LABEL_TABLE_FROM IRIs on, the store on disk reads labels from a table of every label, made once per
    generation and saved with it: the same labels as memory's look-ups, in every language."""
    from relgraph.labels import labels

    monkeypatch.setattr("relgraph.store.disk.LABEL_TABLE_FROM", 1)
    data = copy_data(tmp_path)
    memory = relgraph.open(data, store=False)
    iris = {str(t) for row in memory.query("SELECT DISTINCT ?s ?o WHERE { ?s ?p ?o }").rows
            for t in row if isinstance(t, relgraph.IRI)} | {"https://example.org/nothing-here"}
    g = relgraph.open(data, store=tmp_path / "store")
    for lang in ("en", "nl", "zh"):
        assert labels(g.store, iris, lang) == labels(memory.store, iris, lang)
    (table,) = g.store.memo_folder().glob("labels-*.sqlite")

    # a later process reads the saved table, for any answer of LABEL_TABLE_USE IRIs or more, and does not read
    # the statements again nor look labels up one by one
    monkeypatch.undo()
    monkeypatch.setattr(DiskStore, "statements", lambda self, predicate=None: pytest.fail("read again"))
    monkeypatch.setattr(DiskStore, "literals", lambda self, s, p: pytest.fail("looked up one by one"))
    again = relgraph.open(data, store=tmp_path / "store")
    assert 20 <= len(iris) < 2000
    assert labels(again.store, iris, "nl") == labels(memory.store, iris, "nl")

    # a damaged table is made again
    monkeypatch.undo()
    monkeypatch.setattr("relgraph.store.disk.LABEL_TABLE_FROM", 1)
    table.write_bytes(b"not a database")
    damaged = relgraph.open(data, store=tmp_path / "store")
    assert labels(damaged.store, iris, "zh") == labels(memory.store, iris, "zh")


def _resolved(g: relgraph.Dataset, name: str) -> str:
    try:
        return str(g.resolve(name))
    except relgraph.RelgraphError as e:
        return f"{type(e).__name__}: {e}"


@pytest.mark.parametrize("name", ["doftec", "Doftec", "provincie utrecht", "UTRECHT", "guangdong", "nfia",
                                  "universiteit", "doftek", "qqq-nothing-like-it", "广东"])
def test_a_name_in_any_case_resolves_on_disk_from_the_label_table_as_in_memory(seed, tmp_path, name):
    """On disk, a name typed in another case is matched in the label table's lower-cased names (a SPARQL filter
    over every label checks each one's classes on disk: 15 s at 1M triples): the same entity, the same
    ambiguity, the same suggestions as in memory."""
    g = relgraph.open(DATA, queries=QUERIES, store=tmp_path / "store")
    asked: list[str] = []
    query = g.store.query
    g.store.query = lambda text, **kw: asked.append(text) or query(text, **kw)  # type: ignore[method-assign]
    assert _resolved(g, name) == _resolved(seed, name)
    assert not [q for q in asked if "LCASE" in q], "filtered every label in SPARQL"
    assert list(g.store.memo_folder().glob("labels-*.sqlite"))


def test_the_name_index_leaves_schema_and_relgraphs_ontology_out(seed, tmp_path):
    from relgraph.namespaces import RG

    g = relgraph.open(DATA, queries=QUERIES, store=tmp_path / "store")
    assert g.store.entities_named("doftec") == [str(g.resolve("DOFTEC"))]
    names = set(g.store.entity_names().values())
    assert "DOFTEC" in names
    ontology = {str(r[0]) for r in seed.query(
        "SELECT ?l WHERE { ?c rdfs:label ?l . FILTER(STRSTARTS(STR(?c), STR(rg:))) }").rows}
    assert ontology and not ontology & names
    assert not [iri for iri in g.store.entities_named("", part=True) if iri.startswith(RG.NS)]


def test_close_names_are_difflibs_whatever_the_number_of_names():
    """Suggestions for a name that is not there: rapidfuzz only narrows the names difflib compares, so the
    answer is difflib's own (ties, order, cut-off included)."""
    import difflib
    import random

    from relgraph.labels import close_matches

    rng = random.Random(7)
    letters = "abcdeéfo 广东-1"
    names = sorted({"".join(rng.choice(letters) for _ in range(rng.randint(1, 14))) for _ in range(3000)})
    for _ in range(120):
        word = "".join(rng.choice(letters) for _ in range(rng.randint(1, 10)))
        for cutoff in (0.6, 0.8):
            assert close_matches(word, names, cutoff=cutoff) == difflib.get_close_matches(word, names, cutoff=cutoff)
    assert close_matches("doftek", ["doftec", "nfia"]) == ["doftec"]


def test_work_done_once_per_state_of_the_data_is_announced_on_big_stores(tmp_path, monkeypatch):
    """A network, the counts, the table of names and the copy in memory take seconds on a big store, once per
    change of the data: each is announced to the progress callback (a line on a terminal) when it is made, and
    not when it is read back; small stores say nothing."""
    said: list[str] = []

    def progress(message: str, done: int, total: int) -> None:
        if total <= 0:
            said.append(message)

    def work(store: Path) -> list[str]:
        said.clear()
        g = relgraph.open(DATA, queries=QUERIES, store=store, progress=progress)
        g.network()
        g.stats()
        g.resolve("doftec")
        return list(said)

    assert work(tmp_path / "small") == []
    monkeypatch.setattr("relgraph.store.disk.ANNOUNCE_FROM", 0)
    assert work(tmp_path / "big") == [
        "projecting the network (saved for the next commands)", "reading the data files into memory",
        "counting (saved for the next commands)", "making the table of names (saved for the next commands)"]
    assert work(tmp_path / "big") == []  # all read back


def test_labels_chosen_in_the_table_are_those_pick_chooses(tmp_path, monkeypatch):
    """The store on disk chooses each label in SQL (chosen_labels): property rank, then the tag as pick ranks
    it (subtags, untagged, other languages), then the least text, as memory's look-ups and pick give."""
    from relgraph.labels import labels

    from .test_projection_reading import FIRST, SECOND

    data = tmp_path / "data"
    data.mkdir()
    (data / "first.ttl").write_text(FIRST, encoding="utf-8")
    (data / "second.ttl").write_text(SECOND, encoding="utf-8")
    (data / "tags.ttl").write_text("""
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <urn:t:1> rdfs:label "Zebra"@nl-BE , "Aap"@nl-NL , "Mango"@de , "Kiwi" .
        <urn:t:2> rdfs:label "Uno"@es , "Alpha"@fr , ""@en .
        <urn:t:3> skos:prefLabel "Pref"@en ; skos:altLabel "Alt"@en .
        <urn:t:4> rdfs:label "Nur Deutsch"@de-AT , "Nur Deutsch 2"@de .
        <urn:t:5> rdfs:label "中文"@zh-Hant , "简体"@zh-Hans , "50% off_"@en-GB .
        <urn:t:6> skos:altLabel "Only alt" .
        """, encoding="utf-8")
    memory = relgraph.open(data, store=False)
    iris = {str(t) for row in memory.query("SELECT DISTINCT ?s WHERE { ?s ?p ?o }").rows for t in row
            if isinstance(t, relgraph.IRI)} | {"urn:t:nothing"}
    monkeypatch.setattr("relgraph.store.disk.LABEL_TABLE_FROM", 1)
    monkeypatch.setattr(DiskStore, "first_literals", lambda *a: pytest.fail("chosen in Python"))
    disk = relgraph.open(data, store=tmp_path / "store")
    for lang in ("en", "nl", "zh"):
        assert labels(disk.store, iris, lang) == labels(memory.store, iris, lang)
    assert labels(disk.store, iris, "nl")["urn:t:1"] == "Aap"
    assert labels(disk.store, iris, "en")["urn:t:2"] == "<urn:t:2>"  # an empty label is no label


def test_relative_iris_in_a_subfolder_resolve_alike_on_disk_and_in_memory(tmp_path):
    (tmp_path / "data" / "2022").mkdir(parents=True)
    (tmp_path / "data" / "2022" / "x.ttl").write_text(
        '<thing> a <https://schema.org/Organization> ; <http://www.w3.org/2000/01/rdf-schema#label> "T"@en .\n',
        encoding="utf-8")
    (tmp_path / "data" / "y.trig").write_text('<g> { <other> <https://schema.org/name> "O" . }\n', encoding="utf-8")
    answers = []
    for store in (False, tmp_path / "store"):
        g = relgraph.open(tmp_path / "data", store=store)
        answers.append(sorted(map(repr, g.query("SELECT ?g ?s WHERE { GRAPH ?g { ?s ?p ?o } }").rows)))
    assert answers[0] == answers[1]
    assert "IRI('urn:relgraph:file:2022/thing')" in answers[1][0] + answers[1][1]


def test_two_labels_in_one_language_give_the_least_whichever_the_store(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "x.ttl").write_text("""@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/u> a <https://schema.org/Organization> ;
    rdfs:label "Utrecht"@nl, "Provincie Utrecht"@nl, "Zeist"@nl, "Utrecht Province"@en .
""", encoding="utf-8")
    for store in (False, tmp_path / "store"):
        g = relgraph.open(data, store=store)
        assert g.labels({"https://example.org/u"}, "nl") == {"https://example.org/u": "Provincie Utrecht"}
        assert g.labels({"https://example.org/u"}, "zh") == {"https://example.org/u": "Utrecht Province"}
        assert str(g.resolve("Zeist")) == "https://example.org/u"


def test_bulk_reads_from_the_store_on_disk_come_from_a_checked_copy_in_memory(tmp_path, monkeypatch):
    data = copy_data(tmp_path)
    g = relgraph.open(data, store=tmp_path / "store")
    memory = relgraph.open(data, store=False)
    assert sorted(g.store.statements()) == sorted(memory.store.statements())
    assert g.store.in_memory() is not None
    assert sorted(g.store.statements(RDFS_LABEL)) == sorted(memory.store.statements(RDFS_LABEL))

    # a file rewritten after the generation was opened: the copy is not made, and the generation answers
    g = relgraph.open(data, store=tmp_path / "store")
    ontology = data / "ontology.ttl"
    ontology.write_text(ontology.read_text(encoding="utf-8").replace('"agreement"@en', '"pact"@en'),
                        encoding="utf-8")
    labels = {value for _, _, value, _, _ in g.store.statements(RDFS_LABEL)}
    assert g.store.in_memory() is None
    assert "agreement" in labels and "pact" not in labels

    # above the limit the generation on disk is read, with the same statements
    monkeypatch.setattr("relgraph.store.disk.COPY_LIMIT", 10)
    g = relgraph.open(data, store=tmp_path / "store")  # synced with the rewritten file
    assert g.store.in_memory() is None
    assert "pact" in {value for _, _, value, _, _ in g.store.statements(RDFS_LABEL)}


def test_the_store_on_disk_counts_as_memory_does(seed, on_disk):
    assert on_disk.stats() == seed.stats()
    assert on_disk.store.graph_names() == seed.store.graph_names()


# ---------------------------------------------------------------------------------------------- in step


def test_a_changed_file_is_reloaded_alone(tmp_path):
    data, store, heard = copy_data(tmp_path), tmp_path / "store", []
    first = relgraph.open(data, queries=QUERIES, store=store, progress=listen(heard))
    assert loading(heard) == sorted(p.name for p in relgraph.store.data_files(data))
    before = current(store)
    vvd = data / "2022-vvd.ttl"
    vvd.write_text(vvd.read_text(encoding="utf-8") + '\n<urn:x:new> <http://www.w3.org/2000/01/rdf-schema#label> '
                   '"Nieuw"@nl .\n', encoding="utf-8")
    heard.clear()
    g = relgraph.open(data, queries=QUERIES, store=store, progress=listen(heard))
    assert loading(heard) == ["2022-vvd.ttl"]
    assert g.query("SELECT ?g ?l WHERE { GRAPH ?g { <urn:x:new> rdfs:label ?l } }", labels=False).rows == [
        (relgraph.IRI("urn:relgraph:file:2022-vvd.ttl"), "Nieuw")]
    after = current(store)
    assert after["files"]["2022-vvd.ttl"]["sha256"] == hashlib.sha256(vvd.read_bytes()).hexdigest()
    assert after["files"]["2022-vvd.ttl"]["triples"] == before["files"]["2022-vvd.ttl"]["triples"] + 1
    assert {k: v for k, v in after["files"].items() if k != "2022-vvd.ttl"} == \
        {k: v for k, v in before["files"].items() if k != "2022-vvd.ttl"}
    assert len(g.store) == len(first.store) + 1
    assert first.query("SELECT ?l WHERE { <urn:x:new> rdfs:label ?l }").rows == []  # it keeps what it opened


def test_a_removed_file_takes_its_graph_with_it(tmp_path):
    data, store, heard = copy_data(tmp_path), tmp_path / "store", []
    first = relgraph.open(data, queries=QUERIES, store=store)
    nos = current(store)["files"]["2022-nos.ttl"]["triples"]
    (data / "2022-nos.ttl").unlink()
    g = relgraph.open(data, queries=QUERIES, store=store, progress=listen(heard))
    assert loading(heard) == []
    assert "urn:relgraph:file:2022-nos.ttl" in first.store.graph_names()
    assert "urn:relgraph:file:2022-nos.ttl" not in g.store.graph_names()
    assert g.query("ASK { GRAPH <urn:relgraph:file:2022-nos.ttl> { ?s ?p ?o } }").boolean is False
    assert len(g.store) == len(first.store) - nos > 0
    assert "2022-nos.ttl" not in current(store)["files"]


def test_a_touched_file_is_not_read_again(tmp_path):
    data, store, heard = copy_data(tmp_path), tmp_path / "store", []
    relgraph.open(data, queries=QUERIES, store=store)
    generation = current(store)["generation"]
    triples = len(rdflib.Graph().parse(data / "ontology.ttl"))
    os.utime(data / "ontology.ttl", ns=(time.time_ns() - 10**10, time.time_ns() - 10**10))
    assert ("ontology.ttl", "touched", triples) in relgraph.store_status(data, store=store).files
    relgraph.open(data, queries=QUERIES, store=store, progress=listen(heard))
    assert loading(heard) == [] and current(store)["generation"] == generation
    assert ("ontology.ttl", "ok", triples) in relgraph.store_status(data, store=store).files


def test_a_new_file_is_loaded_into_its_own_graph(tmp_path):
    data, store = copy_data(tmp_path), tmp_path / "store"
    relgraph.open(data, queries=QUERIES, store=store)
    (data / "more").mkdir()
    (data / "more" / "extra.nt").write_text('<urn:x:a> <urn:x:p> "1" .\n', encoding="utf-8")
    g = relgraph.open(data, queries=QUERIES, store=store)
    assert g.query("SELECT ?g WHERE { GRAPH ?g { <urn:x:a> ?p ?o } }", labels=False).rows == [
        (relgraph.IRI("urn:relgraph:file:more/extra.nt"),)]


def test_a_file_that_does_not_parse_is_one_line_with_its_place_and_the_store_recovers(tmp_path):
    data, store = copy_data(tmp_path), tmp_path / "store"
    relgraph.open(data, queries=QUERIES, store=store)
    vvd = data / "2022-vvd.ttl"
    good = vvd.read_text(encoding="utf-8")
    vvd.write_text(good + "\n<urn:x:a> <urn:x:p> .\n", encoding="utf-8")
    with pytest.raises(relgraph.DataError) as disk_error:
        relgraph.open(data, queries=QUERIES, store=store)
    with pytest.raises(relgraph.DataError) as memory_error:
        relgraph.open(data, queries=QUERIES)
    assert str(disk_error.value) == str(memory_error.value)
    assert str(disk_error.value).startswith(f"{vvd}:{good.count(chr(10)) + 2}:")
    vvd.write_text(good, encoding="utf-8")
    repaired = relgraph.open(data, queries=QUERIES, store=store)
    assert len(repaired.store) == len(relgraph.open(data, queries=QUERIES).store)
    assert repaired.query("ASK { GRAPH <urn:relgraph:file:2022-vvd.ttl> { ?s ?p ?o } }").boolean is True


# ---------------------------------------------------------------------------------------------- status and rebuild


def small_dataset(tmp_path: Path) -> Path:
    data = tmp_path / "small"
    data.mkdir(parents=True)
    (data / "a.ttl").write_text('<urn:x:a> <urn:x:p> "1", "2" .\n', encoding="utf-8")
    (data / "b.nt").write_text('<urn:x:b> <urn:x:p> "3" .\n', encoding="utf-8")
    return data


def test_store_status_and_rebuild_on_the_command_line(tmp_path):
    data, store, runner = small_dataset(tmp_path), tmp_path / "store", CliRunner()

    def status() -> str:
        """The status without its size lines, which ``test_the_status_says_what_is_saved_and_its_size`` checks."""
        result = runner.invoke(cli, ["--data", str(data), "--store", str(store), "store", "status"])
        assert result.exit_code == 0, result.output
        return result.output.split("size    ")[0]

    assert status() == (f"store   {store}\n"
                        "state   not built yet: the next command builds it (or 'relgraph store rebuild')\n")
    result = runner.invoke(cli, ["--data", str(data), "store", "rebuild", "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"rebuilt {store}: 2 files, 3 triples in ")
    assert result.output.endswith(" s (generation 000001)\n")
    published = current(store)["built"]
    assert status() == (f"store   {store}\n"
                        "state   in step with the data\n"
                        f"holds   2 files, 3 triples (generation 000001, published {published})\n"
                        "  a.ttl  ok               2\n"
                        "  b.nt   ok               1\n")
    (data / "a.ttl").write_text('<urn:x:a> <urn:x:p> "1" .\n', encoding="utf-8")
    (data / "b.nt").unlink()
    (data / "c.ttl").write_text('<urn:x:c> <urn:x:p> "4" .\n', encoding="utf-8")
    assert status() == (f"store   {store}\n"
                        "state   out of step (1 changed, 1 new, 1 removed): the next command brings it in step\n"
                        f"holds   2 files, 3 triples (generation 000001, published {published})\n"
                        "  a.ttl  changed          2\n"
                        "  b.nt   removed          1\n"
                        "  c.ttl  new              0\n")
    result = runner.invoke(cli, ["--data", str(data), "--store", str(store), "stats", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["triples"] == 2
    assert status().splitlines()[1:] == [
        "state   in step with the data",
        f"holds   2 files, 2 triples (generation 000002, published {current(store)['built']})",
        "  a.ttl  ok               1",
        "  c.ttl  ok               1"]
    assert sorted(p.name for p in (store / "generations").iterdir()) == ["000002", "000002.lock", "000002.memo"]


def test_the_status_says_what_is_saved_and_its_size(tmp_path):
    data, store, runner = copy_data(tmp_path), tmp_path / "store", CliRunner()

    def status() -> list[str]:
        result = runner.invoke(cli, ["--data", str(data), "--store", str(store), "store", "status"])
        assert result.exit_code == 0, result.output
        return result.output.splitlines()[-4:]

    g = relgraph.open(data, queries=QUERIES, store=store)
    size = sum(p.stat().st_size for p in (store / "generations" / current(store)["generation"]).rglob("*")
               if p.is_file())
    assert status()[-2:] == [f"size    {size / 1e6:.1f} MB (the generation the commands read)",
                             "saved   nothing yet (networks, counts and tables of names are saved as commands make "
                             "them)"]
    g.network(lang="nl", as_of="2017-11-01")
    g.stats()
    g.resolve("doftec")
    lines = status()
    assert lines[0].startswith("saved   ") and lines[0].endswith(" for the next commands, made from this generation:")
    assert [ln.split("  ")[1] for ln in lines[1:]] == ["counts (relgraph stats)", "network (nl, as of 2017-11-01)",
                                                        "table of names"]
    assert all(re.search(r"\d+ (kB|MB)$", ln) for ln in lines[1:])


def test_stats_are_counted_once_per_state_of_the_data(tmp_path):
    data, store = copy_data(tmp_path), tmp_path / "store"
    first = relgraph.open(data, queries=QUERIES, store=store).stats()
    assert first == relgraph.open(data, queries=QUERIES).stats()
    memo = store / "generations" / f"{current(store)['generation']}.memo" / "stats.json"
    saved = json.loads(memo.read_text(encoding="utf-8"))
    assert (saved["entities"], saved["triples"]) == (first.entities, first.triples)
    memo.write_text(json.dumps({**saved, "quotes": -1}), encoding="utf-8")
    assert relgraph.open(data, queries=QUERIES, store=store).stats().quotes == -1  # read back, not counted again
    (data / "2022-nos.ttl").unlink()
    assert relgraph.open(data, queries=QUERIES, store=store).stats() == relgraph.open(data, queries=QUERIES).stats()
    assert not memo.exists()  # went with its generation


def test_the_default_store_is_per_dataset_in_the_cache_and_never_in_the_data_folder(tmp_path, monkeypatch):
    data, runner = small_dataset(tmp_path), CliRunner()
    result = runner.invoke(cli, ["--data", str(data), "store", "status"])
    folder = Path(result.output.splitlines()[0].removeprefix("store   "))
    assert folder.parent == Path(os.environ["XDG_CACHE_HOME"]) / "relgraph" / "stores"
    assert folder.name.startswith("small-")
    other = small_dataset(tmp_path / "other")
    assert runner.invoke(cli, ["--data", str(other), "store", "status"]).output.splitlines()[0] != \
        result.output.splitlines()[0]
    monkeypatch.setenv("RELGRAPH_STORE", str(tmp_path / "mine"))
    assert runner.invoke(cli, ["--data", str(data), "store", "status"]).output.splitlines()[0] == \
        f"store   {tmp_path / 'mine'}"
    assert runner.invoke(cli, ["--data", str(data), "query", "--sparql", "ASK { ?s ?p ?o }"]).output == \
        "answer\n──────\nyes\n"
    assert (tmp_path / "mine" / "current.json").is_file()
    assert sorted(p.name for p in data.iterdir()) == ["a.ttl", "b.nt"]


def test_no_store_loads_in_memory_and_writes_no_store(tmp_path, monkeypatch):
    data, runner = small_dataset(tmp_path), CliRunner()
    monkeypatch.setenv("RELGRAPH_STORE", str(tmp_path / "mine"))
    result = runner.invoke(cli, ["--data", str(data), "query", "--sparql", "ASK { ?s ?p ?o }", "--no-store"])
    assert (result.exit_code, result.output) == (0, "answer\n──────\nyes\n")
    assert not (tmp_path / "mine").exists()


def test_a_read_only_data_folder_is_read_and_never_written(tmp_path):
    data, store = copy_data(tmp_path), tmp_path / "store"
    for p in [data, *data.rglob("*")]:
        p.chmod(0o555 if p.is_dir() else 0o444)
    before = snapshot(data)
    try:
        for _ in range(2):
            done = cli_run("--data", str(data), "--queries", str(QUERIES), "--store", str(store),
                           "query", "entity", "-p", "entity=DOFTEC", "-f", "csv")
            assert done.returncode == 0, done.stderr
            assert len(done.stdout.splitlines()) == 11
        assert snapshot(data) == before
    finally:
        for p in [data, *data.rglob("*")]:
            p.chmod(0o755 if p.is_dir() else 0o644)


# ---------------------------------------------------------------------------------------------- a store that cannot be written


def test_a_store_that_cannot_be_written_is_used_while_the_content_holds_and_says_so_when_not(tmp_path):
    data, store, runner = small_dataset(tmp_path), tmp_path / "store", CliRunner()
    ask = ["--data", str(data), "--store", str(store), "query", "--sparql", "SELECT ?o WHERE { <urn:x:a> ?p ?o }"]
    assert runner.invoke(cli, ask).exit_code == 0
    (store / "lock").unlink()
    (store / "lock").mkdir()  # the writer lock cannot be taken: no process may write this store
    os.utime(data / "a.ttl", ns=(time.time_ns() - 10**10, time.time_ns() - 10**10))
    result = runner.invoke(cli, ask + ["-f", "csv"])
    assert (result.exit_code, result.output) == (0, "o\n1\n2\n")
    (data / "a.ttl").write_text('<urn:x:a> <urn:x:p> "9" .\n', encoding="utf-8")
    result = runner.invoke(cli, ask)
    assert result.exit_code == 2
    assert result.output == (f"Error: {store}: the store is out of step with the data (changed: a.ttl) and cannot "
                             "be written: Is a directory (--store DIR names another store folder; --no-store loads "
                             "the data in memory)\n")


def test_a_store_folder_that_cannot_be_made_is_one_line(tmp_path):
    data = small_dataset(tmp_path)
    result = CliRunner().invoke(cli, ["--data", str(data), "--store", "/dev/null/store", "stats"])
    assert result.exit_code == 2
    assert result.output == ("Error: /dev/null/store: the store is not built and cannot be written: "
                             "Not a directory "
                             "(--store DIR names another store folder; --no-store loads the data in memory)\n")


# ---------------------------------------------------------------------------------------------- kill -9


def big_file(path: Path, n: int, tag: str = "") -> int:
    """An N-Triples file of ``n`` triples, large enough to take Oxigraph's bulk loader a few seconds."""
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(f'<urn:x:s{i}> <urn:x:p{i % 7}> "value {i}{tag}" .\n')
    return n


def kill_while_loading(args: list[str], store: Path, old_master_state: str | None) -> None:
    """Start ``relgraph args`` and kill it (-9) once it is loading into the store."""
    proc = subprocess.Popen([RELGRAPH, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            text = (store / "master.json").read_text(encoding="utf-8")
            if text != old_master_state and json.loads(text)["pending"]:
                break
        except (OSError, ValueError):
            pass
        time.sleep(0.01)
    time.sleep(0.3)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL, "the build ended before it could be killed"


def test_a_build_killed_with_kill_9_is_repaired_by_the_next_command(tmp_path):
    data, store = tmp_path / "data", tmp_path / "store"
    data.mkdir()
    n = big_file(data / "big.nt", 400_000) + big_file(data / "small.nt", 10)
    args = ["--data", str(data), "--store", str(store), "stats", "-f", "json"]
    kill_while_loading(args, store, None)
    assert not (store / "current.json").exists()
    done = cli_run(*args)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["triples"] == n


def test_an_update_killed_with_kill_9_leaves_the_store_usable_and_is_repaired(tmp_path):
    import pyoxigraph

    data, store = tmp_path / "data", tmp_path / "store"
    data.mkdir()
    old = big_file(data / "big.nt", 400_000) + big_file(data / "small.nt", 10)
    args = ["--data", str(data), "--store", str(store), "stats", "-f", "json"]
    assert json.loads(cli_run(*args).stdout)["triples"] == old
    published = (store / "current.json").read_text(encoding="utf-8")
    new = big_file(data / "big.nt", 400_001, tag=" again") + 10
    kill_while_loading(args, store, (store / "master.json").read_text(encoding="utf-8"))
    assert (store / "current.json").read_text(encoding="utf-8") == published
    generation = pyoxigraph.Store.read_only(str(store / "generations" / json.loads(published)["generation"]))
    assert len(generation) == old  # what readers open is whole and as it was
    del generation
    done = cli_run(*args)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["triples"] == new
    assert sorted(p.name for p in (store / "generations").iterdir()) == ["000002", "000002.lock", "000002.memo"]


# ---------------------------------------------------------------------------------------------- readers and a writer


def test_readers_never_see_half_a_file_while_it_is_rewritten_in_place(tmp_path):
    """The issue's case: a data file edited in place (truncated, then written) while others query it."""
    data, store = copy_data(tmp_path), tmp_path / "store"
    args = ["--data", str(data), "--queries", str(QUERIES), "--store", str(store),
            "query", "entity", "-p", "entity=DOFTEC", "-f", "csv"]
    first = cli_run(*args)
    assert first.returncode == 0, first.stderr
    rows = len(first.stdout.splitlines()) - 1
    assert rows > 0
    answers: list[tuple[int, int, str]] = []
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            done = cli_run(*args)
            answers.append((done.returncode, len(done.stdout.splitlines()) - 1, done.stderr))

    readers = [threading.Thread(target=reader) for _ in range(2)]
    for t in readers:
        t.start()
    target = data / "utrecht-guangdong.ttl"
    text = target.read_bytes()
    try:
        for i in range(8):
            with target.open("wb") as f:  # truncated: a reader that read it now would find nothing
                f.write(text[: len(text) // 2])
                f.flush()
                time.sleep(0.05)
                f.write(text[len(text) // 2:] + f"\n# edit {i}\n".encode())
            time.sleep(0.7)
    finally:
        stop.set()
        for t in readers:
            t.join()
    assert len(answers) >= 4
    assert [a for a in answers if a[:2] != (0, rows)] == []
    assert int(current(store)["generation"]) > 1  # the file was loaded again while they read


def test_the_progress_bar_draws_on_a_terminal_only(capsys):
    from relgraph.cli.progress import ProgressBar

    quiet = ProgressBar()
    quiet.shown = False
    quiet("loading a.ttl", 0, 10)
    bar = ProgressBar(width=10)
    bar.shown = True  # as on a terminal
    bar("loading a.ttl", 0, 2_000_000)
    bar("loading a.ttl", 2_000_000, 2_000_000)
    out, err = capsys.readouterr()
    assert out == ""
    assert err == ("\rbuilding the store  ░░░░░░░░░░   0%  0.0/2.0 MB  loading a.ttl"  # click drops the escape
                   "\rbuilding the store  ██████████ 100%  2.0/2.0 MB  loading a.ttl\n")  # that clears the line here
