"""Writing a dataset to a SPARQL endpoint: each data file into its own named graph, replacing what that graph held.

:func:`push` parses every data file locally (so a syntax error stops it, with file, line and column, before
anything is sent), then writes each file's triples into the graph :func:`~relgraph.store.files.graph_name` names
(``urn:relgraph:file:<path in the data folder>``; the quads of a TriG or N-Quads file keep their own graphs), in
one of two ways:

* **Graph Store Protocol**: ``PUT <store>?graph=<g>`` with the triples as N-Triples (sent as ``text/turtle``, of
  which N-Triples is a part): the server replaces the graph in one step.
* **SPARQL UPDATE**, where that is all an endpoint offers: ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> {
  ... } }`` in one request, then the rest of the triples in further ``INSERT DATA`` requests of ``chunk``
  triples each. Blank nodes become stable IRIs (``urn:relgraph:genid:<hash of the graph>:<n>``, numbered in the
  order the file gives them), since Virtuoso refuses blank nodes in ``INSERT DATA`` and a blank node cannot
  span two requests anyway.

Either way pushing the same files twice leaves the same triples, and a changed file replaces its own graph only.
``prune=True`` also drops the file graphs at the endpoint whose file is gone. Credentials are offered, Basic or
Digest as the server asks (Virtuoso's ``/sparql-auth`` asks for Digest).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from .errors import ParameterError
from .sparql import serialize_term
from .store.files import FILE_GRAPH, data_files, graph_name, parse
from .store.http import DEFAULT_TIMEOUT, Client, check_url
from .terms import IRI

#: Triples per ``INSERT DATA`` request.
CHUNK = 2000

#: Prefix of the IRIs blank nodes become when written by SPARQL UPDATE.
GENID = "urn:relgraph:genid:"


@dataclass(frozen=True)
class Target:
    """Where files are written: ``method`` is ``"graph-store"`` (PUT per graph) or ``"update"`` (SPARQL UPDATE)."""

    method: str
    url: str


@dataclass(frozen=True)
class Pushed:
    """What was done (or, in a dry run, would be done) for one named graph: ``action`` is ``"replace"`` or
    ``"drop"`` (a graph pruned), ``requests`` the requests it takes, ``file`` None for a pruned graph."""

    graph: str
    triples: int
    action: str
    requests: int
    file: Path | None = None


def target(endpoint: str | None = None, *, graph_store: str | None = None, update: str | None = None) -> Target:
    """Where and how to write: ``graph_store`` or ``update`` when given; else, for an endpoint whose query URL
    ends in ``/query`` (Oxigraph server's layout), the Graph Store Protocol at ``/store`` beside it; else SPARQL
    UPDATE at the endpoint's URL itself (the SPARQL 1.1 Protocol lets one URL take queries and updates).

    >>> target("http://localhost:7878/query")
    Target(method='graph-store', url='http://localhost:7878/store')
    >>> target("http://localhost:8890/sparql", update="http://localhost:8890/sparql-auth").method
    'update'
    """
    if graph_store is not None and update is not None:
        raise ParameterError("give a graph store URL or an update URL, not both")
    if graph_store is not None:
        return Target("graph-store", check_url(graph_store))
    if update is not None:
        return Target("update", check_url(update))
    if endpoint is None:
        raise ParameterError("no endpoint to push to: give its URL (or a graph store or update URL)")
    parts = urlsplit(check_url(endpoint))
    if parts.path.endswith("/query") and not parts.query:
        return Target("graph-store", urlunsplit(parts._replace(path=parts.path[:-len("query")] + "store")))
    return Target("update", endpoint)


def push(data: str | Path, *, endpoint: str | None = None, graph_store: str | None = None,
         update: str | None = None, user: str | None = None, password: str | None = None,
         timeout: float = DEFAULT_TIMEOUT, dry_run: bool = False, prune: bool = False,
         chunk: int = CHUNK) -> list[Pushed]:
    """Write every data file of ``data`` (a folder or a file) into its named graph at an endpoint.

    ``endpoint`` is the query URL; ``graph_store`` or ``update`` say where writes go (see :func:`target`).
    ``dry_run`` parses and plans without sending anything. ``prune`` also drops the ``urn:relgraph:file:``
    graphs at the endpoint that no file of ``data`` fills (it needs ``endpoint`` to list them). Returns what was
    done, graph by graph; raises :class:`~relgraph.errors.DataError` for a file that does not parse (before
    anything is sent) and :class:`~relgraph.errors.EndpointError` when the endpoint refuses.

    Examples
    --------
    >>> import relgraph.push
    >>> relgraph.push.push("data", endpoint="http://localhost:7878/query")              # doctest: +SKIP
    >>> relgraph.push.push("data", endpoint="http://localhost:8890/sparql",             # doctest: +SKIP
    ...                    update="http://localhost:8890/sparql-auth", user="dba", password="dba")
    """
    if chunk < 1:
        raise ParameterError("chunk must be at least 1 triple")
    where = target(endpoint, graph_store=graph_store, update=update)
    if prune and endpoint is None:
        raise ParameterError("pruning needs the endpoint's query URL, to list its graphs")
    path = Path(data)
    root = path if path.is_dir() else path.parent
    graphs = _graphs(data_files(path), root)
    client = Client(user=user, password=password, timeout=timeout)
    done = []
    for name, (file, triples) in graphs.items():
        requests = _requests(where, name, triples, chunk)
        if not dry_run:
            for method, url, body, media in requests:
                client.send(method, url, body, {"Content-Type": media})
        done.append(Pushed(name, len(triples), "replace", len(requests), file))
    if prune:
        done += _prune(endpoint or "", where, set(graphs), client, dry_run)
    return done


def _graphs(files: list[Path], root: Path) -> dict[str, tuple[Path, list[Any]]]:
    """The triples of each named graph the files fill (pyoxigraph triples), with the file each comes from.

    Every file is parsed before anything is sent."""
    import pyoxigraph as ox

    out: dict[str, tuple[Path, list[Any]]] = {}
    for f in files:
        name = graph_name(f, root)
        out.setdefault(name, (f, []))
        for q in parse(f):
            g = name if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
            out.setdefault(g, (f, []))[1].append(ox.Triple(q.subject, q.predicate, q.object))
    return out


def _requests(where: Target, graph: str, triples: list[Any], chunk: int) -> list[tuple[str, str, bytes, str]]:
    """The requests (method, URL, body, media type) that replace ``graph`` by ``triples``."""
    if where.method == "graph-store":
        import pyoxigraph as ox

        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        sep = "&" if urlsplit(where.url).query else "?"
        return [("PUT", f"{where.url}{sep}{urlencode({'graph': graph})}", body, "text/turtle; charset=utf-8")]
    media = "application/sparql-update; charset=utf-8"
    lines = list(_skolemised(graph, triples))
    g = serialize_term(IRI(graph))
    inserts = [f"INSERT DATA {{ GRAPH {g} {{\n" + "\n".join(lines[i:i + chunk]) + "\n} }"
               for i in range(0, len(lines), chunk)]
    texts = [f"DROP SILENT GRAPH {g}" + (" ;\n" + inserts[0] if inserts else ""), *inserts[1:]]
    return [("POST", where.url, text.encode("utf-8"), media) for text in texts]


def _skolemised(graph: str, triples: list[Any]) -> Iterator[str]:
    """Each triple as one N-Triples line, its blank nodes as stable IRIs numbered by first appearance."""
    import pyoxigraph as ox

    base = f"{GENID}{hashlib.sha256(graph.encode('utf-8')).hexdigest()[:16]}:"
    names: dict[str, str] = {}

    def term(t: Any) -> str:
        if isinstance(t, ox.BlankNode):
            return names.setdefault(t.value, f"<{base}{len(names) + 1}>")
        return str(t)

    for t in triples:
        yield f"{term(t.subject)} {term(t.predicate)} {term(t.object)} ."


def _prune(endpoint: str, where: Target, keep: set[str], client: Client, dry_run: bool) -> list[Pushed]:
    """Drop the file graphs at the endpoint that no file fills any more."""
    from .store.endpoint import EndpointStore

    listed = EndpointStore(endpoint, client=client).graph_names()
    gone = sorted(g for g in listed if g.startswith(FILE_GRAPH) and g not in keep)
    if not dry_run:
        for g in gone:
            if where.method == "graph-store":
                sep = "&" if urlsplit(where.url).query else "?"
                client.send("DELETE", f"{where.url}{sep}{urlencode({'graph': g})}")
            else:
                client.send("POST", where.url, f"DROP SILENT GRAPH {serialize_term(IRI(g))}".encode(),
                            {"Content-Type": "application/sparql-update; charset=utf-8"})
    return [Pushed(g, 0, "drop", 1) for g in gone]
