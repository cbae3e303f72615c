"""No network unless asked: a corpus of tricky queries that try to reach a local listener through SERVICE or FROM.

The listener counts every connection. Each query is either refused by relgraph's guard or answered from the local
store; the listener must receive nothing. The control proves the listener works: the same SERVICE call made
through raw pyoxigraph, without relgraph's guard, does reach it.
"""

from __future__ import annotations

import socket
import threading

import pytest

import relgraph
from relgraph.errors import ForbiddenQueryError, QueryError


class Listener:
    """A TCP listener on 127.0.0.1 that accepts and counts connections (and answers nothing)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.hits += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture(scope="module")
def listener():
    lst = Listener()
    yield lst
    lst.close()


def corpus(url: str) -> list[str]:
    host = url.split("//")[1].split("/")[0]
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SeRvIcE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"PREFIX ex: <http://{host}/> SELECT * WHERE {{ ?s ?p ?o FILTER(?o<2)SERVICE#>\n ex:sparql {{ ?a ?b ?c }} }}",
        f"PREFIX ex: <http://{host}/> SELECT * WHERE {{ ?s ?p ?o FILTER(?o<2)SERVICE#>\r ex:sparql {{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER(?o<2)SERVICE<{url}>{{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ SERV\\u0049CE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <{url.replace('/sparql', '/%73parql')}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE\t<{url}>\n{{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE#comment\n<{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o . OPTIONAL {{ SERVICE <{url}> {{ ?s ?q ?r }} }} }}",
        f"SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o MINUS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ GRAPH ?g {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"ASK {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"DESCRIBE ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ BIND(<{url}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?u {{ <{url}> }} SERVICE ?u {{ ?s ?p ?o }} }}",
        f"BASE <http://{host}/> SELECT * WHERE {{ SERVICE <sparql> {{ ?s ?p ?o }} }}",
        f"PREFIX : <http://{host}/> SELECT * WHERE {{ SERVICE :sparql {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p \"x\" . SERVICE <{url}> {{ ?s ?p ?o }} }} # \"",
        f"SELECT * WHERE {{ ?s ?p '''a\n''' . SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p \"\"\"\"\"\" . SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"select * from <{url}> where {{ ?s ?p ?o }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER(?o<2)FROM#>\n <{url}> }}",
        f"LOAD <{url}>",
        f"SELECT * WHERE {{ ?s ?p ?o }} ; LOAD <{url}>",
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }}",  # not even well-formed
    ]


def test_the_corpus_is_big_enough():
    assert len(corpus("http://127.0.0.1:1/sparql")) >= 30


def test_no_query_of_the_corpus_reaches_the_listener(seed, listener):
    url = f"http://127.0.0.1:{listener.port}/sparql"
    outcomes = {}
    for q in corpus(url):
        try:
            seed.query(q, labels=False)
            outcomes[q] = "answered locally"
        except ForbiddenQueryError:
            outcomes[q] = "refused"
        except QueryError:
            outcomes[q] = "not a query"
    assert listener.hits == 0, outcomes
    assert sum(1 for o in outcomes.values() if o == "refused") >= 30


def test_the_listener_does_hear_a_service_call_without_the_guard(listener):
    """The control: raw pyoxigraph, with no guard in front, does call the listener."""
    import pyoxigraph

    before = listener.hits
    with pytest.raises(OSError):
        list(pyoxigraph.Store().query(
            f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"))
    assert listener.hits > before


@pytest.mark.parametrize("text", ["SELECT * WHERE { ?s a schema:Service }", 'SELECT * WHERE { ?s ?p "service" }',
                                  "SELECT * WHERE { ?s <http://example.org/service> ?o }"])
def test_the_word_service_in_data_is_no_problem(seed, text):
    assert seed.query(text, labels=False).form == "SELECT"


def test_from_a_graph_of_the_store_is_allowed(seed):
    assert seed.query("ASK FROM <urn:relgraph:file:utrecht-guangdong.ttl> { ?s ?p ?o }").boolean is True
    with pytest.raises(ForbiddenQueryError):
        relgraph.open  # noqa: B018 - the store's own graphs only
        seed.query("ASK FROM <urn:relgraph:file:nowhere.ttl> { ?s ?p ?o }")


def test_from_names_the_dataset_instead_of_the_union(seed):
    """FROM <a file's graph> asks that source alone: its triples, not the union of every file."""
    import rdflib

    from .conftest import DATA

    own = len(rdflib.Graph().parse(DATA / "utrecht-guangdong.ttl"))
    r = seed.query("SELECT (COUNT(*) AS ?n) FROM <urn:relgraph:file:utrecht-guangdong.ttl> WHERE { ?s ?p ?o }")
    assert r.rows == [(own,)] and own < len(seed.store)
