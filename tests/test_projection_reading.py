"""The network projection read from plain statements is the projection read with SPARQL: same nodes, same
attributes, same edges with the same keys, in the same order, whatever the data, the day or the language.

``project_sparql`` (relgraph's own queries, ``relgraph/sparql/*.rq``) is the reference; ``project`` reads the
store once as plain statements. Both end in the same assembly, so a difference can only come from reading.
"""

from __future__ import annotations

import random
import re
from importlib import resources
from pathlib import Path

import networkx as nx
import pytest

import relgraph
from relgraph.core import Graph
from relgraph.labels import choose, pick, preference
from relgraph.languages import LANGS
from relgraph.network import project, structure
from relgraph.network.projection_sparql import project_sparql
from relgraph.network.vocabulary import DIRECT, FIELD, LABELS, NOT_EDGE, NOT_ENTITY, QUALIFIED
from relgraph.store.statements import sparql_statements, statements

ROOT = Path(__file__).resolve().parent.parent
SYNTHETIC = ROOT / "benchmarks" / "out" / "synthetic-100k.ttl"
CASES = [{}, {"as_of": "2015"}, {"as_of": "2020-01-01"}, {"as_of": "2023-01-01"}, {"lang": "nl"}]


def assert_same(fast: nx.MultiDiGraph, reference: nx.MultiDiGraph) -> None:
    assert fast.graph == reference.graph
    assert list(fast.nodes(data=True)) == list(reference.nodes(data=True))
    assert [list(attrs) for _, attrs in fast.nodes(data=True)] == [list(a) for _, a in reference.nodes(data=True)]
    assert list(fast.edges(keys=True, data=True)) == list(reference.edges(keys=True, data=True))


@pytest.mark.parametrize("case", CASES, ids=lambda c: ",".join(f"{k}={v}" for k, v in c.items()) or "today")
@pytest.mark.parametrize("name", ["seed", "example"])
def test_the_fast_projection_is_the_sparql_projection(request, name, case):
    g = request.getfixturevalue(name)
    fast, reference = project(g, **case), project_sparql(g, **case)
    assert fast.number_of_nodes() > 10 and fast.number_of_edges() > 10
    assert_same(fast, reference)


EX = "https://example.org/edge-cases/"
FIRST = f"""
@prefix ex: <{EX}> .
@prefix rg: <https://w3id.org/relgraph/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix cv: <http://data.europa.eu/m8g/> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

ex:a a cv:PublicOrganisation , org:Organization ; rdfs:label "Beta"@en , "Alpha"@en , "Aleph"@zh-Hant , "Bet"@zh-Hans ;
    skos:prefLabel "Zulu"@en , "Pref"@nl ; skos:altLabel "A" , "AA" ; schema:startDate "2001" ; dct:date "1999" ;
    rg:quote "second quote" , "first quote" ; prov:hadPrimarySource ex:src1 ; foaf:knows ex:b , ex:nobody ;
    rg:subject ex:theme1 , ex:theme2 .
ex:b a org:Organization ; schema:name "Bee" ; dct:date "2010-05" ; rg:count 12 ; rg:holderNamed true .
ex:c a schema:Event ; rdfs:label "Event"@en ; schema:startDate "2016-03-01" ; schema:superEvent ex:d .
ex:d a schema:Event ; rdfs:label "Big event"@en , "Groot"@nl-BE ; schema:startDate "2016" ; schema:endDate "2016" .
ex:e a rg:Outcome ; rdfs:label "Outcome" ; rg:resultOf ex:c .
ex:f a foaf:Person ; foaf:name "Frank" ; rdfs:label ex:not-a-literal .
ex:theme1 a skos:Concept ; skos:prefLabel "Theme one"@en .
ex:class a owl:Class ; rdfs:label "Not an entity" .
ex:untyped rdfs:label "No class" .
rg:Thing a owl:Thing ; rdfs:label "Ontology term" .
[] a org:Membership ; org:member ex:b ; org:organization ex:a ; org:role ex:chair , ex:member ;
    rg:status rg:Active ; schema:startDate "2005" ; rg:quote "blank membership" ; prov:hadPrimarySource ex:src1 .
ex:m2 a org:Membership ; org:member ex:f , ex:b ; org:organization ex:a .
ex:p1 a cv:Participation ; rg:agent ex:a ; rg:event ex:c , ex:d .
ex:s1 a rg:SisterRelationship ; rg:party ex:a , ex:b , ex:f ; rg:status rg:Active ; schema:startDate "2000" ;
    rg:quote "sisters" ; prov:hadPrimarySource ex:src1 .
ex:ag a rg:Agreement ; rdfs:label "Agreement"@en ; rg:party ex:a , ex:b ; rg:dateSigned "2012-02-02"^^xsd:date ;
    rg:signedAt ex:c .
ex:src1 a schema:CreativeWork ; rdfs:label "Source one" ; schema:datePublished "2017-06" , "2017-05" .
"""
SECOND = f"""
@prefix ex: <{EX}> .
@prefix rg: <https://w3id.org/relgraph/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

ex:s1 rg:status rg:Ended ; schema:endDate "2022-11-16" ; rg:quote "ended" , "also ended" ;
    prov:hadPrimarySource ex:src2 .
ex:a rdfs:label "Alpha"@en ; rg:quote "first quote" ; rg:status rg:Active , rg:Ended .
ex:src2 a schema:CreativeWork ; rdfs:label "Source two" ; schema:datePublished "2022-11" .
"""


