"""What an import asks of the graph it adds to, each question asked once.

A sheet of 10,000 relations names the same entities, roles and agreements again and again; asked row by row,
the graph answered 20,000 queries. This module owns those questions: the relations the graph already holds (all
of one type read in one query), labels, names resolved as ``-p`` parameters are, and which entities are
agreements, each answer kept for the rest of the import.
"""

from __future__ import annotations

from ..core import Graph
from ..errors import RelgraphError
from ..namespaces import RG
from ..terms import IRI
from .vocab import RelationType


class Lookups:
    """The answers of ``base`` (the dataset without the files the sheet rewrites), asked once each."""

    def __init__(self, base: Graph) -> None:
        self.base = base
        self._held: dict[str, dict[tuple[str, str, str], IRI]] = {}
        self._labels: dict[tuple[str, str], str] = {}
        self._resolved: dict[str, IRI | RelgraphError] = {}
        self._agreements: dict[str, bool] = {}

    def existing(self, rtype: RelationType, a: IRI, b: IRI, role: IRI) -> IRI | None:
        """The relation of this type, ends and role that the graph holds, if any (the first by IRI)."""
        if rtype.name not in self._held:
            raw = self.base.store.query(
                "SELECT ?r ?a ?b ?role WHERE { ?r a ?cls ; ?sp ?a ; ?tp ?b ; ?rp ?role } ORDER BY DESC(?r)",
                bindings={"cls": IRI(rtype.cls or ""), "sp": IRI(rtype.source_p or ""), "tp": IRI(rtype.target_p),
                          "rp": IRI(rtype.role_p or "")})
            # in descending order, so that the first IRI of each (ends, role) is the one kept
            self._held[rtype.name] = {(str(ra), str(rb), str(rr)): IRI(str(r)) for r, ra, rb, rr in raw.rows}
        return self._held[rtype.name].get((str(a), str(b), str(role)))

    def label(self, iri: str, lang: str = "en") -> str:
        """The label of ``iri`` in ``lang`` (:meth:`relgraph.core.Graph.label`)."""
        if (iri, lang) not in self._labels:
            self._labels[(iri, lang)] = self.base.label(iri, lang)
        return self._labels[(iri, lang)]

    def resolve(self, text: str) -> IRI:
        """The entity a name stands for (:meth:`relgraph.core.Graph.resolve`); its error, raised again."""
        if text not in self._resolved:
            try:
                self._resolved[text] = self.base.resolve(text)
            except RelgraphError as e:
                self._resolved[text] = e
        found = self._resolved[text]
        if isinstance(found, RelgraphError):
            raise found
        return found

    def is_agreement(self, iri: IRI) -> bool:
        """Whether the graph says ``iri`` is an rg:Agreement."""
        if iri not in self._agreements:
            self._agreements[iri] = bool(self.base.store.query(
                "ASK { ?b a ?c }", bindings={"b": iri, "c": IRI(RG.Agreement)}).boolean)
        return self._agreements[iri]

    def exists(self, iri: IRI) -> bool:
        """Whether ``iri`` is in the graph (as subject or object)."""
        return bool(self.base.store.query("ASK { { ?s ?p ?o } UNION { ?o ?p ?s } }", bindings={"s": iri}).boolean)
