"""relgraph over a SPARQL endpoint: a real Oxigraph server (``oxigraph serve``) that the tests start, filled by
``relgraph push``, answers every named query, path, neighbourhood, ranking, export and view exactly as the
embedded store does; push is idempotent and replaces one graph per file; errors are one line naming the URL."""

from __future__ import annotations

import shutil
import socket
import urllib.request

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

import relgraph
from relgraph.cli import cli
from relgraph.network import neighbour_rows, rank_rows
from relgraph.push import GENID, push, target
from relgraph.store.endpoint import BATCH, EndpointStore

from .conftest import DATA, QUERIES, UG
from .servers import oxigraph_server

DOFTEC = UG + "doftec"


def unordered(row: tuple) -> str:
    """A row as text, with GROUP_CONCAT lists sorted: SPARQL leaves their order to the engine."""
    return repr(tuple(" · ".join(sorted(c.split(" · "))) if isinstance(c, str) else c for c in row))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """An Oxigraph server holding the seed data, pushed by relgraph; its base URL."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as base:
        push(DATA, endpoint=base + "/query")
        yield base


@pytest.fixture(scope="module")
def remote(server):
    return relgraph.open(endpoint=server + "/query", queries=QUERIES)


@pytest.fixture
def fresh(tmp_path):
    """An empty Oxigraph server of its own."""
    with oxigraph_server(tmp_path / "server") as base:
        yield base


def count(base: str, graph: str | None = None) -> int:
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
    raw = EndpointStore(base + "/query").query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    return int(raw.rows[0][0])


# ------------------------------------------------------------------ the same answers


def test_the_endpoint_holds_one_graph_per_file(remote, seed):
    assert remote.store.graph_names() == seed.store.graph_names()
    assert len(remote.store) == len(seed.store)


@pytest.mark.parametrize("name", sorted(p.stem for p in QUERIES.glob("*.rq")))
def test_every_named_query_answers_the_same_rows(remote, seed, name):
    params = {p.name: p.example for p in seed.named_query(name).params}
    embedded, over_http = seed.query(name, **params), remote.query(name, **params)
    assert over_http.columns == embedded.columns
    if embedded.is_graph:
        assert set(over_http.triples) == set(embedded.triples) and embedded.triples
    else:
        assert sorted(map(unordered, over_http.terms)) == sorted(map(unordered, embedded.terms))
        assert sorted(map(unordered, over_http.rows)) == sorted(map(unordered, embedded.rows))  # labels too


@pytest.mark.parametrize("query", [
    "SELECT (COUNT(*) AS ?n) FROM <urn:relgraph:file:2022-nos.ttl> WHERE { ?s ?p ?o }",
    "SELECT ?g (COUNT(*) AS ?n) FROM NAMED <urn:relgraph:file:2022-vvd.ttl> WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
])
def test_a_query_with_its_own_dataset_keeps_it_here_and_there(remote, seed, query):
    assert sorted(remote.query(query).terms) == sorted(seed.query(query).terms)
    assert len(seed.query(query).terms) == (6 if "FROM" not in query else 1)


def test_labels_come_in_batches_not_one_request_per_iri(remote, seed):
    iris = {str(r[0]) for r in seed.query("SELECT DISTINCT ?s WHERE { ?s ?p ?o } LIMIT 600").terms}
    before = remote.store.client.requests
    assert remote.labels(iris, "zh") == seed.labels(iris, "zh")
    assert remote.store.client.requests - before == -(-len(iris) // BATCH)


def test_names_resolve_the_same(remote, seed):
    for name in ("DOFTEC", "广东省", "ug:doftec", "doftec", DOFTEC):
        assert remote.resolve(name) == seed.resolve(name)
    with pytest.raises(relgraph.EntityNotFoundError) as far:
        remote.resolve("FoodValey")
    with pytest.raises(relgraph.EntityNotFoundError) as near:
        seed.resolve("FoodValey")
    assert str(far.value) == str(near.value) == "no entity called 'FoodValey'; close matches: FoodValley"
    with pytest.raises(relgraph.AmbiguousEntityError) as far:
        remote.resolve("Utrecht")
    with pytest.raises(relgraph.AmbiguousEntityError) as near:
        seed.resolve("Utrecht")
    assert str(far.value) == str(near.value)


def test_path_neighbours_rank_and_stats(remote, seed):
    as_dicts = lambda chains: [[s.as_dict() for s in c] for c in chains]  # noqa: E731
    assert as_dicts(remote.path("FoodValley", "DOFTEC")) == as_dicts(seed.path("FoodValley", "DOFTEC"))
    assert as_dicts(remote.path("ug:provincie-utrecht", "DOFTEC", as_of="2015-01-01")) == \
        as_dicts(seed.path("ug:provincie-utrecht", "DOFTEC", as_of="2015-01-01"))
    assert neighbour_rows(remote, "DOFTEC", depth=2) == neighbour_rows(seed, "DOFTEC", depth=2)
    assert rank_rows(remote, by="betweenness") == rank_rows(seed, by="betweenness")
    assert nx.utils.graphs_equal(remote.network(), seed.network())
    here, there = seed.stats(), remote.stats()
    assert there.files == tuple(f.name for f in seed.files)
    assert (there.triples, there.entities, there.relations, there.by_class, there.by_kind) == \
        (here.triples, here.entities, here.relations, here.by_class, here.by_kind)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_exports_are_the_same(remote, seed, fmt):
    assert remote.export(fmt) == seed.export(fmt)


def test_jsonld_export_holds_the_same_triples(remote, seed):
    """JSON-LD lists the values of a property in the order the triples came, which SPARQL leaves open."""
    there, here = (rdflib.Graph().parse(data=g.export("jsonld"), format="json-ld") for g in (remote, seed))
    assert isomorphic(there, here) and len(here) > 1000


def test_csv_export_and_the_view_are_the_same(remote, seed, tmp_path):
    assert [p.read_text() for p in remote.export("csv", tmp_path / "a/")] == \
        [p.read_text() for p in seed.export("csv", tmp_path / "b/")]
    assert remote.view(focus="DOFTEC", depth=2, lang="zh").html == seed.view(focus="DOFTEC", depth=2, lang="zh").html
    assert remote.view(preset="mission", as_of="2017").html == seed.view(preset="mission", as_of="2017").html


def test_validate_reads_the_data_from_the_endpoint(server, seed):
    remote = relgraph.open(DATA, queries=QUERIES, endpoint=server + "/query")
    assert remote.files == []
    here, there = seed.validate(), remote.validate()
    assert (there.conforms, there.findings, there.checked) == (here.conforms, here.findings, here.checked)


def test_cli_answers_the_same_through_endpoint_and_environment(server, run):
    runner = CliRunner()
    local = run("query", "agreements", "-f", "tsv")
    for args, env in ((["--endpoint", server + "/query"], {}), ([], {"RELGRAPH_ENDPOINT": server + "/query"})):
        before = runner.invoke(cli, ["--queries", str(QUERIES), *args, "query", "agreements", "-f", "tsv"], env=env)
        assert before.exit_code == 0, before.output
        assert before.output == local.output
    after = runner.invoke(cli, ["path", "FoodValley", "DOFTEC", "--endpoint", server + "/query"])
    assert after.exit_code == 0, after.output
    assert after.output == run("path", "FoodValley", "DOFTEC").output


def test_an_endpoint_without_file_graphs_is_read_through_its_default_graph(fresh, seed):
    for name in ("utrecht-guangdong.ttl", "ontology.ttl"):  # loaded by other means, into the default graph
        request = urllib.request.Request(fresh + "/store?default", data=(DATA / name).read_bytes(), method="POST",
                                         headers={"Content-Type": "text/turtle"})
        urllib.request.urlopen(request).close()
    g = relgraph.open(endpoint=fresh + "/query", queries=QUERIES)
    assert g.store.graph_names() == set()
    assert len(g.store) == len(seed.store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } "
                                                "FILTER(?g IN (<urn:relgraph:file:utrecht-guangdong.ttl>, "
                                                "<urn:relgraph:file:ontology.ttl>)) }").triples)
    assert [r[:2] for r in g.query("agreements").rows] == [r[:2] for r in seed.query("agreements").rows]


# ------------------------------------------------------------------ push


def test_push_is_idempotent_and_a_changed_file_replaces_only_its_graph(fresh, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("sources", "shapes.ttl"))
    first = push(data, endpoint=fresh + "/query")
    counts = {p.graph: count(fresh, p.graph) for p in first}
    assert counts == {p.graph: p.triples for p in first}
    push(data, endpoint=fresh + "/query")
    assert {g: count(fresh, g) for g in counts} == counts
    nos = data / "2022-nos.ttl"
    nos.write_text(nos.read_text(encoding="utf-8") + "\n<urn:x:a> <urn:x:b> <urn:x:c> .\n", encoding="utf-8")
    push(data, endpoint=fresh + "/query")
    changed = "urn:relgraph:file:2022-nos.ttl"
    assert {g: count(fresh, g) for g in counts} == {**counts, changed: counts[changed] + 1}


def test_push_by_update_skolemises_blank_nodes_stably_and_prunes(fresh, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.ttl").write_text('<urn:x:s> <urn:x:p> [ <urn:x:q> "one" ] , [ <urn:x:q> "two" ] .\n', encoding="utf-8")
    (data / "b.ttl").write_text("<urn:x:s> <urn:x:p> <urn:x:o> .\n", encoding="utf-8")
    for _ in range(2):
        done = push(data, endpoint=fresh + "/query", update=fresh + "/update", chunk=2)
    assert [(p.graph, p.triples, p.requests) for p in done] == [
        ("urn:relgraph:file:a.ttl", 4, 2), ("urn:relgraph:file:b.ttl", 1, 1)]
    assert count(fresh) == 5
    g = relgraph.open(endpoint=fresh + "/query")
    objects = sorted(str(r[0]) for r in g.query("SELECT ?o WHERE { <urn:x:s> <urn:x:p> ?o }").terms)
    assert objects[0].startswith(GENID) and objects[1].startswith(GENID) and objects[2] == "urn:x:o"
    (data / "b.ttl").unlink()
    pruned = push(data, endpoint=fresh + "/query", prune=True)
    assert [(p.graph, p.action) for p in pruned] == [("urn:relgraph:file:a.ttl", "replace"),
                                                     ("urn:relgraph:file:b.ttl", "drop")]
    assert relgraph.open(endpoint=fresh + "/query").store.graph_names() == {"urn:relgraph:file:a.ttl"}


def test_push_dry_run_sends_nothing(fresh, tmp_path):
    result = CliRunner().invoke(cli, ["push", "--endpoint", fresh + "/query", "--data", str(DATA / "2022-vvd.ttl"),
                                      "--dry-run"])
    assert result.exit_code == 0, result.output
    assert result.output == (f"would replace urn:relgraph:file:2022-vvd.ttl  30 triples  ({DATA / '2022-vvd.ttl'})\n"
                             f"would push 1 graph, 30 triples, to {fresh}/store (Graph Store Protocol, 1 requests)\n")
    assert count(fresh) == 0
    done = CliRunner().invoke(cli, ["push", "--endpoint", fresh + "/query", "--data", str(DATA / "2022-vvd.ttl")])
    assert done.exit_code == 0, done.output
    assert done.output.splitlines()[0] == f"replaced urn:relgraph:file:2022-vvd.ttl  30 triples  ({DATA / '2022-vvd.ttl'})"
    assert count(fresh) == 30


def test_push_refuses_a_file_that_does_not_parse_before_sending_anything(fresh, tmp_path):
    (tmp_path / "good.ttl").write_text("<urn:x:s> <urn:x:p> <urn:x:o> .\n", encoding="utf-8")
    (tmp_path / "z.ttl").write_text("<urn:x:s> <urn:x:p> .\n", encoding="utf-8")
    with pytest.raises(relgraph.DataError, match=r"z\.ttl:1:"):
        push(tmp_path, endpoint=fresh + "/query")
    assert count(fresh) == 0


def test_where_push_writes():
    assert target("http://h:7878/query") == target(graph_store="http://h:7878/store")
    assert target("http://h:8890/sparql").method == "update"
    with pytest.raises(relgraph.ParameterError, match="not both"):
        target(graph_store="http://h/a", update="http://h/b")


# ------------------------------------------------------------------ errors, one line each


def cli_error(*args: str) -> str:
    result = CliRunner().invoke(cli, ["--queries", str(QUERIES), *args])
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1, result.output
    return result.output


def test_errors_are_one_line_naming_the_url(server):
    port = socket.socket()
    port.bind(("127.0.0.1", 0))
    closed = f"http://127.0.0.1:{port.getsockname()[1]}/query"
    port.close()
    assert cli_error("--endpoint", closed, "query", "agreements") == \
        f"Error: {closed}: cannot connect: connection refused (is the endpoint running?)\n"
    assert cli_error("--endpoint", server + "/nowhere", "stats") == \
        f"Error: {server}/nowhere: HTTP 404 Not Found: POST /nowhere is not supported by this server\n"
    assert cli_error("--endpoint", server + "/query", "query", "--sparql", "SELECT * WHERE { ?s ?p }").startswith(
        f"Error: --sparql: {server}/query: HTTP 400 Bad Request: error at 1:")
    assert cli_error("--endpoint", "file:///etc/passwd", "query", "agreements") == \
        "Error: file:///etc/passwd: not an http or https URL\n"
    usage = CliRunner().invoke(cli, ["push"])
    assert usage.exit_code == 2
    assert usage.output.splitlines()[-1] == \
        "Error: give --endpoint URL (or $RELGRAPH_ENDPOINT), --graph-store URL or --update URL"


def test_the_read_only_guard_still_stands_in_front_of_the_endpoint(remote):
    with pytest.raises(relgraph.ForbiddenQueryError):
        remote.query("DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(relgraph.ForbiddenQueryError):
        remote.query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")


def test_push_to_a_read_only_server_fails_in_one_line(tmp_path):
    with oxigraph_server(tmp_path):  # makes the database the read-only server opens
        pass
    with oxigraph_server(tmp_path, read_only=True) as base, pytest.raises(relgraph.EndpointError) as e:
        push(DATA / "2022-vvd.ttl", endpoint=base + "/query")
    assert str(e.value).startswith(f"{base}/store?graph=urn%3Arelgraph%3Afile%3A2022-vvd.ttl: HTTP 4")
    assert "\n" not in str(e.value)


def test_nothing_reaches_the_network_without_an_endpoint(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("relgraph tried to open a connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.delenv("RELGRAPH_ENDPOINT", raising=False)
    g = relgraph.open(DATA, queries=QUERIES)
    assert g.query("agreements").rows and g.path("FoodValley", "DOFTEC")