@pytest.fixture(scope="module")
def edge_cases(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("edge-cases")
    (folder / "first.ttl").write_text(FIRST, encoding="utf-8")
    (folder / "second.ttl").write_text(SECOND, encoding="utf-8")
    return folder


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: ",".join(f"{k}={v}" for k, v in c.items()) or "today")
def test_edge_cases_read_the_same(edge_cases, engine, case):
    """Blank-node relations, several roles, ties between labels and values, two sources of one relation."""
    g = relgraph.open(edge_cases, engine=engine)
    fast, reference = project(g, **case), project_sparql(g, **case)
    assert_same(fast, reference)
    if not case:
        a = fast.nodes[EX + "a"]
        assert (a["label"], a["labels"]) == ("Alpha", {"en": "Alpha", "nl": "Pref", "zh": "Aleph"})
        assert a["start"] == "2001" and a["quotes"] == ["first quote", "second quote"]
        assert fast.nodes[EX + "b"]["count"] == 12 and fast.nodes[EX + "b"]["holder_named"] is True
        assert EX + "class" not in fast and EX + "untyped" not in fast and "https://w3id.org/relgraph/ontology#Thing" not in fast
        roles = sorted(k.rsplit("/", 1)[-1] for _, _, k in fast.edges(EX + "b", keys=True) if "Membership" not in k)
        assert {"chair", "member"} <= set(roles)
        assert fast.has_edge(EX + "a", EX + "b") and not fast.has_edge(EX + "a", EX + "nobody")


def test_the_order_does_not_depend_on_the_engine(example_data):
    """Nodes, attributes and edges come in one order, whichever engine read them."""
    ox, rd = (project(relgraph.open(example_data, engine=e)) for e in ("oxigraph", "rdflib"))
    assert list(ox.nodes(data=True)) == list(rd.nodes(data=True))
    assert list(ox.edges(keys=True, data=True)) == list(rd.edges(keys=True, data=True))


def test_blank_nodes_aside_the_engines_agree(edge_cases):
    """Blank nodes have an id of each engine's making: the relations they carry differ by that id alone."""
    ox, rd = (project(relgraph.open(edge_cases, engine=e)) for e in ("oxigraph", "rdflib"))
    assert list(ox.nodes(data=True)) == list(rd.nodes(data=True))

    def named(net):
        return sorted((u, v, k, repr(d)) for u, v, k, d in net.edges(keys=True, data=True) if k.startswith("http"))

    assert named(ox) == named(rd) != []
    assert ox.number_of_edges() == rd.number_of_edges()


@pytest.mark.parametrize("name", ["seed", "example"])
def test_statements_are_those_sparql_gives(request, name):
    store = request.getfixturevalue(name).store
    assert sorted(statements(store)) == sorted(sparql_statements(store))
    label = "http://www.w3.org/2000/01/rdf-schema#label"
    assert sorted(statements(store, label)) == sorted(sparql_statements(store, label)) != []


def test_a_store_without_statements_is_read_in_sparql(seed):
    class Plain:
        """A store that answers SPARQL only (as an endpoint would)."""

        def __init__(self, inner):
            self.inner = inner

        def __getattr__(self, name):
            if name == "statements":
                raise AttributeError(name)
            return getattr(self.inner, name)

    plain = Graph(Plain(seed.store))
    assert_same(project(plain), project(seed))


