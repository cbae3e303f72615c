"""The network projection read in SPARQL: the reference the fast reading (:mod:`.reading`) is tested against.

:func:`project_sparql` asks relgraph's own queries (``relgraph/sparql/entities.rq``, ``edges.rq`` and
``claims.rq``) and makes the network of their rows with the same :func:`~.assembly.assemble` as
:func:`relgraph.network.project`. It is what the projection was before the fast reading, and some eight times
slower at 1M triples; the tests and ``benchmarks/projection.py`` use it to show that both give the same network.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..arguments import as_of_day
from ..core import Graph
from ..labels import pick, preference
from ..languages import LANGS
from ..states import claims_from_rows
from ..store.statements import term_kind
from ..terms import Literal
from .assembly import assemble
from .vocabulary import FIELD, LABELS, MULTI, VALUES

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

_PRIORITY = {prop: i for i, prop in enumerate(FIELD)}
_LABEL_RANK = {prop: i for i, prop in enumerate(LABELS)}


def project_sparql(g: Graph, *, lang: str = "en", as_of: str | int | dt.date | None = None) -> nx.MultiDiGraph:
    """The network :func:`relgraph.network.project` gives, read with SPARQL queries.

    Examples
    --------
    >>> net = project_sparql(relgraph.open("data"))
    >>> net.nodes["https://w3id.org/relgraph/utrecht-guangdong/doftec"]["kind"]
    'government'
    """
    day = as_of_day(as_of)
    claims = claims_from_rows(g.internal("claims").rows, g.published)
    keys = [(str(rel), str(src), str(tgt), str(kind)) for rel, src, tgt, kind in g.internal("edges").rows]
    return assemble(g, _entities(g, lang), keys, claims, lang=lang, day=day)


def _entities(g: Graph, lang: str) -> dict[str, dict[str, Any]]:
    """Every entity with the attributes its rows give, in the order of the fields whatever the rows' order."""
    found: dict[str, dict[str, list[tuple[Any, ...]]]] = {}
    names: dict[str, list[tuple[int, str, str]]] = {}
    for s, p, o in g.internal("entities").rows:
        assert o is not None  # the query binds every variable
        iri, prop = str(s), str(p)
        facts = found.setdefault(iri, {})
        if prop in _LABEL_RANK and isinstance(o, Literal):
            names.setdefault(iri, []).append((_LABEL_RANK[prop], str(o), o.lang or ""))
            continue
        field = FIELD.get(prop)
        if field is None:
            continue
        value: Any = o.value if isinstance(o, Literal) and prop in VALUES else str(o)
        rank = preference(o.lang if isinstance(o, Literal) else None, lang)
        facts.setdefault(field, []).append((_PRIORITY[prop], rank, str(o), term_kind(o), value))
    out: dict[str, dict[str, Any]] = {}
    order = list(dict.fromkeys(FIELD.values()))
    for iri, facts in found.items():
        node: dict[str, Any] = {f: [] for f in MULTI}
        for field in order:
            if field in facts:
                # every value of a many-valued field; of a single-valued one, the preferred property's value in
                # the language asked for (as labels fall back), the least of equals
                node[field] = sorted({v[4] for v in facts[field]}) if field in MULTI else min(facts[field])[4]
        lits = [(text, tag or None) for _, text, tag in sorted(names.get(iri, []))]
        labels = {code: pick([x for x in lits if (x[1] or "").startswith(code)], code) for code in LANGS}
        node["labels"] = {k: v for k, v in labels.items() if v}
        node["label"] = pick(lits, lang) or iri
        out[iri] = node
    return out
