"""relgraph over Virtuoso open source (Debian's ``virtuoso-opensource``), started by the tests with a fresh
database on free ports, and its known quirks: Digest authentication on the update endpoint ``/sparql-auth``,
blank nodes refused in ``INSERT DATA``, ``GRAPH ?g {}`` answering one row that binds nothing, and a default
graph that holds Virtuoso's own system graphs.

Two differences remain, both Virtuoso's, and the comparison below allows exactly those: GROUP_CONCAT gives a
plain literal (as SPARQL 1.1 says; Oxigraph keeps a common language tag) and turns a separator that is not ASCII
(`` · ``) into ``?``; and the ``timeline`` query fails in Virtuoso's SQL compiler (SQ074).
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import relgraph
from relgraph.cli import cli
from relgraph.network import neighbour_rows, rank_rows
from relgraph.push import GENID, push
from relgraph.store.endpoint import EndpointStore, read_answer

from .conftest import DATA, QUERIES
from .servers import VIRTUOSO_INI, virtuoso_binary, virtuoso_server

pytestmark = [pytest.mark.virtuoso,
              pytest.mark.skipif(virtuoso_binary() is None or not VIRTUOSO_INI.is_file(),
                                 reason="Virtuoso is not installed: apt-get install virtuoso-opensource "
                                        "(make virtuoso does it as root)")]

#: Named queries Virtuoso 7.2 cannot run: its SQL compiler fails on them.
FAILS_ON_VIRTUOSO = {"timeline": "SQ074"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as base:
        push(DATA, endpoint=base + "/sparql", update=base + "/sparql-auth", user="dba", password="dba")
        yield base


@pytest.fixture(scope="module")
def remote(server):
    return relgraph.open(endpoint=server + "/sparql", queries=QUERIES)


def plain(term: object) -> str:
    """A value as both answers can be compared: its kind and text, GROUP_CONCAT lists sorted and Virtuoso's
    ``?`` for the separator undone; the language tag left out (Virtuoso's GROUP_CONCAT has none)."""
    if term is None:
        return "None"
    text = " · ".join(sorted(str(term).replace(" ? ", " · ").split(" · ")))
    return f"{type(term).__name__}:{text}"


@pytest.mark.parametrize("name", sorted(p.stem for p in QUERIES.glob("*.rq")))
def test_every_named_query_answers_as_embedded(remote, seed, name):
    params = {p.name: p.example for p in seed.named_query(name).params}
    if name in FAILS_ON_VIRTUOSO:
        with pytest.raises(relgraph.EndpointError, match=FAILS_ON_VIRTUOSO[name]):
            remote.query(name, **params)
        return
    embedded, over_http = seed.query(name, **params), remote.query(name, **params)
    if embedded.is_graph:
        assert set(over_http.triples) == set(embedded.triples)
    else:
        assert sorted(tuple(map(plain, r)) for r in over_http.terms) == \
            sorted(tuple(map(plain, r)) for r in embedded.terms)


def test_only_the_file_graphs_are_the_data_not_virtuosos_system_graphs(server, remote, seed):
    assert remote.store.graph_names() == seed.store.graph_names()
    assert len(remote.store) == len(seed.store)
    everything = EndpointStore(server + "/sparql").client
    raw = everything.post_form(server + "/sparql", [("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")],
                               accept="application/sparql-results+json")
    assert b'"value": "%d"' % len(seed.store) not in raw.body  # Virtuoso's own default graph holds more


def test_graph_query_with_an_empty_pattern_answers_one_empty_row(server):
    """The quirk :meth:`EndpointStore.graph_names` works around."""
    client = EndpointStore(server + "/sparql").client
    answer = client.post_form(server + "/sparql", [("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")],
                              accept="application/sparql-results+json")
    assert read_answer(answer, server).rows == [(None,)]


def test_network_path_neighbours_rank_exports_view_validate(remote, seed):
    as_dicts = lambda chains: [[s.as_dict() for s in c] for c in chains]  # noqa: E731
    assert as_dicts(remote.path("FoodValley", "DOFTEC")) == as_dicts(seed.path("FoodValley", "DOFTEC"))
    assert remote.resolve("广东省") == seed.resolve("广东省")
    assert neighbour_rows(remote, "DOFTEC", depth=2) == neighbour_rows(seed, "DOFTEC", depth=2)
    assert rank_rows(remote, by="betweenness") == rank_rows(seed, by="betweenness")
    assert remote.export("gexf") == seed.export("gexf")
    assert remote.view(focus="DOFTEC", lang="zh").html == seed.view(focus="DOFTEC", lang="zh").html
    assert remote.stats().by_class == seed.stats().by_class
    assert relgraph.open(DATA, endpoint=remote.store.url).validate().findings == seed.validate().findings


def test_push_with_digest_skolemises_blank_nodes_and_is_idempotent(server, tmp_path):
    (tmp_path / "bnodes.ttl").write_text('<urn:x:s> <urn:x:p> [ <urn:x:q> "één" ] , [ <urn:x:q> "二" ] .\n',
                                         encoding="utf-8")
    for _ in range(2):
        done = push(tmp_path, endpoint=server + "/sparql", update=server + "/sparql-auth", user="dba",
                    password="dba", chunk=3)
    assert [(p.graph, p.triples, p.requests) for p in done] == [("urn:relgraph:file:bnodes.ttl", 4, 2)]
    store = EndpointStore(server + "/sparql")
    raw = store.query("SELECT ?o ?t WHERE { GRAPH <urn:relgraph:file:bnodes.ttl> { <urn:x:s> <urn:x:p> ?o . "
                      "?o <urn:x:q> ?t } } ORDER BY ?t")
    assert [str(t) for _, t in raw.rows] == ["één", "二"]
    assert all(str(o).startswith(GENID) for o, _ in raw.rows)


def test_a_wrong_password_is_one_line(server):
    result = CliRunner().invoke(cli, ["push", "--endpoint", server + "/sparql", "--update", server + "/sparql-auth",
                                      "--user", "dba", "--data", str(DATA / "2022-vvd.ttl")],
                                env={"RELGRAPH_ENDPOINT_PASSWORD": "wrong"})
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {server}/sparql-auth: HTTP 401 ")
    assert result.output.count("\n") == 1


def test_updates_without_credentials_are_refused_in_one_line(server):
    with pytest.raises(relgraph.EndpointError) as e:
        push(DATA / "2022-vvd.ttl", endpoint=server + "/sparql")
    assert str(e.value).startswith(f"{server}/sparql: HTTP ")
    assert "\n" not in str(e.value)