def test_choose_and_preference_give_what_pick_gives():
    """``choose`` is ``pick`` for the language asked and for each language; the least text among the candidates
    ``preference`` ranks best is ``pick``'s among candidates in code-point order."""
    rng = random.Random(3)
    tags = [None, "en", "en-gb", "nl", "nl-be", "zh-hans", "zh-hant", "zh", "fr", "eng"]
    for _ in range(3000):
        found = [(rng.choice(["a", "b", "c", ""]), rng.choice(tags)) for _ in range(rng.randint(0, 5))]
        lang = rng.choice(LANGS)
        tagged = {code: [c for c in found if (c[1] or "").startswith(code)] for code in LANGS}
        assert choose(found, lang) == (pick(found, lang), {k: v for k in LANGS if (v := pick(tagged[k], k))})
        ordered = sorted(found, key=lambda c: (c[0], c[1] or ""))
        if ordered:
            assert min(ordered, key=lambda c: (preference(c[1], lang), c[0]))[0] == pick(ordered, lang)


def _terms(text: str, block: str) -> set[str]:
    """The IRIs of a block of a query (prefixed names expanded by the query's own PREFIX lines)."""
    prefixes = dict(re.findall(r"PREFIX (\w*): <([^>]+)>", text))
    found = {p + ":" + local for p, local in re.findall(r"\b(\w+):(\w+)\b", block) if p in prefixes}
    return {prefixes[t.split(":")[0]] + t.split(":")[1] for t in found} | set(re.findall(r"<([^>]+)>", block))


def _query(name: str) -> str:
    return resources.files("relgraph.sparql").joinpath(f"{name}.rq").read_text(encoding="utf-8")


def test_the_vocabulary_is_what_the_queries_say():
    entities = _query("entities")
    assert _terms(entities, entities.split("VALUES ?r {")[1].split("}")[0]) == NOT_ENTITY
    assert _terms(entities, entities.split("VALUES ?p {")[1].split("}")[0]) == set(FIELD) | set(LABELS)
    edges = _query("edges")
    assert _terms(edges, edges.split("VALUES ?kind {")[1].split("}")[0]) == set(DIRECT)
    assert _terms(edges, edges.split("NOT IN (")[1].split("))")[0]) == NOT_EDGE
    for cls, (source, target, role, default) in QUALIFIED.items():
        branch = next(b for b in edges.split("UNION") if cls in _terms(edges, b))
        assert {source, target, role, default} <= _terms(edges, branch)


@pytest.mark.skipif(not SYNTHETIC.exists(), reason="run benchmarks/generate.py --sizes 100k first")
def test_the_same_at_100k_triples():
    g = relgraph.open(SYNTHETIC)
    fast, reference = project(g), project_sparql(g)
    assert fast.number_of_nodes() > 5000
    assert_same(fast, reference)


def assert_same_structure(structure: nx.MultiDiGraph, full: nx.MultiDiGraph) -> None:
    """The same nodes with the same labels and kinds, the same edges with the same keys, kinds and relations,
    in the same order."""
    shown = ("label", "labels", "kind", "kind_label", "classes")
    assert [(n, {k: d[k] for k in shown}) for n, d in structure.nodes(data=True)] == \
        [(n, {k: d[k] for k in shown}) for n, d in full.nodes(data=True)]
    assert [(u, v, k, d["kind"], d["relation"]) for u, v, k, d in structure.edges(keys=True, data=True)] == \
        [(u, v, k, d["kind"], d["relation"]) for u, v, k, d in full.edges(keys=True, data=True)]


@pytest.mark.parametrize("lang", ["en", "nl", "zh"])
@pytest.mark.parametrize("name", ["seed", "example"])
def test_the_structure_alone_is_the_full_projections_structure(request, name, lang):
    g = request.getfixturevalue(name)
    net = structure(g, lang=lang)
    assert net.number_of_nodes() > 10 and net.number_of_edges() > 10
    assert_same_structure(net, project(g, lang=lang))


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_the_structure_of_the_edge_cases_is_the_full_projections(edge_cases, engine):
    g = relgraph.open(edge_cases, engine=engine)
    assert_same_structure(structure(g), project(g))


def test_rank_on_the_structure_is_rank_on_the_full_projection(seed):
    from relgraph.network import rank_rows

    for by in ("degree", "betweenness", "pagerank"):
        assert rank_rows(seed, by=by) == rank_rows(project(seed), by=by)
